import {chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {afterAll, describe, expect, it} from "vitest";
import {ingestFileTo} from "../../../loaders/ingest.js";
import {checkOutputPath} from "../../../loaders/outputPath.js";

const tmp = mkdtempSync(join(tmpdir(), "ys-out-"));
afterAll(() => rmSync(tmp, {recursive: true, force: true}));

describe("checkOutputPath", () => {
  it("lets a new or writable output through", () => {
    writeFileSync(join(tmp, "w.csv"), "x");
    expect(() => checkOutputPath(join(tmp, "new.csv"), ["in.csv"])).not.toThrow();
    expect(() => checkOutputPath(join(tmp, "w.csv"), ["in.csv"])).not.toThrow();
  });

  it("refuses the input itself, through a link too", () => {
    const input = join(tmp, "in.csv");
    writeFileSync(input, "a");
    symlinkSync(input, join(tmp, "in-link.csv"));
    expect(() => checkOutputPath(join(tmp, "in-link.csv"), [input])).toThrow(
      `${tmp}/in-link.csv: output is the input file ${input} itself: choose another path`
    );
  });

  it("refuses a read-only file and a directory", () => {
    const ro = join(tmp, "ro.csv");
    writeFileSync(ro, "keep");
    chmodSync(ro, 0o444);
    expect(() => checkOutputPath(ro, [])).toThrow(`${ro}: output file is read-only`);
    mkdirSync(join(tmp, "d"));
    expect(() => checkOutputPath(join(tmp, "d"), [])).toThrow(`${tmp}/d: output path is a directory`);
  });

  it("is what ingestFileTo checks first: the input keeps its bytes", () => {
    const input = join(tmp, "table.csv");
    const text = "year,indicator,region,value,unit\n2019,城镇居民人均可支配收入,北京,73849,元\n";
    writeFileSync(input, text);
    expect(() => ingestFileTo(input, input)).toThrow(`${input}: output is the input file ${input} itself`);
    expect(readFileSync(input, "utf8")).toBe(text);
  });
});
