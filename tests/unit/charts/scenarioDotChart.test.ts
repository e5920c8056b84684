// @vitest-environment jsdom
import {afterEach, describe, expect, it} from "vitest";
import {orderRows, scenarioDotChart, type DotRow} from "../../../components/charts/scenarioDotChart.js";

// SYNTHETIC rows (test input, not statistics): three regions, two scenarios, one region without a value in one.
const rows: DotRow[] = [
  {name: "甲", values: [{scenario: "基线", value: 2.1}, {scenario: "快", value: 1.9}]},
  {name: "乙", values: [{scenario: "基线", value: 2.6}, {scenario: "快", value: 2.7}]},
  {name: "丙", values: [{scenario: "基线", value: 1.8}, {scenario: "快", value: null}]}
];
const draw = () =>
  scenarioDotChart(
    {rows, scenarios: ["基线", "快"], label: {zh: "收入比", en: "Ratio"}, x: 2025, rowLabel: {zh: "地区", en: "Region"}, format: "ratio", digits: 2, reference: {value: 2, direction: "<=", label: "2"}},
    {width: 500}
  );
const caption = (figure: Element) => [figure.querySelector(".chart-title")!.textContent, figure.querySelector(".chart-summary")!.textContent];
afterEach(() => {
  document.documentElement.lang = "";
});

describe("scenarioDotChart", () => {
  it("orders rows by the first scenario's value, highest first, rows without one last", () => {
    expect(orderRows(rows, "基线").map((r) => r.name)).toEqual(["乙", "甲", "丙"]);
    expect(orderRows(rows, "快").map((r) => r.name)).toEqual(["乙", "甲", "丙"]);
    expect(orderRows([{name: "x", values: []}, ...rows], "快").map((r) => r.name)).toEqual(["乙", "甲", "x", "丙"]);
  });

  it("draws a dot per scenario and row with a value, a rule joining each row's dots, and the reference rule", () => {
    const figure = draw();
    expect(figure.tagName).toBe("FIGURE");
    expect(figure.querySelectorAll("[data-aria-label=dot] circle")).toHaveLength(5);
    expect(figure.querySelectorAll("[data-aria-label=rule] line")).toHaveLength(1 + 3);
    const ticks = [...figure.querySelectorAll("[data-aria-label^=y-axis] text")].map((t) => t.textContent);
    expect(ticks).toEqual(["乙", "甲", "丙"]);
  });

  it("titles itself by the label and x, and sums up the extremes, the reference and each scenario against the first, in both languages", () => {
    document.documentElement.lang = "zh-CN";
    expect(caption(draw())).toEqual([
      "2025 年收入比：各地区的情景",
      "2025 年 3 个地区按基线的收入比从高到低排列：最高为乙（2.60），最低为丙（1.80）；≤ 2.00 的：基线 1 个，快 1 个；快比基线低的有 1 个、高的有 1 个。"
    ]);
    document.documentElement.lang = "en";
    expect(caption(draw())).toEqual([
      "Ratio in 2025 by region, per scenario",
      "3 regions in 2025, by 基线's Ratio highest first: 乙 highest at 2.60, 丙 lowest at 1.80; ≤ 2.00: 基线 1 of 3, 快 1 of 3; 快 below 基线 in 1, above in 1."
    ]);
  });
});
