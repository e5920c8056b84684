import {existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {afterEach, beforeEach, describe, expect, it} from "vitest";
import {commitSwap, prepareSwap, recoverSwaps} from "../../../loaders/reload/swap.js";

let root: string;
const read = (path: string) => readFileSync(join(root, path), "utf8");
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), "ys-swap-"));
  mkdirSync(join(root, "data"));
  writeFileSync(join(root, "data/a.csv"), "old a");
  writeFileSync(join(root, "data/b.csv"), "old b");
});
afterEach(() => rmSync(root, {recursive: true, force: true}));

const files = () => [
  {target: join(root, "data/a.csv"), content: "new a"},
  {target: join(root, "data/b.csv"), content: "new b"},
  {target: join(root, "cache/c.csv"), content: "new c"}
];

describe("prepareSwap and commitSwap", () => {
  it("prepareSwap touches no target; commitSwap replaces all of them and creates missing folders", () => {
    const plan = prepareSwap(join(root, "stage/run1"), files());
    expect([read("data/a.csv"), read("data/b.csv"), existsSync(join(root, "cache/c.csv"))]).toEqual([
      "old a",
      "old b",
      false
    ]);
    commitSwap(plan);
    expect([read("data/a.csv"), read("data/b.csv"), read("cache/c.csv")]).toEqual(["new a", "new b", "new c"]);
  });
});

describe("recoverSwaps", () => {
  it("discards a run killed before its commit point: every target keeps its old bytes", () => {
    prepareSwap(join(root, "stage/run1"), files());
    expect(recoverSwaps(join(root, "stage"))).toEqual([
      "discarded the staging of an interrupted reload (run1); no output had been replaced"
    ]);
    expect([read("data/a.csv"), read("data/b.csv"), existsSync(join(root, "cache/c.csv"))]).toEqual([
      "old a",
      "old b",
      false
    ]);
    expect(existsSync(join(root, "stage/run1"))).toBe(false);
  });

  it("completes a run killed after its commit point, halfway through the renames", () => {
    const plan = prepareSwap(join(root, "stage/run1"), files());
    // What a kill between the first and second rename leaves: the journal, one file moved, two still staged.
    writeFileSync(join(root, "stage/run1/journal.json"), JSON.stringify(plan.entries));
    const [first] = plan.entries;
    writeFileSync(first.target, readFileSync(first.temp));
    rmSync(first.temp);
    expect(recoverSwaps(join(root, "stage"))).toEqual([
      "completed an interrupted swap (2 of 3 files were still to move)"
    ]);
    expect([read("data/a.csv"), read("data/b.csv"), read("cache/c.csv")]).toEqual(["new a", "new b", "new c"]);
  });

  it("does nothing when there is no staging folder", () => {
    expect(recoverSwaps(join(root, "nothing"))).toEqual([]);
  });
});
