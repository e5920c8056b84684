import type {TidyRow} from "../tidy.js";

/** A value that changed between two reloads, located by indicator, region and year. */
export interface Revision {
  indicator: string;
  unit: string;
  region_code: string;
  region: string;
  year: number;
  old: number | null;
  new: number | null;
}

export interface RowsDiff {
  added: TidyRow[];
  removed: TidyRow[];
  revised: Revision[];
  unchanged: number;
}

/** The identity of an observation: a unit change is a different series, so it shows as removed + added. */
export function rowKey(row: TidyRow): string {
  return JSON.stringify([row.indicator, row.unit, row.region_code, row.year]);
}

/**
 * Rows added, removed and values revised from `before` to `after` (null to a number and back count as revisions).
 * @example diffRows(published, reloaded).revised // [{indicator, region, year, old: 23119, new: 23120, ...}]
 */
export function diffRows(before: readonly TidyRow[], after: readonly TidyRow[]): RowsDiff {
  const old = new Map(before.map((row) => [rowKey(row), row]));
  const diff: RowsDiff = {added: [], removed: [], revised: [], unchanged: 0};
  const seen = new Set<string>();
  for (const row of after) {
    const key = rowKey(row);
    seen.add(key);
    const previous = old.get(key);
    if (!previous) diff.added.push(row);
    else if (!Object.is(previous.value, row.value)) {
      const {indicator, unit, region_code, region, year} = row;
      diff.revised.push({indicator, unit, region_code, region, year, old: previous.value, new: row.value});
    } else diff.unchanged++;
  }
  for (const row of before) if (!seen.has(rowKey(row))) diff.removed.push(row);
  return diff;
}

/**
 * The first key that occurs twice, located for a message, or null: a diff needs each observation once.
 * @example duplicateRow(rows) // 'row 14 repeats 城镇居民人均可支配收入 / CN / 2024 (first at row 2)'
 */
export function duplicateRow(rows: readonly TidyRow[]): string | null {
  const first = new Map<string, number>();
  for (const [i, row] of rows.entries()) {
    const key = rowKey(row);
    const at = first.get(key);
    if (at !== undefined)
      return `row ${i + 1} repeats ${row.indicator} (${row.unit}) / ${row.region_code} / ${row.year} (first at row ${at + 1})`;
    first.set(key, i);
  }
  return null;
}
