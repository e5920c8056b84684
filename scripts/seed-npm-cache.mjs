#!/usr/bin/env node
// Framework 1.13 asks the npm registry for the version of every module its client standard library can import
// (react-dom, lodash, echarts, ...), even when no page uses them. An empty directory
// src/.observablehq/cache/_npm/<name>@<version> answers that question from disk, so the build needs no network.
// Names are read from Framework's own client bundle (so a Framework upgrade cannot silently add one);
// versions come from node_modules where the package is installed, else a placeholder that is never fetched
// because no page may use npm: imports (tests/site/offline.test.ts enforces that).
import {existsSync, mkdirSync, readFileSync, readdirSync, statSync} from "node:fs";
import {dirname, join} from "node:path";
import {fileURLToPath} from "node:url";

// --root DIR seeds another Framework project (tests/site/plugin.test.ts builds one that uses this plugin).
const rootFlag = process.argv.indexOf("--root");
const projectRoot = rootFlag > 0 ? process.argv[rootFlag + 1] : join(dirname(fileURLToPath(import.meta.url)), "..");
const frameworkDir = join(projectRoot, "node_modules", "@observablehq", "framework");
const cacheDir = join(projectRoot, "src", ".observablehq", "cache", "_npm");

/** Every package name that Framework's client code imports with an npm: specifier. */
export function stdlibNpmNames(dir = join(frameworkDir, "dist", "client")) {
  const names = new Set();
  for (const file of walk(dir)) {
    if (!file.endsWith(".js")) continue;
    for (const [, specifier] of readFileSync(file, "utf8").matchAll(/["']npm:([^"']+)["']/g)) {
      names.add(packageName(specifier));
    }
  }
  return [...names].sort();
}

function packageName(specifier) {
  const parts = specifier.split("/");
  const name = specifier.startsWith("@") ? parts.slice(0, 2).join("/") : parts[0];
  return name.replace(/@[^@/]+$/, (m) => (m === name ? m : "")); // drop a @range suffix
}

function* walk(dir) {
  for (const entry of readdirSync(dir)) {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) yield* walk(path);
    else yield path;
  }
}

function installedVersion(name) {
  const manifest = join(projectRoot, "node_modules", name, "package.json");
  return existsSync(manifest) ? JSON.parse(readFileSync(manifest, "utf8")).version : undefined;
}

/** True when some version of name is already in the cache (seeded, or fetched on a machine with network). */
function isCached(name) {
  const slash = name.lastIndexOf("/");
  const parent = join(cacheDir, name.slice(0, slash + 1));
  return existsSync(parent) && readdirSync(parent).some((entry) => entry.startsWith(`${name.slice(slash + 1)}@`));
}

function seed() {
  const seeded = [];
  for (const name of stdlibNpmNames()) {
    if (isCached(name)) continue;
    const dir = join(cacheDir, `${name}@${installedVersion(name) ?? "0.0.0"}`);
    mkdirSync(dir, {recursive: true});
    seeded.push(name);
  }
  if (seeded.length) console.log(`seeded ${seeded.length} npm version entries (offline build): ${seeded.join(", ")}`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) seed();
