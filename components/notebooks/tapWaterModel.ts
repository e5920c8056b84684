// The tap-water notebook's scenario model: rural tap-water coverage rises by a number of percentage points each year
// from the last observed year to the horizon, never above 100%.
import {formatPercent, formatPoints} from "../format.js";
import {HORIZON, PLAN_BASE_YEAR} from "../plan.js";
import {defineModel, firstMeeting, type Projection, type ScenarioModel, type ScenarioRow, type TargetSpec} from "../scenario/model.js";
import type {SolveResult} from "../model/solve.js";
import {t} from "../i18n.js";

/** A national coverage figure as published, in percent (96 for 96%). */
export interface CoverageFigure {
  year: number;
  value: number;
}

/** What the page passes: the national coverage figures (oldest first) and the plan's 2025 target from plan-targets. */
export interface TapWaterData {
  observed: readonly CoverageFigure[];
  planTarget: {year: number; value: number};
}

/** The largest coverage: 100%. */
export const FULL_COVERAGE = 1;
/** Analyst milestones beyond the plan: not plan targets, no source sets them (judged by the horizon only). */
export const MILESTONES = [0.95, 1] as const;

/**
 * A published percent as a fraction without float noise (96 → 0.96, 2.6 → 0.026).
 * @example fraction(96) // 0.96
 */
export function fraction(percent: number): number {
  return Number(`${Number(percent.toFixed(9))}e-2`);
}

/**
 * The baseline gain in percentage points a year: the average yearly gain between the plan's base year and the latest
 * observation ((latest − base) ÷ years between; years without a figure in between are spanned, not filled).
 * Throws when the base year has no figure.
 * @example baselineGain(observed) // {gain: 0.026, from: {year: 2020, value: 83}, to: {year: 2025, value: 96}}
 */
export function baselineGain(observed: readonly CoverageFigure[]): {gain: number; from: CoverageFigure; to: CoverageFigure} {
  const from = observed.find((d) => d.year === PLAN_BASE_YEAR);
  const to = observed[observed.length - 1];
  if (!from || !to || to.year <= from.year)
    throw new Error(`the baseline needs a figure in ${PLAN_BASE_YEAR} and a later one / 基线需要 ${PLAN_BASE_YEAR} 年及其后的数据`);
  return {gain: fraction((to.value - from.value) / (to.year - from.year)), from, to};
}

/**
 * The tap-water model for the page's data: the plan's target (88% by 2025, read from plan-targets) and the analyst
 * milestones 95% and 100% by the horizon.
 * @example const model = tapWaterModel({year: 2025, value: 88}); ScenarioManager(model, data)
 */
export function tapWaterModel(planTarget: {year: number; value: number}): ScenarioModel<TapWaterData> {
  const milestone = (value: number): TargetSpec => ({
    id: `milestone-${Math.round(value * 100)}`,
    series: "coverage",
    x: HORIZON,
    value,
    direction: ">=",
    label: {zh: `${formatPercent(value)}（分析里程碑）`, en: `${formatPercent(value)} (analyst milestone)`},
    source: {zh: "分析用里程碑，不是规划目标，数据中没有设定它的来源", en: "an analyst milestone, not a plan target: no source in the data sets it"}
  });
  return defineModel<TapWaterData>({
    id: "tap-water",
    title: {zh: "农村自来水普及率情景", en: "Rural tap-water coverage scenarios"},
    rowKey: {key: "year", label: {zh: "年份", en: "Year"}, kind: "year"},
    columns: [
      {
        key: "gain",
        label: {zh: "年增幅", en: "Yearly gain"},
        unit: {zh: "百分点", en: "pp"},
        kind: "points",
        // −5 to +10 points a year: the largest observed gain is 3 points (2021-2022 and 2022-2023, S02).
        min: -0.05,
        max: 0.1,
        csv: "gain_pp"
      }
    ],
    baseline({observed}) {
      const {gain, from, to} = baselineGain(observed);
      const rows: ScenarioRow[] = [];
      for (let year = to.year + 1; year <= HORIZON; year++) rows.push({year, gain});
      const pp = (v: number, lang: "zh" | "en") => formatPoints(v, {digits: 2, lang});
      const span = to.year - from.year;
      return {
        rows,
        rule: {
          zh: `基线：每年提高 ${pp(gain, "zh")}，即规划基期 ${from.year} 年（${from.value}%）至最新观测 ${to.year} 年（${to.value}%）的年均增幅（(${to.value} − ${from.value}) ÷ ${span}；其间缺数据的年份不填补），从 ${to.year + 1} 年起每年相同；普及率最高 100%。`,
          en: `Baseline: ${pp(gain, "en")} a year, the average yearly gain between the plan's base year ${from.year} (${from.value}%) and the latest observation, ${to.year} (${to.value}%) ((${to.value} − ${from.value}) ÷ ${span}; years without a figure in between are spanned, not filled), the same every year from ${to.year + 1}; coverage stops at 100%.`
        }
      };
    },
    project(rows, {observed}) {
      const last = observed[observed.length - 1];
      let coverage = fraction(last.value);
      const path = rows.map((r) => (coverage = capped(coverage + (r.gain as number))));
      return {
        locked: {coverage: path},
        series: {coverage: [{x: last.year, y: fraction(last.value)}, ...rows.map((r, i) => ({x: r.year as number, y: path[i]}))]}
      };
    },
    locked: [{key: "coverage", label: {zh: "普及率", en: "Coverage"}, format: "percent", digits: 1}],
    series: [{key: "coverage", label: {zh: "农村自来水普及率", en: "Rural tap-water coverage"}, format: "percent", digits: 1}],
    targets: [
      {
        id: "plan-2025",
        series: "coverage",
        x: planTarget.year,
        value: fraction(planTarget.value),
        direction: ">=",
        label: {zh: `${planTarget.year} 年规划目标 ${planTarget.value}%`, en: `${planTarget.year} plan target ${planTarget.value}%`},
        source: {zh: "《“十四五”新型城镇化实施方案》（plan-targets.csv）", en: "14th Five-Year New Urbanization Implementation Plan (plan-targets.csv)"}
      },
      ...MILESTONES.map(milestone)
    ]
  });
}

/**
 * When a coverage level was or will be reached: in the observed figures first (`earliest` < `year` when the years
 * before it have no figure, so it was reached in one of them or in `year`; null when it is the first figure, so only
 * "by `year`" is known), else on the projection (after the last observed year), else null.
 */
export interface Reached {
  id: string;
  year: number | null;
  earliest: number | null;
  basis: "observed" | "projected" | null;
}

/**
 * The year each of the model's targets is reached: observed figures first, then the projection.
 * @example reachedYears(model, data, projection) // [{id: "plan-2025", year: 2023, earliest: 2023, basis: "observed"}, …]
 */
export function reachedYears(model: ScenarioModel<TapWaterData>, {observed}: TapWaterData, projection: Projection): Reached[] {
  const last = observed[observed.length - 1];
  return (model.targets ?? []).map((target) => {
    const i = observed.findIndex((d) => fraction(d.value) >= target.value);
    if (i === 0) return {id: target.id, year: observed[0].year, earliest: null, basis: "observed"};
    if (i > 0) return {id: target.id, year: observed[i].year, earliest: observed[i - 1].year + 1, basis: "observed"};
    const year = firstMeeting(projection, target, {after: last.year});
    return {id: target.id, year, earliest: year, basis: year === null ? null : "projected"};
  });
}

/**
 * The constant yearly gain that takes coverage from the last observation to `value` (a fraction) by year `x`:
 * (value − latest) ÷ years. Closed form, because the 100% cap makes coverage flat at the top and a bisection on the
 * capped series would answer with its upper bound. A level already reached needs 0; above 100%, a year not after the
 * last observation, or a gain outside the column's bounds cannot be reached.
 * @example gainNeeded(model, data, {value: 0.98, x: 2030}) // {ok: true, x: 0.004, iterations: 0}
 */
export function gainNeeded(model: ScenarioModel<TapWaterData>, {observed}: TapWaterData, {value, x}: {value: number; x: number}): SolveResult {
  const last = observed[observed.length - 1];
  const start = fraction(last.value);
  const column = model.columns[0];
  if (!Number.isFinite(value) || !Number.isInteger(x)) return {ok: false, reason: t({zh: `目标无效：${value}，${x} 年`, en: `invalid goal: ${value} by ${x}`})};
  if (value > FULL_COVERAGE) return {ok: false, reason: t({zh: "普及率不能超过 100%", en: "coverage cannot pass 100%"})};
  if (value <= start) return {ok: true, x: 0, iterations: 0};
  if (x <= last.year) return {ok: false, reason: t({zh: `${x} 年不晚于最新观测年（${last.year}）`, en: `${x} is not after the last observation (${last.year})`})};
  const gain = Math.round(((value - start) / (x - last.year)) * 1e9) / 1e9;
  if (gain > column.max) return {ok: false, reason: t({zh: `每年需提高 ${formatPoints(gain)}，超过上限 ${formatPoints(column.max)}`, en: `needs ${formatPoints(gain)} a year, above the ${formatPoints(column.max)} bound`})};
  return {ok: true, x: gain, iterations: 0};
}

// Coverage stays within 0-100%; rounding at 1e-9 keeps 96% + 2 × 2% exactly 100%.
function capped(x: number): number {
  return Math.min(FULL_COVERAGE, Math.max(0, Math.round(x * 1e9) / 1e9));
}
