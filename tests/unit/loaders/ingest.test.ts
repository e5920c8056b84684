import {mkdtempSync, readFileSync, rmSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {afterAll, describe, expect, it} from "vitest";
import ExcelJS from "exceljs";
import {ingest, ingestFile, ingestFileTo, ingestText, validateFile} from "../../../loaders/ingest.js";
import {formatTidyCsv} from "../../../loaders/tidy.js";

const fixture = (name: string) => `tests/fixtures/loaders/${name}`;
const tmp = mkdtempSync(join(tmpdir(), "ys-ingest-"));
afterAll(() => rmSync(tmp, {recursive: true, force: true}));
const pick = (
  rows: {region: string; indicator: string; year: number; value: number | null}[],
  region: string,
  indicator: string
) => rows.filter((r) => r.region === region && r.indicator === indicator).map((r) => [r.year, r.value]);

describe("ingestFile on the NBS portal layout", () => {
  it("reads a GBK, CRLF province export and a UTF-8 BOM copy of it to the same rows", () => {
    const gbk = ingestFile(fixture("portal-province-gbk.csv"));
    const bom = ingestFile(fixture("portal-province-bom.csv"));
    expect(gbk.manifest.source).toMatchObject({encoding: "gb18030", layout: "nbs-province"});
    expect(bom.manifest.source).toMatchObject({encoding: "utf-8", layout: "nbs-province"});
    expect(gbk.rows).toEqual(bom.rows);
    expect(gbk.rows[0]).toEqual({
      indicator: "城镇居民人均可支配收入",
      unit: "元",
      region_code: "110000",
      region: "北京",
      year: 2019,
      value: 73849
    });
    expect(pick(gbk.rows, "内蒙古", "城镇居民人均可支配收入")).toEqual([
      [2019, 40782],
      [2018, 38305],
      [2017, 35670]
    ]);
    expect(gbk.manifest.warnings).toEqual([
      `${fixture("portal-province-gbk.csv")}:9: footnote 注：数据为城镇住户调查结果。`
    ]);
  });

  it("reads the national 年度数据 layout, one indicator per row, as region CN", () => {
    const {rows, manifest} = ingestFile(fixture("portal-national.csv"));
    expect(manifest.source.layout).toBe("nbs-national");
    expect(rows).toHaveLength(10);
    expect(pick(rows, "全国", "农村居民人均可支配收入")[0]).toEqual([2024, 23119]);
    expect(new Set(rows.map((r) => r.region_code))).toEqual(new Set(["CN"]));
  });
});

describe("ingestFile on yearbook tables", () => {
  it("joins a two-row header with merged cells, folds padded names and reads every cell form", () => {
    const {rows, manifest} = ingestFile(fixture("yearbook-2019.csv"));
    expect(manifest.source.layout).toBe("yearbook");
    expect(rows).toHaveLength(20);
    expect(new Set(rows.map((r) => r.year))).toEqual(new Set([2019]));
    expect(pick(rows, "全国", "城镇居民人均可支配收入")).toEqual([[2019, 42359]]);
    expect(pick(rows, "全国", "城镇居民人均消费支出")).toEqual([[2019, null]]);
    expect(pick(rows, "北京", "城镇居民人均可支配收入")).toEqual([[2019, 73849]]);
    expect(pick(rows, "北京", "农村居民人均可支配收入")).toEqual([[2019, 28928]]);
    expect(pick(rows, "广西", "农村居民人均消费支出")).toEqual([[2019, null]]);
    expect(manifest.missing).toBe(5);
    expect(manifest.warnings.some((w) => w.includes("note marker * after 28928"))).toBe(true);
    expect(manifest.units["城镇居民人均可支配收入"]).toEqual({canonical: "元", original: ["元"]});
  });

  it("reads Excel's Unicode text (UTF-16LE, tabs) to the same rows", () => {
    const utf16 = ingestFile(fixture("yearbook-utf16.txt"));
    expect(utf16.manifest.source.encoding).toBe("utf-16le");
    expect(utf16.rows).toEqual(ingestFile(fixture("yearbook-2019.csv")).rows);
  });

  it("takes the year from --year when the title has none, and the indicator from the title when columns are years", () => {
    expect(() => ingestFile(fixture("yearbook-noyear-gbk.csv"))).toThrow(
      `${fixture("yearbook-noyear-gbk.csv")}:1:1: no year in the title; give one with --year`
    );
    const {rows} = ingestFile(fixture("yearbook-noyear-gbk.csv"), {year: 2019});
    expect(pick(rows, "全国", "城镇居民人均可支配收入")).toEqual([[2019, 42359]]);
    const years = ingestFile(fixture("yearbook-years.csv"));
    expect(pick(years.rows, "天津", "城镇居民人均可支配收入")).toEqual([
      [2017, 40278],
      [2018, 42976],
      [2019, 46119]
    ]);
  });
});

describe("ingestFile on long tables", () => {
  it("converts every unit to the canonical one and records the original", () => {
    const {rows, manifest} = ingestFile(fixture("long-units.csv"));
    expect(rows.map((r) => [r.region_code, r.unit, r.value])).toEqual([
      ["150000", "元", 40782],
      ["450000", "元", 34745],
      ["650000", "元", 34664],
      ["CN", "万亩", 100000],
      ["CN", "公里", 10945.6],
      ["CN", "万吨/日", 80.46],
      ["CN", "%", 87.2]
    ]);
    expect(manifest.units["城镇居民人均可支配收入"]).toEqual({canonical: "元", original: ["万元", "元"]});
    expect(manifest.units["高标准农田累计建成面积"]).toEqual({canonical: "万亩", original: ["亿亩"]});
  });
});

describe("ingestText, ingestFileTo and ingest (XLSX)", () => {
  it("ingestText is the pure core", () => {
    const {rows, layout} = ingestText("year,indicator,region,value,unit\n2024,城镇居民人均可支配收入,全国,54188,元\n", {
      name: "t.csv"
    });
    expect(layout).toBe("long");
    expect(formatTidyCsv(rows)).toBe(
      "indicator,unit,region_code,region,year,value\n城镇居民人均可支配收入,元,CN,全国,2024,54188\n"
    );
  });

  it("reads plain numbers on the fast path exactly as Number() does", () => {
    const body = ["007", "-3.5", ".5", "1.", "123456789012345", "0"].map((v, i) => `${2000 + i},${v}`).join("\n");
    const {rows} = ingestText(`year,增长(%)\n${body}\n`, {name: "n.csv"});
    expect(rows.map((r) => r.value)).toEqual([7, -3.5, 0.5, 1, 123456789012345, 0]);
  });

  it("ingestFileTo streams the same CSV that formatTidyCsv makes", () => {
    const out = join(tmp, "stream.csv");
    const manifest = ingestFileTo(fixture("yearbook-2019.csv"), out);
    expect(readFileSync(out, "utf8")).toBe(formatTidyCsv(ingestFile(fixture("yearbook-2019.csv")).rows));
    expect(manifest).toMatchObject({rows: 20, missing: 5});
  });

  it("validateFile checks a whole file and returns the same manifest counts without keeping rows", () => {
    expect(validateFile(fixture("yearbook-2019.csv"))).toMatchObject({
      rows: 20,
      missing: 5,
      source: {layout: "yearbook"}
    });
    expect(() => validateFile("tests/fixtures/bad/rate-130.csv")).toThrow(
      "tests/fixtures/bad/rate-130.csv:3:4: rate above 100%: 130"
    );
  });

  it("ingestFileTo quotes names with commas and writes decimals, zero and missing values as formatTidyCsv does", () => {
    const input = join(tmp, "mixed.csv");
    const text =
      'year,indicator,region,value,unit\n2019,"指标A,含逗号",北京,0,元\n2019,"指标""B""",北京,0.1,%\n2019,指标C,北京,…,个\n2019,指标D,北京,12345678901,元\n';
    writeFileSync(input, text);
    const out = join(tmp, "mixed.tidy.csv");
    ingestFileTo(input, out);
    expect(readFileSync(out, "utf8")).toBe(formatTidyCsv(ingestFile(input).rows));
    expect(readFileSync(out, "utf8")).toContain(
      '"指标A,含逗号",元,110000,北京,2019,0\n"指标""B""",%,110000,北京,2019,0.1\n指标C,个,110000,北京,2019,\n'
    );
  });

  it("reads merged title and header cells of a workbook as a CSV export shows them (blank after the first)", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("6-13");
    sheet.addRow(["6-13 分地区城乡居民人均可支配收入（2019年）", "", ""]);
    sheet.mergeCells("A1:C1");
    sheet.addRow(["地区", "人均可支配收入(元)", ""]);
    sheet.mergeCells("B2:C2");
    sheet.addRow(["", "城镇居民", "农村居民"]);
    sheet.addRow(["全　　国", 42359, 16021]);
    const path = join(tmp, "merged.xlsx");
    await workbook.xlsx.writeFile(path);
    const {rows} = await ingest(path);
    expect(rows.map((r) => [r.indicator, r.unit, r.year, r.value])).toEqual([
      ["人均可支配收入城镇居民", "元", 2019, 42359],
      ["人均可支配收入农村居民", "元", 2019, 16021]
    ]);
  });

  it("reads the first sheet or a named sheet of an XLSX workbook, formulas by their saved result", async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet("说明").addRow(["本工作簿为测试用 (test workbook)"]);
    const sheet = workbook.addWorksheet("6-13");
    sheet.addRow(["6-13 分地区城乡居民人均可支配收入（2019年）"]);
    sheet.addRow(["地区", "城镇居民人均可支配收入(元)", "农村居民人均可支配收入(元)"]);
    sheet.addRow(["全　　国", 42359, {formula: "16000+21", result: 16021}]);
    sheet.addRow(["北　　京", 73849, 28928]);
    const path = join(tmp, "t.xlsx");
    await workbook.xlsx.writeFile(path);
    const {rows, manifest} = await ingest(path, {sheet: "6-13"});
    expect(manifest.source).toMatchObject({encoding: "xlsx", layout: "yearbook", notes: "sheet 6-13"});
    expect(rows.map((r) => [r.region, r.indicator, r.value])).toEqual([
      ["全国", "城镇居民人均可支配收入", 42359],
      ["全国", "农村居民人均可支配收入", 16021],
      ["北京", "城镇居民人均可支配收入", 73849],
      ["北京", "农村居民人均可支配收入", 28928]
    ]);
    // The first sheet holds only a note: no table there.
    await expect(ingest(path)).rejects.toThrow(
      `${path}:1: no region rows (全国, 北京, ...): not a table layout this loader reads`
    );
    await expect(ingest(path, {sheet: "nope"})).rejects.toThrow(`${path}: no sheet nope (sheets: 说明, 6-13)`);
  });
});
