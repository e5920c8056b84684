import {describe, expect, it} from "vitest";
import {constantGrowth} from "../../../components/model/assumptions.js";
import {projectPath} from "../../../components/model/incomeProjection.js";
import {
  bracketSolve,
  solveRuralGrowthForRatio,
  UNREACHABLE
} from "../../../components/model/solve.js";

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

describe("solveRuralGrowthForRatio", () => {
  it("matches the closed form (1+g_u)(ratio_0/target)^(1/n) − 1 for 2.0 by 2035 at 5% urban growth", () => {
    const result = solveRuralGrowthForRatio(y2024, 0.05, 2.0, 2035);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.x).toBeCloseTo(closedForm(0.05, 54188 / 23119, 2.0, 11), 10);
    const path = projectPath(y2024, constantGrowth(2025, 2035, {urban: 0.05, rural: result.x}));
    expect(path.at(-1)!.ratio).toBeCloseTo(2.0, 9);
  });

  it("matches the closed form at zero and negative urban growth", () => {
    for (const gu of [0, -0.03]) {
      const result = solveRuralGrowthForRatio(y2024, gu, 2.2, 2030);
      expect(result.ok && result.x).toBeCloseTo(closedForm(gu, 54188 / 23119, 2.2, 6), 10);
    }
  });

  it("a target ratio equal to today's needs rural growth equal to urban growth", () => {
    const result = solveRuralGrowthForRatio(y2024, 0.04, 54188 / 23119, 2030);
    expect(result.ok && result.x).toBeCloseTo(0.04, 10);
  });

  it("reports unreachable when the needed rate lies outside the bounds, never a number", () => {
    // A ratio of 1.0 in one year needs rural income to jump 134%: outside ±50%.
    expect(solveRuralGrowthForRatio(y2024, 0.05, 1.0, 2025)).toEqual({ok: false, reason: UNREACHABLE});
    expect(solveRuralGrowthForRatio(y2024, 0.05, 2.0, 2035, [0.1, 0.2])).toEqual({ok: false, reason: UNREACHABLE});
  });

  it("refuses a target year not after the start and a non-positive target", () => {
    expect(solveRuralGrowthForRatio(y2024, 0.05, 2.0, 2024).ok).toBe(false);
    expect(solveRuralGrowthForRatio(y2024, 0.05, 0, 2035).ok).toBe(false);
    expect(() => solveRuralGrowthForRatio(y2024, NaN, 2.0, 2035)).toThrow("invalid growth rate: NaN");
  });
});
