// The scorecard as a table: one row per target (a link to its notebook where one exists), with related series of
// other definitions or proxies listed under it as context, never judged; and the status counts above it.
import {html} from "htl";
import {t} from "../i18n.js";
import {formatNumber} from "../format.js";
import type {ContextValue, ScorecardRow} from "./buildScorecard.js";
import type {Status} from "./targetStatus.js";
import type {ContextKind, Hedge} from "./planMeta.js";
import type {DownloadSpec} from "../download/fileSource.js";
import type {Column, Row} from "../download/tableFile.js";
import {withDownloads} from "../download/withDownloads.js";

export const STATUSES: readonly Status[] = ["met", "on track", "off track", "no data"];

const STATUS_TEXT: Record<Status, {zh: string; en: string}> = {
  met: {zh: "已达到", en: "met"},
  "on track": {zh: "进度正常", en: "on track"},
  "off track": {zh: "进度落后", en: "off track"},
  "no data": {zh: "无数据", en: "no data"}
};
const HEDGE_TEXT: Record<Hedge, {zh: string; en: string}> = {
  "lower bound": {zh: "下限（超…）", en: "lower bound (超…)"},
  approximate: {zh: "约数", en: "approximate"},
  rounded: {zh: "整数表述", en: "rounded statement"},
  derived: {zh: "推算", en: "derived"},
  "year inferred": {zh: "年份据上下文推定", en: "year inferred from context"},
  "all as 100%": {zh: "“所有”记为 100", en: "“all” written as 100"}
};
const KIND_TEXT: Record<ContextKind, {zh: string; en: string}> = {
  proxy: {zh: "代理指标", en: "proxy"},
  "other definition": {zh: "口径不同", en: "other definition"},
  "non-official": {zh: "非官方", en: "non-official"},
  "designated, not completed": {zh: "确定数，非完成数", en: "designated, not completed"}
};

/**
 * A status in the page language.
 * @example statusText("on track") // "进度正常"
 */
export function statusText(status: Status): string {
  return t(STATUS_TEXT[status]);
}

/**
 * How many targets have each status, as a line of badges.
 * @example statusCounts(card) // <p class="status-counts">已达到 6 · 进度正常 2 · …</p>
 */
export function statusCounts(rows: readonly ScorecardRow[]): HTMLElement {
  return html`<p class="status-counts">${STATUSES.map(
    (s, i) => html`${i ? " · " : ""}<span class="status-count" data-status=${s}><strong>${rows.filter((r) => r.status === s).length}</strong> ${statusText(s)}</span>`
  )} · ${t({zh: `共 ${rows.length} 项目标`, en: `of ${rows.length} targets`})}</p>`;
}

/**
 * The scorecard table; with `download`, in a block with CSV/XLSX buttons for the same rows (scorecardFile).
 * @example scorecardTable(buildScorecard(targets, observations), {download: {name: "scorecard", manifests: [targetsManifest, manifest]}})
 */
export function scorecardTable(rows: readonly ScorecardRow[], options: {download: DownloadSpec}): HTMLElement;
export function scorecardTable(rows: readonly ScorecardRow[], options?: {download?: undefined}): HTMLTableElement;
export function scorecardTable(rows: readonly ScorecardRow[], {download}: {download?: DownloadSpec} = {}): HTMLElement {
  const headings = [
    {zh: "指标", en: "Indicator"},
    {zh: "方向", en: "Dir."},
    {zh: "目标", en: "Target"},
    {zh: "单位", en: "Unit"},
    {zh: "年份", en: "Year"},
    {zh: "基期", en: "Baseline"},
    {zh: "最新", en: "Latest"},
    {zh: "状态", en: "Status"}
  ];
  const table = html`<table id="scorecard-table" class="notebook-table">
    <thead><tr>${headings.map((h) => html`<th scope="col">${t(h)}</th>`)}</tr></thead>
    <tbody>${rows.flatMap((r) => [
      html`<tr data-id=${r.id} data-status=${r.status}>
        <td><span class="indicator-name">${r.notebook ? html`<a href=${`.${r.notebook}`}>${r.indicator}</a>` : r.indicator}</span>${
          r.en ? html`<br><small lang="en">${r.en}</small>` : ""
        }</td>
        <td class="direction">${r.direction}</td><td class="target">${value(r.target)}</td><td class="unit">${r.unit}</td><td class="year">${r.targetYear}</td>
        <td class="baseline">${r.baseline ? `${value(r.baseline.value)} (${r.baseline.year})` : "—"}</td>
        <td class="latest">${r.latest ? observed(r.latest.value, r.latest.year, r.latest.ref, r.latest.hedge) : "—"}</td>
        <td class="status"><strong>${statusText(r.status)}</strong><br><small>${r.reason}${
          r.projected !== null ? `; ${r.targetYear}: ${value(r.projected)}` : ""
        }</small></td>
      </tr>`,
      ...r.context.map((c) => contextRow(r, c))
    ])}</tbody>
  </table>` as HTMLTableElement;
  if (!download) return table;
  const file = scorecardFile(rows);
  return withDownloads(table, file.rows, file.columns, download);
}

/**
 * The scorecard as a file: one line per target, then its context lines (kind named, never judged), values raw with
 * the hedge ("lower bound (超…)", "approximate", …) in its own column, so a bound stays a bound.
 * @example scorecardFile(card).rows[0] // {line: "目标", id: "…", indicator: "…", target: 88, …}
 */
export function scorecardFile(rows: readonly ScorecardRow[]): {rows: Row[]; columns: Column[]} {
  const columns: Column[] = [
    {key: "line", label: t({zh: "行", en: "Line"})},
    {key: "id", label: "id"},
    {key: "indicator", label: t({zh: "指标", en: "Indicator"})},
    {key: "direction", label: t({zh: "方向", en: "Direction"})},
    {key: "target", label: t({zh: "目标", en: "Target"})},
    {key: "unit", label: t({zh: "单位", en: "Unit"})},
    {key: "targetYear", label: t({zh: "目标年份", en: "Target year"})},
    {key: "baseline", label: t({zh: "基期值", en: "Baseline"})},
    {key: "baselineYear", label: t({zh: "基期年份", en: "Baseline year"})},
    {key: "latest", label: t({zh: "最新值", en: "Latest"})},
    {key: "latestYear", label: t({zh: "最新年份", en: "Latest year"})},
    {key: "hedge", label: t({zh: "限定", en: "Qualifier"})},
    {key: "ref", label: t({zh: "出处", en: "Reference"})},
    {key: "status", label: t({zh: "状态", en: "Status"})},
    {key: "reason", label: t({zh: "规则", en: "Rule"})},
    {key: "projected", label: t({zh: "目标年推算值", en: "Projected in the target year"})}
  ];
  const hedge = (h: Hedge | null) => (h ? t(HEDGE_TEXT[h]) : null);
  const out = rows.flatMap((r): Row[] => [
    {
      line: t({zh: "目标", en: "target"}),
      id: r.id,
      indicator: r.indicator,
      direction: r.direction,
      target: r.target,
      unit: r.unit,
      targetYear: r.targetYear,
      baseline: r.baseline?.value ?? null,
      baselineYear: r.baseline?.year ?? null,
      latest: r.latest?.value ?? null,
      latestYear: r.latest?.year ?? null,
      hedge: hedge(r.latest?.hedge ?? null),
      ref: r.latest?.ref ?? null,
      status: statusText(r.status),
      reason: r.reason,
      projected: r.projected
    },
    ...r.context.map((c) => ({
      line: `${t({zh: "参考（不评判）", en: "context, not judged"})}: ${t(KIND_TEXT[c.kind])}`,
      id: `${r.id}/${c.id}`,
      indicator: c.region_code !== "CN" ? `${c.indicator} (${c.region_code})` : c.indicator,
      unit: c.unit,
      latest: c.value,
      latestYear: c.year,
      hedge: hedge(c.hedge),
      ref: c.ref
    }))
  ]);
  return {rows: out, columns};
}

function contextRow(row: ScorecardRow, c: ContextValue) {
  return html`<tr class="context" data-context-of=${row.id} data-context=${c.id}>
    <td colspan="6"><small>${t({zh: "参考（不评判）", en: "Context, not judged"})} · ${t(KIND_TEXT[c.kind])}: ${c.indicator}${
      c.region_code !== "CN" ? ` (${c.region_code})` : ""
    }</small></td>
    <td class="latest"><small>${observed(c.value, c.year, c.ref, c.hedge)} ${c.unit}</small></td><td></td>
  </tr>`;
}

function observed(v: number, year: number, ref: string | null, hedge: Hedge | null): string {
  const qualifier = hedge ? `, ${t(HEDGE_TEXT[hedge])}` : "";
  return `${hedge === "lower bound" ? "≥ " : ""}${value(v)} (${year}${ref ? `, ${ref}` : ""}${qualifier})`;
}

// Up to two decimals, as the figures were printed (87.5, not 87.50).
function value(v: number): string {
  return formatNumber(v, {digits: 2, trim: true});
}
