import {describe, expect, it} from "vitest";
import {checkReadOnly, maskSql} from "../../../components/sqlWorkbench/readOnlySql.js";

const refused = (sql: string) => {
  const check = checkReadOnly(sql);
  return check.ok ? null : check.message.en;
};

describe("checkReadOnly", () => {
  it("lets one read-only statement run, without its trailing semicolon and comments", () => {
    expect(checkReadOnly("SELECT * FROM income_national;")).toEqual({ok: true, sql: "SELECT * FROM income_national"});
    expect(checkReadOnly("  with t as (select 1) select * from t ; -- done\n")).toEqual({
      ok: true,
      sql: "with t as (select 1) select * from t"
    });
    for (const sql of [
      "FROM plan_targets",
      "DESCRIBE income_national",
      "SUMMARIZE plan_indicators",
      "SHOW TABLES",
      "VALUES (1, 2)",
      "SELECT replace(region, '省', '') FROM income_national",
      "SELECT * REPLACE (value * 2 AS value) FROM income_national",
      "SELECT 'drop table x; delete' AS words, \"update\" FROM t",
      "SELECT 1 /* insert into x */",
      "SELECT * FROM income_national WHERE region = '北京'"
    ]) {
      expect(checkReadOnly(sql).ok, sql).toBe(true);
    }
  });
  it("refuses statements that change data, schema, settings or files", () => {
    expect(refused("DROP TABLE income_national")).toBe("Only read-only queries (SELECT, WITH, FROM, DESCRIBE, SUMMARIZE…) can run, not DROP.");
    for (const sql of [
      "INSERT INTO t VALUES (1)",
      "update t set x = 1",
      "DELETE FROM t",
      "CREATE TABLE t AS SELECT 1",
      "ALTER TABLE t ADD COLUMN x INT",
      "COPY t TO 'out.csv'",
      "ATTACH 'x.db'",
      "INSTALL httpfs",
      "LOAD httpfs",
      "PRAGMA enable_profiling",
      "SET enable_external_access = true",
      "CALL dbgen(sf = 1)",
      "EXPORT DATABASE 'dir'"
    ]) {
      expect(refused(sql), sql).not.toBeNull();
    }
  });
  it("refuses a write hidden after a read-only start", () => {
    expect(refused("WITH x AS (DELETE FROM t RETURNING *) SELECT * FROM x")).toBe("The workbench is read-only: DELETE is refused.");
    expect(refused("SELECT 1 FROM t WHERE x IN (SELECT 1) UNION ALL SELECT * FROM (INSERT INTO t VALUES (1))")).toBe(
      "The workbench is read-only: INSERT is refused."
    );
  });
  it("refuses more than one statement, even when the second is harmless", () => {
    expect(refused("SELECT 1; SELECT 2")).toBe("Only one statement can run at a time (remove the extra semicolons).");
    expect(refused("SELECT 1; DROP TABLE t;")).toBe("Only one statement can run at a time (remove the extra semicolons).");
  });
  it("refuses functions that read files or URLs or run SQL from text", () => {
    expect(refused("SELECT * FROM read_csv('/etc/passwd')")).toBe(
      "The workbench queries only the loaded tables: read_csv(), which reads files or URLs, is refused."
    );
    for (const sql of [
      "SELECT * FROM read_parquet('x')",
      "select * from READ_JSON_AUTO('x')",
      "SELECT * FROM parquet_scan('x')",
      "SELECT * FROM glob('*')",
      "SELECT * FROM query('DROP TABLE t')",
      "SELECT * FROM read_text ('x')",
      "SELECT * FROM sniff_csv('x')"
    ]) {
      expect(refused(sql), sql).not.toBeNull();
    }
  });
  it("refuses quoted paths and URLs, which DuckDB reads as files", () => {
    expect(refused("SELECT * FROM 'data.csv'")).toBe('The workbench reads no files or URLs: "data.csv".');
    expect(refused('SELECT * FROM "https://example.org/x"')).toBe('The workbench reads no files or URLs: "https://example.org/x".');
    expect(refused("SELECT * FROM '/tmp/x'")).not.toBeNull();
    expect(refused("SELECT * FROM 's3://bucket/k'")).not.toBeNull();
  });
  it("refuses empty input and unclosed quotes or comments", () => {
    expect(refused("  -- nothing\n")).toBe("Enter a query.");
    expect(refused("SELECT 'open")).toBe("The query has an unclosed quote or comment.");
    expect(refused("SELECT 1 /* open")).toBe("The query has an unclosed quote or comment.");
  });
  it("gives its message in both languages", () => {
    const check = checkReadOnly("DELETE FROM t");
    expect(check.ok ? null : check.message.zh).toBe("只允许只读查询（SELECT、WITH、FROM、DESCRIBE、SUMMARIZE…），不能运行 DELETE。");
  });
});

describe("maskSql", () => {
  it("blanks comments and quoted text, keeping length, and collects the quoted texts", () => {
    const sql = "SELECT 'it''s', \"a;b\" -- drop\nFROM $$x$$";
    const {masked, quoted} = maskSql(sql);
    expect(masked).toHaveLength(sql.length);
    expect(masked).toBe(`SELECT '${" ".repeat(5)}', "   " ${" ".repeat(7)}\nFROM '   '`);
    expect(quoted).toEqual(["it's", "a;b", "x"]);
  });
});
