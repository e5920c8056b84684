import {describe, expect, it} from "vitest";
import {assertTableName, bindSql, plainValue, queryErrorMessage} from "../../../components/sqlTemplate.js";

const sql = (strings: TemplateStringsArray, ...values: unknown[]) => bindSql(strings, ...values);

describe("bindSql", () => {
  it("binds interpolated values as parameters instead of concatenating them", () => {
    const evil = "2020; DROP TABLE income; --";
    expect(sql`SELECT * FROM income WHERE year >= ${2020} AND region = ${evil}`).toEqual({
      text: "SELECT * FROM income WHERE year >= ? AND region = ?",
      params: [2020, evil]
    });
  });
  it("binds undefined as NULL and refuses NaN and objects", () => {
    expect(sql`SELECT ${undefined}`.params).toEqual([null]);
    expect(() => sql`SELECT ${NaN}`).toThrow("invalid SQL parameter: NaN");
    expect(() => sql`SELECT ${{a: 1}}`).toThrow("invalid SQL parameter");
  });
});

describe("helpers", () => {
  it("plainValue turns safe BIGINTs into numbers and keeps huge ones", () => {
    expect(plainValue(2024n)).toBe(2024);
    expect(plainValue(2n ** 60n)).toBe(2n ** 60n);
    expect(plainValue("x")).toBe("x");
  });
  it("assertTableName accepts identifiers only", () => {
    expect(assertTableName("income_national")).toBe("income_national");
    expect(() => assertTableName("x; drop")).toThrow("invalid table name: x; drop");
  });
  it("queryErrorMessage shows DuckDB's reason and the statement", () => {
    expect(queryErrorMessage(new Error("Catalog Error: Table with name nope does not exist!"), "  SELECT * FROM nope ")).toBe(
      "Query failed · 查询失败: Catalog Error: Table with name nope does not exist!\nSELECT * FROM nope"
    );
  });
});
