import {readFileSync} from "node:fs";
import {csvParse} from "d3-dsv";
import {describe, expect, it} from "vitest";
import {baselineGain, fraction, gainNeeded, reachedYears, tapWaterModel, type TapWaterData} from "../../../components/notebooks/tapWaterModel.js";
import {t} from "../../../components/i18n.js";
import {HORIZON} from "../../../components/plan.js";
import {setColumn} from "../../../components/scenario/analysis.js";
import {createScenario, initialSet, rowShape} from "../../../components/scenario/scenarioSet.js";
import {decodeShare, encodeShare, exportCsv} from "../../../components/scenario/share.js";

// The bundled figures, read here from data/plan/ independently of the loaders.
const indicators = csvParse(readFileSync("data/plan/plan_indicators.csv", "utf8"));
const targets = csvParse(readFileSync("data/plan/targets.csv", "utf8"));
const observed = indicators
  .filter((r) => r.indicator_id === "rural_tap_water_rate" && r.scope === "national")
  .map((r) => ({year: Number(r.year), value: Number(r.value)}));
const target = targets.find((t) => t.indicator_id === "rural_tap_water_rate")!;
const planTarget = {year: Number(target.target_year), value: Number(target.target_value)};
const data: TapWaterData = {observed, planTarget};
const model = tapWaterModel(planTarget);
const rowsWith = (gains: number[]) => model.baseline(data).rows.map((r, i) => ({...r, gain: gains[i] ?? 0}));

describe("tap-water baseline on the bundled data", () => {
  it("gains (96 − 83) ÷ 5 = 2.6 points a year, the plan-period average (2020 → 2025), from 2026 to the horizon", () => {
    expect(observed.map((d) => [d.year, d.value])).toEqual([[2017, 80], [2020, 83], [2021, 84], [2022, 87], [2023, 90], [2025, 96]]);
    expect(baselineGain(observed)).toMatchObject({gain: 0.026, from: {year: 2020, value: 83}, to: {year: 2025, value: 96}});
    const {rows, rule} = model.baseline(data);
    expect(rows.map((r) => r.year)).toEqual(Array.from({length: HORIZON - 2025}, (_, i) => 2026 + i));
    expect(rows.every((r) => r.gain === 0.026)).toBe(true);
    expect(t(rule, "en")).toContain("between the plan's base year 2020 (83%) and the latest observation, 2025 (96%) ((96 − 83) ÷ 5");
    expect(t(rule, "zh")).toContain("2.6 个百分点");
  });

  it("refuses a baseline when the plan's base year has no figure", () => {
    expect(() => baselineGain(observed.filter((d) => d.year !== 2020))).toThrow("needs a figure in 2020");
  });
});

describe("tap-water projection", () => {
  it("adds each year's gain to 96% and stops at 100%", () => {
    const p = model.project(rowsWith([0.01, 0.02, 0.005, 0.02, -0.01]), data);
    expect(p.locked.coverage.slice(0, 5)).toEqual([0.97, 0.99, 0.995, 1, 0.99]);
    expect(p.series.coverage[0]).toEqual({x: 2025, y: 0.96});
    expect(model.project(model.baseline(data).rows, data).locked.coverage.slice(0, 3)).toEqual([0.986, 1, 1]);
  });

  it("2 points a year from 96% is exactly 100% in 2027 (no float shortfall)", () => {
    const p = model.project(rowsWith(Array(10).fill(0.02)), data);
    expect(p.locked.coverage[1]).toBe(1);
  });

  it("88% (plan, 2025) was reached in 2023; 95% in 2024 or 2025 (2024 has no figure); 100% in 2027 on the baseline", () => {
    expect(model.targets!.map((t) => [t.id, t.value, t.x])).toEqual([
      ["plan-2025", 0.88, 2025],
      ["milestone-95", 0.95, HORIZON],
      ["milestone-100", 1, HORIZON]
    ]);
    expect(model.targets![1].label).toEqual(expect.objectContaining({en: "95% (analyst milestone)"}));
    const p = model.project(model.baseline(data).rows, data);
    expect(reachedYears(model, data, p)).toEqual([
      {id: "plan-2025", year: 2023, earliest: 2023, basis: "observed"},
      {id: "milestone-95", year: 2025, earliest: 2024, basis: "observed"},
      {id: "milestone-100", year: 2027, earliest: 2027, basis: "projected"}
    ]);
    const flat = model.project(rowsWith([]), data);
    expect(reachedYears(model, data, flat)[2]).toEqual({id: "milestone-100", year: null, earliest: null, basis: null});
  });

  it("solves the gain needed: 98% by 2030 needs 0.4 points a year; 100% by 2027, 2 points", () => {
    expect(gainNeeded(model, data, {value: 0.98, x: 2030})).toEqual({ok: true, x: 0.004, iterations: 0});
    expect(gainNeeded(model, data, {value: 1, x: 2027})).toEqual({ok: true, x: 0.02, iterations: 0});
    const reached = model.project(setColumn(model.baseline(data).rows, "gain", 0.004), data);
    expect(reached.series.coverage.find((p) => p.x === 2030)!.y).toBe(0.98);
    expect(gainNeeded(model, data, {value: 0.9, x: 2030})).toEqual({ok: true, x: 0, iterations: 0});
    expect(gainNeeded(model, data, {value: 1.01, x: 2030})).toMatchObject({ok: false, reason: expect.stringContaining("100%")});
    expect(gainNeeded(model, data, {value: 0.98, x: 2025})).toMatchObject({ok: false});
    expect(fraction(83)).toBe(0.83);
  });
});

describe("tap-water share links", () => {
  const shape = rowShape(model, model.baseline(data).rows);
  const set = createScenario(initialSet(shape, model.baseline(data).rows), shape, {name: "慢", rows: rowsWith([0.01, 0.005])});

  it("round-trips the scenarios", () => {
    const entry = encodeShare(set, model);
    expect(entry).toMatch(/^tap-water\.v1\./);
    expect(decodeShare(`#${entry}`, model, shape)).toEqual({ok: true, state: set});
  });

  it("exports CSV with the gain in points (gain_pp)", () => {
    const csv = exportCsv(set, model);
    expect(csv.split("\n").slice(0, 2)).toEqual(["scenario,year,gain_pp", "基线,2026,2.6"]);
    expect(csv).toContain("慢,2027,0.5");
  });

  it("a tampered link (a 50-point gain, then a cut entry) gives a message naming the cell", () => {
    const bad = {...set, scenarios: [set.scenarios[0], {...set.scenarios[1], rows: setColumn(set.scenarios[1].rows, "gain", 0.5)}]};
    const result = decodeShare(`#${encodeShare(bad, model)}`, model, shape);
    expect(result).toMatchObject({ok: false});
    expect(result!.ok === false && result!.error).toContain("gain (2026): 0.5");
    const entry = encodeShare(set, model);
    expect(decodeShare(`#${entry.slice(0, -7)}`, model, shape)).toMatchObject({ok: false, error: expect.stringContaining("分享链接无效")});
  });
});
