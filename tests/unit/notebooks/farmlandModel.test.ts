import {readFileSync} from "node:fs";
import {csvParse} from "d3-dsv";
import {describe, expect, it} from "vitest";
import {baselinePace, farmlandFigures, farmlandModel, farmlandStart, targetsMet, type FarmlandData} from "../../../components/notebooks/farmlandModel.js";
import {FARMLAND_HORIZON} from "../../../components/plan.js";
import {HSF_2030_TARGET, observationNote} from "../../../components/scorecard/planMeta.js";
import {t} from "../../../components/i18n.js";
import {seriesAt} from "../../../components/scenario/model.js";
import {solveColumn, setColumn} from "../../../components/scenario/analysis.js";
import {createScenario, initialSet, rowShape, setCompare} from "../../../components/scenario/scenarioSet.js";
import {decodeShare, encodeShare, exportCsv, importCsv} from "../../../components/scenario/share.js";

// The bundled figures, read here from data/plan/ independently of the loaders; hedges from planMeta (SOURCES notes).
const indicators = csvParse(readFileSync("data/plan/plan_indicators.csv", "utf8"));
const targets = csvParse(readFileSync("data/plan/targets.csv", "utf8"));
const national = indicators
  .filter((r) => r.indicator_id === "hsf_cumulative" && r.scope === "national")
  .map((r) => ({
    year: Number(r.year),
    value: Number(r.value),
    lowerBound: observationNote(r.indicator_zh!, "CN", Number(r.year))?.hedge === "lower bound"
  }));
const target = targets.find((t) => t.indicator_id === "hsf_cumulative")!;
const planTarget = {year: Number(target.target_year), value: Number(target.target_value)};
const data: FarmlandData = {national, planTarget};
const model = farmlandModel(planTarget);

describe("farmland baseline on the bundled data", () => {
  it("starts the year after the last national cumulative figure, 2023 (a lower bound, 超10亿亩)", () => {
    expect(national.map((d) => [d.year, d.value, d.lowerBound])).toEqual([
      [2020, 80000, false],
      [2022, 100000, false],
      [2023, 100000, true]
    ]);
    expect(farmlandStart(national)).toEqual({year: 2023, value: 100000, lowerBound: true});
  });

  it("paces each year at the average addition between the first and last figures that are not lower bounds: (100,000 − 80,000) ÷ 2", () => {
    expect(baselinePace(national)).toMatchObject({pace: 10000, from: {year: 2020}, to: {year: 2022}});
    const {rows, rule} = model.baseline(data);
    expect(rows.map((r) => r.year)).toEqual([2024, 2025, 2026, 2027, 2028, 2029, 2030]);
    expect(rows.at(-1)!.year).toBe(FARMLAND_HORIZON);
    expect(FARMLAND_HORIZON).toBe(HSF_2030_TARGET.year);
    expect(rows.every((r) => r.added === 10000)).toBe(true);
    expect(t(rule, "zh")).toContain("2020 年（80,000 万亩）至 2022 年（100,000 万亩）");
    expect(t(rule, "en")).toContain("((100,000 − 80,000) ÷ 2)");
    expect(t(rule, "en")).toContain("every projected cumulative area is a lower bound (≥)");
  });

  it("refuses to make a baseline from fewer than two figures that are not lower bounds", () => {
    expect(() => baselinePace([{year: 2020, value: 1, lowerBound: false}, {year: 2023, value: 2, lowerBound: true}])).toThrow(
      "two national cumulative figures that are not lower bounds"
    );
  });
});

describe("farmlandFigures", () => {
  it("annotates the tidy rows with source keys and hedges and splits national, annual and provincial figures", () => {
    const tidy = indicators
      .filter((r) => r.indicator_zh!.startsWith("高标准农田"))
      .map((r) => ({indicator: r.indicator_zh!, region_code: r.scope === "national" ? "CN" : r.scope!, region: "", year: Number(r.year), value: Number(r.value)}));
    const {national: cn, annual, provincial} = farmlandFigures(tidy);
    expect(cn.map((d) => [d.year, d.value, d.ref, d.hedge, d.lowerBound])).toEqual([
      [2020, 80000, "S20", null, false],
      [2022, 100000, "S21", "rounded", false],
      [2023, 100000, "S22", "lower bound", true]
    ]);
    expect(annual.map((d) => [d.year, d.ref, d.lowerBound])).toEqual([
      [2020, "S23", false],
      [2024, "S24", true]
    ]);
    expect(provincial).toHaveLength(tidy.length - 5);
    expect(provincial.every((d) => d.ref !== null)).toBe(true);
  });
});

describe("farmland projection", () => {
  it("adds each year's new area to the start and writes every cumulative on the lower-bound start as ≥", () => {
    const rows = model.baseline(data).rows.map((r, i) => ({...r, added: [5000, 2500.5, 0, 1, 2, 3, 4][i]}));
    const p = model.project(rows, data);
    expect(p.series.cumulative.map((d) => [d.x, d.y])).toEqual([
      [2023, 100000],
      [2024, 105000],
      [2025, 107500.5],
      [2026, 107500.5],
      [2027, 107501.5],
      [2028, 107503.5],
      [2029, 107506.5],
      [2030, 107510.5]
    ]);
    expect(p.locked.cumulative.slice(0, 2)).toEqual(["≥ 105,000", "≥ 107,501"]);
  });

  it("keeps exact cumulatives as numbers when the start is a stated figure", () => {
    const stated = {national: national.slice(0, 2), planTarget};
    const rows = model.baseline(stated).rows;
    expect(rows[0].year).toBe(2023);
    expect(model.project(rows, stated).locked.cumulative.slice(0, 2)).toEqual([110000, 120000]);
    expect(targetsMet(model, stated, model.project(rows, stated)).every((m) => !m.atLatest)).toBe(true);
  });

  it("marks 10.75亿亩 (2025, plan-targets) and 12亿亩 (2030, S25), met on the baseline by 2024 and 2025 at the latest", () => {
    expect(model.targets!.map((t) => [t.id, t.x, t.value])).toEqual([
      ["plan-2025", 2025, 107500],
      ["plan-2030", HSF_2030_TARGET.year, 120000]
    ]);
    expect(model.targets![1].source).toEqual(expect.objectContaining({en: expect.stringContaining("S25")}));
    const p = model.project(model.baseline(data).rows, data);
    expect(targetsMet(model, data, p)).toEqual([
      {id: "plan-2025", year: 2024, atLatest: true},
      {id: "plan-2030", year: 2025, atLatest: true}
    ]);
    // 1,000 a year reaches 107,500 only in 2031, after the 2030 horizon: not met within the rows.
    const slow = model.project(setColumn(model.baseline(data).rows, "added", 1000), data);
    expect(targetsMet(model, data, slow)).toEqual([
      {id: "plan-2025", year: null, atLatest: false},
      {id: "plan-2030", year: null, atLatest: false}
    ]);
  });

  it("solves the constant pace for each target: 3,750 万亩 a year by 2025, 2,857.14… by 2030 (upper bounds on a ≥ start)", () => {
    const rows = model.baseline(data).rows;
    const by2025 = solveColumn(model, data, rows, {column: "added", probe: {series: "cumulative", x: 2025}, value: 107500});
    const by2030 = solveColumn(model, data, rows, {column: "added", probe: {series: "cumulative", x: 2030}, value: 120000});
    expect(by2025.ok && by2025.x).toBeCloseTo(3750, 4);
    expect(by2030.ok && by2030.x).toBeCloseTo(20000 / 7, 4);
    expect(seriesAt(model.project(setColumn(rows, "added", 3750), data), "cumulative", 2025)).toBe(107500);
  });
});

describe("farmland share links", () => {
  const shape = rowShape(model, model.baseline(data).rows);
  const set = setCompare(
    createScenario(initialSet(shape, model.baseline(data).rows), shape, {name: "慢 slow", rows: setColumn(model.baseline(data).rows, "added", 2500)}),
    ["baseline", "s1"]
  );

  it("round-trips scenarios, the active one and the compared ones", () => {
    const entry = encodeShare(set, model);
    expect(entry).toMatch(/^farmland\.v1\./);
    const back = decodeShare(`#other.v1.abc&${entry}`, model, shape);
    expect(back).toEqual({ok: true, state: set});
  });

  it("exports CSV in 万亩 (added_10k_mu) and reads it back", () => {
    const csv = exportCsv(set, model);
    expect(csv.split("\n").slice(0, 2)).toEqual(["scenario,year,added_10k_mu", "基线,2024,10000"]);
    expect(csv).toContain("慢 slow,2030,2500");
    const back = importCsv(csv, model, shape, {baseline: set.scenarios[0]});
    expect(back.ok && back.state.scenarios[1].rows).toEqual(set.scenarios[1].rows);
  });

  it("a tampered link (a negative area, then broken base64) is refused with a message, never thrown", () => {
    const tampered = encodeShare({...set, scenarios: [set.scenarios[0], {...set.scenarios[1], rows: setColumn(set.scenarios[1].rows, "added", -5)}]}, model);
    const result = decodeShare(`#${tampered}`, model, shape);
    expect(result).toMatchObject({ok: false, error: expect.stringContaining("分享链接无效")});
    expect(result!.ok === false && result!.error).toContain("added (2024): -5");
    expect(decodeShare("#farmland.v1.%%%", model, shape)).toMatchObject({ok: false});
    expect(decodeShare("#farmland.v7.abc", model, shape)).toMatchObject({ok: false, error: expect.stringContaining("v7")});
  });
});
