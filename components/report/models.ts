// The models a report can be published from: for each model id, the model, the datasets its notebook reads, how the
// report page rebuilds the model's data from those tidy tables (the same figures the notebook's query gives), the
// headline figures recorded at publication, and the comparison the report shows.
import type {Text} from "../i18n.js";
import {formatQuantity} from "../format.js";
import {FARMLAND_HORIZON, HORIZON, MILESTONE_YEAR, PLAN_TARGET_YEAR} from "../plan.js";
import type {RowKey, ScenarioRow, SeriesPoint} from "../scenario/model.js";
import type {CompareMeasure} from "../scenario/compareTable.js";
import {incomeYears} from "../model/incomeRows.js";
import {withGap} from "../model/incomeProjection.js";
import {incomeGapModel, type IncomeGapData} from "../notebooks/incomeGapModel.js";
import {farmlandFigures, farmlandModel, farmlandStart, type FarmlandData} from "../notebooks/farmlandModel.js";
import {fraction, tapWaterModel, type TapWaterData} from "../notebooks/tapWaterModel.js";
import {DEFAULT_TARGET_RATIO, incomeProvincesModel, provinceStarts, type IncomeProvincesData} from "../notebooks/incomeProvincesModel.js";
import {lastObserved, urbanizationModel, type UrbanizationData} from "../notebooks/urbanizationModel.js";
import {HSF_2030_TARGET, observationNote} from "../scorecard/planMeta.js";
import type {ReportModelSpec} from "./schema.js";

/** A row of a tidy table as the report page receives it. */
export interface ReportTidyRow {
  indicator: string;
  unit: string;
  region_code: string;
  region: string;
  year: number;
  value: number | null;
}

/** A model as the report path needs it. */
export interface ReportModel<D = any> extends ReportModelSpec<D> {
  /** the live notebook's path, where "open in the notebook" goes */
  notebook: string;
  /** the model's data from the tidy tables of `datasets` (by dataset id), as the notebook computes it */
  data(tables: Readonly<Record<string, readonly ReportTidyRow[]>>): D;
  /** observed values drawn before the projections, by series key */
  observed?(data: D): Record<string, readonly SeriesPoint[]>;
  /** the compare table: series at years, and a reference value whose first meeting year is shown (or how they follow from the data) */
  compare: ReportCompare | ((data: D) => ReportCompare);
  /** when every projected figure is a lower bound (the start was published as 超…): the note the page shows; figures are then written "≥" */
  lowerBound?(data: D): Text | null;
  /**
   * Set when the series hold one line per grid row (provinces): the compare table then has a group of lines per row,
   * and each of `charts` is drawn as one dot chart of every row's value per compared scenario.
   */
  perRow?: ReportPerRow<D>;
  /** projections start after this x (the last observed year), so a target met in the data is not counted */
  after?(data: D): number;
}

/** How a report compares scenarios whose series hold one line per grid row. */
export interface ReportPerRow<D> {
  /** the measures drawn as charts, one dot chart each */
  charts: readonly CompareMeasure[];
  /** each row's last observed x: a target met by then is written "(observed)", as the notebook's locked column does */
  observedUntil?(data: D): (key: RowKey) => number;
}

/** The compare table of a report: measures and an optional reference value. */
export interface ReportCompare {
  measures: readonly CompareMeasure[];
  target?: {series: string; value: number; direction: ">=" | "<="; label?: Text};
}

/**
 * The entry's compare table on `data`.
 * @example compareTable(model, compared, {...compareOf(entry, data), after: entry.after?.(data)})
 */
export function compareOf<D>(entry: ReportModel<D>, data: D): ReportCompare {
  return typeof entry.compare === "function" ? entry.compare(data) : entry.compare;
}

const incomeGap: ReportModel<IncomeGapData> = {
  id: "income-gap",
  model: incomeGapModel,
  notebook: "/income-gap",
  datasets: ["income-national"],
  // The notebook's query: national rows (region CN) of the national income table.
  data: (tables) => ({history: withGap(incomeYears((tables["income-national"] ?? []).filter((r) => r.region_code === "CN")))}),
  observed: ({history}) => ({
    ratio: history.map((d) => ({x: d.year, y: d.ratio})),
    gap: history.map((d) => ({x: d.year, y: d.gap})),
    urban: history.map((d) => ({x: d.year, y: d.urban})),
    rural: history.map((d) => ({x: d.year, y: d.rural}))
  }),
  headline: [
    {series: "ratio", x: PLAN_TARGET_YEAR},
    {series: "ratio", x: HORIZON},
    {series: "gap", x: HORIZON}
  ],
  compare: {
    measures: [
      {series: "ratio", x: PLAN_TARGET_YEAR},
      {series: "ratio", x: HORIZON},
      {series: "gap", x: PLAN_TARGET_YEAR},
      {series: "gap", x: HORIZON}
    ],
    // The notebook's default reference ratio: a reading aid, not a target of the plan (the plan sets none for it).
    target: {
      series: "ratio",
      value: 2.2,
      direction: "<=",
      label: {zh: "收入比 ≤ 2.2 的首年（笔记本的参考值，不是规划目标）", en: "First year ratio ≤ 2.2 (the notebook's reference value, not a plan target)"}
    }
  },
  after: ({history}) => history[history.length - 1].year
};

// The plan-targets row of an indicator as the notebooks' queries read it (the first row whose name matches).
function planTarget(rows: readonly ReportTidyRow[] | undefined, matches: (indicator: string) => boolean, what: string): {year: number; value: number} {
  const row = (rows ?? []).find((r) => matches(r.indicator));
  if (!row || row.value === null) throw new Error(`plan-targets: no target for ${what}`);
  return {year: row.year, value: row.value};
}

const byYear = <T extends {year: number}>(a: T, b: T) => a.year - b.year;

const farmland: ReportModel<FarmlandData> = {
  id: "farmland",
  // The 2025 target is read from plan-targets, so the model is built from the data, as the notebook does.
  model: (data) => farmlandModel(data.planTarget),
  notebook: "/farmland",
  datasets: ["plan-indicators", "plan-targets"],
  // The notebook's queries: plan rows whose indicator starts 高标准农田, and the 集中连片高标准农田 target.
  data: (tables) => ({
    national: farmlandFigures(
      (tables["plan-indicators"] ?? []).filter((r) => r.indicator.startsWith("高标准农田")).map((r) => ({...r, value: r.value as number}))
    ).national,
    planTarget: planTarget(tables["plan-targets"], (i) => i.startsWith("集中连片高标准农田"), "集中连片高标准农田")
  }),
  observed: ({national}) => ({cumulative: national.map((d) => ({x: d.year, y: d.value}))}),
  headline: [
    {series: "cumulative", x: PLAN_TARGET_YEAR},
    {series: "cumulative", x: FARMLAND_HORIZON}
  ],
  compare: ({national}) => {
    const latest = farmlandStart(national).lowerBound;
    const name = {zh: `农田建设规划目标 ${formatQuantity(HSF_2030_TARGET.value, "万亩", {lang: "zh"})} (${HSF_2030_TARGET.year})`, en: `Farmland plan target ${formatQuantity(HSF_2030_TARGET.value, "万亩", {lang: "en"})} (${HSF_2030_TARGET.year})`};
    return {
      measures: [
        {series: "cumulative", x: PLAN_TARGET_YEAR},
        {series: "cumulative", x: FARMLAND_HORIZON}
      ],
      target: {
        series: "cumulative",
        value: HSF_2030_TARGET.value,
        direction: ">=",
        label: {zh: `达到${name.zh}的年份${latest ? "（最迟）" : ""}`, en: `Year the ${name.en} is met${latest ? " (at the latest)" : ""}`}
      }
    };
  },
  lowerBound: ({national}) => {
    const start = farmlandStart(national);
    return start.lowerBound
      ? {
          zh: `起点 ${start.year} 年的全国累计数为下限（来源称“超…”），所以本报告所有推算累计面积都是下限（≥），达到目标的年份都是最迟年份。`,
          en: `The ${start.year} national cumulative start is a lower bound (the source says 超…), so every projected cumulative area in this report is a lower bound (≥), and each year a target is met is the latest it can be.`
        }
      : null;
  },
  after: ({national}) => farmlandStart(national).year
};

const tapWater: ReportModel<TapWaterData> = {
  id: "tap-water",
  // The 2025 target is read from plan-targets, so the model is built from the data, as the notebook does.
  model: (data) => tapWaterModel(data.planTarget),
  notebook: "/tap-water",
  datasets: ["plan-indicators", "plan-targets"],
  // The notebook's queries: national 农村自来水普及率 rows by year, and its plan target.
  data: (tables) => ({
    observed: (tables["plan-indicators"] ?? [])
      .filter((r) => r.indicator === "农村自来水普及率" && r.region_code === "CN")
      .sort(byYear)
      .map((d) => ({year: d.year, value: d.value as number, ...observationNote(d.indicator, d.region_code, d.year)})),
    planTarget: planTarget(tables["plan-targets"], (i) => i === "农村自来水普及率", "农村自来水普及率")
  }),
  observed: ({observed}) => ({coverage: observed.map((d) => ({x: d.year, y: fraction(d.value)}))}),
  headline: [
    {series: "coverage", x: HORIZON - 5},
    {series: "coverage", x: HORIZON}
  ],
  compare: {
    measures: [
      {series: "coverage", x: HORIZON - 5},
      {series: "coverage", x: HORIZON}
    ],
    target: {series: "coverage", value: 1, direction: ">="}
  },
  after: ({observed}) => observed[observed.length - 1].year
};

const incomeProvinces: ReportModel<IncomeProvincesData> = {
  id: "income-provinces",
  model: incomeProvincesModel,
  notebook: "/income-provinces",
  datasets: ["province-urban-income", "province-rural-income"],
  // The notebook's query: urban and rural rows joined on province and year, both present, by year then province. The
  // target ratio is the reader's choice on the page and is not in the report: the report uses the notebook's default.
  data: (tables) => {
    const rural = new Map((tables["province-rural-income"] ?? []).filter((r) => r.value !== null).map((r) => [`${r.region_code}|${r.year}`, r.value as number]));
    const observed = (tables["province-urban-income"] ?? [])
      .filter((u) => u.value !== null && rural.has(`${u.region_code}|${u.year}`))
      .map((u) => {
        const r = rural.get(`${u.region_code}|${u.year}`)!;
        const urban = u.value as number;
        return {region_code: String(u.region_code), region: u.region, year: u.year, urban, rural: r, ratio: urban / r, gap: urban - r};
      })
      .sort((a, b) => a.year - b.year || (a.region_code < b.region_code ? -1 : a.region_code > b.region_code ? 1 : 0));
    return {observed, targetRatio: DEFAULT_TARGET_RATIO};
  },
  // The ratio at the horizon of each province a scenario changes (every province when none does): the comparison
  // table below has all 31 with the plan year and the milestone, and 31 unchanged figures would hide the few that moved.
  headline: ({observed}, scenarios) => {
    const provinces = [...provinceStarts(observed).keys()];
    const changed = provinces.filter((z) => scenarios.some((s) => rowsDiffer(s.rows, scenarios[0].rows, z)));
    return (changed.length ? changed : provinces).map((z) => ({series: "ratio", x: HORIZON, z}));
  },
  // The notebook's locked columns, per province and compared scenario: the ratio in the plan year, the milestone and
  // the horizon, and the first year at the target ratio (the notebook's default: the reader's benchmark, not a plan
  // target; there is no official provincial target).
  compare: ({targetRatio = DEFAULT_TARGET_RATIO}) => ({
    measures: [PLAN_TARGET_YEAR, MILESTONE_YEAR, HORIZON].map((x) => ({series: "ratio", x})),
    target: {
      series: "ratio",
      value: targetRatio,
      direction: "<=",
      label: {zh: `收入比 ≤ ${targetRatio} 的首年（笔记本的默认参照值，不是规划目标）`, en: `First year the ratio is ≤ ${targetRatio} (the notebook's default benchmark, not a plan target)`}
    }
  }),
  perRow: {
    charts: [PLAN_TARGET_YEAR, HORIZON].map((x) => ({series: "ratio", x})),
    observedUntil: ({observed}) => {
      const starts = provinceStarts(observed);
      return (key) => starts.get(String(key))?.year ?? -Infinity;
    }
  }
};

const urbanization: ReportModel<UrbanizationData> = {
  id: "urbanization",
  model: urbanizationModel,
  notebook: "/urbanization",
  datasets: ["urbanization-national", "urbanization-province", "urbanization-hukou"],
  // The notebook's query: national rows and the hukou rows with a value, by year; the census-revised series on those
  // years (a year without a revised figure stays null).
  data: (tables) => {
    const national = [
      ...(tables["urbanization-national"] ?? []).filter((r) => r.region_code === "CN"),
      ...(tables["urbanization-hukou"] ?? []).filter((r) => r.region_code === "CN" && r.value !== null)
    ].sort(byYear);
    const years = [...new Set(national.map((d) => d.year))];
    const revised = years.map((year) => ({
      year,
      value: national.find((d) => d.year === year && d.indicator === "常住人口城镇化率（七普修订）" && d.value !== null)?.value ?? null
    }));
    return {revised};
  },
  observed: ({revised}) => ({rate: revised.map((d) => ({x: d.year, y: d.value})) as SeriesPoint[]}),
  headline: [
    {series: "rate", x: PLAN_TARGET_YEAR},
    {series: "rate", x: MILESTONE_YEAR},
    {series: "rate", x: HORIZON}
  ],
  compare: {
    measures: [
      {series: "rate", x: PLAN_TARGET_YEAR},
      {series: "rate", x: MILESTONE_YEAR},
      {series: "rate", x: HORIZON}
    ],
    // The notebook's default chosen rate: the reader's benchmark, not a plan target.
    target: {
      series: "rate",
      value: 75,
      direction: ">=",
      label: {zh: "城镇化率 ≥ 75% 的首年（笔记本的默认参照值，不是规划目标）", en: "First year the rate is ≥ 75% (the notebook's default benchmark, not a plan target)"}
    }
  },
  after: ({revised}) => lastObserved(revised).year
};

/** Every model a report can name, by model id. One line per notebook. */
export const REPORT_MODELS: Readonly<Record<string, ReportModel>> = {
  "income-gap": incomeGap,
  farmland,
  "tap-water": tapWater,
  "income-provinces": incomeProvinces,
  urbanization
};

/**
 * The report model with this id, or undefined.
 * @example reportModel("income-gap")?.notebook // "/income-gap"
 */
export function reportModel(id: string): ReportModel | undefined {
  return Object.hasOwn(REPORT_MODELS, id) ? REPORT_MODELS[id] : undefined;
}

// Whether two scenarios' rows for one region differ in any cell.
function rowsDiffer(rows: readonly ScenarioRow[], baseline: readonly ScenarioRow[], region: string): boolean {
  const [a, b] = [rows.find((r) => String(r.region) === region), baseline.find((r) => String(r.region) === region)];
  if (!a || !b) return a !== b;
  return Object.keys(a).some((key) => a[key] !== b[key]);
}
