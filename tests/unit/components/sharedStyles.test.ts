// @vitest-environment jsdom
import * as Plot from "@observablehq/plot";
import {describe, expect, it} from "vitest";
import {shareStyles} from "../../../components/sharedStyles.js";
import {chartFigure} from "../../../components/chartFigure.js";

// SYNTHETIC points for a chart's structure only.
const points = [
  {year: 2020, value: 1, kind: "a"},
  {year: 2021, value: 2, kind: "b"}
];
const plot = () => Plot.plot({color: {legend: true}, marks: [Plot.dot(points, {x: "year", y: "value", fill: "kind"})]});
const sharedTexts = () => [...document.head.querySelectorAll("style[data-shared]")].map((s) => s.textContent);

describe("shareStyles", () => {
  it("moves each distinct <style> of a figure into the head once, however many figures are made", () => {
    document.head.replaceChildren();
    const first = plot();
    const texts = [...first.querySelectorAll("style")].map((s) => s.textContent);
    expect(texts).toHaveLength(2); // Plot's SVG style and its legend's style
    shareStyles(first);
    shareStyles(plot());
    shareStyles(plot());
    expect(first.querySelectorAll("style")).toHaveLength(0);
    expect(sharedTexts()).toEqual(texts);
  });
  it("adds a style again when something removed it from the head", () => {
    document.head.replaceChildren();
    shareStyles(plot());
    document.head.replaceChildren();
    shareStyles(plot());
    expect(sharedTexts()).toHaveLength(2);
  });
  it("leaves an element without styles untouched and adds nothing", () => {
    document.head.replaceChildren();
    const div = document.createElement("div");
    div.innerHTML = "<p>text</p>";
    expect(shareStyles(div).innerHTML).toBe("<p>text</p>");
    expect(sharedTexts()).toEqual([]);
  });
  it("is applied by chartFigure: a chart figure carries no <style> of its own", () => {
    document.head.replaceChildren();
    const figure = chartFigure(plot(), {title: "T", summary: "S"});
    expect(figure.querySelectorAll("style")).toHaveLength(0);
    expect(sharedTexts()).toHaveLength(2);
    expect(figure.querySelector("svg[role=img]")!.getAttribute("class")).toMatch(/^plot-/);
  });
});
