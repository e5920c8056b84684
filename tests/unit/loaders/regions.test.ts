import {describe, expect, it} from "vitest";
import {REGIONS, normalizeRegionName, resolveRegion, suggestRegion} from "../../../loaders/regions.js";

describe("resolveRegion", () => {
  it.each([
    ["北京", "110000"],
    ["北京市", "110000"],
    ["北　　京", "110000"],
    ["  内蒙古", "150000"],
    ["内蒙古自治区", "150000"],
    ["Inner Mongolia", "150000"],
    ["广西", "450000"],
    ["广西壮族自治区", "450000"],
    ["新疆维吾尔自治区", "650000"],
    ["Xinjiang", "650000"],
    ["Tibet", "540000"],
    ["shaanxi", "610000"],
    ["Shanxi", "140000"],
    ["11", "110000"],
    ["650000", "650000"],
    ["Guangxi Zhuang Autonomous Region", "450000"],
    ["Xinjiang Uygur Autonomous Region", "650000"],
    ["新疆维吾尔族自治区", "650000"],
    ["Tibet Autonomous Region", "540000"],
    ["Beijing Municipality", "110000"],
    ["全国", "CN"],
    ["全　　国", "CN"],
    ["National", "CN"],
    ["CN", "CN"]
  ])("maps %j to %s", (name, code) => {
    expect(resolveRegion(name)?.code).toBe(code);
  });

  it("covers the nation and 31 provincial-level regions with unique codes and names", () => {
    expect(REGIONS).toHaveLength(32);
    expect(new Set(REGIONS.map((r) => r.code)).size).toBe(32);
    expect(new Set(REGIONS.map((r) => r.zh)).size).toBe(32);
    expect(REGIONS.find((r) => r.code === "640000")).toMatchObject({zh: "宁夏", full: "宁夏回族自治区", en: "Ningxia"});
  });

  it("returns undefined for an unknown name and suggests the closest spelling", () => {
    expect(resolveRegion("北亰")).toBeUndefined();
    expect(suggestRegion("北亰")).toBe("北京");
    expect(suggestRegion("Beijng")).toBe("Beijing");
    expect(suggestRegion("火星")).toBeUndefined();
    expect(normalizeRegionName("北　　京*")).toBe("北京");
  });
});
