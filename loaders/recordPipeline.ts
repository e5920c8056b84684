import type {FastRecord} from "./byteRecords.js";
import type {Collector} from "./Collector.js";
import type {IngestOptions} from "./ingestOptions.js";
import {detectLayout} from "./layouts/detectLayout.js";
import {long} from "./layouts/long.js";
import {nbsPortal} from "./layouts/nbsPortal.js";
import type {LayoutName, LayoutParser} from "./layouts/types.js";
import {yearbook} from "./layouts/yearbook.js";
import {LoadError} from "./LoadError.js";
import {RecordSplitter, type CsvRecord} from "./records.js";

// Layout detection looks at this many records before choosing.
const DETECT_RECORDS = 40;

/** Located records in, layout detected, rows out through the chosen parser into the collector. */
export interface RecordPipeline {
  /** The parser's byte hot path, once the layout is known and it has one (see ByteRecordSplitter). */
  fast(): FastRecord | null;
  push(record: CsvRecord): void;
  /** Flushes the records held for detection and ends the parser; returns the layout. */
  end(): LayoutName;
}

/**
 * Feeds located records through layout detection into the chosen parser; every reader (text, bytes, XLSX) uses it.
 * @example const p = recordPipeline(collector, {}); p.push({cells: ["数据库：分省年度数据"], line: 1}); p.end()
 */
export function recordPipeline(collector: Collector, options: IngestOptions): RecordPipeline {
  const buffered: CsvRecord[] = [];
  let parser: LayoutParser | null = null;
  let layout: LayoutName | null = options.layout ?? null;
  const open = () => {
    layout ??= detectLayout(buffered, options);
    parser = makeParser(layout, collector, options);
    for (const r of buffered) parser.push(r);
    buffered.length = 0;
  };
  return {
    fast(): FastRecord | null {
      return options.fastPath === false ? null : (parser?.fast ?? null);
    },
    push(record: CsvRecord) {
      if (parser) return parser.push(record);
      buffered.push(record);
      if (buffered.length >= DETECT_RECORDS) open();
    },
    end(): LayoutName {
      if (!parser) {
        if (buffered.every((r) => r.cells.every((c) => c.trim() === ""))) {
          throw new LoadError(
            collector.file,
            buffered.length ? buffered[buffered.length - 1].line : 1,
            1,
            "empty file"
          );
        }
        open();
      }
      parser!.end();
      return layout!;
    }
  };
}

/**
 * Decoded text, pushed in chunks, split into records and sent through a record pipeline.
 * @example const p = textPipeline(collector, {}, ","); p.push(text); p.end()
 */
export function textPipeline(collector: Collector, options: IngestOptions, delimiter: string) {
  const records = recordPipeline(collector, options);
  const splitter = new RecordSplitter(collector.file, delimiter, (r) => records.push(r));
  return {
    delimiter,
    push: (text: string) => splitter.push(text),
    end: () => {
      splitter.end();
      return records.end();
    }
  };
}

function makeParser(layout: LayoutName, collector: Collector, options: IngestOptions): LayoutParser {
  if (layout === "nbs-province") return nbsPortal(collector, "province");
  if (layout === "nbs-national") return nbsPortal(collector, "national");
  if (layout === "long") return long(collector, options);
  return yearbook(collector, options);
}
