// XLSX through exceljs, imported only when a file is asked for, so its ~1 MB never weighs on a page's first load.
import {cellText, tableColumns, type Row, type TableFileOptions} from "./tableFile.js";
import {neutraliseFormula} from "./toCsv.js";

/**
 * An XLSX workbook of a table: sheet "data" with a bold header row and one row per record (numbers stay numbers,
 * text is written as text, never as a formula), and sheet "source" with the source note, data version and note.
 * @example const bytes = await toXlsx(rows, {source: "NBS", version: "income-national sha256 e4df7138dbba (2026-12-01)"})
 */
export async function toXlsx(rows: readonly Row[] & {columns?: readonly string[]}, options: TableFileOptions): Promise<Uint8Array> {
  const ExcelJS = await loadExcelJS();
  const columns = tableColumns(rows, options.columns);
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("data");
  sheet.addRow(columns.map((c) => c.label)).font = {bold: true};
  for (const row of rows) {
    sheet.addRow(
      columns.map((c) => {
        const value = row[c.key];
        if (typeof value === "number") return Number.isFinite(value) ? value : null;
        if (typeof value === "bigint") return Number(value);
        if (value === null || value === undefined) return null;
        return neutraliseFormula(cellText(value));
      })
    );
  }
  sheet.views = [{state: "frozen", ySplit: 1}];
  const about = workbook.addWorksheet("source");
  about.addRow(["来源 Source", options.source]);
  if (options.version) about.addRow(["数据版本 Data version", options.version]);
  if (options.note) about.addRow(["说明 Note", options.note]);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

// exceljs's package "browser" field points at its browser build; Framework bundles that, Node takes the main entry.
async function loadExcelJS(): Promise<typeof import("exceljs")> {
  const module = (await import("exceljs")) as unknown as {default?: typeof import("exceljs")} & typeof import("exceljs");
  return module.default ?? module;
}
