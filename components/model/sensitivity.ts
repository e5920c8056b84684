import {maybeRate} from "./growth.js";
import type {IncomeYear} from "./incomeProjection.js";

/** Ratio in a target year for each pair of constant growth rates: `cells[i][j]` uses `urbanRates[i]`, `ruralRates[j]`. */
export interface SensitivityTable {
  urbanRates: number[];
  ruralRates: number[];
  year: number;
  cells: number[][];
}

/** One bar of a tornado chart: the output with one parameter lowered and raised, the others at base. */
export interface TornadoBar {
  parameter: string;
  low: number;
  high: number;
  base: number;
}

/**
 * The urban ÷ rural ratio in `year` for every pair of constant urban and rural growth rates (rows urban, columns rural).
 * @example sensitivityTable(start2024, [0.04, 0.05], [0.06, 0.07], 2035).cells[1][0] // ratio at urban 5%, rural 6%
 */
export function sensitivityTable(
  start: IncomeYear,
  urbanRates: readonly number[],
  ruralRates: readonly number[],
  year: number
): SensitivityTable {
  const n = year - start.year;
  if (!Number.isInteger(year) || n < 0) throw new Error(`invalid sensitivity year: ${year}`);
  const ratio0 = start.urban / start.rural;
  const rural = ruralRates.map(maybeRate);
  const cells = urbanRates.map((u) => {
    const growth = 1 + maybeRate(u);
    return rural.map((r) => ratio0 * Math.pow(growth / (1 + r), n));
  });
  return {urbanRates: [...urbanRates], ruralRates: rural, year, cells};
}

/**
 * Moves each parameter down and up by `delta` (0.01 = one percentage point for rates) with the others at base, and
 * returns bars sorted by swing |high − low|, largest first.
 * @example tornado({urban: 0.05, rural: 0.065}, (p) => ratio2035(p)) // [{parameter: "rural", low, high, base}, …]
 */
export function tornado<P extends Record<string, number>>(
  params: P,
  output: (params: P) => number,
  delta = 0.01
): TornadoBar[] {
  if (!Number.isFinite(delta)) throw new Error(`invalid delta: ${delta}`);
  const base = output({...params});
  return Object.keys(params)
    .map((parameter) => {
      const v = params[parameter];
      if (!Number.isFinite(v)) throw new Error(`invalid parameter ${parameter}: ${v}`);
      const low = output({...params, [parameter]: v - delta});
      const high = output({...params, [parameter]: v + delta});
      return {parameter, low, high, base};
    })
    .sort((a, b) => Math.abs(b.high - b.low) - Math.abs(a.high - a.low));
}
