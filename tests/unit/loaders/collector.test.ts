import {describe, expect, it} from "vitest";
import {Collector} from "../../../loaders/Collector.js";
import {REGIONS} from "../../../loaders/regions.js";
import type {TidyRow} from "../../../loaders/tidy.js";

describe("Collector duplicate keys", () => {
  it("grows each indicator's year masks to any year 1949-2100 and still finds a repeated key", () => {
    const rows: TidyRow[] = [];
    const c = new Collector("k.csv", (r) => rows.push({...r}));
    const a = c.indicator("城镇居民人均可支配收入", "元", 1);
    const b = c.indicator("农村居民人均可支配收入", "元", 2);
    const years = [2000, 1949, 2100, 2010, 1990, 2099];
    years.forEach((year, i) => c.value(a, REGIONS[1], year, "100", 3 + i, 2, "value"));
    years.forEach((year, i) => c.value(b, REGIONS[1], year, "100", 10 + i, 2, "value"));
    c.value(a, REGIONS[2], 2000, "100", 20, 2, "value");
    expect(rows.map((r) => r.year)).toEqual([...years, ...years, 2000]);
    for (const year of years)
      expect(() => c.value(a, REGIONS[1], year, "1", 30, 4, "value")).toThrow(
        `k.csv:30:4: duplicate key: 城镇居民人均可支配收入, 北京, ${year} appears twice`
      );
    expect(c.fits(a, REGIONS[1], 2000, 5)).toBe(false);
    expect(c.fits(a, REGIONS[3], 2000, 5)).toBe(true);
    expect(c.fits(a, REGIONS[3], 2000, -5)).toBe(false); // outside the schema: zod decides in value()
  });
});
