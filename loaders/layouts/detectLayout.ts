import {cleanText} from "../statCell.js";
import type {CsvRecord} from "../records.js";
import {isLongHeader} from "./long.js";
import {isBlank, type LayoutName, type LayoutOptions} from "./types.js";

/**
 * Names the layout of a table from its first records: the portal's `数据库：`/`指标：` preamble (province table when
 * the header starts with 地区, national when with 指标), a header with a year column (long), else a yearbook table.
 * @example detectLayout([{cells: ["数据库：分省年度数据"], line: 1}]) // "nbs-province"
 */
export function detectLayout(records: CsvRecord[], options: LayoutOptions = {}): LayoutName {
  const rows = records.filter((r) => !isBlank(r.cells));
  const firsts = rows.map((r) => cleanText(r.cells[0]).replace(/[\s\u3000]/g, ""));
  if (firsts.some((f) => /^(数据库|指标|时间)[:：]/.test(f))) {
    const header = firsts.find((f) => f === "地区" || f === "指标");
    if (header) return header === "地区" ? "nbs-province" : "nbs-national";
    return firsts.some((f) => /^数据库[:：].*分省/.test(f)) ? "nbs-province" : "nbs-national";
  }
  if (rows.length > 0 && isLongHeader(rows[0].cells, options)) return "long";
  return "yearbook";
}
