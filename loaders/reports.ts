// The Node side of published reports: reads reports/*.json and checks each against today's data (the same loaders
// that make the site's tables). Used by observablehq.config.ts (a bad file fails the build), by the report page's
// data loader, and by `npm run report`.
import {existsSync, readdirSync, readFileSync} from "node:fs";
import {join} from "node:path";
import {datasetById} from "./datasets.js";
import type {Manifest} from "./manifest.js";
import type {TidyRow} from "./tidy.js";
import {REPORT_MODELS, reportModel} from "../components/report/models.js";
import {validateReport, type CurrentDataset, type Report, type ReportCheckContext} from "../components/report/schema.js";

/** Where report files live, relative to the project root. */
export const REPORTS_DIR = "reports";

/** Today's tables, manifests and model data, each loaded once per process. */
export interface TodayData extends ReportCheckContext {
  tables(modelId: string): Record<string, TidyRow[]>;
  manifests(modelId: string): Manifest[];
}

/**
 * Today's data for the report models, read from data/ by the dataset loaders (cwd: the project root).
 * @example const today = todayData(); today.datasets("income-gap") // [{id: "income-national", sha256, rows}]
 */
export function todayData(): TodayData {
  const loaded = new Map<string, {rows: TidyRow[]; manifest: Manifest}>();
  const load = (id: string) => {
    let result = loaded.get(id);
    if (!result) loaded.set(id, (result = datasetById(id).load()));
    return result;
  };
  const models = new Map<string, unknown>();
  const entry = (modelId: string) => {
    const spec = reportModel(modelId);
    if (!spec) throw new Error(`unknown report model ${modelId}`);
    return spec;
  };
  const tables = (modelId: string) => Object.fromEntries(entry(modelId).datasets.map((id) => [id, load(id).rows]));
  return {
    spec: reportModel,
    knownModels: Object.keys(REPORT_MODELS),
    tables,
    manifests: (modelId) => entry(modelId).datasets.map((id) => load(id).manifest),
    data(modelId) {
      if (!models.has(modelId)) models.set(modelId, entry(modelId).data(tables(modelId)));
      return models.get(modelId);
    },
    datasets: (modelId): CurrentDataset[] =>
      entry(modelId).datasets.map((id) => ({id, sha256: load(id).manifest.source.sha256, rows: load(id).manifest.rows}))
  };
}

/** A checked report and its file's slug. */
export interface ReportFile {
  slug: string;
  file: string;
  report: Report;
}

/**
 * Every report file under `dir`, checked: the good ones and one line per problem (`reports/<file>: <field>: …`).
 * @example const {reports, errors} = readReports(); if (errors.length) throw new Error(errors.join("\n"))
 */
export function readReports(dir: string = REPORTS_DIR, today: TodayData = todayData()): {reports: ReportFile[]; errors: string[]} {
  const reports: ReportFile[] = [];
  const errors: string[] = [];
  if (!existsSync(dir)) return {reports, errors};
  for (const file of readdirSync(dir).filter((f) => !f.startsWith(".") && !f.endsWith(".md")).sort()) {
    const result = readReport(join(dir, file), file, today);
    if (result.ok) reports.push({slug: file.replace(/\.json$/, ""), file, report: result.report});
    else errors.push(...result.errors);
  }
  return {reports, errors};
}

/**
 * One report file, read and checked.
 * @example readReport("reports/rural-7.json", "rural-7.json", todayData())
 */
export function readReport(path: string, file: string, today: TodayData = todayData()): {ok: true; report: Report} | {ok: false; errors: string[]} {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, "utf8").replace(/^\ufeff/, ""));
  } catch (error) {
    return {ok: false, errors: [`reports/${file}: (file): not valid JSON (${(error as Error).message})`]};
  }
  return validateReport(file, parsed, today);
}

/**
 * The report paths the build publishes; throws (so the build fails) listing every bad file.
 * @example for (const path of reportPaths()) yield path // "/reports/rural-7"
 */
export function reportPaths(dir: string = REPORTS_DIR): string[] {
  const {reports, errors} = readReports(dir);
  if (errors.length) {
    for (const line of errors) console.error(line);
    throw new Error(`${errors.length} bad report file problem(s):\n${errors.join("\n")}`);
  }
  return reports.map((r) => `/reports/${r.slug}`);
}
