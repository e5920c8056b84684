/**
 * The years from `from` to `to` (both included) that have no row in `years`: missing years stay missing, and pages
 * say which they are.
 * @example missingYears([2019, 2020, 2022], 2019, 2022) // [2021]
 */
export function missingYears(years: Iterable<number>, from: number, to: number): number[] {
  const present = new Set(years);
  const out: number[] = [];
  for (let year = from; year <= to; year++) if (!present.has(year)) out.push(year);
  return out;
}

/**
 * Years as readers write them: runs joined with a dash (2013-2015, 2018).
 * @example yearRuns([2013, 2014, 2015, 2018]) // "2013-2015, 2018"
 */
export function yearRuns(years: readonly number[]): string {
  const sorted = [...years].sort((a, b) => a - b);
  const runs: string[] = [];
  for (let i = 0; i < sorted.length; i++) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j] + 1) j++;
    runs.push(j > i ? `${sorted[i]}-${sorted[j]}` : String(sorted[i]));
    i = j;
  }
  return runs.join(", ");
}
