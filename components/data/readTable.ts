import {parseTable, type TableRows} from "./parseTable.js";

export type {Cell, TableRows} from "./parseTable.js";

/**
 * Fetches a loader output (pass `FileAttachment("data/x.csv").href`) and parses it into the rows DuckDB would give
 * for `SELECT * FROM x`, without waiting for DuckDB. Errors name the file.
 * @example const income = await readTable(FileAttachment("data/income-national.csv").href);
 */
export async function readTable(href: string): Promise<TableRows> {
  const path = new URL(href, location.href).pathname;
  if (!/\.csv$/i.test(path)) throw new Error(`cannot read ${path} as a table: readTable reads .csv loader outputs`);
  const response = await fetch(href);
  if (!response.ok) throw new Error(`cannot read ${path}: HTTP ${response.status}`);
  return parseTable(await response.text(), {file: path});
}
