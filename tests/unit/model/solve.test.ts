import {describe, expect, it} from "vitest";
import {projectPath, withGap} from "../../../components/model/incomeProjection.js";
import {bracketSolve, UNREACHABLE} from "../../../components/model/solve.js";
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

describe("bracketSolve on a plateau", () => {
  it("finds where a capped series first reaches its cap, not the upper bound", () => {
    // Coverage from 96% gaining x points a year for 5 years, capped at 100%: 100% is first reached at x = 0.8.
    const f = (x: number) => Math.min(100, 96 + 5 * x) - 100;
    const solved = bracketSolve(f, 0, 10, {tolerance: 1e-9});
    expect(solved.ok && solved.x).toBeCloseTo(0.8, 8);
    expect(solved.ok && solved.x).toBeGreaterThanOrEqual(0.8);
  });
});
