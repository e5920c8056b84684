// @vitest-environment jsdom
import {describe, expect, it} from "vitest";
import {sensitivityHeatTable} from "../../../components/charts/sensitivityHeatTable.js";

// SYNTHETIC grid values (test input, not statistics).
const grid = {
  x: {column: "rural", values: [0.06, 0.07]},
  y: {column: "urban", values: [0.04, 0.05]},
  probe: {series: "ratio", x: 2035},
  cells: [
    [2.1, 1.9],
    [null, 2.3]
  ]
};

describe("sensitivityHeatTable", () => {
  it("writes the table cell by cell: shades from the value range, met cells bold and ticked, missing cells as —", () => {
    const table = sensitivityHeatTable(grid, {width: 320, xLabel: "农村", yLabel: "城镇", caption: "说明", valueFormat: "ratio", target: {value: 2, direction: "<="}});
    document.body.replaceChildren(table);
    expect(document.body.innerHTML.replace(/\n\s*/g, "")).toBe(EXPECTED);
  });
  it("without a width or caption, writes an empty style and no caption", () => {
    const table = sensitivityHeatTable(grid, {xLabel: "农村", yLabel: "城镇"});
    expect(table.getAttribute("style")).toBe("");
    expect(table.querySelector("caption")).toBeNull();
    expect([...table.querySelectorAll("td[data-met=true]")]).toHaveLength(0);
  });
});

const cell = (shade: number, rest: string) => `<td style="background: color-mix(in srgb, #e67e22 ${shade}%, transparent); text-align: right; white-space: nowrap; ${rest}`;
// What the table wrote before it was built cell by cell (with htl): the rewrite must not change a character.
const EXPECTED = [
  `<table class="sensitivity-table" style="max-width: 320px"><caption>说明</caption>`,
  `<thead><tr><th scope="col">城镇 ↓ · 农村 →</th><th scope="col">6%</th><th scope="col">7%</th></tr></thead>`,
  `<tbody><tr><th scope="row">4%</th>`,
  cell(40, `" data-met="false">2.10</td>`),
  cell(5, `font-weight: 700;" data-met="true">1.90 ✓</td>`),
  `</tr><tr><th scope="row">5%</th><td>—</td>`,
  cell(75, `" data-met="false">2.30</td>`),
  `</tr></tbody></table>`
].join("");
