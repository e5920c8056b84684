// @vitest-environment jsdom
import {beforeEach, describe, expect, it} from "vitest";
import {JSDOM} from "jsdom";
import {LANG_STORAGE_KEY} from "../../../components/i18n.js";
import {pickBilingual, pickBilingualTitle} from "../../../components/site/bilingual.js";
import {languageHeadScript} from "../../../components/site/languageHead.js";
import {langSwitch, switchLanguageUrl} from "../../../components/langSwitch.js";
import {translateChrome, visibleText} from "../../../components/site/siteChrome.js";

/** Runs the head script in a fresh page at `url` with `stored` in localStorage; returns <html lang>, storage, viewport. */
function runHead(url: string, stored: string | null) {
  const dom = new JSDOM(
    `<!DOCTYPE html><html><head><meta name="viewport" content="width=device-width, initial-scale=1, maximum-scale=1">${languageHeadScript()}</head><body></body></html>`,
    {
      url,
      runScripts: "dangerously",
      beforeParse(window) {
        if (stored !== null) window.localStorage.setItem(LANG_STORAGE_KEY, stored);
      }
    }
  );
  const {document, localStorage} = dom.window;
  return {
    lang: document.documentElement.lang,
    stored: localStorage.getItem(LANG_STORAGE_KEY),
    viewport: document.querySelector("meta[name=viewport]")!.getAttribute("content")
  };
}

describe("languageHeadScript", () => {
  it("is Chinese (zh-CN) with no ?lang= and nothing stored", () => {
    expect(runHead("http://site.test/income-gap", null)).toEqual({
      lang: "zh-CN",
      stored: null,
      viewport: "width=device-width, initial-scale=1"
    });
  });
  it("takes ?lang=en first and remembers it for the next page", () => {
    expect(runHead("http://site.test/?lang=en", "zh")).toMatchObject({lang: "en", stored: "en"});
  });
  it("uses the stored language when ?lang= is absent or not a language", () => {
    expect(runHead("http://site.test/sql", "en")).toMatchObject({lang: "en", stored: "en"});
    expect(runHead("http://site.test/sql?lang=fr", "en")).toMatchObject({lang: "en", stored: "en"});
  });
});

describe("pickBilingual", () => {
  it("picks the Han half for Chinese and the other half for English, whichever comes first", () => {
    expect(pickBilingual("城乡收入差距 · Income gap", "zh")).toBe("城乡收入差距");
    expect(pickBilingual("城乡收入差距 · Income gap", "en")).toBe("Income gap");
    expect(pickBilingual("Yearbook scenarios · 年鉴情景", "zh")).toBe("年鉴情景");
    expect(pickBilingual("Yearbook scenarios · 年鉴情景", "en")).toBe("Yearbook scenarios");
  });
  it("leaves names without two halves in different scripts unchanged", () => {
    expect(pickBilingual("Scorecard", "zh")).toBe("Scorecard");
    expect(pickBilingual("a · b", "zh")).toBe("a · b");
    expect(pickBilingual("SQL 工作台 · SQL workbench", "zh")).toBe("SQL 工作台");
  });
  it("pickBilingualTitle picks each part of 'page | site'", () => {
    expect(pickBilingualTitle("数据来源 · Data sources | Yearbook scenarios · 年鉴情景", "en")).toBe("Data sources | Yearbook scenarios");
  });
});

describe("switchLanguageUrl", () => {
  it("keeps path, search and hash but drops ?lang=", () => {
    expect(switchLanguageUrl("https://x.test/sql?lang=en&q=SELECT%201#results")).toBe("https://x.test/sql?q=SELECT+1#results");
    expect(switchLanguageUrl("https://x.test/farmland#scenario")).toBe("https://x.test/farmland#scenario");
  });
});

describe("langSwitch", () => {
  let reloaded: string[];
  beforeEach(() => {
    reloaded = [];
    localStorage.clear();
  });
  it("marks the current language pressed and labels the group in that language", () => {
    const element = langSwitch({lang: "en", reload: (href) => reloaded.push(href)});
    expect(element.getAttribute("role")).toBe("group");
    expect(element.getAttribute("aria-label")).toBe("Language");
    const pressed = [...element.querySelectorAll("button")].map((b) => [b.textContent, b.getAttribute("aria-pressed")]);
    expect(pressed).toEqual([
      ["中文", "false"],
      ["English", "true"]
    ]);
  });
  it("clicking the other language stores it and reloads the same address without ?lang=", () => {
    history.replaceState(null, "", "/sql?lang=zh&q=1#top");
    const element = langSwitch({lang: "zh", reload: (href) => reloaded.push(href)});
    (element.querySelector("button[data-lang=en]") as HTMLButtonElement).click();
    expect(localStorage.getItem(LANG_STORAGE_KEY)).toBe("en");
    expect(reloaded).toEqual([`${location.origin}/sql?q=1#top`]);
  });
  it("clicking the current language does nothing", () => {
    const element = langSwitch({lang: "zh", reload: (href) => reloaded.push(href)});
    (element.querySelector("button[data-lang=zh]") as HTMLButtonElement).click();
    expect(reloaded).toEqual([]);
    expect(localStorage.getItem(LANG_STORAGE_KEY)).toBeNull();
  });
});

describe("translateChrome", () => {
  const page = () => {
    document.title = "数据来源 · Data sources | Yearbook scenarios · 年鉴情景";
    document.body.innerHTML = `<input id="observablehq-sidebar-toggle" type="checkbox" title="Toggle sidebar">
      <nav id="observablehq-sidebar"><ol><label id="observablehq-sidebar-close" for="observablehq-sidebar-toggle"></label><li class="observablehq-link"><a href="./">Yearbook scenarios · 年鉴情景</a></li></ol>
      <section><summary>Notebooks · 笔记本</summary><ol><li><a href="./income-gap">城乡收入差距 · Income gap</a></li></ol></section></nav>
      <aside id="observablehq-toc"><nav><div>Contents</div><ol><li class="observablehq-secondary-link"><a href="#notes">说明Notes</a></li></ol></nav></aside>
      <main><h2 id="notes"><span class="zh">说明</span><span class="en">Notes</span></h2></main>
      <footer id="observablehq-footer"><nav><a rel="next" href="./x"><span>数据修订 · Data revisions</span></a></nav></footer>`;
  };
  const texts = (selector: string) => [...document.querySelectorAll(selector)].map((e) => e.textContent);
  it("writes sidebar, sections, table of contents, pager, title and toggle label in English", () => {
    page();
    translateChrome(document, "en");
    expect(texts("#observablehq-sidebar a")).toEqual(["Yearbook scenarios", "Income gap"]);
    expect(texts("#observablehq-sidebar summary")).toEqual(["Notebooks"]);
    expect(texts("#observablehq-toc nav > div")).toEqual(["Contents"]);
    expect(texts("#observablehq-toc a")).toEqual(["Notes"]);
    expect(texts("#observablehq-footer nav a span")).toEqual(["Data revisions"]);
    expect(document.title).toBe("Data sources | Yearbook scenarios");
    expect(document.querySelector("#observablehq-sidebar-toggle")!.getAttribute("aria-label")).toBe("Show or hide the sidebar");
  });
  it("moves the sidebar's close label out of its list, so the list holds only items", () => {
    page();
    translateChrome(document, "zh");
    const list = document.querySelector("#observablehq-sidebar > ol")!;
    expect([...list.children].map((c) => c.tagName)).toEqual(["LI"]);
    expect(list.previousElementSibling!.id).toBe("observablehq-sidebar-close");
  });
  it("writes them in Chinese", () => {
    page();
    translateChrome(document, "zh");
    expect(texts("#observablehq-sidebar a")).toEqual(["年鉴情景", "城乡收入差距"]);
    expect(texts("#observablehq-toc nav > div")).toEqual(["目录"]);
    expect(texts("#observablehq-toc a")).toEqual(["说明"]);
    expect(document.title).toBe("数据来源 | 年鉴情景");
  });
  it("visibleText drops the other language's parts and squeezes spaces", () => {
    const h = document.createElement("h2");
    h.innerHTML = `<span class="zh">数据 来源</span> <span class="en">Data  sources</span>`;
    expect(visibleText(h, "en")).toBe("Data sources");
    expect(visibleText(h, "zh")).toBe("数据 来源");
  });
});
