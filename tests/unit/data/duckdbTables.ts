import {mkdtempSync, rmSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {DuckDBInstance, type DuckDBConnection} from "@duckdb/node-api";
import {plainValue} from "../../../components/sqlTemplate.js";

/**
 * DuckDB (the Node build) holding CSV texts as tables the way components/duckdb.ts loads them (read_csv with header
 * and auto-detect), returning rows as that client does (BIGINT as numbers). For tests that compare readers with it.
 * @example const db = await duckdbTables(); await db.load("income", text); await db.rows("SELECT * FROM income");
 */
export async function duckdbTables() {
  const dir = mkdtempSync(join(tmpdir(), "ys-duckdb-tables-"));
  const instance = await DuckDBInstance.create(":memory:");
  const conn: DuckDBConnection = await instance.connect();
  let files = 0;
  return {
    async load(name: string, text: string): Promise<void> {
      const file = join(dir, `${files++}.csv`);
      writeFileSync(file, text);
      await conn.run(`CREATE OR REPLACE TABLE "${name}" AS SELECT * FROM read_csv('${file}', header = true, auto_detect = true)`);
    },
    async rows(sql: string): Promise<Record<string, unknown>[]> {
      const reader = await conn.runAndReadAll(sql);
      return reader.getRowObjectsJS().map((row) => Object.fromEntries(Object.entries(row).map(([k, v]) => [k, plainValue(v)])));
    },
    close(): void {
      conn.closeSync();
      rmSync(dir, {recursive: true, force: true});
    }
  };
}
