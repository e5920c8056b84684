// The public API of the loaders: read a table (CSV/TSV in any supported encoding and layout, or XLSX) into tidy
// rows, a tidy CSV file, or only a manifest. The streaming read is readLoop.ts; the writers are tidyWriter.ts and
// tidyWriterThread.ts.
import {closeSync, fsyncSync, mkdirSync, openSync, readSync, renameSync, rmSync, statSync} from "node:fs";
import {basename, dirname, join} from "node:path";
import {Collector} from "./Collector.js";
import type {IngestOptions} from "./ingestOptions.js";
import type {LayoutName} from "./layouts/types.js";
import {tableManifest, type Manifest} from "./manifest.js";
import {checkOutputPath} from "./outputPath.js";
import {openInput, readTable} from "./readLoop.js";
import {textPipeline} from "./recordPipeline.js";
import {guessDelimiter} from "./records.js";
import {sniffKind} from "./sniff.js";
import {TIDY_HEADER, type TidyRow} from "./tidy.js";
import {bufferedWriter, lineWriter, type TidyWriter} from "./tidyWriter.js";
import {threadWriter} from "./tidyWriterThread.js";

export type {IngestOptions} from "./ingestOptions.js";

// Inputs from this size on write the tidy CSV on a second thread; below it, starting a thread costs more than it saves.
const THREAD_FROM = 8 << 20;

/**
 * Parses already decoded text (pure: no file system) into validated tidy rows.
 * @example ingestText("数据库：分省年度数据\n指标：城镇居民人均可支配收入(元)\n地区,2019年\n北京市,73849\n", {name: "x.csv"}).rows
 */
export function ingestText(
  text: string,
  options: IngestOptions = {}
): {rows: TidyRow[]; layout: LayoutName; warnings: string[]} {
  const rows: TidyRow[] = [];
  const collector = new Collector(options.name ?? "<input>", (row) => rows.push(row));
  const feed = textPipeline(collector, options, guessDelimiter(text.slice(0, 4096)));
  feed.push(text.replace(/^\uFEFF/, ""));
  const layout = feed.end();
  return {rows, layout, warnings: collector.allWarnings()};
}

/**
 * Reads a CSV/TSV file (any supported encoding and layout) into tidy rows and its manifest; throws a LoadError
 * `path:line:column: message` on bad input. XLSX needs the async `ingest`.
 * @example const {rows, manifest} = ingestFile("data/nbs-exports/城镇居民人均可支配收入.csv");
 */
export function ingestFile(path: string, options: IngestOptions = {}): {rows: TidyRow[]; manifest: Manifest} {
  const rows: TidyRow[] = [];
  const collector = new Collector(options.name ?? path, (row) => rows.push(row));
  const read = readTable(path, options, collector);
  return {rows, manifest: tableManifest(path, options, collector.counts(), read)};
}

/**
 * Streams a file into a tidy CSV at `out` in constant memory, through a temporary file renamed into place only
 * when the whole input validated: on any error `out` keeps its earlier bytes. Returns the manifest. Refuses an `out`
 * that is the input itself or a read-only file (see checkOutputPath).
 * @example ingestFileTo("big.csv", "out/big.tidy.csv", {})
 */
export function ingestFileTo(path: string, out: string, options: IngestOptions = {}): Manifest {
  checkOutputPath(out, [path]);
  mkdirSync(dirname(out) || ".", {recursive: true});
  const temporary = join(dirname(out), `.${basename(out)}.${process.pid}.${Date.now()}.tmp`);
  const fd = openSync(temporary, "w");
  let writer: TidyWriter | null = null;
  try {
    writer = chooseWriter(path, temporary, fd, options);
    writer.write(TIDY_HEADER);
    const collector = new Collector(options.name ?? path, writer.row, true);
    collector.onPlainRow = writer.plainRow;
    const summary = readTable(path, options, collector);
    writer.finish();
    fsyncSync(fd);
    closeSync(fd);
    renameSync(temporary, out);
    return tableManifest(path, options, collector.counts(), summary);
  } catch (error) {
    writer?.abort();
    try {
      closeSync(fd);
    } catch {
      // already closed
    }
    rmSync(temporary, {force: true});
    throw error;
  }
}

/** Big inputs encode and write on a second thread (it opens the temporary file again by name). */
function chooseWriter(path: string, temporary: string, fd: number, options: IngestOptions): TidyWriter {
  if (options.fastPath === false) return lineWriter(fd);
  return (options.writerThread ?? sizeOf(path) >= THREAD_FROM) ? threadWriter(temporary) : bufferedWriter(fd);
}

/**
 * Reads and validates a CSV/TSV file without keeping or writing rows (constant memory); returns the manifest.
 * @example validateFile("data/nbs-exports/城镇人口（万人）.csv").rows // 217
 */
export function validateFile(path: string, options: IngestOptions = {}): Manifest {
  const collector = new Collector(options.name ?? path, () => {}, true);
  collector.onPlainRow = () => {};
  const read = readTable(path, options, collector);
  return tableManifest(path, options, collector.counts(), read);
}

/**
 * Any supported file, XLSX workbooks included (exceljs reads them asynchronously).
 * @example const {rows, manifest} = await ingest("tables/6-13.xlsx", {sheet: "6-13"});
 */
export async function ingest(
  path: string,
  options: IngestOptions = {}
): Promise<{rows: TidyRow[]; manifest: Manifest}> {
  if (isWorkbook(path, options)) {
    const {ingestWorkbook} = await import("./xlsx.js");
    return ingestWorkbook(path, options);
  }
  return ingestFile(path, options);
}

/** True when the file is an XLSX workbook (by its bytes, not its name). @example isWorkbook("6-13.csv") // false */
export function isWorkbook(path: string, options: IngestOptions = {}): boolean {
  return sniffKind(readHead(path, options.name ?? path), options.name ?? path) === "xlsx";
}

function sizeOf(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    return 0; // reading it will say what is wrong
  }
}

function readHead(path: string, file: string): Uint8Array {
  const fd = openInput(path, file);
  try {
    const buffer = Buffer.alloc(8);
    const n = readSync(fd, buffer, 0, 8, 0);
    return buffer.subarray(0, n);
  } finally {
    closeSync(fd);
  }
}
