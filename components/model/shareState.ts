import {csvFormatRows, csvParseRows} from "d3-dsv";
import {formatCell, parseCell, type ColumnSpec} from "./cells.js";
import {validateState, type Scenario, type ScenarioSet, type StateResult} from "./scenarioState.js";

/** Longest share payload read: a full state (20 scenarios × 151 years) is about 40 000 characters. */
export const MAX_SHARE_LENGTH = 100_000;
/** Longest JSON or CSV text imported. */
export const MAX_IMPORT_LENGTH = 5_000_000;
export const CSV_HEADER = ["scenario", "year", "urban_growth_pct", "rural_growth_pct"] as const;

const FORBIDDEN_KEYS = new Set(["__proto__", "constructor", "prototype"]);
const PCT: ColumnSpec = {key: "pct", label: "增速 growth %", kind: "percent", form: "percent"};

/**
 * One scenario in the share payload: [id, name, first year, number of years, urban bp, rural bp, read-only 1?], where
 * each rate series is one number when constant (as the baseline is) or an array with one number per year.
 */
type CompactScenario = [string, string, number, number, number | number[], number | number[], 1?];

/**
 * The URL hash payload of a scenario set: "v1." then base64url of a compact JSON (rates in basis points with at most
 * two decimals, i.e. exact to 0.000001; years as first year plus count; a constant series as one number).
 * @example location.hash = encodeShare(set) // "v1.eyJhIjoi…"
 */
export function encodeShare(set: ScenarioSet): string {
  const compact = {
    a: set.activeId,
    c: set.compare,
    s: set.scenarios.map((s): CompactScenario => {
      const entry: CompactScenario = [
        s.id,
        s.name,
        s.rows[0]?.year ?? 0,
        s.rows.length,
        series(s.rows.map((r) => bp(r.urban))),
        series(s.rows.map((r) => bp(r.rural)))
      ];
      if (s.readonly) entry.push(1);
      return entry;
    })
  };
  return `v1.${toBase64Url(new TextEncoder().encode(JSON.stringify(compact)))}`;
}

/**
 * Reads a share payload (with or without the leading "#"). Anything wrong — too long, bad base64 or UTF-8, unknown
 * version, forbidden keys, out-of-range values — comes back as `{ok: false, error}` with a bilingual message; it never
 * throws.
 * @example decodeShare(location.hash) // {ok: true, state} or {ok: false, error}
 */
export function decodeShare(hash: string): StateResult {
  const fail = (why: string): StateResult => ({ok: false, error: `分享链接无效：${why}`});
  try {
    if (typeof hash !== "string") return fail("不是文字 / invalid share link: not text");
    // Length first: a 10 MB hash is refused before any decoding work.
    if (hash.length > MAX_SHARE_LENGTH + 1)
      return fail(`过长（${hash.length} 字符）/ invalid share link: too long (${hash.length} characters)`);
    const payload = hash.startsWith("#") ? hash.slice(1) : hash;
    const version = /^v(\d{1,6})\./.exec(payload);
    if (!version) return fail("缺少版本 / invalid share link: no version prefix");
    if (version[1] !== "1") return fail(`未知版本 v${version[1]} / invalid share link: unknown version v${version[1]}`);
    const bytes = fromBase64Url(payload.slice(version[0].length));
    if (!bytes) return fail("编码错误 / invalid share link: bad base64url");
    let text: string;
    try {
      text = new TextDecoder("utf-8", {fatal: true}).decode(bytes);
    } catch {
      return fail("编码错误 / invalid share link: bad UTF-8");
    }
    const parsed = safeParse(text);
    if (!parsed.ok) return fail(`${parsed.error} / invalid share link: ${parsed.error}`);
    const state = expand(parsed.value);
    if (!state.ok) return fail(`${state.error}`);
    const checked = validateState(state.value);
    return checked.ok ? checked : fail(checked.error);
  } catch (error) {
    // Unreachable by design; kept so a bug here shows as a message instead of a broken page.
    return fail(`${(error as Error).message}`);
  }
}

/**
 * The scenario set as readable JSON, for a file download.
 * @example exportJson(set)
 */
export function exportJson(set: ScenarioSet): string {
  return JSON.stringify(set, null, 2) + "\n";
}

/**
 * Reads a file written by `exportJson` (or localStorage), with the same checks as `decodeShare`. Never throws.
 * @example importJson(text) // {ok: true, state} or {ok: false, error}
 */
export function importJson(text: string): StateResult {
  const fail = (why: string): StateResult => ({ok: false, error: `JSON 导入失败 / JSON import failed: ${why}`});
  if (typeof text !== "string") return fail("不是文字 / not text");
  if (text.length > MAX_IMPORT_LENGTH) return fail(`文件过大 / file too large (${text.length} characters)`);
  const parsed = safeParse(text.replace(/^\ufeff/, ""));
  if (!parsed.ok) return fail(parsed.error);
  const checked = validateState(parsed.value);
  return checked.ok ? checked : fail(checked.error);
}

/**
 * Every scenario's rows as CSV `scenario,year,urban_growth_pct,rural_growth_pct` (percent, exact). Names that a
 * spreadsheet would run as a formula (= + - @) get a leading apostrophe, which `importCsv` removes.
 * @example exportCsv(set) // "scenario,year,urban_growth_pct,rural_growth_pct\n基线 Baseline,2025,5.1,6.6\n…"
 */
export function exportCsv(set: ScenarioSet): string {
  const pct = (rate: number) => formatCell(rate, PCT).slice(0, -1);
  const rows = set.scenarios.flatMap((s) =>
    s.rows.map((r) => [/^[=+\-@]/.test(s.name) ? `'${s.name}` : s.name, String(r.year), pct(r.urban), pct(r.rural)])
  );
  return csvFormatRows([[...CSV_HEADER], ...rows]) + "\n";
}

/**
 * Reads scenarios from CSV (`scenario,year,urban_growth_pct,rural_growth_pct`, percentages with or without "%").
 * Rows of a scenario named like `baseline` are skipped and `baseline` is put first, since it comes from the data.
 * Errors name the line and column. Never throws.
 * @example importCsv(text, {baseline: set.scenarios[0]})
 */
export function importCsv(text: string, {baseline}: {baseline?: Scenario} = {}): StateResult {
  const fail = (why: string): StateResult => ({ok: false, error: `CSV 导入失败 / CSV import failed: ${why}`});
  try {
    if (typeof text !== "string") return fail("不是文字 / not text");
    if (text.length > MAX_IMPORT_LENGTH) return fail(`文件过大 / file too large (${text.length} characters)`);
    const table = csvParseRows(text.replace(/^\ufeff/, ""));
    const header = (table[0] ?? []).map((h) => h.trim());
    if (header.join(",") !== CSV_HEADER.join(",")) {
      return fail(`第 1 行：表头应为 ${CSV_HEADER.join(",")} / line 1: header must be ${CSV_HEADER.join(",")}`);
    }
    const byName = new Map<string, {year: number; urban: number; rural: number; line: number}[]>();
    for (let i = 1; i < table.length; i++) {
      const line = i + 1;
      const fields = table[i];
      if (fields.every((f) => f.trim() === "")) continue;
      if (fields.length !== 4)
        return fail(
          `第 ${line} 行：应有 4 列，实有 ${fields.length} 列 / line ${line}: expected 4 columns, got ${fields.length}`
        );
      const name = fields[0].trim().replace(/^'(?=[=+\-@])/, "");
      if (name === "")
        return fail(`第 ${line} 行第 1 列：情景名称为空 / line ${line}, column 1 (scenario): empty name`);
      const year = Number(fields[1].trim());
      if (!/^\d{4}$/.test(fields[1].trim())) {
        return fail(
          `第 ${line} 行第 2 列：${JSON.stringify(fields[1].slice(0, 40))} 不是年份 / line ${line}, column 2 (year): not a year`
        );
      }
      const rates: number[] = [];
      for (const column of [2, 3]) {
        const cell = parseCell(fields[column], PCT);
        const where = `第 ${line} 行第 ${column + 1} 列 / line ${line}, column ${column + 1} (${CSV_HEADER[column]})`;
        if (!cell.ok) return fail(`${where}: ${cell.message}`);
        if (cell.value === null) return fail(`${where}: 空值 / empty`);
        rates.push(cell.value);
      }
      if (baseline && name === baseline.name) continue;
      const rows = byName.get(name) ?? [];
      if (rows.some((r) => r.year === year))
        return fail(`第 ${line} 行：${name} ${year} 重复 / line ${line}: ${year} repeated for ${name}`);
      rows.push({year, urban: rates[0], rural: rates[1], line});
      byName.set(name, rows);
    }
    if (byName.size === 0) return fail("没有情景数据 / no scenario rows");
    const imported: Scenario[] = [...byName].map(([name, rows], i) => {
      rows.sort((a, b) => a.year - b.year);
      return {id: `s${i + 1}`, name, rows: rows.map(({year, urban, rural}) => ({year, urban, rural}))};
    });
    const scenarios = baseline ? [baseline, ...imported] : imported;
    const compare = baseline ? [baseline.id, imported[0].id] : [imported[0].id];
    const checked = validateState({version: 1, activeId: imported[0].id, scenarios, compare});
    return checked.ok ? checked : fail(checked.error);
  } catch (error) {
    return fail((error as Error).message);
  }
}

/** Basis points to 12 significant digits: typed rates stay short ("650"), derived ones (the baseline's CAGR) keep
 * enough precision that a shared scenario reproduces its projected yuan exactly. */
function bp(rate: number): number {
  return Number((rate * 10000).toPrecision(12));
}

function series(values: number[]): number | number[] {
  return values.length > 0 && values.every((v) => v === values[0]) ? values[0] : values;
}

function expandSeries(x: unknown, count: number): number[] | null {
  const values = typeof x === "number" ? new Array<number>(count).fill(x) : x;
  if (!Array.isArray(values) || values.length !== count) return null;
  return values.every((v) => typeof v === "number" && Number.isFinite(v)) ? values : null;
}

function safeParse(text: string): {ok: true; value: unknown} | {ok: false; error: string} {
  try {
    const value = JSON.parse(text, (key, value) => {
      if (FORBIDDEN_KEYS.has(key))
        throw new Error(`不允许的键 ${JSON.stringify(key)} / forbidden key ${JSON.stringify(key)}`);
      return value;
    });
    return {ok: true, value};
  } catch (error) {
    const message = (error as Error).message;
    return {ok: false, error: message.startsWith("不允许") ? message : `JSON 格式错误 / malformed JSON`};
  }
}

function expand(x: unknown): {ok: true; value: ScenarioSet} | {ok: false; error: string} {
  const bad = (why: string) => ({ok: false as const, error: `数据结构错误 / invalid share link: ${why}`});
  if (typeof x !== "object" || x === null || Array.isArray(x)) return bad("not an object");
  const o = x as Record<string, unknown>;
  if (!Array.isArray(o.s) || !Array.isArray(o.c) || typeof o.a !== "string") return bad("missing a, c or s");
  const scenarios: Scenario[] = [];
  for (const [i, entry] of o.s.entries()) {
    if (!Array.isArray(entry) || entry.length < 6 || entry.length > 7) return bad(`scenario ${i} has the wrong shape`);
    const [id, name, first, count, urban, rural, readonly] = entry as unknown[];
    if (
      typeof first !== "number" ||
      typeof count !== "number" ||
      !Number.isInteger(count) ||
      count < 0 ||
      count > 200
    ) {
      return bad(`scenario ${i}: invalid years`);
    }
    const urbanBp = expandSeries(urban, count);
    const ruralBp = expandSeries(rural, count);
    if (!urbanBp || !ruralBp) return bad(`scenario ${i}: rates do not match ${count} years or are not numbers`);
    const rows = urbanBp.map((u, k) => ({year: first + k, urban: u / 10000, rural: ruralBp[k] / 10000}));
    scenarios.push({id: id as string, name: name as string, rows, ...(readonly === 1 ? {readonly: true} : {})});
  }
  return {ok: true, value: {version: 1, activeId: o.a, scenarios, compare: o.c as string[]}};
}

// btoa/atob exist in browsers and Node ≥ 16, so the same code runs on the page and in vitest.
function toBase64Url(bytes: Uint8Array): string {
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

function fromBase64Url(text: string): Uint8Array | null {
  if (!/^[A-Za-z0-9_-]*$/.test(text) || text.length % 4 === 1) return null;
  try {
    const binary = atob(text.replace(/-/g, "+").replace(/_/g, "/") + "=".repeat((4 - (text.length % 4)) % 4));
    return Uint8Array.from(binary, (c) => c.charCodeAt(0));
  } catch {
    return null;
  }
}
