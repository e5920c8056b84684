// The first script of every page (config `head`): sets <html lang> before anything renders, so CSS shows one language
// from the first paint and components read it with currentLang(). It is built from pickLang/htmlLang themselves, so
// the rule lives in one place (components/i18n.ts).
import {htmlLang, LANG_STORAGE_KEY, pickLang} from "../i18n.js";

/**
 * The inline script (as HTML) that sets <html lang> from ?lang=, then localStorage, Chinese by default; a ?lang= choice
 * is remembered so links to other pages keep it. It also lifts Framework's zoom block (maximum-scale=1) from the
 * viewport, which WCAG 1.4.4 forbids.
 * @example head: languageHeadScript()
 */
export function languageHeadScript(): string {
  const body = `(function () {
  var key = ${JSON.stringify(LANG_STORAGE_KEY)};
  var pickLang = ${pickLang.toString()};
  var htmlLang = ${htmlLang.toString()};
  var stored = null;
  try { stored = localStorage.getItem(key); } catch (e) {}
  var lang = pickLang(location.search, stored);
  if (new URLSearchParams(location.search).get("lang") === lang) { try { localStorage.setItem(key, lang); } catch (e) {} }
  document.documentElement.lang = htmlLang(lang);
  var viewport = document.querySelector('meta[name="viewport"]');
  if (viewport) viewport.setAttribute("content", "width=device-width, initial-scale=1");
})();`;
  return `<script>${body}</script>`;
}
