// Download buttons for what a page shows: the one place that turns a DownloadSpec (name, manifests, publisher) and a
// table's rows and columns into the CSV/XLSX buttons, so tables and charts write their files the same way.
import {downloadButtons} from "./downloadButtons.js";
import {t, type Text} from "../i18n.js";
import {fileSource, type DownloadSpec} from "./fileSource.js";
import type {Column, Row} from "./tableFile.js";

/**
 * The CSV/XLSX buttons for rows with the given columns, the file's source and version from the spec's manifests, and
 * the notes: the component's (SCENARIO_NOTE for projections), then the spec's.
 * @example downloadGroup(history, [{key: "year", label: "年份"}], {name: "income", manifests: manifest})
 */
export function downloadGroup(rows: readonly Row[] | (() => readonly Row[]), columns: readonly Column[], spec: DownloadSpec, note?: Text): HTMLElement {
  const notes = [note, spec.note].filter((n): n is Text => n !== undefined).map((n) => t(n));
  const group = downloadButtons(rows, {name: spec.name, columns, ...fileSource(spec), ...(notes.length ? {note: notes.join(" ")} : {})});
  group.classList.add("no-print");
  return group;
}

/**
 * The element followed by its download buttons, in one block (class "with-downloads").
 * @example display(withDownloads(table, rows, columns, {name: "compare", manifests: [manifest]}))
 */
export function withDownloads(
  element: Element,
  rows: readonly Row[] | (() => readonly Row[]),
  columns: readonly Column[],
  spec: DownloadSpec,
  note?: Text
): HTMLElement {
  const block = document.createElement("div");
  block.className = "with-downloads";
  block.append(element, downloadGroup(rows, columns, spec, note));
  return block;
}
