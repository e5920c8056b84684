import type {GrowthRow} from "./assumptions.js";

/** A named set of growth assumptions. The baseline is read-only. */
export interface Scenario {
  id: string;
  name: string;
  rows: GrowthRow[];
  readonly?: boolean;
}

/** Every scenario an analyst has, which one is edited, and which (up to 3) are compared. */
export interface ScenarioSet {
  version: 1;
  activeId: string;
  scenarios: Scenario[];
  compare: string[];
}

export type StateResult = {ok: true; state: ScenarioSet} | {ok: false; error: string};

export const BASELINE_ID = "baseline";
export const LIMITS = {maxScenarios: 20, maxName: 60, maxCompare: 3, minRate: -0.5, maxRate: 0.5, minYear: 1950, maxYear: 2100};

/** @example initialSet(baselineGrowth(history).rows) */
export function initialSet(baselineRows: readonly GrowthRow[], {name = "基线 Baseline"}: {name?: string} = {}): ScenarioSet {
  throw new Error("not implemented");
}
/** @example createScenario(set, {name: "快速增长", rows}) */
export function createScenario(set: ScenarioSet, {name, rows}: {name?: string; rows?: readonly GrowthRow[]} = {}): ScenarioSet {
  throw new Error("not implemented");
}
/** @example duplicateScenario(set, "baseline") */
export function duplicateScenario(set: ScenarioSet, id: string, name?: string): ScenarioSet {
  throw new Error("not implemented");
}
/** @example renameScenario(set, "s1", "高增长") */
export function renameScenario(set: ScenarioSet, id: string, name: string): ScenarioSet {
  throw new Error("not implemented");
}
/** @example deleteScenario(set, "s1") */
export function deleteScenario(set: ScenarioSet, id: string): ScenarioSet {
  throw new Error("not implemented");
}
/** @example setActive(set, "s1") */
export function setActive(set: ScenarioSet, id: string): ScenarioSet {
  throw new Error("not implemented");
}
/** @example setCompare(set, ["baseline", "s1"]) */
export function setCompare(set: ScenarioSet, ids: readonly string[]): ScenarioSet {
  throw new Error("not implemented");
}
/** @example updateRows(set, "s1", rows) */
export function updateRows(set: ScenarioSet, id: string, rows: readonly GrowthRow[]): ScenarioSet {
  throw new Error("not implemented");
}
/** @example validateState(JSON.parse(localStorage.getItem("scenarios"))) */
export function validateState(input: unknown): StateResult {
  throw new Error("not implemented");
}
