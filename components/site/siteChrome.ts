// Framework writes its own interface (sidebar, table of contents, pager, title) as plain text from the config and the
// headings; this puts it in the page's language. Pager captions ("Previous page") are CSS content, set in style.css.
import {t, type Lang} from "../i18n.js";
import {pickBilingual, pickBilingualTitle} from "./bilingual.js";

const OTHER = {zh: ".en", en: ".zh"} as const;

/**
 * The text of a heading as the reader sees it: without the parts in the other language.
 * @example visibleText(h2, "en") // "Data sources" for <h2><span class="zh">数据来源</span><span class="en">Data sources</span></h2>
 */
export function visibleText(element: Element, lang: Lang): string {
  const copy = element.cloneNode(true) as Element;
  for (const hidden of copy.querySelectorAll(OTHER[lang])) hidden.remove();
  return (copy.textContent ?? "").replace(/\s+/g, " ").trim();
}

/**
 * Rewrites Framework's chrome in `doc` into `lang`: sidebar and pager names, section names, the table of contents
 * (its label and each entry, which Framework builds from both languages of a heading), the title and the sidebar
 * toggle's accessible name; and moves the sidebar's close label out of its list.
 * @example translateChrome(document, currentLang())
 */
export function translateChrome(doc: Document, lang: Lang): void {
  const names = doc.querySelectorAll(
    "#observablehq-sidebar li > a, #observablehq-sidebar summary, #observablehq-sidebar summary > a, #observablehq-footer nav a span"
  );
  for (const element of names) {
    if (element.children.length === 0 && element.textContent) element.textContent = pickBilingual(element.textContent, lang);
  }
  const toc = doc.querySelector("#observablehq-toc nav");
  const label = toc?.querySelector(":scope > div");
  if (label) label.textContent = t({zh: "目录", en: "Contents"}, lang);
  for (const link of doc.querySelectorAll<HTMLAnchorElement>("#observablehq-toc a[href^='#']")) {
    const id = decodeURIComponent(link.getAttribute("href")!.slice(1));
    const heading = doc.getElementById(id);
    if (heading) link.textContent = visibleText(heading, lang);
  }
  doc.title = pickBilingualTitle(doc.title, lang);
  // Framework puts the sidebar's close label inside its first <ol>, which then is not a valid list; move it before.
  const close = doc.querySelector("#observablehq-sidebar > ol > #observablehq-sidebar-close");
  if (close) close.parentElement!.before(close);
  const toggle = doc.querySelector("#observablehq-sidebar-toggle");
  if (toggle) toggle.setAttribute("aria-label", t({zh: "显示或隐藏目录侧栏", en: "Show or hide the sidebar"}, lang));
}
