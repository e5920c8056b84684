// A tile map of the 31 provincial-level regions: equal squares at fixed places (provinceTiles.ts), coloured by value,
// with a legend. A missing value is drawn hatched and says "no data", never a colour. It is an input: clicking a tile,
// or Enter/Space on it, selects that province (`.value` is its GB/T 2260 code) and dispatches a bubbling `input`.
import * as Plot from "@observablehq/plot";
import {formatNumber} from "../format.js";
import {currentLang, t, type Lang, type Text} from "../i18n.js";
import {PROVINCE_TILES, provinceCode, TILE_COLUMNS, TILE_ROWS, type ProvinceTile} from "./provinceTiles.js";

export interface TileDatum {
  /** GB/T 2260 code, two- or six-digit ("11", "110000"); codes that are not one of the 31 (e.g. "CN") are ignored. */
  code: string | number;
  value: number | null | undefined;
  year?: number | null;
}

export interface ProvinceTileMapOptions {
  /** What the value is, for the legend, the tooltip and each tile's accessible name. */
  label: Text;
  /** Where the figures come from, shown in the tooltip. */
  source: Text;
  /** How a value is written (default: two decimals with grouped thousands). */
  format?: (value: number) => string;
  /** A Plot colour scheme (default "blues"). */
  scheme?: string;
  /** The colour domain (default: the smallest and largest value shown). */
  domain?: [number, number];
  /** The province selected at first (a code), or null. */
  value?: string | null;
  lang?: Lang;
}

export type ProvinceTileMap = HTMLElement & {value: string | null};

interface Tile extends ProvinceTile {
  value: number | null;
  year: number | null;
}

/**
 * The tiles with their values: one per province, a missing or non-finite value as null. Throws when a province
 * appears twice, naming it.
 * @example tileValues([{code: "11", value: 2.5, year: 2019}]).find((t) => t.code === "110000")?.value // 2.5
 */
export function tileValues(rows: readonly TileDatum[]): Tile[] {
  const byCode = new Map<string, TileDatum>();
  for (const row of rows) {
    const code = provinceCode(row.code);
    if (!code) continue;
    if (byCode.has(code)) throw new Error(`provinceTileMap: province ${code} appears twice in the data`);
    byCode.set(code, row);
  }
  return PROVINCE_TILES.map((tile) => {
    const row = byCode.get(tile.code);
    const value = row && typeof row.value === "number" && Number.isFinite(row.value) ? row.value : null;
    return {...tile, value, year: value === null ? null : row?.year ?? null};
  });
}

/**
 * A tile's accessible name: the tile's visible text first (short name and value, or "no data"), so the name a screen
 * reader speaks contains what a sighted reader sees (WCAG 2.5.3), then what the value is and its year.
 * @example tileName({zh: "北京", en: "Beijing", abbr: "BJ", value: 2.51, year: 2019}, "城乡收入比", (v) => v.toFixed(2), "zh") // "北京 2.51（城乡收入比，2019年）"
 */
export function tileName(
  tile: {zh: string; en: string; abbr: string; value: number | null; year: number | null},
  label: string,
  format: (value: number) => string,
  lang: Lang
): string {
  const shown = lang === "zh" ? tile.zh : `${tile.en}, ${tile.abbr}`;
  if (tile.value === null) return lang === "zh" ? `${shown} 无数据（${label}）` : `${shown} no data (${label})`;
  const year = tile.year === null ? "" : lang === "zh" ? `，${tile.year}年` : `, ${tile.year}`;
  return lang === "zh" ? `${shown} ${format(tile.value)}（${label}${year}）` : `${shown} ${format(tile.value)} (${label}${year})`;
}

/**
 * The tile map element. Wire it with `view()`: `const province = view(provinceTileMap(rows, {label, source}))`.
 * @example provinceTileMap([{code: "110000", value: 2.51, year: 2019}], {label: {zh: "城乡收入比", en: "Urban ÷ rural"}, source: "国家统计局"})
 */
export function provinceTileMap(rows: readonly TileDatum[], options: ProvinceTileMapOptions): ProvinceTileMap {
  const {label, source, format = (v: number) => formatNumber(v, {digits: 2}), scheme = "blues", lang = currentLang()} = options;
  const tiles = tileValues(rows);
  const present = tiles.flatMap((tile) => (tile.value === null ? [] : [tile.value]));
  const labelText = t(label, lang);
  const domain = options.domain ?? (present.length ? [Math.min(...present), Math.max(...present)] : undefined);
  const color = domain ? Plot.scale({color: {type: "linear", scheme: scheme as Plot.ColorScheme, domain}}) : undefined;

  const root = document.createElement("div") as unknown as ProvinceTileMap;
  root.className = "province-tile-map";
  const style = document.createElement("style");
  style.textContent = TILE_MAP_STYLE;
  const grid = document.createElement("div");
  grid.className = "ptm-grid";
  grid.setAttribute("role", "group");
  grid.setAttribute("aria-label", t({zh: `分省${labelText}：选择一个省份`, en: `${labelText} by province: choose a province`}, lang));
  grid.style.gridTemplateColumns = `repeat(${TILE_COLUMNS}, minmax(0, 1fr))`;
  grid.style.gridTemplateRows = `repeat(${TILE_ROWS}, auto)`;
  const tooltip = document.createElement("div");
  tooltip.className = "ptm-tooltip";
  tooltip.setAttribute("role", "tooltip");
  tooltip.id = `ptm-tip-${Math.random().toString(36).slice(2, 10)}`;
  tooltip.hidden = true;

  let selected: string | null = provinceCode(options.value ?? null);
  const buttons = new Map<string, HTMLButtonElement>();
  for (const tile of tiles) {
    const button = document.createElement("button");
    button.type = "button";
    button.className = tile.value === null ? "ptm-tile ptm-missing" : "ptm-tile";
    button.dataset.code = tile.code;
    button.style.gridRow = String(tile.row + 1);
    button.style.gridColumn = String(tile.col + 1);
    button.setAttribute("aria-label", tileName(tile, labelText, format, lang));
    button.setAttribute("aria-describedby", tooltip.id);
    if (tile.value !== null && color) {
      const fill = String(color.apply(tile.value));
      button.style.background = fill;
      button.style.color = readableOn(fill);
    }
    const name = document.createElement("span");
    name.className = "ptm-name";
    name.textContent = lang === "zh" ? tile.zh : tile.abbr;
    const value = document.createElement("span");
    value.className = "ptm-value";
    value.textContent = tile.value === null ? t({zh: "无数据", en: "no data"}, lang) : format(tile.value);
    // A space between the two, so the visible text reads "HL 2.01", as the accessible name does, not "HL2.01".
    button.append(name, " ", value);
    button.addEventListener("click", () => select(tile.code));
    button.addEventListener("keydown", (event) => {
      if (event.key !== "Enter" && event.key !== " ") return;
      event.preventDefault();
      select(tile.code);
    });
    const show = () => showTip(tile, button);
    button.addEventListener("pointerenter", show);
    button.addEventListener("focus", show);
    button.addEventListener("pointerleave", () => (tooltip.hidden = true));
    button.addEventListener("blur", () => (tooltip.hidden = true));
    buttons.set(tile.code, button);
    grid.append(button);
  }

  const legend = document.createElement("div");
  legend.className = "ptm-legend";
  if (domain && color) legend.append(rampLegend(domain, (v) => String(color.apply(v)), labelText, format));
  if (present.length < tiles.length) {
    const missing = document.createElement("span");
    missing.className = "ptm-legend-missing";
    missing.innerHTML = `<span class="ptm-swatch" aria-hidden="true"></span>`;
    missing.append(t({zh: "无数据", en: "no data"}, lang));
    legend.append(missing);
  }
  root.append(style, legend, grid, tooltip);

  function showTip(tile: Tile, button: HTMLButtonElement) {
    const year = tile.year === null ? "" : ` · ${tile.year}`;
    const value = tile.value === null ? t({zh: "无数据", en: "no data"}, lang) : format(tile.value);
    tooltip.replaceChildren();
    const head = document.createElement("strong");
    head.textContent = lang === "zh" ? tile.zh : tile.en;
    const line = document.createElement("div");
    line.textContent = `${labelText}: ${value}${year}`;
    const from = document.createElement("div");
    from.className = "ptm-source";
    from.textContent = `${t({zh: "来源", en: "Source"}, lang)}: ${t(source, lang)}`;
    tooltip.append(head, line, from);
    tooltip.style.left = `${button.offsetLeft}px`;
    tooltip.style.top = `${button.offsetTop + button.offsetHeight + 4}px`;
    tooltip.hidden = false;
  }

  function mark() {
    for (const [code, button] of buttons) button.setAttribute("aria-pressed", String(code === selected));
  }

  function select(code: string) {
    if (code === selected) return;
    selected = code;
    mark();
    root.dispatchEvent(new Event("input", {bubbles: true}));
  }

  Object.defineProperty(root, "value", {
    get: () => selected,
    set: (code: string | null) => {
      selected = provinceCode(code);
      mark();
    }
  });
  mark();
  return root;
}

// A colour ramp with its label and the two ends written out; SVG only (Plot's ramp legend needs a canvas).
function rampLegend(domain: [number, number], fill: (v: number) => string, label: string, format: (v: number) => string) {
  const ns = "http://www.w3.org/2000/svg";
  const id = `ptm-ramp-${Math.random().toString(36).slice(2, 10)}`;
  const figure = document.createElement("div");
  figure.className = "ptm-ramp";
  const title = document.createElement("div");
  title.className = "ptm-ramp-label";
  title.textContent = label;
  const svg = document.createElementNS(ns, "svg");
  svg.setAttribute("width", "200");
  svg.setAttribute("height", "12");
  svg.setAttribute("aria-hidden", "true");
  const gradient = document.createElementNS(ns, "linearGradient");
  gradient.id = id;
  for (let i = 0; i <= 10; i++) {
    const stop = document.createElementNS(ns, "stop");
    stop.setAttribute("offset", `${i * 10}%`);
    stop.setAttribute("stop-color", fill(domain[0] + ((domain[1] - domain[0]) * i) / 10));
    gradient.append(stop);
  }
  const defs = document.createElementNS(ns, "defs");
  defs.append(gradient);
  const rect = document.createElementNS(ns, "rect");
  rect.setAttribute("width", "200");
  rect.setAttribute("height", "12");
  rect.setAttribute("fill", `url(#${id})`);
  svg.append(defs, rect);
  const ends = document.createElement("div");
  ends.className = "ptm-ramp-ends";
  const low = document.createElement("span");
  low.textContent = format(domain[0]);
  const high = document.createElement("span");
  high.textContent = format(domain[1]);
  ends.append(low, high);
  figure.append(title, svg, ends);
  return figure;
}

// Black text on light fills, white on dark ones (relative luminance, WCAG's formula): at least 4.58:1 either way.
function readableOn(fill: string): string {
  const match = fill.match(/rgb\((\d+),\s*(\d+),\s*(\d+)\)/) ?? fill.match(/^#(..)(..)(..)$/);
  if (!match) return "#000";
  const channels = match.slice(1, 4).map((c) => (fill.startsWith("#") ? parseInt(c, 16) : Number(c)) / 255);
  const [r, g, b] = channels.map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  const luminance = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  // Pure black: with #111 a mid-tone fill (luminance near 0.19) reaches 4.5:1 with neither text colour.
  return luminance > 0.179 ? "#000" : "#fff";
}

const TILE_MAP_STYLE = `
.province-tile-map { position: relative; max-width: 640px; container-type: inline-size; }
.province-tile-map .ptm-grid { display: grid; gap: 3px; }
.province-tile-map .ptm-tile { aspect-ratio: 1; min-width: 0; padding: 2px; border: 1px solid var(--theme-foreground-faint, #999);
  border-radius: 3px; font: inherit; font-size: 12px; line-height: 1.15; display: flex; flex-direction: column;
  align-items: center; justify-content: center; cursor: pointer; background: var(--theme-background-alt, #f4f4f4);
  color: var(--theme-foreground, #111); overflow: hidden; }
.province-tile-map .ptm-tile:focus-visible { outline: 3px solid var(--theme-foreground-focus, #3b5fc0); outline-offset: 1px; }
.province-tile-map .ptm-tile[aria-pressed="true"] { outline: 3px solid var(--theme-foreground, #111); outline-offset: 1px; z-index: 1; }
.province-tile-map .ptm-missing, .province-tile-map .ptm-swatch {
  background: repeating-linear-gradient(45deg, #fff 0 4px, #d9d9d9 4px 6px) !important; color: #333 !important; }
.province-tile-map .ptm-value { font-size: 10px; font-variant-numeric: tabular-nums; }
@container (max-width: 420px) { .province-tile-map .ptm-value { display: none; } }
.province-tile-map .ptm-legend { display: flex; flex-wrap: wrap; align-items: center; gap: 12px; margin-bottom: 6px; }
.province-tile-map .ptm-ramp { font-size: 12px; width: 200px; }
.province-tile-map .ptm-ramp svg { display: block; }
.province-tile-map .ptm-ramp-ends { display: flex; justify-content: space-between; font-variant-numeric: tabular-nums; }
.province-tile-map .ptm-legend-missing { display: inline-flex; align-items: center; gap: 4px; font-size: 12px; }
.province-tile-map .ptm-swatch { display: inline-block; width: 14px; height: 14px; border: 1px solid #999; }
.province-tile-map .ptm-tooltip { position: absolute; z-index: 5; max-width: 260px; padding: 6px 8px; font-size: 12px;
  background: var(--theme-background, #fff); color: var(--theme-foreground, #111);
  border: 1px solid var(--theme-foreground-faint, #999); border-radius: 4px; box-shadow: 0 2px 6px rgba(0,0,0,.15);
  pointer-events: none; }
.province-tile-map .ptm-tooltip .ptm-source { color: var(--theme-foreground-muted, #555); margin-top: 2px; }
`;
