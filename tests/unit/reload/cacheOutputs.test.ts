import {existsSync, readFileSync, rmSync} from "node:fs";
import {join} from "node:path";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {copyProject, CACHE, PROJECT} from "../../fixtures/reload/projectCopy.js";
import {DATASETS} from "../../../loaders/datasets.js";
import {emitManifest, emitTable} from "../../../loaders/emit.js";
import {reload} from "../../../loaders/reload/reload.js";

// Reload writes Framework's cache itself instead of running the loaders, so its files must be exactly what the
// loader entry points (emitTable / emitManifest) would write, or a build after `npm run clean` would differ.
let root: string;
beforeAll(async () => {
  root = copyProject();
  await reload({root, progress: {update() {}, done() {}, info() {}}});
}, 60_000);
afterAll(() => void (root && rmSync(root, {recursive: true, force: true})));

function captureStdout(fn: () => void): string {
  const write = process.stdout.write;
  let text = "";
  process.stdout.write = ((chunk: string | Uint8Array) => {
    text += typeof chunk === "string" ? chunk : Buffer.from(chunk).toString("utf8");
    return true;
  }) as typeof process.stdout.write;
  try {
    fn();
  } finally {
    process.stdout.write = write;
  }
  return text;
}

const withoutTime = (json: string) => ({...JSON.parse(json), generatedAt: undefined});
const entries = DATASETS.filter((d) => existsSync(join(PROJECT, "src/data", `${d.id}.csv.ts`))).map((d) => d.id);

describe("the cache files reload writes", () => {
  it("cover every dataset with a loader entry point", () => {
    expect(entries).toContain("income-national");
    for (const id of entries) expect(existsSync(join(root, CACHE, `${id}.csv`)), id).toBe(true);
  });

  it.each(entries)("%s: are byte for byte what the loader entry points write (manifest up to its time)", (id) => {
    // The loaders read data/ relative to the working directory: the real project, identical to the copy here.
    expect(readFileSync(join(root, CACHE, `${id}.csv`), "utf8")).toBe(captureStdout(() => emitTable(id)));
    const manifest = join(root, CACHE, `${id}.manifest.json`);
    if (existsSync(manifest)) {
      expect(withoutTime(readFileSync(manifest, "utf8"))).toEqual(withoutTime(captureStdout(() => emitManifest(id))));
    }
  });
});
