// @vitest-environment jsdom
import {describe, expect, it, vi} from "vitest";
import {reportModel} from "../../../components/report/models.js";
import {buildReport, specModel} from "../../../components/report/schema.js";
import {assumptionsTable, bundleTables, dataVersion, driftBanner, driftOf, headlineRows, headlineTable, notebookLink, printPageStyle, reportCharts, type ReportBundle} from "../../../components/report/reportView.js";
import {PublishReport} from "../../../components/report/PublishReport.js";
import {ScenarioManager} from "../../../components/ScenarioManager.js";
import {forkBaseline, initialSet, rowShape} from "../../../components/scenario/scenarioSet.js";
import {decodeShare} from "../../../components/scenario/share.js";
import {projector} from "../../../components/scenario/model.js";
import {SHA_A, SHA_B, syntheticRows, syntheticToday} from "./context.js";

const entry = reportModel("income-gap")!;
const today = syntheticToday();
const data = today.data("income-gap") as never;
const model = specModel(entry, data);
const baseline = model.baseline(data);
const shape = rowShape(model, baseline.rows);
const set = forkBaseline(initialSet(shape, baseline.rows), shape, baseline.rows.map((r, i) => (i === 0 ? {...r, rural: 0.09} : r)));
const report = buildReport(entry, data, set, {title: "T", date: "2026-12-01"}, today.manifests("income-gap"));
const bundle = (sha256: string): ReportBundle => ({
  slug: "t",
  report,
  datasets: [{manifest: {...today.manifests("income-gap")[0], source: {...today.manifests("income-gap")[0].source, sha256}}, rows: syntheticRows()}]
});
const project = projector(model, data);
const projections = new Map(report.scenarios.map((s) => [s.id, project(s.rows)]));

describe("report page pieces", () => {
  it("rebuilds the model's data from the bundle's tables", () => {
    expect(entry.data(bundleTables(bundle(SHA_A)))).toEqual(data);
  });

  it("finds drift only when a dataset's sha256 changed, and names it with both hashes", () => {
    expect(driftOf(bundle(SHA_A))).toEqual([]);
    expect(driftOf(bundle(SHA_B))).toEqual([{id: "income-national", published: SHA_A, today: SHA_B}]);
    expect(driftBanner(bundle(SHA_A), model, projections).hidden).toBe(true);
    const banner = driftBanner(bundle(SHA_B), model, projections);
    expect(banner.hidden).toBe(false);
    expect(banner.dataset.datasets).toBe("income-national");
    expect(banner.querySelectorAll("#drift-figures tbody tr")).toHaveLength(6);
  });

  it("pairs each headline figure as published with today's", () => {
    const rows = headlineRows(report, model, projections);
    expect(rows[3]).toMatchObject({key: "s1-ratio-2025", scenario: "情景 1", published: report.headline[3].value, today: report.headline[3].value});
  });

  it("writes the data version, the live-notebook link and the print header", () => {
    expect(dataVersion(report)).toBe(`income-national@${"a".repeat(12)}`);
    const link = notebookLink(report, entry, model);
    expect(link.startsWith("../income-gap#income-gap.v1.")).toBe(true);
    const opened = decodeShare(link.slice(link.indexOf("#")), model, shape);
    expect(opened?.ok && opened.state.scenarios[1].rows[0].rural).toBe(0.09);
    const style = printPageStyle({...report, title: 'A "quoted" title'}, "Sources: x");
    expect(style.textContent).toContain('@top-left { content: "A \\"quoted\\" title"');
    expect(style.textContent).toContain('@bottom-left { content: "Sources: x"');
  });

  it("shows a scenario's assumptions with its locked columns, and one chart per series", () => {
    const table = assumptionsTable(model, report.scenarios[1], projections.get("s1")!);
    expect(table.dataset.scenario).toBe("s1");
    expect(table.querySelector('tr[data-key="2025"] td.rural')!.textContent).toBe("9%");
    expect(Number(table.querySelector<HTMLElement>('tr[data-key="2025"] td.ratio')!.dataset.value)).toBe(projections.get("s1")!.locked.ratio[0]);
    const charts = reportCharts(model, [{scenario: report.scenarios[1], projection: projections.get("s1")!}], entry.observed!(data));
    expect([...charts.querySelectorAll("figure.report-chart")].map((f) => (f as HTMLElement).dataset.series)).toEqual(["ratio", "gap", "urban", "rural"]);
    expect(charts.querySelectorAll("figure.report-chart svg[class*=plot]").length).toBeGreaterThanOrEqual(4);
  });
});

describe("headline figures of bounds and of rows", () => {
  it("writes \"≥ \" before every figure of a lower-bound model, both as published and today", () => {
    const table = headlineTable(report, model, projections, {drift: true, prefix: "≥ "});
    const cells = [...table.querySelectorAll("td.published, td.today")].map((td) => td.textContent!);
    expect(cells).toHaveLength(12);
    expect(cells.every((c) => c.startsWith("≥ "))).toBe(true);
  });

  it("names the row of a per-row figure (a province) and reads that row's point", () => {
    const projection = {locked: {}, series: {ratio: [{x: 2035, y: 2.5, z: "110000"}, {x: 2035, y: 1.8, z: "120000"}]}};
    const perRow = {...report, scenarios: [report.scenarios[0]], headline: [{scenario: "baseline", series: "ratio", x: 2035, z: "120000", value: 1.8}]};
    const rows = headlineRows(perRow, model, new Map([["baseline", projection]]), {rowName: (z) => (z === "120000" ? "天津" : z)});
    expect(rows).toEqual([expect.objectContaining({key: "baseline-ratio-2035-120000", figure: expect.stringMatching(/^天津 · 2035 /), published: 1.8, today: 1.8})]);
  });
});

describe("PublishReport", () => {
  it("is one button that opens a labelled dialog", () => {
    const manager = ScenarioManager(model, data, {storage: null});
    const element = PublishReport(manager, {datasets: today.manifests("income-gap"), data});
    expect([...element.querySelectorAll("button")].map((b) => b.textContent)).toEqual(["发布报告", "下载报告文件", "取消"]);
    const dialog = element.querySelector("dialog")!;
    expect(document.getElementById(dialog.getAttribute("aria-labelledby")!)).toBe(null); // not attached yet
    expect(element.querySelector(`#${dialog.getAttribute("aria-labelledby")}`)!.textContent).toBe("发布报告");
    expect(element.querySelector("label[for$=-title]")!.textContent).toBe("标题（必填）");
  });

  it("without data of its own, publishes with the panel's data as it is when the report is built", () => {
    // jsdom has no object URLs: the download itself is the browser tests' part.
    Object.assign(URL, {createObjectURL: () => "blob:report", revokeObjectURL: () => {}});
    const click = vi.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(() => {});
    const manager = ScenarioManager(model, data, {storage: null});
    const datasets = today.manifests("income-gap");
    const now = () => new Date("2026-12-01T08:00:00Z");
    const publish = (element: ReturnType<typeof PublishReport>) => {
      element.querySelector<HTMLInputElement>("input[name=title]")!.value = "Same data";
      element.querySelector("form")!.dispatchEvent(new Event("submit", {cancelable: true}));
      return element.lastReport;
    };
    const own = publish(PublishReport(manager, {datasets, now}));
    expect(own).toContain('"title": "Same data"');
    expect(own).toBe(publish(PublishReport(manager, {datasets, data, now})));
    expect(click).toHaveBeenCalledTimes(2);
    click.mockRestore();
  });
});
