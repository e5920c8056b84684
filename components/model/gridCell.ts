/**
 * How a grid column reads and shows its values. Percent columns hold fractions (0.065 for 6.5%); points columns hold a
 * change of a percentage, also as a fraction (0.026 for 2.6 percentage points), shown as the number of points.
 */
export interface ColumnSpec {
  key: string;
  /** shown in headers and messages, e.g. "农村增速" */
  label: string;
  kind: "percent" | "points" | "number" | "amount";
  /**
   * percent columns: how a bare number without "%" is read ("percent": 6.5 → 0.065, the default; "fraction": 0.065 →
   * 0.065). Points columns: how values are stored (by default as fractions, 2.6 points → 0.026; "points": 2.6 → 2.6).
   */
  form?: "percent" | "fraction" | "points";
  /** inclusive range in stored units (fractions for percent columns); a value outside is rejected */
  min?: number;
  max?: number;
  /** fixed decimals for display (percent columns: decimals of the percentage); without it the shortest exact form */
  digits?: number;
  /** amount columns: base units in one stored unit (10000 for a column in 万亩), so "1亿" typed there is 10000 */
  scale?: number;
}

export type CellParse = {ok: true; value: number | null} | {ok: false; message: string};

// Full-width forms an IME produces, the unicode minus, and the no-break space Excel puts in pasted cells.
const WIDE: Record<string, string> = {
  "．": ".",
  "％": "%",
  "，": ",",
  "－": "-",
  "＋": "+",
  "−": "-",
  "　": " ",
  "\u00a0": " ",
  ｅ: "e",
  Ｅ: "E"
};
const NUMBER = /^([+-]?)((?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d*)?|\.\d+)(?:[eE]([+-]?\d+))?$/;
const SUFFIX = /^(.*?)\s*(%|万元|亿元|万|亿|元|个百分点|百分点|pp|pt)$/i;
const SHIFT: Record<string, number> = {"%": -2, 万: 4, 亿: 8, 万元: 4, 亿元: 8, 元: 0};
// What a points column takes after its number: "2.6", "2.6pp", "2.6 个百分点", and "2.6%" as analysts often write it.
const POINTS = new Set(["", "%", "个百分点", "百分点", "pp", "pt"]);

/**
 * Reads what an analyst typed or pasted into a cell: "6.5%", "6.5" or "0.065" by the column's form, full-width
 * digits and punctuation, thousands separators ("12,345"), 万/亿 suffixes on amounts, surrounding spaces and the
 * unicode minus. An empty cell is null. Anything else comes back as a message, never NaN or Infinity.
 * @example parseGridCell("６．５％", {key: "growth", label: "增速", kind: "percent"}) // {ok: true, value: 0.065}
 */
export function parseGridCell(text: string, column: ColumnSpec): CellParse {
  const raw = String(text ?? "");
  const shown = quote(raw.trim());
  const normal = raw
    .replace(/[\uff10-\uff19]/g, (d) => String(d.charCodeAt(0) - 0xff10))
    .replace(/[．％，－＋−　\u00a0ｅＥ]/g, (c) => WIDE[c])
    .trim();
  if (normal === "") return {ok: true, value: null};
  const suffixed = SUFFIX.exec(normal);
  const body = suffixed ? suffixed[1] : normal;
  const suffix = suffixed ? suffixed[2].toLowerCase() : "";
  const match = NUMBER.exec(body);
  if (!match) return {ok: false, message: `${shown} 不是数字 / not a number`};
  if (column.kind === "points" && !POINTS.has(suffix))
    return {ok: false, message: `${shown} 此列是百分点 / this column is in percentage points`};
  if (column.kind !== "points" && /^(个百分点|百分点|pp|pt)$/.test(suffix))
    return {ok: false, message: `${shown} 此列不是百分点 / this column is not in percentage points`};
  if (suffix === "%" && column.kind !== "percent" && column.kind !== "points")
    return {ok: false, message: `${shown} 此列不是百分比 / this column is not a percentage`};
  if (suffix !== "" && suffix !== "%" && column.kind !== "amount" && column.kind !== "points") {
    return {ok: false, message: `${shown} 此列不接受“${suffix}” / "${suffix}" is only for amounts`};
  }
  // 万 and 亿 name amounts of the base unit; a column stored in 万亩 (scale 10000) takes "1亿" as 10000.
  let shift = suffix && column.kind !== "points" ? SHIFT[suffix] - (suffix !== "%" ? Math.round(Math.log10(column.scale ?? 1)) : 0) : 0;
  if (column.kind === "percent" && suffix === "" && (column.form ?? "percent") === "percent") shift = -2;
  if (column.kind === "points") shift = column.form === "points" ? 0 : -2;
  // Shifting the exponent instead of multiplying keeps "6.5%" exactly 0.065 (6.5 / 100 is not always the nearest double).
  const exponent = Number(match[3] ?? 0) + shift;
  const value = Number(`${match[1]}${match[2].replace(/,/g, "")}e${exponent}`);
  if (!Number.isFinite(value)) return {ok: false, message: `${shown} 超出范围 / out of range`};
  const {min, max} = column;
  if ((min !== undefined && value < min) || (max !== undefined && value > max)) {
    const range = `${min === undefined ? "" : formatGridCell(min, column)}…${max === undefined ? "" : formatGridCell(max, column)}`;
    return {ok: false, message: `${shown} 超出范围 ${range} / out of range ${range}`};
  }
  return {ok: true, value: value === 0 ? 0 : value};
}

/**
 * Shows a stored value the way `parseGridCell` reads it back: percent columns as "6.5%", points columns as the number
 * of points ("2.6"; the unit is in the header), amounts with thousands separators, an empty cell as "". With `column.digits` the value is rounded for display; without, the text is exact.
 * @example formatGridCell(0.065, {key: "growth", label: "增速", kind: "percent"}) // "6.5%"
 */
export function formatGridCell(value: number | null, column: ColumnSpec): string {
  if (value === null || value === undefined) return "";
  if (!Number.isFinite(value)) throw new Error(`invalid cell value: ${value}`);
  const {kind, digits} = column;
  if (kind === "percent") return `${digits === undefined ? shiftDecimal(value, 2) : (value * 100).toFixed(digits)}%`;
  if (kind === "points") {
    const k = column.form === "points" ? 0 : 2;
    return digits === undefined ? shiftDecimal(value, k) : (value * 10 ** k).toFixed(digits);
  }
  const text = digits === undefined ? shiftDecimal(value, 0) : value.toFixed(digits);
  return kind === "amount" ? group(text) : text;
}

/** The decimal text of value × 10^k without floating-point arithmetic, e.g. (0.065, 2) → "6.5". */
function shiftDecimal(value: number, k: number): string {
  const [, sign, int, frac = "", exp = "0"] = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/.exec(String(value))!;
  const digits = int + frac;
  const point = int.length + Number(exp) + k;
  let whole: string, fraction: string;
  if (point <= 0) ((whole = "0"), (fraction = "0".repeat(-point) + digits));
  else if (point >= digits.length) ((whole = digits + "0".repeat(point - digits.length)), (fraction = ""));
  else ((whole = digits.slice(0, point)), (fraction = digits.slice(point)));
  whole = whole.replace(/^0+(?=\d)/, "");
  fraction = fraction.replace(/0+$/, "");
  const text = fraction ? `${whole}.${fraction}` : whole;
  return sign && text !== "0" ? `-${text}` : text;
}

function group(text: string): string {
  return text.replace(/^(-?)(\d+)/, (_, sign: string, int: string) => sign + int.replace(/\B(?=(\d{3})+$)/g, ","));
}

function quote(text: string): string {
  return JSON.stringify(text.length > 40 ? `${text.slice(0, 40)}…` : text);
}
