// The one thing a notebook declares to get a scenario panel: its scenario model. Everything else (grid, named
// scenarios, compare, storage, share links, files, solve, sensitivity, Monte Carlo) reads this schema and nothing
// else, so the scenario core never names a notebook's quantities.
import type {ColumnSpec} from "../model/gridCell.js";
import {t, type Text} from "../i18n.js";

/** A row key: a year (number) or a region code (string). */
export type RowKey = number | string;

/** One row of a scenario: the row key under `model.rowKey.key`, and a number per editable column. */
export type ScenarioRow = Record<string, RowKey | number>;

/** An editable column: how a typed cell is read and shown, its bounds, and its names. */
export interface ModelColumn {
  key: string;
  label: Text;
  /** unit as shown after the label, e.g. "%/年" or "万亩" */
  unit?: Text;
  /** percent columns hold fractions (0.065 for 6.5%); amounts accept 万/亿 suffixes */
  kind: ColumnSpec["kind"];
  form?: ColumnSpec["form"];
  min: number;
  max: number;
  digits?: number;
  /** amount columns: base units in one stored unit (10000 for 万亩), so 万/亿 typed in a cell mean what they say */
  scale?: number;
  /** CSV column name (default: key, or key_pct for percent columns) */
  csv?: string;
}

/** One output series of a projection, drawn against x (a year). */
export interface SeriesSpec {
  key: string;
  label: Text;
  /** how values are written: "percent", "ratio", "number", "integer" or a unit such as "元" or "万亩" */
  format: string;
  digits?: number;
}

/** A computed, read-only grid column. */
export interface LockedSpec {
  key: string;
  label: Text;
  format: string;
  digits?: number;
}

/** A target a series should reach: at or above (">=") or at or below ("<=") `value` by `x`. */
export interface TargetSpec {
  id: string;
  series: string;
  x: number;
  value: number;
  direction: ">=" | "<=";
  label: Text;
  /** where the target was set, shown with it */
  source?: Text;
}

/** What `project` returns: one value per grid row for each locked column, and series for the charts. */
export interface Projection {
  locked: Record<string, readonly (number | string | null)[]>;
  series: Record<string, readonly SeriesPoint[]>;
}

export interface SeriesPoint {
  x: number;
  y: number | null;
  /** what the series is for this point, e.g. a region code when a series holds one line per region */
  z?: string;
}

/** The baseline scenario, derived from the page's data, and the rule that made it in words. */
export interface Baseline {
  rows: ScenarioRow[];
  rule: Text;
}

/**
 * A scenario model. `D` is whatever the page passes as data (observed history, start values).
 */
export interface ScenarioModel<D = unknown> {
  /** lower-case id: names the storage key and the share-link entry ("income-gap") */
  id: string;
  title: Text;
  rowKey: {key: string; label: Text; kind: "year" | "region"};
  /** how a row key is shown (e.g. a region code as its name); default: the key itself */
  rowName?: (key: RowKey, data: D) => string;
  columns: readonly ModelColumn[];
  baseline(data: D): Baseline;
  /** rows (every cell filled) and the data → locked columns and series; pure and fast (it runs on every edit) */
  project(rows: readonly ScenarioRow[], data: D): Projection;
  /** optional: one series alone, as `project(rows, data).series[key]` gives it; Monte Carlo uses it when present */
  projectSeries?(rows: readonly ScenarioRow[], data: D, key: string): readonly SeriesPoint[];
  locked?: readonly LockedSpec[];
  series?: readonly SeriesSpec[];
  targets?: readonly TargetSpec[];
  /** share-link version of this model's state (default 1) and readers of links older than the envelope */
  share?: {version?: number; legacy?: (payload: string) => unknown};
}

const MODEL_ID = /^[a-z][a-z0-9-]{0,39}$/;
const COLUMN_KEY = /^[A-Za-z][A-Za-z0-9_]{0,39}$/;

/**
 * Checks a model's schema once, at import time, so a mistake shows as one message naming the field.
 * @example export const farmland = defineModel({id: "farmland", ...})
 */
export function defineModel<D>(model: ScenarioModel<D>): ScenarioModel<D> {
  const fail = (field: string, why: string) => {
    throw new Error(`scenario model ${JSON.stringify(model?.id)}: ${field}: ${why}`);
  };
  if (typeof model.id !== "string" || !MODEL_ID.test(model.id)) fail("id", "lower-case letters, digits and -");
  if (!COLUMN_KEY.test(model.rowKey?.key ?? "")) fail("rowKey.key", "a plain identifier");
  if (model.rowKey.kind !== "year" && model.rowKey.kind !== "region") fail("rowKey.kind", `"year" or "region"`);
  if (!Array.isArray(model.columns) || model.columns.length === 0) fail("columns", "at least one editable column");
  const keys = new Set([model.rowKey.key]);
  for (const [i, c] of model.columns.entries()) {
    if (!COLUMN_KEY.test(c.key ?? "")) fail(`columns[${i}].key`, "a plain identifier");
    if (keys.has(c.key)) fail(`columns[${i}].key`, `duplicate ${c.key}`);
    keys.add(c.key);
    if (!(Number.isFinite(c.min) && Number.isFinite(c.max) && c.min < c.max)) fail(`columns[${i}]`, "min < max, both finite");
    if (!["percent", "points", "number", "amount"].includes(c.kind)) fail(`columns[${i}].kind`, c.kind);
  }
  for (const [i, l] of (model.locked ?? []).entries()) if (keys.has(l.key)) fail(`locked[${i}].key`, `duplicate ${l.key}`);
  const series = new Set((model.series ?? []).map((s) => s.key));
  for (const [i, target] of (model.targets ?? []).entries()) {
    if (!series.has(target.series)) fail(`targets[${i}].series`, `no series ${target.series}`);
    if (target.direction !== ">=" && target.direction !== "<=") fail(`targets[${i}].direction`, `">=" or "<="`);
  }
  if (typeof model.baseline !== "function" || typeof model.project !== "function") fail("baseline/project", "functions");
  return model;
}

/**
 * The grid's column spec for a model column, in the current language ("农村增速 %/年").
 * @example gridColumns(model).map((c) => c.label)
 */
export function gridColumns(model: ScenarioModel<any>): ColumnSpec[] {
  return model.columns.map((c) => ({
    key: c.key,
    label: c.unit ? `${t(c.label)} ${t(c.unit)}` : t(c.label),
    kind: c.kind,
    form: c.form,
    min: c.min,
    max: c.max,
    digits: c.digits,
    scale: c.scale
  }));
}

/**
 * A series' value at x, or null when the projection has no such point.
 * @example seriesAt(projection, "ratio", 2035)
 */
export function seriesAt(projection: Projection, series: string, x: number, z?: string): number | null {
  const point = projection.series[series]?.find((p) => p.x === x && (z === undefined || p.z === z));
  return point?.y ?? null;
}

/**
 * The first x at which a series meets the target (from `after` on), or null.
 * @example firstMeeting(projection, {series: "ratio", value: 2, direction: "<="}) // 2031
 */
export function firstMeeting(
  projection: Projection,
  {series, value, direction}: {series: string; value: number; direction: ">=" | "<="},
  {after = -Infinity, z}: {after?: number; z?: string} = {}
): number | null {
  for (const p of projection.series[series] ?? []) {
    if (p.x <= after || p.y === null || (z !== undefined && p.z !== z)) continue;
    if (direction === ">=" ? p.y >= value : p.y <= value) return p.x;
  }
  return null;
}

/**
 * `model.project` with one result per rows array: the grid, the charts and the compare table of one render share it.
 * @example const project = projector(model, data); project(rows) === project(rows) // true
 */
export function projector<D>(model: ScenarioModel<D>, data: D): (rows: readonly ScenarioRow[]) => Projection {
  const cache = new WeakMap<readonly ScenarioRow[], Projection>();
  return (rows) => {
    let result = cache.get(rows);
    if (!result) cache.set(rows, (result = model.project(rows, data)));
    return result;
  };
}
