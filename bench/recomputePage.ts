// Browser side of `npm run bench:recompute` (bundled by bench/recompute.ts with esbuild): a ScenarioGrid whose
// committed edits recompute 3 scenarios × N regions and redraw every dependent chart, all with SYNTHETIC inputs.
import {ScenarioGrid} from "../components/ScenarioGrid.js";
import {GROWTH_COLUMNS, projectedColumns} from "../components/scenarioColumns.js";
import {regionPathsChart, type RegionPath} from "../components/charts/regionPathsChart.js";
import {scenarioCompareChart} from "../components/charts/scenarioCompareChart.js";
import {projectPathByRegion} from "../components/model/projectPath.js";
import {mulberry32} from "../components/model/monteCarlo.js";
import {withGap, type IncomeYear} from "../components/model/incomeProjection.js";
import type {GrowthRow} from "../components/model/assumptions.js";
import type {EditRow} from "../components/ScenarioManager.js";

interface BenchConfig {
  regions: number;
  years: number;
  scenarios: number;
  /** false: the grid and projections only, to show what the charts cost */
  charts?: boolean;
}

/** Builds the synthetic workload and returns a function that makes one committed edit and times it (ms). */
function setup({regions, years, scenarios, charts: withCharts = true}: BenchConfig) {
  document.body.replaceChildren();
  const random = mulberry32(42);
  // SYNTHETIC: made-up start incomes for `regions` regions and made-up growth rates, never real statistics.
  const starts = new Map<string, IncomeYear>();
  for (let i = 0; i < regions; i++) starts.set(`合成 Synthetic ${i + 1}`, {year: 2024, urban: 35000 + 40000 * random(), rural: 15000 + 20000 * random()});
  const sets: GrowthRow[][] = Array.from({length: scenarios}, (_, s) =>
    Array.from({length: years}, (_, y) => ({year: 2025 + y, urban: 0.04 + 0.005 * s, rural: 0.06 + 0.005 * s}))
  );
  const national = starts.values().next().value!;
  const history = withGap([national]);
  const charts = document.createElement("div");
  const compare = document.createElement("div");
  // Small multiples: each scenario has its own ratio and gap charts, so an edit redraws only the charts whose
  // inputs changed (tracked by the identity of the scenario's rows) plus the overlaid comparison.
  const perScenario = sets.map(() => document.createElement("div"));
  charts.append(compare, ...perScenario);
  const drawn: (GrowthRow[] | null)[] = sets.map(() => null);
  const grid = ScenarioGrid<EditRow>(sets[0], {columns: GROWTH_COLUMNS, lockedColumns: projectedColumns(national), label: "合成 Synthetic"});
  document.body.append(grid, charts);
  const redraw = () => {
    sets[0] = grid.value as GrowthRow[];
    const means = sets.map((rows, s) => {
      const byRegion = projectPathByRegion(starts, rows);
      const name = `S${s + 1}`;
      if (withCharts && drawn[s] !== rows) {
        const paths: RegionPath[] = [...byRegion].map(([region, path]) => ({region, scenario: name, path}));
        perScenario[s].replaceChildren(
          regionPathsChart(paths, {width: 640, measure: "ratio", legend: false}),
          regionPathsChart(paths, {width: 640, measure: "gap", legend: false})
        );
        drawn[s] = rows;
      }
      const all = [...byRegion.values()];
      return {name, path: all[0].map((p, i) => ({...p, ratio: all.reduce((sum, a) => sum + a[i].ratio, 0) / all.length}))};
    });
    if (withCharts) compare.replaceChildren(scenarioCompareChart(history, means, {width: 640, measure: "ratio"}));
    void charts.getBoundingClientRect(); // force layout: the charts are in the document and laid out
  };
  grid.addEventListener("input", redraw);
  redraw();
  let n = 0;
  return () => {
    const row = n % years;
    const value = (5 + (n++ % 7) / 10).toFixed(1);
    const cell = grid.querySelector<HTMLElement>(`td[data-row="${row}"][data-key="rural"]`)!;
    cell.dispatchEvent(new MouseEvent("mousedown", {bubbles: true, cancelable: true}));
    const t0 = performance.now();
    // A committed edit as the keyboard makes it: a key starts the edit, Enter commits; the input event redraws.
    cell.dispatchEvent(new KeyboardEvent("keydown", {key: value[0], bubbles: true, cancelable: true}));
    const editor = grid.querySelector<HTMLInputElement>("input.grid-editor")!;
    editor.value = value;
    editor.dispatchEvent(new KeyboardEvent("keydown", {key: "Enter", bubbles: true, cancelable: true}));
    return performance.now() - t0;
  };
}

/** Runs `rounds` rounds of `warmup` + `edits` timed edits; returns each round's p50 and p95 (ms). */
function run(config: BenchConfig, rounds: number, edits: number, warmup: number) {
  const quantile = (xs: number[], p: number) => {
    const s = [...xs].sort((a, b) => a - b);
    const h = (s.length - 1) * p;
    return s[Math.floor(h)] + (s[Math.ceil(h)] - s[Math.floor(h)]) * (h - Math.floor(h));
  };
  const out: {p50: number; p95: number}[] = [];
  for (let r = 0; r < rounds; r++) {
    const edit = setup(config);
    for (let i = 0; i < warmup; i++) edit();
    const times = Array.from({length: edits}, edit);
    out.push({p50: quantile(times, 0.5), p95: quantile(times, 0.95)});
  }
  return out;
}

(globalThis as unknown as {benchRun: typeof run}).benchRun = run;
