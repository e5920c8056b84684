// The compare table of any scenario model: one row per compared scenario, chosen series values at chosen years with
// their difference from the baseline, and the first year each meets a target.
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
  // Built with DOM calls, not a template: the table is rebuilt on every grid edit, and parsing markup cost more.
  const table = document.createElement("table");
  table.className = "compare-table";
  table.dataset.model = model.id;
  const headRow = document.createElement("tr");
  headRow.append(cell("th", t({zh: "情景", en: "Scenario"}), {scope: "col"}), ...measures.map((m) => cell("th", label(m), {scope: "col"})));
  if (target) headRow.append(cell("th", targetLabel, {scope: "col"}));
  const head = document.createElement("thead");
  head.append(headRow);
  const body = document.createElement("tbody");
  const formats = measures.map(format);
  for (const c of compared) {
    const isBase = c === base;
    const tr = document.createElement("tr");
    tr.dataset.id = c.scenario.id;
    tr.append(cell("th", c.scenario.name, {scope: "row"}));
    measures.forEach((m, i) => {
      const f = formats[i];
      const v = seriesAt(c.projection, m.series, m.x);
      const b = base ? seriesAt(base.projection, m.series, m.x) : null;
      const diff = !isBase && v !== null && b !== null ? ` (${v - b >= 0 ? "+" : "−"}${f(Math.abs(v - b))})` : "";
      tr.append(cell("td", `${f(v)}${diff}`, {"data-key": `${m.series}-${m.x}`, "data-value": v === null ? "" : String(v)}));
    });
    if (target) {
      const y = firstYear(c);
      const by = base ? firstYear(base) : null;
      const shift = !isBase && y !== null && by !== null && y !== by ? ` (${y - by > 0 ? "+" : "−"}${formatNumber(Math.abs(y - by))} ${t({zh: "年", en: "yr"})})` : "";
      tr.append(cell("td", y === null ? notReached : `${y}${shift}`, {"data-key": "first-year"}));
    }
    body.append(tr);
  }
  table.append(head, body);
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

function cell(tag: "th" | "td", text: string, attributes: Record<string, string>): HTMLTableCellElement {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  element.textContent = text;
  return element;
}

/** What the compare table shows: series at years, and the first year each scenario meets a target. */
export interface CompareTableOptions {
  measures: readonly CompareMeasure[];
  target?: {series: string; value: number; direction: ">=" | "<="; label?: Text};
  after?: number;
}
