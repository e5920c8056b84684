// Writes what the NBS portal answered as the dataset input it replaces, so the dataset's own loader reads, validates
// and publishes it exactly as it does the bundled file: a provincial indicator as a portal export (数据库/指标/时间
// lines, 地区 × 年 table), a national table by filling its columns year by year. No timestamp goes into the file, so
// an unchanged answer gives unchanged bytes.
import {csvFormatRows, csvParseRows} from "d3-dsv";
import {REGIONS} from "../regions.js";
import {formatNumber} from "../tidy.js";
import type {NbsColumn} from "./config.js";
import type {NbsSeriesData} from "./nbsResponse.js";

/** Years from the first to the last that has any figure: later years are not published yet, not missing. */
export function yearsWithData(series: readonly NbsSeriesData[]): number[] {
  const years = series.flatMap((s) => s.points.filter((p) => p.value !== null).map((p) => p.year));
  if (years.length === 0) return [];
  const first = Math.min(...years);
  const last = Math.max(...years);
  return Array.from({length: last - first + 1}, (_, i) => first + i);
}

/**
 * A provincial indicator as the portal exports it (UTF-8, CRLF): regions in GB/T 2260 order, newest year first,
 * a missing figure as an empty cell.
 * @example renderProvinceExport({indicator: "城镇居民人均可支配收入", series, zb: "A0A0201"})
 */
export function renderProvinceExport({
  indicator,
  series,
  zb
}: {
  indicator: string;
  series: NbsSeriesData;
  zb: string;
}): string {
  const years = yearsWithData([series]).reverse();
  const value = new Map(series.points.map((p) => [`${p.region}|${p.year}`, p.value]));
  const regions = REGIONS.filter((r) => r.code !== "CN" && series.points.some((p) => p.region === r.code));
  const lines = [
    "数据库：分省年度数据",
    `指标：${indicator}(${series.unit})`,
    `时间：${years.at(-1)}-${years[0]}`,
    ["地区", ...years.map((y) => `${y}年`)].join(","),
    ...regions.map((r) => [r.full, ...years.map((y) => cell(value.get(`${r.code}|${y}`)))].join(",")),
    ...(series.memo ? [`注：${series.memo.replace(/[\r\n]+/g, " ")}`] : []),
    `注：由 npm run reload 从国家统计局国家数据查询接口（easyquery.htm，dbcode=fsnd，zb=${zb}，${series.name}）生成。`,
    "数据来源：国家统计局"
  ];
  return lines.join("\r\n") + "\r\n";
}

const cell = (v: number | null | undefined) => (v === null || v === undefined ? "" : formatNumber(v));

/**
 * A national year table (header `year,…`) with the configured columns filled from the answer for every year it
 * covers; rows and columns it does not cover stay as they were, a new year gets empty cells elsewhere.
 * @example mergeNationalTable("year,urban_income\n2023,51821\n", {urban_income: "城镇居民人均可支配收入"}, series)
 */
export function mergeNationalTable(
  current: string,
  columns: Record<string, NbsColumn>,
  series: ReadonlyMap<string, NbsSeriesData>
): string {
  const eol = current.includes("\r\n") ? "\r\n" : "\n";
  const [header, ...rows] = csvParseRows(current.replace(/^\uFEFF/, "")).filter((row) => row.some((c) => c !== ""));
  if (!header || header[0] !== "year") throw new Error(`the table's first column is "${header?.[0]}", not "year"`);
  for (const column of Object.keys(columns)) {
    if (!header.includes(column)) throw new Error(`the table has no column "${column}" (it has ${header.join(", ")})`);
  }
  const byYear = new Map(rows.map((row) => [Number(row[0]), row]));
  const figure = (name: string, year: number) =>
    series.get(name)?.points.find((p) => p.region === "CN" && p.year === year)?.value ?? null;
  for (const year of yearsWithData([...series.values()])) {
    let row = byYear.get(year);
    if (!row) byYear.set(year, (row = header.map((_, i) => (i === 0 ? String(year) : ""))));
    for (const [column, spec] of Object.entries(columns)) {
      const index = header.indexOf(column);
      if (typeof spec === "string") {
        const v = figure(spec, year);
        row[index] = v === null ? "" : formatNumber(v);
      } else {
        const [numerator, denominator] = spec.ratio.map((name) => figure(name, year));
        row[index] =
          numerator === null || denominator === null || denominator === 0
            ? ""
            : ((numerator / denominator) * spec.times).toFixed(spec.digits);
      }
    }
  }
  const sorted = [...byYear.entries()].sort(([a], [b]) => a - b).map(([, row]) => row);
  return csvFormatRows([header, ...sorted]).split("\n").join(eol) + eol;
}
