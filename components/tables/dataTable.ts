import {html} from "htl";
import {t, type Text} from "../i18n.js";
import {formatterFor} from "../format.js";

/** A column of a data table: the row field, its heading, and how its values are written. */
export interface TableColumn<R> {
  key: keyof R & string;
  label: Text;
  /** "percent", "ratio", "integer", "number", a unit ("元", "万亩"), or "text" (as is) */
  format?: string;
  digits?: number;
  /** text written before a value, e.g. "≥ " for a lower bound */
  prefix?: (row: R) => string;
}

/**
 * A plain table of rows: headed columns, numbers formatted by `components/format.ts`, missing values as "—",
 * each row keyed by `rowKey` (data-key) so tests and readers can find it.
 * @example dataTable(history, {columns: [{key: "year", label: {zh: "年份", en: "Year"}, format: "text"}], rowKey: "year"})
 */
export function dataTable<R extends Record<string, unknown>>(
  rows: readonly R[],
  {columns, rowKey, id, caption, rowClass}: {columns: readonly TableColumn<R>[]; rowKey?: keyof R & string; id?: string; caption?: Text; rowClass?: (row: R) => string}
): HTMLTableElement {
  const cell = (row: R, c: TableColumn<R>) => {
    const value = row[c.key];
    if (c.format === "text" || c.format === undefined || typeof value !== "number") return value === null || value === undefined || value === "" ? "—" : String(value);
    return `${c.prefix?.(row) ?? ""}${formatterFor(c.format, {digits: c.digits})(value)}`;
  };
  return html`<table class="data-table" id=${id ?? null}>
    ${caption ? html`<caption>${t(caption)}</caption>` : ""}
    <thead><tr>${columns.map((c) => html`<th scope="col">${t(c.label)}</th>`)}</tr></thead>
    <tbody>${rows.map(
      (row) => html`<tr data-key=${rowKey ? String(row[rowKey]) : null} class=${rowClass?.(row) ?? null}>${columns.map(
        (c) => html`<td class=${c.key} data-value=${typeof row[c.key] === "number" ? String(row[c.key]) : null}>${cell(row, c)}</td>`
      )}</tr>`
    )}</tbody>
  </table>` as HTMLTableElement;
}
