import {closeSync, fstatSync, openSync, readSync} from "node:fs";
import {ByteRecordSplitter, columnOfBadByte} from "./byteRecords.js";
import type {Collector} from "./Collector.js";
import {normalizeEncoding, type Encoding} from "./decodeText.js";
import type {IngestOptions} from "./ingestOptions.js";
import type {LayoutName} from "./layouts/types.js";
import {LoadError} from "./LoadError.js";
import {Sha256Digest, type Digest} from "./manifest.js";
import {recordPipeline, textPipeline} from "./recordPipeline.js";
import {guessDelimiter, MAX_CELL} from "./records.js";
import {sniffEncoding, sniffKind} from "./sniff.js";

/** What reading a file found besides its rows (those went to the collector). */
export interface ReadSummary {
  encoding: Encoding;
  layout: LayoutName;
  digest: Digest;
}

const CHUNK = 1 << 20;

/**
 * The streaming core: reads `path` in 1 MB chunks, hashes, decodes, splits, parses and validates into `collector`.
 * UTF-8 and GB18030 are split on bytes (the fast path, see ByteRecordSplitter); UTF-16, and every file with
 * `fastPath: false`, is decoded in stream mode and split as text.
 * @example readTable("x.csv", {}, new Collector("x.csv", (row) => rows.push(row))).layout
 */
export function readTable(path: string, options: IngestOptions, collector: Collector): ReadSummary {
  const file = collector.file;
  const fd = openInput(path, file);
  try {
    const digest = new Sha256Digest();
    let buffer = Buffer.allocUnsafe(CHUNK);
    const n = readSync(fd, buffer, 0, CHUNK, null);
    const first = buffer.subarray(0, n);
    if (sniffKind(first, file) === "xlsx")
      throw new LoadError(file, undefined, undefined, "this is an XLSX workbook: read it with ingest() or the CLI");
    const encoding: Encoding = options.encoding
      ? normalizeEncoding(options.encoding, file)
      : sniffEncoding(first, file, n < CHUNK);
    digest.update(first);
    if (encoding === "utf-16le" || encoding === "utf-16be" || options.fastPath === false) {
      const read = (): Uint8Array | null => {
        const m = readSync(fd, buffer, 0, CHUNK, null);
        if (m === 0) return null;
        const chunk = buffer.subarray(0, m);
        digest.update(chunk);
        return chunk;
      };
      const layout = readText(file, options, collector, encoding, n ? first : null, read);
      return {encoding, layout, digest: digest.result()};
    }
    // A file whose line breaks are CR only (classic Mac OS) has no LF at all: each CR is read as a line break.
    const crOnly = first.indexOf(0x0d) >= 0 && first.indexOf(0x0a) < 0;
    if (crOnly) crToLf(first);
    // UTF-8 and GB18030: records are cut on bytes and only cells that are not taken as bytes are decoded.
    const bom = encoding === "utf-8" ? [0xef, 0xbb, 0xbf] : [0x84, 0x31, 0x95, 0x33];
    let from = bom.every((b, i) => first[i] === b) ? bom.length : 0;
    const records = recordPipeline(collector, options);
    const splitter = new ByteRecordSplitter(
      file,
      encoding,
      delimiterOf(first.subarray(0, n), encoding),
      (record) => {
        records.push(record);
        splitter.fast ??= records.fast();
      },
      Boolean(options.encoding)
    );
    // A fixed read buffer: the bytes of an incomplete last record move to its front before the next read.
    let used = n;
    for (;;) {
      if (used === buffer.length) {
        const keep = splitter.scan(buffer, from, used, false);
        from = 0;
        if (keep === 0) {
          // One record longer than the buffer (a huge quoted cell): grow it, within the bounds on records and cells.
          const tooLong = splitter.longRecord(buffer, 0, used);
          if (tooLong) throw tooLong;
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
      digest.update(buffer.subarray(used, used + m));
      if (crOnly) crToLf(buffer.subarray(used, used + m));
      used += m;
    }
    // The last record is held to the bounds like the others, even where the buffer did not have to grow for it.
    const last = splitter.scan(buffer, from, used, false);
    if (used - last > MAX_CELL) {
      const tooLong = splitter.longRecord(buffer, last, used);
      if (tooLong) throw tooLong;
    }
    splitter.scan(buffer, last, used, true);
    const layout = records.end();
    return {encoding, layout, digest: digest.result()};
  } finally {
    closeSync(fd);
  }
}

/** Text decoded in stream mode (strictly: bad bytes are a located LoadError) and split as text. */
function readText(
  file: string,
  options: IngestOptions,
  collector: Collector,
  encoding: Encoding,
  first: Uint8Array | null,
  read: () => Uint8Array | null
): LayoutName {
  const decoder = new TextDecoder(encoding, {fatal: true});
  const feed = textPipeline(collector, options, first ? delimiterOf(first, encoding) : ",");
  const lines = new LineTracker(encoding);
  const hint = options.encoding ? "" : " (try --encoding)";
  let index = 0;
  let crOnly = false;
  for (let chunk = first; chunk; chunk = read()) {
    let text: string;
    try {
      text = decoder.decode(chunk, {stream: true});
    } catch {
      const {line, column} = lines.locate(chunk, feed.delimiter);
      throw new LoadError(file, line, column, `not valid ${encoding} text${hint}`);
    }
    lines.push(chunk);
    if (index === 0) {
      text = text.replace(/^\uFEFF/, "");
      crOnly = text.includes("\r") && !text.includes("\n");
    }
    feed.push(crOnly ? text.replace(/\r/g, "\n") : text);
    index++;
  }
  let tail: string;
  try {
    tail = decoder.decode();
  } catch {
    throw new LoadError(file, lines.line, undefined, `file ends inside a ${encoding} character (truncated?)`);
  }
  feed.push(crOnly ? tail.replace(/\r/g, "\n") : tail);
  return feed.end();
}

/**
 * The delimiter of a file, guessed from the first 4096 characters of its first chunk (decoded leniently, after a
 * byte order mark): the same guess for the byte and the text path.
 */
function delimiterOf(first: Uint8Array, encoding: Encoding): "," | "\t" | ";" {
  const sample = new TextDecoder(encoding).decode(first.subarray(0, 4 * 4096));
  return guessDelimiter(sample.replace(/^\uFEFF/, "").slice(0, 4096));
}

/**
 * Counts the lines of the bytes read so far and keeps those of the current line, so that bytes that do not decode
 * are reported at their line and column of the file, as the byte path reports them.
 */
class LineTracker {
  /** The 1-based line the kept bytes start on. */
  line = 1;
  /** The bytes since the last line break, as copies of the chunks (the read buffer is reused). */
  private partial: Uint8Array[] = [];
  private readonly unit: number;
  private readonly newline: (bytes: Uint8Array, i: number) => boolean;

  constructor(private readonly encoding: Encoding) {
    this.unit = encoding.startsWith("utf-16") ? 2 : 1;
    this.newline =
      encoding === "utf-16le"
        ? (b, i) => b[i] === 0x0a && b[i + 1] === 0
        : encoding === "utf-16be"
          ? (b, i) => b[i] === 0 && b[i + 1] === 0x0a
          : (b, i) => b[i] === 0x0a;
  }

  /** Takes a chunk that decoded. */
  push(chunk: Uint8Array): void {
    let last = -1;
    for (let i = 0; i + this.unit <= chunk.length; i += this.unit)
      if (this.newline(chunk, i)) {
        this.line++;
        last = i;
      }
    if (last < 0) this.partial.push(chunk.slice());
    else this.partial = [chunk.slice(last + this.unit)];
  }

  /** Line and column of the first line of `chunk` (after the kept bytes) that does not decode. */
  locate(chunk: Uint8Array, delimiter: string): {line: number; column?: number} {
    const bytes = Buffer.concat([...this.partial, chunk]);
    let line = this.line;
    let start = 0;
    for (let i = 0; i <= bytes.length; i += this.unit) {
      if (i >= bytes.length || this.newline(bytes, i)) {
        const end = i < bytes.length ? i : bytes.length;
        const stop = end > start && bytes[end - this.unit] === 0x0d && this.unit === 1 ? end - 1 : end;
        if (!decodes(bytes.subarray(start, stop), this.encoding)) {
          if (this.unit === 1 && i < bytes.length)
            return {line, column: columnOfBadByte(bytes, start, stop, delimiter.charCodeAt(0), this.encoding)};
          return {line};
        }
        line++;
        start = i + this.unit;
      }
    }
    return {line: this.line};
  }
}

function decodes(bytes: Uint8Array, encoding: string): boolean {
  try {
    new TextDecoder(encoding, {fatal: true}).decode(bytes);
    return true;
  } catch {
    return false;
  }
}


/** Replaces every CR byte with LF, in place. */
function crToLf(bytes: Uint8Array): void {
  for (let i = bytes.indexOf(0x0d); i >= 0; i = bytes.indexOf(0x0d, i + 1)) bytes[i] = 0x0a;
}

/**
 * Opens an input file for reading; a directory is a LoadError `file: is a directory, not a file`.
 * @example const fd = openInput("x.csv", "x.csv")
 */
export function openInput(path: string, file: string): number {
  const fd = openSync(path, "r");
  if (fstatSync(fd).isDirectory()) {
    closeSync(fd);
    throw new LoadError(file, undefined, undefined, "is a directory, not a file");
  }
  return fd;
}
