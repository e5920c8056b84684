import {mkdtempSync, rmSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import ExcelJS from "exceljs";
import {afterAll, describe, expect, it} from "vitest";
import {ingest} from "../../../loaders/ingest.js";
import {checkWorkbookBounds, WORKBOOK_LIMITS} from "../../../loaders/xlsxBounds.js";
import {farCellWorkbook, inflatingWorkbook} from "../../fixtures/hostileWorkbooks.js";

const tmp = mkdtempSync(join(tmpdir(), "ys-xlsx-"));
afterAll(() => rmSync(tmp, {recursive: true, force: true}));

const write = (name: string, bytes: Uint8Array) => {
  const path = join(tmp, name);
  writeFileSync(path, bytes);
  return path;
};

describe("workbooks that would exhaust memory are refused before exceljs reads them", () => {
  it("a sheet that inflates to 400 MB of repeated rows (as declared)", async () => {
    const bytes = inflatingWorkbook(400);
    expect(bytes.length).toBeLessThan(2_000_000);
    const path = write("bomb.xlsx", bytes);
    await expect(ingest(path)).rejects.toThrow(`${path}: workbook would inflate to 400 MB, over the 256 MB limit`);
  });

  it("the same sheet declaring 1 KB: inflation stops at the declared size", async () => {
    const path = write("liar.xlsx", inflatingWorkbook(400, {declare: 1024}));
    await expect(ingest(path)).rejects.toThrow(
      `${path}: workbook part xl/worksheets/sheet1.xml inflates past its declared 1,024 bytes`
    );
  });

  it("a 1 KB workbook with one cell at XFD1048576", async () => {
    const bytes = farCellWorkbook("XFD1048576");
    expect(bytes.length).toBeLessThan(2_000);
    const path = write("far.xlsx", bytes);
    await expect(ingest(path)).rejects.toThrow(
      `${path}: sheet xl/worksheets/sheet1.xml reaches row 1,048,576 (at most 100,000 rows)`
    );
  });

  it("one cell past the row limit, and one past the column limit", () => {
    expect(() => checkWorkbookBounds(farCellWorkbook("A100001"), "r.xlsx")).toThrow(
      "r.xlsx: sheet xl/worksheets/sheet1.xml reaches row 100,001 (at most 100,000 rows)"
    );
    expect(() => checkWorkbookBounds(farCellWorkbook("AMK1"), "c.xlsx")).toThrow(
      "c.xlsx: sheet xl/worksheets/sheet1.xml reaches column AMK (at most 1,024 columns)"
    );
    expect(() => checkWorkbookBounds(farCellWorkbook("AMJ100000"), "ok.xlsx")).not.toThrow();
  });

  it("a workbook over the file size limit, and limits passed in", () => {
    expect(() => checkWorkbookBounds(new Uint8Array(100), "big.xlsx", {...WORKBOOK_LIMITS, fileBytes: 50})).toThrow(
      "big.xlsx: workbook of 0 MB is over the 0 MB limit"
    );
    expect(() => checkWorkbookBounds(inflatingWorkbook(3), "b.xlsx", {...WORKBOOK_LIMITS, inflatedBytes: 2 << 20})).toThrow(
      "b.xlsx: workbook would inflate to 3 MB, over the 2 MB limit"
    );
  });

  it("a small honest workbook still reads", async () => {
    const path = write("rows.xlsx", farCellWorkbook("AMJ100000"));
    // One number in a sheet is no table: it gets past the bounds to the layouts, which say so.
    await expect(ingest(path)).rejects.toThrow(`${path}:100000: no region rows`);
  });
});

describe("formula text in XLSX cells", () => {
  const longBook = async (name: string, row: ExcelJS.CellValue[]) => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("long");
    sheet.addRow(["year", "indicator", "region", "value", "unit"]);
    sheet.addRow(row);
    const path = join(tmp, name);
    await workbook.xlsx.writeFile(path);
    return path;
  };

  it("is refused in a unit cell", async () => {
    const path = await longBook("unit.xlsx", [2019, "城镇居民人均可支配收入", "北京", 73849, '=HYPERLINK("http://x")']);
    await expect(ingest(path)).rejects.toThrow(`${path}:2:5: unit "=HYPERLINK("http://x")" looks like a spreadsheet formula`);
  });

  it("is refused when it is the saved result of a formula cell", async () => {
    const path = await longBook("result.xlsx", [2019, {formula: 'CONCAT("+1","+cmd")', result: "+1+cmd"}, "北京", 73849, "元"]);
    await expect(ingest(path)).rejects.toThrow(`${path}:2:2: "+1+cmd" looks like a spreadsheet formula`);
  });
});
