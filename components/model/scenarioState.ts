import type {GrowthRow} from "./assumptions.js";

/** A named set of growth assumptions. The baseline (derived from the data) is read-only. */
export interface Scenario {
  id: string;
  name: string;
  rows: GrowthRow[];
  readonly?: boolean;
}

/** Every scenario an analyst has, which one is being edited, and which (up to 3) are compared side by side. */
export interface ScenarioSet {
  version: 1;
  activeId: string;
  scenarios: Scenario[];
  compare: string[];
}

/** Outcome of reading state from outside (storage, a URL, a file): a clean copy or a readable message, never a throw. */
export type StateResult = {ok: true; state: ScenarioSet} | {ok: false; error: string};

export const BASELINE_ID = "baseline";

/** Bounds every state must respect, whatever its origin. */
export const LIMITS = {
  maxScenarios: 20,
  maxName: 60,
  maxCompare: 3,
  minRate: -0.5,
  maxRate: 0.5,
  minYear: 1950,
  maxYear: 2100
} as const;

const FORBIDDEN_KEYS = new Set(["__proto__", "constructor", "prototype"]);
const ID = /^[A-Za-z0-9_-]{1,40}$/;

/**
 * A set holding only the read-only baseline, which is active and compared.
 * @example initialSet(baselineGrowth(history).rows)
 */
export function initialSet(
  baselineRows: readonly GrowthRow[],
  {name = "基线 Baseline"}: {name?: string} = {}
): ScenarioSet {
  const baseline: Scenario = {id: BASELINE_ID, name: checkName(name), rows: checkRows(baselineRows), readonly: true};
  return {version: 1, activeId: BASELINE_ID, scenarios: [baseline], compare: [BASELINE_ID]};
}

/**
 * Adds a user scenario (rows copied from the baseline unless given) and makes it active.
 * @example createScenario(set, {name: "快速增长"})
 */
export function createScenario(
  set: ScenarioSet,
  {name, rows}: {name?: string; rows?: readonly GrowthRow[]} = {}
): ScenarioSet {
  checkRoom(set);
  const id = nextId(set);
  const source = set.scenarios.find((s) => s.readonly) ?? find(set, set.activeId);
  const scenario: Scenario = {
    id,
    name: checkName(name ?? `情景 ${id.slice(1)} / Scenario ${id.slice(1)}`),
    rows: checkRows(rows ?? source.rows)
  };
  return {...set, activeId: id, scenarios: [...set.scenarios, scenario]};
}

/**
 * Copies a scenario (the baseline too) as a new editable one named "… 副本" unless named, and makes it active.
 * @example duplicateScenario(set, "baseline")
 */
export function duplicateScenario(set: ScenarioSet, id: string, name?: string): ScenarioSet {
  checkRoom(set);
  const source = find(set, id);
  const copyName = name ?? `${source.name.slice(0, LIMITS.maxName - 3)} 副本`;
  const scenario: Scenario = {id: nextId(set), name: checkName(copyName), rows: checkRows(source.rows)};
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
  if (!fallback) throw new Error("不能删除最后一个情景 / cannot delete the last scenario");
  return {
    ...set,
    scenarios,
    activeId: set.activeId === id ? fallback.id : set.activeId,
    compare: set.compare.filter((c) => c !== id)
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
    throw new Error(`最多比较 ${LIMITS.maxCompare} 个情景 / compare at most ${LIMITS.maxCompare} scenarios`);
  unique.forEach((id) => find(set, id));
  return {...set, compare: unique};
}

/**
 * Replaces a user scenario's growth rows (checked: consecutive integer years, rates within ±50%).
 * @example updateRows(set, "s1", constantGrowth(2025, 2035, {urban: 0.05, rural: 0.07}))
 */
export function updateRows(set: ScenarioSet, id: string, rows: readonly GrowthRow[]): ScenarioSet {
  checkEditable(find(set, id));
  const checked = checkRows(rows);
  return {...set, scenarios: set.scenarios.map((s) => (s.id === id ? {...s, rows: checked} : s))};
}

/**
 * Checks state from outside (localStorage, a shared URL, an imported file) and returns a fresh copy holding only the
 * known fields, or a bilingual message naming the first problem. Never throws.
 * @example validateState(JSON.parse(localStorage.getItem("scenarios") ?? "null"))
 */
export function validateState(input: unknown): StateResult {
  try {
    const bad = forbiddenKeyPath(input, "state", 0);
    if (bad) throw new Error(bad);
    const o = record(input, "state");
    if (o.version !== 1) throw new Error(`version: 未知版本 ${short(o.version)} / unknown version`);
    const scenarios = array(o.scenarios, "scenarios");
    if (scenarios.length < 1 || scenarios.length > LIMITS.maxScenarios) {
      throw new Error(
        `scenarios: 需要 1-${LIMITS.maxScenarios} 个情景 / needs 1 to ${LIMITS.maxScenarios} scenarios, got ${scenarios.length}`
      );
    }
    const ids = new Set<string>();
    const clean = scenarios.map((item, i): Scenario => {
      const path = `scenarios[${i}]`;
      const s = record(item, path);
      if (typeof s.id !== "string" || !ID.test(s.id)) throw new Error(`${path}.id: 无效 ${short(s.id)} / invalid id`);
      if (ids.has(s.id)) throw new Error(`${path}.id: 重复 ${short(s.id)} / duplicate id`);
      ids.add(s.id);
      if (s.readonly !== undefined && typeof s.readonly !== "boolean")
        throw new Error(`${path}.readonly: 应为布尔值 / must be a boolean`);
      const name = prefixed(`${path}.name`, () => checkName(s.name));
      const rows = prefixed(`${path}.rows`, () => checkRows(array(s.rows, "rows") as GrowthRow[]));
      return s.readonly ? {id: s.id, name, rows, readonly: true} : {id: s.id, name, rows};
    });
    if (typeof o.activeId !== "string" || !ids.has(o.activeId))
      throw new Error(`activeId: 没有情景 ${short(o.activeId)} / no such scenario`);
    const compare = array(o.compare, "compare");
    if (compare.length > LIMITS.maxCompare)
      throw new Error(`compare: 最多 ${LIMITS.maxCompare} 个 / at most ${LIMITS.maxCompare}`);
    compare.forEach((c, i) => {
      if (typeof c !== "string" || !ids.has(c))
        throw new Error(`compare[${i}]: 没有情景 ${short(c)} / no such scenario`);
    });
    return {
      ok: true,
      state: {version: 1, activeId: o.activeId, scenarios: clean, compare: [...new Set(compare as string[])]}
    };
  } catch (error) {
    return {ok: false, error: `情景数据无效 / invalid scenario state: ${(error as Error).message}`};
  }
}

function find(set: ScenarioSet, id: string): Scenario {
  const scenario = set.scenarios.find((s) => s.id === id);
  if (!scenario) throw new Error(`没有情景 ${short(id)} / no such scenario`);
  return scenario;
}

function checkEditable(scenario: Scenario): void {
  if (scenario.readonly) throw new Error(`情景“${scenario.name}”只读 / scenario "${scenario.name}" is read-only`);
}

function checkRoom(set: ScenarioSet): void {
  if (set.scenarios.length >= LIMITS.maxScenarios) {
    throw new Error(`最多 ${LIMITS.maxScenarios} 个情景 / at most ${LIMITS.maxScenarios} scenarios`);
  }
}

// Ids are s1, s2, …: the smallest unused, so the same actions always give the same ids (no randomness in the model).
function nextId(set: ScenarioSet): string {
  const used = new Set(set.scenarios.map((s) => s.id));
  let n = 1;
  while (used.has(`s${n}`)) n++;
  return `s${n}`;
}

function checkName(name: unknown): string {
  if (typeof name !== "string") throw new Error(`名称应为文字 / name must be text, got ${short(name)}`);
  const trimmed = name.trim();
  if (trimmed === "") throw new Error("名称不能为空 / name must not be empty");
  if ([...trimmed].length > LIMITS.maxName)
    throw new Error(`名称最多 ${LIMITS.maxName} 个字符 / name longer than ${LIMITS.maxName} characters`);
  // Control characters would break the CSV export and the page's text; nobody types them on purpose.
  if (/[\u0000-\u001f\u007f]/.test(trimmed)) throw new Error("名称含控制字符 / name contains control characters");
  return trimmed;
}

function checkRows(rows: readonly unknown[]): GrowthRow[] {
  if (rows.length > LIMITS.maxYear - LIMITS.minYear + 1) throw new Error(`行数过多 / too many rows: ${rows.length}`);
  return rows.map((item, i) => {
    const row = record(item, `[${i}]`);
    const year = row.year;
    if (typeof year !== "number" || !Number.isInteger(year) || year < LIMITS.minYear || year > LIMITS.maxYear) {
      throw new Error(
        `[${i}].year: ${short(year)} 不是 ${LIMITS.minYear}-${LIMITS.maxYear} 的整数年份 / not a year in ${LIMITS.minYear}-${LIMITS.maxYear}`
      );
    }
    if (i > 0 && year !== (rows[i - 1] as GrowthRow).year + 1)
      throw new Error(`[${i}].year: ${year} 年份不连续 / years must be consecutive`);
    return {year, urban: checkRate(row.urban, `${year}.urban`), rural: checkRate(row.rural, `${year}.rural`)};
  });
}

function checkRate(rate: unknown, path: string): number {
  if (typeof rate !== "number" || !Number.isFinite(rate) || rate < LIMITS.minRate || rate > LIMITS.maxRate) {
    throw new Error(`${path}: ${short(rate)} 不在 -50%…50% 之间 / growth rate out of range -50%…50%`);
  }
  return rate === 0 ? 0 : rate;
}

function record(x: unknown, path: string): Record<string, unknown> {
  if (typeof x !== "object" || x === null || Array.isArray(x)) throw new Error(`${path}: 应为对象 / must be an object`);
  return x as Record<string, unknown>;
}

function array(x: unknown, path: string): unknown[] {
  if (!Array.isArray(x)) throw new Error(`${path}: 应为数组 / must be an array`);
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
  if (depth > 8) return `${path}: 嵌套过深 / nested too deeply`;
  if (typeof x !== "object" || x === null) return null;
  for (const key of Object.keys(x)) {
    if (FORBIDDEN_KEYS.has(key)) return `${path}.${key}: 不允许的键 / forbidden key`;
    const found = forbiddenKeyPath(
      (x as Record<string, unknown>)[key],
      Array.isArray(x) ? `${path}[${key}]` : `${path}.${key}`,
      depth + 1
    );
    if (found) return found;
  }
  return null;
}

function short(x: unknown): string {
  let text: string;
  try {
    text = typeof x === "string" ? JSON.stringify(x) : String(JSON.stringify(x) ?? x);
  } catch {
    text = String(x);
  }
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}
