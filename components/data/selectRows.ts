// The few SELECTs the notebooks draw first, done on rows from readTable so no chart waits for DuckDB. Each spec has
// its SQL twin (selectSql), and tests run both on every published table to show they return the same rows.
import type {Cell, TableRows} from "./parseTable.js";

type Rows = readonly Record<string, Cell>[] & {columns?: string[]};

/** A condition on one column: a value (`=`, or `IS NULL` for null), `{prefix}` (`LIKE 'prefix%'`) or `{notNull}`. */
export type Condition = Cell | {prefix: string} | {notNull: true};

/** What to select: columns (all when absent), conditions joined by AND, and the sort (ascending, nulls last). */
export interface SelectSpec {
  columns?: string[];
  where?: Record<string, Condition>;
  orderBy?: string[];
}

/**
 * The rows `SELECT columns FROM table WHERE … ORDER BY …` returns, from rows already read (file order kept where the
 * sort leaves ties, as DuckDB keeps insertion order).
 * @example selectRows(income, {columns: ["year", "value"], where: {region_code: "CN"}, orderBy: ["year"]})
 */
export function selectRows(rows: Rows, {columns, where = {}, orderBy = []}: SelectSpec): TableRows {
  // Rows without a column list (e.g. from joinRows) name their columns by their first row's keys.
  const known = rows.columns ?? Object.keys(rows[0] ?? {});
  const names = columns ?? known;
  for (const name of [...names, ...Object.keys(where), ...orderBy]) {
    if (rows.length > 0 && !known.includes(name)) throw new Error(`no column ${name} (columns: ${known.join(", ")})`);
  }
  const tests = Object.entries(where).map(([name, condition]) => matcher(name, condition));
  const kept = rows.filter((row) => tests.every((test) => test(row)));
  if (orderBy.length) kept.sort((a, b) => compareBy(a, b, orderBy));
  const out = kept.map((row) => Object.fromEntries(names.map((name) => [name, row[name]])));
  return Object.assign(out, {columns: [...names]});
}

/**
 * The same selection as SQL for DuckDB, values inlined as literals (specs come from code, not from users).
 * @example selectSql("income", {where: {region_code: "CN"}}) // `SELECT * FROM "income" WHERE "region_code" = 'CN'`
 */
export function selectSql(table: string, {columns, where = {}, orderBy = []}: SelectSpec): string {
  const id = (name: string) => `"${name.replace(/"/g, '""')}"`;
  const conditions = Object.entries(where).map(([name, c]) => {
    if (c === null) return `${id(name)} IS NULL`;
    if (typeof c === "object" && "prefix" in c) return `${id(name)} LIKE ${literal(c.prefix.replace(/[%_\\]/g, "\\$&") + "%")} ESCAPE '\\'`;
    if (typeof c === "object" && "notNull" in c) return `${id(name)} IS NOT NULL`;
    return `${id(name)} = ${literal(c)}`;
  });
  return [
    `SELECT ${columns ? columns.map(id).join(", ") : "*"} FROM ${id(table)}`,
    conditions.length ? `WHERE ${conditions.join(" AND ")}` : "",
    orderBy.length ? `ORDER BY ${orderBy.map((name) => `${id(name)} ASC NULLS LAST`).join(", ")}` : ""
  ]
    .filter(Boolean)
    .join(" ");
}

function literal(value: string | number | boolean): string {
  return typeof value === "string" ? `'${value.replace(/'/g, "''")}'` : String(value);
}

function matcher(name: string, condition: Condition): (row: Record<string, Cell>) => boolean {
  if (condition !== null && typeof condition === "object") {
    if ("prefix" in condition) return (row) => typeof row[name] === "string" && (row[name] as string).startsWith(condition.prefix);
    return (row) => row[name] !== null;
  }
  // SQL's `= NULL` matches nothing; a null condition means IS NULL here, as in selectSql.
  return (row) => row[name] === condition;
}

// DuckDB's ORDER BY: numbers by value, text by code point (its default binary collation), nulls last.
function compareBy(a: Record<string, Cell>, b: Record<string, Cell>, names: string[]): number {
  for (const name of names) {
    const x = a[name];
    const y = b[name];
    if (x === y) continue;
    if (x === null) return 1;
    if (y === null) return -1;
    if (typeof x === "string" && typeof y === "string") {
      const order = compareCodePoints(x, y);
      if (order) return order;
    } else if (x < y) return -1;
    else if (x > y) return 1;
  }
  return 0;
}

function compareCodePoints(x: string, y: string): number {
  const a = [...x];
  const b = [...y];
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const d = a[i].codePointAt(0)! - b[i].codePointAt(0)!;
    if (d) return d;
  }
  return a.length - b.length;
}
