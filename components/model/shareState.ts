import type {Scenario, ScenarioSet, StateResult} from "./scenarioState.js";

/** @example location.hash = encodeShare(set) // "v1.eyJh…" */
export function encodeShare(set: ScenarioSet): string {
  throw new Error("not implemented");
}
/** @example decodeShare(location.hash) // {ok: true, state} or {ok: false, error} */
export function decodeShare(hash: string): StateResult {
  throw new Error("not implemented");
}
/** @example exportJson(set) */
export function exportJson(set: ScenarioSet): string {
  throw new Error("not implemented");
}
/** @example importJson(text) */
export function importJson(text: string): StateResult {
  throw new Error("not implemented");
}
/** @example exportCsv(set) // "scenario,year,urban_growth_pct,rural_growth_pct\n…" */
export function exportCsv(set: ScenarioSet): string {
  throw new Error("not implemented");
}
/** @example importCsv(text, {baseline}) */
export function importCsv(text: string, {baseline}: {baseline?: Scenario} = {}): StateResult {
  throw new Error("not implemented");
}
