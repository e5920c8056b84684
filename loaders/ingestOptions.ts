import type {LayoutName, LayoutOptions} from "./layouts/types.js";

/** Options of every ingest function: layout hints plus how to read the file. */
export interface IngestOptions extends LayoutOptions {
  /** Skip encoding detection (`--encoding gbk`). */
  encoding?: string;
  /** Skip layout detection. */
  layout?: LayoutName;
  /** XLSX: the sheet to read (default: the first). */
  sheet?: string;
  /** Dataset name for the manifest (default: the file name). */
  dataset?: string;
  /** Where the figures come from, for the manifest. */
  notes?: string;
  /** The file name used in messages and the manifest (default: the path as given). */
  name?: string;
  /** `ingestFileTo`: encode and write on a second thread (default: for inputs of 8 MB or more). */
  writerThread?: boolean;
  /**
   * The byte fast path (records split on bytes, plain region rows taken as bytes, lines encoded as bytes, the writer
   * thread); default true. False reads every file as decoded text through the general path and writes each row
   * with `formatTidyLine`: the reference the fast path is tested against (same bytes, same errors).
   */
  fastPath?: boolean;
}
