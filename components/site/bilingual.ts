// The site's own names (sidebar, sections, page titles) are written once in the config as "中文 · English"; this picks
// the half in the page's language, so Framework's plain-text chrome shows one language like the pages do.
import type {Lang} from "../i18n.js";

const HAN = /[\u3400-\u9fff\uf900-\ufaff]/;

/**
 * The part of a "中文 · English" name in one language: the part with Han characters is Chinese, the other English.
 * A name with no " · " (or with both parts in one script) comes back unchanged.
 * @example pickBilingual("城乡收入差距 · Income gap", "en") // "Income gap"
 */
export function pickBilingual(text: string, lang: Lang): string {
  const parts = text.split(" · ");
  if (parts.length !== 2) return text;
  const [a, b] = parts.map((p) => p.trim());
  const aHan = HAN.test(a);
  const bHan = HAN.test(b);
  if (aHan === bHan) return text;
  const zh = aHan ? a : b;
  const en = aHan ? b : a;
  return lang === "zh" ? zh : en;
}

/**
 * A page title "Page · 页面 | Site · 站点" in one language: each " | " part picked on its own.
 * @example pickBilingualTitle("数据来源 · Data sources | Yearbook scenarios · 年鉴情景", "zh") // "数据来源 | 年鉴情景"
 */
export function pickBilingualTitle(title: string, lang: Lang): string {
  return title
    .split(" | ")
    .map((part) => pickBilingual(part, lang))
    .join(" | ");
}
