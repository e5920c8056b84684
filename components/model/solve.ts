/** A solver's answer: a number only when one was found within tolerance, otherwise the reason in words. */
export type SolveResult = {ok: true; x: number; iterations: number} | {ok: false; reason: string};

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
  // Zero at hi and just below it is a plateau (a series capped at its target, such as coverage at 100%): the answer
  // is where f first reaches zero, so bisection goes on with zero counted on hi's side.
  const plateau = fhi === 0 && f(Math.max(lo, hi - tolerance)) === 0;
  if (fhi === 0 && !plateau) return {ok: true, x: hi, iterations: 0};
  if (fhi !== 0 && Math.sign(flo) === Math.sign(fhi)) return {ok: false, reason: UNREACHABLE};
  const scale = Math.max(Math.abs(flo), Math.abs(fhi));
  for (let i = 1; i <= maxIterations; i++) {
    const mid = lo + (hi - lo) / 2;
    const fmid = f(mid);
    if (!Number.isFinite(fmid)) return {ok: false, reason: `f is not finite at ${mid}`};
    if ((fmid === 0 && !plateau) || (hi - lo) / 2 <= tolerance) {
      // A sign change across a pole (1/x) also narrows to a point; near a true root f is small, near a pole it is not.
      if (Math.abs(fmid) > scale) return {ok: false, reason: `f changes sign near ${mid} without reaching zero`};
      return {ok: true, x: plateau && fmid !== 0 ? hi : mid, iterations: i};
    }
    if (fmid !== 0 && Math.sign(fmid) === Math.sign(flo)) ((lo = mid), (flo = fmid));
    else hi = mid;
  }
  return {ok: false, reason: `no convergence within ${maxIterations} iterations`};
}
