import {mkdirSync, mkdtempSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {describe, expect, it} from "vitest";
import {requestPath, siteFile} from "../../../scripts/support/serveStatic.js";

describe("siteFile: the file a static host serves for a path", () => {
  const base = mkdtempSync(join(tmpdir(), "ys-site-"));
  mkdirSync(join(base, "reports"));
  writeFileSync(join(base, "income-gap.html"), "page");
  writeFileSync(join(base, "reports", "index.html"), "index");
  writeFileSync(join(base, "data.csv"), "a\n1\n");

  it("answers a clean URL with its .html, a folder with its index.html, a file with itself", () => {
    expect(siteFile(base, "/income-gap")).toBe(join(base, "income-gap.html"));
    expect(siteFile(base, "/reports/")).toBe(join(base, "reports", "index.html"));
    expect(siteFile(base, "/data.csv")).toBe(join(base, "data.csv"));
  });
  it("answers null for a missing file and for a path that leaves the site", () => {
    expect(siteFile(base, "/nothing")).toBeNull();
    expect(siteFile(base, "/../etc/passwd")).toBeNull();
  });
  it("requestPath decodes the URL's path and drops its query", () => {
    expect(requestPath("/reports/a%20b?x=1")).toBe("/reports/a b");
    expect(requestPath(undefined)).toBe("/");
  });
});
