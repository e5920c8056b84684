// A loader's CSV output as the rows DuckDB would return for `SELECT * FROM read_csv(file, header = true,
// auto_detect = true)` through components/duckdb.ts: same column types, same nulls, same order, so a page can draw
// from the file before DuckDB has started. Only the types DuckDB's sniffer gives loader output are handled; a column
// DuckDB might read as a date, time or something wider is refused rather than guessed.
import {csvParseRows} from "d3-dsv";

/** A cell as DuckDB returns it through components/duckdb.ts: BIGINT and DOUBLE as numbers, empty as null. */
export type Cell = string | number | boolean | null;

/** Rows in file order with the column names in order (as DuckDB's client and Inputs.table give them). */
export type TableRows = Record<string, Cell>[] & {columns: string[]};

/** The column types this reader gives, named as DuckDB names them. */
export type ColumnType = "BIGINT" | "DOUBLE" | "BOOLEAN" | "VARCHAR";

const INTEGER = /^-?(?:0|[1-9]\d*)$/;
const DECIMAL = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?$/;
const BOOLEAN = /^(?:true|false)$/i;
// Text whose type DuckDB's sniffer decides by rules that differ between its versions (leading zeros or "+", padding,
// "1.", nan/inf, t/f/yes/no, dates and times): this reader refuses it rather than guess.
const AMBIGUOUS =
  /^\s|\s$|^[+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?$|^[+-]?(?:nan|inf|infinity)$|^(?:t|f|y|n|yes|no)$|^\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}|^\d{1,2}:\d{2}/i;

/**
 * The type DuckDB's CSV sniffer gives a column with these texts ("" is null): the narrowest of BOOLEAN, BIGINT,
 * DOUBLE that fits every non-empty text, else VARCHAR. Throws on text DuckDB's versions type differently (dates,
 * leading zeros, padded numbers, t/f), so a page never draws from rows DuckDB would not give.
 * @example columnType(["2013", "2014", ""]) // "BIGINT"
 */
export function columnType(texts: readonly string[], where = "column"): ColumnType {
  let integer = true;
  let decimal = true;
  let boolean = true;
  let any = false;
  for (const text of texts) {
    if (text === "") continue;
    any = true;
    const isInteger = INTEGER.test(text);
    const isDecimal = isInteger || DECIMAL.test(text);
    if (!isDecimal && AMBIGUOUS.test(text)) {
      throw new Error(`${where}: DuckDB may read "${text}" as another type than this reader would; query this table with SQL`);
    }
    integer &&= isInteger;
    decimal &&= isDecimal;
    boolean &&= BOOLEAN.test(text);
    if (!integer && !decimal && !boolean) return "VARCHAR";
  }
  if (!any) return "VARCHAR";
  if (boolean) return "BOOLEAN";
  if (integer) return "BIGINT";
  return decimal ? "DOUBLE" : "VARCHAR";
}

/**
 * Parses a loader's CSV (one header line, UTF-8) into typed rows; `file` names the table in errors.
 * @example parseTable("year,value\n2024,54188\n2025,\n").map((d) => d.value) // [54188, null]
 */
export function parseTable(text: string, {file = "table"}: {file?: string} = {}): TableRows {
  const [header, ...body] = csvParseRows(text.replace(/^\uFEFF/, ""));
  if (!header || header.length === 0 || header.every((h) => h === "")) throw new Error(`${file}: no header line`);
  body.forEach((cells, i) => {
    if (cells.length !== header.length) {
      throw new Error(`${file}:${i + 2}: ${cells.length} fields where the header has ${header.length}`);
    }
  });
  const types = header.map((name, j) =>
    columnType(
      body.map((cells) => cells[j]),
      `${file}: column ${name}`
    )
  );
  const convert = types.map((type, j) => cellReader(type, `${file}: column ${header[j]}`));
  const rows = body.map((cells, i) => {
    const row: Record<string, Cell> = {};
    for (let j = 0; j < header.length; j++) row[header[j]] = convert[j](cells[j], i + 2);
    return row;
  });
  return Object.assign(rows, {columns: header});
}

function cellReader(type: ColumnType, where: string): (text: string, line: number) => Cell {
  switch (type) {
    case "VARCHAR":
      return (text) => (text === "" ? null : text);
    case "BOOLEAN":
      return (text) => (text === "" ? null : text.toLowerCase() === "true");
    case "BIGINT":
      return (text, line) => {
        if (text === "") return null;
        const value = Number(text);
        // Past 2^53 DuckDB's client keeps a BigInt; this reader does not, so it refuses.
        if (!Number.isSafeInteger(value)) throw new Error(`${where}, line ${line}: ${text} is too large to read exactly`);
        return value;
      };
    case "DOUBLE":
      return (text) => (text === "" ? null : Number(text));
  }
}
