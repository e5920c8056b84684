import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {columnType, parseTable} from "../../../components/data/parseTable.js";
import {DATASETS} from "../../../loaders/datasets.js";
import {tableText} from "../../../loaders/emit.js";
import {duckdbTables} from "./duckdbTables.js";

describe("columnType", () => {
  it('columnType(["2013", "2014", ""]) is BIGINT: empty texts are nulls and do not widen', () => {
    expect(columnType(["2013", "2014", ""])).toBe("BIGINT");
  });
  it("widens integers mixed with decimals to DOUBLE, and anything else to VARCHAR", () => {
    expect(columnType(["76", "78.8"])).toBe("DOUBLE");
    expect(columnType(["1e3", "-2"])).toBe("DOUBLE");
    expect(columnType(["110000", "CN"])).toBe("VARCHAR");
    expect(columnType(["全国"])).toBe("VARCHAR");
    expect(columnType(["5G基站", "3"])).toBe("VARCHAR");
  });
  it("types true/false as BOOLEAN and an all-empty column as VARCHAR", () => {
    expect(columnType(["true", "FALSE", ""])).toBe("BOOLEAN");
    expect(columnType(["", ""])).toBe("VARCHAR");
  });
  it("refuses text whose type DuckDB decides by version-dependent rules, naming the column", () => {
    expect(() => columnType(["2024-01-31"], "x.csv: column day")).toThrow('x.csv: column day: DuckDB may read "2024-01-31"');
    for (const text of ["12:30", "0123", "+5", " 5", "1.", "nan", "inf", "T", "yes"]) {
      expect(() => columnType([text]), text).toThrow("DuckDB may read");
    }
  });
});

describe("parseTable", () => {
  it('parseTable("year,value\\n2024,54188\\n2025,\\n") types the year and keeps the missing value null', () => {
    const rows = parseTable("year,value\n2024,54188\n2025,\n");
    expect([...rows]).toEqual([
      {year: 2024, value: 54188},
      {year: 2025, value: null}
    ]);
    expect(rows.columns).toEqual(["year", "value"]);
  });
  it("reads quoted fields with commas and quotes, and drops a byte-order mark", () => {
    const rows = parseTable('\uFEFFname,n\n"a, ""b""",1\n');
    expect(rows.columns).toEqual(["name", "n"]);
    expect(rows[0]).toEqual({name: 'a, "b"', n: 1});
  });
  it("names the file and line of a row with the wrong number of fields", () => {
    expect(() => parseTable("a,b\n1,2\n3\n", {file: "/_file/data/t.csv"})).toThrow("/_file/data/t.csv:3: 1 fields where the header has 2");
  });
  it("refuses an integer past 2^53 instead of rounding it", () => {
    expect(() => parseTable("n\n9007199254740993\n", {file: "t.csv"})).toThrow("t.csv: column n, line 2: 9007199254740993 is too large");
  });
  it("refuses an empty file", () => {
    expect(() => parseTable("", {file: "t.csv"})).toThrow("t.csv: no header line");
  });
});

// The claim that matters: for the same file, the rows equal what DuckDB returns for SELECT * through the project's
// client (read_csv with header and auto-detect, BIGINT as numbers). DuckDB here is the Node build of the engine; the
// browser test (tests/site/firstChart.test.ts) checks the same against DuckDB-WASM on the built site.
describe("parseTable agrees with DuckDB read_csv", () => {
  let db: Awaited<ReturnType<typeof duckdbTables>>;
  beforeAll(async () => {
    db = await duckdbTables();
  });
  afterAll(() => db?.close());

  async function duckdbRows(text: string): Promise<unknown[]> {
    await db.load("t", text);
    return db.rows("SELECT * FROM t");
  }

  // SYNTHETIC tables made here for the test: the shapes loader output can take (nulls, mixed widths, codes).
  const synthetic: Record<string, string> = {
    "ints with nulls": "indicator,unit,region_code,region,year,value\nx,元,CN,全国,2013,26467\nx,元,CN,全国,2014,\n",
    "decimals and ints": "indicator,unit,region_code,region,year,value\na,%,CN,全国,2015,76.7\na,%,CN,全国,2016,78\n",
    "numeric region codes": "indicator,unit,region_code,region,year,value\nb,元,110000,北京,2019,28928\nb,元,120000,天津,2019,24804\n",
    "mixed codes": "region_code,value\nCN,1\n110000,2\n",
    "negative and exponent": "v\n-3\n1.5e3\n",
    "booleans": "flag,n\ntrue,1\nfalse,\n",
    "all empty column": "a,b\n1,\n2,\n",
    "quoted text": 'name,n\n"a, ""b""",1\n',
    "text starting with digits": "name,n\n5G基站,1\n4号线,2\n"
  };
  for (const [name, text] of Object.entries(synthetic)) {
    it(`same rows and types as DuckDB: ${name}`, async () => {
      expect([...parseTable(text)]).toEqual(await duckdbRows(text));
    });
  }

  // Every table the site's loaders publish, made here by the loaders themselves (what their entry points print).
  it("same rows and types as DuckDB for every published table", async () => {
    const tables = DATASETS.filter((d) => d.id !== "reload-log");
    expect(tables.length).toBeGreaterThan(5);
    for (const dataset of tables) {
      const text = tableText(dataset.load().rows);
      expect([...parseTable(text, {file: dataset.id})], dataset.id).toEqual(await duckdbRows(text));
    }
  });
});
