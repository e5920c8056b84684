import {t, type Text} from "../i18n.js";
import {formatterFor} from "../format.js";
import type {SensitivityGrid} from "../scenario/analysis.js";
import {SCENARIO_NOTE, type DownloadSpec} from "../download/fileSource.js";
import {fileHeader} from "../download/fileHeader.js";
import {withDownloads} from "../download/withDownloads.js";

/**
 * A sensitivity grid as an HTML table with a colour scale: rows one column's values, columns the other's, cells the
 * output; cells that meet the target are bold and ticked, so the table reads without colour. With `download`, in a
 * block with CSV/XLSX buttons for the same grid (raw rates and outputs).
 * @example sensitivityHeatTable(grid, {xLabel: "农村增速", yLabel: "城镇增速", valueFormat: "ratio", target: {value: 2, direction: "<="}})
 */
export function sensitivityHeatTable(
  grid: SensitivityGrid,
  {
    width,
    xLabel,
    yLabel,
    caption,
    axisFormat = "percent",
    valueFormat = "number",
    digits = 2,
    target,
    download
  }: {width?: number; xLabel: Text; yLabel: Text; caption?: Text; axisFormat?: string; valueFormat?: string; digits?: number; target?: {value: number; direction: ">=" | "<="}; download?: DownloadSpec}
): HTMLElement {
  const values = grid.cells.flat().filter((v): v is number => v !== null);
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  const axis = formatterFor(axisFormat, {digits: 1});
  const value = formatterFor(valueFormat, {digits});
  const shade = (v: number) => `color-mix(in srgb, #e67e22 ${hi > lo ? Math.round(((v - lo) / (hi - lo)) * 70) + 5 : 20}%, transparent)`;
  const meets = (v: number) => target !== undefined && (target.direction === "<=" ? v <= target.value : v >= target.value);
  // Built with DOM calls, not a template: the table is rebuilt on every grid edit, and parsing markup cost more.
  const table = document.createElement("table");
  table.className = "sensitivity-table";
  table.setAttribute("style", width ? `max-width: ${width}px` : "");
  if (caption) table.append(cell("caption", t(caption)));
  const head = document.createElement("thead");
  head.append(row([cell("th", `${t(yLabel)} ↓ · ${t(xLabel)} →`, "col"), ...grid.x.values.map((x) => cell("th", axis(x), "col"))]));
  const body = document.createElement("tbody");
  body.append(
    ...grid.y.values.map((y, i) =>
      row([
        cell("th", axis(y), "row"),
        ...grid.cells[i].map((v) => {
          if (v === null) return cell("td", "—");
          const met = meets(v);
          const td = cell("td", `${value(v)}${met ? " ✓" : ""}`);
          td.setAttribute("style", `background: ${shade(v)}; text-align: right; white-space: nowrap; ${met ? "font-weight: 700;" : ""}`);
          td.dataset.met = met ? "true" : "false";
          return td;
        })
      ])
    )
  );
  table.append(head, body);
  if (!download) return table;
  // The same layout as the table: one row per y value, one column per x value, the corner naming both axes.
  const columns = [
    {key: "y", label: `${fileHeader(yLabel, axisFormat)} ↓ · ${fileHeader(xLabel, axisFormat)} →`},
    ...grid.x.values.map((x, j) => ({key: `x${j}`, label: String(x)}))
  ];
  const rows = grid.y.values.map((y, i) => Object.fromEntries([["y", y], ...grid.cells[i].map((v, j) => [`x${j}`, v])]));
  return withDownloads(table, rows, columns, download, SCENARIO_NOTE);
}

function cell(tag: string, text: string, scope?: "col" | "row"): HTMLElement {
  const element = document.createElement(tag);
  if (scope) element.setAttribute("scope", scope);
  element.textContent = text;
  return element;
}

function row(cells: HTMLElement[]): HTMLTableRowElement {
  const tr = document.createElement("tr");
  tr.append(...cells);
  return tr;
}
