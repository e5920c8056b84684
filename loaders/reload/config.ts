import {existsSync, readFileSync} from "node:fs";
import {resolve} from "node:path";
import {z} from "zod";
import type {Dataset} from "../datasets.js";

/** One remote source: a dataset input (a file under data/) that a reload downloads instead of reading the bundled copy. */
export interface RemoteSource {
  kind?: "url";
  dataset: string;
  input: string;
  url: string;
  /** Deadline of one attempt, headers and whole body included, so a slow drip fails too. */
  timeoutMs: number;
  /** Further attempts after the first, for timeouts, dropped connections and HTTP 5xx/408/429. */
  retries: number;
  /** First wait between attempts; doubles each time. */
  backoffMs: number;
  maxBytes: number;
  /** Pinned hex SHA-256 of the expected bytes; a mismatch is never retried. */
  sha256?: string;
}

/** An indicator asked of the NBS portal: its code, and its name and unit there (checked on every answer). */
export interface NbsSeries {
  zb: string;
  name: string;
  unit: string;
}

/** How a column of a national (hgnd) table is made: a series by its name, or a ratio of two (e.g. a rate in %). */
export type NbsColumn = string | {ratio: [string, string]; times: number; digits: number};

/**
 * A dataset input rebuilt from the NBS data portal's query endpoint (easyquery.htm, m=QueryData): provincial annual
 * data (fsnd, one indicator, written as a portal export) or national annual data (hgnd, columns of a year table).
 */
export interface NbsSource {
  kind: "nbs";
  dataset: string;
  input: string;
  dbcode: "hgnd" | "fsnd";
  /** The portal's time filter: `2013-` (2013 to the latest), `2013-2024`, or `LAST10`. */
  period: string;
  series: NbsSeries[];
  /** fsnd: the indicator name written on the export's 指标 line (what the tidy table calls it). */
  indicator?: string;
  /** hgnd: the input's columns this source fills; other columns are kept as they are. */
  columns?: Record<string, NbsColumn>;
  /** Where the codes were found, and which are unconfirmed (docs/reload.md). */
  note?: string;
  timeoutMs: number;
  retries: number;
  backoffMs: number;
  maxBytes: number;
}

/** Any source of a reload config. */
export type ReloadSource = RemoteSource | NbsSource;

export interface ReloadConfig {
  sources: ReloadSource[];
}

export const CONFIG_FILE = "reload.config.json";

const sourceSchema = z.strictObject({
  dataset: z.string().min(1),
  input: z.string().min(1),
  url: z.url({protocol: /^https?$/, error: "must be an http(s) URL"}),
  timeoutMs: z.number().int().positive().default(30_000),
  retries: z.number().int().min(0).max(10).default(2),
  backoffMs: z.number().int().min(0).default(1_000),
  maxBytes: z
    .number()
    .int()
    .positive()
    .default(50 * 1024 * 1024),
  sha256: z
    .string()
    .regex(/^[0-9a-f]{64}$/i, "must be 64 hex digits")
    .transform((s) => s.toLowerCase())
    .optional()
});

const seriesSchema = z.strictObject({
  zb: z.string().regex(/^[A-Z0-9]{3,12}$/, "must be a portal indicator code such as A0A0101"),
  name: z.string().min(1),
  unit: z.string().min(1)
});

const nbsSchema = z
  .strictObject({
    kind: z.literal("nbs"),
    dataset: z.string().min(1),
    input: z.string().min(1),
    dbcode: z.enum(["hgnd", "fsnd"]),
    period: z.string().regex(/^(LAST\d{1,2}|\d{4}-(\d{4})?)$/, "must be like 2013-, 2013-2024 or LAST10"),
    series: z.array(seriesSchema).min(1),
    indicator: z.string().min(1).optional(),
    columns: z
      .record(
        z.string(),
        z.union([
          z.string().min(1),
          z.strictObject({
            ratio: z.tuple([z.string().min(1), z.string().min(1)]),
            times: z.number().positive(),
            digits: z.number().int().min(0).max(6)
          })
        ])
      )
      .optional(),
    note: z.string().optional(),
    timeoutMs: z.number().int().positive().default(30_000),
    retries: z.number().int().min(0).max(10).default(3),
    backoffMs: z.number().int().min(0).default(5_000),
    maxBytes: z
      .number()
      .int()
      .positive()
      .default(20 * 1024 * 1024)
  })
  .superRefine((source, ctx) => {
    if (source.dbcode === "fsnd" && (source.series.length !== 1 || !source.indicator || source.columns)) {
      ctx.addIssue({code: "custom", message: "an fsnd source has exactly one series, an indicator and no columns"});
    }
    if (source.dbcode === "hgnd") {
      if (!source.columns || source.indicator) {
        ctx.addIssue({code: "custom", message: "an hgnd source has columns and no indicator"});
        return;
      }
      const names = new Set(source.series.map((s) => s.name));
      for (const [column, spec] of Object.entries(source.columns)) {
        for (const name of typeof spec === "string" ? [spec] : spec.ratio) {
          if (names.has(name)) continue;
          ctx.addIssue({code: "custom", path: ["columns", column], message: `no series named "${name}"`});
        }
      }
    }
  });

const configSchema = z.strictObject({$comment: z.string().optional(), sources: z.array(z.unknown()).default([])});

const urlSourceSchema = sourceSchema.extend({kind: z.literal("url").optional()});

function parseSource(json: unknown, where: string): ReloadSource {
  const nbs = (json as {kind?: unknown})?.kind === "nbs";
  const result = nbs ? nbsSchema.safeParse(json) : urlSourceSchema.safeParse(json);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new Error(`${where}${issue.path.length ? "." + issue.path.join(".") : ""}: ${issue.message}`);
  }
  return result.data as ReloadSource;
}

/**
 * Validates a parsed config against the datasets: every source must name a dataset and one of its inputs, once.
 * @example parseReloadConfig({sources: []}, DATASETS, "reload.config.json")
 */
export function parseReloadConfig(json: unknown, datasets: readonly Dataset[], file = CONFIG_FILE): ReloadConfig {
  const result = configSchema.safeParse(json);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new Error(`${file}: ${issue.path.join(".") || "(root)"}: ${issue.message}`);
  }
  const seen = new Set<string>();
  const sources = result.data.sources.map((json, i) => parseSource(json, `${file}: sources.${i}`));
  sources.forEach((source, i) => {
    const dataset = datasets.find((d) => d.id === source.dataset);
    const where = `${file}: sources.${i}`;
    if (!dataset)
      throw new Error(
        `${where}.dataset: unknown dataset "${source.dataset}" (known: ${datasets.map((d) => d.id).join(", ")})`
      );
    if (!dataset.inputs.includes(source.input)) {
      throw new Error(
        `${where}.input: "${source.input}" is not an input of ${dataset.id} (inputs: ${dataset.inputs.join(", ")})`
      );
    }
    if (seen.has(source.input)) throw new Error(`${where}.input: "${source.input}" has two sources`);
    seen.add(source.input);
  });
  return {sources};
}

/**
 * Reads reload.config.json under root; a missing default file means no remote sources (the default build needs
 * none), but a config named on purpose (`--config reload.nbs.json`) must exist. `file` may be absolute.
 * @example readReloadConfig(process.cwd(), DATASETS).sources
 */
export function readReloadConfig(root: string, datasets: readonly Dataset[], file = CONFIG_FILE): ReloadConfig {
  const path = resolve(root, file);
  if (!existsSync(path)) {
    if (file === CONFIG_FILE) return {sources: []};
    throw new Error(`${file}: no such config file (looked for ${path})`);
  }
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, "utf8"));
  } catch (error) {
    throw new Error(`${file}: not valid JSON: ${(error as Error).message}`);
  }
  return parseReloadConfig(json, datasets, file);
}
