import * as Plot from "@observablehq/plot";

/** One component of rural income in one year (元). */
export interface ComponentRow {
  year: number;
  component: string;
  value: number;
}

/** Display order and bilingual names of the rural income components, bottom to top. */
export const RURAL_COMPONENTS = [
  ["农村居民人均工资性收入", "工资性 Wages"],
  ["农村居民人均经营净收入", "经营净 Net business"],
  ["农村居民人均财产净收入", "财产净 Net property"],
  ["农村居民人均转移净收入", "转移净 Net transfers"]
] as const;

/**
 * Stacked bars of rural per-capita disposable income by component; years without components are not drawn.
 * @example compositionChart([{year: 2024, component: "农村居民人均工资性收入", value: 9799}], {width: 640})
 */
export function compositionChart(rows: readonly ComponentRow[], {width = 640, height = 300} = {}) {
  const label = new Map<string, string>(RURAL_COMPONENTS);
  const data = rows.filter((r) => label.has(r.component)).map((r) => ({...r, label: label.get(r.component)!}));
  return Plot.plot({
    width,
    height,
    marginLeft: 60,
    x: {label: "年份 Year", type: "band", tickFormat: (d: number) => (d % 2 ? "" : String(d))},
    y: {label: "元 / 人 · yuan per person", grid: true},
    color: {legend: true, domain: RURAL_COMPONENTS.map(([, l]) => l)},
    marks: [
      Plot.barY(data, {x: "year", y: "value", fill: "label", order: RURAL_COMPONENTS.map(([, l]) => l), tip: true}),
      Plot.ruleY([0])
    ]
  });
}
