// How the tap-water notebook words and shows its figures: the observed table's remarks, when each coverage level is
// reached, whether the plan target was passed, and the yearly gain needed for a chosen goal.
import {html} from "htl";
import {formatPoints} from "../format.js";
import {t} from "../i18n.js";
import {HORIZON} from "../plan.js";
import {missingYears, yearRuns} from "../model/years.js";
import {fraction, type Reached} from "./tapWaterModel.js";
import type {SolveResult} from "../model/solve.js";

/** An observed figure as the page reads it: percent, with the source key and hedge from the SOURCES notes. */
export interface ObservedCoverage {
  year: number;
  value: number;
  ref?: string | null;
  hedge?: string | null;
}

/** A row of the observed table: coverage as a fraction, or a missing year (null, never interpolated). */
export interface CoverageTableRow {
  year: number;
  share: number | null;
  remark: string;
  ref: string | null;
  missing: boolean;
}

/**
 * The observed figures with their remarks (plan baseline, rounded statement) and the missing years, oldest first.
 * @example coverageTableRows(observed, [2021], 2020)[0] // {year: 2017, share: 0.8, remark: "", ref: "S03", missing: false}
 */
export function coverageTableRows(observed: readonly ObservedCoverage[], missing: readonly number[], baselineYear: number): CoverageTableRow[] {
  const remark = (d: ObservedCoverage) =>
    [d.year === baselineYear ? t({zh: "规划基期", en: "plan baseline"}) : "", d.hedge === "rounded" ? t({zh: "整数表述", en: "rounded statement"}) : d.hedge ?? ""]
      .filter(Boolean)
      .join("; ");
  const published = observed.map((d) => ({year: d.year, share: fraction(d.value), remark: remark(d), ref: d.ref ?? null, missing: false}));
  const notInterpolated = t({zh: "缺数据，不插值", en: "missing, not interpolated"});
  const gaps = missing.map((year) => ({year, share: null, remark: notInterpolated, ref: null, missing: true}));
  return [...published, ...gaps].sort((a, b) => a.year - b.year);
}

/**
 * When a level was or will be reached, in words: a span when the years before it have no figure, "by <year>" when it is
 * the first figure, the year with "observed" or "scenario", or not by the horizon.
 * @example reachedText({id: "plan-2025", year: 2023, earliest: 2023, basis: "observed"}) // "2023（观测）"
 */
export function reachedText({year, earliest, basis}: Reached): string {
  if (year === null) return t({zh: `${HORIZON} 年前未达到`, en: `not by ${HORIZON}`});
  if (earliest === null) return t({zh: `最迟 ${year} 年`, en: `by ${year}`});
  if (earliest < year) {
    const gap = yearRuns(missingYears([], earliest, year - 1));
    return t({zh: `${earliest}-${year} 年间（${gap} 年无数据）`, en: `${earliest}-${year} (no figure for ${gap})`});
  }
  return `${year}${basis === "projected" ? t({zh: "（情景）", en: " (scenario)"}) : t({zh: "（观测）", en: " (observed)"})}`;
}

/**
 * One paragraph per language (the page shows the current one): when the plan target was first passed by a published figure, or that none has passed it.
 * @example targetPassedNote(observed, {year: 2025, value: 88})
 */
export function targetPassedNote(observed: readonly ObservedCoverage[], planTarget: {year: number; value: number}): HTMLElement {
  const last = observed[observed.length - 1];
  const first = observed.find((d) => d.value >= planTarget.value);
  if (!first) {
    return html`<div class="target-passed"><p class="zh">尚无观测值达到 ${planTarget.value}% 的目标；${last.year} 年为 ${last.value}%。</p><p class="en">No figure has reached the ${planTarget.value}% target yet; ${last.year} stood at ${last.value}%.</p></div>`;
  }
  const early = planTarget.year - first.year;
  return html`<div class="target-passed"><p class="zh">${planTarget.value}% 的目标在 ${first.year} 年已经达到（${first.value}%，${first.ref}），比 ${planTarget.year} 年早 ${early} 年；${last.year} 年为 ${last.value}%。</p><p class="en">The ${planTarget.value}% target was passed in ${first.year} (${first.value}%, ${first.ref}), ${early} years early, and ${last.year} closed at ${last.value}%.</p></div>`;
}

/**
 * The yearly gain a goal needs, with a button that makes it a scenario (`use`), or why it cannot be reached.
 * @example gainNeededView(gainNeeded(model, data, {value: 0.98, x: 2030}), {use: () => manager.applyRows(rows, "目标")})
 */
export function gainNeededView(needed: SolveResult, {use}: {use: () => void}): HTMLElement {
  if (!needed.ok) return html`<p id="gain-needed" data-ok="false" data-value=""><span class="warning">${needed.reason}</span></p>`;
  return html`<p id="gain-needed" data-ok="true" data-value=${needed.x}>${t({zh: "每年需提高", en: "Needed each year"})}: <strong>${formatPoints(needed.x, {digits: 2})}</strong> <button type="button" onclick=${use}>${t({zh: "用作新情景", en: "Use as a scenario"})}</button></p>`;
}
