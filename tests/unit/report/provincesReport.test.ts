// @vitest-environment jsdom
// The provinces report on the bundled NBS exports: its compare table and charts hold, per province and compared
// scenario, exactly what the notebook's locked columns compute from the same rows; its drift banner still pairs each
// province's headline figure as published with today's.
import {describe, expect, it} from "vitest";
import {reportModel} from "../../../components/report/models.js";
import {buildReport, specModel} from "../../../components/report/schema.js";
import {driftBanner, reportCompareTable, reportComparisonCharts, rowChartRows, type ReportBundle} from "../../../components/report/reportView.js";
import {forkBaseline, initialSet, rowShape, setCompare} from "../../../components/scenario/scenarioSet.js";
import {projector} from "../../../components/scenario/model.js";
import {formatterFor} from "../../../components/format.js";
import {HORIZON, MILESTONE_YEAR, PLAN_TARGET_YEAR} from "../../../components/plan.js";
import {DEFAULT_TARGET_RATIO, provinceName, type IncomeProvincesData} from "../../../components/notebooks/incomeProvincesModel.js";
import {todayData} from "../../../loaders/reports.js";
import {SHA_B} from "./context.js";

const today = todayData();
const entry = reportModel("income-provinces")!;
const data = today.data("income-provinces") as IncomeProvincesData;
const model = specModel(entry, data);
const baseline = model.baseline(data);
const shape = rowShape(model, baseline.rows);
// An analyst's assumptions (not statistics): rural growth 9% in the first province, urban 3% in the sixth.
const edited = baseline.rows.map((r, i) => (i === 0 ? {...r, rural: 0.09} : i === 5 ? {...r, urban: 0.03} : r));
const set = setCompare(forkBaseline(initialSet(shape, baseline.rows), shape, edited), ["baseline", "s1"]);
const report = buildReport(entry, data, set, {title: "Provinces", date: "2026-12-01"}, today.manifests("income-provinces"));
const project = projector(model, data);
const compared = report.compare.map((id) => report.scenarios.find((s) => s.id === id)!).map((scenario) => ({scenario, projection: project(scenario.rows)}));
// What the notebook's grid computes for the same rows: its locked columns, straight from the model.
const lockedById = new Map(report.scenarios.map((s) => [s.id, model.project(s.rows, data).locked]));
const locked = (id: string) => lockedById.get(id)!;
const codes = baseline.rows.map((r) => String(r.region));
const ratio = formatterFor("ratio", {digits: 3});

describe("provinces report: compare table", () => {
  const table = reportCompareTable(entry, model, data, compared);
  const cell = (code: string, id: string, key: string) => table.querySelector<HTMLElement>(`tr[data-row="${code}"][data-id="${id}"] td[data-key="${key}"]`)!;

  it("has a group of lines per province (31) and a line per compared scenario, headed by the notebook's years and target", () => {
    expect(table.classList.contains("row-compare-table")).toBe(true);
    expect(table.querySelectorAll("tbody")).toHaveLength(31);
    expect(table.querySelectorAll("tbody tr")).toHaveLength(62);
    expect([...table.querySelectorAll("thead th")].map((th) => th.textContent)).toEqual([
      "省份",
      "情景",
      `${PLAN_TARGET_YEAR} 城乡收入比（城镇 ÷ 农村）`,
      `${MILESTONE_YEAR} 城乡收入比（城镇 ÷ 农村）`,
      `${HORIZON} 城乡收入比（城镇 ÷ 农村）`,
      `收入比 ≤ ${DEFAULT_TARGET_RATIO} 的首年（笔记本的默认参照值，不是规划目标）`
    ]);
    expect(table.querySelector('tbody[data-row="110000"] th[scope=rowgroup]')!.textContent).toBe("北京");
  });

  it("holds exactly the notebook's locked columns for every province and scenario, with the difference from the baseline", () => {
    for (const id of ["baseline", "s1"]) {
      const l = locked(id);
      codes.forEach((code, i) => {
        for (const [key, column] of [[`ratio-${PLAN_TARGET_YEAR}`, "ratioPlan"], [`ratio-${MILESTONE_YEAR}`, "ratioMilestone"], [`ratio-${HORIZON}`, "ratioHorizon"]]) {
          expect(Number(cell(code, id, key).dataset.value), `${id} ${code} ${key}`).toBe(l[column][i]);
          expect(cell(code, id, key).querySelector(".value")!.textContent).toBe(ratio(l[column][i] as number));
        }
        expect(cell(code, id, "first-year").querySelector(".value")!.textContent, `${id} ${code}`).toBe(l.firstYear[i]);
      });
    }
    // The edited provinces differ from the baseline, and say by how much; the others do not.
    const [base, s1] = [locked("baseline"), locked("s1")];
    const diff = (s1.ratioHorizon[0] as number) - (base.ratioHorizon[0] as number);
    expect(diff).toBeLessThan(0);
    expect(cell(codes[0], "s1", `ratio-${HORIZON}`).querySelector(".diff")!.textContent).toBe(`(−${ratio(-diff)})`);
    expect(cell(codes[1], "s1", `ratio-${HORIZON}`).querySelector(".diff")).toBeNull();
    expect(cell(codes[0], "baseline", `ratio-${HORIZON}`).querySelector(".diff")).toBeNull();
  });
});

describe("provinces report: charts", () => {
  it("gives each chart one row per province with each compared scenario's ratio, equal to the notebook's locked column", () => {
    const plan = rowChartRows(model, data, compared, {series: "ratio", x: PLAN_TARGET_YEAR});
    const horizon = rowChartRows(model, data, compared, {series: "ratio", x: HORIZON});
    expect(plan).toHaveLength(31);
    codes.forEach((code, i) => {
      expect(plan[i]).toEqual({name: provinceName(code, data.observed), values: [{scenario: "基线", value: locked("baseline").ratioPlan[i]}, {scenario: "情景 1", value: locked("s1").ratioPlan[i]}]});
      expect(horizon[i].values.map((v) => v.value)).toEqual([locked("baseline").ratioHorizon[i], locked("s1").ratioHorizon[i]]);
    });
  });

  it("draws one dot chart per chart measure, a dot per province and scenario, with the target ratio as the reference", () => {
    const charts = reportComparisonCharts(entry, model, data, compared, {});
    const figures = [...charts.querySelectorAll<HTMLElement>("figure.report-chart")];
    expect(figures.map((f) => [f.dataset.series, f.dataset.x])).toEqual([["ratio", String(PLAN_TARGET_YEAR)], ["ratio", String(HORIZON)]]);
    for (const f of figures) expect(f.querySelectorAll("[data-aria-label=dot] circle")).toHaveLength(62);
    expect(figures[0].querySelector(".chart-title")!.textContent).toBe(`${PLAN_TARGET_YEAR} 年城乡收入比（城镇 ÷ 农村）：各省份的情景`);
    const met = codes.filter((_, i) => (locked("baseline").ratioPlan[i] as number) <= DEFAULT_TARGET_RATIO).length;
    expect(figures[0].querySelector(".chart-summary")!.textContent).toContain(`≤ 2.000 的：基线 ${met} 个`);
    expect(figures[0].textContent).toContain(`参照值 ${DEFAULT_TARGET_RATIO}`);
  });

  it("leaves the other models' comparison as it was: a line per scenario and a chart per series", () => {
    const gap = reportModel("income-gap")!;
    const gapData = today.data("income-gap");
    const gapModel = specModel(gap, gapData);
    const rows = gapModel.baseline(gapData as never).rows;
    const one = [{scenario: {id: "baseline", name: "基线", rows, readonly: true}, projection: gapModel.project(rows, gapData as never)}];
    expect(reportCompareTable(gap, gapModel, gapData, one).classList.contains("row-compare-table")).toBe(false);
    const series = [...reportComparisonCharts(gap, gapModel, gapData, one, gap.observed!(gapData)).querySelectorAll<HTMLElement>("figure.report-chart")];
    expect(series.map((f) => f.dataset.series)).toEqual(["ratio", "gap", "urban", "rural"]);
  });
});

describe("provinces report: drift banner", () => {
  it("names the reloaded dataset and pairs the headline figure of each province the scenario changed, as published and today", () => {
    const tables = today.tables("income-provinces");
    const bundle: ReportBundle = {
      slug: "provinces",
      report,
      datasets: today.manifests("income-provinces").map((m) => ({
        manifest: m.dataset === "province-urban-income" ? {...m, source: {...m.source, sha256: SHA_B}} : m,
        rows: tables[m.dataset] as never
      }))
    };
    const projections = new Map(compared.map((c) => [c.scenario.id, c.projection]));
    const banner = driftBanner(bundle, model, projections, {rowName: (k) => model.rowName!(k, data)});
    expect(banner.hidden).toBe(false);
    expect(banner.dataset.datasets).toBe("province-urban-income");
    // Two provinces edited (the first and the sixth), each in both scenarios.
    expect([...banner.querySelectorAll<HTMLElement>("#drift-figures tbody tr")].map((tr) => tr.dataset.key)).toEqual([
      `baseline-ratio-${HORIZON}-${codes[0]}`,
      `baseline-ratio-${HORIZON}-${codes[5]}`,
      `s1-ratio-${HORIZON}-${codes[0]}`,
      `s1-ratio-${HORIZON}-${codes[5]}`
    ]);
    const row = banner.querySelector(`tr[data-key="s1-ratio-${HORIZON}-110000"]`)!;
    expect(row.querySelector("td")!.textContent).toMatch(new RegExp(`^北京 · ${HORIZON} `));
    expect(Number(row.querySelector<HTMLElement>(".published")!.dataset.value)).toBe(locked("s1").ratioHorizon[0]);
    expect(Number(row.querySelector<HTMLElement>(".today")!.dataset.value)).toBe(locked("s1").ratioHorizon[0]);
  });
});
