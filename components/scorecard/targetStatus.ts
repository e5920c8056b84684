import type {Direction} from "./planMeta.js";

/** The four verdicts of the scorecard. */
export type Status = "met" | "on track" | "off track" | "no data";

/** A value observed (or stated as a baseline) in a year. */
export interface YearValue {
  year: number;
  value: number;
}

/** A verdict with the linear extrapolation it rests on (null when none was needed or possible) and why, in words. */
export interface StatusResult {
  status: Status;
  projected: number | null;
  reason: string;
}

/**
 * Whether `value` satisfies a target. "~" (左右, about) is read as reaching at least the target value.
 * @example meetsTarget(90, ">=", 88) // true
 */
export function meetsTarget(value: number, direction: Direction, target: number): boolean {
  return direction === "<=" ? value <= target : value >= target;
}

/**
 * The scorecard rule. `latest` is the last observation in or before the target year; `start` is the baseline (or,
 * where the target has none, the earliest observation of the same series).
 * - no latest observation → "no data" (nothing is guessed);
 * - latest meets the target → "met";
 * - otherwise, when the target year has already passed or there is no earlier start → "off track" / "no data";
 * - otherwise the straight line from start to latest, extrapolated to the target year: meets → "on track", else
 *   "off track".
 * @example targetStatus({direction: ">=", target: 75, targetYear: 2025, start: {year: 2020, value: 71}, latest: {year: 2022, value: 73}}) // on track, projected 76
 */
export function targetStatus({
  direction,
  target,
  targetYear,
  start,
  latest
}: {
  direction: Direction;
  target: number;
  targetYear: number;
  start: YearValue | null;
  latest: YearValue | null;
}): StatusResult {
  if (!latest) return {status: "no data", projected: null, reason: "no observation · 无观测值"};
  if (latest.year > targetYear)
    throw new Error(`latest observation ${latest.year} is after the target year ${targetYear}`);
  if (meetsTarget(latest.value, direction, target))
    return {status: "met", projected: null, reason: `${latest.year} value meets the target · 已达到`};
  if (latest.year === targetYear)
    return {status: "off track", projected: null, reason: `${targetYear} value misses the target · 目标年未达到`};
  if (!start || start.year >= latest.year)
    return {status: "no data", projected: null, reason: "one observation, no trend · 仅一个观测值，无法判断趋势"};
  const pace = (latest.value - start.value) / (latest.year - start.year);
  const projected = latest.value + pace * (targetYear - latest.year);
  const line = `${start.year}→${latest.year} pace extrapolated to ${targetYear}`;
  return meetsTarget(projected, direction, target)
    ? {status: "on track", projected, reason: `${line} meets the target · 按此速度可达到`}
    : {status: "off track", projected, reason: `${line} misses the target · 按此速度达不到`};
}
