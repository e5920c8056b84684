// Every notebook's report model on the bundled data (data/): a report of the model's baseline passes the build's
// check, and one whose read-only baseline was edited by hand is refused with the cell named.
import {describe, expect, it} from "vitest";
import {compareOf, reportModel, REPORT_MODELS} from "../../../components/report/models.js";
import {buildReport, specHeadline, specModel, validateReport, type Report} from "../../../components/report/schema.js";
import {initialSet, rowShape} from "../../../components/scenario/scenarioSet.js";
import {FARMLAND_HORIZON, HORIZON, PLAN_TARGET_YEAR} from "../../../components/plan.js";
import {HSF_2030_TARGET} from "../../../components/scorecard/planMeta.js";
import {todayData} from "../../../loaders/reports.js";
import {t} from "../../../components/i18n.js";

const today = todayData();

/** A report of the model's read-only baseline alone, on today's bundled data. */
function baselineReport(id: string): Report {
  const entry = reportModel(id)!;
  const data = today.data(id);
  const model = specModel(entry, data);
  const baseline = model.baseline(data as never);
  const set = initialSet(rowShape(model, baseline.rows), baseline.rows);
  return buildReport(entry, data, set, {title: `Baseline ${id}`, date: "2026-12-01"}, today.manifests(id));
}
const check = (report: unknown) => validateReport("baseline.json", JSON.parse(JSON.stringify(report)), today);

describe.each([
  {id: "farmland", datasets: ["plan-indicators", "plan-targets"], column: "added"},
  {id: "tap-water", datasets: ["plan-indicators", "plan-targets"], column: "gain"},
  {id: "income-provinces", datasets: ["province-urban-income", "province-rural-income"], column: "rural"},
  {id: "urbanization", datasets: ["urbanization-national", "urbanization-province", "urbanization-hukou"], column: "rise"}
])("report model $id on the bundled data", ({id, datasets, column}) => {
  it("is registered with its notebook and the datasets its notebook reads", () => {
    const entry = REPORT_MODELS[id];
    expect(entry.id).toBe(id);
    expect(entry.notebook).toBe(`/${id}`);
    expect(entry.datasets).toEqual(datasets);
    expect(specModel(entry, today.data(id)).id).toBe(id);
  });

  it("accepts a report of the baseline, with every dataset's sha256 and rows and every headline figure", () => {
    const report = baselineReport(id);
    const result = check(report);
    expect(result.ok ? [] : result.errors).toEqual([]);
    expect(report.datasets.map((d) => d.id)).toEqual(datasets);
    for (const d of report.datasets) expect(d).toEqual(today.datasets(id).find((c) => c.id === d.id));
    expect(report.headline).toHaveLength(specHeadline(reportModel(id)!, today.data(id), report.scenarios).length);
    expect(report.headline.every((h) => typeof h.value === "number")).toBe(true);
  });

  it("refuses the report when a baseline row value was edited, naming the row and the field", () => {
    const report = baselineReport(id);
    const row = report.scenarios[0].rows[2];
    expect(typeof row[column]).toBe("number");
    row[column] = (row[column] as number) + 0.001;
    const result = check(report);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.some((e) => e.startsWith(`reports/baseline.json: scenarios[0].rows[2].${column}: `))).toBe(true);
  });
});

describe("farmland report model", () => {
  const entry = reportModel("farmland")!;
  const data = today.data("farmland") as never;
  const model = specModel(entry, data);

  it("reads the 2025 target from plan-targets and keeps the 2030 plan's 12 亿亩", () => {
    expect(model.targets?.map((t) => [t.x, t.value])).toEqual([
      [2025, 107500],
      [HSF_2030_TARGET.year, HSF_2030_TARGET.value]
    ]);
  });

  it("starts from the 2023 lower bound, so the report says its figures are bounds and when targets are met at the latest", () => {
    const note = entry.lowerBound!(data);
    expect(t(note!, "en")).toContain("lower bound (≥)");
    expect(t(compareOf(entry, data).target!.label!, "en")).toMatch(/\(at the latest\)$/);
    expect(entry.after!(data)).toBe(2023);
    expect(specHeadline(entry, data, [])).toEqual([
      {series: "cumulative", x: PLAN_TARGET_YEAR},
      {series: "cumulative", x: FARMLAND_HORIZON}
    ]);
  });
});

describe("income-provinces report model", () => {
  it("headlines the horizon ratio of each province a scenario changes (all 31 when none does) and compares per province", () => {
    const entry = reportModel("income-provinces")!;
    const data = today.data("income-provinces") as never;
    const baseline = baselineReport("income-provinces").scenarios[0];
    const headline = specHeadline(entry, data, [baseline]);
    expect(headline).toHaveLength(31);
    expect(headline[0]).toEqual({series: "ratio", x: HORIZON, z: "110000"});
    const edited = {...baseline, id: "s1", rows: baseline.rows.map((r) => (r.region === "520000" || r.region === "620000" ? {...r, rural: 0.11} : r))};
    expect(specHeadline(entry, data, [baseline, edited])).toEqual([
      {series: "ratio", x: HORIZON, z: "520000"},
      {series: "ratio", x: HORIZON, z: "620000"}
    ]);
    expect(entry.perRow!.charts).toEqual([
      {series: "ratio", x: PLAN_TARGET_YEAR},
      {series: "ratio", x: HORIZON}
    ]);
    expect(compareOf(entry, today.data("income-provinces")).measures.map((m) => m.x)).toEqual([PLAN_TARGET_YEAR, 2030, HORIZON]);
    const report = baselineReport("income-provinces");
    expect(report.headline[0]).toMatchObject({scenario: "baseline", series: "ratio", x: HORIZON, z: "110000"});
  });
});
