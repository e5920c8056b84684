import {
  closeSync,
  openSync,
  readSync,
  readFileSync,
  writeSync,
  renameSync,
  rmSync,
  mkdirSync,
  fsyncSync,
  statSync
} from "node:fs";
import {createHash} from "node:crypto";
import {basename, dirname, join} from "node:path";
import {ByteRecordSplitter, type FastRecord} from "./byteRecords.js";
import {Collector, type PlainRowSink, type RowSink} from "./Collector.js";
import {LoadError} from "./LoadError.js";
import {normalizeEncoding, type Encoding} from "./decodeText.js";
import {detectLayout} from "./layouts/detectLayout.js";
import {long} from "./layouts/long.js";
import {nbsPortal} from "./layouts/nbsPortal.js";
import type {LayoutName, LayoutOptions, LayoutParser} from "./layouts/types.js";
import {yearbook} from "./layouts/yearbook.js";
import type {Manifest} from "./manifest.js";
import type {Region} from "./regions.js";
import {guessDelimiter, RecordSplitter, type CsvRecord} from "./records.js";
import {sniffEncoding, sniffKind} from "./sniff.js";
import {csvField, formatNumber, formatTidyLine, TIDY_HEADER, type TidyRow} from "./tidy.js";
import {threadWriter} from "./tidyWriterThread.js";

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
  /** `ingestFileTo`: format and write on a second thread (default: for inputs of 8 MB or more). */
  writerThread?: boolean;
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
// Inputs from this size on write the tidy CSV on a second thread; below it, starting a thread costs more than it saves.
const THREAD_FROM = 8 << 20;
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
  // Big inputs format and write on a second thread (the file is opened there again by name).
  const threaded = options.writerThread ?? sizeOf(path) >= THREAD_FROM;
  const writer = threaded ? threadWriter(temporary) : bufferedWriter(fd);
  try {
    writer.write(TIDY_HEADER);
    const summary = run(path, options, writer.row, true, writer.plainRow);
    writer.finish();
    fsyncSync(fd);
    closeSync(fd);
    renameSync(temporary, out);
    return manifestOf(path, options, summary);
  } catch (error) {
    writer.abort();
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
    run(path, options, () => {}, true, () => {})
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
    /** The parser's byte hot path, once the layout is known and it has one (see ByteRecordSplitter). */
    fast(): FastRecord | null {
      return parser?.fast ?? null;
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

function sizeOf(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    return 0; // reading it will say what is wrong
  }
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
function run(path: string, options: IngestOptions, onRow: RowSink, reuse = false, onPlainRow?: PlainRowSink): Summary {
  const file = options.name ?? path;
  const fd = openSync(path, "r");
  try {
    const hash = createHash("sha256");
    let total = 0;
    let buffer = Buffer.allocUnsafe(CHUNK);
    const n = readSync(fd, buffer, 0, CHUNK, null);
    const first = buffer.subarray(0, n);
    if (sniffKind(first, file) === "xlsx")
      throw new LoadError(file, undefined, undefined, "this is an XLSX workbook: read it with ingest() or the CLI");
    const encoding: Encoding = options.encoding
      ? normalizeEncoding(options.encoding, file)
      : sniffEncoding(first, file, n < CHUNK);
    const collector = new Collector(file, onRow, reuse);
    collector.onPlainRow = onPlainRow ?? null;
    if (encoding === "utf-16le" || encoding === "utf-16be") {
      hash.update(first);
      total += n;
      const read = (): Uint8Array | null => {
        const m = readSync(fd, buffer, 0, CHUNK, null);
        if (m === 0) return null;
        const chunk = buffer.subarray(0, m);
        hash.update(chunk);
        total += m;
        return chunk;
      };
      const layout = runText(file, options, collector, encoding, n ? first : null, read);
      return {encoding, layout, collector, sha256: hash.digest("hex"), bytes: total};
    }
    // UTF-8 and GB18030: records are cut on bytes and only cells that are not taken as bytes are decoded.
    const bom = encoding === "utf-8" ? [0xef, 0xbb, 0xbf] : [0x84, 0x31, 0x95, 0x33];
    let from = bom.every((b, i) => first[i] === b) ? bom.length : 0;
    // The delimiter is guessed from the first 4096 characters, as on the text path (at most 4 bytes each).
    const sample = new TextDecoder(encoding).decode(first.subarray(from, Math.min(n, from + 4 * 4096))).slice(0, 4096);
    const records = recordPipeline(collector, options);
    const splitter = new ByteRecordSplitter(
      file,
      encoding,
      guessDelimiter(sample),
      (record) => {
        records.push(record);
        splitter.fast ??= records.fast();
      },
      Boolean(options.encoding)
    );
    // A fixed read buffer: the bytes of an incomplete last record move to its front before the next read.
    let used = n;
    hash.update(first);
    total += n;
    for (;;) {
      if (used === buffer.length) {
        const keep = splitter.scan(buffer, from, used, false);
        from = 0;
        if (keep === 0) {
          // One record longer than the buffer (a huge quoted cell): grow it.
          const bigger = Buffer.allocUnsafe(buffer.length * 2);
          buffer.copy(bigger, 0, 0, used);
          buffer = bigger;
        } else {
          buffer.copy(buffer, 0, keep, used);
          used -= keep;
        }
      }
      const m = readSync(fd, buffer, used, buffer.length - used, null);
      if (m === 0) break;
      hash.update(buffer.subarray(used, used + m));
      total += m;
      used += m;
    }
    splitter.scan(buffer, from, used, true);
    const layout = records.end();
    return {encoding, layout, collector, sha256: hash.digest("hex"), bytes: total};
  } finally {
    closeSync(fd);
  }
}

/** UTF-16 text: decoded in stream mode and split as text. */
function runText(
  file: string,
  options: IngestOptions,
  collector: Collector,
  encoding: Encoding,
  first: Uint8Array | null,
  read: () => Uint8Array | null
): LayoutName {
  const decoder = new TextDecoder(encoding, {fatal: true});
  let feed: ReturnType<typeof pipeline> | null = null;
  let index = 0;
  for (let chunk = first; chunk; chunk = read()) {
    let text: string;
    try {
      text = decoder.decode(chunk, {stream: true});
    } catch {
      throw new LoadError(
        file,
        badLineIn(chunk, encoding, index > 0),
        undefined,
        `not valid ${encoding} text${options.encoding ? "" : " (try --encoding)"}`
      );
    }
    if (index === 0) text = text.replace(/^\uFEFF/, "");
    feed ??= pipeline(collector, options, guessDelimiter(text.slice(0, 4096)));
    feed.push(text);
    index++;
  }
  let tail: string;
  try {
    tail = decoder.decode();
  } catch {
    throw new LoadError(file, 1, undefined, `file ends inside a ${encoding} character (truncated?)`);
  }
  feed ??= pipeline(collector, options, ",");
  feed.push(tail);
  return feed.end();
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
 * (indicator and unit; region code and name) are made once and copied byte by byte; year and value are ASCII,
 * written as digits. No per-row string or encoding work: that was most of the time on a million-row file.
 */
function bufferedWriter(fd: number) {
  const buffer = Buffer.allocUnsafe(1 << 20);
  // A plain Uint8Array view keeps element access monomorphic in the hot loop.
  const bytes = new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.length);
  let used = 0;
  let lastIndicator = "";
  let lastUnit = "";
  let lastCode = "";
  let indicatorPart: Uint8Array = new Uint8Array(0);
  let regionPart: Uint8Array = new Uint8Array(0);
  const regionParts = new Map<string, Uint8Array>();
  // Where the current indicator-and-region front was last written in full, or -1.
  let prefixAt = -1;
  const flush = () => {
    if (used) writeSync(fd, bytes, 0, used);
    used = 0;
    prefixAt = -1;
  };
  const write = (text: string) => {
    const encoded = Buffer.from(text);
    if (used + encoded.length > bytes.length) flush();
    if (encoded.length > bytes.length) writeSync(fd, encoded);
    else used += encoded.copy(buffer, used);
  };
  const regionFronts: Uint8Array[] = [];
  return {
    write,
    flush,
    finish: flush,
    abort() {},
    /** One region row of plain values: the indicator-and-region front is encoded once and copied per year. */
    plainRow(
      indicator: string,
      unit: string,
      region: Region,
      years: readonly number[],
      values: Float64Array,
      count: number
    ) {
      if (indicator !== lastIndicator || unit !== lastUnit) {
        lastIndicator = indicator;
        lastUnit = unit;
        indicatorPart = new Uint8Array(Buffer.from(`${csvField(indicator)},${csvField(unit)},`));
        prefixAt = -1;
      }
      const rp = (regionFronts[region.index] ??= new Uint8Array(Buffer.from(`${region.code},${csvField(region.zh)},`)));
      const ip = indicatorPart;
      const front = ip.length + rp.length;
      if (used + count * (front + 40) > bytes.length) {
        flush();
        if (count * (front + 40) > bytes.length) {
          for (let i = 0; i < count; i++)
            write(
              formatTidyLine({
                indicator,
                unit,
                region_code: region.code,
                region: region.zh,
                year: years[i],
                value: values[i]
              })
            );
          return;
        }
      }
      prefixAt = -1;
      const start = used;
      bytes.set(ip, start);
      bytes.set(rp, start + ip.length);
      let at = start + front;
      for (let i = 0; i < count; i++) {
        if (i > 0) {
          bytes.copyWithin(at, start, start + front);
          at += front;
        }
        at = writeYearValueLine(bytes, at, years[i], values[i]);
      }
      used = at;
    },
    row(r: TidyRow) {
      if (r.indicator !== lastIndicator || r.unit !== lastUnit) {
        lastIndicator = r.indicator;
        lastUnit = r.unit;
        indicatorPart = new Uint8Array(Buffer.from(`${csvField(r.indicator)},${csvField(r.unit)},`));
        prefixAt = -1;
      }
      if (r.region_code !== lastCode) {
        lastCode = r.region_code;
        let part = regionParts.get(r.region_code);
        if (!part) {
          part = new Uint8Array(Buffer.from(`${r.region_code},${csvField(r.region)},`));
          regionParts.set(r.region_code, part);
        }
        regionPart = part;
        prefixAt = -1;
      }
      const ip = indicatorPart;
      const rp = regionPart;
      if (used + ip.length + rp.length + 64 > bytes.length) {
        flush();
        prefixAt = -1;
        if (ip.length + rp.length + 64 > bytes.length) return write(formatTidyLine(r));
      }
      let at = used;
      if (prefixAt >= 0) {
        // The same indicator and region as the line before (7 years of one region row): copy its front in place.
        bytes.copyWithin(at, prefixAt, prefixAt + ip.length + rp.length);
        at += ip.length + rp.length;
      } else {
        prefixAt = at;
        bytes.set(ip, at);
        at += ip.length;
        bytes.set(rp, at);
        at += rp.length;
      }
      used = writeYearValueLine(bytes, at, r.year, r.value);
    }
  };
}

/** Writes `year,value\n` at `at` (an empty value for null, as formatTidyLine); returns the new end. */
function writeYearValueLine(bytes: Uint8Array, at: number, year: number, value: number | null): number {
  if (year >= 1000 && year <= 9999) {
    bytes[at] = 48 + ((year / 1000) | 0);
    bytes[at + 1] = 48 + (((year / 100) | 0) % 10);
    bytes[at + 2] = 48 + (((year / 10) | 0) % 10);
    bytes[at + 3] = 48 + (year % 10);
    at += 4;
  } else at = writeDigits(bytes, at, year);
  bytes[at++] = 44;
  if (value !== null) {
    if (value >= 0 && value <= 0x7fffffff && (value | 0) === value) at = writeDigits(bytes, at, value);
    else {
      const text = formatNumber(value);
      for (let i = 0; i < text.length; i++) bytes[at++] = text.charCodeAt(i);
    }
  }
  bytes[at++] = 10;
  return at;
}

/** Writes a non-negative 31-bit integer's decimal digits at `at`; returns the new end. Same text as String(n). */
function writeDigits(bytes: Uint8Array, at: number, n: number): number {
  // Integer arithmetic throughout: `%` on a double is a slow library call.
  const int = n | 0;
  let digits = 1;
  for (let x = int; x >= 10; x = (x / 10) | 0) digits++;
  for (let i = at + digits - 1, x = int; i >= at; i--) {
    const q = (x / 10) | 0;
    bytes[i] = 48 + x - q * 10;
    x = q;
  }
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
