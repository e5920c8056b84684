// Bundles what each notebook imports into a few files: Framework 1.13 serves every local module as a file of its own,
// and a notebook's first chart waited on about thirty of them (one request each; on an HTTP/1.1 host, six at a time).
// Each `pages/<name>.ts` lists what `src/<name>.md` imports; esbuild writes `src/bundles/<name>.js` plus the chunks the
// notebooks and the scenario tools share, so a notebook loads each of its modules once. npm packages stay bare
// imports for Framework to resolve. `npm run build` runs this first; `npm run dev` keeps it running with --watch.
import {existsSync, readdirSync, rmSync} from "node:fs";
import {join, resolve} from "node:path";
import {pathToFileURL} from "node:url";
import {build, context, type BuildOptions} from "esbuild";

/** The folder Framework serves the bundles from (generated, not committed). */
export const BUNDLE_DIR = "src/bundles";

/**
 * Pages bundled whole, each on its own: the header chrome, the SQL workbench and the report page share little with the
 * notebooks, and splitting them in with the notebooks cut the notebooks' shared code into more, smaller chunks (11-13
 * files a notebook instead of 6-8). What they repeat (i18n, format) holds no state; afterFrame, which the language
 * switch shares with the notebooks, keeps its queue on globalThis, one per page.
 */
export const STANDALONE = new Set(["chrome", "sql", "report"]);

/**
 * esbuild's builds for a project root: the notebooks in pages/ in one build with chunks shared between them and the
 * scenario tools; each page named in STANDALONE bundled whole.
 */
export function bundleOptions(root: string): BuildOptions[] {
  const pages = join(root, "pages");
  const entries = readdirSync(pages)
    .filter((name) => name.endsWith(".ts"))
    .map((name) => ({name: name.slice(0, -3), path: join(pages, name)}));
  const common: BuildOptions = {
    outdir: join(root, BUNDLE_DIR),
    bundle: true,
    format: "esm",
    platform: "browser",
    target: "es2022",
    // npm packages (Plot, htl, d3-format, DuckDB-WASM…) are left to Framework, which serves them from node_modules.
    packages: "external",
    entryNames: "[name]",
    chunkNames: "chunks/[name]-[hash]",
    logLevel: "warning"
  };
  const shared = entries.filter((e) => !STANDALONE.has(e.name)).map((e) => e.path);
  const whole = entries.filter((e) => STANDALONE.has(e.name)).map((e) => e.path);
  return [
    ...(shared.length ? [{...common, entryPoints: shared, splitting: true}] : []),
    ...(whole.length ? [{...common, entryPoints: whole, splitting: false}] : [])
  ];
}

/** Writes the bundles anew (stale chunks removed first); throws with esbuild's messages on an error. */
export async function bundlePages(root: string): Promise<void> {
  rmSync(join(root, BUNDLE_DIR), {recursive: true, force: true});
  await Promise.all(bundleOptions(root).map((options) => build(options)));
}

/** Writes the bundles and rewrites them on every change of what they include; resolves to a stop function. */
export async function watchPages(root: string): Promise<() => Promise<void>> {
  rmSync(join(root, BUNDLE_DIR), {recursive: true, force: true});
  const contexts = await Promise.all(bundleOptions(root).map((options) => context(options)));
  for (const ctx of contexts) {
    await ctx.rebuild();
    await ctx.watch();
  }
  return async () => void (await Promise.all(contexts.map((ctx) => ctx.dispose())));
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const root = resolve(process.argv[2] ?? ".");
  if (!existsSync(join(root, "pages"))) throw new Error(`${root}: no pages/ folder to bundle`);
  try {
    await bundlePages(root);
  } catch {
    // esbuild has printed the file, line and column of each error.
    process.exit(1);
  }
}
