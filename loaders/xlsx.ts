import {closeSync, fstatSync, readSync} from "node:fs";
import ExcelJS from "exceljs";
import {Collector} from "./Collector.js";
import {LoadError} from "./LoadError.js";
import type {IngestOptions} from "./ingestOptions.js";
import {fileDigest, tableManifest, type Manifest} from "./manifest.js";
import {openInput} from "./readLoop.js";
import {recordPipeline} from "./recordPipeline.js";
import {checkWorkbookBounds, checkWorkbookSize} from "./xlsxBounds.js";
import type {CsvRecord} from "./records.js";
import type {TidyRow} from "./tidy.js";

/**
 * Reads one sheet of an XLSX workbook (named, or the first) with exceljs and sends its rows through the same layouts
 * as CSV: line = row number, column = column number. Formula cells give their cached result.
 * @example const {rows} = await ingestWorkbook("6-13.xlsx", {sheet: "6-13"});
 */
export async function ingestWorkbook(
  path: string,
  options: IngestOptions = {}
): Promise<{rows: TidyRow[]; manifest: Manifest}> {
  const file = options.name ?? path;
  const zip = readWorkbookFile(path, file);
  checkWorkbookBounds(zip, file);
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(zip as unknown as Parameters<typeof workbook.xlsx.load>[0]);
  } catch (error) {
    throw new LoadError(file, undefined, undefined, `not a readable XLSX workbook (${(error as Error).message})`);
  }
  const sheet = options.sheet ? workbook.getWorksheet(options.sheet) : workbook.worksheets[0];
  if (!sheet) {
    throw new LoadError(
      file,
      undefined,
      undefined,
      `no sheet ${options.sheet ?? ""} (sheets: ${workbook.worksheets.map((w) => w.name).join(", ")})`
    );
  }
  const rows: TidyRow[] = [];
  const collector = new Collector(file, (row) => rows.push(row));
  const records = recordPipeline(collector, options);
  for (let r = 1; r <= sheet.rowCount; r++) records.push(sheetRow(sheet, r, file));
  const layout = records.end();
  const manifest = tableManifest(path, options, collector.counts(), {digest: fileDigest(path), encoding: "xlsx", layout});
  manifest.source.notes = [manifest.source.notes, `sheet ${sheet.name}`].filter(Boolean).join("; ");
  return {rows, manifest};
}

function sheetRow(sheet: ExcelJS.Worksheet, r: number, file: string): CsvRecord {
  const row = sheet.getRow(r);
  const cells: string[] = [];
  for (let c = 1; c <= Math.max(row.cellCount, 1); c++) {
    const cell = row.getCell(c);
    // exceljs repeats a merged cell's value in every cell it covers; a CSV export leaves them blank, and the layouts
    // read merged headers and title rows that way.
    cells.push(cell.isMerged && cell.master !== cell ? "" : cellText(cell.value, file, r, c));
  }
  return {cells, line: r};
}

function cellText(value: ExcelJS.CellValue, file: string, line: number, column: number): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (typeof value === "string") return value;
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if ("formula" in value || "sharedFormula" in value) {
    const result = (value as ExcelJS.CellFormulaValue).result;
    if (result === undefined || result === null)
      throw new LoadError(file, line, column, "formula cell has no saved result (open and save the workbook in Excel)");
    if (typeof result === "object" && "error" in result) return String(result.error);
    return cellText(result as ExcelJS.CellValue, file, line, column);
  }
  if ("richText" in value) return value.richText.map((t) => t.text).join("");
  if ("text" in value) return String(value.text);
  if ("error" in value) return String(value.error);
  return String(value);
}

/** The workbook's bytes; one over the size limit is refused before it is read into memory. */
function readWorkbookFile(path: string, file: string): Buffer {
  const fd = openInput(path, file);
  try {
    const size = fstatSync(fd).size;
    checkWorkbookSize(size, file);
    const bytes = Buffer.alloc(size);
    for (let at = 0; at < size; ) {
      const n = readSync(fd, bytes, at, size - at, at);
      if (n === 0) break;
      at += n;
    }
    return bytes;
  } finally {
    closeSync(fd);
  }
}
