import {readFileSync} from "node:fs";
import {join} from "node:path";
import {describe, expect, it} from "vitest";
import {BUILD_REPORT, DIST, builtPages, listFiles} from "../support/builtSite.js";
import {errorCells, externalImportsInJs, externalLoadsInCss, externalLoadsInHtml, npmSpecifiers} from "../support/siteAudit.js";

const files = listFiles(DIST);
const read = (file: string) => readFileSync(join(DIST, file), "utf8");

describe("the offline build", () => {
  const report = JSON.parse(readFileSync(BUILD_REPORT, "utf8"));

  it("succeeded with the network cut off", () => {
    expect(report.mode).toMatch(/unshare -rn|node network guard/);
    expect(report.status, report.log.slice(-2000)).toBe(0);
    expect(report.log).not.toMatch(/fetch failed|ENOTFOUND|EAI_AGAIN|network access blocked/);
  });

  it("built every page, including the notebooks", () => {
    expect(builtPages()).toEqual(expect.arrayContaining(["/", "/income-gap"]));
  });

  it("copied nothing from the npm CDN (no /_npm/ modules)", () => {
    expect(files.filter((f) => f.startsWith("_npm/"))).toEqual([]);
  });
});

describe("every built page", () => {
  const pages = files.filter((f) => f.endsWith(".html"));

  it.each(pages)("%s has no error cells", (file) => {
    expect(errorCells(read(file))).toEqual([]);
  });

  it.each(pages)("%s loads nothing from another host", (file) => {
    expect(externalLoadsInHtml(read(file))).toEqual([]);
  });
});

describe("built assets", () => {
  it("stylesheets load nothing from another host (no web fonts)", () => {
    const found = files.filter((f) => f.endsWith(".css")).flatMap((f) => externalLoadsInCss(read(f)).map((u) => `${f}: ${u}`));
    expect(found).toEqual([]);
  });

  it("scripts import nothing from another host", () => {
    const found = files.filter((f) => f.endsWith(".js")).flatMap((f) => externalImportsInJs(read(f)).map((u) => `${f}: ${u}`));
    expect(found).toEqual([]);
  });
});

describe("sources", () => {
  it("keep Markdown out of components/ (src/components is a symlink: a .md there would be built as a page)", () => {
    expect(listFiles("components").filter((f) => f.endsWith(".md"))).toEqual([]);
    expect(builtPages().filter((route) => route.startsWith("/components"))).toEqual([]);
  });

  it("use no npm: specifiers in src/, components/, pages/ or loaders/", () => {
    const sources = ["src", "components", "pages", "loaders"].flatMap((dir) =>
      listFiles(dir)
        .filter((f) => /\.(md|ts|js)$/.test(f) && !f.startsWith(".observablehq") && !f.startsWith("components/"))
        .map((f) => join(dir, f))
    );
    expect(sources.length).toBeGreaterThan(10);
    const found = sources.flatMap((f) => npmSpecifiers(readFileSync(f, "utf8")).map((s) => `${f}: ${s}`));
    expect(found).toEqual([]);
  });
});
