// A chart with a text alternative: a visible title and a one-sentence summary of what it shows, which also name the
// chart for screen readers (the SVG becomes one image). Plot marks its groups with aria-label, which ARIA forbids on
// elements without a role; those labels move to data-aria-label, so they still describe the parts to tools and tests.
import {t, type Text} from "./i18n.js";
import type {DownloadSpec} from "./download/fileSource.js";
import type {Column, Row} from "./download/tableFile.js";
import {downloadGroup} from "./download/withDownloads.js";
import {shareStyles} from "./sharedStyles.js";
import {mergeTicks} from "./charts/mergeTicks.js";

/** The rows a chart draws, with the file's columns (headers in the current language, with units). */
export interface ChartData {
  rows: readonly object[];
  columns: readonly Column[];
  /** Written in the file when the rows hold more than the source's figures, e.g. SCENARIO_NOTE. */
  note?: Text;
}

/** Options of chartFigure: title and summary, the chart's data, and where its file comes from (download buttons). */
export interface ChartFigureOptions {
  title?: Text;
  summary?: Text;
  data?: ChartData;
  download?: DownloadSpec;
}

// Each figure's data, kept off the DOM so a page that renames a chart (chartFigure on a figure) can still add downloads.
const figureData = new WeakMap<Element, ChartData>();

let counter = 0;

/**
 * Makes each SVG in `chart` a single image labelled by the given ids, and moves aria-label off groups without a role.
 * Returns the chart.
 * @example accessibleSvg(Plot.plot({...}), ["chart-title-1", "chart-summary-1"])
 */
export function accessibleSvg<T extends Element>(chart: T, labelledBy: string[]): T {
  const svgs = chart.matches("svg") ? [chart, ...chart.querySelectorAll("svg")] : [...chart.querySelectorAll("svg")];
  for (const svg of svgs) {
    // Plot's legends are SVGs too (swatches beside their HTML labels, or a colour ramp): decoration beside the summary.
    if (isLegend(svg)) svg.setAttribute("aria-hidden", "true");
    else {
      svg.setAttribute("role", "img");
      svg.setAttribute("aria-labelledby", labelledBy.join(" "));
    }
    for (const element of svg.querySelectorAll("[aria-label]")) {
      if (element.hasAttribute("role")) continue;
      element.setAttribute("data-aria-label", element.getAttribute("aria-label")!);
      element.removeAttribute("aria-label");
    }
    for (const element of svg.querySelectorAll("[aria-description]")) element.removeAttribute("aria-description");
  }
  return chart;
}

function isLegend(svg: Element): boolean {
  const legendClass = (element: Element) => /-(swatch|swatches|ramp|legend)\b/.test(element.getAttribute("class") ?? "");
  for (let element: Element | null = svg; element; element = element.parentElement) if (legendClass(element)) return true;
  return false;
}

/**
 * A figure holding a chart (a Plot SVG or figure, or any element with SVG inside) under its title and summary. Given
 * a figure this function already made (every chart in components/charts/ returns one), it sets the title and summary
 * given, leaving the others, and returns that figure: a page may rename a chart without nesting figures. `data` is
 * what the chart draws (charts in components/charts/ give it); with `download`, CSV/XLSX buttons for that data go
 * under the chart.
 * @example chartFigure(coverageChart(points, [], {width}), {title: {zh: "普及率", en: "Coverage"}, summary: {zh: "2017年以来逐年上升。", en: "Rising every year since 2017."}, download: {name: "coverage", manifests: manifest}})
 */
export function chartFigure(chart: Element, {title, summary, data, download}: ChartFigureOptions): HTMLElement {
  const figure = isChartFigure(chart) ? chart : newFigure(chart);
  if (title !== undefined) figure.querySelector(":scope > figcaption > .chart-title")!.textContent = t(title);
  if (summary !== undefined) figure.querySelector(":scope > figcaption > .chart-summary")!.textContent = t(summary);
  if (data) figureData.set(figure, data);
  if (download) {
    const known = figureData.get(figure);
    if (!known) throw new Error(`chartFigure: no data to download for "${download.name}" (pass data: {rows, columns})`);
    figure.querySelector(":scope > .download-buttons")?.remove();
    figure.append(downloadGroup(known.rows as readonly Row[], known.columns, download, known.note));
  }
  return figure;
}

function newFigure(chart: Element): HTMLElement {
  const id = `chart-${++counter}-${Math.random().toString(36).slice(2, 8)}`;
  const figure = document.createElement("figure");
  figure.className = "chart-figure";
  const caption = document.createElement("figcaption");
  const heading = document.createElement("strong");
  heading.className = "chart-title";
  heading.id = `${id}-title`;
  heading.textContent = "";
  const text = document.createElement("span");
  text.className = "chart-summary";
  text.id = `${id}-summary`;
  text.textContent = "";
  caption.append(heading, text);
  figure.append(caption, mergeTicks(shareStyles(accessibleSvg(chart, [heading.id, text.id]))));
  return figure;
}

function isChartFigure(element: Element): element is HTMLElement {
  return element.matches("figure.chart-figure") && element.querySelector(":scope > figcaption > .chart-title") !== null;
}
