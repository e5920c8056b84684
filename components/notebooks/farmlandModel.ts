// The farmland notebook's scenario model: new high-standard farmland built each year (万亩) from the year after the
// last national cumulative figure to the 2030 plan horizon; the cumulative area follows. When that last figure is a
// lower bound (超…), every cumulative built on it is a lower bound too, and is written "≥".
import {formatNumber} from "../format.js";
import {FARMLAND_HORIZON} from "../plan.js";
import {HSF_2030_TARGET, observationNote, type Hedge} from "../scorecard/planMeta.js";
import {defineModel, firstMeeting, type Projection, type ScenarioModel, type ScenarioRow} from "../scenario/model.js";

/** A national cumulative figure as published (万亩), with whether the source gave it as a lower bound. */
export interface CumulativeFigure {
  year: number;
  value: number;
  lowerBound: boolean;
}

/** A row of the tidy plan-indicators table for a farmland indicator. */
export interface FarmlandRow {
  indicator: string;
  region_code: string;
  region: string;
  year: number;
  value: number;
}

/** A row with its source key and hedge from the SOURCES notes (planMeta). */
export interface AnnotatedRow extends FarmlandRow, CumulativeFigure {
  ref: string | null;
  hedge: Hedge | null;
}

/** The indicator the scenarios extend. */
export const CUMULATIVE = "高标准农田累计建成面积";

/**
 * The farmland rows of plan-indicators, each with its source key and hedge, split into the national cumulative
 * series (what the scenarios extend), national annual figures (for scale only) and provincial statements.
 * @example farmlandFigures(rows).national.at(-1) // {year: 2023, value: 100000, lowerBound: true, ref: "S22", …}
 */
export function farmlandFigures(rows: readonly FarmlandRow[]): {national: AnnotatedRow[]; annual: AnnotatedRow[]; provincial: AnnotatedRow[]} {
  const annotated = rows.map((d): AnnotatedRow => {
    const note = observationNote(d.indicator, d.region_code, d.year);
    return {...d, ref: note?.ref ?? null, hedge: note?.hedge ?? null, lowerBound: note?.hedge === "lower bound"};
  });
  const byYear = (a: AnnotatedRow, b: AnnotatedRow) => a.year - b.year;
  return {
    national: annotated.filter((d) => d.region_code === "CN" && d.indicator === CUMULATIVE).sort(byYear),
    annual: annotated.filter((d) => d.region_code === "CN" && d.indicator !== CUMULATIVE).sort(byYear),
    provincial: annotated.filter((d) => d.region_code !== "CN")
  };
}

/** What the page passes: the national cumulative figures (oldest first) and the plan's 2025 target from plan-targets. */
export interface FarmlandData {
  national: readonly CumulativeFigure[];
  planTarget: {year: number; value: number};
}

/** The baseline pace and the two figures it was computed from. */
export interface BaselinePace {
  pace: number;
  from: CumulativeFigure;
  to: CumulativeFigure;
}

/**
 * Where the scenarios start: the last national cumulative figure (a lower bound stays one).
 * @example farmlandStart(national) // {year: 2023, value: 100000, lowerBound: true}
 */
export function farmlandStart(national: readonly CumulativeFigure[]): CumulativeFigure {
  const last = national[national.length - 1];
  if (!last) throw new Error("no national cumulative figure / 没有全国累计数据");
  return last;
}

/**
 * The baseline pace: the average yearly addition between the earliest and the latest national cumulative figures that
 * are not lower bounds ((later − earlier) ÷ years between). A lower bound cannot end the span: an average built on it
 * would only be a bound. Throws naming what is missing when fewer than two such figures exist.
 * @example baselinePace(national) // {pace: 10000, from: {year: 2020, …}, to: {year: 2022, …}}
 */
export function baselinePace(national: readonly CumulativeFigure[]): BaselinePace {
  const stated = national.filter((d) => !d.lowerBound);
  const from = stated[0];
  const to = stated[stated.length - 1];
  if (!from || !to || to.year <= from.year)
    throw new Error("the baseline needs two national cumulative figures that are not lower bounds / 基线需要两个非下限的全国累计数");
  return {pace: round((to.value - from.value) / (to.year - from.year)), from, to};
}

/**
 * The farmland model for the page's data: the 2025 target as read from plan-targets, 12 亿亩 by 2030 from the
 * national farmland plan (S25).
 * @example const model = farmlandModel({year: 2025, value: 107500}); ScenarioManager(model, data)
 */
export function farmlandModel(planTarget: {year: number; value: number}): ScenarioModel<FarmlandData> {
  return defineModel<FarmlandData>({
    id: "farmland",
    title: {zh: "高标准农田建设情景", en: "High-standard farmland scenarios"},
    rowKey: {key: "year", label: {zh: "年份", en: "Year"}, kind: "year"},
    columns: [
      {
        key: "added",
        label: {zh: "当年新建", en: "Built in the year"},
        unit: {zh: "万亩", en: "万亩 (10k mu)"},
        kind: "amount",
        // Stored in 万亩: "8000", "8000万" and "0.8亿" all mean 8,000 万亩.
        scale: 1e4,
        // 0 to 3 亿亩 a year: three times the fastest year on record (8,391 万亩 in 2020, S23), so no typo passes.
        min: 0,
        max: 30000,
        csv: "added_10k_mu"
      }
    ],
    baseline({national}) {
      const start = farmlandStart(national);
      const {pace, from, to} = baselinePace(national);
      const rows: ScenarioRow[] = [];
      for (let year = start.year + 1; year <= FARMLAND_HORIZON; year++) rows.push({year, added: pace});
      const n = (v: number) => formatNumber(v);
      const bound = start.lowerBound
        ? {
            zh: `起点 ${start.year} 年累计为下限（≥ ${n(start.value)} 万亩），所以推算的累计面积也都是下限（≥）。`,
            en: `The ${start.year} start is a lower bound (≥ ${n(start.value)} 万亩), so every projected cumulative area is a lower bound (≥) too.`
          }
        : {zh: "", en: ""};
      return {
        rows,
        rule: {
          zh: `基线：每年新建 ${n(pace)} 万亩，即 ${from.year} 年（${n(from.value)} 万亩）至 ${to.year} 年（${n(to.value)} 万亩）两个非下限全国累计数之间的年均增加（(${n(to.value)} − ${n(from.value)}) ÷ ${to.year - from.year}），从 ${start.year + 1} 年起每年相同。${bound.zh}`,
          en: `Baseline: ${n(pace)} 万亩 built each year, the average yearly addition between the national cumulative figures of ${from.year} (${n(from.value)} 万亩) and ${to.year} (${n(to.value)} 万亩), the earliest and latest that are not lower bounds ((${n(to.value)} − ${n(from.value)}) ÷ ${to.year - from.year}), the same every year from ${start.year + 1}. ${bound.en}`
        }
      };
    },
    project(rows, {national}) {
      const start = farmlandStart(national);
      let total = start.value;
      const cumulative = rows.map((r) => (total = round(total + (r.added as number))));
      return {
        // A cumulative on a lower-bound start is itself a lower bound: the grid writes it "≥".
        locked: {cumulative: start.lowerBound ? cumulative.map((v) => `≥ ${formatNumber(v)}`) : cumulative},
        series: {
          cumulative: [{x: start.year, y: start.value}, ...rows.map((r, i) => ({x: r.year as number, y: cumulative[i]}))]
        }
      };
    },
    locked: [{key: "cumulative", label: {zh: "累计（万亩）", en: "Cumulative (万亩)"}, format: "integer"}],
    series: [{key: "cumulative", label: {zh: "累计建成面积", en: "Cumulative area built"}, format: "万亩"}],
    targets: [
      {
        id: "plan-2025",
        series: "cumulative",
        x: planTarget.year,
        value: planTarget.value,
        direction: ">=",
        label: {zh: "城镇化方案目标", en: "Urbanization plan target"},
        source: {zh: "《“十四五”新型城镇化实施方案》（plan-targets.csv）", en: "14th Five-Year New Urbanization Implementation Plan (plan-targets.csv)"}
      },
      {
        id: "plan-2030",
        series: "cumulative",
        x: HSF_2030_TARGET.year,
        value: HSF_2030_TARGET.value,
        direction: ">=",
        label: {zh: "农田建设规划目标", en: "Farmland plan target"},
        source: {zh: `《全国高标准农田建设规划（2021—2030年）》（${HSF_2030_TARGET.ref}）`, en: `National high-standard farmland plan 2021-2030 (${HSF_2030_TARGET.ref})`}
      }
    ]
  });
}

/** When a target is met on a scenario: `atLatest` when the start is a lower bound (it may be met earlier). */
export interface TargetMet {
  id: string;
  year: number | null;
  atLatest: boolean;
}

/**
 * The first year each target is met on a projection, and whether that year is only the latest it can be.
 * @example targetsMet(model, data, projection) // [{id: "plan-2025", year: 2024, atLatest: true}, …]
 */
export function targetsMet(model: ScenarioModel<FarmlandData>, data: FarmlandData, projection: Projection): TargetMet[] {
  const start = farmlandStart(data.national);
  return (model.targets ?? []).map((target) => {
    const year = firstMeeting(projection, target);
    return {id: target.id, year, atLatest: year !== null && start.lowerBound};
  });
}

// Sums of typed paces: rounding at 1e-6 万亩 keeps 100,000 + 3 × 2,500.1 from showing float noise.
function round(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}
