// A cleared cell (Delete) leaves null in the grid's value. A projection needs a rate every year, so a blank year
// repeats the year above, the usual reading of a blank in a year-by-year assumptions sheet; the page says so.
import type {GridRow} from "./edits.js";

/**
 * Replaces null (or missing) values of `keys` with the value above; a blank first row takes `fallback[0]`'s value
 * (e.g. the scenario before the edit). Also returns the cells that were filled, as "year key" names.
 * @example fillBlanks([{year: 2025, growth: 0.07}, {year: 2026, growth: null}], ["growth"]).rows[1].growth // 0.07
 */
export function fillBlanks<R extends GridRow>(
  rows: readonly R[],
  keys: readonly string[],
  {fallback = [], rowKey = "year"}: {fallback?: readonly object[]; rowKey?: string} = {}
): {rows: R[]; filled: string[]} {
  const filled: string[] = [];
  const out: R[] = [];
  rows.forEach((row, i) => {
    const next: GridRow = {...row};
    for (const key of keys) {
      const value = row[key];
      if (typeof value === "number" && Number.isFinite(value)) continue;
      const above = i > 0 ? out[i - 1][key] : (fallback[0] as GridRow | undefined)?.[key];
      if (typeof above === "number" && Number.isFinite(above)) {
        next[key] = above;
        filled.push(`${row[rowKey]} ${key}`);
      }
    }
    out.push(next as R);
  });
  return {rows: out, filled};
}
