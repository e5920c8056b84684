// @vitest-environment jsdom
import {afterEach, describe, expect, it} from "vitest";
import {csvParseRows} from "d3-dsv";
import {dataTable, tableFile} from "../../../components/tables/dataTable.js";
import {sensitivityHeatTable} from "../../../components/charts/sensitivityHeatTable.js";
import {compareTable} from "../../../components/scenario/compareTable.js";
import {scenarioResults} from "../../../components/scenario/results.js";
import {createScenario, initialSet, rowShape} from "../../../components/scenario/scenarioSet.js";
import {incomeGapModel} from "../../../components/notebooks/incomeGapModel.js";
import {withGap} from "../../../components/model/incomeProjection.js";
import {scorecardFile, scorecardTable} from "../../../components/scorecard/scorecardTable.js";
import {buildScorecard} from "../../../components/scorecard/buildScorecard.js";
import {ingestFile} from "../../../loaders/ingest.js";
import {clickCsv} from "./savedFiles.js";

// Tables with download buttons: each file holds the rows and columns shown, raw numbers, bounds as a qualifier.
const manifest = {dataset: "plan-indicators", source: {file: "data/plan/plan_indicators.csv", sha256: "abcdefabcdef0123"}, generatedAt: "2026-12-01T00:00:00Z"};
/** The table part of a saved CSV: header and rows, up to the empty line before the source lines. */
const tablePart = (text: string) => {
  const lines = csvParseRows(text.slice(1));
  return lines.slice(0, lines.findIndex((l) => l.length === 1 && l[0] === ""));
};
const noteOf = (text: string) => csvParseRows(text.slice(1)).find((l) => l[0] === "说明 Note")?.[1];

afterEach(() => document.documentElement.removeAttribute("lang"));

// The bundled farmland figures: 2022 stated, 2023 a lower bound (超10亿亩), 2021 a year with no figure.
type Farmland = {year: number; value: number | null; lowerBound?: boolean; ref: string | null};
const farmland: Farmland[] = [
  {year: 2021, value: null, ref: null},
  {year: 2022, value: 100000, lowerBound: false, ref: "S21"},
  {year: 2023, value: 100000, lowerBound: true, ref: "S22"}
];
const farmlandColumns = [
  {key: "year" as const, label: {zh: "年份", en: "Year"}, format: "text"},
  {key: "value" as const, label: {zh: "累计", en: "Cumulative"}, format: "万亩", prefix: (d: Farmland) => (d.lowerBound ? "≥ " : "")},
  {key: "ref" as const, label: {zh: "来源", en: "Source"}, format: "text"}
];

describe("dataTable with download", () => {
  it("tableFile keeps raw values, adds units to headers and a qualifier column after a column with a prefix", () => {
    expect(tableFile(farmland, farmlandColumns)).toEqual({
      columns: [
        {key: "year", label: "年份"},
        {key: "value", label: "累计（万亩）"},
        {key: "value:qualifier", label: "累计 限定"},
        {key: "ref", label: "来源"}
      ],
      rows: [
        {year: 2021, value: null, "value:qualifier": null, ref: null},
        {year: 2022, value: 100000, "value:qualifier": null, ref: "S21"},
        {year: 2023, value: 100000, "value:qualifier": "≥", ref: "S22"}
      ]
    });
  });
  it("comes in a block with buttons whose CSV equals the table, the bound kept as ≥, missing as empty", async () => {
    const block = dataTable(farmland, {id: "farmland-national", columns: farmlandColumns, rowKey: "year", download: {name: "farmland-national", manifests: manifest}});
    expect(block.className).toBe("with-downloads");
    expect(block.querySelector("table.data-table")!.id).toBe("farmland-national");
    expect([...block.querySelectorAll("tbody tr")].map((tr) => tr.querySelector("td.value")!.textContent)).toEqual(["—", "10 亿亩", "≥ 10 亿亩"]);
    const {name, text} = await clickCsv(block);
    expect(name).toBe("farmland-national.csv");
    expect(tablePart(text)).toEqual([
      ["年份", "累计（万亩）", "累计 限定", "来源"],
      ["2021", "", "", ""],
      ["2022", "100000", "", "S21"],
      ["2023", "100000", "≥", "S22"]
    ]);
    expect(text).toContain("\r\n数据版本 Data version,plan-indicators sha256 abcdefabcdef (2026-12-01)\r\n");
    expect(noteOf(text)).toBeUndefined();
  });
  it("without download it is the bare table, as before", () => {
    expect(dataTable(farmland, {columns: farmlandColumns}).tagName).toBe("TABLE");
  });
});

describe("sensitivityHeatTable with download", () => {
  it("writes the grid as shown (rows y, columns x) with raw rates and outputs, and the scenario note", async () => {
    const grid = {x: {column: "rural", values: [0.06, 0.07]}, y: {column: "urban", values: [0.04, 0.05]}, probe: {series: "ratio", x: 2035}, cells: [[2.1, 2.0], [2.2, null]]};
    document.documentElement.lang = "en";
    const block = sensitivityHeatTable(grid, {xLabel: {zh: "农村", en: "Rural"}, yLabel: {zh: "城镇", en: "Urban"}, valueFormat: "ratio", download: {name: "sensitivity", manifests: manifest}});
    expect(block.querySelector("table.sensitivity-table")).not.toBeNull();
    const {text} = await clickCsv(block);
    expect(tablePart(text)).toEqual([
      ["Urban (share, 1 = 100%) ↓ · Rural (share, 1 = 100%) →", "0.06", "0.07"],
      ["0.04", "2.1", "2"],
      ["0.05", "2.2", ""]
    ]);
    expect(noteOf(text)).toBe("Projected values are scenarios from the assumptions shown, not forecasts and not official statistics.");
  });
});

describe("compareTable with download", () => {
  it("writes each compared scenario's raw values and the first year meeting the target, as the table shows them", async () => {
    const data = {history: withGap([{year: 2019, urban: 42359, rural: 16021}, {year: 2024, urban: 54188, rural: 23119}])};
    const baseline = incomeGapModel.baseline(data);
    const shape = rowShape(incomeGapModel, baseline.rows);
    const set = createScenario(initialSet(shape, baseline.rows), shape, {name: "慢", rows: shape.keys.map((year) => ({year, urban: 0.05, rural: 0.05}))});
    const compared = scenarioResults(incomeGapModel, data, set).compared;
    const block = compareTable(incomeGapModel, compared, {measures: [{series: "ratio", x: 2035}], target: {series: "ratio", value: 2.1, direction: "<="}, after: 2024, download: {name: "compare", manifests: manifest}});
    const shown = [...block.querySelectorAll("tbody tr")].map((tr) => [tr.querySelector("th")!.textContent, (tr.querySelector("td[data-key=ratio-2035]") as HTMLElement).dataset.value, tr.querySelector("td[data-key=first-year]")!.textContent]);
    const {text} = await clickCsv(block);
    const file = tablePart(text);
    expect(file[0]).toEqual(["情景", "2035 城乡收入比（城镇 ÷ 农村）", "城乡收入比（城镇 ÷ 农村） ≤ 2.1 的首年"]);
    expect(file.slice(1)).toEqual(shown.map(([name, value, year]) => [name, value, year!.replace(/ \(.*\)$/, "")]));
    expect(file.slice(1).map((r) => r[2])).toEqual(["2029", "期内未达到"]);
    expect(noteOf(text)).toBe("推算值是所示假设下的情景，不是预测，也不是官方统计。");
  });
});

describe("scorecardTable with download", () => {
  const targets = ingestFile("data/plan/targets.csv", {long: {year: "target_year", value: "target_value", ignore: ["direction", "baseline_value", "baseline_year"]}}).rows;
  const card = buildScorecard(targets, ingestFile("data/plan/plan_indicators.csv", {}).rows);
  it("scorecardFile writes one line per target and one per context series, a bound's hedge in its own column", () => {
    const file = scorecardFile(card);
    const targetLines = file.rows.filter((r) => r.line === "目标");
    expect(targetLines).toHaveLength(card.length);
    expect(file.rows).toHaveLength(card.length + card.reduce((n, r) => n + r.context.length, 0));
    for (const r of card) {
      const line = file.rows.find((l) => l.id === r.id)!;
      expect(line.target).toBe(r.target);
      expect(line.latest).toBe(r.latest?.value ?? null);
      expect(line.hedge).toBe(r.latest?.hedge === "lower bound" ? "下限（超…）" : line.hedge);
    }
    expect(file.rows.some((l) => l.hedge === "下限（超…）")).toBe(true);
    expect(file.rows.filter((l) => String(l.line).startsWith("参考（不评判）")).every((l) => l.status === undefined)).toBe(true);
  });
  it("the table comes with buttons whose CSV has a line per shown row", async () => {
    const block = scorecardTable(card.slice(0, 3), {download: {name: "scorecard", manifests: manifest}});
    const shownRows = block.querySelectorAll("tbody tr").length;
    const {text} = await clickCsv(block);
    expect(tablePart(text)).toHaveLength(1 + shownRows);
  });
});
