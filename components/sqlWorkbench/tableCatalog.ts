// The list of tables a workbench query can use: columns with DuckDB types, row counts, and where each table comes from
// (its loader manifest). Also says which sources a query draws on, for the note in a downloaded file.
import type {Database} from "../duckdb.js";
import {formatNumber} from "../format.js";
import {t} from "../i18n.js";
import {assertTableName} from "../sqlTemplate.js";
import {dataVersion, type ManifestVersion} from "../download/tableFile.js";

/** A loader manifest, as far as the catalogue reads it. */
export interface CatalogManifest extends ManifestVersion {
  source: {file: string; sha256: string; notes?: string};
  rows: number;
}

export interface CatalogTable {
  name: string;
  manifest: CatalogManifest;
}

export interface TableDescription extends CatalogTable {
  columns: {name: string; type: string}[];
  rows: number;
}

/**
 * Each table's columns, types and row count, read from the database.
 * @example const catalog = await describeTables(db, [{name: "income_national", manifest}])
 */
export async function describeTables(db: Database, tables: readonly CatalogTable[]): Promise<TableDescription[]> {
  if (!tables.length) return [];
  const names = tables.map((table) => assertTableName(table.name));
  // Two queries for the whole catalogue rather than two per table: each query is a round trip to DuckDB's worker.
  const columns = await db.query(
    "SELECT table_name AS \"table\", column_name AS name, data_type AS type FROM information_schema.columns ORDER BY table_name, ordinal_position"
  );
  const counts = await db.query(names.map((name) => `SELECT '${name}' AS "table", count(*)::INTEGER AS n FROM "${name}"`).join(" UNION ALL "));
  const rowsOf = new Map(counts.map((c) => [String(c.table), Number(c.n)]));
  return tables.map((table, i) => ({
    ...table,
    columns: columns.filter((c) => c.table === names[i]).map((c) => ({name: String(c.name), type: String(c.type)})),
    rows: rowsOf.get(names[i])!
  }));
}

/**
 * The tables a query names (as whole words, case-insensitive), in catalogue order.
 * @example tablesInQuery("select * from Plan_Targets", [{name: "plan_targets", manifest}]).length // 1
 */
export function tablesInQuery<T extends CatalogTable>(sql: string, tables: readonly T[]): T[] {
  const words = new Set([...sql.matchAll(/[A-Za-z_][A-Za-z0-9_]*/g)].map((m) => m[0].toLowerCase()));
  return tables.filter((table) => words.has(table.name.toLowerCase()));
}

/**
 * The source note and data version for a query's result: each table it names with its bundled file and notes.
 * @example querySources("SELECT * FROM income_national", catalog).source // "income_national: data/national/income_national.csv (…)"
 */
export function querySources(sql: string, tables: readonly CatalogTable[]): {source: string; version: string} {
  const used = tablesInQuery(sql, tables);
  if (!used.length) return {source: "—", version: ""};
  return {
    source: used.map((table) => `${table.name}: ${table.manifest.source.file}${table.manifest.source.notes ? ` (${table.manifest.source.notes})` : ""}`).join("; "),
    version: dataVersion(used.map((table) => table.manifest))
  };
}

/**
 * The catalogue as a table: name, rows, columns with types, and source file with its notes and hash.
 * @example display(tableCatalog(await describeTables(db, tables)))
 */
export function tableCatalog(tables: readonly TableDescription[]): HTMLElement {
  const wrap = document.createElement("div");
  wrap.className = "sqlw-catalog-wrap";
  const table = document.createElement("table");
  table.className = "sqlw-catalog";
  const head = table.createTHead().insertRow();
  for (const label of [
    {zh: "表", en: "Table"},
    {zh: "行数", en: "Rows"},
    {zh: "列（类型）", en: "Columns (type)"},
    {zh: "来源", en: "Source"}
  ]) {
    const th = document.createElement("th");
    th.scope = "col";
    th.textContent = t(label);
    head.append(th);
  }
  const body = table.createTBody();
  for (const entry of tables) {
    const row = body.insertRow();
    row.dataset.table = entry.name;
    const name = document.createElement("th");
    name.scope = "row";
    name.innerHTML = "<code></code>";
    name.firstElementChild!.textContent = entry.name;
    row.append(name);
    const rows = row.insertCell();
    rows.className = "sqlw-rows";
    rows.textContent = formatNumber(entry.rows);
    const columns = row.insertCell();
    columns.className = "sqlw-columns";
    for (const column of entry.columns) {
      const item = document.createElement("span");
      item.className = "sqlw-column";
      const code = document.createElement("code");
      code.textContent = column.name;
      item.append(code, ` ${column.type}`);
      columns.append(item, " ");
    }
    const source = row.insertCell();
    source.className = "sqlw-source";
    const file = document.createElement("code");
    file.textContent = entry.manifest.source.file;
    source.append(file);
    if (entry.manifest.source.notes) source.append(document.createElement("br"), entry.manifest.source.notes);
    const version = document.createElement("small");
    version.textContent = ` sha256 ${entry.manifest.source.sha256.slice(0, 12)}…, ${entry.manifest.generatedAt.slice(0, 10)}`;
    source.append(document.createElement("br"), version);
  }
  wrap.append(table);
  return wrap;
}
