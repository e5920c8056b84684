import {readFileSync} from "node:fs";
import {describe, expect, it} from "vitest";
import {parseIncomeNational} from "../../../loaders/incomeNational.js";
import {loadIncomeNational} from "../../../loaders/loadIncomeNational.js";
import {formatTidyCsv} from "../../../loaders/tidy.js";

const HEADER = "year,urban_income,rural_income,rural_wage,rural_operating,rural_property,rural_transfer";
const parse = (body: string) => parseIncomeNational(`${HEADER}\n${body}`, {file: "x.csv"});

describe("parseIncomeNational", () => {
  it("turns each year into one tidy row per indicator, for region CN in 元", () => {
    const rows = parse("2024,54188,23119,9799,7845,580,4895\n");
    expect(rows).toHaveLength(6);
    expect(rows[0]).toEqual({indicator: "城镇居民人均可支配收入", unit: "元", region_code: "CN", region: "全国", year: 2024, value: 54188});
    expect(rows.map((r) => r.value)).toEqual([54188, 23119, 9799, 7845, 580, 4895]);
  });

  it("keeps missing components as null, never 0", () => {
    const rows = parse("2013,26467,9430,,,,\n");
    expect(rows.filter((r) => r.value === null)).toHaveLength(4);
  });

  it("accepts components that miss the total by rounding (2019: sum 16020, total 16021)", () => {
    expect(() => parse("2019,42359,16021,6583,5762,377,3298\n")).not.toThrow();
  });

  it.each([
    ["2024,54188,23119,9799,7845,580,5895", 'x.csv:2:3: rural components sum to 24119, not the total 23119 (tolerance 2)'],
    ["2024,5418x,23119,,,,", 'x.csv:2:2: "5418x" is not a number (column urban_income)'],
    ["2024,-1,23119,,,,", "x.csv:2:2: income must be positive: -1"],
    ["2024.5,54188,23119,,,,", "x.csv:2:1: year must be a whole number: 2024.5"],
    ["1900,54188,23119,,,,", "x.csv:2:1: year before 1949: 1900"],
    ["2024,54188,23119,,,,\n2024,54188,23119,,,,", "x.csv:3:1: duplicate year 2024 (first on line 2)"],
    ["2024,54188,23119,9799,,,", "x.csv:2:3: rural income components are only partly given"],
    ["2024,54188", "x.csv:2: expected 7 fields, found 2"]
  ])("rejects %j with a located message", (body, message) => {
    expect(() => parse(body)).toThrow(message);
  });

  it("rejects an empty file and an unknown column", () => {
    expect(() => parseIncomeNational("", {file: "e.csv"})).toThrow("e.csv:1: empty file");
    expect(() => parseIncomeNational("year,urban_income,rural_income,bonus\n", {file: "u.csv"})).toThrow('u.csv:1:4: unknown column "bonus"');
    expect(() => parseIncomeNational(`${HEADER}\n`, {file: "h.csv"})).toThrow("h.csv:2: no data rows");
  });
});

describe("loadIncomeNational on the bundled file", () => {
  const {rows, manifest} = loadIncomeNational();

  it("reads 2013-2024 with 72 observations, 8 of them missing components", () => {
    expect(new Set(rows.map((r) => r.year))).toEqual(new Set(Array.from({length: 12}, (_, i) => 2013 + i)));
    expect(manifest.rows).toBe(72);
    expect(manifest.missing).toBe(8);
  });

  it("records the source file and its sha256 in the manifest", () => {
    expect(manifest.source.file).toBe("data/national/income_national.csv");
    expect(manifest.source.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(manifest.source.bytes).toBe(readFileSync("data/national/income_national.csv").length);
  });

  it("formats the tidy CSV with the contract header and empty missing values", () => {
    const csv = formatTidyCsv(rows);
    expect(csv.split("\n")[0]).toBe("indicator,unit,region_code,region,year,value");
    expect(csv).toContain("农村居民人均工资性收入,元,CN,全国,2013,\n");
    expect(csv).toContain("城镇居民人均可支配收入,元,CN,全国,2024,54188\n");
  });
});
