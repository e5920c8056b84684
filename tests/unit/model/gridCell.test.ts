import {describe, expect, it} from "vitest";
import {formatGridCell, parseGridCell, type ColumnSpec} from "../../../components/model/gridCell.js";

const percent: ColumnSpec = {key: "rural", label: "农村增速", kind: "percent"};
const fraction: ColumnSpec = {...percent, form: "fraction"};
const number: ColumnSpec = {key: "ratio", label: "城乡收入比", kind: "number"};
const amount: ColumnSpec = {key: "income", label: "农村收入", kind: "amount"};
const points: ColumnSpec = {key: "gain", label: "年增幅", kind: "points", min: -0.05, max: 0.1};

const value = (text: string, column: ColumnSpec) => {
  const result = parseGridCell(text, column);
  if (!result.ok) throw new Error(result.message);
  return result.value;
};
const message = (text: string, column: ColumnSpec) => {
  const result = parseGridCell(text, column);
  return result.ok ? `accepted ${result.value}` : result.message;
};

describe("parseGridCell accepts", () => {
  it.each([
    ["6.5%", 0.065],
    ["6.5", 0.065],
    ["６．５％", 0.065],
    ["６．５", 0.065],
    ["  6.5 %  ", 0.065],
    ["\u00a06.5%\t", 0.065],
    ["　6.5％　", 0.065],
    ["+6.5%", 0.065],
    ["−1.2%", -0.012],
    ["－1.2", -0.012],
    ["-1.2", -0.012],
    ["0", 0],
    ["-0", 0],
    [".5", 0.005],
    ["7", 0.07],
    ["6.5E0%", 0.065]
  ])("parseGridCell(%j) in a percent column is %d", (text, expected) => {
    expect(value(text, percent)).toBe(expected);
  });

  it.each([
    ["0.065", 0.065],
    ["6.5%", 0.065],
    ["０．０６５", 0.065],
    ["−0.01", -0.01]
  ])("parseGridCell(%j) in a fraction-form percent column is %d", (text, expected) => {
    expect(value(text, fraction)).toBe(expected);
  });

  it.each([
    ["2.34", 2.34],
    ["12,345.5", 12345.5],
    ["１２，３４５", 12345],
    ["1e3", 1000],
    ["-2.5", -2.5]
  ])("parseGridCell(%j) in a number column is %d", (text, expected) => {
    expect(value(text, number)).toBe(expected);
  });

  it.each([
    ["1.2万", 12000],
    ["3亿", 3e8],
    ["1.2万元", 12000],
    ["0.5亿元", 5e7],
    ["23,119元", 23119],
    ["23,119", 23119],
    ["1,234,567.89", 1234567.89],
    ["２．３万", 23000],
    [" 1.2 万 ", 12000]
  ])("parseGridCell(%j) in an amount column is %d", (text, expected) => {
    expect(value(text, amount)).toBe(expected);
  });

  it.each([
    ["8000", 8000],
    ["8000万", 8000],
    ["0.8亿", 8000],
    ["1.2亿", 12000]
  ])("parseGridCell(%j) in an amount column stored in 万 (scale 10000) is %d", (text, expected) => {
    expect(value(text, {...amount, scale: 1e4})).toBe(expected);
  });

  it("an empty or blank cell is null (cleared), not 0 and not NaN", () => {
    for (const text of ["", "   ", "　"]) expect(parseGridCell(text, percent)).toEqual({ok: true, value: null});
  });
});

describe("parseGridCell rejects", () => {
  it.each([
    ["abc", `"abc" 不是数字 / not a number`],
    ["6.5.1", `"6.5.1" 不是数字 / not a number`],
    ["1,2x4", `"1,2x4" 不是数字 / not a number`],
    ["1,23", `"1,23" 不是数字 / not a number`],
    ["12,34,567", `"12,34,567" 不是数字 / not a number`],
    ["-", `"-" 不是数字 / not a number`],
    ["%", `"%" 不是数字 / not a number`],
    ["NaN", `"NaN" 不是数字 / not a number`],
    ["Infinity", `"Infinity" 不是数字 / not a number`],
    ["0x10", `"0x10" 不是数字 / not a number`],
    ["6.5%%", `"6.5%%" 不是数字 / not a number`],
    ["--5", `"--5" 不是数字 / not a number`],
    ["5-", `"5-" 不是数字 / not a number`],
    ["1 000", `"1 000" 不是数字 / not a number`],
    ["①", `"①" 不是数字 / not a number`],
    ["=1+1", `"=1+1" 不是数字 / not a number`]
  ])("parseGridCell(%j) in a percent column: %s", (text, expected) => {
    expect(message(text, percent)).toBe(expected);
  });

  it("refuses what overflows to Infinity instead of storing it", () => {
    expect(message("1e400", number)).toBe(`"1e400" 超出范围 / out of range`);
    expect(message("1e999%", percent)).toBe(`"1e999%" 超出范围 / out of range`);
  });

  it("refuses a percent sign outside percent columns and 万/亿 outside amount columns", () => {
    expect(message("5%", amount)).toBe(`"5%" 此列不是百分比 / this column is not a percentage`);
    expect(message("5%", number)).toBe(`"5%" 此列不是百分比 / this column is not a percentage`);
    expect(message("1.2万", percent)).toBe(`"1.2万" 此列不接受“万” / "万" is only for amounts`);
    expect(message("3亿", number)).toBe(`"3亿" 此列不接受“亿” / "亿" is only for amounts`);
  });

  it("refuses values outside the column's min and max, naming the range in the column's units", () => {
    const bounded: ColumnSpec = {...percent, min: -0.5, max: 0.5};
    expect(message("80%", bounded)).toBe(`"80%" 超出范围 -50%…50% / out of range -50%…50%`);
    expect(message("-51", bounded)).toBe(`"-51" 超出范围 -50%…50% / out of range -50%…50%`);
    expect(value("50%", bounded)).toBe(0.5);
  });

  it("shortens a long pasted text in the message", () => {
    const result = parseGridCell("x".repeat(10_000), percent);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message.length).toBeLessThan(80);
  });
});

describe("points columns (a change of a percentage, stored as a fraction)", () => {
  it("read a bare number, pp, 个百分点 and a percent sign as that many percentage points", () => {
    for (const text of ["2.6", "2.6pp", "2.6 PP", "2.6pt", "2.6个百分点", "2.6 百分点", "2.6%", "２．６％"]) expect(value(text, points), text).toBe(0.026);
    expect(value("-0.5", points)).toBe(-0.005);
  });
  it("show the number of points without a unit, and read it back to the same value", () => {
    for (const x of [0.026, 0.0262, -0.005, 0, 0.1, 0.1 + 0.2 - 0.3]) expect(value(formatGridCell(x, points), points)).toBe(x);
    expect(formatGridCell(0.026, points)).toBe("2.6");
    expect(formatGridCell(0.02625, {...points, digits: 2})).toBe("2.63");
  });
  it('with form "points", store the points themselves (0.8 for 0.8 points), read and shown the same way', () => {
    const inPoints: ColumnSpec = {key: "rise", label: "城镇化率年提高", kind: "points", form: "points", min: -5, max: 5};
    for (const text of ["0.8", "0.8pp", "0.8个百分点", "0.8%"]) expect(value(text, inPoints), text).toBe(0.8);
    expect(formatGridCell(0.8, inPoints)).toBe("0.8");
    expect(formatGridCell(1.234, {...inPoints, digits: 2})).toBe("1.23");
    expect(message("6", inPoints)).toBe(`"6" 超出范围 -5…5 / out of range -5…5`);
  });
  it("refuse amounts' suffixes, name the range in points, and other columns refuse pp", () => {
    expect(message("2万", points)).toBe(`"2万" 此列是百分点 / this column is in percentage points`);
    expect(message("12", points)).toBe(`"12" 超出范围 -5…10 / out of range -5…10`);
    expect(message("2pp", percent)).toBe(`"2pp" 此列不是百分点 / this column is not in percentage points`);
    expect(message("2个百分点", number)).toBe(`"2个百分点" 此列不是百分点 / this column is not in percentage points`);
  });
});

describe("formatGridCell", () => {
  it("shows percent columns as an exact percentage that parseGridCell reads back to the same number", () => {
    for (const x of [0.065, 0.07612345, -0.001, 0, 0.5, 1e-9, 0.1 + 0.2, 0.0761234567890123]) {
      const text = formatGridCell(x, percent);
      expect(text.endsWith("%")).toBe(true);
      expect(value(text, percent)).toBe(x);
      expect(value(text, fraction)).toBe(x);
    }
    expect(formatGridCell(0.065, percent)).toBe("6.5%");
    expect(formatGridCell(-0.012, percent)).toBe("-1.2%");
  });

  it("rounds for display when the column sets digits", () => {
    expect(formatGridCell(0.0761234, {...percent, digits: 2})).toBe("7.61%");
    expect(formatGridCell(2.34394, {...number, digits: 3})).toBe("2.344");
  });

  it("groups thousands in amount columns and round-trips them", () => {
    expect(formatGridCell(12345.6, amount)).toBe("12,345.6");
    expect(formatGridCell(-1234567, amount)).toBe("-1,234,567");
    expect(formatGridCell(999, amount)).toBe("999");
    for (const x of [12345.6, -1234567, 3e8, 0.25]) expect(value(formatGridCell(x, amount), amount)).toBe(x);
  });

  it("shows null as an empty cell and refuses NaN", () => {
    expect(formatGridCell(null, percent)).toBe("");
    expect(() => formatGridCell(NaN, percent)).toThrow("invalid cell value: NaN");
  });
});
