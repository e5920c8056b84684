import {existsSync, readFileSync} from "node:fs";
import {join} from "node:path";
import {z} from "zod";
import type {TidyRow} from "../tidy.js";
import type {Revision, RowsDiff} from "./diffRows.js";

export const RELOAD_LOG_FILE = "data/reload-log.json";
/** Runs kept in the log: enough history for the revisions page while the committed file stays small. */
export const KEEP_RUNS = 30;
/** Rows listed per kind and dataset in one run; the counts stay exact beyond it. */
export const MAX_LISTED = 200;

/** Where one input of a reload came from. */
export interface InputRecord {
  input: string;
  /** The URL it was downloaded from, or "bundled" for the file already in data/. */
  origin: string;
  sha256: string;
  bytes: number;
  /** True when this reload replaced the file in data/. */
  replaced: boolean;
}

/** What one reload changed in one dataset, compared with the table the site published before. */
export interface DatasetChange {
  id: string;
  rows: number;
  /** What the diff compared against: the published table in Framework's cache, a load of data/, or nothing. */
  baseline: "published" | "bundled" | "none";
  inputs: InputRecord[];
  added: number;
  removed: number;
  revised: number;
  listed: {added: TidyRow[]; removed: TidyRow[]; revised: Revision[]};
}

export interface ReloadRun {
  reloadedAt: string;
  durationMs: number;
  datasets: DatasetChange[];
}

export interface ReloadLog {
  runs: ReloadRun[];
}

/**
 * Summarises a diff for the log, listing at most `max` rows of each kind.
 * @example describeChange("income-national", rows.length, diffRows(old, rows), {baseline: "published", inputs})
 */
export function describeChange(
  id: string,
  rows: number,
  diff: RowsDiff,
  {baseline, inputs, max = MAX_LISTED}: {baseline: DatasetChange["baseline"]; inputs: InputRecord[]; max?: number}
): DatasetChange {
  return {
    id,
    rows,
    baseline,
    inputs,
    added: diff.added.length,
    removed: diff.removed.length,
    revised: diff.revised.length,
    listed: {added: diff.added.slice(0, max), removed: diff.removed.slice(0, max), revised: diff.revised.slice(0, max)}
  };
}

/** The log with `run` first and only the newest `keep` runs. @example appendRun(log, run).runs[0] === run */
export function appendRun(log: ReloadLog, run: ReloadRun, keep = KEEP_RUNS): ReloadLog {
  return {runs: [run, ...log.runs].slice(0, keep)};
}

/** The log as the committed file holds it: stable key order, two-space indent, final newline. */
export function formatReloadLog(log: ReloadLog): string {
  return JSON.stringify(log, null, 2) + "\n";
}

const number = z.number().nullable();
const row = z.object({
  indicator: z.string(),
  unit: z.string(),
  region_code: z.string(),
  region: z.string(),
  year: z.number(),
  value: number
});
const revision = row.omit({value: true}).extend({old: number, new: number});
const logSchema = z.object({
  runs: z.array(
    z.object({
      reloadedAt: z.string(),
      durationMs: z.number(),
      datasets: z.array(
        z.object({
          id: z.string(),
          rows: z.number(),
          baseline: z.enum(["published", "bundled", "none"]),
          inputs: z.array(
            z.object({
              input: z.string(),
              origin: z.string(),
              sha256: z.string(),
              bytes: z.number(),
              replaced: z.boolean()
            })
          ),
          added: z.number(),
          removed: z.number(),
          revised: z.number(),
          listed: z.object({added: z.array(row), removed: z.array(row), revised: z.array(revision)})
        })
      )
    })
  )
});

/**
 * Parses and checks the reload log; a bad file is an error naming it (a reload must not silently drop history).
 * @example parseReloadLog(readFileSync("data/reload-log.json", "utf8")).runs[0]?.reloadedAt
 */
export function parseReloadLog(text: string, file = RELOAD_LOG_FILE): ReloadLog {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new Error(`${file}: not valid JSON: ${(error as Error).message}`);
  }
  const result = logSchema.safeParse(json);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new Error(`${file}: ${issue.path.join(".") || "(root)"}: ${issue.message}`);
  }
  return result.data;
}

/** The reload log under root, or an empty one if there is none yet. @example readReloadLog(process.cwd()).runs */
export function readReloadLog(root: string): ReloadLog {
  const path = join(root, RELOAD_LOG_FILE);
  return existsSync(path) ? parseReloadLog(readFileSync(path, "utf8")) : {runs: []};
}

/** Writes the checked reload log to stdout (the src/data/reload-log.json.ts loader). @example emitReloadLog() */
export function emitReloadLog(root = process.cwd()): void {
  process.stdout.write(formatReloadLog(readReloadLog(root)));
}
