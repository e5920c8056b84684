import {csvFormatRows} from "d3-dsv";

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

/**
 * Formats tidy rows as UTF-8 CSV with the header exactly `indicator,unit,region_code,region,year,value`;
 * a missing value is an empty field, never 0.
 * @example formatTidyCsv([{indicator: "城镇居民人均可支配收入", unit: "元", region_code: "CN", region: "全国", year: 2024, value: 54188}])
 */
export function formatTidyCsv(rows: readonly TidyRow[]): string {
  return (
    csvFormatRows([
      [...TIDY_COLUMNS],
      ...rows.map((r) => [r.indicator, r.unit, r.region_code, r.region, String(r.year), r.value === null ? "" : formatNumber(r.value)])
    ]) + "\n"
  );
}

/** Shortest decimal that round-trips, without exponent notation for ordinary statistics. */
export function formatNumber(value: number): string {
  return Number.isInteger(value) ? String(value) : String(Number(value.toPrecision(15)));
}

/** The header line of every tidy CSV, with its line break. */
export const TIDY_HEADER = TIDY_COLUMNS.join(",") + "\n";

/**
 * One tidy row as a CSV line with its line break, quoted exactly as `formatTidyCsv` does (for streaming writers).
 * @example formatTidyLine({indicator: "x", unit: "元", region_code: "CN", region: "全国", year: 2024, value: null}) // "x,元,CN,全国,2024,\n"
 */
export function formatTidyLine(r: TidyRow): string {
  return `${csvField(r.indicator)},${csvField(r.unit)},${r.region_code},${csvField(r.region)},${r.year},${r.value === null ? "" : formatNumber(r.value)}\n`;
}

/** A CSV field, quoted when it holds a comma, quote or line break (as d3-dsv does). @example csvField('a,b') // '"a,b"' */
export function csvField(text: string): string {
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
