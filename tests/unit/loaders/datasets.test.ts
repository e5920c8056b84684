import {spawnSync} from "node:child_process";
import {copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync} from "node:fs";
import {tmpdir} from "node:os";
import {join, resolve} from "node:path";
import {describe, expect, it} from "vitest";
import {DATASETS, datasetById} from "../../../loaders/datasets.js";
import {formatTidyCsv} from "../../../loaders/tidy.js";

const rowsOf = (id: string) => datasetById(id).load().rows;
const value = (id: string, indicator: string, region: string, year: number) =>
  rowsOf(id).find((r) => r.indicator === indicator && r.region === region && r.year === year)?.value;

describe("bundled datasets", () => {
  it("every dataset loads, validates, and names a bundled input and the encoding and layout found", () => {
    expect(DATASETS.map((d) => d.id)).toContain("income-national");
    for (const dataset of DATASETS) {
      const {rows, manifest} = dataset.load();
      expect(rows.length, dataset.id).toBeGreaterThan(0);
      expect(manifest.rows).toBe(rows.length);
      expect(manifest.source.file).toBe(dataset.inputs[0]);
      expect(manifest.source.sha256).toMatch(/^[0-9a-f]{64}$/);
      expect(formatTidyCsv(rows).split("\n")[0]).toBe("indicator,unit,region_code,region,year,value");
    }
  });

  it("reads the unedited GBK portal exports: 31 provinces × 2013-2019, six-digit codes, no missing values", () => {
    const {rows, manifest} = datasetById("province-urban-income").load();
    expect(manifest.source).toMatchObject({encoding: "gb18030", layout: "nbs-province"});
    expect(manifest).toMatchObject({rows: 217, missing: 0});
    expect(new Set(rows.map((r) => r.region_code)).size).toBe(31);
    expect(value("province-urban-income", "城镇居民人均可支配收入", "北京", 2019)).toBe(73849);
    expect(value("province-urban-population", "城镇人口", "新疆", 2013)).toBe(1027);
    expect(datasetById("province-urban-population").load().manifest.units).toEqual({
      城镇人口: {canonical: "万人", original: ["万人"]}
    });
  });

  it("agrees with the v2 provincial income file where both have the figure", () => {
    const portal = rowsOf("province-rural-income");
    const v2 = new Map(rowsOf("income-province").map((r) => [`${r.indicator}|${r.region_code}|${r.year}`, r.value]));
    for (const r of portal)
      expect(v2.get(`${r.indicator}|${r.region_code}|${r.year}`), `${r.region} ${r.year}`).toBe(r.value);
  });

  it("keeps the as-published and census-revised national urbanisation series apart, and missing hukou years empty", () => {
    expect(value("urbanization-national", "常住人口城镇化率（当年公布）", "全国", 2019)).toBe(60.6);
    expect(value("urbanization-national", "常住人口城镇化率（七普修订）", "全国", 2019)).toBe(62.71);
    expect(value("urbanization-national", "户籍人口城镇化率", "全国", 2012)).toBeNull();
    expect(value("urbanization-province", "常住人口城镇化率", "北京", 2019)).toBe(87.35);
  });

  it("reads the hukou urbanisation rate the urbanisation page adds, with the figure its source notes quote", () => {
    const rows = rowsOf("urbanization-hukou");
    expect(rows).toEqual([{indicator: "户籍人口城镇化率", unit: "%", region_code: "CN", region: "全国", year: 2023, value: 48.3}]);
    expect(readFileSync("data/urbanization/SOURCES-hukou.md", "utf8")).toContain("提高到2023年的48.3%");
    // The two files must not give the same year twice with different figures.
    const years = rowsOf("urbanization-national").filter((r) => r.indicator === "户籍人口城镇化率" && r.value !== null);
    for (const r of rows) expect(years.map((y) => y.year)).not.toContain(r.year);
  });

  it("reads plan indicators with province scopes and the 2025 targets", () => {
    expect(value("plan-indicators", "高标准农田累计建成面积", "黑龙江", 2023)).toBe(10800);
    expect(value("plan-targets", "农村自来水普及率", "全国", 2025)).toBe(88);
  });
});

describe("a bad bundled file fails its loader entry point with the located message", () => {
  const bad = "tests/fixtures/bad/text-in-number.csv";

  it("load({resolve}) reads the staged file and throws its LoadError", () => {
    expect(() => datasetById("province-urban-income").load({resolve: () => bad})).toThrow(
      `${bad}:8:4: "3x849" is not a number (column 2017年)`
    );
  });

  it("src/data/<id>.csv.ts exits non-zero with path:line:column on stderr (what fails observable build)", () => {
    const dir = mkdtempSync(join(tmpdir(), "ys-entry-"));
    try {
      mkdirSync(join(dir, "data/nbs-exports"), {recursive: true});
      copyFileSync(bad, join(dir, "data/nbs-exports/城镇居民人均可支配收入.csv"));
      const result = spawnSync(
        process.execPath,
        [resolve("node_modules/tsx/dist/cli.mjs"), resolve("src/data/province-urban-income.csv.ts")],
        {
          cwd: dir,
          encoding: "utf8"
        }
      );
      expect(result.status).not.toBe(0);
      expect(result.stdout).toBe("");
      expect(result.stderr).toContain(
        'data/nbs-exports/城镇居民人均可支配收入.csv:8:4: "3x849" is not a number (column 2017年)'
      );
    } finally {
      rmSync(dir, {recursive: true, force: true});
    }
  });
});
