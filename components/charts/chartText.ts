// Small pieces of a chart's one-sentence summary, so every chart words years, lists and clauses alike in each language.
import {currentLang, type Lang} from "../i18n.js";

/**
 * A span of years: "2013–2024", or the one year when both are the same; "" without years.
 * @example yearSpan([2013, 2019, 2024]) // "2013–2024"
 */
export function yearSpan(years: readonly number[]): string {
  if (!years.length) return "";
  const first = Math.min(...years);
  const last = Math.max(...years);
  return first === last ? String(first) : `${first}–${last}`;
}

/**
 * Items as a list: "a, b" in English, "a、b" in Chinese.
 * @example listOf(["北京", "上海"], "zh") // "北京、上海"
 */
export function listOf(items: readonly string[], lang: Lang = currentLang()): string {
  return items.join(lang === "zh" ? "、" : ", ");
}

/**
 * Clauses joined into one sentence (empty ones left out): "a; b." in English, "a；b。" in Chinese.
 * @example sentence(["observed 2013–2024", null, "2 scenarios"], "en") // "observed 2013–2024; 2 scenarios."
 */
export function sentence(clauses: readonly (string | null | undefined | false)[], lang: Lang = currentLang()): string {
  const kept = clauses.filter((c): c is string => typeof c === "string" && c.length > 0);
  return kept.length ? kept.join(lang === "zh" ? "；" : "; ") + (lang === "zh" ? "。" : ".") : "";
}

/**
 * A count with its noun in English ("1 scenario", "3 scenarios"); Chinese has no plural.
 * @example count(3, "scenario") // "3 scenarios"
 */
export function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? "" : "s"}`;
}
