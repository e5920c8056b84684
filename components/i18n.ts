// One language at a time. The page's language is the `lang` of <html>, set before anything renders by the head script
// in observablehq.config.ts (from ?lang=, then localStorage, Chinese by default); components read it, never store it.

export type Lang = "zh" | "en";

/** A text in both languages, or one string that reads the same in both (a data label as published, a code). */
export type Text = string | {zh: string; en: string};

export const LANG_STORAGE_KEY = "yearbook-scenarios:lang";

/**
 * The current page language: "en" when <html lang> starts with "en", otherwise Chinese (also outside a browser).
 * @example currentLang() // "zh"
 */
export function currentLang(): Lang {
  const lang = typeof document === "undefined" ? "" : document.documentElement.lang;
  return /^en\b/i.test(lang) ? "en" : "zh";
}

/**
 * The text in one language.
 * @example t({zh: "年份", en: "Year"}, "en") // "Year"
 */
export function t(text: Text, lang: Lang = currentLang()): string {
  return typeof text === "string" ? text : text[lang];
}

/**
 * The language asked for by `?lang=` or remembered from an earlier visit; Chinese when neither says.
 * @example pickLang("?lang=en", null) // "en"
 */
export function pickLang(search: string, stored: string | null): Lang {
  const asked = new URLSearchParams(search).get("lang");
  if (asked === "en" || asked === "zh") return asked;
  return stored === "en" ? "en" : "zh";
}

/** The value for <html lang>: zh-CN keeps browsers from drawing Han characters with Japanese glyph forms. */
export function htmlLang(lang: Lang): string {
  return lang === "en" ? "en" : "zh-CN";
}
