import type {FastRecord} from "../byteRecords.js";
import type {CsvRecord} from "../records.js";
import {LoadError} from "../LoadError.js";

/** The table layouts the loaders read. */
export type LayoutName = "nbs-province" | "nbs-national" | "yearbook" | "long";

/** What a layout parser may be told besides the cells. */
export interface LayoutOptions {
  /** The year of a yearbook table whose title has none (`--year`). */
  year?: number;
  /** Long layout: which columns hold what, when the names are not the usual ones. */
  long?: LongOptions;
}

/** Column roles of a long (already tidy or wide-by-indicator) table. */
export interface LongOptions {
  year?: string;
  value?: string;
  indicator?: string;
  unit?: string;
  region?: string;
  /** Columns to leave out (sources, English labels, notes). */
  ignore?: string[];
  /** Value columns of a wide-by-indicator table: column name → indicator and unit. */
  columns?: Record<string, {indicator: string; unit: string}>;
}

/** A parser for one layout: fed records in file order, then `end()`. */
export interface LayoutParser {
  push(record: CsvRecord): void;
  /** Optional byte-level hot path (see `FastRecord` in byteRecords.ts): true when it took the record. */
  fast?: FastRecord;
  end(): void;
}

/** True for a record whose cells are all blank (a blank line, or `,,,` exported from Excel). */
export function isBlank(cells: string[]): boolean {
  for (let i = 0; i < cells.length; i++) {
    const c = cells[i];
    // A cell starting with a visible ASCII or CJK character is not blank: no trimming needed to tell.
    const first = c.charCodeAt(0);
    if ((first > 0x20 && first < 0x7f) || (first >= 0x3400 && first <= 0x9fff)) return false;
    if (c.trim() !== "" && c.trim() !== "\u3000") return false;
  }
  return true;
}

/** The trailing empty cells Excel leaves on ragged rows. */
export function trimTrailing(cells: string[]): string[] {
  let n = cells.length;
  while (n > 0 && cells[n - 1].trim() === "") n--;
  return n === cells.length ? cells : cells.slice(0, n);
}

/** Throws when a data row has more non-empty fields than its header: `path:line:column` at the first extra field. */
export function checkNotWider(cells: string[], width: number, file: string, line: number): void {
  const w = trimTrailing(cells).length;
  if (w > width) throw new LoadError(file, line, width + 1, `row has ${w} fields, the header ${width}`);
}

/** Throws when a data row has fewer fields than its header (a file truncated mid-row, or a ragged export). */
export function checkNotShorter(cells: string[], width: number, file: string, line: number): void {
  if (cells.length < width) {
    throw new LoadError(file, line, cells.length, `row has ${cells.length} fields, the header ${width} (row cut short?)`);
  }
}

/** Footnote and source lines that close a table. */
export const FOOTER = /^[\s\u3000]*(注[:：\s]|注$|注释|说明|资料来源|数据来源|来源[:：]|[*①-⑳]|Note|Source)/i;
