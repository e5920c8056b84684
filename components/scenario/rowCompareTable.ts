// The compare table of a model whose series hold one line per grid row (each point's z is the row's key): a group of
// lines per row, one line per compared scenario, each measure read on that row's line with its difference from the
// baseline, and the first x at which the row meets a target. The figures are computed first (rowComparison, pure) and
// then written (rowCompareTable), so a chart or a test can use the same figures.
import {html} from "htl";
import {t, type Text} from "../i18n.js";
import {formatterFor, formatNumber} from "../format.js";
import {firstMeeting, seriesAt, type RowKey, type ScenarioModel} from "./model.js";
import type {ScenarioResult} from "./results.js";
import type {CompareMeasure} from "./compareTable.js";

/** A target whose first meeting x is shown per row. */
export interface RowTarget {
  series: string;
  value: number;
  direction: ">=" | "<=";
  label?: Text;
}

/** When a row's target is first met: x (null when not within the series), and whether it was already met observed. */
export interface RowMeeting {
  x: number | null;
  /** met at or before the row's last observed x */
  observed: boolean;
  /** the last x of the row's series, where "not reached" is said to end */
  last: number | null;
  /** x minus the baseline's x, when both are met and differ */
  shift: number | null;
}

/** One scenario's figures on one row. */
export interface RowScenarioFigures {
  id: string;
  name: string;
  isBase: boolean;
  /** one per measure, in order: the value and its difference from the baseline (null for the baseline itself) */
  values: {series: string; x: number; value: number | null; diff: number | null}[];
  meeting: RowMeeting | null;
}

/** One grid row's figures: its key, its name, and each compared scenario's figures. */
export interface RowComparison {
  key: string;
  name: string;
  scenarios: RowScenarioFigures[];
}

/** What the table compares: measures, an optional target, how rows are named and where each row's data ends. */
export interface RowCompareOptions {
  measures: readonly CompareMeasure[];
  target?: RowTarget;
  rowName?: (key: RowKey) => string;
  /** each row's last observed x: a target met by then is written "x (observed)", as a model's locked column may */
  observedUntil?: (key: RowKey) => number;
}

/**
 * Every row's figures for every compared scenario, rows in the scenarios' row order; the baseline is the read-only
 * scenario among those compared (none: no differences).
 * @example rowComparison(model, compared, {measures: [{series: "ratio", x: 2035}]})[0].scenarios[1].values[0].diff // -0.04
 */
export function rowComparison(
  model: ScenarioModel<any>,
  compared: readonly ScenarioResult[],
  {measures, target, rowName = String, observedUntil}: RowCompareOptions
): RowComparison[] {
  const base = compared.find((c) => c.scenario.readonly);
  const keys = (compared[0]?.scenario.rows ?? []).map((r) => r[model.rowKey.key]);
  const meeting = (c: ScenarioResult, z: string, until: number): Omit<RowMeeting, "shift"> => {
    const x = firstMeeting(c.projection, target!, {z});
    const line = (c.projection.series[target!.series] ?? []).filter((p) => p.z === z);
    return {x, observed: x !== null && x <= until, last: line.length ? Math.max(...line.map((p) => p.x)) : null};
  };
  return keys.map((rowKey) => {
    const z = String(rowKey);
    const until = observedUntil ? observedUntil(rowKey) : -Infinity;
    const baseMeeting = target && base ? meeting(base, z, until) : null;
    return {
      key: z,
      name: rowName(rowKey),
      scenarios: compared.map((c) => {
        const isBase = c === base;
        const values = measures.map(({series, x}) => {
          const value = seriesAt(c.projection, series, x, z);
          const b = base && !isBase ? seriesAt(base.projection, series, x, z) : null;
          return {series, x, value, diff: value !== null && b !== null ? value - b : null};
        });
        let met: RowMeeting | null = null;
        if (target) {
          const m = isBase ? baseMeeting! : meeting(c, z, until);
          const shift = !isBase && baseMeeting && m.x !== null && baseMeeting.x !== null && m.x !== baseMeeting.x ? m.x - baseMeeting.x : null;
          met = {...m, shift};
        }
        return {id: c.scenario.id, name: c.scenario.name, isBase, values, meeting: met};
      })
    };
  });
}

/**
 * The first-meeting year in words: "2031", "2019 (observed)", or "not by 2035" (the row's last x).
 * @example meetingText({x: 2019, observed: true, last: 2035, shift: null}, "en") // "2019 (observed)"
 */
export function meetingText(m: RowMeeting, lang?: "zh" | "en"): string {
  if (m.x === null) return m.last === null ? "—" : t({zh: `${m.last} 年前未达到`, en: `not by ${m.last}`}, lang);
  return m.observed ? t({zh: `${m.x}（观测值）`, en: `${m.x} (observed)`}, lang) : String(m.x);
}

/**
 * The shift from the baseline's first-meeting year in words, "" when there is none.
 * @example shiftText({x: 2029, observed: false, last: 2035, shift: -2}, "en") // "(−2 yr)"
 */
export function shiftText(m: RowMeeting, lang?: "zh" | "en"): string {
  return m.shift === null ? "" : `(${m.shift > 0 ? "+" : "−"}${formatNumber(Math.abs(m.shift))} ${t({zh: "年", en: "yr"}, lang)})`;
}

/**
 * The table: a group of lines per grid row (the row's name spans them), one line per compared scenario, a column per
 * measure (the value, and the difference from the baseline after it) and the first year the target is met.
 * @example rowCompareTable(model, compared, {measures: [{series: "ratio", x: 2035}], target: {series: "ratio", value: 2, direction: "<="}})
 */
export function rowCompareTable(model: ScenarioModel<any>, compared: readonly ScenarioResult[], options: RowCompareOptions): HTMLTableElement {
  const specs = new Map((model.series ?? []).map((s) => [s.key, s]));
  const {measures, target} = options;
  const format = (series: string) => formatterFor(specs.get(series)?.format ?? "number", {digits: specs.get(series)?.digits});
  const label = (m: CompareMeasure) => (m.label ? t(m.label) : `${m.x} ${t(specs.get(m.series)?.label ?? m.series)}`);
  const sign = target?.direction === "<=" ? "≤" : "≥";
  const targetLabel = target
    ? target.label
      ? t(target.label)
      : t({
          zh: `${t(specs.get(target.series)?.label ?? target.series, "zh")} ${sign} ${target.value} 的首年`,
          en: `First year ${t(specs.get(target.series)?.label ?? target.series, "en")} ${sign} ${target.value}`
        })
    : "";
  const rows = rowComparison(model, compared, options);
  return html`<table class="compare-table row-compare-table" data-model=${model.id}>
    <caption>${t({zh: `各${t(model.rowKey.label, "zh")}的情景比较（括号内为与基线之差）`, en: `Scenarios compared for each ${t(model.rowKey.label, "en").toLowerCase()} (in brackets: the difference from the baseline)`})}</caption>
    <thead><tr><th scope="col">${t(model.rowKey.label)}</th><th scope="col">${t({zh: "情景", en: "Scenario"})}</th>${measures.map(
      (m) => html`<th scope="col">${label(m)}</th>`
    )}${target ? html`<th scope="col">${targetLabel}</th>` : ""}</tr></thead>
    ${rows.map(
      (row) => html`<tbody data-row=${row.key}>${row.scenarios.map(
        (s, i) => html`<tr data-row=${row.key} data-id=${s.id}>${
          i === 0 ? html`<th scope="rowgroup" rowspan=${row.scenarios.length}>${row.name}</th>` : ""
        }<th scope="row">${s.name}</th>${s.values.map((v) => {
          const f = format(v.series);
          return html`<td data-key=${`${v.series}-${v.x}`} data-value=${v.value ?? ""}><span class="value">${f(v.value)}</span>${
            // A row the scenario leaves as the baseline says nothing: with many rows, "(+0.000)" on each would hide the few that differ.
            v.diff === null || v.diff === 0 ? "" : html` <span class="diff">(${v.diff >= 0 ? "+" : "−"}${f(Math.abs(v.diff))})</span>`
          }</td>`;
        })}${s.meeting ? html`<td data-key="first-year" data-value=${s.meeting.x ?? ""}><span class="value">${meetingText(s.meeting)}</span>${
              s.meeting.shift === null ? "" : html` <span class="diff">${shiftText(s.meeting)}</span>`
            }</td>` : ""}</tr>`
      )}</tbody>`
    )}
  </table>` as HTMLTableElement;
}
