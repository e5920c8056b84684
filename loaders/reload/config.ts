import {existsSync, readFileSync} from "node:fs";
import {join} from "node:path";
import {z} from "zod";
import type {Dataset} from "../datasets.js";

/** One remote source: a dataset input (a file under data/) that a reload downloads instead of reading the bundled copy. */
export interface RemoteSource {
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

export interface ReloadConfig {
  sources: RemoteSource[];
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

const configSchema = z.strictObject({$comment: z.string().optional(), sources: z.array(sourceSchema).default([])});

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
  result.data.sources.forEach((source, i) => {
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
  return {sources: result.data.sources};
}

/**
 * Reads reload.config.json under root; a missing file means no remote sources (the default build needs none).
 * @example readReloadConfig(process.cwd(), DATASETS).sources
 */
export function readReloadConfig(root: string, datasets: readonly Dataset[], file = CONFIG_FILE): ReloadConfig {
  const path = join(root, file);
  if (!existsSync(path)) return {sources: []};
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, "utf8"));
  } catch (error) {
    throw new Error(`${file}: not valid JSON: ${(error as Error).message}`);
  }
  return parseReloadConfig(json, datasets, file);
}
