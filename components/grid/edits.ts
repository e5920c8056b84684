// Turning what an analyst typed, pasted, filled or cleared into a batch of cell changes, one cell at a time: a cell
// that does not parse is left as it was and named in a message, while every other cell of the batch still applies.
import type {Change} from "./history.js";
import type {Bounds, Cell} from "./selection.js";

/** A value a grid cell holds: a number, or null once cleared. Never NaN. */
export type CellValue = number | null;

/** A row of the grid's value: the editable keys hold CellValues; other keys (e.g. year) pass through. */
export type GridRow = Record<string, unknown>;

/** The part of a column the edit logic needs. `name` (default: label) names the column in messages. */
export interface EditColumn {
  key: string;
  label: string;
  name?: string;
}

/** What a cell parser returns: a value, or a message saying why the text is not one. */
export type ParseResult = {ok: true; value: number | null} | {ok: false; message: string};

/** Parses a cell's text for its column (the page passes the model's `parseCell`). */
export type CellParser<C extends EditColumn> = (text: string, column: C) => ParseResult;

/** Text for one cell, by grid position. */
export interface CellText {
  row: number;
  col: number;
  text: string;
}

/** A batch of changes plus one message per rejected cell. */
export interface EditResult {
  changes: Change[];
  errors: string[];
}

/**
 * Positions a pasted block at `anchor`, one CellText per pasted cell (cells past the grid are kept; the caller's
 * `changesFromTexts` reports them).
 * @example pasteTexts({row: 1, col: 0}, [["1", "2"]]) // [{row: 1, col: 0, text: "1"}, {row: 1, col: 1, text: "2"}]
 */
export function pasteTexts(anchor: Cell, block: readonly (readonly string[])[]): CellText[] {
  return block.flatMap((cells, r) => cells.map((text, c) => ({row: anchor.row + r, col: anchor.col + c, text})));
}

/**
 * Parses each cell text for its column and returns the changes for cells that parse and differ from what they hold;
 * a blank text clears the cell (null). Rejected cells get a message such as `2027 农村增速: "abc" 不是数字 / not a number`;
 * cells outside the editable columns or rows are counted in one message.
 * @example changesFromTexts([{year: 2027, rural: 0.06}], [{key: "rural", label: "农村增速"}], [{row: 0, col: 0, text: "abc"}], parse, (r) => String(r.year))
 */
export function changesFromTexts<C extends EditColumn>(
  rows: readonly GridRow[],
  columns: readonly C[],
  texts: readonly CellText[],
  parse: CellParser<C>,
  rowName: (row: GridRow, index: number) => string
): EditResult {
  const changes: Change[] = [];
  const errors: string[] = [];
  let outside = 0;
  for (const {row, col, text} of texts) {
    const column = columns[col];
    if (row < 0 || row >= rows.length || !column) {
      outside++;
      continue;
    }
    const before = cellValue(rows[row][column.key]);
    let after: CellValue;
    if (text.trim() === "") after = null;
    else {
      const parsed = parse(text, column);
      if (!parsed.ok) {
        errors.push(`${cellName(rows, row, column, rowName)}: ${parsed.message}`);
        continue;
      }
      if (parsed.value !== null && !Number.isFinite(parsed.value)) {
        errors.push(`${cellName(rows, row, column, rowName)}: "${text}" 不是数字 / not a number`);
        continue;
      }
      after = parsed.value;
    }
    if (!Object.is(before, after)) changes.push({row, key: column.key, before, after});
  }
  if (outside > 0) errors.push(`${outside} 个单元格超出可编辑区域，未粘贴 / ${outside} cell(s) fell outside the editable cells and were skipped`);
  return {changes, errors};
}

/**
 * Fill down (Ctrl+D): each selected column takes the top selected row's value; with one row selected, the value
 * of the row above (as in Excel). Columns past the editable ones are ignored.
 * @example fillDownChanges([{a: 1}, {a: 2}, {a: 3}], [{key: "a", label: "A"}], {top: 0, left: 0, bottom: 2, right: 0})
 */
export function fillDownChanges(rows: readonly GridRow[], columns: readonly EditColumn[], b: Bounds): Change[] {
  const source = b.top === b.bottom ? b.top - 1 : b.top;
  if (source < 0) return [];
  const changes: Change[] = [];
  for (let col = b.left; col <= Math.min(b.right, columns.length - 1); col++) {
    const {key} = columns[col];
    const value = cellValue(rows[source][key]);
    for (let row = Math.max(source + 1, b.top); row <= Math.min(b.bottom, rows.length - 1); row++) {
      const before = cellValue(rows[row][key]);
      if (!Object.is(before, value)) changes.push({row, key, before, after: value});
    }
  }
  return changes;
}

/**
 * Delete: clears every editable cell in the rectangle (null).
 * @example clearChanges([{a: 1}], [{key: "a", label: "A"}], {top: 0, left: 0, bottom: 0, right: 0}) // [{row: 0, key: "a", before: 1, after: null}]
 */
export function clearChanges(rows: readonly GridRow[], columns: readonly EditColumn[], b: Bounds): Change[] {
  const changes: Change[] = [];
  for (let row = b.top; row <= Math.min(b.bottom, rows.length - 1); row++) {
    for (let col = b.left; col <= Math.min(b.right, columns.length - 1); col++) {
      const {key} = columns[col];
      const before = cellValue(rows[row][key]);
      if (before !== null) changes.push({row, key, before, after: null});
    }
  }
  return changes;
}

/**
 * Applies changes (in order) to copies of the rows they touch; untouched rows are shared.
 * @example applyChanges([{a: 1}], [{row: 0, key: "a", before: 1, after: 2}]) // [{a: 2}]
 */
export function applyChanges<R extends GridRow>(rows: readonly R[], changes: readonly Change[]): R[] {
  const out = [...rows];
  for (const {row, key, after} of changes) out[row] = {...out[row], [key]: after};
  return out;
}

/** A number or null from whatever a row holds; NaN and non-numbers read as null so they can never leak out. */
export function cellValue(value: unknown): CellValue {
  return typeof value === "number" && Number.isFinite(value) ? value : null;
}

function cellName<C extends EditColumn>(rows: readonly GridRow[], row: number, column: C, rowName: (row: GridRow, index: number) => string) {
  return `${rowName(rows[row], row)} ${column.name ?? column.label}`;
}

/**
 * Continues a run of values as Excel's fill handle does: one value (or any blank among them) repeats the run; two or
 * more continue their linear trend (5, 5.5 → 6, 6.5). Results are rounded to 12 significant digits so a step of
 * 0.005 stays 0.06, not 0.06000000000000001.
 * @example fillSeries([5, 5.5], 2) // [6, 6.5]
 */
export function fillSeries(values: readonly CellValue[], count: number): CellValue[] {
  const n = values.length;
  if (n === 0 || count <= 0) return [];
  if (n === 1 || values.some((v) => v === null)) return Array.from({length: count}, (_, i) => values[i % n]);
  // Least-squares line through (i, value): for an even step it is that step exactly.
  const mean = (n - 1) / 2;
  const avg = (values as number[]).reduce((a, b) => a + b, 0) / n;
  let num = 0;
  let den = 0;
  values.forEach((v, i) => ((num += (i - mean) * ((v as number) - avg)), (den += (i - mean) ** 2)));
  const slope = num / den;
  return Array.from({length: count}, (_, k) => Number((avg + slope * (n + k - mean)).toPrecision(12)));
}

/**
 * The fill handle: `source` is the selection, `target` the range it was dragged to (the same columns, more rows
 * below; or the same rows, more columns to the right). Each column (or row) continues by `fillSeries`. Values
 * outside a column's bounds come back as messages naming the cell as a paste's would (row by `rowName`, value by
 * `format`, so a percent column says "60%", not 0.6).
 * @example fillHandleChanges(rows, columns, {top: 0, left: 0, bottom: 1, right: 0}, {top: 0, left: 0, bottom: 3, right: 0})
 */
export function fillHandleChanges<C extends EditColumn & {min?: number; max?: number}>(
  rows: readonly GridRow[],
  columns: readonly C[],
  source: Bounds,
  target: Bounds,
  {
    rowName = (_row, index) => String(index + 1),
    format = (value) => String(value)
  }: {rowName?: (row: GridRow, index: number) => string; format?: (value: number, column: C) => string} = {}
): EditResult {
  const changes: Change[] = [];
  const errors: string[] = [];
  const put = (row: number, col: number, after: CellValue) => {
    const column = columns[col];
    if (!column || row < 0 || row >= rows.length) return;
    if (after !== null && ((column.min !== undefined && after < column.min) || (column.max !== undefined && after > column.max))) {
      errors.push(`${cellName(rows, row, column, rowName)}: ${format(after, column)} 超出范围 / out of range`);
      return;
    }
    const before = cellValue(rows[row][column.key]);
    if (!Object.is(before, after)) changes.push({row, key: column.key, before, after});
  };
  const lastCol = Math.min(source.right, columns.length - 1);
  if (target.bottom > source.bottom) {
    for (let col = source.left; col <= lastCol; col++) {
      const run = [];
      for (let row = source.top; row <= source.bottom; row++) run.push(cellValue(rows[row]?.[columns[col].key]));
      fillSeries(run, target.bottom - source.bottom).forEach((v, i) => put(source.bottom + 1 + i, col, v));
    }
  } else if (target.right > source.right) {
    for (let row = source.top; row <= source.bottom; row++) {
      const run = [];
      for (let col = source.left; col <= lastCol; col++) run.push(cellValue(rows[row]?.[columns[col].key]));
      fillSeries(run, Math.min(target.right, columns.length - 1) - lastCol).forEach((v, i) => put(row, lastCol + 1 + i, v));
    }
  }
  return {changes, errors};
}
