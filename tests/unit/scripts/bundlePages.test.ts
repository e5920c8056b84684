import {mkdtempSync, readdirSync, readFileSync, rmSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {afterAll, describe, expect, it} from "vitest";
import {build} from "esbuild";
import {bundleOptions, STANDALONE} from "../../../scripts/bundle-pages.js";

const PAGES = readdirSync("src", {recursive: true, encoding: "utf8"}).filter((f) => f.endsWith(".md") && !f.startsWith(".observablehq") && !f.startsWith("components"));
/** The names a page imports from its bundle, as written (`a as b` → `a`). */
function bundleImports(markdown: string): {bundle: string; names: string[]}[] {
  return [...markdown.matchAll(/import \{([^}]*)\} from "(?:\.|\.\.)\/bundles\/([\w-]+)\.js";/g)].map((m) => ({
    bundle: m[2],
    names: m[1].split(",").map((n) => n.trim().split(/\s+as\s+/)[0]).filter(Boolean)
  }));
}

describe("page bundles", () => {
  const out = mkdtempSync(join(tmpdir(), "ys-bundles-"));
  afterAll(() => rmSync(out, {recursive: true, force: true}));

  it("have one entry per file in pages/: the notebooks split into shared chunks, the standalone pages whole", () => {
    const [shared, whole] = bundleOptions(".");
    const names = (o: typeof shared) => (o.entryPoints as string[]).map((p) => p.replace(/^.*pages\//, ""));
    expect([...names(shared), ...names(whole)].sort()).toEqual(readdirSync("pages").sort());
    expect(names(whole).sort()).toEqual([...STANDALONE].map((n) => `${n}.ts`).sort());
    expect(shared).toMatchObject({bundle: true, splitting: true, format: "esm", packages: "external"});
    expect(whole).toMatchObject({bundle: true, splitting: false, format: "esm", packages: "external"});
  });

  it("export every name each page imports from its bundle, and a page imports components only through it", async () => {
    const builds = await Promise.all(bundleOptions(".").map((o) => build({...o, outdir: out, metafile: true, logLevel: "silent"})));
    const outputs = Object.fromEntries(builds.flatMap((b) => Object.entries(b.metafile!.outputs)));
    const bundled = PAGES.flatMap((page) => bundleImports(readFileSync(join("src", page), "utf8")).map((i) => ({page, ...i})));
    expect(bundled.map((b) => b.page).sort()).toEqual(["farmland.md", "income-gap.md", "income-provinces.md", "reports/[slug].md", "scorecard.md", "sql.md", "tap-water.md", "urbanization.md"]);
    for (const {page, bundle, names} of bundled) {
      const output = Object.entries(outputs).find(([file]) => file.endsWith(`/${bundle}.js`));
      expect(output, `${page}: no bundle ${bundle}`).toBeDefined();
      const missing = names.filter((n) => !output![1].exports.includes(n));
      expect(missing, `${page} imports names that ${bundle}.js does not export`).toEqual([]);
      expect(readFileSync(join("src", page), "utf8"), `${page} imports a component outside its bundle`).not.toMatch(/from "\.\.?\/components\//);
    }
  });

  it("load the scenario tools as a chunk of their own, shared by every notebook", async () => {
    const result = await build({...bundleOptions(".")[0], outdir: out, metafile: true, logLevel: "silent", write: false});
    const tools = Object.keys(result.metafile!.outputs).filter((f) => /notebookTools-\w+\.js$/.test(f));
    expect(tools).toHaveLength(1);
    const importers = Object.entries(result.metafile!.outputs).filter(([, o]) => o.imports.some((i) => i.path.endsWith(tools[0].split("/").pop()!) && i.kind === "dynamic-import"));
    expect(importers.length).toBeGreaterThanOrEqual(1);
  });
});
