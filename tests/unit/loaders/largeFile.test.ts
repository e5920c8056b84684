import {mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {ingestFileTo} from "../../../loaders/ingest.js";
import {writeSyntheticPortal} from "../../fixtures/syntheticPortal.js";

// A 100 MB SYNTHETIC portal export (made-up values), generated here and never committed: the download broke off,
// so its last row is cut short. The error must name that row's line, and the earlier output must survive.
const ROWS = 1_760_000;
let dir: string;
let file: string;
let lines: number;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "ys-large-"));
  file = join(dir, "tests-fixtures-bad-100mb.csv");
  ({lines} = writeSyntheticPortal(file, ROWS, {truncateLast: true}));
}, 120_000);
afterAll(() => rmSync(dir, {recursive: true, force: true}));

describe("a 100 MB GB18030 file cut off mid-row", () => {
  it("fails at the exact line and column and leaves the earlier output byte-identical", () => {
    expect(statSync(file).size).toBeGreaterThan(100e6);
    const out = join(dir, "out.csv");
    writeFileSync(out, "earlier output\n");
    expect(() => ingestFileTo(file, out)).toThrow(
      `${file}:${lines + 1}:3: row has 3 fields, the header 8 (row cut short?)`
    );
    expect(readFileSync(out, "utf8")).toBe("earlier output\n");
    expect(readdirSync(dir).sort()).toEqual(["out.csv", "tests-fixtures-bad-100mb.csv"]);
  }, 180_000);
});
