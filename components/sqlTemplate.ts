/** A SQL statement with `?` placeholders and the values bound to them, in order. */
export interface BoundQuery {
  text: string;
  params: unknown[];
}

/**
 * Turns a tagged-template call into a parameterised query: every interpolated value becomes a `?` placeholder,
 * so values are bound by DuckDB, never concatenated into the SQL text.
 * @example bindSql`SELECT * FROM income WHERE year >= ${2020}` // {text: "SELECT * FROM income WHERE year >= ?", params: [2020]}
 */
export function bindSql(strings: readonly string[], ...values: unknown[]): BoundQuery {
  let text = strings[0];
  for (let i = 0; i < values.length; i++) text += "?" + strings[i + 1];
  return {text, params: values.map(normalizeParam)};
}

function normalizeParam(value: unknown): unknown {
  if (value === undefined) return null;
  if (typeof value === "number" && !Number.isFinite(value)) throw new Error(`invalid SQL parameter: ${value}`);
  if (value instanceof Date) return value.toISOString();
  if (value !== null && typeof value === "object") throw new Error(`invalid SQL parameter: ${String(value)} (only scalars can be bound)`);
  return value;
}

/** Table names come from code, not from users; still, refuse anything that is not a plain identifier. */
export function assertTableName(name: string): string {
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) throw new Error(`invalid table name: ${name}`);
  return name;
}

/**
 * Converts a DuckDB/Arrow cell to a plain JS value: BIGINT and HUGEINT become numbers when exact, decimals stay numbers.
 * @example plainValue(2024n) // 2024
 */
export function plainValue(value: unknown): unknown {
  if (typeof value === "bigint") {
    return value <= BigInt(Number.MAX_SAFE_INTEGER) && value >= BigInt(Number.MIN_SAFE_INTEGER) ? Number(value) : value;
  }
  return value;
}

/** The message a page shows when a query fails: DuckDB's words and the statement, without a stack. */
export function queryErrorMessage(error: unknown, text: string): string {
  const reason = error instanceof Error ? error.message : String(error);
  return `Query failed · 查询失败: ${reason}\n${text.trim()}`;
}
