import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {parseTable} from "../../../components/data/parseTable.js";
import {joinRows} from "../../../components/data/joinRows.js";
import {selectRows, selectSql, type SelectSpec} from "../../../components/data/selectRows.js";
import {datasetById} from "../../../loaders/datasets.js";
import {tableText} from "../../../loaders/emit.js";
import {duckdbTables} from "./duckdbTables.js";
import {nationalRows} from "../../../components/notebooks/urbanizationModel.js";
import {provinceIncomes} from "../../../components/notebooks/incomeProvincesModel.js";

// SYNTHETIC rows for the small cases.
const tiny = parseTable("indicator,region_code,year,value\nb,CN,2014,2\na,CN,2014,\na,CN,2013,1\nab,110000,2013,5\n");

describe("selectRows", () => {
  it('selectRows(rows, {where: {region_code: "CN"}, orderBy: ["year", "indicator"]}) filters and sorts like SQL', () => {
    const rows = selectRows(tiny, {columns: ["indicator", "year"], where: {region_code: "CN"}, orderBy: ["year", "indicator"]});
    expect([...rows]).toEqual([
      {indicator: "a", year: 2013},
      {indicator: "a", year: 2014},
      {indicator: "b", year: 2014}
    ]);
    expect(rows.columns).toEqual(["indicator", "year"]);
  });
  it("matches a prefix, keeps non-null values and sorts nulls last", () => {
    expect(selectRows(tiny, {where: {indicator: {prefix: "a"}}}).map((d) => d.indicator)).toEqual(["a", "a", "ab"]);
    expect(selectRows(tiny, {where: {value: {notNull: true}}}).length).toBe(3);
    expect(selectRows(tiny, {orderBy: ["value"]}).map((d) => d.value)).toEqual([1, 2, 5, null]);
  });
  it("takes the column names of rows without a list (joinRows output) from their first row", () => {
    expect(selectRows([{a: 2}, {a: 1}], {orderBy: ["a"]}).columns).toEqual(["a"]);
    expect(selectRows([], {where: {a: 1}}).length).toBe(0);
  });
  it("names a column the table does not have", () => {
    expect(() => selectRows(tiny, {where: {regoin: "CN"}})).toThrow("no column regoin (columns: indicator, region_code, year, value)");
  });
});

describe("selectSql", () => {
  it("writes the spec as one SELECT with quoted names and literals", () => {
    expect(selectSql("plan", {columns: ["year"], where: {indicator: {prefix: "高标准_农田"}, unit: "%", value: null}, orderBy: ["year"]})).toBe(
      `SELECT "year" FROM "plan" WHERE "indicator" LIKE '高标准\\_农田%' ESCAPE '\\' AND "unit" = '%' AND "value" IS NULL ORDER BY "year" ASC NULLS LAST`
    );
  });
});

describe("joinRows", () => {
  it("pairs rows with equal keys in left order, and null keys match nothing", () => {
    const left = [{k: 1, a: "x"}, {k: null, a: "y"}, {k: 2, a: "z"}];
    const right = [{k: 2, b: "q"}, {k: 1, b: "p"}, {k: null, b: "r"}];
    expect(joinRows(left, right, ["k"], (l, r) => `${l.a}${r.b}`)).toEqual(["xp", "zq"]);
  });
});

// The selections the notebooks draw first (each spec as written in src/*.md), on the published tables, against DuckDB
// running the same SQL.
describe("selectRows and joinRows return what DuckDB returns", () => {
  let db: Awaited<ReturnType<typeof duckdbTables>>;
  const tables: Record<string, ReturnType<typeof parseTable>> = {};
  beforeAll(async () => {
    db = await duckdbTables();
    for (const [name, id] of Object.entries({
      income: "income-national",
      plan: "plan-indicators",
      targets: "plan-targets",
      urban: "province-urban-income",
      rural: "province-rural-income",
      national: "urbanization-national",
      province: "urbanization-province",
      hukou: "urbanization-hukou"
    })) {
      const text = tableText(datasetById(id).load().rows);
      await db.load(name, text);
      tables[name] = parseTable(text, {file: id});
    }
  });
  afterAll(() => db?.close());

  const specs: [string, SelectSpec][] = [
    ["income", {columns: ["indicator", "year", "value"], where: {region_code: "CN"}, orderBy: ["year", "indicator"]}],
    ["plan", {columns: ["indicator", "region_code", "region", "year", "value"], where: {indicator: {prefix: "高标准农田"}}, orderBy: ["indicator", "region_code", "year"]}],
    ["targets", {columns: ["year", "value"], where: {indicator: {prefix: "集中连片高标准农田"}}}],
    ["plan", {columns: ["indicator", "region_code", "year", "value"], where: {indicator: "农村自来水普及率", region_code: "CN"}, orderBy: ["year"]}],
    ["targets", {columns: ["indicator", "year", "value"], where: {indicator: "农村自来水普及率"}}],
    ["targets", {columns: ["indicator", "unit", "region_code", "year", "value"]}],
    ["plan", {columns: ["indicator", "unit", "region_code", "year", "value"]}],
    ["plan", {columns: ["indicator", "unit", "region_code", "year", "value"], where: {region_code: "CN"}}],
    ["urban", {where: {value: {notNull: true}}, orderBy: ["year", "region_code"]}]
  ];
  for (const [table, spec] of specs) {
    it(`${selectSql(table, spec)}`, async () => {
      const rows = selectRows(tables[table], spec);
      expect(rows.length).toBeGreaterThan(0);
      expect([...rows]).toEqual(await db.rows(selectSql(table, spec)));
    });
  }

  it("urbanisation: national and hukou rows (UNION ALL) by year, and provinces with codes as text", async () => {
    const national = nationalRows(tables.national, tables.hukou);
    const duckdbNational = await db.rows(`SELECT indicator, year, value FROM national WHERE region_code = 'CN'
UNION ALL SELECT indicator, year, value FROM hukou WHERE region_code = 'CN' AND value IS NOT NULL
ORDER BY year`);
    // ORDER BY year leaves rows of one year in no defined order in SQL: compare years in order, and the rows as a set.
    expect(national.map((d) => d.year)).toEqual(duckdbNational.map((d) => d.year));
    const key = (d: Record<string, unknown>) => JSON.stringify(d);
    expect(national.map(key).sort()).toEqual(duckdbNational.map(key).sort());
    const provinces = selectRows(tables.province, {
      columns: ["region_code", "region", "year", "value"],
      where: {value: {notNull: true}},
      orderBy: ["year", "region_code"]
    }).map((d) => ({...d, region_code: String(d.region_code)}));
    expect(provinces.length).toBeGreaterThan(100);
    expect(provinces).toEqual(
      await db.rows(
        "SELECT CAST(region_code AS VARCHAR) AS region_code, region, year, value FROM province WHERE value IS NOT NULL ORDER BY year, region_code"
      )
    );
  });

  it("the provinces' urban-rural join, ratio and gap", async () => {
    const js = provinceIncomes(tables.urban, tables.rural);
    const sql = `SELECT CAST(u.region_code AS VARCHAR) AS region_code, u.region, u.year, u.value AS urban, r.value AS rural,
       u.value / r.value AS ratio, u.value - r.value AS gap
FROM urban u JOIN rural r ON u.region_code = r.region_code AND u.year = r.year
WHERE u.value IS NOT NULL AND r.value IS NOT NULL
ORDER BY u.year, u.region_code`;
    expect(js.length).toBeGreaterThan(200);
    expect([...js]).toEqual(await db.rows(sql));
  });
});
