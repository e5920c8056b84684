// Bundles what each notebook imports into a few files: Framework 1.13 serves every local module as a file of its own,
// and a notebook's first chart waited on about thirty of them (one request each; on an HTTP/1.1 host, six at a time).
// Each `pages/<name>.ts` lists what `src/<name>.md` imports; esbuild writes `src/bundles/<name>.js` plus the chunks the
// pages, the site chrome and the scenario tools share, so every module is still loaded once. npm packages stay bare
// imports for Framework to resolve. `npm run build` runs this first; `npm run dev` keeps it running with --watch.
import {existsSync, readdirSync, rmSync} from "node:fs";
import {join, resolve} from "node:path";
import {pathToFileURL} from "node:url";
import {build, context, type BuildOptions} from "esbuild";

/** The folder Framework serves the bundles from (generated, not committed). */
export const BUNDLE_DIR = "src/bundles";

/** esbuild's options for a project root: one entry per file in pages/, chunks shared between them. */
export function bundleOptions(root: string): BuildOptions {
  const pages = join(root, "pages");
  const entryPoints = readdirSync(pages)
    .filter((name) => name.endsWith(".ts"))
    .map((name) => join(pages, name));
  return {
    entryPoints,
    outdir: join(root, BUNDLE_DIR),
    bundle: true,
    splitting: true,
    format: "esm",
    platform: "browser",
    target: "es2022",
    // npm packages (Plot, htl, d3-format, DuckDB-WASM…) are left to Framework, which serves them from node_modules.
    packages: "external",
    entryNames: "[name]",
    chunkNames: "chunks/[name]-[hash]",
    logLevel: "warning"
  };
}

/** Writes the bundles anew (stale chunks removed first); throws with esbuild's messages on an error. */
export async function bundlePages(root: string): Promise<void> {
  rmSync(join(root, BUNDLE_DIR), {recursive: true, force: true});
  await build(bundleOptions(root));
}

/** Writes the bundles and rewrites them on every change of what they include; resolves to a stop function. */
export async function watchPages(root: string): Promise<() => Promise<void>> {
  rmSync(join(root, BUNDLE_DIR), {recursive: true, force: true});
  const ctx = await context(bundleOptions(root));
  await ctx.rebuild();
  await ctx.watch();
  return () => ctx.dispose();
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
