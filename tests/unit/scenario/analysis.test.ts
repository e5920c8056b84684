import {describe, expect, it} from "vitest";
import {incomeGapModel} from "../../../components/notebooks/incomeGapModel.js";
import {projectPath, withGap} from "../../../components/model/incomeProjection.js";
import {UNREACHABLE} from "../../../components/model/solve.js";
import {monteCarloBand, sensitivityGrid, setColumn, solveColumn, tornadoOf} from "../../../components/scenario/analysis.js";
import {defineModel, type ScenarioRow} from "../../../components/scenario/model.js";

const y2024 = {year: 2024, urban: 54188, rural: 23119};
const ratio0 = 54188 / 23119;
const data = {history: withGap([y2024])};
const rows = (urban: number, rural: number): ScenarioRow[] => Array.from({length: 11}, (_, i) => ({year: 2025 + i, urban, rural}));
const ratio2035 = (u: number, r: number) => ratio0 * Math.pow((1 + u) / (1 + r), 11);
const probe = {series: "ratio", x: 2035};

describe("setColumn and solveColumn", () => {
  it("setColumn sets one column in every row and keeps the others", () => {
    expect(setColumn(rows(0.05, 0.07).slice(0, 2), "rural", 0.06)).toEqual([
      {year: 2025, urban: 0.05, rural: 0.06},
      {year: 2026, urban: 0.05, rural: 0.06}
    ]);
  });

  it("solveColumn matches the closed form (1+g_u)(ratio_0/target)^(1/n) − 1, and for urban (1+g_r)(target/ratio_0)^(1/n) − 1", () => {
    const rural = solveColumn(incomeGapModel, data, rows(0.05, 0), {column: "rural", probe, value: 2.1});
    expect(rural.ok).toBe(true);
    if (rural.ok) expect(Math.abs(rural.x - ((1.05 * Math.pow(ratio0 / 2.1, 1 / 11)) - 1))).toBeLessThanOrEqual(1e-9);
    const urban = solveColumn(incomeGapModel, data, rows(0, 0.07), {column: "urban", probe: {series: "ratio", x: 2030}, value: 2.1});
    expect(urban.ok).toBe(true);
    if (urban.ok) expect(Math.abs(urban.x - (1.07 * Math.pow(2.1 / ratio0, 1 / 6) - 1))).toBeLessThanOrEqual(1e-9);
  });

  it("an unreachable target comes back as a reason, not a number", () => {
    expect(solveColumn(incomeGapModel, data, rows(0.05, 0), {column: "rural", probe: {series: "ratio", x: 2025}, value: 1})).toEqual({
      ok: false,
      reason: UNREACHABLE
    });
    expect(solveColumn(incomeGapModel, data, rows(0.05, 0), {column: "rural", probe, value: 2, bounds: [0.2, 0.3]})).toEqual({
      ok: false,
      reason: UNREACHABLE
    });
    expect(solveColumn(incomeGapModel, data, rows(0.05, 0), {column: "rural", probe, value: Infinity})).toEqual({
      ok: false,
      reason: "invalid target: Infinity"
    });
  });
});

describe("sensitivityGrid", () => {
  it("holds ratio_0 × ((1+u)/(1+r))^11 in cells[i][j] for y value i and x value j", () => {
    const grid = sensitivityGrid(incomeGapModel, data, rows(0.05, 0.07), {
      x: {column: "rural", values: [0.06, 0.07]},
      y: {column: "urban", values: [0.04, 0.05, 0.06]},
      probe
    });
    expect(grid.x).toEqual({column: "rural", values: [0.06, 0.07]});
    expect(grid.y).toEqual({column: "urban", values: [0.04, 0.05, 0.06]});
    expect(grid.probe).toEqual(probe);
    expect(grid.cells).toHaveLength(3);
    grid.cells.forEach((row, i) => {
      expect(row).toHaveLength(2);
      row.forEach((cell, j) => expect(cell).toBeCloseTo(ratio2035([0.04, 0.05, 0.06][i], [0.06, 0.07][j]), 12));
    });
    expect(grid.cells[1][1]).toBeCloseTo(projectPath(y2024, rows(0.05, 0.07) as never).at(-1)!.ratio, 12);
  });

  it("rises with urban growth down a column and falls with rural growth along a row; a missing output is null", () => {
    const {cells} = sensitivityGrid(incomeGapModel, data, rows(0, 0), {
      x: {column: "rural", values: [-0.01, 0, 0.07]},
      y: {column: "urban", values: [-0.01, 0, 0.05]},
      probe
    });
    for (let j = 0; j < 3; j++) expect(cells[0][j]!).toBeLessThan(cells[2][j]!);
    for (let i = 0; i < 3; i++) expect(cells[i][0]!).toBeGreaterThan(cells[i][2]!);
    expect(cells[1][1]).toBeCloseTo(ratio0, 12);
    const off = sensitivityGrid(incomeGapModel, data, rows(0, 0), {x: {column: "rural", values: [0]}, y: {column: "urban", values: [0]}, probe: {series: "ratio", x: 2040}});
    expect(off.cells).toEqual([[null]]);
    expect(() => sensitivityGrid(incomeGapModel, data, rows(0, 0), {x: {column: "wage", values: [0]}, y: {column: "urban", values: [0]}, probe})).toThrow(
      "model income-gap has no column wage"
    );
  });
});

describe("tornadoOf", () => {
  it("moves each column down and up by its delta, widest swing first, with exact ends", () => {
    const bars = tornadoOf(incomeGapModel, data, rows(0.05, 0.07), {probe, deltas: {rural: 0.01, urban: 0.01}});
    // d ratio / d g is ratio × n / (1 + g): the urban rate (5%) moves the 2035 ratio a little more than the rural (7%).
    expect(bars.map((b) => b.parameter)).toEqual(["urban", "rural"]);
    const [urban, rural] = bars;
    expect(urban.base).toBeCloseTo(ratio2035(0.05, 0.07), 12);
    expect(urban.low).toBeCloseTo(ratio2035(0.04, 0.07), 12);
    expect(urban.high).toBeCloseTo(ratio2035(0.06, 0.07), 12);
    expect(rural.low).toBeCloseTo(ratio2035(0.05, 0.06), 12);
    expect(rural.high).toBeCloseTo(ratio2035(0.05, 0.08), 12);
    expect(rural.high).toBeLessThan(rural.base);
  });

  it("orders by swing when a larger delta makes a column matter more, clamps to bounds, and gives zero bars at delta 0", () => {
    const bars = tornadoOf(incomeGapModel, data, rows(0.05, 0.07), {probe, deltas: {urban: 0.01, rural: 0.03}});
    expect(bars.map((b) => b.parameter)).toEqual(["rural", "urban"]);
    const clamped = tornadoOf(incomeGapModel, data, rows(0.45, 0.07), {probe, deltas: {urban: 0.1}});
    expect(clamped[0].high).toBeCloseTo(ratio2035(0.5, 0.07), 12);
    expect(clamped[0].low).toBeCloseTo(ratio2035(0.35, 0.07), 12);
    const flat = tornadoOf(incomeGapModel, data, rows(0.05, 0.07), {probe, deltas: {urban: 0, rural: 0}});
    expect(flat.every((b) => b.low === b.base && b.high === b.base)).toBe(true);
    expect(tornadoOf(incomeGapModel, data, rows(0.05, 0.07), {probe: {series: "ratio", x: 2040}, deltas: {urban: 0.01}})).toEqual([]);
  });
});

describe("monteCarloBand", () => {
  const ranges = {urban: [-0.01, 0.01], rural: [-0.015, 0.015]} as const;
  const central = rows(0.05, 0.07);

  it("is the same for the same seed and differs for another", () => {
    const first = monteCarloBand(incomeGapModel, data, central, {series: "ratio", ranges, runs: 500, seed: 1});
    expect(monteCarloBand(incomeGapModel, data, central, {series: "ratio", ranges, runs: 500, seed: 1})).toEqual(first);
    expect(monteCarloBand(incomeGapModel, data, central, {series: "ratio", ranges, runs: 500, seed: 2})).not.toEqual(first);
  });

  it("gives p10 ≤ p50 ≤ p90 per year, zero width at the start, widening over time, the median near the central path", () => {
    const band = monteCarloBand(incomeGapModel, data, central, {series: "ratio", ranges, runs: 1000, seed: 7});
    expect(band.map((b) => b.x)).toEqual(Array.from({length: 12}, (_, i) => 2024 + i));
    for (const b of band) {
      expect(b.p10).toBeLessThanOrEqual(b.p50);
      expect(b.p50).toBeLessThanOrEqual(b.p90);
    }
    expect(band[0]).toEqual({x: 2024, p10: ratio0, p50: ratio0, p90: ratio0});
    expect(band[11].p90 - band[11].p10).toBeGreaterThan(band[5].p90 - band[5].p10);
    expect(Math.abs(band[11].p50 - ratio2035(0.05, 0.07))).toBeLessThan(0.02);
    // One offset per run in every row: the 2035 ratio's p10 and p90 lie inside the extremes of the ranges.
    expect(band[11].p10).toBeGreaterThan(ratio2035(0.04, 0.085));
    expect(band[11].p90).toBeLessThan(ratio2035(0.06, 0.055));
  });

  it("draws exactly the band of its first version (sorted runs, one project() a run): values pinned to the last digit", () => {
    const varied = Array.from({length: 11}, (_, i) => ({year: 2025 + i, urban: 0.05 + i / 1000, rural: 0.07 - i / 2000}));
    const band = monteCarloBand(incomeGapModel, data, varied, {series: "ratio", ranges, runs: 1000, seed: 3});
    expect([band[5], band[11]]).toEqual([
      {x: 2029, p10: 2.0408326090959408, p50: 2.1687596095605155, p90: 2.316965681871359},
      {x: 2035, p10: 1.8113175767744527, p50: 2.070354275508551, p90: 2.3942477167234104}
    ]);
    const gap = monteCarloBand(incomeGapModel, data, varied, {series: "gap", ranges, runs: 999, seed: 4});
    expect(gap[11]).toEqual({x: 2035, p10: 40119.65901135751, p50: 50147.79652132598, p90: 60807.54527822635});
  });

  it("zero-width ranges give the central path exactly, for any series", () => {
    const gap = monteCarloBand(incomeGapModel, data, central, {series: "gap", ranges: {urban: [0, 0], rural: [0, 0]}, runs: 3});
    const path = projectPath(y2024, central as never);
    gap.forEach((b, i) => expect([b.p10, b.p50, b.p90]).toEqual([path[i].gap, path[i].gap, path[i].gap]));
  });

  it("refuses bad runs, reversed or non-finite ranges and unknown columns", () => {
    expect(() => monteCarloBand(incomeGapModel, data, central, {series: "ratio", ranges, runs: 0})).toThrow("invalid number of runs: 0");
    expect(() => monteCarloBand(incomeGapModel, data, central, {series: "ratio", ranges, runs: 1.5})).toThrow("invalid number of runs: 1.5");
    expect(() => monteCarloBand(incomeGapModel, data, central, {series: "ratio", ranges: {urban: [0.01, -0.01]}})).toThrow("invalid urban range: [0.01, -0.01]");
    expect(() => monteCarloBand(incomeGapModel, data, central, {series: "ratio", ranges: {rural: [NaN, 0]}})).toThrow("invalid rural range: [NaN, 0]");
    expect(() => monteCarloBand(incomeGapModel, data, central, {series: "ratio", ranges: {wage: [0, 0]}})).toThrow("model income-gap has no column wage");
    expect(monteCarloBand(incomeGapModel, data, central, {series: "none", ranges, runs: 2})).toEqual([]);
  });
});

// A region-keyed model (synthetic): coverage rises by each region's yearly gain, capped at 100; one line per region.
const regionModel = defineModel<{start: Record<string, number>}>({
  id: "coverage",
  title: "Coverage",
  rowKey: {key: "region", label: "Region", kind: "region"},
  columns: [{key: "gain", label: "Gain", kind: "number", min: 0, max: 10}],
  baseline: ({start}) => ({rows: Object.keys(start).map((region) => ({region, gain: 1})), rule: "1 a year"}),
  project: (rows, {start}) => ({
    locked: {},
    series: {
      coverage: rows.flatMap((r) =>
        [2025, 2026, 2027].map((x, k) => ({x, y: Math.min(100, start[r.region as string] + (r.gain as number) * (k + 1)), z: r.region as string}))
      )
    }
  })
});
const regionData = {start: {a: 90, b: 99}};
const regionRows: ScenarioRow[] = [
  {region: "a", gain: 2},
  {region: "b", gain: 0.5}
];

describe("analysis on one line (z) of a region model", () => {
  it("solveColumn, sensitivityGrid and tornadoOf read the probed region's line", () => {
    const solved = solveColumn(regionModel, regionData, regionRows, {column: "gain", probe: {series: "coverage", x: 2027, z: "a"}, value: 96});
    expect(solved.ok && Math.abs(solved.x - 2)).toBeLessThanOrEqual(1e-8);
    const grid = sensitivityGrid(regionModel, regionData, regionRows, {
      x: {column: "gain", values: [0, 1, 5]},
      y: {column: "gain", values: [3]},
      probe: {series: "coverage", x: 2026, z: "b"}
    });
    expect(grid.cells).toEqual([[99, 100, 100]]);
    const bars = tornadoOf(regionModel, regionData, regionRows, {probe: {series: "coverage", x: 2025, z: "a"}, deltas: {gain: 1}});
    expect(bars).toEqual([{parameter: "gain", low: 91, high: 93, base: 92}]);
  });

  it("monteCarloBand of one region's line has that line's years and stays under the cap", () => {
    const band = monteCarloBand(regionModel, regionData, regionRows, {series: "coverage", z: "b", ranges: {gain: [-0.5, 0.5]}, runs: 200, seed: 3});
    expect(band.map((b) => b.x)).toEqual([2025, 2026, 2027]);
    for (const b of band) {
      expect(b.p10).toBeGreaterThanOrEqual(99);
      expect(b.p10).toBeLessThanOrEqual(b.p50);
      expect(b.p50).toBeLessThanOrEqual(b.p90);
      expect(b.p90).toBeLessThanOrEqual(100);
    }
    const a = monteCarloBand(regionModel, regionData, regionRows, {series: "coverage", z: "a", ranges: {gain: [0, 0]}, runs: 2});
    expect(a).toEqual([
      {x: 2025, p10: 92, p50: 92, p90: 92},
      {x: 2026, p10: 94, p50: 94, p90: 94},
      {x: 2027, p10: 96, p50: 96, p90: 96}
    ]);
  });
});

describe("incomeGapModel.projectSeries", () => {
  it("gives exactly project(rows).series[key] for every series, so Monte Carlo's fast path draws the same band", async () => {
    const {incomeGapModel} = await import("../../../components/notebooks/incomeGapModel.js");
    const {withGap} = await import("../../../components/model/incomeProjection.js");
    const data = {history: withGap([{year: 2019, urban: 42359, rural: 16021}, {year: 2024, urban: 54188, rural: 23119}])};
    const rows = incomeGapModel.baseline(data).rows.map((r, i) => ({...r, rural: 0.05 + i / 1000}));
    for (const key of ["ratio", "gap", "urban", "rural"])
      expect(incomeGapModel.projectSeries!(rows, data, key)).toEqual(incomeGapModel.project(rows, data).series[key]);
    expect(incomeGapModel.projectSeries!(rows, data, "share")).toEqual([]); // as project(rows).series.share: none
  });
});

describe("solve, sensitivity and tornado read one series", () => {
  const varied = Array.from({length: 11}, (_, i) => ({year: 2025 + i, urban: 0.05 + i / 1000, rural: 0.07 - i / 2000}));
  it("give exactly the numbers of full projections, and call project() not once when the model has projectSeries", () => {
    let projections = 0;
    const counted = {...incomeGapModel, project: (r: readonly ScenarioRow[], d: typeof data) => (projections++, incomeGapModel.project(r, d))};
    const full = {...incomeGapModel, projectSeries: undefined};
    const grid = {x: {column: "rural", values: [0.05, 0.06, 0.07]}, y: {column: "urban", values: [0.04, 0.05]}, probe};
    expect(sensitivityGrid(counted, data, varied, grid)).toEqual(sensitivityGrid(full, data, varied, grid));
    const deltas = {urban: 0.01, rural: 0.01};
    expect(tornadoOf(counted, data, varied, {probe, deltas})).toEqual(tornadoOf(full, data, varied, {probe, deltas}));
    const target = {column: "rural", probe: {series: "gap", x: 2030}, value: 40000};
    expect(solveColumn(counted, data, varied, target)).toEqual(solveColumn(full, data, varied, target));
    expect(projections).toBe(0);
  });
});

