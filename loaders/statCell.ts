/** What a numeric cell holds: a number (maybe with a percent sign or a note marker), nothing, or an error text. */
export type StatCellValue =
  | {kind: "number"; value: number; percent: boolean; note: string | null}
  | {kind: "missing"}
  | {kind: "error"; message: string};

// Yearbooks mark "no figure" in several ways; all of them mean missing, never 0.
const MISSING = new Set([
  "",
  "…",
  "……",
  "...",
  "..",
  "-",
  "--",
  "—",
  "——",
  "－",
  "―",
  "─",
  "－－",
  "NA",
  "N/A",
  "n/a",
  "null"
]);
const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
const GROUPED = /^[+-]?\d{1,3}(?:,\d{3})+(?:\.\d+)?$/;
const NOTE = /(?:\*+|[①-⑳]+|#|△|▲|†)$/u;
const FULL_WIDTH = /[\uff01-\uff5e\u3000]/g;

/**
 * Folds full-width digits, punctuation and spaces (`４２，３５９．５`) to ASCII and trims spaces.
 * @example toHalfWidth("４２，３５９") // "42,359"
 */
export function toHalfWidth(text: string): string {
  return text
    .replace(FULL_WIDTH, (c) => (c === "\u3000" ? " " : String.fromCharCode(c.charCodeAt(0) - 0xfee0)))
    .replace(/[\s\u00a0]+/g, " ")
    .trim();
}

/**
 * True for a cell that a spreadsheet would run as a formula (`=cmd|...`, `@SUM(`, `+A1`): such text must never be
 * passed on, since the tidy CSV is opened in Excel.
 * @example looksLikeFormula("=cmd|' /C calc'!A0") // true
 */
export function looksLikeFormula(cell: string): boolean {
  // A cell starting with a digit, a letter or a CJK ideograph is never a formula: no regex for most cells.
  const head = cell.charCodeAt(0);
  if ((head >= 0x30 && head <= 0x39) || (head >= 0x41 && head <= 0x7a) || (head >= 0x3400 && head <= 0x9fff))
    return false;
  const c = cell.trimStart();
  return /^[=@\uff1d\uff20]/.test(c) || /^[+\-\uff0b\uff0d][^\d.\s\uff10-\uff19\uff0e]/.test(c) || /^[\t\r]/.test(cell);
}

/**
 * True for text that a spreadsheet could run when the tidy CSV is opened: any text field (indicator, unit, region
 * name) starting with `=`, `+`, `-`, `@` (or their full-width forms) after spaces, or with a tab or carriage return.
 * Stricter than `looksLikeFormula`, which lets numbers such as `-3.5` through: a text field is never a number.
 * @example isFormulaText("+1+cmd|' /C calc'!A0") // true
 */
export function isFormulaText(text: string): boolean {
  const head = text.charCodeAt(0);
  // A text starting with a digit, a letter or a CJK ideograph is never a formula: no regex for most cells.
  if ((head >= 0x30 && head <= 0x39) || (head >= 0x41 && head <= 0x7a) || (head >= 0x3400 && head <= 0x9fff))
    return false;
  return /^[\t\r]/.test(text) || /^[\s\u3000]*[=+\-@\uff1d\uff0b\uff0d\uff20]/.test(text);
}

/**
 * Reads a statistical cell: thousands separators, full-width digits, a trailing percent sign or note marker
 * (`1234*`, `56.7①`) are accepted; the missing markers `…` `...` `-` `—` `－` and empty give missing.
 * @example parseStatCell('"42,359"'.slice(1, -1)) // {kind: "number", value: 42359, percent: false, note: null}
 */
export function parseStatCell(raw: string): StatCellValue {
  // Fast path: a plain ASCII number, the bulk of every file.
  if (raw.length > 0 && raw.length < 16 && NUMBER.test(raw))
    return {kind: "number", value: Number(raw), percent: false, note: null};
  if (looksLikeFormula(raw) && !MISSING.has(raw.trim()))
    return {kind: "error", message: "looks like a spreadsheet formula"};
  let text = toHalfWidth(raw);
  if (MISSING.has(text) || MISSING.has(raw.trim())) return {kind: "missing"};
  let note: string | null = null;
  const marker = NOTE.exec(text);
  if (marker && marker.index > 0) {
    note = marker[0];
    text = text.slice(0, marker.index).trim();
  }
  let percent = false;
  if (text.endsWith("%")) {
    percent = true;
    text = text.slice(0, -1).trim();
  }
  if (GROUPED.test(text)) text = text.replace(/,/g, "");
  else text = text.replace(/ /g, "");
  if (!NUMBER.test(text)) return {kind: "error", message: "is not a number"};
  return {kind: "number", value: Number(text), percent, note};
}

/** Trims a text cell, folding full-width spaces. @example cleanText(" 北京　") // "北京" */
export function cleanText(raw: string): string {
  // Most cells start and end with a visible ASCII or CJK character: nothing to trim, no regex to run.
  if (raw.length > 0 && visibleEdge(raw.charCodeAt(0)) && visibleEdge(raw.charCodeAt(raw.length - 1))) return raw;
  return raw.replace(/^[\s\u3000\u00a0]+|[\s\u3000\u00a0]+$/g, "");
}

/** True for characters that are never white space: printable ASCII, CJK ideographs, full-width forms. */
function visibleEdge(c: number): boolean {
  return (c > 0x20 && c < 0x7f) || (c >= 0x3400 && c <= 0x9fff) || (c >= 0xff01 && c <= 0xff5e);
}
