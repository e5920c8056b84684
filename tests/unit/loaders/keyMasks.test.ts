import {describe, expect, it} from "vitest";
import {KeyMasks} from "../../../loaders/keyMasks.js";

describe("KeyMasks", () => {
  it("keeps one region bit per indicator and year, each indicator apart", () => {
    const keys = new KeyMasks();
    keys.add(0, 2019, 1 << 3);
    expect(keys.has(0, 2019, 1 << 3)).toBe(true);
    expect(keys.has(0, 2019, 1 << 4)).toBe(false);
    expect(keys.has(0, 2018, 1 << 3)).toBe(false);
    expect(keys.has(1, 2019, 1 << 3)).toBe(false);
    keys.add(0, 2019, 1 << 31);
    expect(keys.has(0, 2019, 1 << 31)).toBe(true);
    expect(keys.has(0, 2019, 1 << 3)).toBe(true);
  });

  it("keeps every bit when an indicator's years grow in both directions, across many indicators", () => {
    const keys = new KeyMasks();
    // 3,000 indicators move the pool (it starts at 4,096 words) and grow each range twice.
    for (let id = 0; id < 3000; id++) keys.add(id, 2019, 1 << id % 32);
    for (let id = 0; id < 3000; id++) keys.add(id, 1950, 1 << (id + 1) % 32);
    for (let id = 0; id < 3000; id++) keys.add(id, 2100, 1 << (id + 2) % 32);
    for (let id = 0; id < 3000; id++) {
      expect(keys.has(id, 2019, 1 << id % 32)).toBe(true);
      expect(keys.has(id, 1950, 1 << (id + 1) % 32)).toBe(true);
      expect(keys.has(id, 2100, 1 << (id + 2) % 32)).toBe(true);
      expect(keys.has(id, 2000, 1 << id % 32)).toBe(false);
    }
  });

  it("checks and sets whole rows of years, including years outside the range so far", () => {
    const keys = new KeyMasks();
    const bit = 1 << 5;
    expect(keys.noneOf(7, [2019, 2018, 2017], 3, bit)).toBe(true);
    keys.addAll(7, [2019, 2018, 2017], 3, bit);
    expect(keys.noneOf(7, [2016, 2015], 2, bit)).toBe(true);
    expect(keys.noneOf(7, [2016, 2017], 2, bit)).toBe(false);
    expect(keys.noneOf(7, [1949, 2017], 2, bit)).toBe(false);
    // Only `count` years count.
    expect(keys.noneOf(7, [1960, 2017], 1, bit)).toBe(true);
    keys.addAll(7, [2025, 1960, 2100], 3, bit);
    for (const year of [2025, 1960, 2100, 2019, 2018, 2017]) expect(keys.has(7, year, bit)).toBe(true);
    expect(keys.has(7, 2024, bit)).toBe(false);
  });

  it("refuses years outside 1949-2100, which the schema never lets through", () => {
    expect(() => new KeyMasks().add(0, 1948, 1)).toThrow("KeyMasks: year 1948 outside 1949-2100");
  });
});
