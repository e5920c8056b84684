import {csvParseRows} from "d3-dsv";
import {z} from "zod";
import {LoadError} from "./LoadError.js";
import type {TidyRow} from "./tidy.js";

/** The columns of data/national/income_national.csv and the NBS indicator each one holds (元 per person per year). */
export const INCOME_NATIONAL_COLUMNS = {
  urban_income: "城镇居民人均可支配收入",
  rural_income: "农村居民人均可支配收入",
  rural_wage: "农村居民人均工资性收入",
  rural_operating: "农村居民人均经营净收入",
  rural_property: "农村居民人均财产净收入",
  rural_transfer: "农村居民人均转移净收入"
} as const;

type IncomeColumn = keyof typeof INCOME_NATIONAL_COLUMNS;
const COMPONENTS: IncomeColumn[] = ["rural_wage", "rural_operating", "rural_property", "rural_transfer"];

/** The four components are rounded separately by the NBS, so their sum may miss the total by up to 0.5 each. */
export const COMPONENT_TOLERANCE = 2;

const yearSchema = z.number().int("year must be a whole number").min(1949, "year before 1949").max(2100, "year after 2100");
const incomeSchema = z.number().positive("income must be positive").nullable();

/**
 * Parses the national income table (one row per year, incomes in 元) into tidy rows for region CN, validating
 * years, positive incomes, unique years and that the rural components add up to the rural total.
 * @example parseIncomeNational("year,urban_income,rural_income\n2024,54188,23119\n", {file: "x.csv"})
 */
export function parseIncomeNational(text: string, {file = "<input>"}: {file?: string} = {}): TidyRow[] {
  const lines = csvParseRows(text.replace(/^\uFEFF/, ""));
  if (lines.length === 0 || lines[0].every((cell) => cell.trim() === "")) throw new LoadError(file, 1, undefined, "empty file");
  const header = lines[0].map((h) => h.trim());
  if (header[0] !== "year") throw new LoadError(file, 1, 1, `expected first column "year", found "${header[0]}"`);
  const columns = header.map((name, index) => {
    if (index === 0) return null;
    if (!(name in INCOME_NATIONAL_COLUMNS)) throw new LoadError(file, 1, index + 1, `unknown column "${name}"`);
    return name as IncomeColumn;
  });
  for (const required of ["urban_income", "rural_income"] as const) {
    if (!columns.includes(required)) throw new LoadError(file, 1, undefined, `missing column "${required}"`);
  }

  const rows: TidyRow[] = [];
  const seenYears = new Map<number, number>();
  lines.slice(1).forEach((cells, i) => {
    const line = i + 2;
    if (cells.every((cell) => cell.trim() === "")) return;
    if (cells.length !== header.length) {
      throw new LoadError(file, line, undefined, `expected ${header.length} fields, found ${cells.length}`);
    }
    const year = check(yearSchema, numberCell(cells[0], file, line, 1, "year"), file, line, 1);
    if (seenYears.has(year)) throw new LoadError(file, line, 1, `duplicate year ${year} (first on line ${seenYears.get(year)})`);
    seenYears.set(year, line);

    const values = new Map<IncomeColumn, number | null>();
    columns.forEach((column, index) => {
      if (!column) return;
      const value = check(incomeSchema, numberCell(cells[index], file, line, index + 1, column), file, line, index + 1);
      values.set(column, value);
    });
    checkComponents(values, file, line, columns.indexOf("rural_income") + 1);
    for (const [column, value] of values) {
      rows.push({indicator: INCOME_NATIONAL_COLUMNS[column], unit: "元", region_code: "CN", region: "全国", year, value});
    }
  });
  if (rows.length === 0) throw new LoadError(file, 2, undefined, "no data rows");
  return rows;
}

function numberCell(cell: string, file: string, line: number, column: number, name: string): number | null {
  const trimmed = cell.trim();
  if (trimmed === "") return null;
  const value = Number(trimmed);
  if (!Number.isFinite(value)) throw new LoadError(file, line, column, `"${trimmed}" is not a number (column ${name})`);
  return value;
}

function check<T>(schema: z.ZodType<T>, value: unknown, file: string, line: number, column: number): T {
  const result = schema.safeParse(value);
  if (!result.success) {
    throw new LoadError(file, line, column, `${result.error.issues[0].message}: ${value === null ? "missing" : value}`);
  }
  return result.data;
}

function checkComponents(values: Map<IncomeColumn, number | null>, file: string, line: number, column: number): void {
  const parts = COMPONENTS.map((c) => values.get(c));
  const total = values.get("rural_income");
  if (total == null || parts.every((p) => p == null)) return;
  if (parts.some((p) => p == null)) {
    throw new LoadError(file, line, column, "rural income components are only partly given");
  }
  const sum = (parts as number[]).reduce((a, b) => a + b, 0);
  if (Math.abs(sum - total) > COMPONENT_TOLERANCE) {
    throw new LoadError(file, line, column, `rural components sum to ${sum}, not the total ${total} (tolerance ${COMPONENT_TOLERANCE})`);
  }
}
