import {describe, expect, it} from "vitest";
import {formatTsv, parseTsv} from "../../../components/grid/tsv.js";

describe("parseTsv", () => {
  it("parseTsv splits an Excel CRLF block into rows and drops the one trailing newline", () => {
    expect(parseTsv("1.1\t2.2\r\n3.3\t4.4\r\n")).toEqual([["1.1", "2.2"], ["3.3", "4.4"]]);
  });
  it("parseTsv accepts LF and lone CR row ends and keeps empty cells", () => {
    expect(parseTsv("a\t\nb\tc")).toEqual([["a", ""], ["b", "c"]]);
    expect(parseTsv("a\rb\r")).toEqual([["a"], ["b"]]);
  });
  it("parseTsv keeps a blank row inside the block but not after it", () => {
    expect(parseTsv("1\r\n\r\n2\r\n")).toEqual([["1"], [""], ["2"]]);
  });
  it("parseTsv unquotes cells holding tabs, newlines and doubled quotes", () => {
    expect(parseTsv('"a\tb"\t"say ""hi"""\r\n"x\r\ny"\tz')).toEqual([["a\tb", 'say "hi"'], ["x\r\ny", "z"]]);
  });
  it("parseTsv keeps a stray quote as typed", () => {
    expect(parseTsv('"abc\t1')).toEqual([['"abc', "1"]]);
  });
  it("parseTsv of empty text is no rows", () => {
    expect(parseTsv("")).toEqual([]);
  });
});

describe("formatTsv", () => {
  it("formatTsv writes CRLF rows and quotes only what needs it, and parseTsv reads it back", () => {
    const rows = [["6.5", "a\tb"], ['q"', "x"]];
    const text = formatTsv(rows);
    expect(text).toBe('6.5\t"a\tb"\r\n"q"""\tx\r\n');
    expect(parseTsv(text)).toEqual(rows);
  });
});
