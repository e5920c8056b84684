import {TARGET_CONTEXT, TARGET_NOTEBOOK, observationNote, targetMeta, type ContextKind, type Direction, type Hedge} from "./planMeta.js";
import {targetStatus, type Status, type YearValue} from "./targetStatus.js";

/** A row of a tidy table as the pages query it (national rows only are used here). */
export interface TidyValue {
  indicator: string;
  unit: string;
  region_code?: string;
  year: number;
  value: number | null;
}

/** A related series shown beside a target, never judged: its latest value and why it is not the target's measure. */
export interface ContextValue {
  id: string;
  indicator: string;
  kind: ContextKind;
  unit: string;
  region_code: string;
  year: number;
  value: number;
  ref: string | null;
  hedge: Hedge | null;
}

/** One line of the scorecard. */
export interface ScorecardRow {
  id: string;
  indicator: string;
  en: string | null;
  observed: string | null;
  unit: string;
  target: number;
  direction: Direction;
  targetYear: number;
  baseline: YearValue | null;
  start: YearValue | null;
  latest: (YearValue & {ref: string | null; hedge: Hedge | null}) | null;
  status: Status;
  projected: number | null;
  reason: string;
  /** related series of other definitions or proxies, latest value each (never judged) */
  context: ContextValue[];
  /** the notebook that works this target through, if any */
  notebook: string | null;
}

/**
 * Joins every target (rows of plan-targets.csv) with its observed national series (rows of plan-indicators.csv) and
 * applies `targetStatus`. Baselines are read from the observed series in the target's baseline year.
 * @example buildScorecard(targetRows, indicatorRows).filter((r) => r.status === "met")
 */
export function buildScorecard(targets: readonly TidyValue[], observations: readonly TidyValue[]): ScorecardRow[] {
  return targets.map((t) => {
    if (t.value === null) throw new Error(`plan-targets.csv: target ${t.indicator} has no value`);
    const meta = targetMeta(t.indicator);
    const series = meta.observed
      ? observations
          .filter((o) => o.indicator === meta.observed && (o.region_code ?? "CN") === "CN" && o.value !== null)
          .map((o) => ({year: o.year, value: o.value as number}))
          .sort((a, b) => a.year - b.year)
      : [];
    const upToTarget = series.filter((o) => o.year <= t.year);
    const last = upToTarget.at(-1) ?? null;
    const baseline = meta.baselineYear === null ? null : (series.find((o) => o.year === meta.baselineYear) ?? null);
    if (meta.baselineYear !== null && !baseline)
      throw new Error(`plan-indicators.csv: no ${meta.observed} value in baseline year ${meta.baselineYear}`);
    const start = baseline ?? series[0] ?? null;
    const verdict = meta.observed
      ? targetStatus({direction: meta.direction, target: t.value, targetYear: t.year, start, latest: last})
      : {
          status: "no data" as const,
          projected: null,
          reason: "no series with this definition found · 未找到同口径数据"
        };
    const note = last && meta.observed ? observationNote(meta.observed, "CN", last.year) : null;
    return {
      id: meta.id,
      indicator: t.indicator,
      en: meta.en,
      observed: meta.observed,
      unit: t.unit,
      target: t.value,
      direction: meta.direction,
      targetYear: t.year,
      baseline,
      start,
      latest: last && {...last, ref: note?.ref ?? null, hedge: note?.hedge ?? null},
      ...verdict,
      context: contextOf(meta.id, observations),
      notebook: TARGET_NOTEBOOK[meta.id] ?? null
    };
  });
}

// The latest value of each context series (any region: one is provincial), with its source key and hedge.
function contextOf(id: string, observations: readonly TidyValue[]): ContextValue[] {
  return (TARGET_CONTEXT[id] ?? []).flatMap(({id: contextId, indicator, kind}) => {
    const rows = observations.filter((o) => o.indicator === indicator && o.value !== null).sort((a, b) => a.year - b.year);
    const last = rows.at(-1);
    if (!last) return [];
    const region = last.region_code ?? "CN";
    const note = observationNote(indicator, region, last.year);
    return [{id: contextId, indicator, kind, unit: last.unit, region_code: region, year: last.year, value: last.value as number, ref: note?.ref ?? null, hedge: note?.hedge ?? null}];
  });
}
