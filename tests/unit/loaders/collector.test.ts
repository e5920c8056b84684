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
    const row = (...values: number[]) => Float64Array.from(values);
    expect(c.fitsRow(a, REGIONS[1], [2001, 2000], row(5, 5), 2)).toBe(false);
    expect(c.fitsRow(a, REGIONS[3], [2001, 2000], row(5, 5), 2)).toBe(true);
    expect(c.fitsRow(a, REGIONS[3], [2001, 2000], row(5, -5), 2)).toBe(false); // outside the schema: zod decides
    // Years the masks do not hold yet are new keys.
    expect(c.fitsRow(b, REGIONS[1], [1960, 2001], row(5, 5), 2)).toBe(true);
    expect(c.fitsRow(b, REGIONS[1], [1960, 2099], row(5, 5), 2)).toBe(false);
  });
});
