// The language switch in the site header: two buttons, the current one pressed. Choosing the other stores it and
// reloads the page (search and hash kept), because components read the language once when they render.
import {currentLang, LANG_STORAGE_KEY, type Lang} from "./i18n.js";
import {flushAfterFrame} from "./afterFrame.js";

/**
 * The address to reload after switching: the same page, search and hash, without a `?lang=` that would override the
 * stored choice.
 * @example switchLanguageUrl("https://x/sql?lang=en&q=1#top") // "https://x/sql?q=1#top"
 */
export function switchLanguageUrl(href: string): string {
  const url = new URL(href);
  url.searchParams.delete("lang");
  return url.href;
}

/**
 * The switch element: buttons "中文" and "English" in a labelled group. `reload` is injectable for tests.
 * @example document.querySelector("#lang-switch").append(langSwitch())
 */
export function langSwitch({
  lang = currentLang(),
  storage = globalThis.localStorage as Storage | undefined,
  // Assigning an address that differs only in its hash would not reload, hence reload() when nothing else changes.
  reload = (href: string) => (href === location.href ? location.reload() : location.assign(href))
}: {lang?: Lang; storage?: Storage; reload?: (href: string) => void} = {}): HTMLElement {
  const group = document.createElement("div");
  group.className = "lang-switch";
  group.setAttribute("role", "group");
  group.setAttribute("aria-label", lang === "zh" ? "语言" : "Language");
  for (const [value, label, ownLang] of [
    ["zh", "中文", "zh-CN"],
    ["en", "English", "en"]
  ] as const) {
    const button = document.createElement("button");
    button.type = "button";
    button.textContent = label;
    button.lang = ownLang;
    button.dataset.lang = value;
    button.setAttribute("aria-pressed", String(value === lang));
    button.addEventListener("click", () => {
      if (value === lang) return;
      flushAfterFrame(); // the address must carry the latest share link before it is reloaded
      try {
        storage?.setItem(LANG_STORAGE_KEY, value);
      } catch {
        // Private modes may refuse storage; the reload below still carries the choice in ?lang=.
        return reload(withLang(location.href, value));
      }
      reload(switchLanguageUrl(location.href));
    });
    group.append(button);
  }
  return group;
}

function withLang(href: string, lang: Lang): string {
  const url = new URL(href);
  url.searchParams.set("lang", lang);
  return url.href;
}
