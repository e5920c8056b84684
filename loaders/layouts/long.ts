import {LoadError} from "../LoadError.js";
import type {Collector, Indicator} from "../Collector.js";
import {cleanText} from "../statCell.js";
import {REGIONS, resolveRegion, type Region} from "../regions.js";
import {splitIndicator} from "../units.js";
import {checkNotShorter, checkNotWider, isBlank, trimTrailing, type LayoutOptions, type LayoutParser} from "./types.js";

const ROLES: Record<string, string[]> = {
  year: ["year", "年份", "年度", "年", "时间", "time"],
  value: ["value", "数值", "值", "指标值"],
  indicator: ["indicator_zh", "indicator", "指标", "指标名称", "indicator_name"],
  unit: ["unit", "单位", "计量单位"],
  code: ["region_code", "province_code", "code", "地区代码", "区划代码", "代码", "scope"],
  region: ["region", "地区", "province_zh", "province", "省份", "region_zh", "region_name"]
};
const IGNORED = new Set([
  "indicator_id",
  "indicator_en",
  "province_en",
  "region_en",
  "source_ref",
  "source",
  "sources",
  "note",
  "notes",
  "备注",
  "来源",
  "说明"
]);

/** True when a header row names a year column: the sign of the long layout. @example isLongHeader(["year", "value"]) // true */
export function isLongHeader(cells: string[], options: LayoutOptions = {}): boolean {
  const names = cells.map((c) => cleanText(c).toLowerCase());
  const chosen = options.long?.year?.toLowerCase();
  return (chosen !== undefined && names.includes(chosen)) || names.some((n) => ROLES.year.includes(n));
}

/**
 * A long table, one observation (or one region-year with several indicator columns) per row: `year, indicator, region,
 * value, unit` in any order, or `province_code, year, urban_income, ...` where each value column is an indicator
 * (named through `options.long.columns`, or by its own header `城镇居民人均可支配收入(元)`). No region column means 全国.
 * @example long(collector, {long: {columns: {urban_income: {indicator: "城镇居民人均可支配收入", unit: "元"}}}})
 */
export function long(collector: Collector, options: LayoutOptions): LayoutParser {
  const file = collector.file;
  const o = options.long ?? {};
  let roles: {year: number; value: number; indicator: number; unit: number; code: number; region: number} | null = null;
  let measures: {column: number; name: string; indicator: Indicator}[] = [];
  let width = 0;
  let headerLine = 0;
  let dataRows = 0;
  const regionByCode = new Map<string, Region>();

  function readHeader(cells: string[], line: number) {
    const names = trimTrailing(cells).map(cleanText);
    width = names.length;
    headerLine = line;
    const lower = names.map((n) => n.toLowerCase());
    const find = (role: string, chosen?: string) => {
      if (chosen) {
        const i = lower.indexOf(chosen.toLowerCase());
        if (i < 0) throw new LoadError(file, line, undefined, `no column "${chosen}" for the ${role}`);
        return i;
      }
      for (const n of ROLES[role]) {
        const i = lower.indexOf(n);
        if (i >= 0) return i;
      }
      return -1;
    };
    roles = {
      year: find("year", o.year),
      value: find("value", o.value),
      indicator: find("indicator", o.indicator),
      unit: find("unit", o.unit),
      code: find("code"),
      region: find("region", o.region)
    };
    if (roles.year < 0) throw new LoadError(file, line, undefined, "no year column");
    const used = new Set(Object.values(roles).filter((i) => i >= 0));
    const ignore = new Set([...(o.ignore ?? []).map((n) => n.toLowerCase()), ...IGNORED]);
    if (roles.value >= 0) {
      if (roles.indicator < 0) throw new LoadError(file, line, undefined, "a value column needs an indicator column");
      names.forEach((n, i) => {
        if (!used.has(i) && !ignore.has(lower[i]) && !/_en$/.test(lower[i]))
          collector.warn(`${file}:${line}:${i + 1}: column ${n} left out`);
      });
      return;
    }
    measures = names.flatMap((n, i) => {
      if (used.has(i) || ignore.has(lower[i]) || /_en$|_id$/.test(lower[i])) return [];
      if (n === "") throw new LoadError(file, line, i + 1, "column has no header");
      const mapped = o.columns?.[n];
      const label = mapped ? {name: mapped.indicator, unit: mapped.unit} : splitIndicator(n);
      const unit = label.unit ?? (/_pct$|率$/.test(n) ? "%" : null);
      if (unit === null) collector.warn(`${file}:${line}:${i + 1}: no unit for column ${n}`);
      return [{column: i, name: n, indicator: collector.indicator(label.name, unit ?? "", line, i + 1)}];
    });
    if (measures.length === 0) throw new LoadError(file, line, undefined, "no value column");
  }

  function region(cells: string[], line: number): Region {
    const r = roles!;
    if (r.code < 0 && r.region < 0) return REGIONS[0];
    if (r.code >= 0) {
      const raw = cleanText(cells[r.code]);
      const key = raw.toLowerCase() === "national" ? "CN" : raw;
      let found = regionByCode.get(key);
      if (!found) {
        found = collector.region(key, line, r.code + 1);
        regionByCode.set(key, found);
      }
      if (r.region >= 0 && cleanText(cells[r.region]) !== "" && resolveRegion(cells[r.region])?.code !== found.code) {
        throw new LoadError(
          file,
          line,
          r.region + 1,
          `region "${cleanText(cells[r.region])}" does not match code ${raw} (${found.zh})`
        );
      }
      return found;
    }
    return collector.region(cells[r.region], line, r.region + 1);
  }

  return {
    push({cells, line}) {
      if (isBlank(cells)) return;
      if (!roles) return readHeader(cells, line);
      checkNotWider(cells, width, file, line);
      checkNotShorter(cells, width, file, line);
      const r = roles as NonNullable<typeof roles>;
      const year = collector.year(cells[r.year], line, r.year + 1);
      const reg = region(cells, line);
      dataRows++;
      if (r.value >= 0) {
        const label = splitIndicator(cells[r.indicator]);
        const unit = r.unit >= 0 ? cleanText(cells[r.unit]) : (label.unit ?? "");
        const ind = collector.indicator(label.name, unit, line, r.indicator + 1, r.unit >= 0 ? r.unit + 1 : r.indicator + 1);
        collector.checkOrder(ind, reg, year, line, r.year + 1);
        collector.value(ind, reg, year, cells[r.value], line, r.value + 1, "value");
        return;
      }
      for (const m of measures) {
        collector.checkOrder(m.indicator, reg, year, line, r.year + 1);
        collector.value(m.indicator, reg, year, cells[m.column], line, m.column + 1, m.name);
      }
    },
    end() {
      if (!roles) throw new LoadError(file, 1, undefined, "empty file");
      if (dataRows === 0) throw new LoadError(file, headerLine + 1, undefined, "header only, no data rows");
    }
  };
}
