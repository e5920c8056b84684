// CSV for Excel and WPS: UTF-8 with a byte-order mark (without it both read Chinese as GBK and garble it), CRLF line
// ends, RFC 4180 quoting, and text that a spreadsheet would run as a formula neutralised with a leading apostrophe.
import {cellText, tableColumns, type Row, type TableFileOptions} from "./tableFile.js";

export const BOM = "\ufeff";

const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

/**
 * A text cell made safe to open in a spreadsheet: text starting with = + - @ or a tab/CR gets a leading ' (numbers
 * such as "-1.5" are left alone).
 * @example neutraliseFormula("=HYPERLINK(\"x\")") // "'=HYPERLINK(\"x\")"
 */
export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) && !PLAIN_NUMBER.test(text) ? `'${text}` : text;
}

/**
 * One CSV field, quoted when it holds a comma, quote or line break.
 * @example csvField('a "b", c') // '"a ""b"", c"'
 */
export function csvField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * The CSV text of a table: BOM, a header row, one line per row; after one empty line, the source note, the data
 * version and a note when given, as two-field lines (as NBS exports put 数据来源 under the table).
 * @example toCsv([{year: 2024, value: 1.5}], {source: "NBS"}) // "\ufeffyear,value\r\n2024,1.5\r\n\r\n来源 Source,NBS\r\n"
 */
export function toCsv(rows: readonly Row[] & {columns?: readonly string[]}, options: TableFileOptions): string {
  const columns = tableColumns(rows, options.columns);
  const line = (cells: string[]) => cells.map((c) => csvField(neutraliseFormula(c))).join(",");
  const lines = [line(columns.map((c) => c.label))];
  for (const row of rows) lines.push(line(columns.map((c) => cellText(row[c.key]))));
  lines.push("", line(["来源 Source", options.source]));
  if (options.version) lines.push(line(["数据版本 Data version", options.version]));
  if (options.note) lines.push(line(["说明 Note", options.note]));
  return BOM + lines.join("\r\n") + "\r\n";
}
