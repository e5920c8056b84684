// Key outputs of compared scenarios, side by side with their differences from the baseline.
import {html} from "htl";
import type {IncomePoint} from "./model/incomeProjection.js";
import {firstYearMeeting} from "./model/targets.js";

/** One compared scenario's key outputs. */
export interface ScenarioSummary {
  id: string;
  name: string;
  ratio2025: number | null;
  ratio2035: number | null;
  gap2025: number | null;
  gap2035: number | null;
  /** first projected year the ratio is at or below the target, or null */
  firstYear: number | null;
}

/**
 * Summarises one projected path.
 * @example summarize("s1", "快速", path, 2.0).ratio2035
 */
export function summarize(id: string, name: string, path: readonly IncomePoint[], target: number): ScenarioSummary {
  const at = (year: number) => path.find((p) => p.year === year);
  return {
    id,
    name,
    ratio2025: at(2025)?.ratio ?? null,
    ratio2035: at(2035)?.ratio ?? null,
    gap2025: at(2025)?.gap ?? null,
    gap2035: at(2035)?.gap ?? null,
    firstYear: firstYearMeeting(path.slice(1), (p) => p.ratio, target, "<=")
  };
}

/**
 * The compare table: one row per scenario, each value followed by its difference from the baseline row.
 * @example compareTable([baselineSummary, s1Summary], {target: 2.0, baselineId: "baseline"})
 */
export function compareTable(rows: readonly ScenarioSummary[], {target, baselineId = "baseline"}: {target: number; baselineId?: string}) {
  const base = rows.find((r) => r.id === baselineId);
  const ratio = (v: number | null) => (v === null ? "—" : v.toFixed(3));
  const gap = (v: number | null) => (v === null ? "—" : Math.round(v).toLocaleString("en-US"));
  const diff = (v: number | null, b: number | null | undefined, f: (x: number) => string) =>
    v === null || b === null || b === undefined ? "" : ` (${v - b >= 0 ? "+" : "−"}${f(Math.abs(v - b))})`;
  const cell = (r: ScenarioSummary, key: "ratio2025" | "ratio2035" | "gap2025" | "gap2035") => {
    const isRatio = key.startsWith("ratio");
    const f = isRatio ? (x: number) => x.toFixed(3) : (x: number) => Math.round(x).toLocaleString("en-US");
    const text = (isRatio ? ratio : gap)(r[key]) + (r.id === baselineId ? "" : diff(r[key], base?.[key], f));
    return html`<td data-key=${key}>${text}</td>`;
  };
  return html`<table id="compare-table" class="compare-table">
    <thead><tr><th>情景 Scenario</th><th>2025 收入比 ratio</th><th>2035 收入比 ratio</th><th>2025 收入差 gap (元)</th><th>2035 收入差 gap (元)</th>
      <th>收入比 ≤ ${target} 的首年 First year ratio ≤ ${target}</th></tr></thead>
    <tbody>${rows.map(
      (r) => html`<tr data-id=${r.id}><th scope="row">${r.name}</th>${cell(r, "ratio2025")}${cell(r, "ratio2035")}${cell(r, "gap2025")}${cell(r, "gap2035")}
        <td data-key="firstYear">${r.firstYear ?? "2035 年前未达到 / not by 2035"}${
          r.id !== baselineId && base && r.firstYear !== null && base.firstYear !== null && r.firstYear !== base.firstYear
            ? ` (${r.firstYear - base.firstYear > 0 ? "+" : "−"}${Math.abs(r.firstYear - base.firstYear)} 年 yr)`
            : ""
        }</td></tr>`
    )}</tbody>
  </table>`;
}
