// A published report: the scenarios an analyst chose in a notebook, frozen in one JSON file under reports/, with what
// the page was computed from (each dataset's id, sha256 and row count) and the headline figures as published. The
// build checks every file here before it publishes anything: a wrong report never reaches the site.
import {seriesAt, type ScenarioModel} from "../scenario/model.js";
import {rowShape, validateSet, type Scenario, type ScenarioSet} from "../scenario/scenarioSet.js";

/** A dataset a report was computed from, as its manifest described it then. */
export interface ReportDataset {
  id: string;
  sha256: string;
  rows: number;
}

/** A series value at x (and for row z, when the series has one point per row) for one scenario: what a reader quotes. */
export interface HeadlineFigure {
  scenario: string;
  series: string;
  x: number;
  z?: string;
  value: number | null;
}

/** A headline measure: a series at x, and for a series with a point per row (provinces) the row's key z. */
export interface HeadlineSpec {
  series: string;
  x: number;
  z?: string;
}

/** The report file (reports/<slug>.json). */
export interface Report {
  version: 1;
  title: string;
  author?: string;
  /** publication day, YYYY-MM-DD (UTC) */
  date: string;
  /** the scenario model's id, e.g. "income-gap" */
  model: string;
  note?: string;
  activeId: string;
  scenarios: Scenario[];
  compare: string[];
  datasets: ReportDataset[];
  headline: HeadlineFigure[];
}

/** What a model needs to be published: the model, which datasets feed it, and which figures are its headline. */
export interface ReportModelSpec<D = unknown> {
  /** the model's id, as reports name it */
  id: string;
  /** the model, or how it is built from its data (a model whose targets are read from the data, e.g. farmland) */
  model: ScenarioModel<D> | ((data: D) => ScenarioModel<D>);
  datasets: readonly string[];
  /** the headline measures, or how they follow from the data and the scenarios (the provinces a scenario changes, e.g.) */
  headline: readonly HeadlineSpec[] | ((data: D, scenarios: readonly Scenario[]) => readonly HeadlineSpec[]);
}

/**
 * The spec's model on `data`: the model itself, or the one its builder makes from the data.
 * @example specModel(reportModel("farmland")!, data).targets[0].value // 107500
 */
export function specModel<D>(spec: ReportModelSpec<D>, data: D): ScenarioModel<D> {
  return typeof spec.model === "function" ? spec.model(data) : spec.model;
}

/**
 * The spec's headline measures on `data` for these scenarios.
 * @example specHeadline(reportModel("income-gap")!, data, set.scenarios) // [{series: "ratio", x: 2025}, …]
 */
export function specHeadline<D>(spec: ReportModelSpec<D>, data: D, scenarios: readonly Scenario[]): readonly HeadlineSpec[] {
  return typeof spec.headline === "function" ? spec.headline(data, scenarios) : spec.headline;
}

/** A dataset as it is today: id, sha256 and row count from its manifest. */
export type CurrentDataset = ReportDataset;

/** Everything a check needs beyond the file: the known models, and for the report's model its data and datasets now. */
export interface ReportCheckContext {
  spec(modelId: string): ReportModelSpec<any> | undefined;
  knownModels: readonly string[];
  /** the model's data on today's datasets */
  data(modelId: string): unknown;
  /** today's manifests of the model's datasets */
  datasets(modelId: string): readonly CurrentDataset[];
}

export type ReportResult = {ok: true; report: Report} | {ok: false; errors: string[]};

const REQUIRED = ["version", "title", "date", "model", "activeId", "scenarios", "compare", "datasets", "headline"] as const;
const OPTIONAL = ["author", "note"] as const;
const FIELDS = new Set<string>([...REQUIRED, ...OPTIONAL]);
const SLUG = /^[a-z0-9][a-z0-9-]{0,79}$/;
const SHA256 = /^[0-9a-f]{64}$/;
const LIMITS = {title: 200, author: 120, note: 4000} as const;
// Figures are recomputed in the same code on the same data, so any difference beyond rounding is an edit.
const TOLERANCE = 1e-9;

/**
 * A file name's slug from a title: lower-case ASCII letters and digits joined by "-"; a title with none (e.g. all
 * Chinese) gives `<model>-<date>`.
 * @example slugify("Growth 7% — 2035", "income-gap", "2026-12-01") // "growth-7-2035"
 */
export function slugify(title: string, modelId: string, date: string): string {
  const words = title
    .normalize("NFKD")
    .toLowerCase()
    .replace(/[\u0300-\u036f]/g, "")
    .match(/[a-z0-9]+/g);
  const slug = (words ?? []).join("-").slice(0, 60).replace(/-+$/, "");
  return slug || `${modelId}-${date}`;
}

/**
 * The day of `now` as YYYY-MM-DD in UTC.
 * @example reportDate(new Date("2026-12-01T03:00:00Z")) // "2026-12-01"
 */
export function reportDate(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}

/**
 * The headline figures of every scenario, computed from its rows on `data`.
 * @example headlineFigures(spec, data, set.scenarios)[0] // {scenario: "baseline", series: "ratio", x: 2025, value: 2.31}
 */
export function headlineFigures<D>(spec: ReportModelSpec<D>, data: D, scenarios: readonly Scenario[]): HeadlineFigure[] {
  const model = specModel(spec, data);
  const measures = specHeadline(spec, data, scenarios);
  return scenarios.flatMap((s) => {
    const projection = model.project(s.rows, data);
    return measures.map(({series, x, z}) => ({scenario: s.id, series, x, ...(z === undefined ? {} : {z}), value: seriesAt(projection, series, x, z)}));
  });
}

/**
 * A report from a notebook's scenario set: what the publish button downloads and `npm run report -- add` writes.
 * `datasets` are the manifests the page used (only the model's datasets are recorded).
 * @example buildReport(spec, data, manager.value, {title: "Rural 7%", date: "2026-12-01"}, [manifest])
 */
export function buildReport<D>(
  spec: ReportModelSpec<D>,
  data: D,
  set: ScenarioSet,
  meta: {title: string; author?: string; note?: string; date: string},
  manifests: readonly {dataset: string; source: {sha256: string}; rows: number}[]
): Report {
  const datasets = spec.datasets.map((id) => {
    const manifest = manifests.find((m) => m.dataset === id);
    if (!manifest) throw new Error(`the page did not pass the manifest of ${id}`);
    return {id, sha256: manifest.source.sha256, rows: manifest.rows};
  });
  const title = meta.title.trim();
  if (!title) throw new Error("a report needs a title");
  const author = meta.author?.trim();
  const note = meta.note?.trim();
  return {
    version: 1,
    title,
    ...(author ? {author} : {}),
    date: meta.date,
    model: spec.id,
    ...(note ? {note} : {}),
    activeId: set.activeId,
    scenarios: set.scenarios.map((s) => ({id: s.id, name: s.name, rows: s.rows.map((r) => ({...r})), ...(s.readonly ? {readonly: true} : {})})),
    compare: [...set.compare],
    datasets,
    headline: headlineFigures(spec, data, set.scenarios)
  };
}

/**
 * The report file as written: pretty JSON with a final newline.
 * @example writeFileSync(`reports/${slug}.json`, reportText(report))
 */
export function reportText(report: Report): string {
  return JSON.stringify(report, null, 2) + "\n";
}

/**
 * The datasets whose sha256 today differs from the one the report recorded (data reloaded since publication).
 * @example driftedDatasets(report, [{id: "income-national", sha256: "ab…", rows: 36}]) // ["income-national"]
 */
export function driftedDatasets(report: Pick<Report, "datasets">, current: readonly CurrentDataset[]): string[] {
  return report.datasets.filter((d) => current.find((c) => c.id === d.id)?.sha256 !== d.sha256).map((d) => d.id);
}

/**
 * Checks a report file. Every error is one line `reports/<file>: <field>: message`; all problems that can be found
 * are listed. Headline figures are recomputed and must match when the data is still the data they were computed on.
 * @example validateReport("growth-7.json", JSON.parse(text), context) // {ok: true, report} or {ok: false, errors}
 */
export function validateReport(file: string, input: unknown, context: ReportCheckContext): ReportResult {
  const errors: string[] = [];
  const fail = (field: string, message: string) => errors.push(`reports/${file}: ${field}: ${message}`);
  const slug = file.replace(/\.json$/, "");
  if (!file.endsWith(".json") || !SLUG.test(slug))
    fail("file name", "must be <slug>.json, the slug in lower-case letters, digits and - (it becomes the page's address)");
  if (typeof input !== "object" || input === null || Array.isArray(input)) {
    fail("(file)", "must be a JSON object");
    return {ok: false, errors};
  }
  const o = input as Record<string, unknown>;
  for (const key of Object.keys(o)) if (!FIELDS.has(key)) fail(key, `unknown field (known: ${[...FIELDS].join(", ")})`);
  for (const key of REQUIRED) if (!(key in o)) fail(key, "missing");
  if ("version" in o && o.version !== 1) fail("version", `must be 1, got ${show(o.version)}`);
  text(o, "title", LIMITS.title, true, fail);
  text(o, "author", LIMITS.author, false, fail);
  text(o, "note", LIMITS.note, false, fail);
  if ("date" in o && !validDate(o.date)) fail("date", `must be a day as YYYY-MM-DD, got ${show(o.date)}`);
  if (!("model" in o)) return {ok: false, errors};
  const spec = typeof o.model === "string" ? context.spec(o.model) : undefined;
  if (!spec) {
    fail("model", `unknown model ${show(o.model)} (known: ${context.knownModels.join(", ")})`);
    return {ok: false, errors};
  }
  const modelId = spec.id;
  const data = context.data(modelId);
  const model = specModel(spec, data);
  const current = context.datasets(modelId);

  const datasetsOk = checkDatasets(o.datasets, spec, fail);
  const baseline = model.baseline(data as never);
  const shape = rowShape(model, baseline.rows);
  const checked = "scenarios" in o ? validateSet({version: 1, activeId: o.activeId, scenarios: o.scenarios, compare: o.compare}, shape) : null;
  if (checked && !checked.ok) {
    // validateSet names the cell after its own prefix: "…: scenarios[1].rows[3].growth (2028): 0.9 …".
    const match = /:\s*((?:scenarios|activeId|compare)[^\s:]*)(?: \(([^)]*)\))?:\s*([\s\S]*)$/.exec(checked.error);
    if (match) fail(match[1], match[2] ? `${match[2]}: ${match[3]}` : match[3]);
    else fail("scenarios", checked.error);
  }
  if (!checked?.ok || !datasetsOk || !Array.isArray(o.headline)) {
    if ("headline" in o && !Array.isArray(o.headline)) fail("headline", "must be a list");
    return {ok: false, errors};
  }
  const state = checked.state;
  const datasets = o.datasets as ReportDataset[];
  const unchanged = driftedDatasets({datasets}, current).length === 0;
  const expected = headlineFigures(spec, data, state.scenarios);
  const headline = o.headline as unknown[];
  if (headline.length !== expected.length)
    fail("headline", `expected ${expected.length} figures (${specHeadline(spec, data, state.scenarios).length} per scenario), got ${headline.length}`);
  else
    headline.forEach((item, i) => {
      const want = expected[i];
      const h = item as Record<string, unknown>;
      if (typeof h !== "object" || h === null || Array.isArray(h)) return fail(`headline[${i}]`, "must be an object");
      for (const key of Object.keys(h)) if (!["scenario", "series", "x", "z", "value"].includes(key)) fail(`headline[${i}].${key}`, "unknown field");
      if (h.scenario !== want.scenario || h.series !== want.series || h.x !== want.x || h.z !== want.z)
        return fail(
          `headline[${i}]`,
          `expected ${want.scenario} ${want.series} at ${want.x}${want.z === undefined ? "" : ` for ${want.z}`}, got ${show(h.scenario)} ${show(h.series)} at ${show(h.x)}${h.z === undefined ? "" : ` for ${show(h.z)}`}`
        );
      if (h.value !== null && (typeof h.value !== "number" || !Number.isFinite(h.value)))
        return fail(`headline[${i}].value`, `must be a number or null, got ${show(h.value)}`);
      // On the data they were computed from, the figures must follow from the rows: otherwise the file was edited.
      if (unchanged && !same(h.value as number | null, want.value))
        fail(`headline[${i}].value`, `${show(h.value)} does not follow from the scenario's rows on the recorded data (${show(want.value)}): the file was edited by hand`);
    });
  if (unchanged) {
    // The baseline is derived from the data: on unchanged data a different baseline is an edit, not a choice.
    const base = state.scenarios.findIndex((s) => s.readonly);
    if (base >= 0) {
      const rows = state.scenarios[base].rows;
      const differs = (r: Record<string, unknown>, i: number) => model.columns.find((c) => !same(r[c.key] as number, baseline.rows[i]?.[c.key] as number));
      const edited = rows.findIndex((r, i) => differs(r, i) !== undefined);
      if (edited >= 0) {
        const key = differs(rows[edited], edited)!.key;
        fail(
          `scenarios[${base}].rows[${edited}].${key}`,
          `${show(rows[edited][key])} differs from the baseline of the recorded data (${show(baseline.rows[edited]?.[key])}): the read-only baseline was edited by hand`
        );
      }
    }
  }
  if (errors.length) return {ok: false, errors};
  const report: Report = {
    version: 1,
    title: (o.title as string).trim(),
    ...(typeof o.author === "string" && o.author.trim() ? {author: o.author.trim()} : {}),
    date: o.date as string,
    model: modelId,
    ...(typeof o.note === "string" && o.note.trim() ? {note: o.note.trim()} : {}),
    activeId: state.activeId,
    scenarios: state.scenarios,
    compare: state.compare,
    datasets: datasets.map((d) => ({id: d.id, sha256: d.sha256, rows: d.rows})),
    headline: headline as HeadlineFigure[]
  };
  return {ok: true, report};
}

function checkDatasets(value: unknown, spec: ReportModelSpec<any>, fail: (field: string, message: string) => void): boolean {
  if (value === undefined) return false;
  if (!Array.isArray(value)) return fail("datasets", "must be a list"), false;
  let ok = true;
  const seen = new Set<string>();
  value.forEach((item, i) => {
    const d = item as Record<string, unknown>;
    if (typeof d !== "object" || d === null || Array.isArray(d)) return (ok = false), fail(`datasets[${i}]`, "must be an object");
    for (const key of Object.keys(d)) if (!["id", "sha256", "rows"].includes(key)) (ok = false), fail(`datasets[${i}].${key}`, "unknown field");
    if (typeof d.id !== "string" || !spec.datasets.includes(d.id))
      (ok = false), fail(`datasets[${i}].id`, `${show(d.id)} is not a dataset of model ${spec.id} (${spec.datasets.join(", ")})`);
    else if (seen.has(d.id)) (ok = false), fail(`datasets[${i}].id`, `duplicate ${d.id}`);
    else seen.add(d.id);
    if (typeof d.sha256 !== "string" || !SHA256.test(d.sha256)) (ok = false), fail(`datasets[${i}].sha256`, "must be 64 lower-case hex digits");
    if (typeof d.rows !== "number" || !Number.isInteger(d.rows) || d.rows < 0) (ok = false), fail(`datasets[${i}].rows`, "must be a whole number ≥ 0");
  });
  for (const id of spec.datasets) if (!seen.has(id) && ok) (ok = false), fail("datasets", `missing ${id}, which model ${spec.id} reads`);
  return ok;
}

function text(o: Record<string, unknown>, key: string, max: number, required: boolean, fail: (f: string, m: string) => void) {
  if (!(key in o)) return;
  const v = o[key];
  if (typeof v !== "string") return fail(key, `must be text, got ${show(v)}`);
  if (required && v.trim() === "") return fail(key, "must not be empty");
  if (v.length > max) fail(key, `at most ${max} characters, got ${v.length}`);
}

function validDate(value: unknown): boolean {
  if (typeof value !== "string" || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

function same(a: number | null, b: number | null): boolean {
  if (a === null || b === null) return a === b;
  return Math.abs(a - b) <= TOLERANCE * Math.max(1, Math.abs(b));
}

function show(value: unknown): string {
  const s = JSON.stringify(value);
  return s === undefined ? String(value) : s.length > 40 ? `${s.slice(0, 40)}…` : s;
}
