import {describe, expect, it} from "vitest";
import {plainNumber, plainNumberAt} from "../../../loaders/plainNumber.js";

const PLAIN = ["73849", "0", "-3.5", "1234567.25", ".5", "-0", "007", "123456789012345"];
const NOT_PLAIN = ["", "-", "5.", "42,359", "1e5", " 1", "1234567890123456", "１２", "12*", "1 000", "+5", "3.x"];

describe("plainNumber", () => {
  it("reads plain ASCII decimals exactly as Number() does", () => {
    for (const text of PLAIN) expect(plainNumber(text)).toBe(Number(text));
  });

  it("gives null for everything else, which parseStatCell then decides", () => {
    for (const text of NOT_PLAIN) expect(plainNumber(text)).toBeNull();
  });
});

describe("plainNumberAt", () => {
  it("reads the same numbers from the bytes of a cell", () => {
    for (const text of PLAIN) {
      const bytes = Buffer.from(` ${text} `);
      expect(plainNumberAt(bytes, 1, bytes.length - 1)).toBe(Number(text));
    }
  });

  it("gives NaN where plainNumber gives null, non-ASCII bytes included", () => {
    for (const text of [...NOT_PLAIN, "北京"]) {
      const bytes = Buffer.from(text);
      expect(plainNumberAt(bytes, 0, bytes.length)).toBeNaN();
    }
  });
});
