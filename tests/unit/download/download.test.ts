// @vitest-environment jsdom
import {readdirSync, readFileSync} from "node:fs";
import {join} from "node:path";
import {csvParseRows} from "d3-dsv";
import ExcelJS from "exceljs";
import {describe, expect, it, vi} from "vitest";
import {BOM, csvField, neutraliseFormula, toCsv} from "../../../components/download/toCsv.js";
import {toXlsx} from "../../../components/download/toXlsx.js";
import {cellText, dataVersion, tableColumns} from "../../../components/download/tableFile.js";
import {downloadButtons, safeFileName} from "../../../components/download/downloadButtons.js";

const rows = Object.assign(
  [
    {region: "北京", year: 2019, ratio: 2.551, note: "=1+1"},
    {region: "西藏", year: 2019, ratio: null, note: "缺 missing, \"no\" figure"},
    {region: "上海", year: 2019, ratio: -0.5, note: "-0.5"}
  ],
  {columns: ["region", "year", "ratio", "note"]}
);
const options = {source: "国家统计局 NBS; data/nbs-exports", version: "province-urban-income sha256 0123456789ab (2026-12-01)"};

/** The table part of a CSV written by toCsv: header and rows, up to the empty line before the source lines. */
function parseTable(csv: string): string[][] {
  expect(csv.startsWith(BOM)).toBe(true);
  const lines = csvParseRows(csv.slice(1));
  return lines.slice(0, lines.findIndex((l) => l.length === 1 && l[0] === ""));
}

describe("toCsv", () => {
  it("writes a BOM, CRLF lines, the header, the rows (missing as empty), then source and version", () => {
    const csv = toCsv(rows, options);
    expect(csv).toBe(
      BOM +
        "region,year,ratio,note\r\n北京,2019,2.551,'=1+1\r\n西藏,2019,,\"缺 missing, \"\"no\"\" figure\"\r\n上海,2019,-0.5,-0.5\r\n" +
        "\r\n来源 Source,国家统计局 NBS; data/nbs-exports\r\n数据版本 Data version,province-urban-income sha256 0123456789ab (2026-12-01)\r\n"
    );
    expect(parseTable(csv)).toEqual([
      ["region", "year", "ratio", "note"],
      ["北京", "2019", "2.551", "'=1+1"],
      ["西藏", "2019", "", '缺 missing, "no" figure'],
      ["上海", "2019", "-0.5", "-0.5"]
    ]);
  });
  it("uses column labels and order when given, and the first row's keys otherwise", () => {
    const csv = toCsv([{a: 1, b: 2}], {columns: [{key: "b", label: "乙 B"}, "a"], source: "s"});
    expect(parseTable(csv)).toEqual([["乙 B", "a"], ["2", "1"]]);
    expect(parseTable(toCsv([{a: 1, b: 2}], {source: "s"}))).toEqual([["a", "b"], ["1", "2"]]);
  });
  // csv-spectrum's tricky tables (quotes, commas, newlines, UTF-8), written by toCsv and read back by d3-dsv.
  const spectrum = join("node_modules", "csv-spectrum", "json");
  for (const file of readdirSync(spectrum)) {
    it(`round-trips csv-spectrum ${file}`, () => {
      const records = JSON.parse(readFileSync(join(spectrum, file), "utf8")) as Record<string, string>[];
      if (!records.length) return expect(parseTable(toCsv([], {columns: ["x"], source: "s"}))).toEqual([["x"]]);
      const columns = Object.keys(records[0]);
      const parsed = parseTable(toCsv(records, {columns, source: "s"}));
      expect(parsed).toEqual([columns, ...records.map((r) => columns.map((c) => neutraliseFormula(r[c])))]);
    });
  }
});

describe("neutraliseFormula and csvField", () => {
  it("prefixes text a spreadsheet would run, leaves plain numbers and ordinary text", () => {
    for (const text of ["=SUM(A1)", "+cmd", "-2+3", "@foo", "\tx", "\rx"]) expect(neutraliseFormula(text)).toBe(`'${text}`);
    for (const text of ["-1.5", "+3", "2.5e-3", "北京", "a=b", ""]) expect(neutraliseFormula(text)).toBe(text);
  });
  it("quotes fields with commas, quotes and line breaks only", () => {
    expect(csvField("plain")).toBe("plain");
    expect(csvField('a "b", c')).toBe('"a ""b"", c"');
    expect(csvField("two\nlines")).toBe('"two\nlines"');
  });
});

describe("tableFile helpers", () => {
  it("cellText writes missing as empty and dates as ISO", () => {
    expect([null, undefined, Number.NaN, 2.5, "x", new Date("2024-01-02T00:00:00Z")].map(cellText)).toEqual([
      "",
      "",
      "",
      "2.5",
      "x",
      "2024-01-02T00:00:00.000Z"
    ]);
  });
  it("tableColumns prefers given columns, then rows.columns, then the first row's keys", () => {
    expect(tableColumns(rows).map((c) => c.key)).toEqual(["region", "year", "ratio", "note"]);
    expect(tableColumns([{z: 1, y: 2}])).toEqual([{key: "z", label: "z"}, {key: "y", label: "y"}]);
  });
  it("dataVersion names dataset, short sha256 and load day of each manifest", () => {
    const m = (dataset: string) => ({dataset, source: {sha256: "e4df7138dbba6a3ef9cf"}, generatedAt: "2026-12-01T02:43:26.014Z"});
    expect(dataVersion(m("income-national"))).toBe("income-national sha256 e4df7138dbba (2026-12-01)");
    expect(dataVersion([m("a"), m("b")])).toBe("a sha256 e4df7138dbba (2026-12-01); b sha256 e4df7138dbba (2026-12-01)");
  });
});

describe("toXlsx", () => {
  it("read back with exceljs: header, numbers as numbers, missing as empty, formulas as text, and the source sheet", async () => {
    const bytes = await toXlsx(rows, options);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(["data", "source"]);
    const data = workbook.getWorksheet("data")!;
    const values = data.getSheetValues().slice(1).map((r) => (r as unknown[]).slice(1));
    expect(values).toEqual([
      ["region", "year", "ratio", "note"],
      ["北京", 2019, 2.551, "'=1+1"],
      ["西藏", 2019, undefined, '缺 missing, "no" figure'],
      ["上海", 2019, -0.5, "-0.5"]
    ]);
    expect(data.getCell("D2").formula).toBeUndefined();
    expect(data.getRow(1).font?.bold).toBe(true);
    const about = workbook.getWorksheet("source")!.getSheetValues().slice(1).map((r) => (r as unknown[]).slice(1));
    expect(about).toEqual([
      ["来源 Source", options.source],
      ["数据版本 Data version", options.version]
    ]);
  });
});

describe("downloadButtons", () => {
  it("safeFileName keeps letters of any script and replaces the rest", () => {
    expect(safeFileName("gap / 2019")).toBe("gap-2019");
    expect(safeFileName("分省 收入差距")).toBe("分省-收入差距");
    expect(safeFileName("///")).toBe("table");
  });
  it("the CSV button saves <name>.csv with the table, read at click time", async () => {
    const saved: {name: string; text: string}[] = [];
    const clicks = vi.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(function (this: HTMLAnchorElement) {
      saved.push({name: this.download, text: this.href});
    });
    const blobs: Blob[] = [];
    const created = vi.spyOn(URL, "createObjectURL").mockImplementation((blob) => (blobs.push(blob as Blob), "blob:x"));
    let current = [{a: 1}];
    const element = downloadButtons(() => current, {name: "my table", source: "s"});
    expect([...element.querySelectorAll("button")].map((b) => b.textContent)).toEqual(["下载 CSV", "下载 XLSX"]);
    current = [{a: 2}];
    (element.querySelector("button[data-format=csv]") as HTMLButtonElement).click();
    expect(saved.map((s) => s.name)).toEqual(["my-table.csv"]);
    const bytes = await new Promise<ArrayBuffer>((done) => {
      const reader = new FileReader();
      reader.onload = () => done(reader.result as ArrayBuffer);
      reader.readAsArrayBuffer(blobs[0]);
    });
    expect([...new Uint8Array(bytes).slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder("utf-8", {ignoreBOM: true}).decode(bytes)).toBe(`${BOM}a\r\n2\r\n\r\n来源 Source,s\r\n`);
    expect(blobs[0].type).toBe("text/csv;charset=utf-8");
    clicks.mockRestore();
    created.mockRestore();
  });
});
