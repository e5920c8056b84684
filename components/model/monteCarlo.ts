import type {GrowthRow} from "./assumptions.js";
import type {IncomePoint, IncomeYear} from "./incomeProjection.js";
import {maybeRate} from "./growth.js";

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
    metric = ratioOf
  }: {runs?: number; seed?: number; shocks?: "run" | "year"; metric?: (p: IncomePoint) => number} = {}
): BandPoint[] {
  if (!Number.isInteger(runs) || runs < 1 || runs > 1_000_000) throw new Error(`invalid number of runs: ${runs}`);
  if (!(start.urban > 0) || !(start.rural > 0))
    throw new Error(`invalid start income in ${start.year}: ${start.urban}, ${start.rural}`);
  for (const [name, [lo, hi]] of Object.entries(ranges)) {
    if (!Number.isFinite(lo) || !Number.isFinite(hi) || lo > hi)
      throw new Error(`invalid ${name} range: [${lo}, ${hi}]`);
  }
  const rates = rows.map((row, i) => {
    if (row.year !== start.year + 1 + i)
      throw new Error(
        `growth rows must be consecutive years after ${start.year}: expected ${start.year + 1 + i}, got ${row.year}`
      );
    // The lowest shocked rate must stay above −100%, or incomes would turn negative.
    maybeRate(row.urban + ranges.urban[0]);
    maybeRate(row.rural + ranges.rural[0]);
    return {urban: maybeRate(row.urban), rural: maybeRate(row.rural)};
  });
  const random = mulberry32(seed);
  const [uLo, uHi] = ranges.urban;
  const [rLo, rHi] = ranges.rural;
  // One Float64Array per year, filled run by run: an edit re-runs this, so it avoids an object per simulated year
  // unless a custom metric asks for one.
  const samples = Array.from({length: rows.length + 1}, () => new Float64Array(runs));
  const defaultMetric = metric === ratioOf;
  for (let run = 0; run < runs; run++) {
    let du = uLo + (uHi - uLo) * random();
    let dr = rLo + (rHi - rLo) * random();
    let urban = start.urban;
    let rural = start.rural;
    samples[0][run] = defaultMetric ? urban / rural : metric(point(start.year, urban, rural));
    for (let i = 0; i < rates.length; i++) {
      if (shocks === "year" && i > 0) ((du = uLo + (uHi - uLo) * random()), (dr = rLo + (rHi - rLo) * random()));
      urban *= 1 + rates[i].urban + du;
      rural *= 1 + rates[i].rural + dr;
      samples[i + 1][run] = defaultMetric ? urban / rural : metric(point(start.year + 1 + i, urban, rural));
    }
  }
  return samples.map((values, i) => {
    values.sort();
    return {year: start.year + i, p10: quantile(values, 0.1), p50: quantile(values, 0.5), p90: quantile(values, 0.9)};
  });
}

const ratioOf = (p: IncomePoint) => p.ratio;

function point(year: number, urban: number, rural: number): IncomePoint {
  return {year, urban, rural, ratio: urban / rural, gap: urban - rural};
}

function quantile(sorted: Float64Array, p: number): number {
  const h = (sorted.length - 1) * p;
  const i = Math.floor(h);
  return i + 1 < sorted.length ? sorted[i] + (sorted[i + 1] - sorted[i]) * (h - i) : sorted[i];
}
