// The recompute bench's workloads: each notebook's scenario model with SYNTHETIC data of the shape its page passes
// (made-up values from a seeded generator, never real statistics), and the column an edit types into.
import type {ScenarioModel} from "../components/scenario/model.js";
import {mulberry32} from "../components/model/random.js";
import {withGap} from "../components/model/incomeProjection.js";
import {incomeGapModel} from "../components/notebooks/incomeGapModel.js";

export interface Workload {
  model: ScenarioModel<any>;
  data: unknown;
  /** the editable column the bench types into */
  edit: string;
}

const random = mulberry32(42);

// SYNTHETIC: twelve years of made-up urban and rural income growing about 5-8% a year.
function syntheticIncomeHistory() {
  let urban = 26000;
  let rural = 9500;
  return withGap(
    Array.from({length: 12}, (_, i) => {
      if (i > 0) ((urban *= 1.05 + 0.02 * random()), (rural *= 1.07 + 0.02 * random()));
      return {year: 2013 + i, urban: Math.round(urban), rural: Math.round(rural)};
    })
  );
}

/** Name → a fresh workload. The first is the reference the others are compared with. */
export const WORKLOADS: Record<string, () => Workload> = {
  "income gap (11 years)": () => ({model: incomeGapModel, data: {history: syntheticIncomeHistory()}, edit: "rural"})
};
