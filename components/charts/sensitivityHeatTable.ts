import {html} from "htl";
import type {SensitivityTable} from "../model/sensitivity.js";

/**
 * The sensitivity grid as an HTML table with a colour scale: rows urban growth, columns rural growth, cells the
 * output (e.g. the 2035 ratio); cells at or below `target` are marked. Text stays readable without colour.
 * @example sensitivityHeatTable(sensitivityTable(start, [0.04, 0.05], [0.06, 0.07], 2035), {target: 2})
 */
export function sensitivityHeatTable(
  table: SensitivityTable,
  {width, target, digits = 2}: {width?: number; target?: number; digits?: number} = {}
): HTMLTableElement {
  const values = table.cells.flat();
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  const pct = (r: number) => `${(r * 100).toFixed(1)}%`;
  // Sequential orange: high ratios (a wider gap) are darker.
  const shade = (v: number) => `color-mix(in srgb, #e67e22 ${hi > lo ? Math.round(((v - lo) / (hi - lo)) * 70) + 5 : 20}%, transparent)`;
  return html`<table class="sensitivity-table" style=${width ? `max-width: ${width}px` : ""} aria-label=${`${table.year} 收入比敏感性 / ${table.year} ratio sensitivity`}>
    <thead><tr><th scope="col">城镇 Urban ↓ · 农村 Rural →</th>${table.ruralRates.map((r) => html`<th scope="col">${pct(r)}</th>`)}</tr></thead>
    <tbody>${table.urbanRates.map(
      (u, i) => html`<tr><th scope="row">${pct(u)}</th>${table.cells[i].map((v) => {
        const met = target !== undefined && v <= target;
        return html`<td style=${`background: ${shade(v)}; text-align: right; white-space: nowrap; ${met ? "font-weight: 700;" : ""}`} data-met=${met ? "true" : "false"}>${v.toFixed(digits)}${met ? " ✓" : ""}</td>`;
      })}</tr>`
    )}</tbody>
  </table>` as HTMLTableElement;
}
