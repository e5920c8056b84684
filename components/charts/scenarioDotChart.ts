import * as Plot from "@observablehq/plot";
import {t, type Lang, type Text} from "../i18n.js";
import {formatterFor} from "../format.js";
import {chartFigure} from "../chartFigure.js";
import {count, sentence} from "./chartText.js";

/** One row of the chart (a region, say): its name and each scenario's value at the chart's x. */
export interface DotRow {
  name: string;
  values: readonly {scenario: string; value: number | null}[];
}

/** A reference value drawn as a rule, and which side of it counts as meeting it. */
export interface DotReference {
  value: number;
  direction: ">=" | "<=";
  label: Text;
}

/**
 * One line per row, a dot per scenario at that row's value (one colour per scenario, the first as a ring, a grey rule
 * joining them), rows ordered by the first scenario's value, highest first; an optional reference value as a dashed
 * rule. Returned as a chartFigure titled by the label and x, its summary the highest and lowest row, how many rows
 * meet the reference in each scenario, and where each other scenario stands against the first (`title`, `summary`
 * replace them).
 * @example scenarioDotChart({rows, scenarios: ["基线", "情景 1"], label: {zh: "收入比", en: "Ratio"}, x: 2025, rowLabel: {zh: "省份", en: "Province"}, format: "ratio"}, {width})
 */
export function scenarioDotChart(
  {
    rows,
    scenarios,
    label,
    x,
    rowLabel,
    format = "number",
    digits,
    reference
  }: {
    rows: readonly DotRow[];
    scenarios: readonly string[];
    label: Text;
    x: number;
    rowLabel: Text;
    format?: string;
    digits?: number;
    reference?: DotReference;
  },
  {width = 640, title, summary}: {width?: number; title?: Text; summary?: Text} = {}
): HTMLElement {
  const f = formatterFor(format, {digits});
  const order = orderRows(rows, scenarios[0]);
  const dots = order.flatMap((r) => r.values.filter((v) => v.value !== null).map((v) => ({row: r.name, scenario: v.scenario, value: v.value!})));
  const spans = order.flatMap((r) => {
    const values = r.values.map((v) => v.value).filter((v): v is number => v !== null);
    return values.length ? [{row: r.name, min: Math.min(...values), max: Math.max(...values)}] : [];
  });
  const chart = Plot.plot({
    width,
    height: 40 + 18 * order.length,
    marginLeft: 16 + Math.max(0, ...order.map((r) => textWidth(r.name))),
    marginRight: 24,
    x: {label: `${t(label)} (${x})`, grid: true, tickFormat: (v: number) => f(v)},
    y: {label: null, domain: order.map((r) => r.name)},
    color: {legend: true, domain: [...scenarios]},
    marks: [
      reference ? Plot.ruleX([reference.value], {stroke: "var(--theme-red, #c0392b)", strokeDasharray: "4,3"}) : null,
      reference
        ? Plot.text([reference.value], {x: (d: number) => d, frameAnchor: "top", dy: -2, text: () => t(reference.label), fill: "var(--theme-red, #c0392b)", lineAnchor: "bottom"})
        : null,
      Plot.ruleY(spans, {y: "row", x1: "min", x2: "max", stroke: "var(--theme-foreground-faintest)", strokeWidth: 2}),
      // The first scenario as a ring, the others as dots inside it, so a row where they agree still shows both.
      Plot.dot(dots.filter((d) => d.scenario === scenarios[0]), {y: "row", x: "value", stroke: "scenario", strokeWidth: 1.5, r: 5.5}),
      Plot.dot(dots.filter((d) => d.scenario !== scenarios[0]), {y: "row", x: "value", fill: "scenario", r: 3.5}),
      Plot.tip(dots, Plot.pointer({y: "row", x: "value", title: (d: {row: string; scenario: string; value: number}) => `${d.row} · ${d.scenario} ${x}: ${f(d.value)}`}))
    ]
  });
  const text = (lang: Lang) => dotSummary(order, scenarios, {label, rowLabel, x, reference, f}, lang);
  return chartFigure(chart, {
    title: title ?? {zh: `${x} 年${t(label, "zh")}：各${t(rowLabel, "zh")}的情景`, en: `${t(label, "en")} in ${x} by ${t(rowLabel, "en").toLowerCase()}, per scenario`},
    summary: summary ?? {zh: text("zh"), en: text("en")}
  });
}

/**
 * The rows ordered by `scenario`'s value, highest first; rows without a value last, in their order.
 * @example orderRows([{name: "a", values: [{scenario: "s", value: 1}]}, {name: "b", values: [{scenario: "s", value: 2}]}], "s")[0].name // "b"
 */
export function orderRows(rows: readonly DotRow[], scenario: string | undefined): DotRow[] {
  const of = (r: DotRow) => r.values.find((v) => v.scenario === scenario)?.value ?? null;
  return rows
    .map((r, i) => ({r, i, v: of(r)}))
    .sort((a, b) => (a.v === null ? (b.v === null ? a.i - b.i : 1) : b.v === null ? -1 : b.v - a.v || a.i - b.i))
    .map((d) => d.r);
}

// About how wide a row name is drawn at Plot's 10px font: Han characters about 10px each, others about 6px.
function textWidth(text: string): number {
  return [...text].reduce((w, c) => w + (/[\u2e80-\u9fff\uff00-\uffef]/.test(c) ? 10 : 6), 0);
}

// "31 provinces in 2025, by 基线 highest first: A 2.9 highest, B 1.7 lowest; ≤ 2: 基线 3 of 31, 情景 1 5 of 31; 情景 1 below 基线 in 28, above in 3."
function dotSummary(
  order: readonly DotRow[],
  scenarios: readonly string[],
  {label, rowLabel, x, reference, f}: {label: Text; rowLabel: Text; x: number; reference?: DotReference; f: (v: number) => string},
  lang: Lang
): string {
  const first = scenarios[0];
  const value = (r: DotRow, s: string) => r.values.find((v) => v.scenario === s)?.value ?? null;
  const ranked = order.filter((r) => value(r, first) !== null);
  if (!ranked.length || first === undefined) return lang === "zh" ? "没有数据。" : "No data.";
  const [top, bottom] = [ranked[0], ranked.at(-1)!];
  const n = order.length;
  const sign = reference?.direction === "<=" ? "≤" : "≥";
  const meets = (s: string) =>
    order.filter((r) => {
      const v = value(r, s);
      return v !== null && reference !== undefined && (reference.direction === "<=" ? v <= reference.value : v >= reference.value);
    }).length;
  const against = scenarios.slice(1).map((s) => {
    const pairs = order.map((r) => [value(r, s), value(r, first)]).filter((p): p is [number, number] => p[0] !== null && p[1] !== null);
    return {s, below: pairs.filter(([a, b]) => a < b).length, above: pairs.filter(([a, b]) => a > b).length};
  });
  if (lang === "zh")
    return sentence(
      [
        `${x} 年 ${n} 个${t(rowLabel, "zh")}按${first}的${t(label, "zh")}从高到低排列：最高为${top.name}（${f(value(top, first)!)}），最低为${bottom.name}（${f(value(bottom, first)!)}）`,
        reference ? `${sign} ${f(reference.value)} 的：${scenarios.map((s) => `${s} ${meets(s)} 个`).join("，")}` : null,
        against.map((a) => `${a.s}比${first}低的有 ${a.below} 个、高的有 ${a.above} 个`).join("，")
      ],
      "zh"
    );
  return sentence(
    [
      `${count(n, t(rowLabel, "en").toLowerCase())} in ${x}, by ${first}'s ${t(label, "en")} highest first: ${top.name} highest at ${f(value(top, first)!)}, ${bottom.name} lowest at ${f(value(bottom, first)!)}`,
      reference ? `${sign} ${f(reference.value)}: ${scenarios.map((s) => `${s} ${meets(s)} of ${n}`).join(", ")}` : null,
      against.map((a) => `${a.s} below ${first} in ${a.below}, above in ${a.above}`).join(", ")
    ],
    "en"
  );
}
