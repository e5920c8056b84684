import {describe, expect, it} from "vitest";
import {
  applyChanges,
  cellValue,
  changesFromTexts,
  clearChanges,
  fillDownChanges,
  fillHandleChanges,
  fillSeries,
  pasteTexts,
  type ParseResult
} from "../../../components/grid/edits.js";

// A stand-in for the model's parseCell: percent form, rejects non-numbers with the agreed wording.
const parse = (text: string): ParseResult => {
  const n = Number(text.replace(/%$/, ""));
  return Number.isFinite(n) ? {ok: true, value: n / 100} : {ok: false, message: `"${text}" 不是数字 / not a number`};
};
const columns = [
  {key: "urban", label: "城镇增速 Urban %", name: "城镇增速"},
  {key: "rural", label: "农村增速 Rural %", name: "农村增速"}
];
const rows = [2025, 2026, 2027, 2028].map((year) => ({year, urban: 0.05, rural: 0.07}));
const rowName = (r: Record<string, unknown>) => String(r.year);

describe("changesFromTexts", () => {
  it("a pasted 3x2 block becomes six changes from the anchor down", () => {
    const texts = pasteTexts({row: 1, col: 0}, [["4", "6"], ["4.5", "6.5"], ["5", "7.5"]]);
    const {changes, errors} = changesFromTexts(rows, columns, texts, parse, rowName);
    expect(errors).toEqual([]);
    const next = applyChanges(rows, changes);
    expect(next.map((r) => [r.urban, r.rural])).toEqual([
      [0.05, 0.07],
      [0.04, 0.06],
      [0.045, 0.065],
      [0.05, 0.075]
    ]);
    expect(changes.length).toBe(5); // 2028 urban was already 5%
  });
  it("an invalid cell is named and skipped while the rest of the paste applies", () => {
    const texts = pasteTexts({row: 2, col: 0}, [["3", "abc"]]);
    const {changes, errors} = changesFromTexts(rows, columns, texts, parse, rowName);
    expect(errors).toEqual(['2027 农村增速: "abc" 不是数字 / not a number']);
    expect(changes).toEqual([{row: 2, key: "urban", before: 0.05, after: 0.03}]);
  });
  it("cells past the grid are counted in one message, not applied", () => {
    const texts = pasteTexts({row: 3, col: 1}, [["1", "2"], ["3", "4"]]);
    const {changes, errors} = changesFromTexts(rows, columns, texts, parse, rowName);
    expect(changes).toEqual([{row: 3, key: "rural", before: 0.07, after: 0.01}]);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^3 个单元格/);
  });
  it("a blank text clears the cell to null, and a parser returning NaN is rejected", () => {
    const nan = (): ParseResult => ({ok: true, value: NaN});
    expect(changesFromTexts(rows, columns, [{row: 0, col: 0, text: " "}], parse, rowName).changes).toEqual([
      {row: 0, key: "urban", before: 0.05, after: null}
    ]);
    const result = changesFromTexts(rows, columns, [{row: 0, col: 0, text: "x"}], nan, rowName);
    expect(result.changes).toEqual([]);
    expect(result.errors[0]).toContain("2025 城镇增速");
  });
});

describe("fillDownChanges and clearChanges", () => {
  const varied = rows.map((r, i) => ({...r, rural: [0.07, 0.08, 0.09, 0.1][i]}));
  it("fill down copies the top selected row into the rows below it", () => {
    const changes = fillDownChanges(varied, columns, {top: 0, left: 1, bottom: 2, right: 1});
    expect(applyChanges(varied, changes).map((r) => r.rural)).toEqual([0.07, 0.07, 0.07, 0.1]);
  });
  it("fill down with one row selected copies the row above; on the first row it does nothing", () => {
    expect(fillDownChanges(varied, columns, {top: 2, left: 1, bottom: 2, right: 1})).toEqual([
      {row: 2, key: "rural", before: 0.09, after: 0.08}
    ]);
    expect(fillDownChanges(varied, columns, {top: 0, left: 0, bottom: 0, right: 1})).toEqual([]);
  });
  it("fill down ignores columns past the editable ones", () => {
    expect(fillDownChanges(varied, columns, {top: 0, left: 2, bottom: 3, right: 3})).toEqual([]);
  });
  it("clear sets every editable cell in the rectangle to null", () => {
    const next = applyChanges(rows, clearChanges(rows, columns, {top: 0, left: 0, bottom: 1, right: 5}));
    expect(next.slice(0, 2).every((r) => r.urban === null && r.rural === null)).toBe(true);
    expect(next[2]).toBe(rows[2]);
  });
  it("cellValue never lets NaN or a non-number through", () => {
    expect([cellValue(NaN), cellValue("1"), cellValue(undefined), cellValue(0)]).toEqual([null, null, null, 0]);
  });
});

import {fillBlanks} from "../../../components/grid/blanks.js";

describe("fillBlanks", () => {
  it("fillBlanks repeats the year above and names what it filled", () => {
    const {rows: out, filled} = fillBlanks(
      [
        {year: 2025, rural: 0.07},
        {year: 2026, rural: null},
        {year: 2027, rural: null},
        {year: 2028, rural: 0.05}
      ],
      ["rural"]
    );
    expect(out.map((r) => r.rural)).toEqual([0.07, 0.07, 0.07, 0.05]);
    expect(filled).toEqual(["2026 rural", "2027 rural"]);
  });
  it("fillBlanks takes a blank first row from the fallback, and leaves it null without one", () => {
    expect(fillBlanks([{year: 2025, rural: null}], ["rural"], {fallback: [{rural: 0.06}]}).rows[0].rural).toBe(0.06);
    expect(fillBlanks([{year: 2025, rural: null}], ["rural"]).rows[0].rural).toBeNull();
  });
});

describe("fillSeries", () => {
  it("continues two or more values by their step: 5, 5.5 → 6, 6.5; 1, 2, 3 → 4, 5", () => {
    expect(fillSeries([5, 5.5], 2)).toEqual([6, 6.5]);
    expect(fillSeries([1, 2, 3], 2)).toEqual([4, 5]);
    expect(fillSeries([10, 8], 3)).toEqual([6, 4, 2]);
  });

  it("repeats one value, and repeats a run holding a blank", () => {
    expect(fillSeries([0.07], 3)).toEqual([0.07, 0.07, 0.07]);
    expect(fillSeries([1, null], 3)).toEqual([1, null, 1]);
  });

  it("0.05, 0.055 → 0.06 exactly (rounded to 12 significant digits), and 0.065, 0.07 → 0.075, 0.08", () => {
    const [next, after] = fillSeries([0.05, 0.055], 2);
    expect(next).toBe(0.06);
    expect(after).toBe(0.065);
    expect(fillSeries([0.065, 0.07], 2)).toEqual([0.075, 0.08]);
  });

  it("gives nothing for an empty run or a count of 0", () => {
    expect(fillSeries([], 3)).toEqual([]);
    expect(fillSeries([1, 2], 0)).toEqual([]);
  });
});

describe("fillHandleChanges", () => {
  const bounded = columns.map((c) => ({...c, min: -0.5, max: 0.5}));
  const stepped = [0.05, 0.055, 0.05, 0.05].map((urban, i) => ({year: 2025 + i, urban, rural: 0.07}));

  it("dragging two cells down continues the series in each column; one cell copies", () => {
    expect(fillHandleChanges(stepped, bounded, {top: 0, left: 0, bottom: 1, right: 0}, {top: 0, left: 0, bottom: 3, right: 0})).toEqual({
      changes: [
        {row: 2, key: "urban", before: 0.05, after: 0.06},
        {row: 3, key: "urban", before: 0.05, after: 0.065}
      ],
      errors: []
    });
    const copy = fillHandleChanges(stepped, bounded, {top: 1, left: 0, bottom: 1, right: 1}, {top: 1, left: 0, bottom: 2, right: 1});
    expect(copy).toEqual({
      changes: [{row: 2, key: "urban", before: 0.05, after: 0.055}],
      errors: []
    });
  });

  it("dragging across continues each row into the next editable column and never past the editable columns", () => {
    const across = [{year: 2025, urban: 0.05, rural: 0.01}];
    expect(fillHandleChanges(across, bounded, {top: 0, left: 0, bottom: 0, right: 0}, {top: 0, left: 0, bottom: 0, right: 1})).toEqual({
      changes: [{row: 0, key: "rural", before: 0.01, after: 0.05}],
      errors: []
    });
    expect(fillHandleChanges(across, bounded, {top: 0, left: 0, bottom: 0, right: 0}, {top: 0, left: 0, bottom: 0, right: 3}).changes).toEqual([
      {row: 0, key: "rural", before: 0.01, after: 0.05}
    ]);
  });

  it("a value past a column's bounds is not applied and is named by its cell, the rest still fills", () => {
    const rising = [0.3, 0.4, 0.05, 0.05].map((urban, i) => ({year: 2025 + i, urban, rural: 0.07}));
    const result = fillHandleChanges(rising, bounded, {top: 0, left: 0, bottom: 1, right: 1}, {top: 0, left: 0, bottom: 3, right: 1}, {
      rowName,
      format: (v) => `${Number((v * 100).toPrecision(12))}%`
    });
    expect(result.changes).toEqual([{row: 2, key: "urban", before: 0.05, after: 0.5}]);
    expect(result.errors).toEqual(["2028 城镇增速: 60% 超出范围 / out of range"]);
    // Without a namer the row is counted from 1 and the value written as stored.
    expect(fillHandleChanges(rising, bounded, {top: 0, left: 0, bottom: 1, right: 0}, {top: 0, left: 0, bottom: 3, right: 0}).errors).toEqual([
      "4 城镇增速: 0.6 超出范围 / out of range"
    ]);
  });

  it("a target that does not extend the selection changes nothing; rows past the grid are ignored", () => {
    expect(fillHandleChanges(stepped, bounded, {top: 0, left: 0, bottom: 1, right: 0}, {top: 0, left: 0, bottom: 1, right: 0})).toEqual({changes: [], errors: []});
    expect(fillHandleChanges(stepped, bounded, {top: 2, left: 1, bottom: 3, right: 1}, {top: 2, left: 1, bottom: 9, right: 1})).toEqual({changes: [], errors: []});
  });
});
