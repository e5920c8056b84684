import {existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {afterEach, beforeEach, describe, expect, it} from "vitest";
import {CACHE_DIR, cachedOutputs, freshenCache, STAMP_FILE, stampFor} from "../../../loaders/cacheStamp.js";
import type {Dataset} from "../../../loaders/datasets.js";

// A tiny project: one loader module, two datasets reading two data files, and Framework's cache holding outputs.
const datasets: Dataset[] = ["a", "b"].map((id) => ({
  id,
  inputs: [`data/${id}.csv`],
  load: () => {
    throw new Error("not loaded here");
  }
}));
let root: string;
const put = (path: string, text: string) => {
  mkdirSync(join(root, path, ".."), {recursive: true});
  writeFileSync(join(root, path), text);
};
const cacheAll = () => {
  for (const {name} of cachedOutputs(datasets)) put(join(CACHE_DIR, name), `made from what is there now: ${name}`);
};
const cached = () => cachedOutputs(datasets).filter(({name}) => existsSync(join(root, CACHE_DIR, name))).map((o) => o.name);

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), "ys-stamp-"));
  put("loaders/read.ts", "export const version = 1;\n");
  put("data/a.csv", "year,value\n2019,1\n");
  put("data/b.csv", "year,value\n2019,2\n");
  put("data/reload-log.json", '{"runs": []}\n');
});
afterEach(() => rmSync(root, {recursive: true, force: true}));

describe("freshenCache", () => {
  it("drops cached outputs nothing vouches for, then keeps them while nothing changes", () => {
    cacheAll();
    expect(freshenCache(root, datasets)).toEqual(["a.csv", "a.manifest.json", "b.csv", "b.manifest.json", "reload-log.json"]);
    expect(cached()).toEqual([]);
    expect(JSON.parse(readFileSync(join(root, STAMP_FILE), "utf8"))).toEqual(stampFor(root, cachedOutputs(datasets)));
    cacheAll();
    expect(freshenCache(root, datasets)).toEqual([]);
    expect(cached()).toHaveLength(5);
  });

  it("drops exactly the outputs of a changed data file, and a missing output is not reported", () => {
    freshenCache(root, datasets);
    cacheAll();
    rmSync(join(root, CACHE_DIR, "a.manifest.json"));
    put("data/a.csv", "year,value\n2019,1.5\n");
    expect(freshenCache(root, datasets)).toEqual(["a.csv"]);
    expect(cached()).toEqual(["b.csv", "b.manifest.json", "reload-log.json"]);
    // Back to the old bytes: the outputs made in between are now the stale ones.
    cacheAll();
    put("data/a.csv", "year,value\n2019,1\n");
    expect(freshenCache(root, datasets)).toEqual(["a.csv", "a.manifest.json"]);
    put("data/reload-log.json", '{"runs": [1]}\n');
    cacheAll();
    expect(freshenCache(root, datasets)).toEqual(["reload-log.json"]);
  });

  it("drops every output when any loader module changes or is added, and when a data file disappears", () => {
    freshenCache(root, datasets);
    cacheAll();
    put("loaders/read.ts", "export const version = 2;\n");
    expect(freshenCache(root, datasets)).toHaveLength(5);
    cacheAll();
    put("loaders/layouts/new.ts", "export {};\n");
    expect(freshenCache(root, datasets)).toHaveLength(5);
    cacheAll();
    rmSync(join(root, "data/b.csv"));
    expect(freshenCache(root, datasets)).toEqual(["b.csv", "b.manifest.json"]);
  });

  it("takes a reload's new input hashes in place of the files on disk", () => {
    const outputs = cachedOutputs(datasets);
    const now = stampFor(root, outputs);
    const after = stampFor(root, outputs, (input) => (input === "data/b.csv" ? "f".repeat(64) : undefined));
    expect(after["a.csv"]).toBe(now["a.csv"]);
    expect(after["b.csv"]).not.toBe(now["b.csv"]);
    expect(after["b.manifest.json"]).toBe(after["b.csv"]);
  });
});
