import {describe, expect, it} from "vitest";
import {decodeText, detectEncoding} from "../../../loaders/decodeText.js";

const gb18030 = (hex: string) => Uint8Array.from(hex.match(/../g)!.map((h) => parseInt(h, 16)));

describe("decodeText", () => {
  it("decodes GB18030 bytes, including 4-byte characters that the gbk label loses", () => {
    // "地区" then 𠮷 (U+20BB7), a 4-byte GB18030 sequence.
    const bytes = gb18030("b5d8c7f8" + "9534b235");
    expect(decodeText(bytes)).toEqual({text: "地区𠮷", encoding: "gb18030"});
  });

  it("strips a UTF-8 BOM and detects UTF-16LE with a BOM", () => {
    expect(decodeText(Uint8Array.from([0xef, 0xbb, 0xbf, 0x61]))).toEqual({text: "a", encoding: "utf-8"});
    expect(decodeText(Uint8Array.from([0xff, 0xfe, 0x61, 0x00, 0x2c, 0x00]))).toEqual({text: "a,", encoding: "utf-16le"});
  });

  it("honours an explicit encoding and names the file when the bytes do not fit it", () => {
    expect(() => decodeText(gb18030("b5d8c7f8"), {file: "d.csv", encoding: "utf-8"})).toThrow("d.csv:1: not valid utf-8 text");
    expect(() => decodeText(gb18030("61"), {file: "d.csv", encoding: "latin9"})).toThrow("d.csv: unknown encoding: latin9");
  });
});

describe("detectEncoding", () => {
  it("prefers UTF-8 when the bytes are valid UTF-8", () => {
    expect(detectEncoding(new TextEncoder().encode("地区,2019年"))).toBe("utf-8");
  });
  it("detects UTF-16LE without a BOM from its zero bytes", () => {
    expect(detectEncoding(Uint8Array.from([0x61, 0, 0x62, 0, 0x63, 0, 0x2c, 0]))).toBe("utf-16le");
  });
});
