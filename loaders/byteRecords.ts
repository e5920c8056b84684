import {LoadError} from "./LoadError.js";
import {FIELD_START, longRecordError, nextState, QUOTED as IN_QUOTES, splitQuoted, type CsvRecord} from "./records.js";

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
// Lines up to this length may be remembered as decoded records.
const MEMO_BYTES = 512;
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
  private readonly textsSeen = new Set<number>();
  /** Recent decoded records by a hash of their bytes (see `emit`). */
  private readonly lines = new Map<number, {bytes: Uint8Array; cells: string[]; first: Uint8Array | null}>();
  private readonly seenOnce = new Set<number>();
  /** The hash `knownLine` computed for the line at `lineHashAt`, for `emit` to remember it by. */
  private lineHash = 0;
  private lineHashAt = -1;

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
    this.lineHashAt = -1; // offsets restart with each buffer
    const bytes = new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.length);
    let pos = from;
    while (pos < n) {
      // Once a parser takes rows as bytes, most records are a name and plain integers: a tighter loop reads those.
      let next = this.fast !== null ? this.plainRecord(bytes, pos, n) : -1;
      if (next < 0) next = this.knownLine(bytes, pos, n);
      if (next < 0) next = this.record(bytes, pos, n, final);
      if (next < 0) return pos;
      pos = next;
    }
    return n;
  }

  /**
   * A line seen before byte for byte (each block's 数据库 and 时间 lines, header and source line in a many-block
   * export): the same frozen cells again, without splitting or decoding. Returns where the next record begins, or -1
   * (nothing consumed; the line's hash is kept for `emit` to remember it).
   */
  private knownLine(bytes: Uint8Array, pos: number, n: number): number {
    const limit = Math.min(n, pos + MEMO_BYTES);
    let hash = 0x811c9dc5;
    let i = pos;
    for (; i < limit; i++) {
      const c = bytes[i];
      if (c === NEWLINE) break;
      hash = Math.imul(hash ^ c, 0x01000193);
    }
    if (i === limit) return -1;
    // 30 bits: a small integer key, where a full 32-bit hash would be a boxed number in the maps.
    hash &= 0x3fffffff;
    const seen = this.lines.get(hash);
    if (seen === undefined || !sameBytes(seen.bytes, bytes, pos, i)) {
      this.lineHash = hash;
      this.lineHashAt = pos;
      return -1;
    }
    const line = this.line++;
    const first = this.fast !== null ? seen.first : null;
    this.onRecord(first ? {cells: seen.cells, line, first} : {cells: seen.cells, line});
    return i + 1;
  }

  /**
   * A record of one unquoted first cell and then only cells of 1-15 ASCII digits, ended by LF or CRLF within `n`;
   * returns where the next record begins, or -1 (nothing consumed) for any other record, which `record` then reads.
   * It gives `fast` the same byte ranges and numbers as `record` would.
   */
  private plainRecord(bytes: Uint8Array, pos: number, n: number): number {
    const starts = this.starts;
    const ends = this.ends;
    const numbers = this.numbers;
    const delimiter = this.delimiter;
    let high = false;
    let whole = 0;
    let digits = true;
    let i = pos;
    for (; i < n; i++) {
      const c = bytes[i];
      if (c === delimiter) break;
      if (c >= 0x80) {
        high = true;
        digits = false;
      } else if (c >= 0x30 && c <= 0x39) whole = whole * 10 + (c - 48);
      else if (c === QUOTE || c === NEWLINE || c === RETURN) return -1;
      else digits = false;
    }
    if (i >= n) return -1;
    starts[0] = pos;
    ends[0] = i;
    numbers[0] = digits && i > pos && i - pos <= 15 ? whole : NaN;
    let count = 1;
    let end = -1;
    i++;
    while (end < 0) {
      const start = i;
      let value = 0;
      let c = -1;
      for (; i < n; i++) {
        c = bytes[i];
        const digit = c - 48;
        if (digit < 0 || digit > 9) break;
        value = value * 10 + digit;
      }
      if (i >= n || i === start || i - start > 15 || count + 1 >= MAX_CELLS) return -1;
      starts[count] = start;
      ends[count] = i;
      numbers[count++] = value;
      if (c === delimiter) i++;
      else if (c === NEWLINE) end = i;
      else if (c === RETURN && i + 1 < n && bytes[i + 1] === NEWLINE) end = i + 1;
      else return -1;
    }
    const line = this.line++;
    if (!this.fast!(bytes, starts, ends, count, line, numbers)) this.emit(bytes, pos, end, count, line, high, false);
    return end + 1;
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
    if (fast === null || !fast(bytes, starts, ends, count, line, numbers))
      this.emit(bytes, pos, end, count, line, high, end === n);
    return end + 1;
  }

  /**
   * Decodes the `count` located cells of the record at `pos` into a CsvRecord; `end` is its line end (LF or `n`),
   * `endsFile` when the record is cut by the end of the file.
   */
  private emit(bytes: Uint8Array, pos: number, end: number, count: number, line: number, high: boolean, endsFile: boolean): void {
    const starts = this.starts;
    const ends = this.ends;
    const cells: string[] = new Array(count);
    for (let k = 0; k < count; k++)
      cells[k] = this.cell(bytes, starts[k], ends[k], high, line, k + 1, endsFile && k === count - 1);
    // A parser with a byte hot path learns the bytes of names it resolved (regions) from the first cell.
    // Only records with several cells can be table rows: the rest (titles, notes) skip the copy.
    const tableRow = count > 1 && ends[0] - starts[0] <= 256;
    // `knownLine` hashed this line: it is remembered from its second sighting on (most lines that differ, such as
    // indicator labels, never come back), with its first cell's bytes whether or not a parser wants them yet.
    if (this.lineHashAt === pos && !endsFile) {
      const hash = this.lineHash;
      this.lineHashAt = -1;
      if (this.seenOnce.has(hash)) {
        if (this.lines.size >= 1024) this.lines.clear();
        const first = tableRow ? bytes.slice(starts[0], ends[0]) : null;
        this.lines.set(hash, {bytes: bytes.slice(pos, end), cells: Object.freeze(cells) as string[], first});
      } else {
        if (this.seenOnce.size >= 4096) this.seenOnce.clear();
        this.seenOnce.add(hash);
      }
    }
    if (this.fast !== null && tableRow) this.onRecord({cells, line, first: bytes.slice(starts[0], ends[0])});
    else this.onRecord({cells, line});
  }

  /**
   * A record with quotes: it may span lines; it ends at the first line end outside a quoted field (the quoting rule
   * of records.ts, applied to bytes: the delimiter, quotes and LF never occur inside a multi-byte character).
   */
  private quotedRecord(bytes: Uint8Array, pos: number, n: number, final: boolean): number {
    const delimiter = this.delimiter;
    let end = n;
    let state = FIELD_START;
    let lines = 1;
    for (let i = pos; ; i++) {
      if (i === n) {
        if (!final) return -1;
        if (state === IN_QUOTES)
          throw new LoadError(this.file, this.line, undefined, "unterminated quoted field (file ends inside quotes)");
        end = n;
        break;
      }
      const c = bytes[i];
      if (c === NEWLINE) {
        if (state !== IN_QUOTES) {
          end = i;
          break;
        }
        lines++;
      }
      state = nextState(state, c, delimiter);
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
    this.onRecord({cells: splitQuoted(text, String.fromCharCode(this.delimiter)), line});
    return end + 1;
  }

  /**
   * The error for the incomplete record at `bytes[from..n)` when it holds a cell over MAX_CELL or is over MAX_RECORD,
   * else null; the read loop asks before it grows its buffer for a record longer than the buffer.
   */
  longRecord(bytes: Uint8Array, from: number, n: number): LoadError | null {
    return longRecordError(this.file, this.line, (i) => bytes[from + i], n - from, this.delimiter);
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
        hash &= 0x3fffffff; // a small integer key, as in knownLine
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
        // Kept from the second sighting on, like lines: a text seen once (an indicator label) is not held.
        if (this.textsSeen.has(hash)) {
          if (this.texts.size >= 4096) this.texts.clear();
          this.texts.set(hash, {bytes: bytes.slice(start, end), text});
        } else {
          if (this.textsSeen.size >= 4096) this.textsSeen.clear();
          this.textsSeen.add(hash);
        }
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
  // Character codes go to a reused buffer and become one string at the end (no string per character).
  if (codes.length < end - start) codes = new Uint16Array(end - start);
  let n = 0;
  for (let i = start; i < end; i++) {
    const c = bytes[i];
    if (c < 0x80) codes[n++] = c;
    else {
      if (i + 1 >= end) return null;
      const code = table[(c << 8) | bytes[i + 1]];
      if (code === 0) return null;
      codes[n++] = code;
      i++;
    }
  }
  let text = "";
  for (let at = 0; at < n; at += 4096)
    text += String.fromCharCode.apply(null, codes.subarray(at, Math.min(n, at + 4096)) as unknown as number[]);
  return text;
}

let codes = new Uint16Array(256);

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

/**
 * The 1-based column (counting delimiters outside quotes) of the first cell whose bytes do not decode.
 * @example columnOfBadByte(Buffer.from([0x61, 0x2c, 0xff]), 0, 3, 0x2c, "utf-8") // 2
 */
export function columnOfBadByte(bytes: Uint8Array, start: number, end: number, delimiter: number, encoding: string): number {
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
