import {describe, expect, it} from "vitest";
import {guessDelimiter, RecordSplitter, type CsvRecord} from "../../../loaders/records.js";

function split(chunks: string[], delimiter = ","): CsvRecord[] {
  const out: CsvRecord[] = [];
  const s = new RecordSplitter("x.csv", delimiter, (r) => out.push(r));
  chunks.forEach((c) => s.push(c));
  s.end();
  return out;
}

describe("RecordSplitter", () => {
  it("splits CRLF lines in any chunking and counts 1-based lines", () => {
    const text = 'a,b\r\n"42,359",x\r\n\r\nlast,1';
    const expected = [
      {cells: ["a", "b"], line: 1},
      {cells: ["42,359", "x"], line: 2},
      {cells: [""], line: 3},
      {cells: ["last", "1"], line: 4}
    ];
    expect(split([text])).toEqual(expected);
    expect(split([...text])).toEqual(expected);
  });

  it("keeps a quoted line break inside one record that starts on its first line", () => {
    expect(split(['a,"two\nlines",b\nc\n'])).toEqual([
      {cells: ["a", "two\nlines", "b"], line: 1},
      {cells: ["c"], line: 3}
    ]);
  });

  it("throws at the line where an unterminated quote starts", () => {
    expect(() => split(['a\n"open,b\nc\n'])).toThrow("x.csv:2: unterminated quoted field");
  });

  it("guesses tabs for Excel's Unicode text and commas otherwise", () => {
    expect(guessDelimiter("地区\t2019年\n北京\t1\n")).toBe("\t");
    expect(guessDelimiter("地区,2019年\n北京,1\n")).toBe(",");
  });
});
