import {LoadError} from "./LoadError.js";

/** One CSV record and where it starts: `line` is 1-based in the original file; cell i is column i + 1. */
export interface CsvRecord {
  cells: string[];
  line: number;
  /** The first cell's bytes as in the file, when read by the byte splitter for a parser with a byte hot path. */
  first?: Uint8Array;
}

/**
 * Bounds on one record and one cell (counted in bytes of the file on the byte path, in characters on the text path):
 * far above any table row, low enough that one endless line cannot exhaust memory.
 */
export const MAX_CELL = 1 << 20;
export const MAX_RECORD = 8 << 20;

// The quoting rule of both splitters (RFC 4180, lenient where it must not lose text): a quote opens a quoted field
// only at the start of a field; inside one, a doubled quote is a quote and a single quote closes it; a quote inside
// an unquoted field is kept as written (`37°36'37.8"N`); text after a closing quote is kept too.
/** Where a scan of a record stands: at a field's start, inside an unquoted or quoted field, after a quote in one. */
export const FIELD_START = 0;
const UNQUOTED = 1;
export const QUOTED = 2;
const QUOTE_IN_QUOTED = 3;
const QUOTE = 0x22;

/**
 * The state after one character (its code) of a record. A line end while QUOTED is inside the field; at any other
 * state it ends the record. @example nextState(FIELD_START, 0x22, 0x2c) // QUOTED
 */
export function nextState(state: number, c: number, delimiter: number): number {
  if (state === QUOTED) return c === QUOTE ? QUOTE_IN_QUOTED : QUOTED;
  if (c === delimiter) return FIELD_START;
  if (state === FIELD_START) return c === QUOTE ? QUOTED : UNQUOTED;
  if (state === QUOTE_IN_QUOTED) return c === QUOTE ? QUOTED : UNQUOTED;
  return UNQUOTED;
}

/**
 * Splits decoded text, pushed in chunks of any size, into CSV records while counting lines, so every later error can
 * name the line of the original file. Quoted fields may hold delimiters, doubled quotes and line breaks (CRLF inside
 * a quoted field is kept). A record or cell over the bounds is a LoadError at its line and column.
 * @example const s = new RecordSplitter("x.csv", ",", (r) => out.push(r)); s.push("a,b\r\n"); s.end();
 */
export class RecordSplitter {
  private carry = "";
  private line = 1;
  private pending: {text: string; line: number; state: number; cr: boolean} | null = null;
  private readonly code: number;
  private checkAt = MAX_CELL;

  constructor(
    private readonly file: string,
    private readonly delimiter: string,
    private readonly onRecord: (record: CsvRecord) => void
  ) {
    this.code = delimiter.charCodeAt(0);
  }

  /** Feeds the next chunk of text. */
  push(chunk: string): void {
    if (chunk.indexOf("\n") < 0) {
      // No line ends here (a long line): append without searching the whole line again.
      this.carry += chunk;
      this.checkOpen();
      return;
    }
    let text = this.carry + chunk;
    let start = 0;
    for (;;) {
      const end = text.indexOf("\n", start);
      if (end < 0) break;
      const cr = end > start && text.charCodeAt(end - 1) === 13;
      this.takeLine(text.slice(start, cr ? end - 1 : end), cr);
      start = end + 1;
    }
    this.carry = text.slice(start);
    text = "";
    this.checkOpen();
  }

  private checkOpen(): void {
    // An open record is looked at again each time it doubles past MAX_CELL, as the byte path grows its buffer.
    const open = this.pending ? this.pending.text.length + this.carry.length : this.carry.length;
    if (open > this.checkAt) {
      this.checkLong();
      this.checkAt = 2 * open;
    } else if (open < MAX_CELL) this.checkAt = MAX_CELL;
  }

  /** Flushes the last line (a file need not end with a newline); throws on an unterminated quoted field. */
  end(): void {
    if ((this.pending ? this.pending.text.length : 0) + this.carry.length > MAX_CELL) this.checkLong();
    if (this.carry !== "") this.takeLine(this.carry.endsWith("\r") ? this.carry.slice(0, -1) : this.carry, false);
    this.carry = "";
    if (this.pending)
      throw new LoadError(
        this.file,
        this.pending.line,
        undefined,
        "unterminated quoted field (file ends inside quotes)"
      );
  }

  /** Throws when the record being read holds a cell over MAX_CELL or is over MAX_RECORD. */
  private checkLong(): void {
    const text = this.pending ? `${this.pending.text}${this.pending.cr ? "\r\n" : "\n"}${this.carry}` : this.carry;
    const line = this.pending ? this.pending.line : this.line;
    const error = longRecordError(this.file, line, (i) => text.charCodeAt(i), text.length, this.code);
    if (error) throw error;
  }

  private takeLine(text: string, cr: boolean): void {
    const line = this.line++;
    const p = this.pending;
    if (p) {
      const joined = `${p.cr ? "\r\n" : "\n"}${text}`;
      p.state = stateAfter(joined, p.state, this.code);
      p.text += joined;
      p.cr = cr;
      if (p.state !== QUOTED) {
        this.pending = null;
        this.onRecord({cells: splitQuoted(p.text, this.delimiter), line: p.line});
      }
      return;
    }
    if (text.indexOf('"') < 0) return this.onRecord({cells: text.split(this.delimiter), line});
    const state = stateAfter(text, FIELD_START, this.code);
    if (state !== QUOTED) this.onRecord({cells: splitQuoted(text, this.delimiter), line});
    else this.pending = {text, line, state, cr};
  }
}

function stateAfter(text: string, state: number, delimiter: number): number {
  for (let i = 0; i < text.length; i++) state = nextState(state, text.charCodeAt(i), delimiter);
  return state;
}

/**
 * Splits one record that contains quotes by the quoting rule above.
 * @example splitQuoted('"42,359",x', ",") // ["42,359", "x"]
 * @example splitQuoted(`37°36'37.8"N,x`, ",") // [`37°36'37.8"N`, "x"]
 */
export function splitQuoted(text: string, delimiter: string): string[] {
  const code = delimiter.charCodeAt(0);
  const cells: string[] = [];
  let cell = "";
  let state = FIELD_START;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const next = nextState(state, c, code);
    if (next === FIELD_START) {
      cells.push(cell);
      cell = "";
    } else if (!(c === QUOTE && (state === FIELD_START || next === QUOTE_IN_QUOTED))) cell += text[i];
    state = next;
  }
  cells.push(cell);
  return cells;
}

/**
 * The error for a record (its first `length` characters or bytes, read through `at`) that holds a cell longer than
 * MAX_CELL or is longer than MAX_RECORD, located at the line and column where that cell starts; null when it is
 * within both. Both splitters ask it once a record outgrows MAX_CELL.
 * @example longRecordError("x.csv", 1, (i) => text.charCodeAt(i), text.length, 0x2c)
 */
export function longRecordError(
  file: string,
  line: number,
  at: (i: number) => number,
  length: number,
  delimiter: number
): LoadError | null {
  let state = FIELD_START;
  let column = 1;
  let cellStart = 0;
  let cellLine = line;
  let current = line;
  for (let i = 0; i < length; i++) {
    const c = at(i);
    if (c === 0x0a && state !== QUOTED) break;
    if (c === 0x0a) current++;
    state = nextState(state, c, delimiter);
    if (state === FIELD_START) {
      column++;
      cellStart = i + 1;
      cellLine = current;
    } else if (i - cellStart >= MAX_CELL)
      return new LoadError(file, cellLine, column, `cell longer than ${MAX_CELL >> 20} MB: not a table cell (a missing line break or quote?)`);
    if (i >= MAX_RECORD)
      return new LoadError(file, line, column, `row longer than ${MAX_RECORD >> 20} MB: not a table row (missing line breaks?)`);
  }
  return null;
}

/** Guesses the delimiter from the first lines: Excel's "Unicode text" export is tab-separated. @example guessDelimiter("a\tb\n") // "\t" */
export function guessDelimiter(sample: string): "," | "\t" | ";" {
  const lines = sample.split("\n", 20);
  let commas = 0;
  let tabs = 0;
  let semicolons = 0;
  for (const l of lines) {
    commas += l.split(",").length - 1;
    tabs += l.split("\t").length - 1;
    semicolons += l.split(";").length - 1;
  }
  if (tabs > commas && tabs >= semicolons) return "\t";
  if (semicolons > commas * 2 && semicolons > tabs) return ";";
  return ",";
}
