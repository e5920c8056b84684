// @vitest-environment jsdom
import * as Plot from "@observablehq/plot";
import {describe, expect, it} from "vitest";
import {accessibleSvg, chartFigure} from "../../../components/chartFigure.js";

// SYNTHETIC points for a chart's structure only.
const points = [
  {year: 2020, value: 1, kind: "a"},
  {year: 2021, value: 2, kind: "b"}
];

describe("chartFigure", () => {
  it("puts title and summary in a figcaption that names the chart's SVG as one image", () => {
    const figure = chartFigure(Plot.plot({marks: [Plot.dot(points, {x: "year", y: "value"})]}), {
      title: {zh: "标题", en: "Title"},
      summary: {zh: "一句话说明。", en: "One sentence."}
    });
    expect(figure.tagName).toBe("FIGURE");
    expect(figure.querySelector("figcaption .chart-title")!.textContent).toBe("标题");
    expect(figure.querySelector("figcaption .chart-summary")!.textContent).toBe("一句话说明。");
    const svg = figure.querySelector("svg")!;
    expect(svg.getAttribute("role")).toBe("img");
    const ids = svg.getAttribute("aria-labelledby")!.split(" ");
    expect(ids.map((id) => figure.querySelector(`#${id}`)!.textContent)).toEqual(["标题", "一句话说明。"]);
  });
  it("moves Plot's aria-label off groups without a role, keeping it as data-aria-label", () => {
    const chart = Plot.plot({marks: [Plot.dot(points, {x: "year", y: "value"}), Plot.axisX({label: "Year"})]});
    expect(chart.querySelectorAll("g[aria-label]").length).toBeGreaterThan(0);
    accessibleSvg(chart, ["t"]);
    expect(chart.querySelectorAll("g[aria-label]")).toHaveLength(0);
    expect(chart.querySelector("g[data-aria-label='dot']")).not.toBeNull();
  });
  it("hides legend swatches and names only the plot in a Plot figure with a legend", () => {
    const chart = Plot.plot({color: {legend: true}, marks: [Plot.dot(points, {x: "year", y: "value", fill: "kind"})]});
    const figure = chartFigure(chart, {title: "T", summary: "S"});
    const svgs = [...figure.querySelectorAll("svg")];
    expect(svgs.filter((s) => s.getAttribute("role") === "img")).toHaveLength(1);
    expect(svgs.filter((s) => s.getAttribute("aria-hidden") === "true").length).toBe(svgs.length - 1);
  });
});
