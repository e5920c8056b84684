import type {Cell} from "./parseTable.js";

type Row = Record<string, Cell>;

/**
 * An inner join on equal key columns (SQL `JOIN … ON l.k = r.k AND …`; null keys match nothing): `merge(l, r)` for
 * each matching pair, in the order of `left`, then of `right`. Sort the result where order matters, as in SQL.
 * @example joinRows(urban, rural, ["region_code", "year"], (u, r) => ({year: u.year, urban: u.value, rural: r.value}))
 */
export function joinRows<T>(left: readonly Row[], right: readonly Row[], on: readonly string[], merge: (l: Row, r: Row) => T): T[] {
  const key = (row: Row) => (on.some((name) => row[name] === null) ? null : JSON.stringify(on.map((name) => row[name])));
  const byKey = new Map<string, Row[]>();
  for (const row of right) {
    const k = key(row);
    if (k !== null) byKey.set(k, [...(byKey.get(k) ?? []), row]);
  }
  const out: T[] = [];
  for (const l of left) {
    const k = key(l);
    for (const r of k === null ? [] : byKey.get(k) ?? []) out.push(merge(l, r));
  }
  return out;
}
