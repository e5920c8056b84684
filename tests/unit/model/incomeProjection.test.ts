import {describe, expect, it} from "vitest";
import {cagr, maybeRate} from "../../../components/model/growth.js";
import {projectPath, withGap, type GrowthRow} from "../../../components/model/incomeProjection.js";
import {RURAL_INCOME, URBAN_INCOME, incomeYears} from "../../../components/model/incomeRows.js";

const y2024 = {year: 2024, urban: 54188, rural: 23119};
// The same rates every year from `from` to `to`: what the removed constant-rate projection computed.
const constant = (from: number, to: number, rates: {urban: number; rural: number}): GrowthRow[] =>
  Array.from({length: to - from + 1}, (_, i) => ({year: from + i, ...rates}));

describe("projectPath at constant rates", () => {
  it("projectPath(2024, 5% urban, 7% rural to 2035) narrows the ratio every year", () => {
    const path = projectPath(y2024, constant(2025, 2035, {urban: 0.05, rural: 0.07}));
    expect(path.map((p) => p.year)).toEqual(Array.from({length: 12}, (_, i) => 2024 + i));
    for (let i = 1; i < path.length; i++) expect(path[i].ratio).toBeLessThan(path[i - 1].ratio);
  });

  it("compounds: the 2035 ratio is ratio_2024 × (1.05/1.07)^11", () => {
    const p2035 = projectPath(y2024, constant(2025, 2035, {urban: 0.05, rural: 0.07})).at(-1)!;
    expect(p2035.ratio).toBeCloseTo((54188 / 23119) * Math.pow(1.05 / 1.07, 11), 10);
    expect(p2035.gap).toBeCloseTo(54188 * 1.05 ** 11 - 23119 * 1.07 ** 11, 6);
  });

  it("keeps the ratio constant at equal growth, including zero and negative growth", () => {
    for (const g of [0, -0.02, 0.06]) {
      const path = projectPath(y2024, constant(2025, 2030, {urban: g, rural: g}));
      for (const p of path) expect(p.ratio).toBeCloseTo(54188 / 23119, 12);
    }
  });

  it("rejects NaN, -100% and a non-positive start income", () => {
    expect(() => projectPath(y2024, constant(2025, 2030, {urban: NaN, rural: 0.05}))).toThrow("invalid growth rate: NaN");
    expect(() => projectPath(y2024, constant(2025, 2030, {urban: 0.05, rural: -1}))).toThrow("invalid growth rate: -1");
    expect(() => projectPath({year: 2024, urban: 0, rural: 1}, [])).toThrow("invalid start income in 2024: 0, 1");
  });
});

describe("withGap, cagr, maybeRate", () => {
  it("withGap adds urban ÷ rural and urban − rural", () => {
    expect(withGap([y2024])[0]).toEqual({...y2024, ratio: 54188 / 23119, gap: 31069});
  });
  it("cagr(16021, 23119, 5) is the 2019-2024 rural rate", () => {
    expect(cagr(16021, 23119, 5)).toBeCloseTo(0.07612, 4);
    expect(() => cagr(0, 1, 5)).toThrow("invalid CAGR inputs");
  });
  it("maybeRate passes a fraction and refuses a string", () => {
    expect(maybeRate(0.05)).toBe(0.05);
    expect(() => maybeRate("5%")).toThrow("invalid growth rate: 5%");
  });
});

describe("incomeYears", () => {
  it("pairs urban and rural by year, sorted, and drops years missing either", () => {
    const rows = [
      {indicator: RURAL_INCOME, year: 2024, value: 23119},
      {indicator: URBAN_INCOME, year: 2024, value: 54188},
      {indicator: URBAN_INCOME, year: 2013, value: 26467},
      {indicator: RURAL_INCOME, year: 2013, value: 9430},
      {indicator: URBAN_INCOME, year: 2012, value: 24565},
      {indicator: RURAL_INCOME, year: 2012, value: null},
      {indicator: "农村居民人均工资性收入", year: 2024, value: 9799}
    ];
    expect(incomeYears(rows)).toEqual([{year: 2013, urban: 26467, rural: 9430}, y2024]);
  });
});
