import {describe, expect, it} from "vitest";
import {convert, splitIndicator, unitInfo} from "../../../loaders/units.js";

describe("units", () => {
  it.each([
    ["元", "元", 1],
    ["万元", "元", 1e4],
    ["亿元", "元", 1e8],
    ["%", "%", 1],
    ["％", "%", 1],
    ["亩", "万亩", 1e-4],
    ["万亩", "万亩", 1],
    ["亿亩", "万亩", 1e4],
    ["公里", "公里", 1],
    ["万公里", "公里", 1e4],
    ["万吨/日", "万吨/日", 1],
    ["吨/日", "万吨/日", 1e-4],
    ["万人", "万人", 1]
  ])("%s converts to %s × %d", (unit, canonical, factor) => {
    expect(unitInfo(unit)).toMatchObject({canonical, factor});
  });

  it("gives one shared, frozen description per unit as written", () => {
    expect(unitInfo("万元")).toBe(unitInfo("万元"));
    expect(Object.isFrozen(unitInfo("万元"))).toBe(true);
    expect(unitInfo("万元")).not.toBe(unitInfo("元"));
  });

  it("converts without binary noise", () => {
    expect(convert(1.09456, 1e4)).toBe(10945.6);
    expect(convert(804600, 1e-4)).toBe(80.46);
  });

  it("splits the unit off an NBS indicator label, but keeps brackets that are not units", () => {
    expect(splitIndicator("指标：城镇居民人均可支配收入(元)")).toEqual({name: "城镇居民人均可支配收入", unit: "元"});
    expect(splitIndicator("城镇人口（万人）")).toEqual({name: "城镇人口", unit: "万人"});
    expect(splitIndicator("新增城际铁路运营里程（2021—2025年新增）")).toEqual({
      name: "新增城际铁路运营里程（2021—2025年新增）",
      unit: null
    });
  });
});
