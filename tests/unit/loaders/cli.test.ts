import {spawnSync} from "node:child_process";
import {chmodSync, copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync} from "node:fs";
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

describe("npm run ingest refuses outputs it must not replace", () => {
  const input = "tests/fixtures/loaders/yearbook-2019.csv";

  it("a read-only --out: exit 1, the file keeps its bytes and its mode", () => {
    const out = join(dir, "read-only.csv");
    writeFileSync(out, "keep me\n");
    chmodSync(out, 0o444);
    const result = run(input, "--out", out);
    expect(result.status).toBe(1);
    expect(result.stderr).toBe(
      `${out}: output file is read-only: not replaced (make it writable or choose another path)\n`
    );
    expect(readFileSync(out, "utf8")).toBe("keep me\n");
    expect(statSync(out).mode & 0o777).toBe(0o444);
  });

  const copy = join(dir, "source.csv");
  const link = join(dir, "link.csv");
  it.each([
    ["--out", copy],
    ["--out", link],
    ["--manifest", `${dir}/./source.csv`]
  ])("the input file itself as %s %s (by any spelling of its path): exit 1, the input unchanged", (flag, out) => {
    copyFileSync(input, copy);
    if (!existsSync(link)) symlinkSync(copy, link);
    const result = run(copy, flag, out);
    expect(result.status).toBe(1);
    expect(result.stderr).toBe(`${out}: output is the input file ${copy} itself: choose another path\n`);
    expect(readFileSync(copy)).toEqual(readFileSync(input));
  });

  it("a workbook's --out is checked the same way", async () => {
    const out = join(dir, "wb-read-only.csv");
    writeFileSync(out, "keep\n");
    chmodSync(out, 0o400);
    const result = run("tests/fixtures/bad/broken-workbook.xlsx", "--out", out);
    expect([result.status, result.stderr]).toEqual([1, `${out}: output file is read-only: not replaced (make it writable or choose another path)\n`]);
  });
});

describe("npm run ingest on odd inputs and arguments", () => {
  it("an unknown --encoding is a bad argument: exit 2 with the usage", () => {
    const result = run("tests/fixtures/loaders/yearbook-2019.csv", "--encoding", "ebcdic");
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/^--encoding must be one of utf-8, gbk .*\nusage: npm run ingest/);
  });

  it.each([
    ["tests", 1, "tests: is a directory, not a file\n"],
    ["tests/fixtures/bad/empty.csv", 1, "tests/fixtures/bad/empty.csv:1:1: empty file\n"],
    ["no/such.csv", 1, "no/such.csv: no such file\n"]
  ])("%s says what it is", (file, status, stderr) => {
    const result = run(file);
    expect([result.status, result.stderr]).toEqual([status, stderr]);
  });

  it("a CR-only file gives the same table as its CRLF original", () => {
    const cr = run("tests/fixtures/loaders/portal-province-cr-only.csv");
    expect(cr.status).toBe(0);
    expect(cr.stdout).toBe(run("tests/fixtures/loaders/portal-province-gbk.csv").stdout);
    expect(cr.stdout.split("\n")).toHaveLength(1 + 4 * 3 + 1);
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
    expect(() => parseArgs(["x.csv", "--encoding", "ebcdic"])).toThrow("--encoding must be one of utf-8, gbk");
    expect(parseArgs(["x.csv", "--encoding", "UTF_16LE"]).options.encoding).toBe("UTF_16LE");
  });
});
