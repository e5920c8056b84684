// Named scenarios of one model: pure operations that return a new set, and the check every state from outside
// (storage, a link, a file) passes before it is used. A scenario's rows must have exactly the baseline's row keys, in
// order, and every cell a finite number within its column's bounds: a state that would not project is refused here,
// not discovered later as an error on the page.
import {t} from "../i18n.js";
import type {ModelColumn, RowKey, ScenarioModel, ScenarioRow} from "./model.js";
import {FORBIDDEN_KEYS} from "./safeJson.js";

/** A named set of rows. The baseline (derived from the data) is read-only. */
export interface Scenario {
  id: string;
  name: string;
  rows: ScenarioRow[];
  readonly?: boolean;
}

/** Every scenario an analyst has, which one is being edited, and which (up to 3) are compared. */
export interface ScenarioSet {
  version: 1;
  activeId: string;
  scenarios: Scenario[];
  compare: string[];
}

/** Outcome of reading state from outside: a clean copy or a message, never a throw. */
export type StateResult = {ok: true; state: ScenarioSet} | {ok: false; error: string};

export const BASELINE_ID = "baseline";

export const LIMITS = {maxScenarios: 20, maxName: 60, maxCompare: 3} as const;

const ID = /^[A-Za-z0-9_-]{1,40}$/;

/** What the checks compare a scenario's rows against: the model's columns and the baseline's row keys. */
export interface RowShape {
  rowKey: string;
  keys: readonly RowKey[];
  columns: readonly ModelColumn[];
}

/**
 * The shape rows must have for this model on this page's data.
 * @example rowShape(model, baseline.rows).keys // [2025, 2026, …, 2035]
 */
export function rowShape(model: ScenarioModel<any>, baselineRows: readonly ScenarioRow[]): RowShape {
  return {rowKey: model.rowKey.key, keys: baselineRows.map((r) => r[model.rowKey.key] as RowKey), columns: model.columns};
}

/**
 * A set holding only the read-only baseline, active and compared.
 * @example initialSet(shape, baseline.rows)
 */
export function initialSet(shape: RowShape, baselineRows: readonly ScenarioRow[]): ScenarioSet {
  const baseline: Scenario = {
    id: BASELINE_ID,
    name: t({zh: "基线", en: "Baseline"}),
    rows: checkRows(baselineRows, shape),
    readonly: true
  };
  return {version: 1, activeId: BASELINE_ID, scenarios: [baseline], compare: [BASELINE_ID]};
}

/**
 * Adds a user scenario (rows copied from the baseline unless given), makes it active and compares it.
 * @example createScenario(set, shape, {name: "快速增长"})
 */
export function createScenario(
  set: ScenarioSet,
  shape: RowShape,
  {name, rows}: {name?: string; rows?: readonly ScenarioRow[]} = {}
): ScenarioSet {
  checkRoom(set);
  const id = nextId(set);
  const source = set.scenarios.find((s) => s.readonly) ?? find(set, set.activeId);
  const scenario: Scenario = {id, name: checkName(name ?? defaultName(set)), rows: checkRows(rows ?? source.rows, shape)};
  return withCompared({...set, activeId: id, scenarios: [...set.scenarios, scenario]}, id);
}

/**
 * The first edit of the read-only baseline: a new scenario holding the baseline plus that edit, active and
 * compared; the baseline is unchanged.
 * @example forkBaseline(set, shape, editedRows).activeId // "s1"
 */
export function forkBaseline(set: ScenarioSet, shape: RowShape, rows: readonly ScenarioRow[]): ScenarioSet {
  return createScenario(set, shape, {rows});
}

/**
 * Copies a scenario as a new editable one named "… 副本" / "… copy" unless named, and makes it active.
 * @example duplicateScenario(set, shape, "baseline")
 */
export function duplicateScenario(set: ScenarioSet, shape: RowShape, id: string, name?: string): ScenarioSet {
  checkRoom(set);
  const source = find(set, id);
  const copyName = name ?? `${source.name.slice(0, LIMITS.maxName - 5)} ${t({zh: "副本", en: "copy"})}`;
  const scenario: Scenario = {id: nextId(set), name: checkName(copyName), rows: checkRows(source.rows, shape)};
  return {...set, activeId: scenario.id, scenarios: [...set.scenarios, scenario]};
}

/**
 * Renames a user scenario; the baseline keeps its name.
 * @example renameScenario(set, "s1", "高增长")
 */
export function renameScenario(set: ScenarioSet, id: string, name: string): ScenarioSet {
  checkEditable(find(set, id));
  const checked = checkName(name);
  return {...set, scenarios: set.scenarios.map((s) => (s.id === id ? {...s, name: checked} : s))};
}

/**
 * Removes a user scenario (never the baseline); if it was active the baseline becomes active.
 * @example deleteScenario(set, "s1")
 */
export function deleteScenario(set: ScenarioSet, id: string): ScenarioSet {
  checkEditable(find(set, id));
  const scenarios = set.scenarios.filter((s) => s.id !== id);
  const fallback = scenarios.find((s) => s.readonly) ?? scenarios[0];
  if (!fallback) throw new Error(t({zh: "不能删除最后一个情景", en: "cannot delete the last scenario"}));
  const compare = set.compare.filter((c) => c !== id);
  return {
    ...set,
    scenarios,
    activeId: set.activeId === id ? fallback.id : set.activeId,
    compare: compare.length ? compare : [fallback.id]
  };
}

/**
 * Chooses the scenario the grid edits.
 * @example setActive(set, "s1")
 */
export function setActive(set: ScenarioSet, id: string): ScenarioSet {
  find(set, id);
  return {...set, activeId: id};
}

/**
 * Chooses up to three scenarios to compare, in order.
 * @example setCompare(set, ["baseline", "s1"])
 */
export function setCompare(set: ScenarioSet, ids: readonly string[]): ScenarioSet {
  const unique = [...new Set(ids)];
  if (unique.length > LIMITS.maxCompare)
    throw new Error(t({zh: `最多比较 ${LIMITS.maxCompare} 个情景`, en: `compare at most ${LIMITS.maxCompare} scenarios`}));
  unique.forEach((id) => find(set, id));
  return {...set, compare: unique};
}

/**
 * Replaces a user scenario's rows (checked against the shape).
 * @example updateRows(set, shape, "s1", rows)
 */
export function updateRows(set: ScenarioSet, shape: RowShape, id: string, rows: readonly ScenarioRow[]): ScenarioSet {
  checkEditable(find(set, id));
  const checked = checkRows(rows, shape);
  return {...set, scenarios: set.scenarios.map((s) => (s.id === id ? {...s, rows: checked} : s))};
}

/**
 * Checks state from outside and returns a fresh copy holding only known fields, or a message naming the first
 * problem (`scenarios[1].rows[0].year: …`). Rows must match the shape: the same row keys in the same order, and each
 * column's value finite and within bounds. Never throws.
 * @example validateSet(JSON.parse(localStorage.getItem(key) ?? "null"), shape)
 */
export function validateSet(input: unknown, shape: RowShape): StateResult {
  try {
    const bad = forbiddenKeyPath(input, "state", 0);
    if (bad) throw new Error(bad);
    const o = record(input, "state");
    if (o.version !== 1) throw new Error(`version: ${t({zh: "未知版本", en: "unknown version"})} ${short(o.version)}`);
    const scenarios = array(o.scenarios, "scenarios");
    if (scenarios.length < 1 || scenarios.length > LIMITS.maxScenarios)
      throw new Error(`scenarios: ${t({zh: "需要", en: "needs"})} 1-${LIMITS.maxScenarios}, ${t({zh: "实有", en: "got"})} ${scenarios.length}`);
    const ids = new Set<string>();
    const clean = scenarios.map((item, i): Scenario => {
      const path = `scenarios[${i}]`;
      const s = record(item, path);
      if (typeof s.id !== "string" || !ID.test(s.id)) throw new Error(`${path}.id: ${t({zh: "无效", en: "invalid"})} ${short(s.id)}`);
      if (ids.has(s.id)) throw new Error(`${path}.id: ${t({zh: "重复", en: "duplicate"})} ${short(s.id)}`);
      ids.add(s.id);
      if (s.readonly !== undefined && typeof s.readonly !== "boolean")
        throw new Error(`${path}.readonly: ${t({zh: "应为布尔值", en: "must be a boolean"})}`);
      const name = prefixed(`${path}.name`, () => checkName(s.name));
      const rows = prefixed(`${path}.rows`, () => checkRows(array(s.rows, "rows"), shape));
      return s.readonly ? {id: s.id, name, rows, readonly: true} : {id: s.id, name, rows};
    });
    if (typeof o.activeId !== "string" || !ids.has(o.activeId))
      throw new Error(`activeId: ${t({zh: "没有情景", en: "no such scenario"})} ${short(o.activeId)}`);
    const compare = array(o.compare, "compare");
    if (compare.length > LIMITS.maxCompare) throw new Error(`compare: ${t({zh: "最多", en: "at most"})} ${LIMITS.maxCompare}`);
    compare.forEach((c, i) => {
      if (typeof c !== "string" || !ids.has(c)) throw new Error(`compare[${i}]: ${t({zh: "没有情景", en: "no such scenario"})} ${short(c)}`);
    });
    return {ok: true, state: {version: 1, activeId: o.activeId, scenarios: clean, compare: [...new Set(compare as string[])]}};
  } catch (error) {
    return {ok: false, error: `${t({zh: "情景数据无效", en: "invalid scenario state"})}: ${(error as Error).message}`};
  }
}

/**
 * The set with this page's baseline in place of whatever the state said it was (the baseline always comes from the
 * data), other read-only entries dropped, and active/compare pointing at scenarios that exist.
 * @example withBaseline(linkedState, initialSet(shape, baseline.rows))
 */
export function withBaseline(state: ScenarioSet, fresh: ScenarioSet): ScenarioSet {
  const base = fresh.scenarios[0];
  const others = state.scenarios.filter((s) => s.id !== BASELINE_ID && !s.readonly);
  const ids = new Set([BASELINE_ID, ...others.map((s) => s.id)]);
  const compare = state.compare.filter((id) => ids.has(id));
  return {
    version: 1,
    activeId: ids.has(state.activeId) ? state.activeId : BASELINE_ID,
    scenarios: [base, ...others],
    compare: compare.length ? compare : [BASELINE_ID]
  };
}

/**
 * Checks rows against the shape: the same keys in the same order, and every column a finite number within bounds.
 * @example checkRows([{year: 2025, rate: 0.05}], shape)
 */
export function checkRows(rows: readonly unknown[], shape: RowShape): ScenarioRow[] {
  const {rowKey, keys, columns} = shape;
  if (rows.length !== keys.length)
    throw new Error(
      t({
        zh: `应有 ${keys.length} 行（${describeKeys(keys)}），实有 ${rows.length} 行`,
        en: `expected ${keys.length} rows (${describeKeys(keys)}), got ${rows.length}`
      })
    );
  return rows.map((item, i) => {
    const row = record(item, `[${i}]`);
    if (row[rowKey] !== keys[i])
      throw new Error(`[${i}].${rowKey}: ${t({zh: `应为 ${short(keys[i])}，实为`, en: `expected ${short(keys[i])}, got`})} ${short(row[rowKey])}`);
    const out: ScenarioRow = {[rowKey]: keys[i]};
    for (const column of columns) {
      const value = row[column.key];
      if (typeof value !== "number" || !Number.isFinite(value) || value < column.min || value > column.max) {
        throw new Error(
          `[${i}].${column.key} (${short(keys[i])}): ${short(value)} ${t({zh: "不在", en: "is not within"})} ${column.min}…${column.max}`
        );
      }
      out[column.key] = value === 0 ? 0 : value;
    }
    return out;
  });
}

function describeKeys(keys: readonly RowKey[]): string {
  if (keys.length === 0) return "—";
  return typeof keys[0] === "number" ? `${keys[0]}-${keys[keys.length - 1]}` : `${keys[0]}…${keys[keys.length - 1]}`;
}

function defaultName(set: ScenarioSet): string {
  const names = new Set(set.scenarios.map((s) => s.name));
  let n = 1;
  const name = (k: number) => t({zh: `情景 ${k}`, en: `Scenario ${k}`});
  while (names.has(name(n))) n++;
  return name(n);
}

function withCompared(set: ScenarioSet, id: string): ScenarioSet {
  if (set.compare.includes(id) || set.compare.length >= LIMITS.maxCompare) return set;
  return {...set, compare: [...set.compare, id]};
}

function find(set: ScenarioSet, id: string): Scenario {
  const scenario = set.scenarios.find((s) => s.id === id);
  if (!scenario) throw new Error(`${t({zh: "没有情景", en: "no such scenario"})} ${short(id)}`);
  return scenario;
}

function checkEditable(scenario: Scenario): void {
  if (scenario.readonly) throw new Error(t({zh: `情景“${scenario.name}”只读`, en: `scenario "${scenario.name}" is read-only`}));
}

function checkRoom(set: ScenarioSet): void {
  if (set.scenarios.length >= LIMITS.maxScenarios)
    throw new Error(t({zh: `最多 ${LIMITS.maxScenarios} 个情景`, en: `at most ${LIMITS.maxScenarios} scenarios`}));
}

// Ids are s1, s2, …: the smallest unused, so the same actions always give the same ids.
function nextId(set: ScenarioSet): string {
  const used = new Set(set.scenarios.map((s) => s.id));
  let n = 1;
  while (used.has(`s${n}`)) n++;
  return `s${n}`;
}

/**
 * A scenario name: text, trimmed, not empty, at most 60 characters, no control characters.
 * @example checkName(" 高增长 ") // "高增长"
 */
export function checkName(name: unknown): string {
  if (typeof name !== "string") throw new Error(`${t({zh: "名称应为文字", en: "name must be text"})}: ${short(name)}`);
  const trimmed = name.trim();
  if (trimmed === "") throw new Error(t({zh: "名称不能为空", en: "name must not be empty"}));
  if ([...trimmed].length > LIMITS.maxName)
    throw new Error(t({zh: `名称最多 ${LIMITS.maxName} 个字符`, en: `name longer than ${LIMITS.maxName} characters`}));
  // Control characters would break the CSV export and the page's text; nobody types them on purpose.
  if (/[\u0000-\u001f\u007f]/.test(trimmed)) throw new Error(t({zh: "名称含控制字符", en: "name contains control characters"}));
  return trimmed;
}

function record(x: unknown, path: string): Record<string, unknown> {
  if (typeof x !== "object" || x === null || Array.isArray(x)) throw new Error(`${path}: ${t({zh: "应为对象", en: "must be an object"})}`);
  return x as Record<string, unknown>;
}

function array(x: unknown, path: string): unknown[] {
  if (!Array.isArray(x)) throw new Error(`${path}: ${t({zh: "应为数组", en: "must be an array"})}`);
  return x;
}

function prefixed<T>(path: string, f: () => T): T {
  try {
    return f();
  } catch (error) {
    const message = (error as Error).message;
    throw new Error(message.startsWith("[") ? `${path}${message}` : `${path}: ${message}`);
  }
}

// Own keys only: a JSON.parse'd "__proto__" is an own property, and a crafted object must not reach a spread.
function forbiddenKeyPath(x: unknown, path: string, depth: number): string | null {
  if (depth > 8) return `${path}: ${t({zh: "嵌套过深", en: "nested too deeply"})}`;
  if (typeof x !== "object" || x === null) return null;
  for (const key of Object.keys(x)) {
    if (FORBIDDEN_KEYS.has(key)) return `${path}.${key}: ${t({zh: "不允许的键", en: "forbidden key"})}`;
    const found = forbiddenKeyPath((x as Record<string, unknown>)[key], Array.isArray(x) ? `${path}[${key}]` : `${path}.${key}`, depth + 1);
    if (found) return found;
  }
  return null;
}

export function short(x: unknown): string {
  let text: string;
  try {
    // JSON writes NaN and ±Infinity as null, which would name the wrong value in a message.
    text = typeof x === "string" ? JSON.stringify(x) : typeof x === "number" ? String(x) : String(JSON.stringify(x) ?? x);
  } catch {
    text = String(x);
  }
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}
