// @vitest-environment jsdom
// The notebooks' text and view helpers, on synthetic inputs of the shapes the pages pass (figures are checked against
// the bundled files in tests/site/*).
import {describe, expect, it} from "vitest";
import {metText, observedTableRows, targetName, lowerBoundPrefix} from "../../../components/notebooks/farmlandText.js";
import {coverageTableRows, gainNeededView, reachedText, targetPassedNote} from "../../../components/notebooks/tapWaterViews.js";
import {nationalRatesFigure, nationalTableRows, provinceRatesFigure, provinceRateTiles} from "../../../components/notebooks/urbanizationViews.js";
import {incomeRankFigure, incomeTiles, incomeTrendFigure} from "../../../components/notebooks/incomeProvincesViews.js";
import {nationalRates} from "../../../components/notebooks/urbanizationModel.js";
import {FARMLAND_HORIZON, HORIZON} from "../../../components/plan.js";

const figureText = (figure: Element) => [figure.querySelector(".chart-title")!.textContent, figure.querySelector(".chart-summary")!.textContent];

describe("farmlandText", () => {
  const national = [
    {indicator: "x", region_code: "CN", region: "全国", year: 2020, value: 80000, lowerBound: false, ref: "S20", hedge: null},
    {indicator: "x", region_code: "CN", region: "全国", year: 2023, value: 100000, lowerBound: true, ref: "S22", hedge: "lower bound" as const}
  ];
  it("observedTableRows puts the missing years between the figures, never filled, with each figure's qualifier", () => {
    const rows = observedTableRows(national, [2021, 2022]);
    expect(rows.map((d) => [d.year, d.value, d.qualifier, d.missing])).toEqual([
      [2020, 80000, "", false],
      [2021, null, "缺数据，不填补", true],
      [2022, null, "缺数据，不填补", true],
      [2023, 100000, "下限（超…）", false]
    ]);
    expect(rows[3].lowerBound).toBe(true);
  });
  it("writes a lower bound with ≥, the latest year a target is met on a lower-bound start, and a target with its area", () => {
    expect(lowerBoundPrefix({lowerBound: true})).toBe("≥ ");
    expect(lowerBoundPrefix({lowerBound: false})).toBe("");
    expect(metText({id: "a", year: 2024, atLatest: true})).toBe("最迟 2024 年");
    expect(metText({id: "a", year: 2024, atLatest: false})).toBe("2024");
    expect(metText({id: "a", year: null, atLatest: false})).toBe(`${FARMLAND_HORIZON} 年前未达到`);
    expect(targetName({label: {zh: "规划目标", en: "Plan target"}, value: 107500, x: 2025})).toBe("规划目标 10.75 亿亩 (2025)");
  });
});

describe("tapWaterViews", () => {
  const observed = [
    {year: 2017, value: 80, ref: "S09", hedge: "rounded"},
    {year: 2020, value: 83, ref: "S02"},
    {year: 2023, value: 90, ref: "S06"}
  ];
  it("coverageTableRows marks the plan baseline and rounded statements, and leaves missing years empty", () => {
    const rows = coverageTableRows(observed, [2018, 2019], 2020);
    expect(rows.map((d) => [d.year, d.share, d.remark, d.missing])).toEqual([
      [2017, 0.8, "整数表述", false],
      [2018, null, "缺数据，不插值", true],
      [2019, null, "缺数据，不插值", true],
      [2020, 0.83, "规划基期", false],
      [2023, 0.9, "", false]
    ]);
  });
  it("reachedText gives a span over years without a figure, 'by' for the first figure, the basis, or not by the horizon", () => {
    expect(reachedText({id: "a", year: 2023, earliest: 2021, basis: "observed"})).toBe("2021-2023 年间（2021-2022 年无数据）");
    expect(reachedText({id: "a", year: 2017, earliest: null, basis: "observed"})).toBe("最迟 2017 年");
    expect(reachedText({id: "a", year: 2027, earliest: 2027, basis: "projected"})).toBe("2027（情景）");
    expect(reachedText({id: "a", year: 2023, earliest: 2023, basis: "observed"})).toBe("2023（观测）");
    expect(reachedText({id: "a", year: null, earliest: null, basis: null})).toBe(`${HORIZON} 年前未达到`);
  });
  it("targetPassedNote says when the target was first passed, or that no figure has passed it", () => {
    const passed = targetPassedNote(observed, {year: 2025, value: 88});
    expect(passed.querySelector("p.en")!.textContent).toBe("The 88% target was passed in 2023 (90%, S06), 2 years early, and 2023 closed at 90%.");
    const notYet = targetPassedNote(observed, {year: 2025, value: 95});
    expect(notYet.querySelector("p.en")!.textContent).toBe("No figure has reached the 95% target yet; 2023 stood at 90%.");
  });
  it("gainNeededView shows the gain with a button that uses it, or the reason it cannot be reached", () => {
    let used = 0;
    const ok = gainNeededView({ok: true, x: 0.004, iterations: 0}, {use: () => used++});
    expect(ok.dataset.ok).toBe("true");
    expect(ok.dataset.value).toBe("0.004");
    expect(ok.querySelector("strong")!.textContent).toBe("0.4 个百分点");
    ok.querySelector("button")!.click();
    expect(used).toBe(1);
    const no = gainNeededView({ok: false, reason: "普及率不能超过 100%"}, {use: () => used++});
    expect(no.dataset.ok).toBe("false");
    expect(no.querySelector(".warning")!.textContent).toBe("普及率不能超过 100%");
    expect(no.querySelector("button")).toBeNull();
  });
});

describe("urbanizationViews", () => {
  const rates = nationalRates([
    {indicator: "常住人口城镇化率（当年公布）", year: 2019, value: 60.6},
    {indicator: "常住人口城镇化率（七普修订）", year: 2019, value: 62.71},
    {indicator: "常住人口城镇化率（七普修订）", year: 2020, value: 63.89},
    {indicator: "户籍人口城镇化率", year: 2020, value: 45.4}
  ]);
  it("nationalTableRows puts the three series side by side, null where one has no figure", () => {
    expect(nationalTableRows(rates)).toEqual([
      {year: 2019, published: 60.6, revised: 62.71, hukou: null},
      {year: 2020, published: null, revised: 63.89, hukou: 45.4}
    ]);
  });
  it("draws the national and provincial figures with titles from their years", () => {
    expect(figureText(nationalRatesFigure(rates, {width: 400}))[0]).toBe("全国城镇化率，2019-2020 年");
    const provinces = [
      {region_code: "110000", region: "北京", year: 2018, value: 86.5},
      {region_code: "110000", region: "北京", year: 2019, value: 86.6}
    ];
    expect(figureText(provinceRatesFigure(provinces, {width: 400, picked: "北京"}))).toEqual([
      "各省常住人口城镇化率，2018-2019 年",
      "每个省份一条灰线，北京 着色并标注。"
    ]);
    const tiles = provinceRateTiles(provinces, 2019);
    expect(tiles.value).toBe("110000");
    expect(tiles.querySelectorAll("button").length).toBe(31);
  });
});

describe("incomeProvincesViews", () => {
  const rows = [
    {region_code: "110000", region: "北京", year: 2019, urban: 73849, rural: 28928, ratio: 73849 / 28928, gap: 73849 - 28928},
    {region_code: "520000", region: "贵州", year: 2019, urban: 34404, rural: 10756, ratio: 34404 / 10756, gap: 34404 - 10756}
  ];
  it("titles the ranking by measure and year, and the trend by the years and the provinces chosen", () => {
    expect(figureText(incomeRankFigure(rows, {width: 400, year: 2019, measure: "gap", picked: "贵州"}))[0]).toBe("2019 年各省城乡收入差");
    expect(figureText(incomeTrendFigure(rows, {width: 400, selected: ["北京", "贵州"]}))).toEqual([
      "各省城乡收入比，2019-2019 年",
      "每个省份一条灰线；北京、贵州 着色并标注。"
    ]);
  });
  it("the tile map shows the chosen measure and starts on the given province", () => {
    const tiles = incomeTiles(rows, {measure: "ratio", value: "520000"});
    expect(tiles.value).toBe("520000");
    expect(tiles.querySelector('[data-code="520000"]')!.getAttribute("aria-label")).toContain("3.20");
    const gaps = incomeTiles(rows, {measure: "gap", value: "110000"});
    expect(gaps.querySelector('[data-code="110000"]')!.getAttribute("aria-label")).toContain("44,921");
  });
});
