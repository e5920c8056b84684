import {projector, type Projection, type ScenarioModel} from "./model.js";
import type {Scenario, ScenarioSet} from "./scenarioSet.js";

/** A scenario with its projection. */
export interface ScenarioResult {
  scenario: Scenario;
  projection: Projection;
}

/** The active scenario's and the compared scenarios' projections, each computed once. */
export interface ScenarioResults {
  active: ScenarioResult;
  compared: ScenarioResult[];
  baseline: ScenarioResult;
}

/**
 * Projects what a page draws from a scenario set: the active scenario, the compared ones (in order) and the baseline.
 * @example const {active, compared} = scenarioResults(model, data, scenarios)
 */
export function scenarioResults<D>(model: ScenarioModel<D>, data: D, set: ScenarioSet): ScenarioResults {
  const project = projector(model, data);
  const result = (scenario: Scenario): ScenarioResult => ({scenario, projection: project(scenario.rows)});
  const byId = new Map(set.scenarios.map((s) => [s.id, s]));
  const active = byId.get(set.activeId) ?? set.scenarios[0];
  const baseline = set.scenarios.find((s) => s.readonly) ?? set.scenarios[0];
  return {
    active: result(active),
    baseline: result(baseline),
    compared: set.compare.map((id) => byId.get(id)).filter((s): s is Scenario => s !== undefined).map(result)
  };
}
