import {describe, expect, it} from "vitest";
import {cleanText, looksLikeFormula, parseStatCell, toHalfWidth} from "../../../loaders/statCell.js";

const num = (value: number, extra: {percent?: boolean; note?: string | null} = {}) => ({
  kind: "number",
  value,
  percent: false,
  note: null,
  ...extra
});

describe("parseStatCell", () => {
  it.each([
    ["42359", num(42359)],
    ["42,359", num(42359)],
    ["1,234,567.5", num(1234567.5)],
    ["４２，３５９", num(42359)],
    ["７３８４９．５", num(73849.5)],
    [" 16021 ", num(16021)],
    ["1234*", num(1234, {note: "*"})],
    ["56.7①", num(56.7, {note: "①"})],
    ["87.2%", num(87.2, {percent: true})],
    ["87.2％", num(87.2, {percent: true})],
    ["-3.5", num(-3.5)]
  ])("reads %j as a number", (raw, expected) => {
    expect(parseStatCell(raw)).toEqual(expected);
  });

  it.each(["", " ", "…", "……", "...", "-", "—", "－", "——"])("reads %j as missing, never 0", (raw) => {
    expect(parseStatCell(raw)).toEqual({kind: "missing"});
  });

  it.each(["3x849", "12,34", "1.2.3", "n/a?", "约100"])("rejects %j as not a number", (raw) => {
    expect(parseStatCell(raw)).toEqual({kind: "error", message: "is not a number"});
  });

  it("refuses formula-like cells before anything else", () => {
    expect(parseStatCell("=cmd|' /C calc'!A0")).toEqual({kind: "error", message: "looks like a spreadsheet formula"});
    expect(parseStatCell("@SUM(1+1)")).toEqual({kind: "error", message: "looks like a spreadsheet formula"});
  });
});

describe("looksLikeFormula and toHalfWidth", () => {
  it("flags = @ + - followed by text, but not signed numbers or missing dashes", () => {
    expect(["=1+1", "@SUM(A1)", "+cmd|x", "-cmd|x", "＝1"].map(looksLikeFormula)).toEqual([
      true,
      true,
      true,
      true,
      true
    ]);
    expect(["-3.5", "+2", "-", "北京", "42,359"].map(looksLikeFormula)).toEqual([false, false, false, false, false]);
    // Leading spaces and tabs do not hide a formula from the check that skips plain cells.
    expect([" =1+1", "\u3000@SUM(A1)", "\t1", "A1", "1=1", "Beijing"].map(looksLikeFormula)).toEqual([
      true,
      true,
      true,
      false,
      false,
      false
    ]);
  });
  it("trims half-width, full-width and no-break spaces and leaves plain cells as they are", () => {
    expect(["北京", " 北京", "北京　", "\u00a0北 京\t", "　", "", "a", "北　　京"].map(cleanText)).toEqual([
      "北京",
      "北京",
      "北京",
      "北 京",
      "",
      "",
      "a",
      "北　　京"
    ]);
  });
  it("folds full-width digits, punctuation and spaces", () => {
    expect(toHalfWidth("　４２，３５９．５％　")).toBe("42,359.5%");
  });
});
