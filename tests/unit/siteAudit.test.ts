import {describe, expect, it} from "vitest";
import {errorCells, externalImportsInJs, externalLoadsInCss, externalLoadsInHtml, isExternalUrl, npmSpecifiers} from "../support/siteAudit.js";

describe("isExternalUrl", () => {
  it("treats absolute and protocol-relative URLs to other hosts as external", () => {
    expect(isExternalUrl("https://fonts.googleapis.com/css2")).toBe(true);
    expect(isExternalUrl("//cdn.jsdelivr.net/npm/x")).toBe(true);
    expect(isExternalUrl("wss://example.org/socket")).toBe(true);
  });
  it("treats site-relative paths and loopback as local", () => {
    expect(isExternalUrl("./_observablehq/client.js")).toBe(false);
    expect(isExternalUrl("/_node/d3-array@3.2.4/index.js")).toBe(false);
    expect(isExternalUrl("http://127.0.0.1:3000/x.js")).toBe(false);
    expect(isExternalUrl("data:image/png;base64,AAAA")).toBe(false);
  });
});

describe("externalLoadsInHtml", () => {
  it("finds scripts, stylesheets, images and preloads on other hosts", () => {
    const html = `<link rel="stylesheet" href="https://fonts.googleapis.com/css2?family=Source+Serif+4">
      <link rel="modulepreload" href="./_npm/htl.js"><script type="module" src="https://cdn.jsdelivr.net/npm/d3@7/+esm"></script>
      <img src='//example.org/a.png'><a href="https://data.stats.gov.cn">NBS</a>`;
    expect(externalLoadsInHtml(html)).toEqual([
      "https://fonts.googleapis.com/css2?family=Source+Serif+4",
      "https://cdn.jsdelivr.net/npm/d3@7/+esm",
      "//example.org/a.png"
    ]);
  });
  it("finds imports in inline modules and url() in inline styles", () => {
    const html = `<script type="module">import {x} from "https://esm.sh/x"; import("./local.js");</script>
      <style>@import url("https://fonts.googleapis.com/x");</style><div style="background: url(https://a.b/c.png)"></div>`;
    expect(externalLoadsInHtml(html).sort()).toEqual(["https://a.b/c.png", "https://esm.sh/x", "https://fonts.googleapis.com/x"]);
  });
  it("ignores links a reader may follow", () => {
    expect(externalLoadsInHtml(`<a href="https://www.stats.gov.cn/">国家统计局</a>`)).toEqual([]);
  });
});

describe("externalLoadsInCss and externalImportsInJs", () => {
  it("reads @import strings and url() targets", () => {
    expect(externalLoadsInCss(`@import "https://x.org/a.css"; .a{background:url('/local.png')}`)).toEqual(["https://x.org/a.css"]);
  });
  it("reads static, dynamic and re-export specifiers and worker URLs", () => {
    const js = `import a from "https://x.org/a.js";export * from "https://x.org/b.js";const c = import("https://x.org/c.js");
      new Worker("https://x.org/w.js"); import "./ok.js";`;
    expect(externalImportsInJs(js).sort()).toEqual(["https://x.org/a.js", "https://x.org/b.js", "https://x.org/c.js", "https://x.org/w.js"]);
  });
});

describe("errorCells", () => {
  it("returns the text of Framework's rendered error cells", () => {
    const html = `<div class="observablehq observablehq--block"><div class="observablehq--inspect observablehq--error">SyntaxError: non-local import</div></div>`;
    expect(errorCells(html)).toEqual(["SyntaxError: non-local import"]);
  });
  it("finds none in a clean page", () => {
    expect(errorCells(`<div class="observablehq observablehq--block"></div>`)).toEqual([]);
  });
});

describe("npmSpecifiers", () => {
  it("finds npm: imports in any quote style", () => {
    expect(npmSpecifiers(`import * as d3 from "npm:d3"; const x = await import('npm:lodash@4');`)).toEqual(["npm:d3", "npm:lodash@4"]);
  });
});
