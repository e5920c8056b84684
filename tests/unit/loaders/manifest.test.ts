import {mkdtempSync, rmSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {afterAll, describe, expect, it} from "vitest";
import {countsOf, fileDigest, makeManifest, sha256, Sha256Digest, tableManifest} from "../../../loaders/manifest.js";

const tmp = mkdtempSync(join(tmpdir(), "ys-manifest-"));
afterAll(() => rmSync(tmp, {recursive: true, force: true}));
const ABC = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";

describe("the one digest", () => {
  it("gives the known SHA-256 of 'abc' fed at once, in pieces and from a file", () => {
    expect(sha256(Buffer.from("abc"))).toBe(ABC);
    const d = new Sha256Digest();
    d.update(Buffer.from("a"));
    d.update(Buffer.from("bc"));
    expect(d.result()).toEqual({sha256: ABC, bytes: 3});
    writeFileSync(join(tmp, "abc"), "abc");
    expect(fileDigest(join(tmp, "abc"))).toEqual({sha256: ABC, bytes: 3});
  });
});

describe("makeManifest and tableManifest", () => {
  const now = new Date("2026-01-02T03:04:05Z");
  it("put the source, counts and notes together", () => {
    const counts = countsOf([{value: 1}, {value: null}], {x: {canonical: "元", original: ["万元"]}}, ["w"]);
    expect(counts).toEqual({rows: 2, missing: 1, units: {x: {canonical: "元", original: ["万元"]}}, warnings: ["w"]});
    expect(
      makeManifest({dataset: "d", file: "f.csv", digest: {sha256: ABC, bytes: 3}, encoding: "utf-8", layout: "long", counts, notes: "n", now})
    ).toEqual({
      dataset: "d",
      source: {file: "f.csv", sha256: ABC, bytes: 3, encoding: "utf-8", layout: "long", notes: "n"},
      rows: 2,
      missing: 1,
      units: {x: {canonical: "元", original: ["万元"]}},
      warnings: ["w"],
      generatedAt: "2026-01-02T03:04:05.000Z"
    });
  });

  it("names the dataset after the file unless the options name one, and leaves out empty notes", () => {
    const read = {digest: {sha256: ABC, bytes: 3}, encoding: "gb18030", layout: "yearbook"};
    const m = tableManifest("dir/6-13 表.csv", {}, countsOf([]), read);
    expect([m.dataset, m.source.file, "notes" in m.source]).toEqual(["6-13 表", "dir/6-13 表.csv", false]);
    expect(tableManifest("a.csv", {dataset: "x", name: "shown.csv"}, countsOf([]), read).source.file).toBe("shown.csv");
  });
});
