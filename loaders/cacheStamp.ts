import {existsSync, readdirSync, readFileSync, rmSync} from "node:fs";
import {join, relative} from "node:path";
import {DATASETS, type Dataset} from "./datasets.js";
import {sha256} from "./manifest.js";
import {RELOAD_LOG_FILE} from "./reload/changelog.js";
import {writeAtomic} from "./writeAtomic.js";

// Framework reruns a data loader only when the loader file is newer than its cached output, so a changed input in
// data/ (a git pull, an analyst's edit) or a changed loaders/ module would go unseen and the site would keep serving
// the old table. This stamp records, for every cached output, what it was made from; `freshenCache` deletes the
// outputs whose inputs or loader code changed since, and Framework then runs their loaders again.

/** Framework's cache of data loader outputs: a file here newer than its loader is served without running it. */
export const CACHE_DIR = "src/.observablehq/cache/data";
/** What each cached output was made from (beside Framework's cache, not in it: Framework never serves it). */
export const STAMP_FILE = "src/.observablehq/cache/yearbook-inputs.json";

/** A file of Framework's data cache that a loader entry point `src/data/<name>.ts` writes, and what it reads. */
export interface CachedOutput {
  name: string;
  inputs: string[];
}

/** Every output the site's loader entry points write: each dataset's table and manifest, and the reload log. */
export function cachedOutputs(datasets: readonly Dataset[] = DATASETS): CachedOutput[] {
  return [
    ...datasets.flatMap((d) => [
      {name: `${d.id}.csv`, inputs: d.inputs},
      {name: `${d.id}.manifest.json`, inputs: d.inputs}
    ]),
    {name: "reload-log.json", inputs: [RELOAD_LOG_FILE]}
  ];
}

/** One hash of every module in loaders/ (paths and bytes): a change to any of them may change any output. */
export function loadersHash(root: string): string {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, {withFileTypes: true})) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (/\.[cm]?[jt]s$/.test(entry.name)) files.push(path);
    }
  };
  // A project without loaders/ of its own (one that imports them) has no loader code to vouch for.
  if (existsSync(join(root, "loaders"))) walk(join(root, "loaders"));
  files.sort();
  return sha256(Buffer.from(files.map((f) => `${relative(root, f)}\n${sha256(readFileSync(f))}`).join("\n")));
}

/**
 * What each output would be made from now: the loaders' hash and each input's sha256 (an absent input counts as
 * empty). `inputHash` overrides an input's hash, for a reload that is about to swap new inputs in.
 * @example stampFor(".", cachedOutputs())["income-national.csv"] // "3f0c…"
 */
export function stampFor(
  root: string,
  outputs: readonly CachedOutput[],
  inputHash: (input: string) => string | undefined = () => undefined
): Record<string, string> {
  const code = loadersHash(root);
  const hashes = new Map<string, string>();
  const hashOf = (input: string) => {
    let hash = hashes.get(input) ?? inputHash(input);
    if (hash === undefined) {
      const path = join(root, input);
      hash = sha256(existsSync(path) ? readFileSync(path) : new Uint8Array());
    }
    hashes.set(input, hash);
    return hash;
  };
  return Object.fromEntries(
    outputs.map((o) => [o.name, sha256(Buffer.from([code, ...o.inputs.map(hashOf)].join("\n")))])
  );
}

/** The stamp file's bytes. */
export function stampText(stamp: Record<string, string>): string {
  return JSON.stringify(stamp, null, 2) + "\n";
}

/**
 * Deletes the cached outputs whose inputs or loader code changed since they were made (or that no stamp vouches
 * for), then records what the outputs are now to be made from. Returns the names deleted.
 * @example freshenCache(process.cwd()) // ["income-national.csv", "income-national.manifest.json"]
 */
export function freshenCache(root: string, datasets: readonly Dataset[] = DATASETS): string[] {
  const outputs = cachedOutputs(datasets);
  const now = stampFor(root, outputs);
  let before: Record<string, string> = {};
  try {
    before = JSON.parse(readFileSync(join(root, STAMP_FILE), "utf8")) as Record<string, string>;
  } catch {
    // no stamp yet (or an unreadable one): no cached output is vouched for
  }
  const removed: string[] = [];
  for (const {name} of outputs) {
    const cached = join(root, CACHE_DIR, name);
    if (before[name] !== now[name] && existsSync(cached)) {
      rmSync(cached, {force: true});
      removed.push(name);
    }
  }
  if (JSON.stringify(before) !== JSON.stringify(now)) writeAtomic(join(root, STAMP_FILE), stampText(now));
  return removed;
}
