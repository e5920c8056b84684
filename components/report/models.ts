// The models a report can be published from: for each model id, the model, the datasets its notebook reads, how the
// report page rebuilds the model's data from those tidy tables (the same figures the notebook's query gives), the
// headline figures recorded at publication, and the comparison the report shows.
import type {Text} from "../i18n.js";
import {HORIZON, PLAN_TARGET_YEAR} from "../plan.js";
import type {SeriesPoint} from "../scenario/model.js";
import type {CompareMeasure} from "../scenario/compareTable.js";
import {incomeYears} from "../model/incomeRows.js";
import {withGap} from "../model/incomeProjection.js";
import {incomeGapModel, type IncomeGapData} from "../notebooks/incomeGapModel.js";
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
  /** the compare table: series at years, and a reference value whose first meeting year is shown */
  compare: {measures: readonly CompareMeasure[]; target?: {series: string; value: number; direction: ">=" | "<="; label?: Text}};
  /** projections start after this x (the last observed year), so a target met in the data is not counted */
  after?(data: D): number;
}

const incomeGap: ReportModel<IncomeGapData> = {
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

/** Every model a report can name, by model id. One line per notebook. */
export const REPORT_MODELS: Readonly<Record<string, ReportModel>> = {
  "income-gap": incomeGap,
  // "farmland": farmlandReport,            ← components/notebooks/farmlandModel.ts
  // "tap-water": tapWaterReport,           ← components/notebooks/tapWaterModel.ts
  // "income-provinces": incomeProvincesReport, ← components/notebooks/incomeProvincesModel.ts
  // "urbanization": urbanizationReport,    ← components/notebooks/urbanizationModel.ts
};

/**
 * The report model with this id, or undefined.
 * @example reportModel("income-gap")?.notebook // "/income-gap"
 */
export function reportModel(id: string): ReportModel | undefined {
  return Object.hasOwn(REPORT_MODELS, id) ? REPORT_MODELS[id] : undefined;
}
