import {closeSync, mkdtempSync, openSync, readFileSync, rmSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {afterAll, describe, expect, it} from "vitest";
import {REGIONS} from "../../../loaders/regions.js";
import {
  formatNumber,
  formatTidyCsv,
  formatTidyLine,
  indicatorFront,
  parseTidyCsv,
  regionFront,
  TIDY_HEADER,
  type TidyRow
} from "../../../loaders/tidy.js";
import {TidyLineEncoder, utf8, writeNumber} from "../../../loaders/tidyEncoder.js";
import {bufferedWriter, lineWriter} from "../../../loaders/tidyWriter.js";

const tmp = mkdtempSync(join(tmpdir(), "ys-encoder-"));
afterAll(() => rmSync(tmp, {recursive: true, force: true}));

const NUMBERS = [0, 7, 10, 99, 100, 73849, 2147483647, 2147483648, -1, -0, 0.5, 0.1 + 0.2, 1e21, 123456.789, -3.25, 1e-7];

const ROWS: TidyRow[] = [
  {indicator: "城镇居民人均可支配收入", unit: "元", region_code: "110000", region: "北京", year: 2019, value: 73849},
  {indicator: 'a,"quoted"', unit: "万元", region_code: "CN", region: "全国", year: 2019, value: null},
  {indicator: "line\nbreak", unit: "%", region_code: "120000", region: "天津", year: 999, value: 0.1 + 0.2},
  {indicator: "x", unit: "", region_code: "130000", region: "河北", year: 2020, value: -5}
];

describe("writeNumber", () => {
  it("writes the same text as formatNumber", () => {
    for (const v of NUMBERS) {
      const bytes = new Uint8Array(64);
      const end = writeNumber(bytes, 3, v);
      expect(Buffer.from(bytes.subarray(3, end)).toString("latin1")).toBe(formatNumber(v));
    }
  });
});

describe("TidyLineEncoder", () => {
  const encode = (work: (e: TidyLineEncoder) => void) => {
    const parts: Buffer[] = [];
    const e = new TidyLineEncoder((bytes, n) => parts.push(Buffer.from(bytes.subarray(0, n))));
    work(e);
    e.flush();
    return Buffer.concat(parts).toString("utf8");
  };

  it("encodes lines byte for byte as formatTidyLine, quoting and missing values included", () => {
    const text = encode((e) => {
      for (const r of ROWS) e.line(utf8(indicatorFront(r.indicator, r.unit)), utf8(regionFront(r.region_code, r.region)), r.year, r.value);
    });
    expect(text).toBe(ROWS.map(formatTidyLine).join(""));
  });

  it("writes a region row's years and values after copies of its fronts", () => {
    const text = encode((e) => e.lines(utf8("i,元,"), utf8("CN,全国,"), [2019, 2018, 999], Float64Array.from([9, 1, 2, 3.5]), 1, 3));
    expect(text).toBe("i,元,CN,全国,2019,1\ni,元,CN,全国,2018,2\ni,元,CN,全国,999,3.5\n");
  });

  it("flushes when the buffer fills and writes raw text longer than the buffer", () => {
    const long = "x".repeat(3 << 20);
    const text = encode((e) => {
      e.raw(utf8("head\n"));
      for (let i = 0; i < 40_000; i++) e.lines(utf8("i,元,"), utf8("CN,全国,"), [2019], [i], 0, 1);
      e.raw(utf8(long));
    });
    const lines = Array.from({length: 40_000}, (_, i) => `i,元,CN,全国,2019,${i}\n`).join("");
    expect(text).toBe("head\n" + lines + long);
  });
});

describe("bufferedWriter and lineWriter", () => {
  it("write the same bytes as formatTidyCsv, for rows and region rows", () => {
    const outputs = [bufferedWriter, lineWriter].map((make, k) => {
      const path = join(tmp, `w${k}.csv`);
      const fd = openSync(path, "w");
      const w = make(fd);
      w.write(TIDY_HEADER);
      for (const r of ROWS) w.row({...r});
      w.plainRow("合成指标", "元", REGIONS[1], [2019, 2018], Float64Array.from([1.5, 2]), 2);
      w.finish();
      closeSync(fd);
      return readFileSync(path, "utf8");
    });
    const expected = formatTidyCsv([
      ...ROWS,
      {indicator: "合成指标", unit: "元", region_code: REGIONS[1].code, region: REGIONS[1].zh, year: 2019, value: 1.5},
      {indicator: "合成指标", unit: "元", region_code: REGIONS[1].code, region: REGIONS[1].zh, year: 2018, value: 2}
    ]);
    expect(outputs[0]).toBe(expected);
    expect(outputs[1]).toBe(expected);
  });
});

describe("parseTidyCsv", () => {
  it("reads back what formatTidyCsv wrote, a missing value as null", () => {
    expect(parseTidyCsv(formatTidyCsv(ROWS))).toEqual(ROWS.map((r) => ({...r, value: r.value === null ? null : Number(formatNumber(r.value))})));
  });
});
