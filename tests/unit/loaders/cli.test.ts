import {spawnSync} from "node:child_process";
import {mkdtempSync, readFileSync, rmSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {afterAll, describe, expect, it} from "vitest";
import {parseArgs} from "../../../loaders/cliArgs.js";

const dir = mkdtempSync(join(tmpdir(), "ys-cli-"));
afterAll(() => rmSync(dir, {recursive: true, force: true}));
const run = (...args: string[]) =>
  spawnSync(process.execPath, ["--import", "tsx", "loaders/cli.ts", ...args], {encoding: "utf8"});

describe("npm run ingest", () => {
  it("prints the tidy CSV of a GBK portal export to stdout and exits 0", () => {
    const result = run("data/nbs-exports/城镇居民人均可支配收入.csv");
    expect(result.status).toBe(0);
    const lines = result.stdout.split("\n");
    expect(lines[0]).toBe("indicator,unit,region_code,region,year,value");
    expect(lines[1]).toBe("城镇居民人均可支配收入,元,110000,北京,2019,73849");
    expect(lines).toHaveLength(1 + 31 * 7 + 1);
  });

  it("writes --out and --manifest, and on bad input exits 1 with path:line:column and leaves both unchanged", () => {
    const out = join(dir, "out.csv");
    const manifest = join(dir, "m.json");
    expect(
      run("tests/fixtures/loaders/yearbook-noyear-gbk.csv", "--year", "2019", "--out", out, "--manifest", manifest)
        .status
    ).toBe(0);
    const before = readFileSync(out);
    expect(before.toString()).toContain("城镇居民人均可支配收入,元,CN,全国,2019,42359\n");
    expect(JSON.parse(readFileSync(manifest, "utf8")).source).toMatchObject({encoding: "gb18030", layout: "yearbook"});
    writeFileSync(manifest, "{}");
    const bad = run("tests/fixtures/bad/text-in-number.csv", "--out", out, "--manifest", manifest);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toBe('tests/fixtures/bad/text-in-number.csv:8:4: "3x849" is not a number (column 2017年)\n');
    expect(readFileSync(out)).toEqual(before);
    expect(readFileSync(manifest, "utf8")).toBe("{}");
  });
});

describe("parseArgs", () => {
  it("reads the file and options, and refuses bad ones", () => {
    expect(parseArgs(["x.csv", "--year", "2019", "--encoding", "gbk", "--out", "o.csv"])).toEqual({
      file: "x.csv",
      out: "o.csv",
      manifest: undefined,
      options: {year: 2019, encoding: "gbk"}
    });
    expect(() => parseArgs(["x.csv", "--year", "19"])).toThrow("--year must be a year between 1949 and 2100");
    expect(() => parseArgs(["--out"])).toThrow("--out needs a value");
    expect(() => parseArgs([])).toThrow("usage: npm run ingest");
  });
});
