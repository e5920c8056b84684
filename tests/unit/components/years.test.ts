import {describe, expect, it} from "vitest";
import {missingYears, yearRuns} from "../../../components/model/years.js";

describe("missingYears", () => {
  it("lists the years from `from` to `to` with no row, both ends included", () => {
    expect(missingYears([2019, 2020, 2022], 2019, 2022)).toEqual([2021]);
    expect(missingYears([2020, 2021], 2018, 2023)).toEqual([2018, 2019, 2022, 2023]);
    expect(missingYears(new Set([2013, 2014, 2015]), 2013, 2015)).toEqual([]);
    expect(missingYears([], 2024, 2024)).toEqual([2024]);
    expect(missingYears([2024], 2025, 2024)).toEqual([]);
  });
});

describe("yearRuns", () => {
  it("joins consecutive years with a dash and runs with commas, whatever the order", () => {
    expect(yearRuns([2013, 2014, 2015, 2018])).toBe("2013-2015, 2018");
    expect(yearRuns([2018, 2014, 2013, 2015, 2020, 2021])).toBe("2013-2015, 2018, 2020-2021");
    expect(yearRuns([2019])).toBe("2019");
    expect(yearRuns([])).toBe("");
  });
});
