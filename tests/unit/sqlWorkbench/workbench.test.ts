// @vitest-environment jsdom
import {describe, expect, it} from "vitest";
import {queryFromUrl, urlWithQuery} from "../../../components/sqlWorkbench/queryUrl.js";
import {querySources, tableCatalog, tablesInQuery} from "../../../components/sqlWorkbench/tableCatalog.js";
import {duckdbMessage, resultTable, sqlWorkbench} from "../../../components/sqlWorkbench/sqlWorkbench.js";
import {EXAMPLE_QUERIES, exampleSql} from "../../../components/sqlWorkbench/examples.js";
import {checkReadOnly} from "../../../components/sqlWorkbench/readOnlySql.js";
import type {Database, QueryResult} from "../../../components/duckdb.js";

const manifest = (dataset: string, file: string) => ({
  dataset,
  source: {file, sha256: "0123456789abcdef0123", notes: `${dataset} notes`},
  rows: 3,
  generatedAt: "2026-12-01T00:00:00Z"
});
const tables = [
  {name: "income_national", manifest: manifest("income-national", "data/national/income_national.csv")},
  {name: "plan_targets", manifest: manifest("plan-targets", "data/plan/targets.csv")}
];

describe("queryUrl", () => {
  it("reads ?q= first, then #q=, else null", () => {
    expect(queryFromUrl("https://x.test/sql?q=SELECT%201#q=SELECT%202")).toBe("SELECT 1");
    expect(queryFromUrl("https://x.test/sql#q=SELECT%202")).toBe("SELECT 2");
    expect(queryFromUrl("https://x.test/sql?q=%20")).toBeNull();
    expect(queryFromUrl("https://x.test/sql")).toBeNull();
  });
  it("writes ?q= keeping other parameters and an anchor, and round-trips any text", () => {
    expect(urlWithQuery("https://x.test/sql?lang=en#tables", "SELECT 1")).toBe("https://x.test/sql?lang=en&q=SELECT+1#tables");
    const sql = "SELECT '北京' AS r, 1 + 2 AS \"a&b\" -- #note";
    expect(queryFromUrl(urlWithQuery("https://x.test/sql", sql))).toBe(sql);
  });
});

describe("tableCatalog helpers", () => {
  it("tablesInQuery finds whole-word table names, any case", () => {
    expect(tablesInQuery("select * from PLAN_TARGETS join income_national_x", tables).map((t) => t.name)).toEqual(["plan_targets"]);
  });
  it("querySources names each table's file and notes, and its version", () => {
    expect(querySources("SELECT * FROM income_national, plan_targets", tables)).toEqual({
      source: "income_national: data/national/income_national.csv (income-national notes); plan_targets: data/plan/targets.csv (plan-targets notes)",
      version: "income-national sha256 0123456789ab (2026-12-01); plan-targets sha256 0123456789ab (2026-12-01)"
    });
    expect(querySources("SELECT 1", tables)).toEqual({source: "—", version: ""});
  });
  it("tableCatalog draws one row per table with rows, columns and source", () => {
    const element = tableCatalog([{...tables[0], columns: [{name: "year", type: "BIGINT"}], rows: 12345}]);
    const row = element.querySelector("tbody tr")!;
    expect(row.getAttribute("data-table")).toBe("income_national");
    expect(row.querySelector(".sqlw-rows")!.textContent).toBe("12,345");
    expect(row.querySelector(".sqlw-columns")!.textContent!.trim()).toBe("year BIGINT");
    expect(row.querySelector(".sqlw-source code")!.textContent).toBe("data/national/income_national.csv");
  });
});

describe("duckdbMessage", () => {
  it("keeps DuckDB's words without the prefix and the echoed statement", () => {
    const sql = "SELECT x FROM t";
    const error = new Error(`Query failed · 查询失败: Binder Error: column "x" not found\nLINE 1: ...\n${sql}`);
    expect(duckdbMessage(error, sql)).toBe('Binder Error: column "x" not found\nLINE 1: ...');
    expect(duckdbMessage("plain", sql)).toBe("plain");
  });
});

describe("resultTable", () => {
  it("draws headers, NULL for missing values and numbers as given", () => {
    const rows = Object.assign([{a: 2.551, b: null}], {columns: ["a", "b"]}) as QueryResult;
    const table = resultTable(rows, 10);
    expect([...table.querySelectorAll("th")].map((th) => th.textContent)).toEqual(["a", "b"]);
    expect([...table.querySelectorAll("td")].map((td) => [td.className, td.textContent])).toEqual([
      ["sqlw-number", "2.551"],
      ["sqlw-null", "NULL"]
    ]);
  });
  it("draws at most `limit` rows", () => {
    const rows = Object.assign(Array.from({length: 5}, (_, i) => ({i})), {columns: ["i"]}) as QueryResult;
    expect(resultTable(rows, 3).querySelectorAll("tbody tr")).toHaveLength(3);
  });
});

describe("sqlWorkbench", () => {
  /** A stand-in database that records queries and answers with one row, or fails for "bad". */
  function fakeDb() {
    const seen: string[] = [];
    const db: Database = {
      sql: async () => Object.assign([], {columns: []}),
      ready: async () => {},
      query: async (text: string) => {
        seen.push(text);
        if (text.includes("bad")) throw new Error(`Query failed · 查询失败: Parser Error: nope\n${text}`);
        return Object.assign([{n: 1}], {columns: ["n"]});
      }
    };
    return {db, seen};
  }
  const settle = (element: HTMLElement, state: string) =>
    new Promise<void>((done) => {
      const check = () => (element.dataset.state === state ? done() : queueMicrotask(check));
      check();
    });

  it("runs the query from the address on load and writes each run back to the address", async () => {
    const {db, seen} = fakeDb();
    const place = {href: "https://x.test/sql?q=SELECT%20n%20FROM%20plan_targets", replace(href: string) { this.href = href; }};
    const element = sqlWorkbench(db, {tables, examples: EXAMPLE_QUERIES, location: place, lang: "en"});
    await settle(element, "done");
    expect(seen).toEqual(["SELECT n FROM plan_targets"]);
    expect(element.querySelector(".sqlw-summary")!.textContent).toMatch(/^1 rows · [\d.]+ ms$/);
    const editor = element.querySelector("textarea")!;
    editor.value = "SELECT 2 FROM income_national;";
    editor.dispatchEvent(new KeyboardEvent("keydown", {key: "Enter", ctrlKey: true, bubbles: true}));
    await settle(element, "done");
    expect(seen.at(-1)).toBe("SELECT 2 FROM income_national");
    expect(new URL(place.href).searchParams.get("q")).toBe("SELECT 2 FROM income_national;");
  });
  it("refuses a write without calling the database, and shows a failing query's message", async () => {
    const {db, seen} = fakeDb();
    const place = {href: "https://x.test/sql?q=DROP%20TABLE%20t", replace(href: string) { this.href = href; }};
    const element = sqlWorkbench(db, {tables, examples: EXAMPLE_QUERIES, location: place, lang: "en"});
    await settle(element, "refused");
    expect(seen).toEqual([]);
    expect(element.querySelector(".sqlw-message")!.textContent).toContain("not DROP");
    element.querySelector("textarea")!.value = "SELECT bad";
    (element.querySelector(".sqlw-run") as HTMLButtonElement).click();
    await settle(element, "error");
    expect(element.querySelector(".sqlw-message")!.textContent).toBe("Parser Error: nope");
    expect(element.querySelector(".sqlw-table")).toBeNull();
  });
});

describe("EXAMPLE_QUERIES", () => {
  it("are all accepted by the read-only check, with their comment in either language", () => {
    for (const example of EXAMPLE_QUERIES) {
      for (const lang of ["zh", "en"] as const) expect(checkReadOnly(exampleSql(example, lang)).ok, example.id).toBe(true);
    }
  });
  it("exampleSql puts the comment in the page language above the query, one -- line each", () => {
    const farmland = EXAMPLE_QUERIES.find((e) => e.id === "farmland-path")!;
    const lines = exampleSql(farmland, "zh").split("\n");
    expect(lines.slice(0, 2)).toEqual([
      "-- 高标准农田累计建成面积（万亩）的全国表述，以及方案的2025年目标。",
      "-- 2023年的数字是下限（“超10亿亩”）；没有表述的年份没有行。"
    ]);
    expect(lines[2]).toBe("SELECT year, value AS area, unit, 'stated' AS kind, indicator");
  });
});
