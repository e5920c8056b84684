// @vitest-environment jsdom
import {describe, expect, it} from "vitest";
import {defineModel, type Projection, type ScenarioRow} from "../../../components/scenario/model.js";
import {meetingText, rowComparison, rowCompareTable, shiftText} from "../../../components/scenario/rowCompareTable.js";
import type {ScenarioResult} from "../../../components/scenario/results.js";

// A SYNTHETIC model with one line per row: each row's level starts at its own year and value (test input, not a
// statistic) and changes by the row's rate every year to 2025.
const starts: Record<string, {year: number; value: number}> = {A: {year: 2020, value: 3}, B: {year: 2021, value: 1.5}};
const model = defineModel<typeof starts>({
  id: "synthetic-rows",
  title: "synthetic",
  rowKey: {key: "row", label: {zh: "地区", en: "Region"}, kind: "region"},
  columns: [{key: "rate", label: "rate", kind: "percent", min: -0.5, max: 0.5}],
  baseline: () => ({rows: [{row: "A", rate: -0.1}, {row: "B", rate: 0}], rule: "synthetic"}),
  project(rows, data) {
    const level = rows.flatMap((r) => {
      const start = data[String(r.row)];
      return Array.from({length: 2026 - start.year}, (_, i) => ({x: start.year + i, y: start.value * (1 + (r.rate as number)) ** i, z: String(r.row)}));
    });
    return {locked: {}, series: {level}};
  },
  series: [{key: "level", label: {zh: "水平", en: "Level"}, format: "number", digits: 3}]
});
const result = (id: string, name: string, rates: [number, number], readonly = false): ScenarioResult => {
  const rows: ScenarioRow[] = [{row: "A", rate: rates[0]}, {row: "B", rate: rates[1]}];
  return {scenario: {id, name, rows, ...(readonly ? {readonly: true} : {})}, projection: model.project(rows, starts) as Projection};
};
const compared = [result("baseline", "基线", [-0.1, 0], true), result("s1", "快", [-0.2, 0.1]), result("s2", "慢", [0, 0])];
const options = {
  measures: [{series: "level", x: 2023}, {series: "level", x: 2025}],
  target: {series: "level", value: 2, direction: "<=" as const},
  rowName: (key: string | number) => (key === "A" ? "甲" : "乙"),
  observedUntil: (key: string | number) => starts[String(key)].year
};

describe("rowComparison(model, compared, {measures, target})", () => {
  const rows = rowComparison(model, compared, options);

  it("gives each row, named, each compared scenario's values on that row's line and the difference from the baseline", () => {
    expect(rows.map((r) => [r.key, r.name])).toEqual([["A", "甲"], ["B", "乙"]]);
    const [base, fast] = rows[0].scenarios;
    expect(base.values.map((v) => [v.value, v.diff])).toEqual([[3 * 0.9 ** 3, null], [3 * 0.9 ** 5, null]]);
    expect(fast.values[0].value).toBeCloseTo(3 * 0.8 ** 3, 12);
    expect(fast.values[0].diff).toBeCloseTo(3 * 0.8 ** 3 - 3 * 0.9 ** 3, 12);
    expect(rows[1].scenarios[1].values[1].value).toBeCloseTo(1.5 * 1.1 ** 4, 12);
  });

  it("finds the first year at the target per row: observed at the row's start, shifted from the baseline, or never", () => {
    // A: 3 × 0.9^4 = 1.968 in 2024 (2.187 in 2023); × 0.8^2 = 1.92 in 2022; flat at 3 never.
    expect(rows[0].scenarios.map((s) => s.meeting)).toEqual([
      {x: 2024, observed: false, last: 2025, shift: null},
      {x: 2022, observed: false, last: 2025, shift: -2},
      {x: null, observed: false, last: 2025, shift: null}
    ]);
    // B starts at 1.5 in 2021, its last observed year: met when observed, in every scenario.
    expect(rows[1].scenarios.map((s) => [s.meeting!.x, s.meeting!.observed, s.meeting!.shift])).toEqual([
      [2021, true, null],
      [2021, true, null],
      [2021, true, null]
    ]);
  });

  it("without a baseline among the compared there are no differences, and without a target no meeting", () => {
    const rows = rowComparison(model, compared.slice(1), {measures: options.measures});
    expect(rows[0].scenarios.flatMap((s) => s.values.map((v) => v.diff))).toEqual([null, null, null, null]);
    expect(rows[0].scenarios.map((s) => s.meeting)).toEqual([null, null]);
    expect(rows[0].name).toBe("A");
  });
});

describe("meetingText and shiftText", () => {
  it("write the year, the observed year, 'not by' the row's last year, and a shift in years", () => {
    expect(meetingText({x: 2031, observed: false, last: 2035, shift: null}, "zh")).toBe("2031");
    expect(meetingText({x: 2019, observed: true, last: 2035, shift: null}, "zh")).toBe("2019（观测值）");
    expect(meetingText({x: 2019, observed: true, last: 2035, shift: null}, "en")).toBe("2019 (observed)");
    expect(meetingText({x: null, observed: false, last: 2035, shift: null}, "zh")).toBe("2035 年前未达到");
    expect(meetingText({x: null, observed: false, last: 2035, shift: null}, "en")).toBe("not by 2035");
    expect(meetingText({x: null, observed: false, last: null, shift: null}, "en")).toBe("—");
    expect(shiftText({x: 2029, observed: false, last: 2035, shift: -2}, "en")).toBe("(−2 yr)");
    expect(shiftText({x: 2033, observed: false, last: 2035, shift: 1}, "zh")).toBe("(+1 年)");
    expect(shiftText({x: 2033, observed: false, last: 2035, shift: null}, "zh")).toBe("");
  });
});

describe("rowCompareTable", () => {
  const table = rowCompareTable(model, compared, options);
  const line = (row: string, id: string) => [...table.querySelectorAll(`tr[data-row="${row}"][data-id="${id}"] > *`)].map((c) => c.textContent);

  it("heads the row key, the scenario, each measure and the target column", () => {
    expect([...table.querySelectorAll("thead th")].map((th) => th.textContent)).toEqual(["地区", "情景", "2023 水平", "2025 水平", "水平 ≤ 2 的首年"]);
    expect(table.dataset.model).toBe("synthetic-rows");
    expect(table.querySelector("caption")!.textContent).toBe("各地区的情景比较（括号内为与基线之差）");
  });

  it("groups a row's scenarios under its name and writes values, differences and first years", () => {
    expect(table.querySelectorAll("tbody")).toHaveLength(2);
    expect(table.querySelector('tbody[data-row="A"] th[scope=rowgroup]')!.getAttribute("rowspan")).toBe("3");
    expect(line("A", "baseline")).toEqual(["甲", "基线", "2.187", "1.771", "2024"]);
    expect(line("A", "s1")).toEqual(["快", "1.536 (−0.651)", "0.983 (−0.788)", "2022 (−2 年)"]);
    expect(line("A", "s2")).toEqual(["慢", "3.000 (+0.813)", "3.000 (+1.229)", "2025 年前未达到"]);
    expect(line("B", "s1")).toEqual(["快", "1.815 (+0.315)", "2.196 (+0.696)", "2021（观测值）"]);
    const cell = table.querySelector<HTMLElement>('tr[data-row="A"][data-id="s1"] td[data-key="level-2023"]')!;
    expect(Number(cell.dataset.value)).toBeCloseTo(3 * 0.8 ** 3, 12);
    expect(table.querySelector<HTMLElement>('tr[data-row="A"][data-id="s2"] td[data-key="first-year"]')!.dataset.value).toBe("");
  });
});
