import {describe, expect, it} from "vitest";
import {projectPath, withGap} from "../../../components/model/incomeProjection.js";
import {projectSaturating} from "../../../components/model/projectPath.js";
import {bracketSolve, solveCoverageYear, solveFarmlandPace, UNREACHABLE} from "../../../components/model/solve.js";
import {solveColumn} from "../../../components/scenario/analysis.js";
import {incomeGapModel} from "../../../components/notebooks/incomeGapModel.js";

const y2024 = {year: 2024, urban: 54188, rural: 23119};
const closedForm = (gu: number, ratio0: number, target: number, n: number) =>
  (1 + gu) * Math.pow(ratio0 / target, 1 / n) - 1;

describe("bracketSolve", () => {
  it("bracketSolve(x² − 2, 0, 2) finds √2 within the tolerance", () => {
    const result = bracketSolve((x) => x * x - 2, 0, 2, {tolerance: 1e-9});
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(Math.abs(result.x - Math.SQRT2)).toBeLessThanOrEqual(1e-9);
      expect(result.iterations).toBeLessThanOrEqual(32);
    }
  });

  it("bracketSolve with a looser tolerance stops earlier and stays within it", () => {
    const loose = bracketSolve((x) => x - 0.3, 0, 1, {tolerance: 1e-3});
    expect(loose.ok && Math.abs(loose.x - 0.3) <= 1e-3 && loose.iterations <= 10).toBe(true);
  });

  it("bracketSolve reports 'unreachable within bounds' when both ends have the same sign", () => {
    expect(bracketSolve((x) => x * x + 1, -1, 1)).toEqual({ok: false, reason: UNREACHABLE});
  });

  it("bracketSolve refuses a sign change at a pole (1/x on [-1, 2]) instead of returning 0", () => {
    const result = bracketSolve((x) => 1 / x, -1, 2);
    expect(result.ok === false && result.reason).toContain("without reaching zero");
  });

  it("bracketSolve returns an exact root at a bound and refuses bad bounds, NaN and too few iterations", () => {
    expect(bracketSolve((x) => x, 0, 1)).toEqual({ok: true, x: 0, iterations: 0});
    expect(bracketSolve((x) => x, 1, -1).ok).toBe(false);
    expect(bracketSolve(() => NaN, 0, 1)).toMatchObject({ok: false, reason: expect.stringContaining("not finite")});
    expect(bracketSolve((x) => x - 0.3, 0, 1, {tolerance: 1e-12, maxIterations: 5})).toEqual({
      ok: false,
      reason: "no convergence within 5 iterations"
    });
  });
});

describe("solveColumn on incomeGapModel (rural growth for a ratio)", () => {
  const data = {history: withGap([y2024])};
  const rows = (urban: number, to = 2035) => Array.from({length: to - 2024}, (_, i) => ({year: 2025 + i, urban, rural: 0.05}));
  const solveRural = (urban: number, target: number, x: number, bounds?: readonly [number, number]) =>
    solveColumn(incomeGapModel, data, rows(urban, Math.max(x, 2025)), {column: "rural", probe: {series: "ratio", x}, value: target, bounds});

  it("matches the closed form (1+g_u)(ratio_0/target)^(1/n) − 1 for 2.0 by 2035 at 5% urban growth", () => {
    const result = solveRural(0.05, 2.0, 2035);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(Math.abs(result.x - closedForm(0.05, 54188 / 23119, 2.0, 11))).toBeLessThanOrEqual(1e-9);
    const path = projectPath(y2024, rows(0.05).map((r) => ({...r, rural: result.x})));
    expect(path.at(-1)!.ratio).toBeCloseTo(2.0, 7);
  });

  it("matches the closed form at zero and negative urban growth", () => {
    for (const gu of [0, -0.03]) {
      const result = solveRural(gu, 2.2, 2030);
      expect(result.ok).toBe(true);
      if (result.ok) expect(Math.abs(result.x - closedForm(gu, 54188 / 23119, 2.2, 6))).toBeLessThanOrEqual(1e-9);
    }
  });

  it("a target ratio equal to today's needs rural growth equal to urban growth", () => {
    const result = solveRural(0.04, 54188 / 23119, 2030);
    expect(result.ok && Math.abs(result.x - 0.04)).toBeLessThanOrEqual(1e-9);
  });

  it("reports unreachable when the needed rate lies outside the bounds, never a number", () => {
    // A ratio of 1.0 in one year needs rural income to jump 134%: outside the column's ±50%.
    expect(solveRural(0.05, 1.0, 2025)).toEqual({ok: false, reason: UNREACHABLE});
    expect(solveRural(0.05, 2.0, 2035, [0.1, 0.2])).toEqual({ok: false, reason: UNREACHABLE});
  });

  it("refuses a target year not after the start, a non-positive target, NaN and a year off the projection", () => {
    expect(solveRural(0.05, 2.0, 2024)).toEqual({ok: false, reason: UNREACHABLE});
    expect(solveRural(0.05, 0, 2035)).toEqual({ok: false, reason: UNREACHABLE});
    expect(solveRural(0.05, NaN, 2035)).toEqual({ok: false, reason: "invalid target: NaN"});
    expect(solveColumn(incomeGapModel, data, rows(0.05), {column: "rural", probe: {series: "ratio", x: 2040}, value: 2})).toEqual({
      ok: false,
      reason: "f is not finite at the bounds [-0.5, 0.5]"
    });
    expect(() => solveColumn(incomeGapModel, data, rows(0.05), {column: "wage", probe: {series: "ratio", x: 2035}, value: 2})).toThrow(
      "model income-gap has no column wage"
    );
  });
});

describe("solveFarmlandPace", () => {
  it("is (target − start) ÷ years: 100000 万亩 in 2022 to 120000 万亩 in 2030 needs 2500 per year", () => {
    // The start totals are synthetic test inputs; the targets are the plan's 10.75亿亩 (2025) and 12亿亩 (2030).
    expect(solveFarmlandPace({year: 2022, value: 100000}, {year: 2030, value: 120000})).toEqual({
      ok: true,
      x: 2500,
      iterations: 0
    });
    expect(solveFarmlandPace({year: 2022, value: 100000}, {year: 2025, value: 107500})).toEqual({
      ok: true,
      x: 2500,
      iterations: 0
    });
  });

  it("needs pace 0 for a target already met and cannot reach a later total in no time", () => {
    expect(solveFarmlandPace({year: 2025, value: 121000}, {year: 2030, value: 120000})).toEqual({
      ok: true,
      x: 0,
      iterations: 0
    });
    const past = solveFarmlandPace({year: 2025, value: 100000}, {year: 2025, value: 107500});
    expect(past.ok === false && past.reason).toContain(UNREACHABLE);
  });
});

describe("solveCoverageYear", () => {
  it("finds the first year the gap-closing path reaches the target, agreeing with projectSaturating", () => {
    const result = solveCoverageYear({year: 2024, value: 0.9}, {rate: 0.2, ceiling: 1}, 0.95);
    // 1 − 0.1 × 0.8^n ≥ 0.95 ⇔ 0.8^n ≤ 0.5 ⇔ n ≥ 3.106…, so n = 4.
    expect(result).toEqual({ok: true, year: 2028});
    const path = projectSaturating({year: 2024, value: 0.9}, {rate: 0.2, ceiling: 1}, 2028);
    expect(path[3].value).toBeLessThan(0.95);
    expect(path[4].value).toBeGreaterThanOrEqual(0.95);
  });

  it("is the start year when already met, unreachable above the ceiling or at rate 0", () => {
    expect(solveCoverageYear({year: 2024, value: 0.96}, {rate: 0.2, ceiling: 1}, 0.95)).toEqual({ok: true, year: 2024});
    const above = solveCoverageYear({year: 2024, value: 0.9}, {rate: 0.2, ceiling: 0.98}, 0.99);
    expect(above.ok === false && above.reason).toContain(UNREACHABLE);
    const flat = solveCoverageYear({year: 2024, value: 0.9}, {rate: 0, ceiling: 1}, 0.95, {maxYear: 2050});
    expect(flat).toEqual({ok: false, reason: `not reached by 2050: ${UNREACHABLE}`});
  });
});
