import {describe, expect, it} from "vitest";
import {baselineGrowth, constantGrowth} from "../../../components/model/assumptions.js";
import {projectIncome} from "../../../components/model/incomeProjection.js";
import {projectPath, projectPathByRegion} from "../../../components/model/incomeProjection.js";
import {distanceToTarget, firstYearMeeting} from "../../../components/model/targets.js";

const y2024 = {year: 2024, urban: 54188, rural: 23119};

describe("constantGrowth and baselineGrowth", () => {
  it("constantGrowth(2025, 2035, rates) gives 11 rows with the same rates", () => {
    const rows = constantGrowth(2025, 2035, {urban: 0.05, rural: 0.07});
    expect(rows).toHaveLength(11);
    expect(rows[0]).toEqual({year: 2025, urban: 0.05, rural: 0.07});
    expect(rows.at(-1)!.year).toBe(2035);
    expect(() => constantGrowth(2030, 2025, {urban: 0.05, rural: 0.07})).toThrow("invalid year range: 2030-2025");
  });

  it("baselineGrowth(history, {years: 5}) carries the 2019-2024 CAGR to 2035 and states the rule", () => {
    const history = [{year: 2019, urban: 42359, rural: 16021}, {year: 2022, urban: 49283, rural: 20133}, y2024];
    const {rows, rule} = baselineGrowth(history, {years: 5});
    expect(rows.map((r) => r.year)).toEqual(Array.from({length: 11}, (_, i) => 2025 + i));
    expect(rows[0].urban).toBeCloseTo(Math.pow(54188 / 42359, 1 / 5) - 1, 12);
    expect(rows[0].rural).toBeCloseTo(Math.pow(23119 / 16021, 1 / 5) - 1, 12);
    expect(rule).toContain("2019-2024");
    expect(rule).toContain("Baseline");
    expect(rule).toContain("7.61%");
  });

  it("baselineGrowth refuses a window whose first year was not observed", () => {
    expect(() => baselineGrowth([{year: 2020, urban: 1, rural: 1}, y2024], {years: 5})).toThrow("2019");
  });
});

describe("projectPath", () => {
  it("projectPath with constant rows equals the constant-rate compound path", () => {
    const path = projectPath(y2024, constantGrowth(2025, 2035, {urban: 0.05, rural: 0.07}));
    const expected = projectIncome(y2024, {urban: 0.05, rural: 0.07}, 2035);
    expect(path).toHaveLength(12);
    path.forEach((p, i) => {
      expect(p.year).toBe(expected[i].year);
      expect(p.ratio).toBeCloseTo(expected[i].ratio, 12);
      expect(p.gap).toBeCloseTo(expected[i].gap, 6);
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
    expect(projectPath(y2024, constantGrowth(2025, 2026, {urban: 0, rural: 0})).map((p) => p.gap)).toEqual([
      31069, 31069, 31069
    ]);
    const falling = projectPath(y2024, constantGrowth(2025, 2026, {urban: -0.02, rural: -0.02}));
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
    const shared = projectPathByRegion(starts, constantGrowth(2025, 2026, {urban: 0.05, rural: 0.05}));
    expect([...shared.keys()]).toEqual(["甲", "乙"]);
    expect(shared.get("乙")!.at(-1)!.ratio).toBeCloseTo(2, 12);
    const perRegion = projectPathByRegion(
      starts,
      new Map([
        ["甲", constantGrowth(2025, 2025, {urban: 0, rural: 0})],
        ["乙", constantGrowth(2025, 2025, {urban: 0.1, rural: 0})]
      ])
    );
    expect(perRegion.get("乙")![1].ratio).toBeCloseTo(2.2, 12);
    expect(() => projectPathByRegion(starts, new Map([["甲", []]]))).toThrow("no growth rows for region: 乙");
    expect(() => projectPathByRegion(starts, [{year: 2026, urban: 0, rural: 0}])).toThrow(
      "甲: growth rows must be consecutive"
    );
  });
});

describe("firstYearMeeting and distanceToTarget", () => {
  const path = projectPath(y2024, constantGrowth(2025, 2035, {urban: 0.05, rural: 0.07}));

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
