import type {LevelPoint} from "./projectPath.js";

/** A solver's answer: a number only when one was found within tolerance, otherwise the reason in words. */
export type SolveResult = {ok: true; x: number; iterations: number} | {ok: false; reason: string};

/** The year a target is reached, or why it is not. */
export type YearResult = {ok: true; year: number} | {ok: false; reason: string};

export const UNREACHABLE = "unreachable within bounds";

/**
 * Finds x in [lo, hi] with f(x) = 0 by bisection on a sign change. Bisection, not Brent or Newton: it needs only a
 * sign change, cannot step outside the bracket, and its error bound is exact (the answer is within `tolerance` of a
 * root of a continuous f). Same signs at both ends, a non-finite f, a sign change at a pole (|f| at the end larger
 * than at both bounds), or running out of iterations give `{ok: false, reason}` rather than a number.
 * @example bracketSolve((x) => x * x - 2, 0, 2) // {ok: true, x: 1.41421356…, iterations: 35}
 */
export function bracketSolve(
  f: (x: number) => number,
  lo: number,
  hi: number,
  {tolerance = 1e-10, maxIterations = 200}: {tolerance?: number; maxIterations?: number} = {}
): SolveResult {
  if (!Number.isFinite(lo) || !Number.isFinite(hi) || lo > hi)
    return {ok: false, reason: `invalid bounds: [${lo}, ${hi}]`};
  if (!(tolerance > 0)) return {ok: false, reason: `invalid tolerance: ${tolerance}`};
  let flo = f(lo);
  const fhi = f(hi);
  if (!Number.isFinite(flo) || !Number.isFinite(fhi))
    return {ok: false, reason: `f is not finite at the bounds [${lo}, ${hi}]`};
  if (flo === 0) return {ok: true, x: lo, iterations: 0};
  if (fhi === 0) return {ok: true, x: hi, iterations: 0};
  if (Math.sign(flo) === Math.sign(fhi)) return {ok: false, reason: UNREACHABLE};
  const scale = Math.max(Math.abs(flo), Math.abs(fhi));
  for (let i = 1; i <= maxIterations; i++) {
    const mid = lo + (hi - lo) / 2;
    const fmid = f(mid);
    if (!Number.isFinite(fmid)) return {ok: false, reason: `f is not finite at ${mid}`};
    if (fmid === 0 || (hi - lo) / 2 <= tolerance) {
      // A sign change across a pole (1/x) also narrows to a point; near a true root f is small, near a pole it is not.
      if (Math.abs(fmid) > scale) return {ok: false, reason: `f changes sign near ${mid} without reaching zero`};
      return {ok: true, x: mid, iterations: i};
    }
    if (Math.sign(fmid) === Math.sign(flo)) ((lo = mid), (flo = fmid));
    else hi = mid;
  }
  return {ok: false, reason: `no convergence within ${maxIterations} iterations`};
}

/**
 * The constant annual pace (units per year, e.g. 万亩) that takes a cumulative total from `start` to `target`.
 * A target already met needs pace 0; a target year not after the start year cannot be reached.
 * @example solveFarmlandPace({year: 2022, value: 100000}, {year: 2030, value: 120000}) // {ok: true, x: 2500, iterations: 0}
 */
export function solveFarmlandPace(startCumulative: LevelPoint, target: LevelPoint): SolveResult {
  const years = target.year - startCumulative.year;
  if (![startCumulative.value, target.value, startCumulative.year, target.year].every(Number.isFinite)) {
    return {
      ok: false,
      reason: `invalid input: ${startCumulative.value} in ${startCumulative.year} → ${target.value} in ${target.year}`
    };
  }
  if (startCumulative.value >= target.value) return {ok: true, x: 0, iterations: 0};
  if (years < 1)
    return {ok: false, reason: `target year ${target.year} is not after ${startCumulative.year}: ${UNREACHABLE}`};
  return {ok: true, x: (target.value - startCumulative.value) / years, iterations: 0};
}

/**
 * The first year a gap-closing coverage path (see `projectSaturating`) reaches `target`, searching up to `maxYear`.
 * A target at or above the ceiling, or a zero rate below the target, is unreachable.
 * @example solveCoverageYear({year: 2024, value: 0.9}, {rate: 0.2, ceiling: 1}, 0.95) // {ok: true, year: 2028}
 */
export function solveCoverageYear(
  start: LevelPoint,
  {rate, ceiling}: {rate: number; ceiling: number},
  target: number,
  {maxYear = 2100}: {maxYear?: number} = {}
): YearResult {
  if (!(rate >= 0 && rate <= 1)) return {ok: false, reason: `invalid gap-closing rate: ${rate}`};
  if (![start.value, ceiling, target].every(Number.isFinite)) return {ok: false, reason: "invalid coverage input"};
  if (start.value >= target) return {ok: true, year: start.year};
  if (target > ceiling) return {ok: false, reason: `target ${target} is above the ceiling ${ceiling}: ${UNREACHABLE}`};
  // Same formula as projectSaturating, evaluated year by year so the answer agrees with the drawn path exactly.
  for (let year = start.year + 1; year <= maxYear; year++) {
    const value = ceiling - (ceiling - start.value) * Math.pow(1 - rate, year - start.year);
    if (value >= target) return {ok: true, year};
  }
  return {ok: false, reason: `not reached by ${maxYear}: ${UNREACHABLE}`};
}
