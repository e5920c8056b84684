// @vitest-environment jsdom
import {describe, expect, it} from "vitest";
import {incomeGapModel} from "../../../components/notebooks/incomeGapModel.js";
import {withGap} from "../../../components/model/incomeProjection.js";
import {scenarioResults} from "../../../components/scenario/results.js";
import {compareTable} from "../../../components/scenario/compareTable.js";
import {solveResult, targetList} from "../../../components/scenario/solvePanel.js";
import {defineModel} from "../../../components/scenario/model.js";
import {createScenario, initialSet, rowShape, setActive, setCompare, type ScenarioSet} from "../../../components/scenario/scenarioSet.js";

// The bundled 2019 and 2024 national incomes: the baseline carries their CAGR (urban 5.05%, rural 7.61%).
const data = {history: withGap([{year: 2019, urban: 42359, rural: 16021}, {year: 2024, urban: 54188, rural: 23119}])};
const baseline = incomeGapModel.baseline(data);
const shape = rowShape(incomeGapModel, baseline.rows);
const constant = (urban: number, rural: number) => shape.keys.map((year) => ({year, urban, rural}));
const set = (): ScenarioSet => {
  let s = createScenario(initialSet(shape, baseline.rows), shape, {name: "快", rows: constant(0.05, 0.08)});
  s = createScenario(s, shape, {name: "慢", rows: constant(0.05, 0.05)});
  return s;
};
const texts = (table: Element, id: string) => [...table.querySelectorAll(`tr[data-id=${id}] > *`)].map((c) => c.textContent);
const ratio = (u: number, r: number, n: number) => ((54188 * (1 + u) ** n) / (23119 * (1 + r) ** n));

describe("scenarioResults", () => {
  it("projects the active, compared and baseline scenarios once each, compared in order", () => {
    const s = setActive(setCompare(set(), ["s2", "baseline"]), "s1");
    const results = scenarioResults(incomeGapModel, data, s);
    expect(results.active.scenario.id).toBe("s1");
    expect(results.baseline.scenario.id).toBe("baseline");
    expect(results.compared.map((c) => c.scenario.id)).toEqual(["s2", "baseline"]);
    expect(results.compared[1].projection).toBe(results.baseline.projection);
    expect(results.active.projection.locked.ratio[10]).toBeCloseTo(ratio(0.05, 0.08, 11), 12);
    expect(results.active.projection.series.ratio[0]).toEqual({x: 2024, y: 54188 / 23119});
  });
});

describe("compareTable", () => {
  const table = compareTable(incomeGapModel, scenarioResults(incomeGapModel, data, set()).compared, {
    measures: [{series: "ratio", x: 2025}, {series: "ratio", x: 2035}, {series: "gap", x: 2035, label: {zh: "2035 差距", en: "2035 gap"}}],
    target: {series: "ratio", value: 2.1, direction: "<="},
    after: 2024
  });

  it("heads each measure with its year and series label, and the target column in words", () => {
    expect([...table.querySelectorAll("thead th")].map((th) => th.textContent)).toEqual([
      "情景",
      "2025 城乡收入比（城镇 ÷ 农村）",
      "2035 城乡收入比（城镇 ÷ 农村）",
      "2035 差距",
      "城乡收入比（城镇 ÷ 农村） ≤ 2.1 的首年"
    ]);
    expect(table.dataset.model).toBe("income-gap");
  });

  it("writes the baseline's values, each other scenario's with its difference, and the first year meeting the target", () => {
    expect(texts(table, "baseline")).toEqual(["基线", "2.288", "1.798", "41,349", "2029"]);
    expect(texts(table, "s1")).toEqual(["快", "2.279 (−0.009)", "1.719 (−0.079)", "38,775 (−2,575)", "2028 (−1 年)"]);
    expect(texts(table, "s2")).toEqual(["慢", "2.344 (+0.056)", "2.344 (+0.546)", "53,139 (+11,789)", "期内未达到"]);
    // The numbers shown are the projection's: urban and rural compounding from 2024.
    const s1 = table.querySelector("tr[data-id=s1] td[data-key=ratio-2035]") as HTMLElement;
    expect(Number(s1.dataset.value)).toBeCloseTo(ratio(0.05, 0.08, 11), 12);
    expect(ratio(0.05, 0.08, 4)).toBeLessThanOrEqual(2.1);
    expect(ratio(0.05, 0.08, 3)).toBeGreaterThan(2.1);
  });

  it("without a baseline among the compared scenarios there are no differences; without a target no target column", () => {
    const results = scenarioResults(incomeGapModel, data, setCompare(set(), ["s1"])).compared;
    const plain = compareTable(incomeGapModel, results, {measures: [{series: "ratio", x: 2030}]});
    expect([...plain.querySelectorAll("thead th")].map((th) => th.textContent)).toEqual(["情景", "2030 城乡收入比（城镇 ÷ 农村）"]);
    expect(texts(plain, "s1")).toEqual(["快", ratio(0.05, 0.08, 6).toFixed(3)]);
    const missing = compareTable(incomeGapModel, results, {measures: [{series: "ratio", x: 2040}]});
    expect(texts(missing, "s1")).toEqual(["快", "—"]);
  });
});

describe("compareTable markup", () => {
  const compared = scenarioResults(incomeGapModel, data, set()).compared;
  const markup = (table: Element) => table.outerHTML.replace(/>\s+</g, "><");
  const row = (id: string, name: string, cells: string) => `<tr data-id="${id}"><th scope="row">${name}</th>${cells}</tr>`;
  const td = (key: string, value: string | number, text: string) => `<td data-key="${key}" data-value="${value}">${text}</td>`;

  it("is what it was when written with an htl template, to the character (whitespace between tags aside)", () => {
    const full = compareTable(incomeGapModel, compared, {
      measures: [{series: "ratio", x: 2025}, {series: "gap", x: 2035, label: {zh: "2035 差距", en: "2035 gap"}}, {series: "ratio", x: 2040}],
      target: {series: "ratio", value: 2.1, direction: "<="},
      after: 2024
    });
    const head = ["情景", "2025 城乡收入比（城镇 ÷ 农村）", "2035 差距", "2040 城乡收入比（城镇 ÷ 农村）", "城乡收入比（城镇 ÷ 农村） ≤ 2.1 的首年"];
    expect(markup(full)).toBe(
      `<table class="compare-table" data-model="income-gap"><thead><tr>${head.map((h) => `<th scope="col">${h}</th>`).join("")}</tr></thead><tbody>` +
        row("baseline", "基线", td("ratio-2025", 2.288071949335891, "2.288") + td("gap-2035", 41349.26074802552, "41,349") + td("ratio-2040", "", "—") + `<td data-key="first-year">2029</td>`) +
        row("s1", "快", td("ratio-2025", 2.2787654214186506, "2.279 (−0.009)") + td("gap-2035", 38774.70716470127, "38,775 (−2,575)") + td("ratio-2040", "", "—") + `<td data-key="first-year">2028 (−1 年)</td>`) +
        row("s2", "慢", td("ratio-2025", 2.3438730048877545, "2.344 (+0.056)") + td("gap-2035", 53138.53351731575, "53,139 (+11,789)") + td("ratio-2040", "", "—") + `<td data-key="first-year">期内未达到</td>`) +
        `</tbody></table>`
    );
    const plain = compareTable(incomeGapModel, compared.slice(1), {measures: [{series: "ratio", x: 2030}]});
    expect(markup(plain)).toBe(
      `<table class="compare-table" data-model="income-gap"><thead><tr><th scope="col">情景</th><th scope="col">2030 城乡收入比（城镇 ÷ 农村）</th></tr></thead><tbody>` +
        row("s1", "快", td("ratio-2030", 1.9793716179120153, "1.979")) +
        row("s2", "慢", td("ratio-2030", 2.3438730048877545, "2.344")) +
        `</tbody></table>`
    );
  });
});

describe("targetList and solveResult", () => {
  const model = defineModel({...incomeGapModel, targets: [
    {id: "ratio-2.2", series: "ratio", x: 2026, value: 2.2, direction: "<=", label: {zh: "收入比 2.2", en: "Ratio 2.2"}, source: "测试 test"},
    {id: "ratio-1.5", series: "ratio", x: 2035, value: 1.5, direction: "<=", label: {zh: "收入比 1.5", en: "Ratio 1.5"}}
  ]});

  it("lists each target with the first year it is met, whether on time, and its source", () => {
    // 快 (5% urban, 8% rural): the ratio is 2.215 in 2026 and 2.154 in 2027.
    expect(ratio(0.05, 0.08, 2)).toBeGreaterThan(2.2);
    expect(ratio(0.05, 0.08, 3)).toBeLessThanOrEqual(2.2);
    const {active} = scenarioResults(model, data, setActive(set(), "s1"));
    const list = targetList(model, active.projection);
    const items = [...list.querySelectorAll("li")];
    expect(items.map((li) => [li.dataset.target, li.dataset.year, li.dataset.met])).toEqual([
      ["ratio-2.2", "2027", "false"],
      ["ratio-1.5", "", "false"]
    ]);
    expect(items[0].textContent!.replace(/\s+/g, " ")).toBe("收入比 2.2 (2.200, 2026): 2027 年达到，晚于目标年 测试 test");
    expect(items[1].textContent!.replace(/\s+/g, " ")).toBe("收入比 1.5 (1.500, 2035): 期内未达到");
  });

  it("solveResult states the constant rate needed, and 'use as a scenario' passes rows holding the rate shown", () => {
    let used: {rows: unknown[]; name: string} | null = null;
    const goal = {column: "rural", series: "ratio", x: 2035, value: 2};
    const p = solveResult(incomeGapModel, data, constant(0.05, 0.05), goal, {use: (rows, name) => (used = {rows, name})});
    const needed = 1.05 * Math.pow(54188 / 23119 / 2, 1 / 11) - 1;
    expect(p.dataset.ok).toBe("true");
    expect(Math.abs(Number(p.dataset.value) - needed)).toBeLessThanOrEqual(1e-9);
    expect(p.querySelector("strong")!.textContent).toBe(`${(needed * 100).toFixed(3)}%`);
    (p.querySelector("button") as HTMLButtonElement).click();
    expect(used!.name).toBe("目标 2 @ 2035");
    // The stored rate is the one shown (3 decimals of a percent), so the scenario reads back as typed.
    expect(used!.rows).toEqual(constant(0.05, Number(`${(needed * 100).toFixed(3)}e-2`)));
    const unreachable = solveResult(incomeGapModel, data, constant(0.05, 0.05), {...goal, x: 2025, value: 1});
    expect(unreachable.dataset.ok).toBe("false");
    expect(unreachable.textContent).toBe("在 -50.00% … 50.00% 范围内无解：unreachable within bounds");
  });
});
