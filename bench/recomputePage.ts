// Browser side of `npm run bench:recompute` (bundled by bench/recompute.ts with esbuild): a model's ScenarioManager
// whose committed grid edits re-project every compared scenario and redraw every dependent chart and table, as a
// notebook page does. All inputs are SYNTHETIC (bench/benchModels.ts), never real statistics.
import {ScenarioManager} from "../components/ScenarioManager.js";
import {scenarioResults} from "../components/scenario/results.js";
import {compareTable} from "../components/scenario/compareTable.js";
import {scenarioLinesChart} from "../components/charts/scenarioLinesChart.js";
import {createScenario, setCompare} from "../components/scenario/scenarioSet.js";
import {monteCarloBand, sensitivityGrid, tornadoOf} from "../components/scenario/analysis.js";
import {sensitivityHeatTable} from "../components/charts/sensitivityHeatTable.js";
import {bandChart} from "../components/charts/bandChart.js";
import {tornadoChart} from "../components/charts/tornadoChart.js";
import {WORKLOADS} from "./benchModels.js";
import type {DownloadSpec} from "../components/download/fileSource.js";

// Every chart and table a notebook redraws carries its download buttons (and the rows behind them): so do these.
const BENCH_MANIFEST = {dataset: "bench", source: {file: "SYNTHETIC", sha256: "0".repeat(64), notes: "SYNTHETIC bench data"}, generatedAt: "2026-12-01T00:00:00Z"};
const download = (name: string): DownloadSpec => ({name, manifests: BENCH_MANIFEST});

interface BenchConfig {
  workload: string;
  /** false: the grid and projections only, to show what the charts cost */
  charts?: boolean;
}

// Profiling (BENCH_PROFILE=1): each phase of a redraw is timed with performance.now and added to the current edit's
// record; the grid's own work is what is left of the edit's total.
let phases: Record<string, number> | null = null;
function phase<T>(name: string, f: () => T): T {
  if (!phases) return f();
  const t0 = performance.now();
  const out = f();
  phases[name] = (phases[name] ?? 0) + performance.now() - t0;
  return out;
}

/** Builds the workload's panel and charts and returns a function that makes one committed edit and times it (ms). */
function setup({workload, charts: withCharts = true}: BenchConfig) {
  document.body.replaceChildren();
  const {model, data, edit: editKey, analyses, charts: drawn} = WORKLOADS[workload]();
  const manager = ScenarioManager(model, data, {storage: null});
  // Three compared scenarios, the first editable, as an analyst comparing alternatives has them.
  let set = manager.value;
  for (let s = 0; s < 2; s++) set = createScenario(set, manager.shape);
  manager.value = setCompare(set, set.scenarios.slice(0, 3).map((s) => s.id));
  manager.value = {...manager.value, activeId: manager.value.scenarios[1].id};
  const charts = document.createElement("div");
  document.body.append(manager, charts);
  const last = (model.series ?? [])[0];
  const redraw = () => {
    const results = phase("projections", () => scenarioResults(model, data, manager.value));
    if (withCharts) {
      const x = results.active.projection.series[last.key]?.at(-1)?.x ?? 0;
      const rows = results.active.scenario.rows;
      const probe = {series: last.key, x};
      const extra: Element[] = [];
      if (analyses) {
        // As the income page does: a 5 × 6 sensitivity table, a tornado and a 1000-run Monte Carlo band.
        const [a, b] = model.columns;
        const deltas = Object.fromEntries(model.columns.map((c) => [c.key, (c.max - c.min) / 100]));
        const ranges = Object.fromEntries(model.columns.map((c) => [c.key, [-(c.max - c.min) / 100, (c.max - c.min) / 100] as const]));
        const values = (n: number) => Array.from({length: n}, (_, i) => 0.03 + 0.01 * i);
        const grid = phase("sensitivity grid", () => sensitivityGrid(model, data, rows, {y: {column: a.key, values: values(5)}, x: {column: (b ?? a).key, values: values(6)}, probe}));
        const band = phase("Monte Carlo", () => monteCarloBand(model, data, rows, {series: last.key, ranges, runs: 1000, seed: 1}));
        const bars = phase("tornado", () => tornadoOf(model, data, rows, {probe, deltas}));
        extra.push(
          phase("sensitivity table", () => sensitivityHeatTable(grid, {xLabel: (b ?? a).label, yLabel: a.label, download: download("sensitivity")})),
          phase("tornado chart", () => tornadoChart(bars, {width: 640, download: download("tornado")})),
          phase("band chart", () => bandChart({band, central: results.active.projection.series[last.key], runs: 1000, label: last.label, format: last.format}, {width: 640, download: download("band")}))
        );
      }
      const lines = phase("scenario line charts", () =>
        drawn.map(({series, z}) => {
          const spec = (model.series ?? []).find((s) => s.key === series)!;
          const points = (c: (typeof results.compared)[number]) => c.projection.series[series].filter((p) => z === undefined || p.z === z);
          return scenarioLinesChart({scenarios: results.compared.map((c) => ({name: c.scenario.name, points: points(c)})), label: spec.label, format: spec.format}, {width: 640, download: download(series)});
        })
      );
      const table = phase("compare table", () => compareTable(model, results.compared, {measures: [{series: last.key, x}], download: download("compare")}));
      phase("swap into the document", () => charts.replaceChildren(...extra, ...lines, table));
    }
    phase("layout", () => void charts.getBoundingClientRect()); // force layout: the charts are in the document and laid out
  };
  manager.addEventListener("input", redraw);
  redraw();
  const rows = manager.grid.value.length;
  let n = 0;
  return () => {
    const row = n % rows;
    const value = (5 + (n++ % 7) / 10).toFixed(1);
    const cell = manager.grid.querySelector<HTMLElement>(`td[data-row="${row}"][data-key="${editKey}"]`)!;
    cell.dispatchEvent(new MouseEvent("mousedown", {bubbles: true, cancelable: true}));
    const t0 = performance.now();
    // A committed edit as the keyboard makes it: a key starts the edit, Enter commits; the input event redraws.
    cell.dispatchEvent(new KeyboardEvent("keydown", {key: value[0], bubbles: true, cancelable: true}));
    const editor = manager.grid.querySelector<HTMLInputElement>("input.grid-editor")!;
    editor.value = value;
    editor.dispatchEvent(new KeyboardEvent("keydown", {key: "Enter", bubbles: true, cancelable: true}));
    return performance.now() - t0;
  };
}

// Between two edits an analyst's page renders at least one frame and has idle time (keystrokes are ~100 ms apart), when
// the browser also collects garbage. `gap: "frame"` (the default) waits for a frame and a task between timed edits,
// untimed; `gap: "none"` runs them back to back in one task, as this bench did first, so garbage from every edit is
// collected inside later timed edits.
const betweenEdits = () => new Promise<void>((done) => requestAnimationFrame(() => setTimeout(done, 0)));

/** Runs `rounds` rounds of `warmup` + `edits` timed edits; returns each round's p50 and p95 (ms). */
async function run(config: BenchConfig, rounds: number, edits: number, warmup: number, gap: "frame" | "none" = "frame") {
  const quantile = (xs: number[], p: number) => {
    const s = [...xs].sort((a, b) => a - b);
    const h = (s.length - 1) * p;
    return s[Math.floor(h)] + (s[Math.ceil(h)] - s[Math.floor(h)]) * (h - Math.floor(h));
  };
  const out: {p50: number; p95: number}[] = [];
  for (let r = 0; r < rounds; r++) {
    const edit = setup(config);
    for (let i = 0; i < warmup; i++) edit();
    const times: number[] = [];
    for (let i = 0; i < edits; i++) {
      if (gap === "frame") await betweenEdits();
      times.push(edit());
    }
    out.push({p50: quantile(times, 0.5), p95: quantile(times, 0.95)});
  }
  return out;
}

/**
 * `edits` timed edits after `warmup`, each split into phases; returns the mean ms of each phase and of the total (a
 * mean: the browser's clock ticks in 0.1 ms, coarser than several phases).
 */
async function profile(config: BenchConfig, edits: number, warmup: number, gap: "frame" | "none" = "frame"): Promise<Record<string, number>> {
  const edit = setup(config);
  for (let i = 0; i < warmup; i++) edit();
  const records: Record<string, number>[] = [];
  for (let i = 0; i < edits; i++) {
    if (gap === "frame") await betweenEdits();
    phases = {};
    const total = edit();
    const redraw = Object.values(phases).reduce((a, b) => a + b, 0);
    records.push({"grid commit and panel refresh": total - redraw, ...phases, total});
  }
  phases = null;
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  return Object.fromEntries(Object.keys(records[0]).map((k) => [k, mean(records.map((r) => r[k] ?? 0))]));
}

Object.assign(globalThis, {benchRun: run, benchProfile: profile});
