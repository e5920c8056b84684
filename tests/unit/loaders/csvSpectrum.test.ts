import {readdirSync, readFileSync} from "node:fs";
import {describe, expect, it} from "vitest";
import {ByteRecordSplitter} from "../../../loaders/byteRecords.js";
import {RecordSplitter, type CsvRecord} from "../../../loaders/records.js";

// csv-spectrum (a peer suite of 12 CSV files with the values each must give) through both record splitters.
const DIR = "node_modules/csv-spectrum";
const NAMES = readdirSync(`${DIR}/csvs`).map((f) => f.replace(/\.csv$/, ""));

/**
 * The suite's expected objects. Its location_coordinates.json is one object, not a list, and gives another phone
 * number (1234567890) than its own CSV (2095257564): the CSV is what the splitters read, so it decides.
 */
function expected(name: string): Record<string, string>[] {
  const parsed = JSON.parse(readFileSync(`${DIR}/json/${name}.json`, "utf8")) as Record<string, string>[];
  const rows = Array.isArray(parsed) ? parsed : [parsed];
  if (name === "location_coordinates") {
    expect(rows[0]["Contact Phone Number"]).toBe("1234567890");
    rows[0]["Contact Phone Number"] = "2095257564"; // as the CSV says
  }
  return rows;
}

const objects = (records: CsvRecord[]) =>
  records.slice(1).map((r) => Object.fromEntries(records[0].cells.map((name, i) => [name, r.cells[i]])));

function byText(bytes: Buffer, chunk: number): CsvRecord[] {
  const out: CsvRecord[] = [];
  const splitter = new RecordSplitter("s.csv", ",", (r) => out.push(r));
  const text = bytes.toString("utf8");
  for (let i = 0; i < text.length; i += chunk) splitter.push(text.slice(i, i + chunk));
  splitter.end();
  return out;
}

function byBytes(bytes: Buffer, size: number): CsvRecord[] {
  const out: CsvRecord[] = [];
  const splitter = new ByteRecordSplitter("s.csv", "utf-8", ",", (r) => out.push({cells: r.cells, line: r.line}));
  // The read loop's way: a buffer of `size`, the incomplete last record moved to its front, grown when it is full.
  let buffer = Buffer.alloc(size);
  let used = 0;
  for (let offset = 0; offset < bytes.length; ) {
    if (used === buffer.length) {
      const keep = splitter.scan(buffer, 0, used, false);
      if (keep === 0) buffer = Buffer.concat([buffer, Buffer.alloc(buffer.length)]);
      else {
        buffer.copy(buffer, 0, keep, used);
        used -= keep;
      }
    }
    const n = Math.min(buffer.length - used, bytes.length - offset);
    bytes.copy(buffer, used, offset, offset + n);
    used += n;
    offset += n;
  }
  splitter.scan(buffer, 0, used, true);
  return out;
}

describe("csv-spectrum", () => {
  it("has its 12 files", () => {
    expect(NAMES.length).toBe(12);
  });

  describe.each(NAMES)("%s", (name) => {
    const bytes = readFileSync(`${DIR}/csvs/${name}.csv`);
    it("gives the expected values through the text splitter, whole and in 3-character chunks", () => {
      expect(objects(byText(bytes, bytes.length + 1))).toEqual(expected(name));
      expect(objects(byText(bytes, 3))).toEqual(expected(name));
    });
    it("gives the expected values through the byte splitter, whole and in a 4-byte buffer", () => {
      expect(objects(byBytes(bytes, bytes.length + 1))).toEqual(expected(name));
      expect(objects(byBytes(bytes, 4))).toEqual(expected(name));
    });
  });
});

describe("quotes the suite does not cover", () => {
  const cases: [string, string[][]][] = [
    // A bare quote inside an unquoted field is kept as written, whatever follows it.
    ['a,37°36\'37.8"N,b\n', [["a", "37°36'37.8\"N", "b"]]],
    ['x"y"z,1\n', [['x"y"z', "1"]]],
    ['5",2\n3,4\n', [['5"', "2"], ["3", "4"]]],
    // Text after a closing quote is kept too (only the quotes are syntax).
    ['"a"b,c\n', [["ab", "c"]]],
    // A quoted field with CRLF and with a bare LF keeps each as written.
    ['"1\r\n2","3\n4"\r\n', [["1\r\n2", "3\n4"]]]
  ];
  it.each(cases)("%j", (text, cells) => {
    const bytes = Buffer.from(text);
    expect(byText(bytes, 2).map((r) => r.cells)).toEqual(cells);
    expect(byBytes(bytes, 3).map((r) => r.cells)).toEqual(cells);
  });
});
