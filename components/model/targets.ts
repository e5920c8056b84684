/**
 * The first year on a path where `value(point)` meets the target (">=": at or above, "<=": at or below), or null
 * when no year on the path does.
 * @example firstYearMeeting(path, (p) => p.ratio, 2.2, "<=") // 2029
 */
export function firstYearMeeting<T extends {year: number}>(
  path: readonly T[],
  value: (point: T) => number,
  target: number,
  direction: ">=" | "<=" = ">="
): number | null {
  for (const point of path) {
    const v = value(point);
    if (direction === ">=" ? v >= target : v <= target) return point.year;
  }
  return null;
}

/**
 * How far the path is from the target in `year`: value − target (positive means above the target), or null when
 * the path has no point for that year.
 * @example distanceToTarget(path, (p) => p.ratio, 2.2, 2030) // 0.05: still 0.05 above a 2.2 ratio target
 */
export function distanceToTarget<T extends {year: number}>(
  path: readonly T[],
  value: (point: T) => number,
  target: number,
  year: number
): number | null {
  const point = path.find((p) => p.year === year);
  return point === undefined ? null : value(point) - target;
}
