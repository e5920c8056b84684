// @vitest-environment jsdom
import {describe, expect, it} from "vitest";
import {REGIONS} from "../../../loaders/regions.js";
import {PROVINCE_TILES, provinceCode, TILE_COLUMNS, TILE_ROWS} from "../../../components/charts/provinceTiles.js";
import {provinceTileMap, tileName, tileValues} from "../../../components/charts/provinceTileMap.js";

// SYNTHETIC values (1 + index/10) for the 31 provinces, except Xizang (missing) and Hainan (null).
const rows = PROVINCE_TILES.filter((t) => t.code !== "540000").map((t, i) => ({
  code: t.code,
  value: t.code === "460000" ? null : 1 + i / 10,
  year: 2019
}));
const options = {label: {zh: "城乡收入比", en: "Urban ÷ rural"}, source: {zh: "国家统计局", en: "NBS"}, format: (v: number) => v.toFixed(2)};
const tile = (map: HTMLElement, code: string) => map.querySelector(`button[data-code="${code}"]`) as HTMLButtonElement;

describe("provinceTiles", () => {
  it("has the 31 provincial-level regions of loaders/regions.ts with the same short names and English names", () => {
    const provinces = REGIONS.filter((r) => r.code !== "CN");
    expect(PROVINCE_TILES).toHaveLength(31);
    expect([...PROVINCE_TILES].map((t) => `${t.code} ${t.zh} ${t.en}`).sort()).toEqual(
      provinces.map((r) => `${r.code} ${r.zh} ${r.en}`).sort()
    );
  });
  it("puts every tile in its own cell inside the grid", () => {
    const cells = PROVINCE_TILES.map((t) => `${t.row},${t.col}`);
    expect(new Set(cells).size).toBe(31);
    for (const t of PROVINCE_TILES) {
      expect(t.row).toBeGreaterThanOrEqual(0);
      expect(t.row).toBeLessThan(TILE_ROWS);
      expect(t.col).toBeGreaterThanOrEqual(0);
      expect(t.col).toBeLessThan(TILE_COLUMNS);
    }
    expect(new Set(PROVINCE_TILES.map((t) => t.abbr)).size).toBe(31);
  });
  it("provinceCode accepts two- and six-digit codes and refuses the rest", () => {
    expect(provinceCode("44")).toBe("440000");
    expect(provinceCode(44)).toBe("440000");
    expect(provinceCode("440000")).toBe("440000");
    expect(provinceCode("CN")).toBeNull();
    expect(provinceCode("990000")).toBeNull();
    expect(provinceCode(null)).toBeNull();
  });
});

describe("tileValues", () => {
  it("gives every province a tile; absent, null and NaN values are missing (null), not 0", () => {
    const tiles = tileValues([
      {code: "11", value: 2.5, year: 2019},
      {code: "12", value: Number.NaN, year: 2019},
      {code: "13", value: null, year: 2019},
      {code: "CN", value: 9, year: 2019}
    ]);
    expect(tiles).toHaveLength(31);
    const byCode = Object.fromEntries(tiles.map((t) => [t.code, [t.value, t.year]]));
    expect(byCode["110000"]).toEqual([2.5, 2019]);
    expect(byCode["120000"]).toEqual([null, null]);
    expect(byCode["130000"]).toEqual([null, null]);
    expect(byCode["140000"]).toEqual([null, null]);
  });
  it("names a province given twice", () => {
    expect(() => tileValues([{code: "11", value: 1}, {code: "110000", value: 2}])).toThrow("province 110000 appears twice");
  });
});

describe("tileName", () => {
  const t = {zh: "北京", en: "Beijing", abbr: "BJ", value: 2.514, year: 2019};
  it("says province, label, value and year in the current language", () => {
    expect(tileName(t, "城乡收入比", (v) => v.toFixed(2), "zh")).toBe("北京 2.51（城乡收入比，2019年）");
    expect(tileName(t, "Urban ÷ rural", (v) => v.toFixed(2), "en")).toBe("Beijing, BJ 2.51 (Urban ÷ rural, 2019)");
  });
  it("says no data for a missing value", () => {
    expect(tileName({...t, value: null, year: null}, "Urban ÷ rural", String, "en")).toBe("Beijing, BJ no data (Urban ÷ rural)");
    expect(tileName({...t, value: null, year: null}, "城乡收入比", String, "zh")).toBe("北京 无数据（城乡收入比）");
  });
});

describe("provinceTileMap", () => {
  it("draws 31 keyboard-reachable tiles, each with an accessible name, coloured by value", () => {
    const map = provinceTileMap(rows, {...options, lang: "zh"});
    const buttons = [...map.querySelectorAll("button.ptm-tile")] as HTMLButtonElement[];
    expect(buttons).toHaveLength(31);
    for (const b of buttons) {
      expect(b.tabIndex).toBe(0);
      expect(b.getAttribute("aria-label")).toMatch(/^\S+ \S+（城乡收入比/);
    }
    expect(tile(map, "110000").getAttribute("aria-label")).toBe(`北京 ${rows.find((r) => r.code === "110000")!.value!.toFixed(2)}（城乡收入比，2019年）`);
    expect(tile(map, "110000").style.background).toMatch(/^rgb/);
    expect(tile(map, "110000").querySelector(".ptm-name")!.textContent).toBe("北京");
  });
  it("writes the visible text with a space (what the name starts with) and keeps 4.5:1 contrast on every fill", () => {
    const map = provinceTileMap(rows, {...options, lang: "en"});
    const beijing = tile(map, "110000");
    expect(beijing.textContent).toBe(`BJ ${rows.find((r) => r.code === "110000")!.value!.toFixed(2)}`);
    expect(beijing.getAttribute("aria-label")!.replace(/^Beijing, /, "").startsWith(beijing.textContent!)).toBe(true);
    const luminance = (rgb: string) => {
      const [r, g, b] = rgb.match(/\d+/g)!.slice(0, 3).map((c) => Number(c) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
      return 0.2126 * r + 0.7152 * g + 0.0722 * b;
    };
    for (const scheme of ["blues", "oranges"]) {
      const painted = provinceTileMap(rows, {...options, scheme, lang: "zh"});
      for (const b of painted.querySelectorAll<HTMLButtonElement>("button.ptm-tile:not(.ptm-missing)")) {
        const [bg, fg] = [luminance(b.style.background), luminance(b.style.color)];
        expect((Math.max(bg, fg) + 0.05) / (Math.min(bg, fg) + 0.05), b.dataset.code).toBeGreaterThanOrEqual(4.5);
      }
    }
  });
  it("draws missing provinces hatched with 'no data' and no colour, and adds 'no data' to the legend", () => {
    const map = provinceTileMap(rows, {...options, lang: "en"});
    for (const code of ["540000", "460000"]) {
      const b = tile(map, code);
      expect(b.classList.contains("ptm-missing")).toBe(true);
      expect(b.style.background).toBe("");
      expect(b.querySelector(".ptm-value")!.textContent).toBe("no data");
      expect(b.getAttribute("aria-label")).toMatch(/ no data \(/);
    }
    expect(tile(map, "110000").querySelector(".ptm-name")!.textContent).toBe("BJ");
    expect(map.querySelector(".ptm-legend-missing")!.textContent).toBe("no data");
    expect(map.querySelector(".ptm-ramp-label")!.textContent).toBe("Urban ÷ rural");
    expect(map.querySelectorAll(".ptm-ramp stop")).toHaveLength(11);
    expect(map.querySelector(".ptm-ramp-ends")!.textContent).toBe(`${(1).toFixed(2)}${Math.max(...rows.flatMap((r) => (r.value === null ? [] : [r.value]))).toFixed(2)}`);
  });
  it("is an input: a click selects the province, sets .value and dispatches one bubbling input event", () => {
    const map = provinceTileMap(rows, options);
    const parent = document.createElement("div");
    parent.append(map);
    const seen: (string | null)[] = [];
    parent.addEventListener("input", () => seen.push(map.value));
    expect(map.value).toBeNull();
    tile(map, "440000").click();
    tile(map, "440000").click();
    expect(seen).toEqual(["440000"]);
    expect(tile(map, "440000").getAttribute("aria-pressed")).toBe("true");
    expect(tile(map, "110000").getAttribute("aria-pressed")).toBe("false");
  });
  it("Enter and Space on a tile select it", () => {
    const map = provinceTileMap(rows, {...options, value: "11"});
    expect(map.value).toBe("110000");
    let events = 0;
    map.addEventListener("input", () => events++);
    tile(map, "310000").dispatchEvent(new KeyboardEvent("keydown", {key: "Enter", bubbles: true, cancelable: true}));
    expect(map.value).toBe("310000");
    tile(map, "320000").dispatchEvent(new KeyboardEvent("keydown", {key: " ", bubbles: true, cancelable: true}));
    expect(map.value).toBe("320000");
    tile(map, "330000").dispatchEvent(new KeyboardEvent("keydown", {key: "a", bubbles: true, cancelable: true}));
    expect(map.value).toBe("320000");
    expect(events).toBe(2);
  });
  it("setting .value selects without an event; an unknown code clears the selection", () => {
    const map = provinceTileMap(rows, options);
    let events = 0;
    map.addEventListener("input", () => events++);
    map.value = "650000";
    expect(tile(map, "650000").getAttribute("aria-pressed")).toBe("true");
    map.value = "CN";
    expect(map.value).toBeNull();
    expect(events).toBe(0);
  });
  it("shows a tooltip with value, year and source on focus, and hides it on blur", () => {
    const map = provinceTileMap(rows, {...options, lang: "en"});
    document.body.append(map);
    const tip = map.querySelector(".ptm-tooltip") as HTMLElement;
    expect(tip.hidden).toBe(true);
    tile(map, "110000").focus();
    expect(tip.hidden).toBe(false);
    expect(tip.textContent).toBe(`BeijingUrban ÷ rural: ${rows.find((r) => r.code === "110000")!.value!.toFixed(2)} · 2019Source: NBS`);
    tile(map, "110000").blur();
    expect(tip.hidden).toBe(true);
    map.remove();
  });
  it("with no values at all draws every tile as missing and no colour legend", () => {
    const map = provinceTileMap([], options);
    expect(map.querySelectorAll(".ptm-missing")).toHaveLength(31);
    expect(map.querySelector(".ptm-legend svg")).toBeNull();
  });
});
