// @vitest-environment jsdom
import {afterEach, describe, expect, it} from "vitest";
import {scenarioLinesChart} from "../../../components/charts/scenarioLinesChart.js";
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
import {tornadoChart} from "../../../components/charts/tornadoChart.js";
import {chartFigure} from "../../../components/chartFigure.js";

// Every chart comes as a figure whose title and one-sentence summary are its text alternative. SYNTHETIC inputs,
// small enough that each summary's exact text is known; both languages (the page's <html lang> picks one).
const caption = (figure: Element) => ({
  title: figure.querySelector("figcaption .chart-title")!.textContent,
  summary: figure.querySelector("figcaption .chart-summary")!.textContent
});
const inBoth = (draw: () => Element) => {
  document.documentElement.lang = "zh-CN";
  const zh = caption(draw());
  document.documentElement.lang = "en";
  const en = caption(draw());
  return {zh, en};
};
afterEach(() => {
  document.documentElement.lang = "";
});

const incomes = [
  {year: 2020, urban: 30000, rural: 12000, ratio: 2.5, gap: 18000},
  {year: 2021, urban: 33000, rural: 15000, ratio: 2.2, gap: 18500}
];

describe("every chart is a figure with its text alternative", () => {
  it("the figure names its plot SVG by the title and summary, and Plot's group labels are data-aria-label", () => {
    const figure = gapChart(incomes, {width: 500});
    expect(figure.tagName).toBe("FIGURE");
    expect(figure.querySelectorAll("figure.chart-figure")).toHaveLength(0); // one figure, not nested
    const svg = figure.querySelector("svg[role=img]")!;
    expect(svg.getAttribute("width")).toBe("500"); // the width a page's resize() passes still sizes the plot
    const names = svg.getAttribute("aria-labelledby")!.split(" ").map((id) => figure.querySelector(`#${id}`)!.textContent);
    expect(names).toEqual([caption(figure).title, caption(figure).summary]);
    expect(figure.querySelectorAll("g[aria-label]")).toHaveLength(0);
    expect(figure.querySelector("[data-aria-label='line']")).not.toBeNull();
  });

  it("title and summary options replace the computed ones", () => {
    document.documentElement.lang = "en";
    const figure = scenarioLinesChart({scenarios: [], label: "x"}, {title: {zh: "标题", en: "Title"}, summary: "One sentence."});
    expect(caption(figure)).toEqual({title: "Title", summary: "One sentence."});
  });

  it("chartFigure given a chart's figure renames it in place instead of nesting a second figure", () => {
    const figure = incomeLevelsChart(incomes);
    const summary = caption(figure).summary;
    const renamed = chartFigure(figure, {title: "新标题"});
    expect(renamed).toBe(figure);
    expect(caption(renamed)).toEqual({title: "新标题", summary});
    expect(renamed.querySelectorAll("figcaption")).toHaveLength(1);
    expect(renamed.querySelectorAll("svg[role=img]")).toHaveLength(1);
  });
});

describe("chart summaries", () => {
  it("scenarioLinesChart: label, observed years, scenarios to the horizon, each end value, targets", () => {
    const draw = () =>
      scenarioLinesChart({
        observed: [
          {x: 2020, y: 2.5},
          {x: 2021, y: 2.4}
        ],
        scenarios: [
          {name: "A", points: [{x: 2021, y: 2.4}, {x: 2022, y: 2.3}]},
          {name: "B", points: [{x: 2021, y: 2.4}, {x: 2022, y: 2.2}, {x: 2023, y: null}]}
        ],
        targets: [{x: 2022, value: 2, label: "t"}],
        label: {zh: "收入比", en: "Ratio"},
        format: "ratio"
      });
    expect(inBoth(draw)).toEqual({
      zh: {title: "收入比：观测与情景", summary: "收入比：观测 2020–2021 年，2 个情景推算至 2022 年；A 2022 年为 2.300，B 为 2.200；目标 2022 年 2.000。"},
      en: {title: "Ratio: observed and scenarios", summary: "Ratio: observed 2020–2021, 2 scenarios to 2022; A ends at 2.300, B at 2.200; target 2.000 in 2022."}
    });
  });

  it("bandChart: runs, the band and median in the last year, the central scenario's end", () => {
    const draw = () =>
      bandChart({
        observed: [{x: 2020, y: 2.5}],
        band: [
          {x: 2021, p10: 2.3, p50: 2.4, p90: 2.5},
          {x: 2022, p10: 2.1, p50: 2.25, p90: 2.4}
        ],
        central: [
          {x: 2021, y: 2.4},
          {x: 2022, y: 2.2}
        ],
        runs: 100,
        label: {zh: "收入比", en: "Ratio"},
        format: "ratio"
      });
    expect(inBoth(draw)).toEqual({
      zh: {title: "收入比：蒙特卡洛 10-90% 区间", summary: "100 次模拟，观测 2020 年；2022 年 80% 的模拟结果在 2.100 至 2.400 之间（中位数 2.250）；中心情景为 2.200。"},
      en: {
        title: "Ratio: Monte Carlo 10-90% band",
        summary: "100 runs, observed 2020; in 2022 the middle 80% of runs lie between 2.100 and 2.400 (median 2.250); the central scenario ends at 2.200."
      }
    });
  });

  it("compositionChart: the years and each component in the last year, in yuan", () => {
    const draw = () =>
      compositionChart([
        {year: 2023, component: "农村居民人均工资性收入", value: 9000},
        {year: 2024, component: "农村居民人均工资性收入", value: 9799},
        {year: 2024, component: "农村居民人均经营净收入", value: 7845},
        {year: 2024, component: "农村居民人均财产净收入", value: 579},
        {year: 2024, component: "农村居民人均转移净收入", value: 4896}
      ]);
    expect(inBoth(draw)).toEqual({
      zh: {
        title: "农村居民人均可支配收入构成",
        summary: "2023–2024 年农村居民人均收入按构成堆叠；2024 年：工资性收入 9,799 元、经营净收入 7,845 元、财产净收入 579 元、转移净收入 4,896 元。"
      },
      en: {
        title: "Rural per-capita disposable income by component",
        summary: "Rural income per person by component, 2023–2024; in 2024: wages 9,799 yuan, net business 7,845 yuan, net property 579 yuan, net transfers 4,896 yuan."
      }
    });
  });

  it("coverageChart: observed years and latest value, missing years, targets, the path's end and the year 100% is reached", () => {
    const draw = () =>
      coverageChart(
        [
          {year: 2020, value: 0.83},
          {year: 2023, value: 0.9}
        ],
        [
          {x: 2023, y: 0.9},
          {x: 2024, y: 0.986},
          {x: 2025, y: 1},
          {x: 2026, y: 1}
        ],
        {targets: [{year: 2025, value: 0.88, label: "t"}], missingYears: [2021, 2022]}
      );
    expect(inBoth(draw)).toEqual({
      zh: {title: "普及率", summary: "观测 2020–2023 年（最新 2023 年 90%）；2021、2022 年无数据；目标 2025 年 88%；情景至 2026 年为 100%，2025 年达到 100%。"},
      en: {
        title: "Coverage",
        summary: "Observed 2020–2023 (latest 90% in 2023); no figure for 2021, 2022; target 88% by 2025; the scenario ends at 100% in 2026, reaching 100% in 2025."
      }
    });
  });

  it("farmlandChart: figures in 亿亩 / mu, a lower bound said as such, and a ≥ end on a bound", () => {
    const draw = () =>
      farmlandChart(
        [
          {year: 2020, value: 80000, lowerBound: false, ref: null},
          {year: 2023, value: 100000, lowerBound: true, ref: null}
        ],
        [
          {x: 2023, y: 100000},
          {x: 2025, y: 107500}
        ],
        {targets: [{year: 2025, value: 107500, label: "t"}], missingYears: [2021, 2022], lowerBound: true}
      );
    expect(inBoth(draw)).toEqual({
      zh: {
        title: "高标准农田累计面积",
        summary: "2 个公布数值，2020–2023 年（最新 2023 年超过 10 亿亩）；2021、2022 年无数据；目标 2025 年 10.75 亿亩；情景至 2025 年为 ≥ 10.75 亿亩。"
      },
      en: {
        title: "Cumulative high-standard farmland",
        summary:
          "2 published figures, 2020–2023 (latest more than 1 billion mu in 2023); no figure for 2021, 2022; target 1.075 billion mu by 2025; the scenario ends at ≥ 1.075 billion mu in 2025."
      }
    });
  });

  it("gapChart: the first and last year's ratio, or gap in yuan", () => {
    expect(inBoth(() => gapChart(incomes, {measure: "ratio"}))).toEqual({
      zh: {title: "城乡居民收入比", summary: "城镇居民人均可支配收入与农村之比，从 2020 年的 2.50 到 2021 年的 2.20。"},
      en: {title: "Urban-rural income ratio", summary: "Urban per-capita disposable income divided by rural, from 2.50 in 2020 to 2.20 in 2021."}
    });
    expect(inBoth(() => gapChart(incomes, {measure: "gap"}))).toEqual({
      zh: {title: "城乡居民收入差", summary: "城镇与农村居民人均可支配收入之差，从 2020 年的 1.8 万元 到 2021 年的 1.85 万元。"},
      en: {title: "Urban-rural income gap", summary: "Urban minus rural per-capita disposable income, from 18,000 yuan in 2020 to 18,500 yuan in 2021."}
    });
  });

  it("incomeLevelsChart: urban and rural income in the first and last year", () => {
    expect(inBoth(() => incomeLevelsChart(incomes))).toEqual({
      zh: {title: "城乡居民人均可支配收入", summary: "2020–2021 年，城镇居民从 3 万元 到 3.3 万元，农村居民从 1.2 万元 到 1.5 万元（每人每年）。"},
      en: {
        title: "Urban and rural per-capita disposable income",
        summary: "2020–2021: urban from 30,000 yuan to 33,000 yuan, rural from 12,000 yuan to 15,000 yuan per person a year."
      }
    });
  });

  it("observedSeriesChart: each series' years, latest value and the years it has no figure", () => {
    const draw = () =>
      observedSeriesChart(
        [
          {name: {zh: "甲", en: "A"}, points: [{x: 2019, y: 40}, {x: 2020, y: null}, {x: 2021, y: 42}]},
          {name: {zh: "乙", en: "B"}, points: [{x: 2020, y: 50}]}
        ],
        {label: {zh: "比率（%）", en: "Rate (%)"}}
      );
    expect(inBoth(draw)).toEqual({
      zh: {title: "比率（%）", summary: "2 个公布序列，分开绘制；甲 2019–2021 年（最新 2021 年 42.00，2020 年无数据）；乙 2020 年（最新 2020 年 50.00）。"},
      en: {title: "Rate (%)", summary: "2 published series, drawn apart; A 2019–2021 (latest 42.00 in 2021, no figure for 2020); B 2020 (latest 50.00 in 2020)."}
    });
  });

  it("progressChart: how many targets are reached, passed and not yet reached", () => {
    const draw = () =>
      progressChart([
        {label: "far", unit: "%", baseline: 83, latest: 96, latestYear: 2025, target: 88},
        {label: "half", unit: "%", baseline: 80, latest: 85, latestYear: 2023, target: 90},
        {label: "met", unit: "万亩", baseline: 0, latest: 10, latestYear: 2023, target: 10}
      ]);
    expect(inBoth(draw)).toEqual({
      zh: {title: "基期到目标的进度", summary: "3 个指标，每条从基期（0%）到目标（100%）：2 个已达到或超过目标（其中 1 个已超过），1 个尚未达到。"},
      en: {title: "Progress from baseline to target", summary: "3 targets, each bar from baseline (0%) to target (100%): 2 reached or passed (1 passed), 1 not yet reached."}
    });
  });

  const provinces = [
    {region_code: "1", region: "甲", year: 2019, urban: 300, rural: 100, ratio: 3, gap: 200},
    {region_code: "2", region: "乙", year: 2019, urban: 200, rural: 100, ratio: 2, gap: 100},
    {region_code: "3", region: "丙", year: 2019, urban: 250, rural: 100, ratio: 2.5, gap: 150}
  ];

  it("provinceRankChart: highest, lowest, median and the highlighted province, names as published", () => {
    expect(inBoth(() => provinceRankChart(provinces, {highlight: ["乙"]}))).toEqual({
      zh: {title: "2019 年分省城乡收入比", summary: "3 个省份从高到低排列：最高为甲（3.00），最低为乙（2.00），中位数 2.50；乙为 2.00。"},
      en: {title: "Urban ÷ rural income by province, 2019", summary: "3 provinces, highest first: 甲 highest at 3.00, 乙 lowest at 2.00, median 2.50; 乙 2.00."}
    });
    document.documentElement.lang = "en";
    expect(caption(provinceRankChart(provinces, {measure: "gap"})).summary).toBe(
      "3 provinces, highest first: 甲 highest at 200 yuan, 乙 lowest at 100 yuan, median 150 yuan."
    );
  });

  it("provinceTrendChart: provinces, years and each selected province's last value", () => {
    const rows = [
      {region: "甲", year: 2019, ratio: 3},
      {region: "乙", year: 2019, ratio: 2},
      {region: "甲", year: 2020, ratio: 2.9}
    ];
    expect(inBoth(() => provinceTrendChart(rows, {selected: ["甲"]}))).toEqual({
      zh: {title: "分省城乡收入比（城镇 ÷ 农村）", summary: "2 个省份，2019–2020 年；突出显示：甲 2020 年 2.900。"},
      en: {title: "Urban ÷ rural income by province", summary: "2 provinces, 2019–2020; highlighted: 甲 2.900 in 2020."}
    });
    document.documentElement.lang = "en";
    expect(caption(provinceTrendChart(rows)).summary).toBe("2 provinces, 2019–2020; none highlighted.");
  });

  it("tornadoChart: the base and each parameter's range", () => {
    const draw = () =>
      tornadoChart(
        [
          {parameter: "rural", low: 1.9, high: 1.7, base: 1.8},
          {parameter: "urban", low: 1.75, high: 1.85, base: 1.8}
        ],
        {names: {rural: "农村", urban: "城镇"}, label: "2035 收入比", delta: "±1 pt"}
      );
    expect(inBoth(draw)).toEqual({
      zh: {title: "2035 收入比的敏感性", summary: "基准 1.800；每个参数变动 ±1 pt 时：农村 1.700 至 1.900，城镇 1.750 至 1.850。"},
      en: {title: "Sensitivity of 2035 收入比", summary: "Base 1.800; with each parameter moved by ±1 pt: 农村 1.700 to 1.900, 城镇 1.750 to 1.850."}
    });
  });
});
