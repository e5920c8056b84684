// The compare table of any scenario model: one row per compared scenario, chosen series values at chosen years with
// their difference from the baseline, and the first year each meets a target.
import {html} from "htl";
import {t, type Text} from "../i18n.js";
import {formatterFor, formatNumber} from "../format.js";
import {firstMeeting, seriesAt, type ScenarioModel} from "./model.js";
import type {ScenarioResult} from "./results.js";
import {SCENARIO_NOTE, type DownloadSpec} from "../download/fileSource.js";
import {fileHeader} from "../download/fileHeader.js";
import {withDownloads} from "../download/withDownloads.js";

/** A column of the compare table: a series read at x. */
export interface CompareMeasure {
  series: string;
  x: number;
  label?: Text;
}

/**
 * The compare table element; with `download`, in a block with CSV/XLSX buttons for its values (raw, without the
 * differences from the baseline, which a spreadsheet computes).
 * @example compareTable(model, compared, {measures: [{series: "ratio", x: 2025}], target: {series: "ratio", value: 2, direction: "<="}})
 */
export function compareTable(
  model: ScenarioModel<any>,
  compared: readonly ScenarioResult[],
  options: CompareTableOptions & {download: DownloadSpec}
): HTMLElement;
export function compareTable(model: ScenarioModel<any>, compared: readonly ScenarioResult[], options: CompareTableOptions & {download?: undefined}): HTMLTableElement;
export function compareTable(
  model: ScenarioModel<any>,
  compared: readonly ScenarioResult[],
  {measures, target, after, download}: CompareTableOptions & {download?: DownloadSpec}
): HTMLElement {
  const specs = new Map((model.series ?? []).map((s) => [s.key, s]));
  const base = compared.find((c) => c.scenario.readonly);
  const label = (m: CompareMeasure) => (m.label ? t(m.label) : `${m.x} ${t(specs.get(m.series)?.label ?? m.series)}`);
  const format = (m: CompareMeasure) => {
    const spec = specs.get(m.series);
    return formatterFor(spec?.format ?? "number", {digits: spec?.digits});
  };
  const targetLabel = target
    ? target.label
      ? t(target.label)
      : t({
          zh: `${t(specs.get(target.series)?.label ?? target.series)} ${target.direction === "<=" ? "≤" : "≥"} ${target.value} 的首年`,
          en: `First year ${t(specs.get(target.series)?.label ?? target.series)} ${target.direction === "<=" ? "≤" : "≥"} ${target.value}`
        })
    : "";
  const firstYear = (c: ScenarioResult) => (target ? firstMeeting(c.projection, target, {after}) : null);
  const notReached = t({zh: "期内未达到", en: "not within the horizon"});
  const table = html`<table class="compare-table" data-model=${model.id}>
    <thead><tr><th scope="col">${t({zh: "情景", en: "Scenario"})}</th>${measures.map((m) => html`<th scope="col">${label(m)}</th>`)}${
      target ? html`<th scope="col">${targetLabel}</th>` : ""
    }</tr></thead>
    <tbody>${compared.map((c) => {
      const isBase = c === base;
      return html`<tr data-id=${c.scenario.id}><th scope="row">${c.scenario.name}</th>${measures.map((m) => {
        const f = format(m);
        const v = seriesAt(c.projection, m.series, m.x);
        const b = base ? seriesAt(base.projection, m.series, m.x) : null;
        const diff = !isBase && v !== null && b !== null ? ` (${v - b >= 0 ? "+" : "−"}${f(Math.abs(v - b))})` : "";
        return html`<td data-key=${`${m.series}-${m.x}`} data-value=${v ?? ""}>${f(v)}${diff}</td>`;
      })}${
        target
          ? html`<td data-key="first-year">${(() => {
              const y = firstYear(c);
              const by = base ? firstYear(base) : null;
              const shift = !isBase && y !== null && by !== null && y !== by ? ` (${y - by > 0 ? "+" : "−"}${formatNumber(Math.abs(y - by))} ${t({zh: "年", en: "yr"})})` : "";
              return y === null ? notReached : `${y}${shift}`;
            })()}</td>`
          : ""
      }</tr>`;
    })}</tbody>
  </table>` as HTMLTableElement;
  if (!download) return table;
  const key = (m: CompareMeasure) => `${m.series}-${m.x}`;
  const columns = [
    {key: "scenario", label: t({zh: "情景", en: "Scenario"})},
    ...measures.map((m) => ({key: key(m), label: fileHeader(label(m), specs.get(m.series)?.format)})),
    ...(target ? [{key: "first-year", label: targetLabel}] : [])
  ];
  const rows = compared.map((c) => {
    const row: Record<string, unknown> = {scenario: c.scenario.name};
    for (const m of measures) row[key(m)] = seriesAt(c.projection, m.series, m.x);
    if (target) row["first-year"] = firstYear(c) ?? notReached;
    return row;
  });
  return withDownloads(table, rows, columns, download, SCENARIO_NOTE);
}

/** What the compare table shows: series at years, and the first year each scenario meets a target. */
export interface CompareTableOptions {
  measures: readonly CompareMeasure[];
  target?: {series: string; value: number; direction: ">=" | "<="; label?: Text};
  after?: number;
}
