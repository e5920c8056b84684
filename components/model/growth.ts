/**
 * Checks an annual growth rate given as a fraction (0.05 = 5%). Rates at or below -100% or above +100% are not
 * income growth an analyst means; NaN is always a mistake.
 * @example maybeRate(0.05) // 0.05
 */
export function maybeRate(rate: unknown): number {
  if (typeof rate !== "number" || !Number.isFinite(rate) || rate <= -1 || rate > 1)
    throw new Error(`invalid growth rate: ${rate}`);
  return rate;
}

/**
 * Compound annual growth rate between two positive values `years` apart.
 * @example cagr(16021, 23119, 5) // ≈ 0.0761
 */
export function cagr(from: number, to: number, years: number): number {
  if (!(from > 0) || !(to > 0) || !(years > 0))
    throw new Error(`invalid CAGR inputs: ${from} → ${to} over ${years} years`);
  return Math.pow(to / from, 1 / years) - 1;
}
