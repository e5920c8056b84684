// How the farmland notebook words its figures: lower bounds written "≥", qualifiers as the sources give them, a year a
// target is met (the latest it can be when the start is a lower bound), and a target's name with its area.
import {formatQuantity} from "../format.js";
import {FARMLAND_HORIZON} from "../plan.js";
import {t, type Text} from "../i18n.js";
import type {AnnotatedRow, TargetMet} from "./farmlandModel.js";

const QUALIFIERS: Record<string, Text> = {
  "lower bound": {zh: "下限（超…）", en: "lower bound (超…)"},
  rounded: {zh: "整数表述", en: "rounded statement"}
};

/**
 * "≥ " before a figure that is a lower bound, else "".
 * @example lowerBoundPrefix({lowerBound: true}) // "≥ "
 */
export function lowerBoundPrefix(figure: {lowerBound?: boolean}): string {
  return figure.lowerBound ? "≥ " : "";
}

/** A row of the observed table: a published figure with its qualifier, or a missing year (value null, never filled). */
export interface ObservedTableRow {
  year: number;
  value: number | null;
  lowerBound: boolean;
  qualifier: string;
  ref: string | null;
  missing: boolean;
}

/**
 * The national cumulative figures with their qualifiers and the missing years between them, oldest first.
 * @example observedTableRows(national, [2021]) // [{year: 2020, …}, {year: 2021, value: null, qualifier: "缺数据，不填补", missing: true}, …]
 */
export function observedTableRows(national: readonly AnnotatedRow[], missing: readonly number[]): ObservedTableRow[] {
  const published = national.map((d) => ({
    year: d.year,
    value: d.value,
    lowerBound: d.lowerBound,
    qualifier: d.hedge ? t(QUALIFIERS[d.hedge] ?? d.hedge) : "",
    ref: d.ref,
    missing: false
  }));
  const notFilled = t({zh: "缺数据，不填补", en: "missing, not filled"});
  const gaps = missing.map((year) => ({year, value: null, lowerBound: false, qualifier: notFilled, ref: null, missing: true}));
  return [...published, ...gaps].sort((a, b) => a.year - b.year);
}

/**
 * When a target is met, in words: the year, "by <year> at the latest" on a lower-bound start, or not by the horizon.
 * @example metText({id: "plan-2025", year: 2024, atLatest: true}) // "最迟 2024 年"
 */
export function metText({year, atLatest}: TargetMet): string {
  if (year === null) return t({zh: `${FARMLAND_HORIZON} 年前未达到`, en: `not by ${FARMLAND_HORIZON}`});
  return atLatest ? t({zh: `最迟 ${year} 年`, en: `by ${year} at the latest`}) : String(year);
}

/**
 * A target's name with its area in 亿亩/万亩 and its year.
 * @example targetName({label: {zh: "规划目标", en: "Plan target"}, value: 107500, x: 2025}) // "规划目标 10.75 亿亩 (2025)"
 */
export function targetName(target: {label: Text; value: number; x: number}): string {
  return `${t(target.label)} ${formatQuantity(target.value, "万亩")} (${target.x})`;
}
