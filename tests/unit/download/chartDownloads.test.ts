// @vitest-environment jsdom
import * as Plot from "@observablehq/plot";
import {afterEach, describe, expect, it} from "vitest";
import {csvParseRows} from "d3-dsv";
import {chartFigure} from "../../../components/chartFigure.js";
import {bandChart} from "../../../components/charts/bandChart.js";
import {compositionChart} from "../../../components/charts/compositionChart.js";
import {coverageChart} from "../../../components/charts/coverageChart.js";
import {farmlandChart} from "../../../components/charts/farmlandChart.js";
import {gapChart} from "../../../components/charts/gapChart.js";
import {incomeLevelsChart} from "../../../components/charts/incomeLevelsChart.js";
import {observedSeriesChart} from "../../../components/charts/observedSeriesChart.js";
import {progressChart} from "../../../components/charts/progressChart.js";
import {provinceRankChart} from "../../../components/charts/provinceRankChart.js";
import {provinceTrendChart} from "../../../components/charts/provinceTrendChart.js";
import {scenarioLinesChart} from "../../../components/charts/scenarioLinesChart.js";
import {tornadoChart} from "../../../components/charts/tornadoChart.js";
import {clickCsv} from "./savedFiles.js";

// Every chart's figure carries the rows it draws: with `download`, its buttons save them with the source lines.
// SYNTHETIC inputs, small enough that each file's exact content is known.
const manifest = {dataset: "income-national", source: {file: "data/national/income_national.csv", sha256: "e4df7138dbba6a3e"}, generatedAt: "2026-12-01T02:43:26Z"};
const download = {name: "chart", manifests: manifest};
/** The saved CSV as rows: the table, then (after an empty line) the source, version and note lines. */
async function saved(figure: Element): Promise<{table: string[][]; about: string[][]}> {
  const {text} = await clickCsv(figure);
  expect(text.charCodeAt(0)).toBe(0xfeff);
  const lines = csvParseRows(text.slice(1));
  const blank = lines.findIndex((l) => l.length === 1 && l[0] === "");
  return {table: lines.slice(0, blank), about: lines.slice(blank + 1)};
}
const SCENARIO = ["说明 Note", "推算值是所示假设下的情景，不是预测，也不是官方统计。"];
afterEach(() => document.documentElement.removeAttribute("lang"));

const incomes = [
  {year: 2020, urban: 30000, rural: 12000, ratio: 2.5, gap: 18000},
  {year: 2021, urban: 33000, rural: 15000, ratio: 2.2, gap: 18500}
];

describe("chartFigure with data and download", () => {
  it("puts the buttons in the figure after the chart, and replaces them when called again", async () => {
    const chart = Plot.plot({marks: [Plot.dot([{x: 1, y: 2}], {x: "x", y: "y"})]});
    const figure = chartFigure(chart, {title: "t", data: {rows: [{x: 1, y: 2}], columns: [{key: "x", label: "X"}, {key: "y", label: "Y"}]}, download});
    expect(figure.lastElementChild!.matches(".download-buttons.no-print")).toBe(true);
    expect(chartFigure(figure, {download: {...download, name: "again"}})).toBe(figure);
    expect(figure.querySelectorAll(".download-buttons")).toHaveLength(1);
    expect(await saved(figure)).toEqual({
      table: [["X", "Y"], ["1", "2"]],
      about: [["来源 Source", "国家统计局: data/national/income_national.csv"], ["数据版本 Data version", "income-national sha256 e4df7138dbba (2026-12-01)"]]
    });
    expect((await clickCsv(figure)).name).toBe("again.csv");
  });
  it("refuses a download without data, naming the file", () => {
    const chart = Plot.plot({marks: [Plot.dot([{x: 1, y: 2}], {x: "x", y: "y"})]});
    expect(() => chartFigure(chart, {download})).toThrow('chartFigure: no data to download for "chart" (pass data: {rows, columns})');
  });
  it("without download a figure has no buttons", () => {
    expect(gapChart(incomes).querySelector(".download-buttons")).toBeNull();
  });
});

describe("each chart's data file", () => {
  it("gapChart: year and the ratio, or the gap in 元", async () => {
    expect((await saved(gapChart(incomes, {download}))).table).toEqual([["年份", "城乡收入比"], ["2020", "2.5"], ["2021", "2.2"]]);
    document.documentElement.lang = "en";
    expect((await saved(gapChart(incomes, {measure: "gap", download}))).table).toEqual([["Year", "Gap (元)"], ["2020", "18000"], ["2021", "18500"]]);
  });
  it("incomeLevelsChart: year, urban and rural income", async () => {
    expect((await saved(incomeLevelsChart(incomes, {download}))).table).toEqual([
      ["年份", "城镇居民人均可支配收入（元）", "农村居民人均可支配收入（元）"],
      ["2020", "30000", "12000"],
      ["2021", "33000", "15000"]
    ]);
  });
  it("compositionChart: year, component as published, value", async () => {
    const file = await saved(compositionChart([{year: 2024, component: "农村居民人均工资性收入", value: 9799}], {download}));
    expect(file.table).toEqual([["年份", "构成（指标）", "收入（元）"], ["2024", "农村居民人均工资性收入", "9799"]]);
  });
  it("coverageChart: observed, missing years without a value, targets and the scenario path, as shares; scenario noted", async () => {
    const file = await saved(coverageChart([{year: 2020, value: 0.83}], [{x: 2020, y: 0.83}, {x: 2021, y: 0.85}], {targets: [{year: 2025, value: 0.88, label: "2025"}], missingYears: [2019], download}));
    expect(file.table).toEqual([
      ["系列", "年份", "普及率（比例，1 = 100%）"],
      ["观测", "2020", "0.83"],
      ["缺数据", "2019", ""],
      ["目标 2025", "2025", "0.88"],
      ["情景", "2020", "0.83"],
      ["情景", "2021", "0.85"]
    ]);
    expect(file.about.at(-1)).toEqual(SCENARIO);
    const observedOnly = await saved(coverageChart([{year: 2020, value: 0.83}], [], {download}));
    expect(observedOnly.about.map((l) => l[0])).toEqual(["来源 Source", "数据版本 Data version"]);
  });
  it("farmlandChart: a lower bound keeps ≥ in its qualifier column, and so does a path built on it", async () => {
    const file = await saved(
      farmlandChart([{year: 2022, value: 100000, lowerBound: false, ref: null}, {year: 2023, value: 100000, lowerBound: true, ref: null}], [{x: 2024, y: 108000}], {missingYears: [2021], lowerBound: true, download})
    );
    expect(file.table).toEqual([
      ["系列", "年份", "累计面积（万亩）", "限定"],
      ["观测", "2022", "100000", ""],
      ["下限（超…）", "2023", "100000", "≥"],
      ["缺数据", "2021", "", ""],
      ["情景（下限）", "2024", "108000", "≥"]
    ]);
    expect(file.about.at(-1)).toEqual(SCENARIO);
  });
  it("observedSeriesChart: each series' points, a missing year kept without a value", async () => {
    const file = await saved(observedSeriesChart([{name: {zh: "甲", en: "A"}, points: [{x: 2019, y: 40}, {x: 2020, y: null}]}], {label: {zh: "比率（%）", en: "Rate (%)"}, download}));
    expect(file.table).toEqual([["系列", "年份", "比率（%）"], ["甲", "2019", "40"], ["甲", "2020", ""]]);
  });
  it("progressChart: baseline, latest with its qualifier, target and progress", async () => {
    const file = await saved(progressChart([{label: "x", unit: "%", baseline: 80, latest: 85, latestYear: 2023, target: 90, lowerBound: true}], {download}));
    expect(file.table).toEqual([
      ["指标", "单位", "基期值", "最新值限定", "最新值", "最新年份", "目标值", "基期到目标的进度（%）"],
      ["x", "%", "80", "≥", "85", "2023", "90", "50"]
    ]);
  });
  const provinces = [
    {region_code: "1", region: "甲", year: 2019, urban: 300, rural: 100, ratio: 3, gap: 200},
    {region_code: "2", region: "乙", year: 2019, urban: 200, rural: 100, ratio: 2, gap: 100}
  ];
  it("provinceRankChart: each province's ratio or gap in the year", async () => {
    expect((await saved(provinceRankChart(provinces, {download}))).table).toEqual([["省份", "代码", "年份", "城乡收入比"], ["甲", "1", "2019", "3"], ["乙", "2", "2019", "2"]]);
    expect((await saved(provinceRankChart(provinces, {measure: "gap", download}))).table[0]).toEqual(["省份", "代码", "年份", "收入差（元）"]);
  });
  it("provinceTrendChart: every province drawn, not only the selected", async () => {
    const file = await saved(provinceTrendChart(provinces, {selected: ["甲"], download}));
    expect(file.table).toEqual([["省份", "年份", "城乡收入比（城镇 ÷ 农村）"], ["甲", "2019", "3"], ["乙", "2019", "2"]]);
  });
  it("scenarioLinesChart: observed, each scenario and the targets, long; scenario noted", async () => {
    const file = await saved(
      scenarioLinesChart({observed: [{x: 2020, y: 2.5}], scenarios: [{name: "A", points: [{x: 2021, y: 2.3}]}], targets: [{x: 2021, value: 2, label: "目标 2"}], label: {zh: "收入比", en: "Ratio"}, format: "ratio"}, {download})
    );
    expect(file.table).toEqual([["系列", "年份", "收入比"], ["观测", "2020", "2.5"], ["A", "2021", "2.3"], ["目标 2", "2021", "2"]]);
    expect(file.about.at(-1)).toEqual(SCENARIO);
  });
  it("tornadoChart: each parameter's low, high and base output", async () => {
    const file = await saved(tornadoChart([{parameter: "urban", low: 2.1, high: 2.3, base: 2.2}], {label: "2035 收入比", names: {urban: "城镇增速"}, download}));
    expect(file.table).toEqual([["参数", "2035 收入比：参数下调 ±1 pt", "2035 收入比：参数上调 ±1 pt", "2035 收入比：基准"], ["城镇增速", "2.1", "2.3", "2.2"]]);
    expect(file.about.at(-1)).toEqual(SCENARIO);
  });
  it("bandChart: one row per year with observed, p10, p50, p90 and the central scenario", async () => {
    const file = await saved(
      bandChart({observed: [{x: 2020, y: 2.5}], band: [{x: 2021, p10: 2.3, p50: 2.4, p90: 2.5}], central: [{x: 2021, y: 2.4}], runs: 100, label: {zh: "收入比", en: "Ratio"}, format: "ratio"}, {download})
    );
    expect(file.table).toEqual([
      ["年份", "收入比：观测", "第 10 百分位（100 次模拟）", "中位数", "第 90 百分位", "中心情景"],
      ["2020", "2.5", "", "", "", ""],
      ["2021", "", "2.3", "2.4", "2.5", "2.4"]
    ]);
    expect(file.about.at(-1)).toEqual(SCENARIO);
  });
});
