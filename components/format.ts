// Every number a reader sees goes through here, built on d3-format. Chinese uses 万 and 亿 where Chinese writers do
// (10.75 亿亩, 3.1 万元); English uses thousands separators (and million/billion for very large counts).
import {formatLocale} from "d3-format";
import {currentLang, type Lang} from "./i18n.js";

const locale = formatLocale({decimal: ".", thousands: ",", grouping: [3], currency: ["", ""], minus: "−"});
const cache = new Map<string, (n: number) => string>();
const MISSING = "—";

function d3(specifier: string): (n: number) => string {
  let f = cache.get(specifier);
  if (!f) cache.set(specifier, (f = locale.format(specifier)));
  return f;
}

/**
 * A plain number with grouped thousands and fixed decimals (`trim`: at most `digits`, as printed: 87.5, not 87.50);
 * null or NaN as "—".
 * @example formatNumber(54188) // "54,188"
 * @example formatNumber(2.3441, {digits: 3}) // "2.344"
 */
export function formatNumber(value: number | null | undefined, {digits = 0, sign = false, trim = false} = {}): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return MISSING;
  const text = d3(`${sign ? "+" : ""},.${digits}f`)(value);
  return trim ? trimZeros(text) : text;
}

/**
 * A percentage from a fraction (0.065 → "6.5%"), at most `digits` decimals (trailing zeros dropped unless `fixed`).
 * @example formatPercent(0.8765, {digits: 1}) // "87.7%"
 */
export function formatPercent(
  value: number | null | undefined,
  {digits = 1, fixed = false, sign = false} = {}
): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return MISSING;
  const text = d3(`${sign ? "+" : ""}.${digits}f`)(value * 100);
  return `${fixed ? text : trimZeros(text)}%`;
}

/**
 * Percentage points (a change in a rate given as a fraction): 0.012 → "1.2 个百分点" / "1.2 pp".
 * @example formatPoints(0.012, {lang: "en"}) // "1.2 pp"
 */
export function formatPoints(value: number | null | undefined, {digits = 1, lang = currentLang()}: {digits?: number; lang?: Lang} = {}): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return MISSING;
  const text = trimZeros(d3(`.${digits}f`)(value * 100));
  return lang === "zh" ? `${text} 个百分点` : `${text} pp`;
}

/** The base unit and how many of it one canonical unit holds: 1 万亩 = 10,000 亩. */
const UNITS: Record<string, {base: {zh: string; en: string}; scale: number}> = {
  元: {base: {zh: "元", en: "yuan"}, scale: 1},
  万元: {base: {zh: "元", en: "yuan"}, scale: 1e4},
  亿元: {base: {zh: "元", en: "yuan"}, scale: 1e8},
  亩: {base: {zh: "亩", en: "mu"}, scale: 1},
  万亩: {base: {zh: "亩", en: "mu"}, scale: 1e4},
  亿亩: {base: {zh: "亩", en: "mu"}, scale: 1e8},
  人: {base: {zh: "人", en: "people"}, scale: 1},
  万人: {base: {zh: "人", en: "people"}, scale: 1e4}
};

/**
 * A quantity in a unit, written the way a reader of the language expects: in Chinese with 万/亿 when the amount is at
 * least 1 万 of the base unit (31000 元 → "3.1 万元", 107500 万亩 → "10.75 亿亩"), in English with thousands
 * separators (and million/billion from 10 million up). `digits` caps the decimals of the scaled number. Units not
 * listed are written after a plain number.
 * @example formatQuantity(107500, "万亩") // "10.75 亿亩"
 * @example formatQuantity(107500, "万亩", {lang: "en"}) // "1.075 billion mu"
 */
export function formatQuantity(
  value: number | null | undefined,
  unit: string,
  {digits = 2, lang = currentLang()}: {digits?: number; lang?: Lang} = {}
): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return MISSING;
  const known = UNITS[unit];
  if (!known) return `${formatNumber(value, {digits: decimalsOf(value, digits)})} ${unit}`.trim();
  const amount = value * known.scale;
  const abs = Math.abs(amount);
  const base = known.base[lang];
  if (lang === "zh") {
    if (abs >= 1e8) return `${scaled(amount / 1e8, digits)} 亿${base}`;
    if (abs >= 1e4) return `${scaled(amount / 1e4, digits)} 万${base}`;
    return `${formatNumber(amount, {digits: decimalsOf(amount, digits)})} ${base}`;
  }
  if (abs >= 1e9) return `${scaled(amount / 1e9, digits + 1)} billion ${base}`;
  if (abs >= 1e7) return `${scaled(amount / 1e6, digits)} million ${base}`;
  return `${formatNumber(amount, {digits: decimalsOf(amount, digits)})} ${base}`;
}

/**
 * A formatter for a column or axis: "percent" (fractions), "points", "ratio" (3 decimals), "integer", or a unit.
 * @example formatterFor("percent")(0.065) // "6.5%"
 */
export function formatterFor(kind: string, {digits, lang = currentLang()}: {digits?: number; lang?: Lang} = {}) {
  switch (kind) {
    case "percent":
      return (v: number | null) => formatPercent(v, {digits: digits ?? 2});
    case "points":
      return (v: number | null) => formatPoints(v, {digits: digits ?? 2, lang});
    case "ratio":
      return (v: number | null) => formatNumber(v, {digits: digits ?? 3});
    case "integer":
      return (v: number | null) => formatNumber(v, {digits: 0});
    case "number":
      return (v: number | null) => formatNumber(v, {digits: digits ?? 2});
    default:
      return (v: number | null) => formatQuantity(v, kind, {digits: digits ?? 2, lang});
  }
}

function scaled(value: number, digits: number): string {
  return formatNumber(Number(value.toFixed(digits)), {digits: decimalsOf(Number(value.toFixed(digits)), digits)});
}

// The decimals a value needs up to `max` (10.75 → 2, 3.1 → 1, 12 → 0), so amounts read as people write them.
function decimalsOf(value: number, max: number): number {
  for (let d = 0; d < max; d++) if (Math.abs(Number(value.toFixed(d)) - value) < 1e-9 * Math.max(1, Math.abs(value))) return d;
  return max;
}

function trimZeros(text: string): string {
  return text.includes(".") ? text.replace(/\.?0+$/, "") : text;
}
