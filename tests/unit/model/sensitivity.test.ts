import {describe, expect, it} from "vitest";
import {constantGrowth} from "../../../components/model/assumptions.js";
import {monteCarlo, mulberry32} from "../../../components/model/monteCarlo.js";
import {projectPath} from "../../../components/model/projectPath.js";
import {sensitivityTable, tornado} from "../../../components/model/sensitivity.js";

const y2024 = {year: 2024, urban: 54188, rural: 23119};
const ratio0 = 54188 / 23119;

describe("sensitivityTable", () => {
  it("sensitivityTable(start, urban, rural, 2035) holds ratio_0 × ((1+u)/(1+r))^11 per cell", () => {
    const table = sensitivityTable(y2024, [0.04, 0.05, 0.06], [0.06, 0.07], 2035);
    expect(table.cells).toHaveLength(3);
    expect(table.cells[0]).toHaveLength(2);
    expect(table.cells[1][1]).toBeCloseTo(ratio0 * Math.pow(1.05 / 1.07, 11), 12);
    expect(table.cells[1][1]).toBeCloseTo(
      projectPath(y2024, constantGrowth(2025, 2035, {urban: 0.05, rural: 0.07})).at(-1)!.ratio,
      12
    );
  });

  it("rises with urban growth down a column and falls with rural growth along a row", () => {
    const {cells} = sensitivityTable(y2024, [-0.01, 0, 0.05], [-0.01, 0, 0.07], 2035);
    for (let j = 0; j < 3; j++) expect(cells[0][j]).toBeLessThan(cells[2][j]);
    for (let i = 0; i < 3; i++) expect(cells[i][0]).toBeGreaterThan(cells[i][2]);
    expect(cells[1][1]).toBeCloseTo(ratio0, 12);
  });

  it("refuses a rate of NaN and a year before the start", () => {
    expect(() => sensitivityTable(y2024, [NaN], [0.05], 2035)).toThrow("invalid growth rate: NaN");
    expect(() => sensitivityTable(y2024, [0.05], [0.05], 2020)).toThrow("invalid sensitivity year: 2020");
  });
});

describe("tornado", () => {
  const ratio2035 = (p: {urban: number; rural: number}) => ratio0 * Math.pow((1 + p.urban) / (1 + p.rural), 11);

  it("tornado(params, output) moves each parameter one point down and up, widest swing first", () => {
    const bars = tornado({urban: 0.05, rural: 0.07, unused: 3}, ratio2035);
    // d ratio / d g is ratio × n / (1 + g): the urban rate (5%) moves the 2035 ratio a little more than the rural (7%).
    expect(bars.map((b) => b.parameter)).toEqual(["urban", "rural", "unused"]);
    expect(bars.at(-1)).toEqual({parameter: "unused", low: bars[0].base, high: bars[0].base, base: bars[0].base});
    const urban = bars.find((b) => b.parameter === "urban")!;
    expect(urban.low).toBeCloseTo(ratio2035({urban: 0.04, rural: 0.07}), 12);
    expect(urban.high).toBeCloseTo(ratio2035({urban: 0.06, rural: 0.07}), 12);
    const rural = bars.find((b) => b.parameter === "rural")!;
    expect(rural.high).toBeLessThan(rural.base);
    for (let i = 1; i < bars.length; i++) {
      expect(Math.abs(bars[i - 1].high - bars[i - 1].low)).toBeGreaterThanOrEqual(Math.abs(bars[i].high - bars[i].low));
    }
  });

  it("tornado with delta 0 gives zero-width bars at base", () => {
    const bars = tornado({urban: 0.05, rural: 0.07}, ratio2035, 0);
    expect(bars.every((b) => b.low === b.base && b.high === b.base)).toBe(true);
  });
});

describe("monteCarlo", () => {
  const rows = constantGrowth(2025, 2035, {urban: 0.05, rural: 0.07});
  const ranges = {urban: [-0.01, 0.01], rural: [-0.015, 0.015]} as const;

  it("mulberry32(seed) repeats for a seed and differs between seeds, always in [0, 1)", () => {
    const a = mulberry32(1);
    const b = mulberry32(1);
    const c = mulberry32(2);
    const xs = Array.from({length: 1000}, () => a());
    expect(Array.from({length: 1000}, () => b())).toEqual(xs);
    expect(c()).not.toBe(xs[0]);
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
  });

  it("monteCarlo(start, rows, ranges, {seed: 1}) is reproducible and a new seed changes it", () => {
    const first = monteCarlo(y2024, rows, ranges, {runs: 500, seed: 1});
    expect(monteCarlo(y2024, rows, ranges, {runs: 500, seed: 1})).toEqual(first);
    expect(monteCarlo(y2024, rows, ranges, {runs: 500, seed: 2})).not.toEqual(first);
  });

  it("gives one ordered band p10 ≤ p50 ≤ p90 per year, zero width at the start, widening over time", () => {
    const band = monteCarlo(y2024, rows, ranges, {runs: 1000, seed: 7});
    expect(band.map((b) => b.year)).toEqual(Array.from({length: 12}, (_, i) => 2024 + i));
    for (const b of band) {
      expect(b.p10).toBeLessThanOrEqual(b.p50);
      expect(b.p50).toBeLessThanOrEqual(b.p90);
    }
    expect(band[0].p90 - band[0].p10).toBeCloseTo(0, 12);
    expect(band[11].p90 - band[11].p10).toBeGreaterThan(band[5].p90 - band[5].p10);
    // Symmetric offsets around the central rates: the median stays near the central path.
    const central = projectPath(y2024, rows).at(-1)!.ratio;
    expect(Math.abs(band[11].p50 - central)).toBeLessThan(0.02);
  });

  it("per-year shocks average out: a narrower band than one shock per run", () => {
    const perRun = monteCarlo(y2024, rows, ranges, {runs: 2000, seed: 3}).at(-1)!;
    const perYear = monteCarlo(y2024, rows, ranges, {runs: 2000, seed: 3, shocks: "year"}).at(-1)!;
    expect(perYear.p90 - perYear.p10).toBeLessThan(perRun.p90 - perRun.p10);
  });

  it("monteCarlo(…, {metric: gap}) bands another output; a custom metric sees the same points as projectPath", () => {
    const band = monteCarlo(y2024, rows, {urban: [0, 0], rural: [0, 0]}, {runs: 2, metric: (p) => p.gap});
    expect(band.map((b) => b.p50)).toEqual(projectPath(y2024, rows).map((p) => p.gap));
  });

  it("refuses ranges that would take a rate to −100% or below, and rows that skip a year", () => {
    expect(() => monteCarlo(y2024, rows, {urban: [-1.2, 0], rural: [0, 0]})).toThrow("invalid growth rate");
    expect(() => monteCarlo(y2024, rows.slice(1), ranges)).toThrow("expected 2025, got 2026");
  });

  it("zero-width ranges give the central path exactly; bad runs and ranges are refused", () => {
    const band = monteCarlo(y2024, rows, {urban: [0, 0], rural: [0, 0]}, {runs: 3});
    const path = projectPath(y2024, rows);
    band.forEach((b, i) => expect([b.p10, b.p50, b.p90]).toEqual([path[i].ratio, path[i].ratio, path[i].ratio]));
    expect(() => monteCarlo(y2024, rows, ranges, {runs: 0})).toThrow("invalid number of runs: 0");
    expect(() => monteCarlo(y2024, rows, {urban: [0.01, -0.01], rural: [0, 0]})).toThrow("invalid urban range");
  });
});
