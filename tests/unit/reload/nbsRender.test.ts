import {mkdtempSync, rmSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {describe, expect, it} from "vitest";
import {ingestFile} from "../../../loaders/ingest.js";
import {mergeNationalTable, renderProvinceExport, yearsWithData} from "../../../loaders/reload/nbsRender.js";
import type {NbsSeriesData} from "../../../loaders/reload/nbsResponse.js";

// SYNTHETIC series: invented figures in the shape readNbsAnswer returns.
const provincial: NbsSeriesData = {
  code: "A0X01",
  name: "合成指标",
  unit: "元",
  memo: "合成的说明",
  points: [
    {region: "540000", year: 2023, value: 30000},
    {region: "110000", year: 2023, value: 80000},
    {region: "110000", year: 2024, value: 85000.5},
    {region: "540000", year: 2024, value: null},
    {region: "110000", year: 2025, value: null},
    {region: "540000", year: 2025, value: null}
  ]
};
const national = (name: string, figures: [number, number | null][]): NbsSeriesData => ({
  code: name,
  name,
  unit: "万人",
  memo: "",
  points: figures.map(([year, value]) => ({region: "CN", year, value}))
});

describe("yearsWithData", () => {
  it("runs from the first to the last year with any figure, leaving out years not yet published", () => {
    expect(yearsWithData([provincial])).toEqual([2023, 2024]);
    expect(yearsWithData([national("x", [[2020, null]])])).toEqual([]);
  });
});

describe("renderProvinceExport", () => {
  const text = renderProvinceExport({indicator: "合成指标", series: provincial, zb: "A0X01"});

  it("writes the portal's export layout, regions in GB/T 2260 order, newest year first, missing as empty", () => {
    expect(text.split("\r\n")).toEqual([
      "数据库：分省年度数据",
      "指标：合成指标(元)",
      "时间：2023-2024",
      "地区,2024年,2023年",
      "北京市,85000.5,80000",
      "西藏自治区,,30000",
      "注：合成的说明",
      "注：由 npm run reload 从国家统计局国家数据查询接口（easyquery.htm，dbcode=fsnd，zb=A0X01，合成指标）生成。",
      "数据来源：国家统计局",
      ""
    ]);
  });

  it("is read back by the file loader as the same observations, with GB/T 2260 codes and the missing figure kept", () => {
    const dir = mkdtempSync(join(tmpdir(), "ys-render-"));
    try {
      writeFileSync(join(dir, "x.csv"), text);
      const {rows, manifest} = ingestFile(join(dir, "x.csv"), {dataset: "x"});
      expect(rows.map((r) => [r.indicator, r.unit, r.region_code, r.region, r.year, r.value]).sort()).toEqual(
        [
          ["合成指标", "元", "110000", "北京", 2024, 85000.5],
          ["合成指标", "元", "110000", "北京", 2023, 80000],
          ["合成指标", "元", "540000", "西藏", 2024, null],
          ["合成指标", "元", "540000", "西藏", 2023, 30000]
        ].sort()
      );
      expect(manifest.source.layout).toBe("nbs-province");
    } finally {
      rmSync(dir, {recursive: true, force: true});
    }
  });
});

describe("mergeNationalTable", () => {
  const current = "year,total,urban_rate,note\n2022,100,50.00,a\n2023,100,51.00,b\n";
  const series = new Map([
    ["总", national("总", [[2023, 200], [2024, 200], [2025, null]])],
    ["城", national("城", [[2023, 103], [2024, 105], [2025, null]])]
  ]);

  it("fills the configured columns for the years the answer covers, keeps the rest, adds new years", () => {
    const merged = mergeNationalTable(current, {total: "总", urban_rate: {ratio: ["城", "总"], times: 100, digits: 2}}, series);
    expect(merged).toBe("year,total,urban_rate,note\n2022,100,50.00,a\n2023,200,51.50,b\n2024,200,52.50,\n");
  });

  it("writes a figure the answer lacks as empty, and keeps CRLF line ends", () => {
    const gap = new Map([["总", national("总", [[2022, 9], [2023, null], [2024, 7]])]]);
    expect(mergeNationalTable(current.replaceAll("\n", "\r\n"), {total: "总"}, gap)).toBe(
      "year,total,urban_rate,note\r\n2022,9,50.00,a\r\n2023,,51.00,b\r\n2024,7,,\r\n"
    );
  });

  it("names a column the table does not have", () => {
    expect(() => mergeNationalTable(current, {rural: "总"}, series)).toThrow(
      'the table has no column "rural" (it has year, total, urban_rate, note)'
    );
  });
});
