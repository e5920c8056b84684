import type {GrowthRow} from "./assumptions.js";
import type {IncomePoint, IncomeYear} from "./incomeProjection.js";
import {projectPath} from "./projectPath.js";

/** A percentile band of one output in one year. */
export interface BandPoint {
  year: number;
  p10: number;
  p50: number;
  p90: number;
}

/**
 * A small seeded pseudo-random generator (mulberry32): the same seed gives the same sequence on every machine,
 * which `Math.random` cannot.
 * @example const random = mulberry32(1); random() // 0.6270739405881613
 */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Monte Carlo around a growth path: each run adds a uniform random offset from `ranges.urban` / `ranges.rural` to
 * the rates. With `shocks: "run"` (default) one offset per run is added to every year's rate — uncertainty about the
 * average pace, which does not average away over the years; with `shocks: "year"` each year draws its own offset.
 * Returns the 10th, 50th and 90th percentile (linear interpolation) of `metric` (default the ratio) per year,
 * start year included. Reproducible for a given seed.
 * @example monteCarlo(start2024, rows, {urban: [-0.01, 0.01], rural: [-0.015, 0.015]}, {runs: 1000, seed: 1})
 */
export function monteCarlo(
  start: IncomeYear,
  rows: readonly GrowthRow[],
  ranges: {urban: readonly [number, number]; rural: readonly [number, number]},
  {
    runs = 1000,
    seed = 1,
    shocks = "run",
    metric = (p: IncomePoint) => p.ratio
  }: {runs?: number; seed?: number; shocks?: "run" | "year"; metric?: (p: IncomePoint) => number} = {}
): BandPoint[] {
  if (!Number.isInteger(runs) || runs < 1 || runs > 1_000_000) throw new Error(`invalid number of runs: ${runs}`);
  for (const [name, [lo, hi]] of Object.entries(ranges)) {
    if (!Number.isFinite(lo) || !Number.isFinite(hi) || lo > hi) throw new Error(`invalid ${name} range: [${lo}, ${hi}]`);
  }
  const random = mulberry32(seed);
  const draw = ([lo, hi]: readonly [number, number]) => lo + (hi - lo) * random();
  const samples: number[][] = Array.from({length: rows.length + 1}, () => new Array<number>(runs));
  for (let run = 0; run < runs; run++) {
    let du = draw(ranges.urban);
    let dr = draw(ranges.rural);
    const shocked = rows.map((row, i) => {
      if (shocks === "year" && i > 0) (du = draw(ranges.urban)), (dr = draw(ranges.rural));
      return {year: row.year, urban: row.urban + du, rural: row.rural + dr};
    });
    projectPath(start, shocked).forEach((point, i) => (samples[i][run] = metric(point)));
  }
  return samples.map((values, i) => {
    values.sort((a, b) => a - b);
    return {year: start.year + i, p10: quantile(values, 0.1), p50: quantile(values, 0.5), p90: quantile(values, 0.9)};
  });
}

function quantile(sorted: readonly number[], p: number): number {
  const h = (sorted.length - 1) * p;
  const i = Math.floor(h);
  return i + 1 < sorted.length ? sorted[i] + (sorted[i + 1] - sorted[i]) * (h - i) : sorted[i];
}
