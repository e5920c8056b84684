import {describe, expect, it} from "vitest";
import {projectPath, projectPathByRegion, withGap, type GrowthRow} from "../../../components/model/incomeProjection.js";
import {distanceToTarget, firstYearMeeting} from "../../../components/model/targets.js";
import {incomeGapModel} from "../../../components/notebooks/incomeGapModel.js";

const y2024 = {year: 2024, urban: 54188, rural: 23119};
const constant = (from: number, to: number, rates: {urban: number; rural: number}): GrowthRow[] =>
  Array.from({length: to - from + 1}, (_, i) => ({year: from + i, ...rates}));

describe("incomeGapModel.baseline", () => {
  it("carries the 2019-2024 CAGR to 2035 in 11 rows and states the rule in both languages", () => {
    const history = withGap([{year: 2019, urban: 42359, rural: 16021}, {year: 2022, urban: 49283, rural: 20133}, y2024]);
    const {rows, rule} = incomeGapModel.baseline({history});
    expect(rows.map((r) => r.year)).toEqual(Array.from({length: 11}, (_, i) => 2025 + i));
    expect(rows[0].urban).toBeCloseTo(Math.pow(54188 / 42359, 1 / 5) - 1, 12);
    expect(rows[0].rural).toBeCloseTo(Math.pow(23119 / 16021, 1 / 5) - 1, 12);
    expect(rows.every((r) => r.urban === rows[0].urban && r.rural === rows[0].rural)).toBe(true);
    expect(rule).toEqual({
      zh: "基线：按 2019-2024 年复合平均增速外推（城镇 5.05%，农村 7.61%）。",
      en: "Baseline: the 2019-2024 compound average growth carried forward (urban 5.05%, rural 7.61%)."
    });
  });

  it("refuses a window whose first year was not observed, naming that year", () => {
    expect(() => incomeGapModel.baseline({history: withGap([{year: 2020, urban: 1, rural: 1}, y2024])})).toThrow(
      "the baseline needs an observation in 2019"
    );
  });
});

describe("projectPath", () => {
  it("projectPath with constant rows compounds (1 + rate) each year", () => {
    const path = projectPath(y2024, constant(2025, 2035, {urban: 0.05, rural: 0.07}));
    expect(path).toHaveLength(12);
    path.forEach((p, i) => {
      expect(p.year).toBe(2024 + i);
      expect(p.urban).toBeCloseTo(54188 * 1.05 ** i, 6);
      expect(p.ratio).toBeCloseTo((54188 / 23119) * (1.05 / 1.07) ** i, 12);
    });
  });

  it("projectPath compounds a different rate each year: rural × 1.1 × 0.9 × 1", () => {
    const path = projectPath(y2024, [
      {year: 2025, urban: 0, rural: 0.1},
      {year: 2026, urban: 0, rural: -0.1},
      {year: 2027, urban: 0, rural: 0}
    ]);
    expect(path.map((p) => p.rural)).toEqual([23119, 23119 * 1.1, 23119 * 1.1 * 0.9, 23119 * 1.1 * 0.9]);
    expect(path.every((p) => p.urban === 54188)).toBe(true);
  });

  it("projectPath with zero growth keeps incomes flat and negative growth shrinks them", () => {
    expect(projectPath(y2024, constant(2025, 2026, {urban: 0, rural: 0})).map((p) => p.gap)).toEqual([31069, 31069, 31069]);
    const falling = projectPath(y2024, constant(2025, 2026, {urban: -0.02, rural: -0.02}));
    expect(falling[2].urban).toBeCloseTo(54188 * 0.98 * 0.98, 8);
    expect(falling[2].ratio).toBeCloseTo(54188 / 23119, 12);
  });

  it("projectPath with no rows is the start year alone", () => {
    expect(projectPath(y2024, [])).toEqual([{...y2024, ratio: 54188 / 23119, gap: 31069}]);
  });

  it("projectPath names the year when rows skip, start late or hold a bad rate", () => {
    expect(() => projectPath(y2024, [{year: 2026, urban: 0.05, rural: 0.05}])).toThrow("expected 2025, got 2026");
    expect(() => projectPath(y2024, [{year: 2025, urban: NaN, rural: 0.05}])).toThrow("invalid growth rate: NaN");
    expect(() => projectPath(y2024, [{year: 2025, urban: 0.05, rural: -1}])).toThrow("invalid growth rate: -1");
  });

  it("projectPathByRegion shares one set of rows or takes rows per region", () => {
    const starts = new Map([
      ["甲", y2024],
      ["乙", {year: 2024, urban: 40000, rural: 20000}]
    ]);
    const shared = projectPathByRegion(starts, constant(2025, 2026, {urban: 0.05, rural: 0.05}));
    expect([...shared.keys()]).toEqual(["甲", "乙"]);
    expect(shared.get("乙")!.at(-1)!.ratio).toBeCloseTo(2, 12);
    const perRegion = projectPathByRegion(
      starts,
      new Map([
        ["甲", constant(2025, 2025, {urban: 0, rural: 0})],
        ["乙", constant(2025, 2025, {urban: 0.1, rural: 0})]
      ])
    );
    expect(perRegion.get("乙")![1].ratio).toBeCloseTo(2.2, 12);
    expect(() => projectPathByRegion(starts, new Map([["甲", []]]))).toThrow("no growth rows for region: 乙");
    expect(() => projectPathByRegion(starts, [{year: 2026, urban: 0, rural: 0}])).toThrow("甲: growth rows must be consecutive");
  });
});

describe("firstYearMeeting and distanceToTarget", () => {
  const path = projectPath(y2024, constant(2025, 2035, {urban: 0.05, rural: 0.07}));

  it("firstYearMeeting(path, ratio, 2.2, '<=') is the first year at or below 2.2", () => {
    const year = firstYearMeeting(path, (p) => p.ratio, 2.2, "<=")!;
    expect(path.find((p) => p.year === year)!.ratio).toBeLessThanOrEqual(2.2);
    expect(path.find((p) => p.year === year - 1)!.ratio).toBeGreaterThan(2.2);
  });

  it("firstYearMeeting returns null for a target the path never meets, and the start year when already met", () => {
    expect(firstYearMeeting(path, (p) => p.ratio, 1.5, "<=")).toBeNull();
    expect(firstYearMeeting(path, (p) => p.rural, 20000, ">=")).toBe(2024);
  });

  it("distanceToTarget is value − target in the year, null for a year off the path", () => {
    expect(distanceToTarget(path, (p) => p.ratio, 2, 2024)).toBeCloseTo(54188 / 23119 - 2, 12);
    expect(distanceToTarget(path, (p) => p.ratio, 2, 2040)).toBeNull();
  });
});
