import {describe, expect, it} from "vitest";
import {reportModel} from "../../../components/report/models.js";
import {buildReport, driftedDatasets, headlineFigures, reportText, slugify, specModel, validateReport, type Report} from "../../../components/report/schema.js";
import {forkBaseline, initialSet, rowShape} from "../../../components/scenario/scenarioSet.js";
import type {IncomeGapData} from "../../../components/notebooks/incomeGapModel.js";
import {SHA_A, SHA_B, syntheticToday} from "./context.js";

const entry = reportModel("income-gap")!;
const today = syntheticToday();
const data = today.data("income-gap") as IncomeGapData;
const model = specModel(entry, data);
const baseline = model.baseline(data);
const shape = rowShape(model, baseline.rows);
// The baseline with rural growth typed as 9% in 2025: what a fork in the notebook holds.
const edited = baseline.rows.map((r, i) => (i === 0 ? {...r, rural: 0.09} : r));
const set = forkBaseline(initialSet(shape, baseline.rows), shape, edited);
const good = (): Report =>
  buildReport(entry, data, set, {title: "Rural 9% in 2025", author: "A. Analyst", note: "n", date: "2026-12-01"}, today.manifests("income-gap"));
const check = (value: unknown, file = "rural-9.json", context = today) => validateReport(file, JSON.parse(JSON.stringify(value)), context);
const errorsOf = (value: unknown, file?: string, context = today) => {
  const result = check(value, file, context);
  return result.ok ? [] : result.errors;
};

describe("slugify", () => {
  it("keeps lower-case ASCII words and digits joined by -, and falls back to model and date", () => {
    expect(slugify("Rural growth 7% — 2035", "income-gap", "2026-12-01")).toBe("rural-growth-7-2035");
    expect(slugify("Écart  rural/urbain", "income-gap", "2026-12-01")).toBe("ecart-rural-urbain");
    expect(slugify("城乡收入差距", "income-gap", "2026-12-01")).toBe("income-gap-2026-12-01");
  });
});

describe("buildReport and validateReport", () => {
  it("records model, scenarios, compare, the datasets' sha256 and rows, and the headline figures of every scenario", () => {
    const report = good();
    expect(report.model).toBe("income-gap");
    expect(report.datasets).toEqual([{id: "income-national", sha256: SHA_A, rows: 22}]);
    expect(report.compare).toEqual(["baseline", "s1"]);
    expect(report.scenarios.map((s) => s.name)).toEqual(["基线", "情景 1"]);
    expect(report.headline).toHaveLength(2 * 3);
    // 2025 ratio of the fork: urban 2024 × (1 + baseline urban rate) ÷ (rural 2024 × 1.09), synthetic figures.
    const last = data.history.at(-1)!;
    const ratio2025 = (last.urban * (1 + (baseline.rows[0].urban as number))) / (last.rural * 1.09);
    expect(report.headline.find((h) => h.scenario === "s1" && h.series === "ratio" && h.x === 2025)!.value).toBeCloseTo(ratio2025, 12);
    expect(headlineFigures(entry, data, set.scenarios)).toEqual(report.headline);
  });

  it("accepts what it builds, also after a round trip through the file's text", () => {
    const result = validateReport("rural-9.json", JSON.parse(reportText(good())), today);
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.report).toEqual(good());
  });

  it("names missing and unknown fields", () => {
    const {title: _, ...noTitle} = good();
    expect(errorsOf(noTitle)).toEqual(["reports/rural-9.json: title: missing"]);
    expect(errorsOf({...good(), colour: "red"})).toEqual([
      "reports/rural-9.json: colour: unknown field (known: version, title, date, model, activeId, scenarios, compare, datasets, headline, author, note)"
    ]);
  });

  it("refuses an unknown model, a bad date, an empty title and a bad file name", () => {
    expect(errorsOf({...good(), model: "weather"})).toEqual(['reports/rural-9.json: model: unknown model "weather" (known: income-gap, farmland, tap-water, income-provinces, urbanization)']);
    expect(errorsOf({...good(), date: "2026-02-30"})).toEqual(['reports/rural-9.json: date: must be a day as YYYY-MM-DD, got "2026-02-30"']);
    expect(errorsOf({...good(), title: "  "})).toEqual(["reports/rural-9.json: title: must not be empty"]);
    expect(errorsOf(good(), "Rural 9.json")[0]).toMatch(/^reports\/Rural 9\.json: file name: must be <slug>\.json/);
  });

  it("refuses rows that fail the model's own checks, naming the cell", () => {
    const report = good();
    report.scenarios[1].rows[3].rural = 0.9;
    const errors = errorsOf(report);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^reports\/rural-9\.json: scenarios\[1\]\.rows\[3\]\.rural: 2028: 0\.9 /);
    const missingRow = good();
    missingRow.scenarios[1].rows.pop();
    expect(errorsOf(missingRow)[0]).toMatch(/^reports\/rural-9\.json: scenarios\[1\]\.rows: /);
  });

  it("finds tampered values: a headline figure or a baseline row that does not follow from the recorded data", () => {
    const report = good();
    report.headline[4].value = 2.2;
    expect(errorsOf(report)).toHaveLength(1);
    expect(errorsOf(report)[0]).toMatch(/^reports\/rural-9\.json: headline\[4\]\.value: 2\.2 does not follow from the scenario's rows/);
    const base = good();
    base.scenarios[0].rows[5].urban = 0.04;
    expect(errorsOf(base)).toContain(
      `reports/rural-9.json: scenarios[0].rows[5].urban: 0.04 differs from the baseline of the recorded data (${baseline.rows[5].urban}): the read-only baseline was edited by hand`
    );
  });

  it("on data reloaded since publication, keeps the figures as published (they cannot be recomputed) and reports the drift", () => {
    const report = good();
    const later = syntheticToday(SHA_B);
    expect(check(report, "rural-9.json", later).ok).toBe(true);
    expect(driftedDatasets(report, later.datasets("income-gap"))).toEqual(["income-national"]);
    expect(driftedDatasets(report, today.datasets("income-gap"))).toEqual([]);
  });

  it("checks the datasets: only the model's, each once, with a sha256 and a row count", () => {
    expect(errorsOf({...good(), datasets: [{id: "farmland", sha256: SHA_A, rows: 1}]})).toEqual([
      'reports/rural-9.json: datasets[0].id: "farmland" is not a dataset of model income-gap (income-national)'
    ]);
    expect(errorsOf({...good(), datasets: [{id: "income-national", sha256: "xyz", rows: -1}]})).toEqual([
      "reports/rural-9.json: datasets[0].sha256: must be 64 lower-case hex digits",
      "reports/rural-9.json: datasets[0].rows: must be a whole number ≥ 0"
    ]);
    expect(errorsOf({...good(), datasets: []})).toEqual(["reports/rural-9.json: datasets: missing income-national, which model income-gap reads"]);
  });

  it("is not fooled by a non-object file", () => {
    expect(errorsOf([1, 2])).toEqual(["reports/rural-9.json: (file): must be a JSON object"]);
  });
});
