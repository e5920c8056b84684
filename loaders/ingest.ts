import {
  closeSync,
  openSync,
  readSync,
  readFileSync,
  writeSync,
  renameSync,
  rmSync,
  mkdirSync,
  fsyncSync
} from "node:fs";
import {createHash} from "node:crypto";
import {basename, dirname, join} from "node:path";
import {Collector, type RowSink} from "./Collector.js";
import {LoadError} from "./LoadError.js";
import {normalizeEncoding, type Encoding} from "./decodeText.js";
import {detectLayout} from "./layouts/detectLayout.js";
import {long} from "./layouts/long.js";
import {nbsPortal} from "./layouts/nbsPortal.js";
import type {LayoutName, LayoutOptions, LayoutParser} from "./layouts/types.js";
import {yearbook} from "./layouts/yearbook.js";
import type {Manifest} from "./manifest.js";
import {guessDelimiter, RecordSplitter, type CsvRecord} from "./records.js";
import {sniffEncoding, sniffKind} from "./sniff.js";
import {csvField, formatNumber, TIDY_HEADER, type TidyRow} from "./tidy.js";

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
}

/** What one ingest produced besides the rows. */
interface Summary {
  encoding: string;
  layout: LayoutName;
  collector: Collector;
  sha256: string;
  bytes: number;
}

const CHUNK = 1 << 20;
const DETECT_RECORDS = 40;

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
  const feed = pipeline(collector, options, guessDelimiter(text.slice(0, 4096)));
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
  const summary = run(path, options, (row) => rows.push(row));
  return {rows, manifest: manifestOf(path, options, summary)};
}

/**
 * Streams a file into a tidy CSV at `out` in constant memory, through a temporary file renamed into place only
 * when the whole input validated: on any error `out` keeps its earlier bytes. Returns the manifest.
 * @example ingestFileTo("big.csv", "out/big.tidy.csv", {})
 */
export function ingestFileTo(path: string, out: string, options: IngestOptions = {}): Manifest {
  mkdirSync(dirname(out) || ".", {recursive: true});
  const temporary = join(dirname(out), `.${basename(out)}.${process.pid}.${Date.now()}.tmp`);
  const fd = openSync(temporary, "w");
  try {
    const writer = bufferedWriter(fd);
    writer.write(TIDY_HEADER);
    const summary = run(path, options, writer.row, true);
    writer.flush();
    fsyncSync(fd);
    closeSync(fd);
    renameSync(temporary, out);
    return manifestOf(path, options, summary);
  } catch (error) {
    try {
      closeSync(fd);
    } catch {
      // already closed
    }
    rmSync(temporary, {force: true});
    throw error;
  }
}

/**
 * Reads and validates a CSV/TSV file without keeping or writing rows (constant memory); returns the manifest.
 * @example validateFile("data/nbs-exports/城镇人口（万人）.csv").rows // 217
 */
export function validateFile(path: string, options: IngestOptions = {}): Manifest {
  return manifestOf(
    path,
    options,
    run(path, options, () => {}, true)
  );
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
  return sniffKind(readHead(path), options.name ?? path) === "xlsx";
}

/** Feeds located records through layout detection into the chosen parser; exported for the XLSX reader. */
export function recordPipeline(collector: Collector, options: IngestOptions) {
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
            undefined,
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

function pipeline(collector: Collector, options: IngestOptions, delimiter: string) {
  const records = recordPipeline(collector, options);
  const splitter = new RecordSplitter(collector.file, delimiter, (r) => records.push(r));
  return {
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

function readHead(path: string): Uint8Array {
  const fd = openSync(path, "r");
  try {
    const buffer = Buffer.alloc(8);
    const n = readSync(fd, buffer, 0, 8, 0);
    return buffer.subarray(0, n);
  } finally {
    closeSync(fd);
  }
}

/** The streaming core: read chunks, hash, decode, split, parse, validate, emit. */
function run(path: string, options: IngestOptions, onRow: RowSink, reuse = false): Summary {
  const file = options.name ?? path;
  const fd = openSync(path, "r");
  try {
    const hash = createHash("sha256");
    let total = 0;
    // One read buffer for the whole file: TextDecoder copies what it decodes, so nothing keeps a chunk alive.
    const buffer = Buffer.allocUnsafe(CHUNK);
    const read = (): Uint8Array | null => {
      const n = readSync(fd, buffer, 0, CHUNK, null);
      if (n === 0) return null;
      const chunk = buffer.subarray(0, n);
      hash.update(chunk);
      total += n;
      return chunk;
    };
    let chunk = read();
    const first = chunk ?? new Uint8Array(0);
    if (sniffKind(first, file) === "xlsx")
      throw new LoadError(file, undefined, undefined, "this is an XLSX workbook: read it with ingest() or the CLI");
    const complete = first.length < CHUNK;
    const encoding: Encoding = options.encoding
      ? normalizeEncoding(options.encoding, file)
      : sniffEncoding(first, file, complete);
    const decoder = new TextDecoder(encoding, {fatal: true});
    const collector = new Collector(file, onRow, reuse);
    let feed: ReturnType<typeof pipeline> | null = null;
    let linesBefore = 0;
    let index = 0;
    while (chunk) {
      let text: string;
      try {
        text = decoder.decode(chunk, {stream: true});
      } catch {
        throw new LoadError(
          file,
          linesBefore + badLineIn(chunk, encoding, index > 0),
          undefined,
          `not valid ${encoding} text${options.encoding ? "" : " (try --encoding)"}`
        );
      }
      if (index === 0) text = text.replace(/^\uFEFF/, "");
      feed ??= pipeline(collector, options, guessDelimiter(text.slice(0, 4096)));
      feed.push(text);
      if (encoding !== "utf-16le" && encoding !== "utf-16be") linesBefore += countNewlines(chunk);
      index++;
      chunk = read();
    }
    let tail: string;
    try {
      tail = decoder.decode();
    } catch {
      throw new LoadError(file, linesBefore + 1, undefined, `file ends inside a ${encoding} character (truncated?)`);
    }
    feed ??= pipeline(collector, options, ",");
    feed.push(tail);
    const layout = feed.end();
    return {encoding, layout, collector, sha256: hash.digest("hex"), bytes: total};
  } finally {
    closeSync(fd);
  }
}

function countNewlines(bytes: Uint8Array): number {
  let n = 0;
  for (let i = bytes.indexOf(0x0a); i >= 0; i = bytes.indexOf(0x0a, i + 1)) n++;
  return n;
}

/** The 1-based line within a chunk where decoding fails; a partial first line of a later chunk is skipped. */
function badLineIn(chunk: Uint8Array, encoding: string, partialStart: boolean): number {
  let line = 1;
  let start = 0;
  for (let i = 0; i <= chunk.length; i++) {
    if (i === chunk.length || chunk[i] === 0x0a) {
      if (!(partialStart && line === 1)) {
        try {
          new TextDecoder(encoding, {fatal: true}).decode(chunk.subarray(start, i));
        } catch {
          return line;
        }
      }
      line++;
      start = i + 1;
    }
  }
  return 1;
}

/**
 * Writes tidy lines into a 1 MB byte buffer flushed with writeSync. The quoted, UTF-8 encoded fronts of a line
 * (indicator and unit; region code and name) are made once and copied; year and value are ASCII, written byte by
 * byte. No per-row string or encoding work: that was most of the time on a million-row file.
 */
function bufferedWriter(fd: number) {
  const buffer = Buffer.allocUnsafe(1 << 20);
  let used = 0;
  let lastIndicator = "";
  let lastUnit = "";
  let indicatorPart = Buffer.alloc(0);
  const regionParts = new Map<string, Buffer>();
  const flush = () => {
    if (used) writeSync(fd, buffer, 0, used);
    used = 0;
  };
  const write = (text: string) => {
    const bytes = Buffer.from(text);
    if (used + bytes.length > buffer.length) flush();
    if (bytes.length > buffer.length) writeSync(fd, bytes);
    else used += bytes.copy(buffer, used);
  };
  const ascii = (text: string) => {
    for (let i = 0; i < text.length; i++) buffer[used++] = text.charCodeAt(i);
  };
  return {
    write,
    flush,
    row(r: TidyRow) {
      if (r.indicator !== lastIndicator || r.unit !== lastUnit) {
        lastIndicator = r.indicator;
        lastUnit = r.unit;
        indicatorPart = Buffer.from(`${csvField(r.indicator)},${csvField(r.unit)},`);
      }
      let regionPart = regionParts.get(r.region_code);
      if (!regionPart)
        regionParts.set(r.region_code, (regionPart = Buffer.from(`${r.region_code},${csvField(r.region)},`)));
      if (used + indicatorPart.length + regionPart.length + 40 > buffer.length) flush();
      buffer.set(indicatorPart, used);
      used += indicatorPart.length;
      buffer.set(regionPart, used);
      used += regionPart.length;
      used = writeDigits(buffer, used, r.year);
      buffer[used++] = 44;
      const v = r.value;
      if (v !== null) {
        if (Number.isSafeInteger(v) && v >= 0) used = writeDigits(buffer, used, v);
        else ascii(formatNumber(v));
      }
      buffer[used++] = 10;
    }
  };
}

/** Writes a non-negative integer's decimal digits at `at`; returns the new end. Same text as String(n). */
function writeDigits(buffer: Buffer, at: number, n: number): number {
  let digits = 1;
  for (let x = n; x >= 10; x = Math.floor(x / 10)) digits++;
  for (let i = at + digits - 1, x = n; i >= at; i--, x = Math.floor(x / 10)) buffer[i] = 48 + (x % 10);
  return at + digits;
}

/** Builds the manifest from a run's summary. */
export function manifestOf(path: string, options: IngestOptions, s: Summary): Manifest {
  return {
    dataset: options.dataset ?? basename(path).replace(/\.[^.]+$/, ""),
    source: {
      file: options.name ?? path,
      sha256: s.sha256,
      bytes: s.bytes,
      encoding: s.encoding,
      layout: s.layout,
      ...(options.notes ? {notes: options.notes} : {})
    },
    rows: s.collector.rows,
    missing: s.collector.missing,
    units: s.collector.units(),
    warnings: s.collector.allWarnings(),
    generatedAt: new Date().toISOString()
  };
}

/** The sha256 and size of a file, for the XLSX reader's manifest. */
export function fileDigest(path: string): {sha256: string; bytes: number} {
  const bytes = readFileSync(path);
  return {sha256: createHash("sha256").update(bytes).digest("hex"), bytes: bytes.length};
}
