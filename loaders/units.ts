/** How a unit maps to the canonical unit of its quantity: canonical value = value × factor. */
export interface UnitInfo {
  original: string;
  canonical: string;
  factor: number;
  quantity: "money" | "rate" | "area" | "length" | "capacity" | "other";
}

// One canonical unit per quantity: 元, %, 万亩, 公里, 万吨/日. Other units pass through unchanged.
const CONVERSIONS: Record<string, Omit<UnitInfo, "original">> = {
  元: {canonical: "元", factor: 1, quantity: "money"},
  千元: {canonical: "元", factor: 1e3, quantity: "money"},
  万元: {canonical: "元", factor: 1e4, quantity: "money"},
  亿元: {canonical: "元", factor: 1e8, quantity: "money"},
  "%": {canonical: "%", factor: 1, quantity: "rate"},
  亩: {canonical: "万亩", factor: 1e-4, quantity: "area"},
  万亩: {canonical: "万亩", factor: 1, quantity: "area"},
  亿亩: {canonical: "万亩", factor: 1e4, quantity: "area"},
  公里: {canonical: "公里", factor: 1, quantity: "length"},
  千米: {canonical: "公里", factor: 1, quantity: "length"},
  km: {canonical: "公里", factor: 1, quantity: "length"},
  万公里: {canonical: "公里", factor: 1e4, quantity: "length"},
  "万吨/日": {canonical: "万吨/日", factor: 1, quantity: "capacity"},
  "吨/日": {canonical: "万吨/日", factor: 1e-4, quantity: "capacity"}
};

// Units that may close an indicator name in brackets; anything else in brackets stays part of the name.
const OTHER_UNITS = new Set(
  "万人 人 个 万个 万辆 辆 条 小时 米 平方米 万平方米 平方米/百户 个/地级市 户 万户 吨 万吨 亿吨 千克 公斤 岁 年 ‰ 人/万人 张 万张 元/人 元/吨 亿立方米 万千瓦 亿千瓦时".split(
    " "
  )
);

/**
 * The canonical unit and factor for a unit as written (`万元` → 元 × 10000); unknown units pass through with factor 1.
 * @example unitInfo("亿亩") // {original: "亿亩", canonical: "万亩", factor: 10000, quantity: "area"}
 */
export function unitInfo(unit: string): Readonly<UnitInfo> {
  const u = normalizeUnit(unit);
  // One shared object per unit: every block of a big export asks again.
  let info = infos.get(u);
  if (info === undefined) {
    const known = CONVERSIONS[u];
    info = Object.freeze(known ? {original: u, ...known} : {original: u, canonical: u, factor: 1, quantity: "other"});
    if (infos.size < 1024) infos.set(u, info);
  }
  return info;
}

const infos = new Map<string, Readonly<UnitInfo>>();

/** True when the text is a unit this library knows. @example isUnit("万吨/日") // true */
export function isUnit(text: string): boolean {
  const u = normalizeUnit(text);
  return u in CONVERSIONS || OTHER_UNITS.has(u);
}

/** Folds full-width forms and spelling variants of a unit (`％` → `%`, `万吨／日` → `万吨/日`). @example normalizeUnit("％") // "%" */
export function normalizeUnit(unit: string): string {
  // A big export repeats a handful of units in every block; NFKC is the slow part.
  const cached = normalized.get(unit);
  if (cached !== undefined) return cached;
  const result = normalizeUncached(unit);
  if (normalized.size < 1024) normalized.set(unit, result);
  return result;
}

const normalized = new Map<string, string>();

function normalizeUncached(unit: string): string {
  return unit
    .normalize("NFKC")
    .replace(/[\s]+/g, "")
    .replace(/^单位[:：]?/, "")
    .replace(/^百分比$|^百分点$/, "%");
}

/**
 * Splits an NBS indicator label into name and unit: `城镇居民人均可支配收入(元)` → name and `元`. Brackets that do not
 * hold a known unit (`（2021—2025年新增）`) stay in the name.
 * @example splitIndicator("指标：城镇居民人均可支配收入(元)") // {name: "城镇居民人均可支配收入", unit: "元"}
 */
export function splitIndicator(label: string): {name: string; unit: string | null} {
  const text = label.replace(/^指标[:：]/, "").trim();
  const match = /^(.*?)[(（]([^()（）]+)[)）]\s*$/.exec(text);
  if (match && isUnit(match[2])) return {name: match[1].trim(), unit: normalizeUnit(match[2])};
  return {name: text, unit: null};
}

/** Multiplies and rounds away binary noise (`0.1 × 1e4`), keeping 12 significant digits. @example convert(1.5, 1e4) // 15000 */
export function convert(value: number, factor: number): number {
  return factor === 1 ? value : Number((value * factor).toPrecision(12));
}
