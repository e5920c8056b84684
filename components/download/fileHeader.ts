// The header of a column in a downloaded file: the label the reader sees, with the unit of the raw number the file
// holds (a table shows 88.0% where the file holds 0.88, so the header must say the value is a share).
import {currentLang, t, type Lang, type Text} from "../i18n.js";

const NO_UNIT = new Set(["text", "ratio", "integer", "number"]);

/**
 * A column header for a file: the label in the current language, plus the unit a format implies when the label does
 * not already name it ("percent" → a share where 1 = 100%, "points" → percentage points, "万亩" → 万亩).
 * @example fileHeader({zh: "普及率", en: "Coverage"}, "percent", "en") // "Coverage (share, 1 = 100%)"
 */
export function fileHeader(label: Text, format?: string, lang: Lang = currentLang()): string {
  const text = t(label, lang);
  const unit = fileUnit(format, lang);
  if (!unit || text.includes(unit)) return text;
  return lang === "zh" ? `${text}（${unit}）` : `${text} (${unit})`;
}

/**
 * The unit of a raw value written in a given format, or "" when the number speaks for itself.
 * @example fileUnit("points", "zh") // "百分点"
 */
export function fileUnit(format: string | undefined, lang: Lang = currentLang()): string {
  if (format === undefined || NO_UNIT.has(format)) return "";
  if (format === "percent") return t({zh: "比例，1 = 100%", en: "share, 1 = 100%"}, lang);
  if (format === "points") return t({zh: "百分点", en: "percentage points"}, lang);
  return format;
}
