import {html} from "htl";
import {t, type Text} from "../i18n.js";
import {formatterFor} from "../format.js";
import type {DownloadSpec} from "../download/fileSource.js";
import {fileHeader} from "../download/fileHeader.js";
import type {Column, Row} from "../download/tableFile.js";
import {withDownloads} from "../download/withDownloads.js";

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

export interface DataTableOptions<R> {
  columns: readonly TableColumn<R>[];
  rowKey?: keyof R & string;
  id?: string;
  caption?: Text;
  rowClass?: (row: R) => string;
}

/**
 * A plain table of rows: headed columns, numbers formatted by `components/format.ts`, missing values as "—",
 * each row keyed by `rowKey` (data-key) so tests and readers can find it. With `download`, the table comes in a block
 * with CSV/XLSX buttons for the same rows and columns (tableFile).
 * @example dataTable(history, {columns: [{key: "year", label: {zh: "年份", en: "Year"}, format: "text"}], rowKey: "year", download: {name: "income", manifests: manifest}})
 */
export function dataTable<R extends Record<string, unknown>>(rows: readonly R[], options: DataTableOptions<R> & {download: DownloadSpec}): HTMLElement;
export function dataTable<R extends Record<string, unknown>>(rows: readonly R[], options: DataTableOptions<R> & {download?: undefined}): HTMLTableElement;
export function dataTable<R extends Record<string, unknown>>(
  rows: readonly R[],
  {columns, rowKey, id, caption, rowClass, download}: DataTableOptions<R> & {download?: DownloadSpec}
): HTMLElement {
  const cell = (row: R, c: TableColumn<R>) => {
    const value = row[c.key];
    if (c.format === "text" || c.format === undefined || typeof value !== "number") return value === null || value === undefined || value === "" ? "—" : String(value);
    return `${c.prefix?.(row) ?? ""}${formatterFor(c.format, {digits: c.digits})(value)}`;
  };
  const table = html`<table class="data-table" id=${id ?? null}>
    ${caption ? html`<caption>${t(caption)}</caption>` : ""}
    <thead><tr>${columns.map((c) => html`<th scope="col">${t(c.label)}</th>`)}</tr></thead>
    <tbody>${rows.map(
      (row) => html`<tr data-key=${rowKey ? String(row[rowKey]) : null} class=${rowClass?.(row) ?? null}>${columns.map(
        (c) => html`<td class=${c.key} data-value=${typeof row[c.key] === "number" ? String(row[c.key]) : null}>${cell(row, c)}</td>`
      )}</tr>`
    )}</tbody>
  </table>` as HTMLTableElement;
  if (!download) return table;
  const file = tableFile(rows, columns);
  return withDownloads(table, file.rows, file.columns, download);
}

/**
 * The rows and columns a data table's file holds: raw values (numbers unformatted), headers with their unit, and
 * after each column with a prefix a qualifier column holding it ("≥" for a lower bound), so no bound becomes a
 * plain figure.
 * @example tableFile([{v: 10.75, bound: true}], [{key: "v", label: "亿亩", prefix: (r) => (r.bound ? "≥ " : "")}]) // {rows: [{v: 10.75, "v:qualifier": "≥"}], columns: [{key: "v", label: "亿亩"}, {key: "v:qualifier", label: "亿亩 限定"}]}
 */
export function tableFile<R extends Record<string, unknown>>(rows: readonly R[], columns: readonly TableColumn<R>[]): {rows: Row[]; columns: Column[]} {
  const qualifier = (key: string) => `${key}:qualifier`;
  const fileColumns = columns.flatMap((c) => {
    const column = {key: c.key, label: fileHeader(c.label, c.format)};
    return c.prefix ? [column, {key: qualifier(c.key), label: `${t(c.label)} ${t({zh: "限定", en: "qualifier"})}`}] : [column];
  });
  const fileRows = rows.map((row) => {
    const out: Row = {};
    for (const c of columns) {
      const value = row[c.key];
      out[c.key] = value === "" ? null : value;
      if (c.prefix) out[qualifier(c.key)] = typeof value === "number" ? c.prefix(row).trim() || null : null;
    }
    return out;
  });
  return {rows: fileRows, columns: fileColumns};
}
