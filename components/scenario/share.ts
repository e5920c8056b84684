// Scenario sets in and out of the page: the share link (one entry per model in the URL hash, so several panels share
// a page), JSON and CSV files. Everything read passes validateSet against this page's row shape; nothing throws.
import {csvFormatRows, csvParseRows} from "d3-dsv";
import {formatGridCell, parseGridCell, type ColumnSpec} from "../model/gridCell.js";
import {t} from "../i18n.js";
import type {ModelColumn, RowKey, ScenarioModel, ScenarioRow} from "./model.js";
import {parseJsonBase64Url, parseJsonSafe, toBase64Url} from "./safeJson.js";

export {parseJsonBase64Url};
import {short, validateSet, type RowShape, type Scenario, type ScenarioSet, type StateResult} from "./scenarioSet.js";

/** Longest share entry read: a full state (20 scenarios × 31 rows × a few columns) stays well below. */
export const MAX_SHARE_LENGTH = 100_000;
/** Longest JSON or CSV text imported. */
export const MAX_IMPORT_LENGTH = 5_000_000;

const ENTRY = /^([a-z][a-z0-9-]{0,39})\.v(\d{1,6})\.([A-Za-z0-9_-]*)$/;

/** One scenario in a share entry: [id, name, one series per column, read-only 1?]; a constant series is one number. */
type CompactScenario = [string, string, (number | number[])[], 1?];

/**
 * This model's share entry: "<model id>.v<version>.<base64url of a compact JSON>". Row keys are written once
 * (years as first and count), each column's values as one number when constant.
 * @example encodeShare(set, model) // "income-gap.v1.eyJrIjpb…"
 */
export function encodeShare(set: ScenarioSet, model: ScenarioModel<any>): string {
  const rowKey = model.rowKey.key;
  const keys = set.scenarios[0]?.rows.map((r) => r[rowKey] as RowKey) ?? [];
  const compact = {
    k: model.rowKey.kind === "year" ? [keys[0] ?? 0, keys.length] : keys,
    a: set.activeId,
    c: set.compare,
    s: set.scenarios.map((s): CompactScenario => {
      const entry: CompactScenario = [s.id, s.name, model.columns.map((c) => series(s.rows.map((r) => r[c.key] as number)))];
      if (s.readonly) entry.push(1);
      return entry;
    })
  };
  return `${model.id}.v${model.share?.version ?? 1}.${toBase64Url(new TextEncoder().encode(JSON.stringify(compact)))}`;
}

/**
 * Reads this model's entry from a URL hash: `null` when the hash has none (nothing to read), otherwise the state or a
 * message. A bare "v1.…" hash (links written before entries named their model) goes to `model.share.legacy`.
 * @example decodeShare(location.hash, model, shape) // null, {ok: true, state} or {ok: false, error}
 */
export function decodeShare(hash: string, model: ScenarioModel<any>, shape: RowShape): StateResult | null {
  const fail = (why: string): StateResult => ({ok: false, error: `${t({zh: "分享链接无效", en: "invalid share link"})}: ${why}`});
  try {
    if (typeof hash !== "string") return null;
    const entries = hash.replace(/^#/, "").split("&").filter(Boolean);
    const own = entries.find((e) => e.startsWith(`${model.id}.`));
    if (!own) {
      const legacy = entries.find((e) => /^v\d+\./.test(e));
      if (!legacy || !model.share?.legacy) return null;
      if (legacy.length > MAX_SHARE_LENGTH) return fail(tooLong(legacy.length));
      const state = model.share.legacy(legacy);
      const checked = validateSet(state, shape);
      return checked.ok ? checked : fail(checked.error);
    }
    if (own.length > MAX_SHARE_LENGTH) return fail(tooLong(own.length));
    const match = ENTRY.exec(own);
    if (!match) return fail(t({zh: "格式错误", en: "malformed entry"}));
    const version = Number(match[2]);
    if (version !== (model.share?.version ?? 1)) return fail(t({zh: `未知版本 v${version}`, en: `unknown version v${version}`}));
    const parsed = parseJsonBase64Url(match[3]);
    if (!parsed.ok) return fail(parsed.error);
    const state = expand(parsed.value, model, shape);
    if (!state.ok) return fail(state.error);
    const checked = validateSet(state.value, shape);
    return checked.ok ? checked : fail(checked.error);
  } catch (error) {
    // Unreachable by design; kept so a bug here shows as a message instead of a broken page.
    return fail((error as Error).message);
  }
}

/**
 * A URL hash with this model's entry set to `entry` (other models' entries kept; a legacy bare entry dropped).
 * @example withShareEntry("#other.v1.xyz", model, "income-gap.v1.abc") // "#other.v1.xyz&income-gap.v1.abc"
 */
export function withShareEntry(hash: string, model: ScenarioModel<any>, entry: string): string {
  const others = hash
    .replace(/^#/, "")
    .split("&")
    .filter((e) => e && !e.startsWith(`${model.id}.`) && !(model.share?.legacy && /^v\d+\./.test(e)));
  return `#${[...others, entry].join("&")}`;
}

/**
 * The set as readable JSON for a file download, naming its model.
 * @example exportJson(set, model)
 */
export function exportJson(set: ScenarioSet, model: ScenarioModel<any>): string {
  return JSON.stringify({model: model.id, ...set}, null, 2) + "\n";
}

/**
 * Reads a file written by `exportJson` (or a stored state), with the same checks as a link. Never throws.
 * @example importJson(text, model, shape)
 */
export function importJson(text: string, model: ScenarioModel<any>, shape: RowShape): StateResult {
  const fail = (why: string): StateResult => ({ok: false, error: `${t({zh: "JSON 导入失败", en: "JSON import failed"})}: ${why}`});
  if (typeof text !== "string") return fail(t({zh: "不是文字", en: "not text"}));
  if (text.length > MAX_IMPORT_LENGTH) return fail(t({zh: `文件过大（${text.length} 字符）`, en: `file too large (${text.length} characters)`}));
  const parsed = parseJsonSafe(text.replace(/^\ufeff/, ""));
  if (!parsed.ok) return fail(parsed.error);
  const value = parsed.value as Record<string, unknown> | null;
  if (value && typeof value === "object" && "model" in value) {
    if (value.model !== model.id)
      return fail(t({zh: `文件属于模型 ${short(value.model)}，不是 ${model.id}`, en: `the file is for model ${short(value.model)}, not ${model.id}`}));
    const {model: _, ...rest} = value;
    const checked = validateSet(rest, shape);
    return checked.ok ? checked : fail(checked.error);
  }
  const checked = validateSet(value, shape);
  return checked.ok ? checked : fail(checked.error);
}

/**
 * The CSV header of a model: scenario, the row key, then one column per editable column.
 * @example csvHeader(model) // ["scenario", "year", "added_10k_mu"]
 */
export function csvHeader(model: ScenarioModel<any>): string[] {
  return ["scenario", model.rowKey.key, ...model.columns.map(csvName)];
}

/**
 * Every scenario's rows as CSV (percent columns in percent, exact). Names a spreadsheet would run as a formula
 * (= + - @) get a leading apostrophe, which `importCsv` removes.
 * @example exportCsv(set, model) // "scenario,year,added_10k_mu\n基线,2024,10000\n…"
 */
export function exportCsv(set: ScenarioSet, model: ScenarioModel<any>): string {
  const rowKey = model.rowKey.key;
  const rows = set.scenarios.flatMap((s) =>
    s.rows.map((r) => [
      /^[=+\-@]/.test(s.name) ? `'${s.name}` : s.name,
      String(r[rowKey]),
      ...model.columns.map((c) => csvValue(r[c.key] as number, c))
    ])
  );
  return csvFormatRows([csvHeader(model), ...rows]) + "\n";
}

/**
 * Reads scenarios from CSV in `exportCsv`'s layout. Rows of the scenario named like the baseline are skipped (the
 * baseline comes from the data) and it is put first. Errors name the line and column. Never throws.
 * @example importCsv(text, model, shape, {baseline: set.scenarios[0]})
 */
export function importCsv(
  text: string,
  model: ScenarioModel<any>,
  shape: RowShape,
  {baseline}: {baseline?: Scenario} = {}
): StateResult {
  const fail = (why: string): StateResult => ({ok: false, error: `${t({zh: "CSV 导入失败", en: "CSV import failed"})}: ${why}`});
  const at = (line: number, column?: number, name?: string) =>
    column === undefined
      ? t({zh: `第 ${line} 行`, en: `line ${line}`})
      : t({zh: `第 ${line} 行第 ${column} 列（${name}）`, en: `line ${line}, column ${column} (${name})`});
  try {
    if (typeof text !== "string") return fail(t({zh: "不是文字", en: "not text"}));
    if (text.length > MAX_IMPORT_LENGTH) return fail(t({zh: `文件过大（${text.length} 字符）`, en: `file too large (${text.length} characters)`}));
    const header = csvHeader(model);
    const table = csvParseRows(text.replace(/^\ufeff/, ""));
    const got = (table[0] ?? []).map((h) => h.trim());
    if (got.join(",") !== header.join(","))
      return fail(`${at(1)}: ${t({zh: "表头应为", en: "the header must be"})} ${header.join(",")}`);
    const byName = new Map<string, Map<string, ScenarioRow>>();
    const rowKey = model.rowKey.key;
    for (let i = 1; i < table.length; i++) {
      const line = i + 1;
      const fields = table[i];
      if (fields.every((f) => f.trim() === "")) continue;
      if (fields.length !== header.length)
        return fail(`${at(line)}: ${t({zh: `应有 ${header.length} 列，实有 ${fields.length} 列`, en: `expected ${header.length} columns, got ${fields.length}`})}`);
      const name = fields[0].trim().replace(/^'(?=[=+\-@])/, "");
      if (name === "") return fail(`${at(line, 1, "scenario")}: ${t({zh: "情景名称为空", en: "empty name"})}`);
      const keyText = fields[1].trim();
      const key = shape.keys.find((k) => String(k) === keyText);
      if (key === undefined)
        return fail(`${at(line, 2, rowKey)}: ${short(keyText)} ${t({zh: "不在本模型的行中", en: "is not one of this model's rows"})}`);
      const row: ScenarioRow = {[rowKey]: key};
      for (const [j, column] of model.columns.entries()) {
        const where = at(line, j + 3, header[j + 2]);
        const cell = parseGridCell(fields[j + 2], csvSpec(column));
        if (!cell.ok) return fail(`${where}: ${cell.message}`);
        if (cell.value === null) return fail(`${where}: ${t({zh: "空值", en: "empty"})}`);
        row[column.key] = cell.value;
      }
      if (baseline && name === baseline.name) continue;
      const rows = byName.get(name) ?? new Map<string, ScenarioRow>();
      if (rows.has(keyText)) return fail(`${at(line)}: ${name} ${keyText} ${t({zh: "重复", en: "repeated"})}`);
      rows.set(keyText, row);
      byName.set(name, rows);
    }
    if (byName.size === 0) return fail(t({zh: "没有情景数据", en: "no scenario rows"}));
    const imported: Scenario[] = [...byName].map(([name, rows], i) => {
      const missing = shape.keys.filter((k) => !rows.has(String(k)));
      if (missing.length)
        throw new Error(`${name}: ${t({zh: "缺少", en: "missing"})} ${missing.slice(0, 5).join(", ")}${missing.length > 5 ? "…" : ""}`);
      return {id: `s${i + 1}`, name, rows: shape.keys.map((k) => rows.get(String(k))!)};
    });
    const scenarios = baseline ? [baseline, ...imported] : imported;
    const compare = baseline ? [baseline.id, imported[0].id] : [imported[0].id];
    const checked = validateSet({version: 1, activeId: imported[0].id, scenarios, compare}, shape);
    return checked.ok ? checked : fail(checked.error);
  } catch (error) {
    return fail((error as Error).message);
  }
}


function csvName(column: ModelColumn): string {
  return column.csv ?? (column.kind === "percent" ? `${column.key}_pct` : column.kind === "points" ? `${column.key}_pp` : column.key);
}

// Percent columns are written without "%" and read back as percent whatever the column's typing form; points columns
// as the number of points.
function csvSpec(column: ModelColumn): ColumnSpec {
  return {key: column.key, label: csvName(column), kind: column.kind, form: column.kind === "percent" ? "percent" : column.form, min: column.min, max: column.max, scale: column.scale};
}

function csvValue(value: number, column: ModelColumn): string {
  if (column.kind === "percent") return formatGridCell(value, {key: column.key, label: "", kind: "percent"}).slice(0, -1);
  if (column.kind === "points") return formatGridCell(value, {key: column.key, label: "", kind: "points", form: column.form});
  return String(value);
}

function tooLong(length: number): string {
  return t({zh: `过长（${length} 字符）`, en: `too long (${length} characters)`});
}

function series(values: number[]): number | number[] {
  return values.length > 0 && values.every((v) => v === values[0]) ? values[0] : values;
}

function expand(x: unknown, model: ScenarioModel<any>, shape: RowShape): {ok: true; value: unknown} | {ok: false; error: string} {
  const bad = (why: string) => ({ok: false as const, error: `${t({zh: "数据结构错误", en: "wrong structure"})}: ${why}`});
  if (typeof x !== "object" || x === null || Array.isArray(x)) return bad("not an object");
  const o = x as Record<string, unknown>;
  if (!Array.isArray(o.s) || !Array.isArray(o.c) || typeof o.a !== "string" || !Array.isArray(o.k)) return bad("missing k, a, c or s");
  let keys: unknown[];
  if (model.rowKey.kind === "year") {
    const [first, count] = o.k;
    if (typeof first !== "number" || !Number.isInteger(first) || typeof count !== "number" || !Number.isInteger(count) || count < 0 || count > 500)
      return bad("invalid years");
    keys = Array.from({length: count}, (_, i) => first + i);
  } else keys = o.k;
  if (keys.length > 500) return bad("too many rows");
  const sameKeys = keys.length === shape.keys.length && keys.every((k, i) => k === shape.keys[i]);
  if (!sameKeys) {
    const years = (ks: readonly unknown[]) => (ks.length ? `${short(ks[0])}…${short(ks[ks.length - 1])} (${ks.length})` : "—");
    return bad(
      t({
        zh: `链接的行 ${years(keys)} 与本页的行 ${years(shape.keys)} 不符`,
        en: `the link's rows ${years(keys)} do not match this page's rows ${years(shape.keys)}`
      })
    );
  }
  const scenarios: unknown[] = [];
  for (const [i, entry] of o.s.entries()) {
    if (!Array.isArray(entry) || entry.length < 3 || entry.length > 4 || !Array.isArray(entry[2]))
      return bad(`scenario ${i} has the wrong shape`);
    const [id, name, values, readonly] = entry as [unknown, unknown, unknown[], unknown];
    if (values.length !== model.columns.length) return bad(`scenario ${i}: ${values.length} columns, expected ${model.columns.length}`);
    const columns = values.map((v) => expandSeries(v, keys.length));
    if (columns.some((c) => c === null)) return bad(`scenario ${i}: values do not match ${keys.length} rows or are not numbers`);
    const rows = keys.map((key, r) => {
      const row: Record<string, unknown> = {[model.rowKey.key]: key};
      model.columns.forEach((c, j) => (row[c.key] = columns[j]![r]));
      return row;
    });
    scenarios.push({id, name, rows, ...(readonly === 1 ? {readonly: true} : {})});
  }
  return {ok: true, value: {version: 1, activeId: o.a, scenarios, compare: o.c}};
}

function expandSeries(x: unknown, count: number): number[] | null {
  const values = typeof x === "number" ? new Array<number>(count).fill(x) : x;
  if (!Array.isArray(values) || values.length !== count) return null;
  return values.every((v) => typeof v === "number" && Number.isFinite(v)) ? values : null;
}
