// The recompute bench's workloads: each notebook's scenario model with SYNTHETIC data of the shape its page passes
// (made-up values from a seeded generator, never real statistics), and the column an edit types into. The first is
// the reference the others are compared with: the provinces model restricted to one synthetic region.
import type {ScenarioModel} from "../components/scenario/model.js";
import {mulberry32} from "../components/model/random.js";
import {withGap} from "../components/model/incomeProjection.js";
import {incomeGapModel} from "../components/notebooks/incomeGapModel.js";
import {incomeProvincesModel} from "../components/notebooks/incomeProvincesModel.js";
import {farmlandModel} from "../components/notebooks/farmlandModel.js";
import {tapWaterModel} from "../components/notebooks/tapWaterModel.js";
import {urbanizationModel} from "../components/notebooks/urbanizationModel.js";

export interface Workload {
  model: ScenarioModel<any>;
  data: unknown;
  /** the editable column the bench types into */
  edit: string;
  /** the scenario charts the notebook redraws on every edit: a series, and for a series with a line per region the one drawn */
  charts: {series: string; z?: string}[];
  /** the page also redraws a sensitivity table, a tornado and a 1000-run Monte Carlo band on every edit */
  analyses?: boolean;
}

const random = mulberry32(42);

// SYNTHETIC: years of made-up urban and rural income growing about 5-9% a year.
function syntheticIncome(first: number, last: number) {
  let urban = 20000 + 20000 * random();
  let rural = 8000 + 8000 * random();
  return Array.from({length: last - first + 1}, (_, i) => {
    if (i > 0) ((urban *= 1.05 + 0.02 * random()), (rural *= 1.07 + 0.02 * random()));
    return {year: first + i, urban: Math.round(urban), rural: Math.round(rural)};
  });
}

// SYNTHETIC: `n` made-up provinces (codes 110000, 120000, …), 2013-2019.
function syntheticProvinces(n: number) {
  return Array.from({length: n}, (_, i) => {
    const code = String(110000 + i * 10000);
    return syntheticIncome(2013, 2019).map((d) => ({...d, region_code: code, region: `合成 Synthetic ${i + 1}`}));
  }).flat();
}

/** Name → a fresh workload. */
export const WORKLOADS: Record<string, () => Workload> = {
  // The provinces page draws the picked province's ratio for the compared scenarios.
  "income by province, 1 region": () => ({model: incomeProvincesModel, data: {observed: syntheticProvinces(1)}, edit: "rural", charts: [{series: "ratio", z: "110000"}]}),
  "income by province, 31 regions": () => ({model: incomeProvincesModel, data: {observed: syntheticProvinces(31)}, edit: "rural", charts: [{series: "ratio", z: "110000"}]}),
  // The income page: the active scenario's ratio, and the compared ratio and gap.
  "income gap (11 years)": () => ({
    model: incomeGapModel,
    data: {history: withGap(syntheticIncome(2013, 2024))},
    edit: "rural",
    charts: [{series: "ratio"}, {series: "ratio"}, {series: "gap"}],
    analyses: true
  }),
  "farmland (7 years)": () => ({
    model: farmlandModel({year: 2025, value: 107500}),
    data: {national: [{year: 2020, value: 80000}, {year: 2022, value: 95000 + 1000 * random()}], planTarget: {year: 2025, value: 107500}},
    edit: "added",
    charts: [{series: "cumulative"}, {series: "cumulative"}]
  }),
  "tap water (10 years)": () => ({
    model: tapWaterModel({year: 2025, value: 88}),
    data: {observed: [{year: 2020, value: 83}, {year: 2025, value: 90 + random()}], planTarget: {year: 2025, value: 88}},
    edit: "gain",
    charts: [{series: "coverage"}, {series: "coverage"}]
  }),
  "urbanisation (11 years)": () => ({
    model: urbanizationModel,
    data: {revised: Array.from({length: 15}, (_, i) => ({year: 2010 + i, value: 50 + i + random()}))},
    edit: "rise",
    charts: [{series: "rate"}]
  })
};
