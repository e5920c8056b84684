import {mkdtempSync, readFileSync, rmSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {afterAll, describe, expect, it} from "vitest";
import {ByteRecordSplitter, type FastRecord} from "../../../loaders/byteRecords.js";
import {ingestFile, ingestFileTo} from "../../../loaders/ingest.js";
import type {CsvRecord} from "../../../loaders/records.js";
import {encodeGb18030} from "../../fixtures/syntheticPortal.js";

const tmp = mkdtempSync(join(tmpdir(), "ys-bytes-"));
afterAll(() => rmSync(tmp, {recursive: true, force: true}));

// U+20000 (𠀀), a 4-byte GB18030 character: bytes 95 32 82 36. Its trail bytes are ASCII digits, never a delimiter.
const EXT_B = Buffer.from([0x95, 0x32, 0x82, 0x36]);
const gb = (...parts: (string | Buffer)[]) =>
  Buffer.concat(parts.map((p) => (typeof p === "string" ? encodeGb18030(p) : p)));

/** Feeds bytes as `run` does: a buffer of `size` bytes, an incomplete record moved to its front, grown if needed. */
function split(
  bytes: Buffer,
  size: number,
  fast: FastRecord | null = null,
  encoding: "gb18030" | "utf-8" = "gb18030"
) {
  const out: CsvRecord[] = [];
  const s = new ByteRecordSplitter("x.csv", encoding, ",", (r) => out.push({cells: r.cells, line: r.line}));
  s.fast = fast;
  let buffer = Buffer.alloc(size);
  let used = 0;
  for (let offset = 0; offset < bytes.length; ) {
    if (used === buffer.length) {
      const keep = s.scan(buffer, 0, used, false);
      if (keep === 0) buffer = Buffer.concat([buffer, Buffer.alloc(buffer.length)]);
      else {
        buffer.copy(buffer, 0, keep, used);
        used -= keep;
      }
    }
    const m = bytes.copy(buffer, used, offset, Math.min(bytes.length, offset + buffer.length - used));
    offset += m;
    used += m;
  }
  s.scan(buffer, 0, used, true);
  return out;
}

describe("ByteRecordSplitter", () => {
  const file = gb("地区,2019年\r\n", EXT_B, "市,\"42,359\"\r\n\r\n北京,\"a\r\nb\"\"c\",x\nlast,1");
  const expected = [
    {cells: ["地区", "2019年"], line: 1},
    {cells: ["\u{20000}市", "42,359"], line: 2},
    {cells: [""], line: 3},
    // CRLF inside a quoted field is part of the field (RFC 4180).
    {cells: ["北京", 'a\r\nb"c', "x"], line: 4},
    {cells: ["last", "1"], line: 6}
  ];

  it("splits CRLF and LF lines, quoted cells with separators and breaks, a 4-byte character, in any chunking", () => {
    for (const size of [1, 2, 3, 5, 7, 16, 1024]) expect(split(file, size)).toEqual(expected);
  });

  it("gives the same records as decoding the whole UTF-8 text first", () => {
    const text = "地区,2019年\r\n\u{20000}市,\"42,359\"\r\n\r\n北京,\"a\r\nb\"\"c\",x\nlast,1";
    expect(split(Buffer.from(text), 4, null, "utf-8")).toEqual(expected);
  });

  it("names the line and column of a bad byte sequence", () => {
    const bad = gb("地区,2019年\r\n北京,1\r\n天津,", Buffer.from([0xff, 0x31]), "\r\n");
    for (const size of [4, 1024])
      expect(() => split(bad, size)).toThrow("x.csv:3:2: not valid gb18030 text (try --encoding)");
    // A lead byte followed by a delimiter is invalid in the first cell, not a character spanning two cells.
    expect(() => split(gb("北京", Buffer.from([0x81]), ",1\n"), 64)).toThrow("x.csv:1:1: not valid gb18030 text");
  });

  it("tells a character cut by the end of the file from invalid bytes", () => {
    const cut = gb("地区,2019年\r\n北京,1\r\n天津", Buffer.from([0xbd]));
    expect(() => split(cut, 8)).toThrow("x.csv:3: file ends inside a gb18030 character (truncated?)");
  });

  it("refuses an unterminated quoted field at the line where it opens", () => {
    expect(() => split(gb('a,b\n"c,d\ne,f\n'), 4)).toThrow(
      "x.csv:2: unterminated quoted field (file ends inside quotes)"
    );
  });

  it("offers unquoted records to a fast path as byte ranges and decodes the rest", () => {
    const seen: string[] = [];
    const fast: FastRecord = (bytes, starts, ends, count, line) => {
      if (line !== 2) return false;
      for (let i = 0; i < count; i++) seen.push(Buffer.from(bytes.subarray(starts[i], ends[i])).toString("latin1"));
      return true;
    };
    const records = split(gb("地区,2019\r\nx,1,,2\r\n北京,3\r\n"), 8, fast);
    expect(seen).toEqual(["x", "1", "", "2"]);
    expect(records).toEqual([
      {cells: ["地区", "2019"], line: 1},
      {cells: ["北京", "3"], line: 3}
    ]);
  });
});

describe("ByteRecordSplitter's plain-row loop and remembered lines", () => {
  // Rows of a name and plain integers take a tighter loop once a fast path is set; everything else, the general one.
  const rows = gb(
    "地区,2019年,2018年\r\n北京市,73849,67990\r\n天津,1,\r\nx,007,123456789012345\n",
    "y,1234567890123456,2\r\nz,1\r2\r\n河北,-3,4\r\n山西,5,6"
  );
  const seen = (fast: boolean, size: number) => {
    const offered: {cells: string[]; numbers: number[]; line: number}[] = [];
    const records = split(
      rows,
      size,
      fast
        ? (bytes, starts, ends, count, line, numbers) => {
            const cells = Array.from({length: count}, (_, i) =>
              Buffer.from(bytes.subarray(starts[i], ends[i])).toString("latin1")
            );
            offered.push({cells, numbers: Array.from(numbers.subarray(0, count)), line});
            return false;
          }
        : null
    );
    return {records, offered};
  };

  it("offers the same cells and numbers and gives the same records, in any chunking", () => {
    const plain = seen(false, 1024).records;
    for (const size of [3, 8, 1024]) {
      const {records, offered} = seen(true, size);
      expect(records).toEqual(plain);
      expect(offered.map((o) => o.line)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
      expect(offered[1].numbers.slice(1)).toEqual([73849, 67990]);
      expect(offered[2].cells.slice(1)).toEqual(["1", ""]);
      expect(offered[2].numbers.slice(1)).toEqual([1, NaN]);
      expect(offered[3].numbers).toEqual([NaN, 7, 123456789012345]);
      expect(offered[4].numbers).toEqual([NaN, NaN, 2]); // 16 digits: not read as a number
      expect(offered[5].numbers).toEqual([NaN, NaN]); // a lone CR inside a cell
      expect(offered[6].numbers).toEqual([NaN, NaN, 4]);
      expect(offered[7].numbers).toEqual([NaN, 5, 6]); // the last line, without a line break
    }
  });

  it("gives a line seen before the same frozen cells, on its own line number", () => {
    const records = split(gb("数据库：分省\r\n指标：a(元)\r\n数据库：分省\r\n指标：b(元)\r\n数据库：分省\r\n"), 16);
    expect(records.map((r) => [r.line, ...r.cells])).toEqual([
      [1, "数据库：分省"],
      [2, "指标：a(元)"],
      [3, "数据库：分省"],
      [4, "指标：b(元)"],
      [5, "数据库：分省"]
    ]);
    const out: CsvRecord[] = [];
    const s = new ByteRecordSplitter("x.csv", "gb18030", ",", (r) => out.push(r));
    const bytes = gb("地区,2019年\r\n".repeat(3));
    s.scan(bytes, 0, bytes.length, true);
    expect(out[2].cells).toBe(out[1].cells);
    expect(Object.isFrozen(out[2].cells)).toBe(true);
  });

  it("hands a parser the first cell's bytes of a remembered row even when it was remembered before the parser came", () => {
    const out: CsvRecord[] = [];
    const s = new ByteRecordSplitter("x.csv", "gb18030", ",", (r) => out.push(r));
    const row = gb("北京市,1.5,2\r\n");
    const bytes = Buffer.concat([row, row, row]);
    s.scan(bytes, 0, row.length * 2, false);
    s.fast = () => false;
    s.scan(bytes, row.length * 2, bytes.length, true);
    expect(out.map((r) => r.first === undefined)).toEqual([true, true, false]);
    expect(Buffer.from(out[2].first!)).toEqual(gb("北京市"));
  });

  it("decodes a cell longer than 4,096 characters", () => {
    const long = "统计".repeat(3000);
    expect(split(gb(`${long},1\r\n`), 1024)[0].cells[0]).toBe(long);
  });
});

describe("the byte path end to end", () => {
  // 60 portal blocks (more than layout detection buffers, so later region rows take the byte hot path), as GB18030
  // and as UTF-16LE, which is decoded and split as text: both must give the same rows and the same tidy CSV.
  const blocks = (last = "") =>
    Array.from(
      {length: 60},
      (_, k) =>
        `数据库：分省年度数据\r\n指标：合成指标${k}(${k % 2 ? "万元" : "元"})\r\n时间：2018-2019\r\n地区,2019年,2018年\r\n` +
        `北京市,${k + 1},67990\r\n天津市,"42,404",0.5\r\n河北省,-,4.25\r\n山西省,12*,\r\n${k === 59 ? last : ""}数据来源：合成数据\r\n`
    ).join("");

  it("gives the same rows and tidy CSV as the text path (separators, missing, notes, decimals, unit conversion)", () => {
    const gbPath = join(tmp, "p-gb.csv");
    const utf16Path = join(tmp, "p-utf16.csv");
    writeFileSync(gbPath, encodeGb18030(blocks()));
    writeFileSync(utf16Path, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(blocks(), "utf16le")]));
    const a = ingestFile(gbPath);
    const b = ingestFile(utf16Path);
    expect(a.manifest.source.encoding).toBe("gb18030");
    expect(b.manifest.source.encoding).toBe("utf-16le");
    expect(a.rows.length).toBe(60 * 4 * 2);
    expect(a.rows).toEqual(b.rows);
    expect(a.rows.filter((r) => r.indicator === "合成指标59" && r.region === "北京")).toEqual([
      {indicator: "合成指标59", unit: "元", region_code: "110000", region: "北京", year: 2019, value: 600000},
      {indicator: "合成指标59", unit: "元", region_code: "110000", region: "北京", year: 2018, value: 679900000}
    ]);
    ingestFileTo(gbPath, join(tmp, "a.tidy.csv"));
    ingestFileTo(utf16Path, join(tmp, "b.tidy.csv"));
    expect(readFileSync(join(tmp, "a.tidy.csv"), "utf8")).toBe(readFileSync(join(tmp, "b.tidy.csv"), "utf8"));
  });

  it("reports a duplicate region row, an unknown 4-byte region and a bad number on their lines after the hot path started", () => {
    const path = join(tmp, "bad.csv");
    // The appended row takes the line of the last block's source line, which moves one down.
    const at = blocks().split("\r\n").length - 1;
    writeFileSync(path, encodeGb18030(blocks("北京市,1,2\r\n")));
    expect(() => ingestFile(path)).toThrow(`${path}:${at}:2: duplicate key: 合成指标59, 北京, 2019 appears twice`);
    const text = blocks("@@,1,2\r\n").split("@@");
    writeFileSync(path, Buffer.concat([encodeGb18030(text[0]), EXT_B, encodeGb18030("市" + text[1])]));
    expect(() => ingestFile(path)).toThrow(`${path}:${at}:1: unknown region "\u{20000}市"`);
    writeFileSync(path, encodeGb18030(blocks("内蒙古自治区,1,3x\r\n")));
    expect(() => ingestFile(path)).toThrow(`${path}:${at}:3: "3x" is not a number (column 2018年)`);
  });
});
