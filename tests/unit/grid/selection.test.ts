import {describe, expect, it} from "vitest";
import {bounds, clampCell, contains, move, single, tabFrom} from "../../../components/grid/selection.js";

const size = {rows: 3, cols: 2};

describe("selection", () => {
  it("bounds is the same whichever corner the anchor is", () => {
    expect(bounds({anchor: {row: 2, col: 1}, focus: {row: 0, col: 0}})).toEqual({top: 0, left: 0, bottom: 2, right: 1});
  });
  it("move collapses to one cell without Shift and keeps the anchor with Shift", () => {
    expect(move(single({row: 0, col: 0}), 1, 1, size)).toEqual(single({row: 1, col: 1}));
    expect(move(single({row: 0, col: 0}), 1, 1, size, true)).toEqual({anchor: {row: 0, col: 0}, focus: {row: 1, col: 1}});
  });
  it("move stops at the grid's edges", () => {
    expect(move(single({row: 0, col: 0}), -1, -1, size).focus).toEqual({row: 0, col: 0});
    expect(move(single({row: 2, col: 1}), 5, 5, size).focus).toEqual({row: 2, col: 1});
    expect(clampCell({row: -3, col: 7}, size)).toEqual({row: 0, col: 1});
  });
  it("tabFrom wraps to the next row and returns null past either end", () => {
    expect(tabFrom({row: 0, col: 1}, size)).toEqual({row: 1, col: 0});
    expect(tabFrom({row: 1, col: 0}, size, true)).toEqual({row: 0, col: 1});
    expect(tabFrom({row: 2, col: 1}, size)).toBeNull();
    expect(tabFrom({row: 0, col: 0}, size, true)).toBeNull();
  });
  it("contains tests the rectangle inclusively", () => {
    const range = {anchor: {row: 0, col: 0}, focus: {row: 1, col: 1}};
    expect(contains(range, {row: 1, col: 1})).toBe(true);
    expect(contains(range, {row: 2, col: 0})).toBe(false);
  });
});
