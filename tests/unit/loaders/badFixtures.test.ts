import {mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {ingest, ingestFileTo, type IngestOptions} from "../../../loaders/ingest.js";

// Every malformed file in tests/fixtures/bad/ (written by tests/fixtures/makeLoaderFixtures.ts), the exact message
// with its 1-based line and column in the original file, and the options it is read with.
const CASES: [string, string, IngestOptions?][] = [
  ["empty.csv", "1:1: empty file"],
  ["blank-lines.csv", "3:1: empty file"],
  ["header-only-portal.csv", "5: table has a header but no data rows"],
  ["header-only-long.csv", "2: header only, no data rows"],
  ["truncated-mid-row.csv", "7:3: row has 3 fields, the header 4 (row cut short?)"],
  ["truncated-mid-character.csv", "7: file ends inside a gb18030 character (truncated?)"],
  ["unterminated-quote.csv", "5: unterminated quoted field (file ends inside quotes)"],
  ["ragged-row-long.csv", "5:5: row has 5 fields, the header 4"],
  ["text-in-number.csv", '8:4: "3x849" is not a number (column 2017年)'],
  ["text-in-number-yearbook.csv", '7:5: "n/a?" is not a number (column 农村居民人均消费支出)'],
  ["duplicate-region.csv", "6:2: duplicate key: 城镇居民人均可支配收入, 北京, 2019 appears twice"],
  ["duplicate-key-long.csv", "3:4: duplicate key: 城镇居民人均可支配收入, 北京, 2019 appears twice"],
  ["duplicate-year-header.csv", "4:4: year 2018 appears twice in the header"],
  ["unknown-region.csv", '6:1: unknown region "北亰市" (did you mean 北京?)'],
  ["unknown-region-english.csv", '2:3: unknown region "Beijng" (did you mean Beijing?)'],
  ["unknown-region-yearbook.csv", '7:1: unknown region "火星"'],
  ["negative-income.csv", "5:2: income must be positive: -73849 (城镇居民人均可支配收入, 北京 2019)"],
  ["rate-130.csv", "3:4: rate above 100%: 130 (resident_rate_pct, 天津 2019)"],
  ["rate-130-percent-sign.csv", "2:4: rate above 100%: 130% (地级及以上城市空气质量优良天数比率, 全国 2024)"],
  ["percent-in-money-column.csv", '5:4: "62.4%" has a percent sign in a column in 元 (column 2017年)'],
  ["years-out-of-order.csv", "4:4: years out of order: 2018年 after 2017年"],
  ["years-out-of-order-long.csv", "4:1: years out of order: 2018 after 2020 (line 3) for urban_income, 全国"],
  ["year-out-of-range.csv", "4:4: year before 1949: 1900"],
  ["not-a-year.csv", '4:4: "合计" is not a year'],
  ["formula-cmd.csv", `6:1: "=cmd|' /C calc'!A0" looks like a spreadsheet formula`],
  ["formula-sum.csv", `5:4: "@SUM(1+1)*cmd|' /C calc'!A0" looks like a spreadsheet formula (column 2017年)`],
  ["formula-indicator.csv", `4:1: "+cmd|' /C calc'!A0" looks like a spreadsheet formula`],
  ["formula-plus-digit.csv", `2:2: "+1+cmd|' /C calc'!A0" looks like a spreadsheet formula`],
  ["formula-minus-digit-national.csv", `4:1: "-2+3+cmd|' /C calc'!A0" looks like a spreadsheet formula`],
  ["formula-full-width.csv", '2:2: "＝1+1" looks like a spreadsheet formula'],
  ["formula-unit-long.csv", '2:5: unit "=HYPERLINK("http://x")" looks like a spreadsheet formula'],
  ["formula-tab-unit.csv", '2:5: unit "=1+1" looks like a spreadsheet formula'],
  ["formula-unit-yearbook.csv", `4:2: unit "-1+cmd|'/Ccalc'!A0" looks like a spreadsheet formula`],
  ["binary.png", "3:1: binary file, not text (NUL byte at offset 8)"],
  ["binary-gzip.csv", "1:4: binary file, not text (NUL byte at offset 3)"],
  ["old-excel.xls", "1:1: old Excel .xls workbook: save it as .xlsx or CSV"],
  ["mixed-encoding.csv", "6: mixed encodings: line 1 is UTF-8 but line 6 is not (give --encoding to choose)"],
  ["gbk-read-as-utf8.csv", "1:1: not valid utf-8 text", {encoding: "utf-8"}],
  ["missing-indicator.csv", "3:1: no 指标： line above the table names the indicator"],
  ["yearbook-no-year.csv", "1:1: no year in the title; give one with --year"],
  ["yearbook-row-without-region.csv", "7:1: row has figures but no region name"],
  ["unit-conflict.csv", "3:2: indicator 城镇居民人均可支配收入 is in 元 elsewhere but in % here"],
  ["region-code-mismatch.csv", '2:2: region "天津市" does not match code 11 (北京)'],
  ["not-a-table.txt", "2: no region rows (全国, 北京, ...): not a table layout this loader reads"]
];

const BAD = "tests/fixtures/bad";
const PREVIOUS = "indicator,unit,region_code,region,year,value\n城镇居民人均可支配收入,元,CN,全国,2024,54188\n";
let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "ys-bad-"));
});
afterAll(() => rmSync(dir, {recursive: true, force: true}));

describe("tests/fixtures/bad", () => {
  it("holds at least 30 malformed files, each with a case here", () => {
    const files = readdirSync(BAD);
    expect(files.length).toBeGreaterThanOrEqual(30);
    expect(files.filter((f) => f !== "broken-workbook.xlsx" && !CASES.some(([name]) => name === f))).toEqual([]);
  });

  it.each(CASES)(
    "%s fails with the located message and leaves the earlier output byte-identical",
    (name, where, options = {}) => {
      const out = join(dir, `${name}.tidy.csv`);
      writeFileSync(out, PREVIOUS);
      const file = `${BAD}/${name}`;
      let message = "";
      try {
        ingestFileTo(file, out, options);
      } catch (error) {
        message = (error as Error).message;
      }
      expect(message).toBe(`${file}:${where}`);
      expect(readFileSync(out, "utf8")).toBe(PREVIOUS);
      expect(readdirSync(dir).filter((f) => f.endsWith(".tmp"))).toEqual([]);
    }
  );

  it("a broken XLSX workbook is refused by the async reader", async () => {
    await expect(ingest(`${BAD}/broken-workbook.xlsx`)).rejects.toThrow(
      `${BAD}/broken-workbook.xlsx: not a readable XLSX workbook (Corrupted zip: can't find end of central directory)`
    );
  });

  it("a mixed-encoding file read with --encoding utf-8 is still refused at its first non-UTF-8 line", () => {
    expect(() => ingestFileTo(`${BAD}/mixed-encoding.csv`, join(dir, "m.csv"), {encoding: "utf-8"})).toThrow(
      `${BAD}/mixed-encoding.csv:6:1: not valid utf-8 text`
    );
  });
});
