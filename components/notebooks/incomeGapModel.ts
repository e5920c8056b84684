// The income-gap notebook's scenario model: urban and rural per-capita disposable income grow by a rate per year
// from the last observed year; the ratio (urban ÷ rural) and the gap (urban − rural) follow.
import {cagr} from "../model/growth.js";
import {projectPath} from "../model/incomeProjection.js";
import type {IncomePoint} from "../model/incomeProjection.js";
import {formatPercent} from "../format.js";
import {HORIZON} from "../plan.js";
import {defineModel, type ScenarioRow, type SeriesPoint} from "../scenario/model.js";
import {parseJsonBase64Url} from "../scenario/safeJson.js";

/** What the page passes: observed national income years with ratio and gap, oldest first. */
export interface IncomeGapData {
  history: readonly IncomePoint[];
}

const BASELINE_YEARS = 5;

export const incomeGapModel = defineModel<IncomeGapData>({
  id: "income-gap",
  title: {zh: "城乡收入差距情景", en: "Income gap scenarios"},
  rowKey: {key: "year", label: {zh: "年份", en: "Year"}, kind: "year"},
  columns: [
    {key: "urban", label: {zh: "城镇增速", en: "Urban growth"}, unit: "%", kind: "percent", form: "percent", min: -0.5, max: 0.5, digits: 2, csv: "urban_growth_pct"},
    {key: "rural", label: {zh: "农村增速", en: "Rural growth"}, unit: "%", kind: "percent", form: "percent", min: -0.5, max: 0.5, digits: 2, csv: "rural_growth_pct"}
  ],
  baseline({history}) {
    const last = history[history.length - 1];
    const first = history.find((h) => h.year === last.year - BASELINE_YEARS);
    // A missing window start is not filled or shortened silently: the rule must describe exactly what was computed.
    if (!first) throw new Error(`the baseline needs an observation in ${last.year - BASELINE_YEARS} / 基线需要 ${last.year - BASELINE_YEARS} 年数据`);
    const urban = cagr(first.urban, last.urban, BASELINE_YEARS);
    const rural = cagr(first.rural, last.rural, BASELINE_YEARS);
    const rows: ScenarioRow[] = [];
    for (let year = last.year + 1; year <= HORIZON; year++) rows.push({year, urban, rural});
    const pct = (x: number) => formatPercent(x, {digits: 2, fixed: true});
    return {
      rows,
      rule: {
        zh: `基线：按 ${first.year}-${last.year} 年复合平均增速外推（城镇 ${pct(urban)}，农村 ${pct(rural)}）。`,
        en: `Baseline: the ${first.year}-${last.year} compound average growth carried forward (urban ${pct(urban)}, rural ${pct(rural)}).`
      }
    };
  },
  project(rows, {history}) {
    const path = projectPath(history[history.length - 1], rows as never);
    const projected = path.slice(1);
    return {
      locked: {ratio: projected.map((p) => p.ratio), gap: projected.map((p) => p.gap)},
      series: {
        ratio: path.map((p) => ({x: p.year, y: p.ratio})),
        gap: path.map((p) => ({x: p.year, y: p.gap})),
        urban: path.map((p) => ({x: p.year, y: p.urban})),
        rural: path.map((p) => ({x: p.year, y: p.rural}))
      }
    };
  },
  // Monte Carlo projects 1000 times an edit: one series as numbers, no path objects (same arithmetic as projectPath).
  projectSeries(rows, {history}, key) {
    const start = history[history.length - 1];
    const which = SERIES_CODE[key];
    if (which === undefined) return [];
    let urban = start.urban;
    let rural = start.rural;
    const points: SeriesPoint[] = new Array(rows.length + 1);
    points[0] = {x: start.year, y: seriesValue(which, urban, rural)};
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i];
      urban *= 1 + (row.urban as number);
      rural *= 1 + (row.rural as number);
      points[i + 1] = {x: row.year as number, y: seriesValue(which, urban, rural)};
    }
    return points;
  },
  locked: [
    {key: "ratio", label: {zh: "收入比", en: "Ratio"}, format: "ratio", digits: 3},
    {key: "gap", label: {zh: "收入差（元）", en: "Gap (yuan)"}, format: "integer"}
  ],
  series: [
    {key: "ratio", label: {zh: "城乡收入比（城镇 ÷ 农村）", en: "Urban ÷ rural income"}, format: "ratio", digits: 3},
    {key: "gap", label: {zh: "收入差（元）", en: "Gap (yuan)"}, format: "integer"},
    {key: "urban", label: {zh: "城镇居民人均可支配收入（元）", en: "Urban income per capita (yuan)"}, format: "integer"},
    {key: "rural", label: {zh: "农村居民人均可支配收入（元）", en: "Rural income per capita (yuan)"}, format: "integer"}
  ],
  share: {version: 1, legacy: readIncomeLinkV1}
});

// The series projectSeries can give, as numbers so its loop compares no strings.
const SERIES_CODE: Record<string, 0 | 1 | 2 | 3> = {ratio: 0, gap: 1, urban: 2, rural: 3};

function seriesValue(which: 0 | 1 | 2 | 3, urban: number, rural: number): number {
  return which === 0 ? urban / rural : which === 1 ? urban - rural : which === 2 ? urban : rural;
}

/**
 * Reads the links this page wrote before share entries named their model: "v1." + base64url of
 * {a, c, s: [[id, name, first year, count, urban bp, rural bp, read-only 1?]]}, rates in basis points, a constant
 * series as one number. Returns the state for the usual checks, or throws with the reason.
 * @example readIncomeLinkV1("v1.eyJhIjoi…").scenarios[1].rows[0].rural // 0.075
 */
export function readIncomeLinkV1(payload: string): unknown {
  const match = /^v1\.([A-Za-z0-9_-]*)$/.exec(payload);
  if (!match) throw new Error("not a v1 link / 不是 v1 链接");
  const parsed = parseJsonBase64Url(match[1]);
  if (!parsed.ok) throw new Error(parsed.error);
  const o = parsed.value as {a?: unknown; c?: unknown; s?: unknown};
  if (!o || typeof o !== "object" || !Array.isArray(o.s) || !Array.isArray(o.c) || typeof o.a !== "string")
    throw new Error("missing a, c or s / 缺少 a、c 或 s");
  const scenarios = o.s.map((entry: unknown, i: number) => {
    if (!Array.isArray(entry) || entry.length < 6 || entry.length > 7) throw new Error(`scenario ${i} has the wrong shape`);
    const [id, name, first, count, urban, rural, readonly] = entry;
    if (typeof first !== "number" || typeof count !== "number" || !Number.isInteger(count) || count < 0 || count > 200)
      throw new Error(`scenario ${i}: invalid years`);
    const u = expand(urban, count);
    const r = expand(rural, count);
    if (!u || !r) throw new Error(`scenario ${i}: rates do not match ${count} years`);
    const rows = u.map((bp, k) => ({year: first + k, urban: bp / 10000, rural: r[k] / 10000}));
    return {id, name, rows, ...(readonly === 1 ? {readonly: true} : {})};
  });
  return {version: 1, activeId: o.a, scenarios, compare: o.c};
}

function expand(x: unknown, count: number): number[] | null {
  const values = typeof x === "number" ? new Array<number>(count).fill(x) : x;
  if (!Array.isArray(values) || values.length !== count) return null;
  return values.every((v) => typeof v === "number" && Number.isFinite(v)) ? values : null;
}
