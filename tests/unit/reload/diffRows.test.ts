import {describe, expect, it} from "vitest";
import {diffRows, duplicateRow} from "../../../loaders/reload/diffRows.js";
import type {TidyRow} from "../../../loaders/tidy.js";

const row = (year: number, value: number | null, indicator = "城镇居民人均可支配收入", unit = "元"): TidyRow => ({
  indicator,
  unit,
  region_code: "CN",
  region: "全国",
  year,
  value
});

describe("diffRows", () => {
  it("diffRows(before, after) lists rows added, removed and values revised with indicator, region and year", () => {
    const diff = diffRows([row(2022, 49283), row(2023, 51821)], [row(2023, 51822), row(2024, 54188)]);
    expect(diff.added).toEqual([row(2024, 54188)]);
    expect(diff.removed).toEqual([row(2022, 49283)]);
    expect(diff.revised).toEqual([
      {
        indicator: "城镇居民人均可支配收入",
        unit: "元",
        region_code: "CN",
        region: "全国",
        year: 2023,
        old: 51821,
        new: 51822
      }
    ]);
    expect(diff.unchanged).toBe(0);
  });

  it("counts a missing figure that appears, or disappears, as a revision (null is not 0)", () => {
    expect(diffRows([row(2013, null)], [row(2013, 0)]).revised).toMatchObject([{old: null, new: 0}]);
    expect(diffRows([row(2013, 5)], [row(2013, null)]).revised).toMatchObject([{old: 5, new: null}]);
    expect(diffRows([row(2013, null)], [row(2013, null)])).toMatchObject({revised: [], unchanged: 1});
  });

  it("treats a changed unit as a different series: removed and added, not revised", () => {
    const diff = diffRows([row(2024, 54188)], [row(2024, 5.4188, undefined, "万元")]);
    expect([diff.added.length, diff.removed.length, diff.revised.length]).toEqual([1, 1, 0]);
  });
});

describe("duplicateRow", () => {
  it("names the repeated observation and both positions", () => {
    expect(duplicateRow([row(2023, 1), row(2024, 2), row(2024, 3)])).toBe(
      "row 3 repeats 城镇居民人均可支配收入 (元) / CN / 2024 (first at row 2)"
    );
    expect(duplicateRow([row(2023, 1), row(2024, 2)])).toBeNull();
  });
});
