import {LoadError} from "./LoadError.js";
import {splitQuoted, type CsvRecord} from "./records.js";

/**
 * Looks at one unquoted record as byte ranges (cell i is `bytes[starts[i]..ends[i])`, `numbers[i]` its value when it
 * is 1-15 ASCII digits, else NaN); returns true when it took the record itself, false to have it decoded into a
 * CsvRecord. It must not keep `bytes`: the buffer is reused.
 */
export type FastRecord = (
  bytes: Uint8Array,
  starts: Int32Array,
  ends: Int32Array,
  count: number,
  line: number,
  numbers: Float64Array
) => boolean;

const NEWLINE = 0x0a;
const RETURN = 0x0d;
const QUOTE = 0x22;
const MAX_CELLS = 4096;
// Byte classes for the splitting loop: one table load per byte instead of three comparisons.
const DELIMITER = 1;
const HIGH = 2;
const QUOTED = 3;
const LINE_END = 4;
const DIGIT = 5;
const CR = 6;

/**
 * Splits the bytes of an ASCII-compatible file (UTF-8 or GB18030) into CSV records without decoding whole chunks.
 * In both encodings every byte of a multi-byte character is at least 0x30 (GB18030) or 0x80 (UTF-8), so the
 * delimiter, quotes, CR and LF never occur inside a character and lines and cells can be cut on bytes. A cell is
 * decoded (strictly: bad bytes are a LoadError at its line and column) only when a record is not taken by `fast`;
 * cells of ASCII bytes skip the decoder.
 * @example new ByteRecordSplitter("x.csv", "gb18030", ",", (r) => out.push(r)).scan(buffer, 0, n, true)
 */
export class ByteRecordSplitter {
  /** 1-based line of the next record. */
  line = 1;
  /** Set once a layout parser can take rows as bytes. */
  fast: FastRecord | null = null;
  private readonly starts = new Int32Array(MAX_CELLS);
  private readonly ends = new Int32Array(MAX_CELLS);
  private readonly numbers = new Float64Array(MAX_CELLS);
  private readonly decoder: TextDecoder;
  private readonly delimiter: number;
  private readonly hint: string;
  private buffer: Buffer = Buffer.alloc(0);
  private readonly classes = new Uint8Array(256);
  /** Decoded text of recent non-ASCII cells by a hash of their bytes: headers and preambles repeat in every block. */
  private readonly texts = new Map<number, {bytes: Uint8Array; text: string}>();

  constructor(
    private readonly file: string,
    private readonly encoding: "utf-8" | "gb18030",
    delimiter: string,
    private readonly onRecord: (record: CsvRecord) => void,
    explicitEncoding = false
  ) {
    this.decoder = new TextDecoder(encoding, {fatal: true, ignoreBOM: true});
    this.delimiter = delimiter.charCodeAt(0);
    this.classes.fill(HIGH, 0x80);
    this.classes[QUOTE] = QUOTED;
    this.classes[NEWLINE] = LINE_END;
    this.classes.fill(DIGIT, 0x30, 0x3a);
    this.classes[RETURN] = CR;
    this.classes[this.delimiter] = DELIMITER;
    this.hint = explicitEncoding ? "" : " (try --encoding)";
  }

  /**
   * Takes the complete records in `bytes[from..n)`; returns the offset where an incomplete last record starts (the
   * caller keeps those bytes and passes them again with more), or `n`. With `final`, everything is taken.
   */
  scan(buffer: Buffer, from: number, n: number, final: boolean): number {
    // A plain Uint8Array view keeps the byte loops monomorphic; `buffer` decodes.
    this.buffer = buffer;
    const bytes = new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.length);
    let pos = from;
    while (pos < n) {
      const next = this.record(bytes, pos, n, final);
      if (next < 0) return pos;
      pos = next;
    }
    return n;
  }

  /** One record starting at `pos`; returns where the next begins, or -1 when it may continue past `n`. */
  private record(bytes: Uint8Array, pos: number, n: number, final: boolean): number {
    const starts = this.starts;
    const ends = this.ends;
    const classes = this.classes;
    const numbers = this.numbers;
    let count = 0;
    let high = false;
    // The value of a cell of ASCII digits only (at most 15), else NaN: read in the same pass.
    let whole = 0;
    let digits = true;
    starts[0] = pos;
    // One pass per byte: cell boundaries, the line end, whether a cell needs decoding, and plain integers.
    let i = pos;
    for (; i < n; i++) {
      const c = bytes[i];
      const k = classes[c];
      if (k === DIGIT) {
        whole = whole * 10 + (c - 48);
        continue;
      }
      if (k === 0) {
        digits = false;
        continue;
      }
      if (k === DELIMITER) {
        if (count + 1 >= MAX_CELLS) return this.quotedRecord(bytes, pos, n, final);
        numbers[count] = digits && i > starts[count] && i - starts[count] <= 15 ? whole : NaN;
        whole = 0;
        digits = true;
        ends[count++] = i;
        starts[count] = i + 1;
      } else if (k === HIGH) {
        high = true;
        digits = false;
      } else if (k === LINE_END) break;
      else if (k === CR) {
        if (i + 1 < n && bytes[i + 1] !== NEWLINE) digits = false;
      } else return this.quotedRecord(bytes, pos, n, final);
    }
    const end = i;
    if (end === n && !final) return -1;
    const stop = end > pos && bytes[end - 1] === RETURN ? end - 1 : end;
    if (stop < starts[count]) return this.quotedRecord(bytes, pos, n, final);
    numbers[count] = digits && stop > starts[count] && stop - starts[count] <= 15 ? whole : NaN;
    ends[count++] = stop;
    const line = this.line++;
    const fast = this.fast;
    if (fast === null || !fast(bytes, starts, ends, count, line, numbers)) {
      const cells: string[] = new Array(count);
      for (let k = 0; k < count; k++)
        cells[k] = this.cell(bytes, starts[k], ends[k], high, line, k + 1, end === n && k === count - 1);
      // A parser with a byte hot path learns the bytes of names it resolved (regions) from the first cell.
      // Only records with several cells can be table rows: the rest (titles, notes) skip the copy.
      if (fast !== null && count > 1 && ends[0] - starts[0] <= 256)
        this.onRecord({cells, line, first: bytes.slice(starts[0], ends[0])});
      else this.onRecord({cells, line});
    }
    return end + 1;
  }

  /** A record with quotes: it may span lines; it ends at the first line end where its quotes balance. */
  private quotedRecord(bytes: Uint8Array, pos: number, n: number, final: boolean): number {
    let end = n;
    let quotes = 0;
    let lines = 1;
    for (let i = pos; ; i++) {
      if (i === n) {
        if (!final) return -1;
        if (quotes % 2 === 1)
          throw new LoadError(this.file, this.line, undefined, "unterminated quoted field (file ends inside quotes)");
        end = n;
        break;
      }
      const c = bytes[i];
      if (c === QUOTE) quotes++;
      else if (c === NEWLINE) {
        if (quotes % 2 === 0) {
          end = i;
          break;
        }
        lines++;
      }
    }
    const line = this.line;
    this.line += lines;
    const stop = end > pos && bytes[end - 1] === RETURN ? end - 1 : end;
    let text: string;
    try {
      text = this.decoder.decode(bytes.subarray(pos, stop));
    } catch {
      throw this.badBytes(bytes, pos, stop, line, end === n);
    }
    this.onRecord({cells: splitQuoted(text.replace(/\r\n/g, "\n"), String.fromCharCode(this.delimiter)), line});
    return end + 1;
  }

  private cell(
    bytes: Uint8Array,
    start: number,
    end: number,
    high: boolean,
    line: number,
    column: number,
    last: boolean
  ) {
    if (high) {
      let wide = false;
      let hash = 0x811c9dc5;
      for (let i = start; i < end; i++) {
        const c = bytes[i];
        if (c >= 0x80) wide = true;
        hash = Math.imul(hash ^ c, 0x01000193);
      }
      if (wide) {
        const cached = this.texts.get(hash);
        if (cached && sameBytes(cached.bytes, bytes, start, end)) return cached.text;
        let text = this.encoding === "gb18030" ? gb18030Text(bytes, start, end) : utf8Text(this.buffer, start, end);
        if (text === null) {
          try {
            text = this.decoder.decode(bytes.subarray(start, end));
          } catch {
            throw this.badBytes(bytes, start, end, line, last, column);
          }
        }
        if (this.texts.size >= 4096) this.texts.clear();
        this.texts.set(hash, {bytes: bytes.slice(start, end), text});
        return text;
      }
    }
    return this.buffer.toString("latin1", start, end);
  }

  /** The error for bytes that do not decode: a character cut by the end of the file (`last`), or invalid bytes. */
  private badBytes(bytes: Uint8Array, start: number, end: number, line: number, last: boolean, column?: number) {
    if (last) {
      try {
        new TextDecoder(this.encoding, {fatal: true}).decode(bytes.subarray(start, end), {stream: true});
        return new LoadError(this.file, line, undefined, `file ends inside a ${this.encoding} character (truncated?)`);
      } catch {
        // invalid, not only cut short
      }
    }
    if (column === undefined) column = columnOfBadByte(bytes, start, end, this.delimiter, this.encoding);
    return new LoadError(this.file, line, column, `not valid ${this.encoding} text${this.hint}`);
  }
}

let twoByte: Uint16Array | null = null;

/**
 * GB18030 two-byte characters as the platform decoder maps them (0 where it refuses a pair), built once from one
 * decode of every pair, each followed by a line break so that a refused pair cannot disturb the next.
 */
function twoByteTable(): Uint16Array {
  if (twoByte) return twoByte;
  const pairs: number[] = [];
  for (let lead = 0x81; lead <= 0xfe; lead++)
    for (let trail = 0x40; trail <= 0xfe; trail++) if (trail !== 0x7f) pairs.push(lead, trail, NEWLINE);
  const parts = new TextDecoder("gb18030").decode(Uint8Array.from(pairs)).split("\n");
  const table = new Uint16Array(65536);
  let k = 0;
  for (let lead = 0x81; lead <= 0xfe; lead++)
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue;
      const part = parts[k++];
      if (part.length === 1 && part !== "\ufffd") table[(lead << 8) | trail] = part.charCodeAt(0);
    }
  return (twoByte = table);
}

/**
 * Decodes a GB18030 cell of ASCII and two-byte characters through a table (the platform decoder costs microseconds
 * per call); null for anything else (4-byte characters, invalid bytes), which the strict decoder then decides.
 */
function gb18030Text(bytes: Uint8Array, start: number, end: number): string | null {
  const table = twoByteTable();
  let text = "";
  for (let i = start; i < end; i++) {
    const c = bytes[i];
    if (c < 0x80) text += String.fromCharCode(c);
    else {
      if (i + 1 >= end) return null;
      const code = table[(c << 8) | bytes[i + 1]];
      if (code === 0) return null;
      text += String.fromCharCode(code);
      i++;
    }
  }
  return text;
}

/** A UTF-8 cell through Buffer's decoder; null when it holds U+FFFD, so the strict decoder decides. */
function utf8Text(buffer: Buffer, start: number, end: number): string | null {
  const text = buffer.toString("utf8", start, end);
  return text.includes("\ufffd") ? null : text;
}

function sameBytes(a: Uint8Array, bytes: Uint8Array, start: number, end: number): boolean {
  if (a.length !== end - start) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== bytes[start + i]) return false;
  return true;
}

/** The 1-based column (counting delimiters outside quotes) of the first cell whose bytes do not decode. */
function columnOfBadByte(bytes: Uint8Array, start: number, end: number, delimiter: number, encoding: string): number {
  let column = 1;
  let from = start;
  let quoted = false;
  for (let i = start; i <= end; i++) {
    if (i < end && bytes[i] === QUOTE) quoted = !quoted;
    if (i === end || (!quoted && bytes[i] === delimiter)) {
      try {
        new TextDecoder(encoding, {fatal: true}).decode(bytes.subarray(from, i));
      } catch {
        return column;
      }
      column++;
      from = i + 1;
    }
  }
  return 1;
}

/**
 * A plain ASCII decimal in `bytes[start..end)` (`73849`, `-3.5`, at most 15 bytes), the same number the Collector's
 * string scan gives; NaN for anything else (empty, spaces, separators, notes), which the general parser then decides.
 * @example asciiNumber(Buffer.from("73849"), 0, 5) // 73849
 */
export function asciiNumber(bytes: Uint8Array, start: number, end: number): number {
  const n = end - start;
  if (n === 0 || n > 15) return NaN;
  const negative = bytes[start] === 45;
  let i = negative ? start + 1 : start;
  if (i === end) return NaN;
  let whole = 0;
  for (; i < end; i++) {
    const c = bytes[i];
    if (c >= 48 && c <= 57) whole = whole * 10 + (c - 48);
    else if (c === 46) {
      if (i + 1 === end) return NaN;
      for (let j = i + 1; j < end; j++) if (bytes[j] < 48 || bytes[j] > 57) return NaN;
      // Decimals take JavaScript's own conversion, as the string path does.
      return +Buffer.from(bytes.buffer, bytes.byteOffset + start, n).toString("latin1");
    } else return NaN;
  }
  return negative ? -whole : whole;
}
