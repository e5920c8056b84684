// @vitest-environment jsdom
import {afterEach, describe, expect, it} from "vitest";
import {csvParseRows} from "d3-dsv";
import {t} from "../../../components/i18n.js";
import {fileSource, SCENARIO_NOTE} from "../../../components/download/fileSource.js";
import {fileHeader, fileUnit} from "../../../components/download/fileHeader.js";
import {downloadGroup, withDownloads} from "../../../components/download/withDownloads.js";
import {toCsv} from "../../../components/download/toCsv.js";
import {clickCsv} from "./savedFiles.js";

// Manifests shaped like the loaders' (the income one with its real file and notes, the hukou one abridged).
const income = {
  dataset: "income-national",
  source: {file: "data/national/income_national.csv", sha256: "e4df7138dbba6a3ef9cf", notes: "data/national/SOURCES-income-urbanization.md §1"},
  generatedAt: "2026-12-01T02:43:26.014Z"
};
const hukou = {dataset: "urbanization-hukou", source: {file: "data/urbanization/hukou.csv", sha256: "0123456789abcdef"}, generatedAt: "2026-11-30T08:00:00Z"};

afterEach(() => document.documentElement.removeAttribute("lang"));

describe("fileSource", () => {
  it("names the publisher (NBS by default, in the page language), each file with its notes, and the data version", () => {
    expect(fileSource({name: "x", manifests: income})).toEqual({
      source: "国家统计局: data/national/income_national.csv (data/national/SOURCES-income-urbanization.md §1)",
      version: "income-national sha256 e4df7138dbba (2026-12-01)"
    });
    document.documentElement.lang = "en";
    expect(fileSource({name: "x", manifests: [income]}).source).toBe(
      "National Bureau of Statistics of China: data/national/income_national.csv (data/national/SOURCES-income-urbanization.md §1)"
    );
  });
  it("gives a dataset its own publisher when the spec names one, and joins the files with |", () => {
    const {source, version} = fileSource({
      name: "x",
      manifests: [income, hukou],
      publisher: {zh: "国家统计局", en: "NBS"},
      publishers: {"urbanization-hukou": {zh: "公安部", en: "Ministry of Public Security"}}
    });
    expect(source).toBe("国家统计局: data/national/income_national.csv (data/national/SOURCES-income-urbanization.md §1) | 公安部: data/urbanization/hukou.csv");
    expect(version).toBe("income-national sha256 e4df7138dbba (2026-12-01); urbanization-hukou sha256 0123456789ab (2026-11-30)");
  });
  it("names the download and the manifest when given something else, such as a page's still-pending promise", () => {
    const pending = Promise.resolve(income) as unknown as typeof income;
    expect(() => fileSource({name: "farmland-observed", manifests: [income, pending]})).toThrow(
      'download "farmland-observed": manifest 2 is not a loader manifest (a promise? use it from another cell)'
    );
  });
});

describe("fileHeader", () => {
  it("adds the unit of the raw value a format implies, unless the label already names it", () => {
    expect(fileHeader({zh: "普及率", en: "Coverage"}, "percent", "zh")).toBe("普及率（比例，1 = 100%）");
    expect(fileHeader({zh: "普及率", en: "Coverage"}, "percent", "en")).toBe("Coverage (share, 1 = 100%)");
    expect(fileHeader({zh: "面积", en: "Area"}, "万亩", "zh")).toBe("面积（万亩）");
    expect(fileHeader({zh: "累计（万亩）", en: "Cumulative (万亩)"}, "万亩", "en")).toBe("Cumulative (万亩)");
    expect(fileHeader({zh: "提高", en: "Rise"}, "points", "en")).toBe("Rise (percentage points)");
    expect(fileHeader({zh: "收入比", en: "Ratio"}, "ratio", "zh")).toBe("收入比");
    expect(fileHeader("年份")).toBe("年份");
  });
  it("fileUnit is empty for numbers that speak for themselves", () => {
    expect(["text", "ratio", "integer", "number", undefined].map((f) => fileUnit(f, "zh"))).toEqual(["", "", "", "", ""]);
    expect(fileUnit("元", "en")).toBe("元");
  });
});

describe("toCsv with a note", () => {
  it("writes the note as a third line under the source and version", () => {
    const csv = toCsv([{a: 1}], {source: "s", version: "v", note: "推算值是情景"});
    expect(csv.endsWith("\r\n来源 Source,s\r\n数据版本 Data version,v\r\n说明 Note,推算值是情景\r\n")).toBe(true);
  });
});

describe("withDownloads and downloadGroup", () => {
  it("wraps the element with buttons hidden in print, whose CSV holds the rows, source, version and notes", async () => {
    const table = document.createElement("table");
    const block = withDownloads(table, [{year: 2024, v: 0.5}], [{key: "year", label: "年份"}, {key: "v", label: "值"}], {name: "my file", manifests: income, note: "另注"}, SCENARIO_NOTE);
    expect(block.className).toBe("with-downloads");
    expect(block.firstElementChild).toBe(table);
    const group = block.querySelector(".download-buttons")!;
    expect(group.classList.contains("no-print")).toBe(true);
    expect(group.getAttribute("aria-label")).toBe("下载数据");
    const {name, text} = await clickCsv(block);
    expect(name).toBe("my-file.csv");
    expect(text.startsWith("\ufeff年份,值\r\n2024,0.5\r\n\r\n")).toBe(true);
    const lines = csvParseRows(text.slice(1));
    expect(lines.slice(3)).toEqual([
      ["来源 Source", "国家统计局: data/national/income_national.csv (data/national/SOURCES-income-urbanization.md §1)"],
      ["数据版本 Data version", "income-national sha256 e4df7138dbba (2026-12-01)"],
      ["说明 Note", `${t(SCENARIO_NOTE, "zh")} 另注`]
    ]);
  });
  it("a group without notes writes no note line", async () => {
    const holder = document.createElement("div");
    holder.append(downloadGroup([{a: 1}], [{key: "a", label: "a"}], {name: "n", manifests: income}));
    const {text} = await clickCsv(holder);
    expect(text).not.toContain("说明 Note");
  });
});
