import {LoadError} from "./LoadError.js";

/** One CSV record and where it starts: `line` is 1-based in the original file; cell i is column i + 1. */
export interface CsvRecord {
  cells: string[];
  line: number;
  /** The first cell's bytes as in the file, when read by the byte splitter for a parser with a byte hot path. */
  first?: Uint8Array;
}

/**
 * Splits decoded text, pushed in chunks of any size, into CSV records while counting lines, so every later error can
 * name the line of the original file. Quoted fields may hold delimiters, doubled quotes and line breaks.
 * @example const s = new RecordSplitter("x.csv", ",", (r) => out.push(r)); s.push("a,b\r\n"); s.end();
 */
export class RecordSplitter {
  private carry = "";
  private line = 1;
  private pending: {text: string; line: number} | null = null;

  constructor(
    private readonly file: string,
    private readonly delimiter: string,
    private readonly onRecord: (record: CsvRecord) => void
  ) {}

  /** Feeds the next chunk of text. */
  push(chunk: string): void {
    let text = this.carry + chunk;
    let start = 0;
    for (;;) {
      const end = text.indexOf("\n", start);
      if (end < 0) break;
      this.takeLine(text.slice(start, end > start && text.charCodeAt(end - 1) === 13 ? end - 1 : end));
      start = end + 1;
    }
    this.carry = text.slice(start);
    text = "";
  }

  /** Flushes the last line (a file need not end with a newline); throws on an unterminated quoted field. */
  end(): void {
    if (this.carry !== "") this.takeLine(this.carry.endsWith("\r") ? this.carry.slice(0, -1) : this.carry);
    this.carry = "";
    if (this.pending)
      throw new LoadError(
        this.file,
        this.pending.line,
        undefined,
        "unterminated quoted field (file ends inside quotes)"
      );
  }

  private takeLine(text: string): void {
    const line = this.line++;
    if (this.pending) {
      this.pending.text += "\n" + text;
      if (balanced(this.pending.text)) {
        const {text: full, line: first} = this.pending;
        this.pending = null;
        this.onRecord({cells: splitQuoted(full, this.delimiter), line: first});
      }
      return;
    }
    if (text.indexOf('"') < 0) {
      this.onRecord({cells: text.split(this.delimiter), line});
    } else if (balanced(text)) {
      this.onRecord({cells: splitQuoted(text, this.delimiter), line});
    } else {
      this.pending = {text, line};
    }
  }
}

function balanced(text: string): boolean {
  let quotes = 0;
  for (let i = text.indexOf('"'); i >= 0; i = text.indexOf('"', i + 1)) quotes++;
  return quotes % 2 === 0;
}

/** Splits one record that contains quotes (RFC 4180: a quoted field may hold delimiters and doubled quotes). @example splitQuoted('"42,359",x', ",") // ["42,359", "x"] */
export function splitQuoted(text: string, delimiter: string): string[] {
  const cells: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          cell += '"';
          i++;
        } else quoted = false;
      } else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === delimiter) {
      cells.push(cell);
      cell = "";
    } else cell += c;
  }
  cells.push(cell);
  return cells;
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
