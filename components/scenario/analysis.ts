// Solve-for-target, sensitivity and Monte Carlo for any scenario model: each works by setting or shifting a column's
// values in every row and projecting again, so a model gets all three by declaring columns and series.
import {bracketSolve, type SolveResult} from "../model/solve.js";
import {mulberry32} from "../model/random.js";
import {quantilesInPlace} from "../model/quantiles.js";
import type {ModelColumn, ScenarioModel, ScenarioRow} from "./model.js";
import {seriesAt} from "./model.js";

/** A point of a series to read: the series key, x (a year), and for multi-line series the line (z). */
export interface SeriesProbe {
  series: string;
  x: number;
  z?: string;
}

/**
 * The constant value of `column` (the same in every row, other columns as in `rows`) that brings the probed series
 * value to `value`, searched within the column's bounds (or `bounds`). Bisection on a sign change: an unreachable
 * target comes back as `{ok: false, reason}`.
 * @example solveColumn(model, data, rows, {column: "growth", probe: {series: "ratio", x: 2035}, value: 2})
 */
export function solveColumn<D>(
  model: ScenarioModel<D>,
  data: D,
  rows: readonly ScenarioRow[],
  {column, probe, value, bounds}: {column: string; probe: SeriesProbe; value: number; bounds?: readonly [number, number]}
): SolveResult {
  const spec = findColumn(model, column);
  const [lo, hi] = bounds ?? [spec.min, spec.max];
  const at = (x: number) => read(model, data, setColumn(rows, column, x), probe);
  if (!Number.isFinite(value)) return {ok: false, reason: `invalid target: ${value}`};
  return bracketSolve((x) => {
    const y = at(x);
    return y === null ? NaN : y - value;
  }, lo, hi, {tolerance: 1e-9 * Math.max(1, Math.abs(hi - lo))});
}

/** Output values for a grid of constant values of two columns: `cells[i][j]` uses `xValues[j]` and `yValues[i]`. */
export interface SensitivityGrid {
  x: {column: string; values: number[]};
  y: {column: string; values: number[]};
  probe: SeriesProbe;
  cells: (number | null)[][];
}

/**
 * The probed output for every pair of constant values of two columns (others as in `rows`).
 * @example sensitivityGrid(model, data, rows, {x: {column: "growth", values: [0.05, 0.06]}, y: {column: "pace", values: [0.04]}, probe})
 */
export function sensitivityGrid<D>(
  model: ScenarioModel<D>,
  data: D,
  rows: readonly ScenarioRow[],
  {x, y, probe}: {x: {column: string; values: readonly number[]}; y: {column: string; values: readonly number[]}; probe: SeriesProbe}
): SensitivityGrid {
  findColumn(model, x.column);
  findColumn(model, y.column);
  const cells = y.values.map((yv) =>
    x.values.map((xv) => read(model, data, setColumn(setColumn(rows, y.column, yv), x.column, xv), probe))
  );
  return {x: {column: x.column, values: [...x.values]}, y: {column: y.column, values: [...y.values]}, probe, cells};
}

/** One bar of a tornado: the output with one column lowered and raised by its delta in every row. */
export interface TornadoBar {
  parameter: string;
  low: number;
  high: number;
  base: number;
}

/**
 * Shifts each column down and up by its delta in every row (clamped to the column's bounds), the others as in
 * `rows`, and returns bars sorted by swing, largest first. Columns whose output is missing are left out.
 * @example tornadoOf(model, data, rows, {probe: {series: "ratio", x: 2035}, deltas: {pace: 0.01, growth: 0.01}})
 */
export function tornadoOf<D>(
  model: ScenarioModel<D>,
  data: D,
  rows: readonly ScenarioRow[],
  {probe, deltas}: {probe: SeriesProbe; deltas: Record<string, number>}
): TornadoBar[] {
  const base = read(model, data, rows, probe);
  if (base === null) return [];
  const bars: TornadoBar[] = [];
  for (const [key, delta] of Object.entries(deltas)) {
    const spec = findColumn(model, key);
    const low = read(model, data, shiftColumn(rows, spec, -delta), probe);
    const high = read(model, data, shiftColumn(rows, spec, delta), probe);
    if (low !== null && high !== null) bars.push({parameter: key, low, high, base});
  }
  return bars.sort((a, b) => Math.abs(b.high - b.low) - Math.abs(a.high - a.low));
}

/** The 10th, 50th and 90th percentile of a series at one x. */
export interface BandPoint {
  x: number;
  p10: number;
  p50: number;
  p90: number;
}

/**
 * Monte Carlo around `rows`: each run adds one uniform random offset per column (from `ranges[column]`) to that
 * column in every row, clamped to its bounds, and projects. Returns percentiles of the series per x. Seeded, so the
 * band is the same on every visit.
 * @example monteCarloBand(model, data, rows, {series: "ratio", ranges: {pace: [-0.01, 0.01]}, runs: 1000, seed: 1})
 */
export function monteCarloBand<D>(
  model: ScenarioModel<D>,
  data: D,
  rows: readonly ScenarioRow[],
  {series, z, ranges, runs = 1000, seed = 1}: {series: string; z?: string; ranges: Record<string, readonly [number, number]>; runs?: number; seed?: number}
): BandPoint[] {
  if (!Number.isInteger(runs) || runs < 1 || runs > 100_000) throw new Error(`invalid number of runs: ${runs}`);
  const specs = Object.keys(ranges).map((key) => findColumn(model, key));
  for (const spec of specs) {
    const [lo, hi] = ranges[spec.key];
    if (!Number.isFinite(lo) || !Number.isFinite(hi) || lo > hi) throw new Error(`invalid ${spec.key} range: [${lo}, ${hi}]`);
  }
  const random = mulberry32(seed);
  const xs = (model.project(rows, data).series[series] ?? []).filter((p) => z === undefined || p.z === z).map((p) => p.x);
  const samples = xs.map(() => new Float64Array(runs));
  const valid = new Int32Array(xs.length);
  // One copy of the rows per run, all columns shifted at once; a model that can project one series alone does so.
  const seriesOf = model.projectSeries
    ? (r: readonly ScenarioRow[]) => model.projectSeries!(r, data, series)
    : (r: readonly ScenarioRow[]) => model.project(r, data).series[series] ?? [];
  // The shifted rows are written in place run after run: each run's projection is read at once and not kept. Each
  // column's values, range and bounds are read out of the rows and specs once, not once a run.
  const shifted: ScenarioRow[] = rows.map((r) => ({...r}));
  const columns = specs.map((spec) => ({
    key: spec.key,
    lo: ranges[spec.key][0],
    hi: ranges[spec.key][1],
    min: spec.min,
    max: spec.max,
    base: Float64Array.from(rows, (r) => r[spec.key] as number)
  }));
  for (let run = 0; run < runs; run++) {
    for (const {key, lo, hi, min, max, base} of columns) {
      const offset = lo + (hi - lo) * random();
      for (let r = 0; r < base.length; r++) shifted[r][key] = Math.min(max, Math.max(min, base[r] + offset));
    }
    const points = seriesOf(shifted);
    let i = 0;
    for (let k = 0; k < points.length; k++) {
      const p = points[k];
      if (z !== undefined && p.z !== z) continue;
      if (p.y !== null && i < xs.length) samples[i][valid[i]++] = p.y;
      i++;
    }
  }
  // Three percentiles per x by selection, not a sort of every x's runs: the same numbers (see quantilesInPlace).
  return xs.flatMap((x, i) => {
    if (valid[i] === 0) return [];
    const [p10, p50, p90] = quantilesInPlace(samples[i].subarray(0, valid[i]), [0.1, 0.5, 0.9]);
    return [{x, p10, p50, p90}];
  });
}

/**
 * Rows with one column set to `value` in every row.
 * @example setColumn(rows, "growth", 0.06)
 */
export function setColumn(rows: readonly ScenarioRow[], column: string, value: number): ScenarioRow[] {
  return rows.map((r) => ({...r, [column]: value}));
}

function shiftColumn(rows: readonly ScenarioRow[], spec: ModelColumn, delta: number): ScenarioRow[] {
  return rows.map((r) => ({...r, [spec.key]: Math.min(spec.max, Math.max(spec.min, (r[spec.key] as number) + delta))}));
}

function findColumn(model: ScenarioModel<any>, key: string): ModelColumn {
  const spec = model.columns.find((c) => c.key === key);
  if (!spec) throw new Error(`model ${model.id} has no column ${key}`);
  return spec;
}

// The probed value of rows' projection: through projectSeries when the model has it, so solve, sensitivity and the
// tornado compute the one series they read, not every series and locked column.
function read<D>(model: ScenarioModel<D>, data: D, rows: readonly ScenarioRow[], {series, x, z}: SeriesProbe): number | null {
  if (!model.projectSeries) return seriesAt(model.project(rows, data), series, x, z);
  const point = model.projectSeries(rows, data, series).find((p) => p.x === x && (z === undefined || p.z === z));
  return point?.y ?? null;
}
