import {csvParse} from "d3-dsv";

/** One observation in the tidy form every loader emits. `value` is null where the source has no figure. */
export interface TidyRow {
  indicator: string;
  unit: string;
  region_code: string;
  region: string;
  year: number;
  value: number | null;
}

export const TIDY_COLUMNS = ["indicator", "unit", "region_code", "region", "year", "value"] as const;

/** The header line of every tidy CSV, with its line break. */
export const TIDY_HEADER = TIDY_COLUMNS.join(",") + "\n";

/**
 * Formats tidy rows as UTF-8 CSV with the header exactly `indicator,unit,region_code,region,year,value`;
 * a missing value is an empty field, never 0.
 * @example formatTidyCsv([{indicator: "城镇居民人均可支配收入", unit: "元", region_code: "CN", region: "全国", year: 2024, value: 54188}])
 */
export function formatTidyCsv(rows: readonly TidyRow[]): string {
  let text = TIDY_HEADER;
  for (const r of rows) text += formatTidyLine(r);
  return text;
}

/**
 * Reads a tidy CSV back (the inverse of formatTidyCsv): a missing value comes back as null.
 * @example parseTidyCsv(formatTidyCsv(rows)) // rows
 */
export function parseTidyCsv(text: string): TidyRow[] {
  return csvParse(text).map((d) => ({
    indicator: d.indicator ?? "",
    unit: d.unit ?? "",
    region_code: d.region_code ?? "",
    region: d.region ?? "",
    year: Number(d.year),
    value: d.value === undefined || d.value === "" ? null : Number(d.value)
  }));
}

/**
 * The one number format of every tidy CSV: the shortest decimal that round-trips to 15 significant digits, without
 * exponent notation for ordinary statistics.
 * @example formatNumber(0.1 + 0.2) // "0.3"
 */
export function formatNumber(value: number): string {
  return Number.isInteger(value) ? String(value) : String(Number(value.toPrecision(15)));
}

/** The indicator-and-unit front of a tidy line, with its comma. @example indicatorFront("x", "元") // "x,元," */
export function indicatorFront(indicator: string, unit: string): string {
  return `${csvField(indicator)},${csvField(unit)},`;
}

/** The region front of a tidy line, with its comma. @example regionFront("CN", "全国") // "CN,全国," */
export function regionFront(code: string, name: string): string {
  return `${csvField(code)},${csvField(name)},`;
}

/**
 * One tidy row as a CSV line with its line break (the text twin of the byte encoder in tidyEncoder.ts).
 * @example formatTidyLine({indicator: "x", unit: "元", region_code: "CN", region: "全国", year: 2024, value: null}) // "x,元,CN,全国,2024,\n"
 */
export function formatTidyLine(r: TidyRow): string {
  return `${indicatorFront(r.indicator, r.unit)}${regionFront(r.region_code, r.region)}${r.year},${r.value === null ? "" : formatNumber(r.value)}\n`;
}

/** A CSV field, quoted when it holds a comma, quote or line break (as d3-dsv does). @example csvField('a,b') // '"a,b"' */
export function csvField(text: string): string {
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
