// The pieces of a report page: static reading only (no control a reader could change), every figure recomputed from
// the report's frozen rows on today's data, and a banner when that data is not the data the report was published on.
import {html} from "htl";
import {t} from "../i18n.js";
import {formatterFor} from "../format.js";
import {seriesAt, type Projection, type ScenarioModel, type SeriesPoint} from "../scenario/model.js";
import {scenarioLinesChart} from "../charts/scenarioLinesChart.js";
import {scenarioDotChart, type DotRow} from "../charts/scenarioDotChart.js";
import {compareTable, type CompareMeasure} from "../scenario/compareTable.js";
import {rowComparison, rowCompareTable} from "../scenario/rowCompareTable.js";
import type {ScenarioResult} from "../scenario/results.js";
import type {Scenario} from "../scenario/scenarioSet.js";
import {encodeShare} from "../scenario/share.js";
import {dataTable, type TableColumn} from "../tables/dataTable.js";
import {driftedDatasets, type HeadlineFigure, type Report} from "./schema.js";
import {compareOf, type ReportModel, type ReportTidyRow} from "./models.js";
import type {ManifestSummary} from "../sourceNote.js";

/** What the report page's data loader gives: the report, and today's manifest and rows of each dataset. */
export interface ReportBundle {
  slug: string;
  report: Report;
  datasets: {manifest: ManifestSummary & {source: {bytes?: number}}; rows: ReportTidyRow[]}[];
}

/**
 * The tidy tables of a bundle by dataset id, as `ReportModel.data` takes them.
 * @example entry.data(bundleTables(bundle))
 */
export function bundleTables(bundle: ReportBundle): Record<string, ReportTidyRow[]> {
  return Object.fromEntries(bundle.datasets.map((d) => [d.manifest.dataset, d.rows]));
}

/**
 * The datasets the report recorded that have changed since (sha256 differs), with both hashes.
 * @example driftOf(bundle) // [{id: "income-national", published: "ab…", today: "cd…"}]
 */
export function driftOf(bundle: ReportBundle): {id: string; published: string; today: string | null}[] {
  const current = bundle.datasets.map((d) => ({id: d.manifest.dataset, sha256: d.manifest.source.sha256, rows: d.manifest.rows}));
  return driftedDatasets(bundle.report, current).map((id) => ({
    id,
    published: bundle.report.datasets.find((d) => d.id === id)!.sha256,
    today: current.find((c) => c.id === id)?.sha256 ?? null
  }));
}

/**
 * The data version line of a report: each dataset with the first 12 hex digits of the sha256 it was published on.
 * @example dataVersion(report) // "income-national@3f0c2a9b1d4e"
 */
export function dataVersion(report: Report): string {
  return report.datasets.map((d) => `${d.id}@${d.sha256.slice(0, 12)}`).join(", ");
}

/** How the headline figures are written: a row key's name (a province), and "≥ " before lower bounds. */
export interface HeadlineOptions {
  rowName?: (key: string) => string;
  prefix?: string;
}

/**
 * The headline figures as published beside the same figures on today's data (one row per figure).
 * @example headlineRows(report, model, projections)
 */
export function headlineRows(report: Report, model: ScenarioModel<any>, projections: ReadonlyMap<string, Projection>, {rowName = String}: HeadlineOptions = {}) {
  const names = new Map(report.scenarios.map((s) => [s.id, s.name]));
  return report.headline.map((h: HeadlineFigure) => {
    const projection = projections.get(h.scenario);
    const label = t(model.series?.find((s) => s.key === h.series)?.label ?? h.series);
    return {
      key: `${h.scenario}-${h.series}-${h.x}${h.z === undefined ? "" : `-${h.z}`}`,
      scenario: names.get(h.scenario) ?? h.scenario,
      figure: h.z === undefined ? `${h.x} ${label}` : `${rowName(h.z)} · ${h.x} ${label}`,
      series: h.series,
      published: h.value,
      today: projection ? seriesAt(projection, h.series, h.x, h.z) : null
    };
  });
}

/**
 * The headline table: each figure as published and, when the data changed, on today's data.
 * @example headlineTable(report, model, projections, {drift: true})
 */
export function headlineTable(
  report: Report,
  model: ScenarioModel<any>,
  projections: ReadonlyMap<string, Projection>,
  {drift, ...options}: {drift: boolean} & HeadlineOptions
): HTMLElement {
  const specs = new Map((model.series ?? []).map((s) => [s.key, s]));
  const rows = headlineRows(report, model, projections, options);
  const prefix = options.prefix ?? "";
  const f = (row: {series: string}, v: number | null) =>
    `${v === null ? "" : prefix}${formatterFor(specs.get(row.series)?.format ?? "number", {digits: specs.get(row.series)?.digits})(v)}`;
  return html`<table class="data-table headline-table" id=${drift ? "drift-figures" : "headline-figures"}>
    <thead><tr><th scope="col">${t({zh: "情景", en: "Scenario"})}</th><th scope="col">${t({zh: "指标", en: "Figure"})}</th>
    <th scope="col">${t({zh: "发布时", en: "As published"})}</th>${drift ? html`<th scope="col">${t({zh: "按今天的数据", en: "On today's data"})}</th>` : ""}</tr></thead>
    <tbody>${rows.map(
      (r) => html`<tr data-key=${r.key}><th scope="row">${r.scenario}</th><td>${r.figure}</td>
      <td class="published" data-value=${r.published ?? ""}>${f(r, r.published)}</td>${
        drift ? html`<td class="today" data-value=${r.today ?? ""}>${f(r, r.today)}</td>` : ""
      }</tr>`
    )}</tbody>
  </table>` as HTMLElement;
}

/**
 * The banner of a report whose data changed since publication: the datasets, and the headline figures both ways.
 * Empty when nothing changed.
 * @example driftBanner(bundle, model, projections)
 */
export function driftBanner(bundle: ReportBundle, model: ScenarioModel<any>, projections: ReadonlyMap<string, Projection>, options: HeadlineOptions = {}): HTMLElement {
  const drift = driftOf(bundle);
  if (drift.length === 0) return html`<div class="report-drift" hidden></div>` as HTMLElement;
  return html`<div class="report-drift" role="note" data-datasets=${drift.map((d) => d.id).join(",")}>
    <p><strong>${t({zh: "数据已更新", en: "The data has changed"})}</strong>:
    ${t({zh: "本报告发布后，以下数据集重新载入过", en: "these datasets were reloaded after this report was published"})}:
    ${drift.map((d, i) => html`${i ? ", " : ""}<code>${d.id}</code> (sha256 ${d.published.slice(0, 12)}… → ${d.today ? `${d.today.slice(0, 12)}…` : "—"})`)}.
    ${t({
      zh: "报告的假设不变；下方图表按今天的数据计算。发布时与今天的主要数字：",
      en: "The report's assumptions are unchanged; the charts below are computed on today's data. The headline figures as published and today:"
    })}</p>
    ${headlineTable(bundle.report, model, projections, {drift: true, ...options})}
  </div>` as HTMLElement;
}

/**
 * A scenario's assumptions as a table: the row key, each editable column as published, and the locked columns.
 * @example assumptionsTable(model, scenario, projection)
 */
export function assumptionsTable(model: ScenarioModel<any>, scenario: Scenario, projection: Projection, {rowName}: {rowName?: (key: string | number) => string} = {}): HTMLTableElement {
  const key = model.rowKey.key;
  const rows = scenario.rows.map((r, i) => {
    const row: Record<string, unknown> = {...r, [key]: rowName ? rowName(r[key] as string | number) : r[key]};
    for (const spec of model.locked ?? []) row[spec.key] = projection.locked[spec.key]?.[i] ?? null;
    return row;
  });
  const columns: TableColumn<Record<string, unknown>>[] = [
    {key, label: model.rowKey.label, format: "text"},
    ...model.columns.map((c) => ({
      key: c.key,
      // Points stored as fractions are written with their unit ("2.6 个百分点"); other units go in the header.
      label: c.unit && !fractionPoints(c) ? {zh: `${t(c.label, "zh")}（${t(c.unit, "zh")}）`, en: `${t(c.label, "en")} (${t(c.unit, "en")})`} : c.label,
      format: c.kind === "percent" ? "percent" : fractionPoints(c) ? "points" : c.kind === "amount" && typeof c.unit === "string" ? c.unit : "number",
      digits: c.digits
    })),
    ...(model.locked ?? []).map((l) => ({key: l.key, label: l.label, format: l.format, digits: l.digits}))
  ];
  const table = dataTable(rows, {columns, rowKey: key, caption: {zh: `情景“${scenario.name}”的假设`, en: `Assumptions of “${scenario.name}”`}});
  table.classList.add("assumptions-table");
  table.dataset.scenario = scenario.id;
  return table;
}

/**
 * The link that opens the report's scenarios in the live notebook (a share link; the notebook's baseline is today's).
 * `model`: the entry's model on the report's data.
 * @example notebookLink(report, entry, model) // "../income-gap#income-gap.v1.eyJr…"
 */
export function notebookLink(report: Report, entry: Pick<ReportModel, "notebook">, model: ScenarioModel<any>): string {
  const set = {version: 1 as const, activeId: report.activeId, scenarios: report.scenarios, compare: report.compare};
  return `..${entry.notebook}#${encodeShare(set, model)}`;
}

/**
 * The printed page's header and footer where the browser draws CSS page-margin boxes (Chromium does): the title, the
 * date and the data version on top, the sources at the foot. Other browsers print the in-page header instead.
 * @example document.head.append(printPageStyle(report, sources))
 */
export function printPageStyle(report: Report, sources: string): HTMLStyleElement {
  const quote = (s: string) => `"${s.replace(/[\\"]/g, "\\$&").replace(/[\n\r]+/g, " ")}"`;
  const style = document.createElement("style");
  style.dataset.report = "print";
  style.textContent = `@media print { @page {
  @top-left { content: ${quote(report.title)}; font-size: 8pt; color: #555; }
  @top-right { content: ${quote(`${report.date} · ${t({zh: "数据", en: "data"})} ${dataVersion(report)}`)}; font-size: 8pt; color: #555; }
  @bottom-left { content: ${quote(sources)}; font-size: 7pt; color: #555; }
  @bottom-right { content: counter(page) " / " counter(pages); font-size: 8pt; color: #555; }
} }`;
  return style;
}

/**
 * One chart per series of the model: observed values and each compared scenario's projection, with the model's targets.
 * @example reportCharts(model, compared, observed, {baseYear: PLAN_BASE_YEAR})
 */
export function reportCharts(
  model: ScenarioModel<any>,
  compared: readonly {scenario: Scenario; projection: Projection}[],
  observed: Readonly<Record<string, readonly SeriesPoint[]>>,
  {baseYear, width = 688}: {baseYear?: number; width?: number} = {}
): HTMLElement {
  return html`<div class="report-charts">${(model.series ?? []).map(
    (series) => html`<figure class="report-chart" data-series=${series.key}>${scenarioLinesChart(
      {
        observed: observed[series.key] ?? [],
        scenarios: compared.map((c) => ({name: c.scenario.name, points: c.projection.series[series.key] ?? []})),
        label: series.label,
        format: series.format,
        digits: series.digits,
        baseYear,
        targets: (model.targets ?? []).filter((g) => g.series === series.key).map((g) => ({x: g.x, value: g.value, label: t(g.label)}))
      },
      {width}
    )}</figure>`
  )}</div>` as HTMLElement;
}

/**
 * The report's compare table: one line per compared scenario, or for a model whose series hold one line per grid row
 * (entry.perRow) a group of lines per row.
 * @example reportCompareTable(entry, model, data, compared)
 */
export function reportCompareTable<D>(entry: ReportModel<D>, model: ScenarioModel<D>, data: D, compared: readonly ScenarioResult[]): HTMLTableElement {
  const {measures, target} = compareOf(entry, data);
  if (!entry.perRow) return compareTable(model, compared, {measures, target, after: entry.after?.(data)});
  return rowCompareTable(model, compared, {measures, target, rowName: rowNamer(model, data), observedUntil: entry.perRow.observedUntil?.(data)});
}

/**
 * A per-row chart's data: each grid row (named) with each compared scenario's value of the measure on that row's line.
 * @example rowChartRows(model, data, compared, {series: "ratio", x: 2025})[0] // {name: "北京", values: [{scenario: "基线", value: 2.5}, …]}
 */
export function rowChartRows<D>(model: ScenarioModel<D>, data: D, compared: readonly ScenarioResult[], measure: CompareMeasure): DotRow[] {
  return rowComparison(model, compared, {measures: [measure], rowName: rowNamer(model, data)}).map((row) => ({
    name: row.name,
    values: row.scenarios.map((s) => ({scenario: s.name, value: s.values[0].value}))
  }));
}

/**
 * The report's charts: one per series of the model (reportCharts), or for entry.perRow one dot chart per measure it
 * names, with the compare target's value as a reference rule.
 * @example reportComparisonCharts(entry, model, data, compared, entry.observed?.(data) ?? {}, {baseYear: PLAN_BASE_YEAR})
 */
export function reportComparisonCharts<D>(
  entry: ReportModel<D>,
  model: ScenarioModel<D>,
  data: D,
  compared: readonly ScenarioResult[],
  observed: Readonly<Record<string, readonly SeriesPoint[]>>,
  {baseYear, width = 688}: {baseYear?: number; width?: number} = {}
): HTMLElement {
  if (!entry.perRow) return reportCharts(model, compared, observed, {baseYear, width});
  const {target} = compareOf(entry, data);
  const specs = new Map((model.series ?? []).map((s) => [s.key, s]));
  return html`<div class="report-charts">${entry.perRow.charts.map((m) => {
    const spec = specs.get(m.series);
    const reference =
      target && target.series === m.series
        ? {value: target.value, direction: target.direction, label: {zh: `参照值 ${target.value}`, en: `benchmark ${target.value}`}}
        : undefined;
    const chart = scenarioDotChart(
      {
        rows: rowChartRows(model, data, compared, m),
        scenarios: compared.map((c) => c.scenario.name),
        label: spec?.label ?? m.series,
        x: m.x,
        rowLabel: model.rowKey.label,
        format: spec?.format,
        digits: spec?.digits,
        reference
      },
      {width}
    );
    return html`<figure class="report-chart" data-series=${m.series} data-x=${m.x}>${chart}</figure>`;
  })}</div>` as HTMLElement;
}

function rowNamer<D>(model: ScenarioModel<D>, data: D): (key: string | number) => string {
  return model.rowName ? (key) => model.rowName!(key, data) : String;
}

/** A points column that stores fractions (0.026 for 2.6 points), which the "points" format writes as points. */
function fractionPoints(c: {kind: string; form?: string}): boolean {
  return c.kind === "points" && c.form !== "points";
}
