// @vitest-environment jsdom
import {afterEach, describe, expect, it} from "vitest";
import {dataTable, type TableColumn} from "../../../components/tables/dataTable.js";

// Bundled national figures for 2019 and 2024; the 2022 row is a synthetic lower bound to show the prefix.
type Row = {year: number; urban: number | null; share: number | null; ratio: number | null; note: string; bound: boolean};
const rows: Row[] = [
  {year: 2019, urban: 42359, share: 0.07612, ratio: 42359 / 16021, note: "", bound: false},
  {year: 2022, urban: 49283, share: null, ratio: null, note: "超", bound: true},
  {year: 2024, urban: 54188, share: 0.0505, ratio: 54188 / 23119, note: "国家统计局", bound: false}
];
const columns: TableColumn<Row>[] = [
  {key: "year", label: {zh: "年份", en: "Year"}, format: "text"},
  {key: "urban", label: {zh: "城镇收入", en: "Urban income"}, format: "元", prefix: (r) => (r.bound ? "≥ " : "")},
  {key: "share", label: {zh: "增速", en: "Growth"}, format: "percent", digits: 1},
  {key: "ratio", label: "Ratio", format: "ratio"},
  {key: "note", label: {zh: "说明", en: "Note"}}
];
const cells = (table: HTMLTableElement) => [...table.querySelectorAll("tbody tr")].map((tr) => [...tr.querySelectorAll("td")].map((td) => td.textContent));

afterEach(() => document.documentElement.removeAttribute("lang"));

describe("dataTable", () => {
  it("writes headers and numbers through the one formatter, missing values as —, a bound with its prefix", () => {
    const table = dataTable(rows, {columns, rowKey: "year", id: "income-table", caption: {zh: "城乡收入", en: "Income"}, rowClass: (r) => (r.bound ? "bound" : "")});
    expect(table.id).toBe("income-table");
    expect(table.querySelector("caption")!.textContent).toBe("城乡收入");
    expect([...table.querySelectorAll("thead th")].map((th) => th.textContent)).toEqual(["年份", "城镇收入", "增速", "Ratio", "说明"]);
    expect(cells(table)).toEqual([
      ["2019", "4.24 万元", "7.6%", "2.644", "—"],
      ["2022", "≥ 4.93 万元", "—", "—", "超"],
      ["2024", "5.42 万元", "5.1%", "2.344", "国家统计局"]
    ]);
    expect([...table.querySelectorAll("tbody tr")].map((tr) => tr.getAttribute("data-key"))).toEqual(["2019", "2022", "2024"]);
    expect(table.querySelector("tr[data-key='2022']")!.className).toBe("bound");
    expect(table.querySelector("tr[data-key='2019']")!.className).toBe("");
    // Numbers keep their exact value for readers and tests; missing and text cells have none.
    const first = table.querySelector("tr[data-key='2019']")!;
    expect((first.querySelector("td.urban") as HTMLElement).dataset.value).toBe("42359");
    expect((first.querySelector("td.note") as HTMLElement).hasAttribute("data-value")).toBe(false);
    expect((table.querySelector("tr[data-key='2022'] td.share") as HTMLElement).hasAttribute("data-value")).toBe(false);
  });

  it("writes English headers and numbers when the page is in English", () => {
    document.documentElement.lang = "en";
    const table = dataTable(rows.slice(2), {columns});
    expect([...table.querySelectorAll("thead th")].map((th) => th.textContent)).toEqual(["Year", "Urban income", "Growth", "Ratio", "Note"]);
    expect(cells(table)).toEqual([["2024", "54,188 yuan", "5.1%", "2.344", "国家统计局"]]);
    expect(table.querySelector("caption")).toBeNull();
    expect(table.hasAttribute("id")).toBe(false);
    expect(table.querySelector("tbody tr")!.hasAttribute("data-key")).toBe(false);
  });

  it("an empty table keeps its headers", () => {
    const table = dataTable([], {columns});
    expect(table.querySelectorAll("thead th")).toHaveLength(5);
    expect(table.querySelectorAll("tbody tr")).toHaveLength(0);
  });
});
