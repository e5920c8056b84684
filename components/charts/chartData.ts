// The file columns of chart data: one helper so every chart heads its columns the same way (label in the current
// language, with the unit of the raw value from fileHeader).
import type {Text} from "../i18n.js";
import {fileHeader} from "../download/fileHeader.js";
import type {Column} from "../download/tableFile.js";

export const YEAR: Text = {zh: "年份", en: "Year"};
export const SERIES: Text = {zh: "系列", en: "Series"};

/**
 * A file column of a chart's data.
 * @example column("value", {zh: "普及率", en: "Coverage"}, "percent") // {key: "value", label: "普及率（比例，1 = 100%）"}
 */
export function column(key: string, label: Text, format?: string): Column {
  return {key, label: fileHeader(label, format)};
}
