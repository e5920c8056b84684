import {existsSync, mkdirSync, readFileSync, rmSync, writeFileSync} from "node:fs";
import {dirname, join, resolve as resolvePath} from "node:path";
import {CACHE_DIR, cachedOutputs, STAMP_FILE, stampFor, stampText} from "../cacheStamp.js";
import {DATASETS, type Dataset} from "../datasets.js";
import {sha256, type Manifest} from "../manifest.js";
import {parseTidyCsv, type TidyRow} from "../tidy.js";
import {manifestText, tableText} from "../emit.js";
import {
  appendRun,
  describeChange,
  formatReloadLog,
  readReloadLog,
  RELOAD_LOG_FILE,
  type DatasetChange,
  type InputRecord,
  type ReloadRun
} from "./changelog.js";
import {readReloadConfig, type ReloadConfig, type ReloadSource} from "./config.js";
import {diffRows, duplicateRow} from "./diffRows.js";
import {fetchSource, type FetchOptions} from "./fetchSource.js";
import {nbsBase} from "./nbsQuery.js";
import {fetchNbsSource, nbsOrigin} from "./nbsSource.js";
import {acquireLock} from "./lock.js";
import {createProgress, type Progress} from "./progress.js";
import {commitSwap, prepareSwap, recoverSwaps} from "./swap.js";

export {CACHE_DIR};
/** Where each run stages downloads and new outputs (same filesystem as data/, so the swap is a rename). */
export const STAGING_DIR = ".tmp/reload";
/** Test hook: write this file, then wait for `<file>.continue` before swapping, so a test can kill the run there. */
export const PAUSE_ENV = "YS_RELOAD_PAUSE_BEFORE_SWAP";

/** A reload that replaced nothing; `problems` lists every reason, each naming its dataset or source. */
export class ReloadError extends Error {
  constructor(readonly problems: string[]) {
    super(`reload failed, nothing was replaced:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "ReloadError";
  }
}

export interface ReloadOptions {
  /** Project root holding data/, src/ and reload.config.json. */
  root?: string;
  datasets?: readonly Dataset[];
  /** Overrides reload.config.json. */
  config?: ReloadConfig;
  progress?: Progress;
  /** Validate and report, but replace nothing and log nothing. */
  check?: boolean;
  now?: () => Date;
  env?: NodeJS.ProcessEnv;
  fetch?: Pick<FetchOptions, "wait">;
}

export interface ReloadResult {
  run: ReloadRun;
  /** Files replaced, relative to root (empty for a check). */
  written: string[];
}

/**
 * Downloads remote sources, loads and validates every dataset, and only when all succeed swaps in the changed
 * data/ files, Framework's cached outputs and the reload log. On any failure throws ReloadError and leaves every
 * file as it was.
 * @example const {run} = await reload({root: process.cwd()}); run.datasets[0].revised
 */
export async function reload(options: ReloadOptions = {}): Promise<ReloadResult> {
  const root = resolvePath(options.root ?? process.cwd());
  const {datasets = DATASETS, check = false, now = () => new Date(), env = process.env} = options;
  const progress = options.progress ?? createProgress();
  const started = performance.now();
  const lock = acquireLock(root);
  const runDir = join(root, STAGING_DIR, `${process.pid}-${Date.now()}`);
  try {
    if (lock.recovered) progress.info(lock.recovered);
    for (const message of recoverSwaps(join(root, STAGING_DIR))) progress.info(message);
    const config = options.config ?? readReloadConfig(root, datasets);

    const staging = {root, runDir, datasets, progress, env};
    const {staged, problems} = await stageSources(config.sources, staging, options.fetch);
    const resolveInput = (input: string) => staged.get(input)?.path ?? join(root, input);
    const loaded = new Map<string, {rows: TidyRow[]; manifest: Manifest}>();
    for (const dataset of datasets) {
      progress.update(dataset.id, {note: "validating"});
      const result = validateDataset(dataset, resolveInput, staged);
      if (typeof result === "string") problems.push(`${dataset.id}: ${result}`);
      else {
        loaded.set(dataset.id, result);
        progress.done(dataset.id, {rows: result.rows.length, note: "valid"});
      }
    }
    if (problems.length) throw new ReloadError(problems);
    const log = readReloadLog(root);

    const files: {target: string; content: string | Uint8Array}[] = [];
    const changes: DatasetChange[] = [];
    const cacheFor = (name: string) =>
      existsSync(join(root, "src/data", `${name}.ts`)) ? join(root, CACHE_DIR, name) : null;
    for (const dataset of datasets) {
      const {rows, manifest} = loaded.get(dataset.id)!;
      const inputs = dataset.inputs.map((input) => recordInput(root, input, staged.get(input)));
      for (const record of inputs) {
        // Two datasets may read one input; it is replaced once.
        const target = join(root, record.input);
        if (record.replaced && !files.some((f) => f.target === target)) {
          files.push({target, content: staged.get(record.input)!.bytes});
        }
      }
      const {baseline, before} = publishedRows(root, dataset);
      changes.push(describeChange(dataset.id, rows.length, diffRows(before, rows), {baseline, inputs}));
      const table = cacheFor(`${dataset.id}.csv`);
      if (table) files.push({target: table, content: tableText(rows)});
      const manifestFile = cacheFor(`${dataset.id}.manifest.json`);
      if (manifestFile) files.push({target: manifestFile, content: manifestText(manifest)});
    }
    const run: ReloadRun = {
      reloadedAt: now().toISOString(),
      durationMs: Math.round(performance.now() - started),
      datasets: changes
    };
    if (check) return {run, written: []};

    const logText = formatReloadLog(appendRun(log, run));
    files.push({target: join(root, RELOAD_LOG_FILE), content: logText});
    const logCache = cacheFor("reload-log.json");
    if (logCache) files.push({target: logCache, content: logText});
    // The cached outputs written here are made from the new inputs: the stamp says so, in the same swap (else the
    // next build would find them unvouched for and run every loader again).
    const newHashes = new Map<string, string>([[RELOAD_LOG_FILE, sha256(Buffer.from(logText))]]);
    for (const change of changes) for (const input of change.inputs ?? []) newHashes.set(input.input, input.sha256);
    const stamp = stampFor(root, cachedOutputs(datasets), (input) => newHashes.get(input));
    files.push({target: join(root, STAMP_FILE), content: stampText(stamp)});

    progress.update("swap", {note: `${files.length} files`});
    const plan = prepareSwap(runDir, files);
    if (env[PAUSE_ENV]) await pauseBeforeSwap(env[PAUSE_ENV]);
    commitSwap(plan);
    progress.done("swap", {note: `${files.length} files replaced`});
    return {run, written: files.map((f) => f.target.slice(root.length + 1))};
  } finally {
    rmSync(runDir, {recursive: true, force: true});
    lock.release();
  }
}

interface Staged {
  path: string;
  bytes: Uint8Array;
  source: ReloadSource;
  /** Where the bytes came from: the URL, or the portal query. */
  origin: string;
}

async function stageSources(
  sources: readonly ReloadSource[],
  {
    root,
    runDir,
    datasets,
    progress,
    env
  }: {root: string; runDir: string; datasets: readonly Dataset[]; progress: Progress; env: NodeJS.ProcessEnv},
  fetchOptions: Pick<FetchOptions, "wait"> = {}
): Promise<{staged: Map<string, Staged>; problems: string[]}> {
  const staged = new Map<string, Staged>();
  const problems: string[] = [];
  let base: string | null = null;
  for (const source of sources) {
    const dataset = datasets.find((d) => d.id === source.dataset);
    // A load() declared without parameters cannot be pointed at the download, so it would validate the old file.
    if (dataset && dataset.load.length === 0) {
      problems.push(
        `${source.dataset}: its load() takes no options, so the download of ${source.input} cannot be validated`
      );
      continue;
    }
    try {
      if (source.kind === "nbs") base ??= nbsBase(env);
      const origin = source.kind === "nbs" ? nbsOrigin(base!, source) : source.url;
      const label = `${source.input} ← ${origin}`;
      progress.update(label, {bytes: 0});
      const options: FetchOptions = {
        ...fetchOptions,
        onProgress: ({bytes, total}) => progress.update(label, {bytes, total}),
        onRetry: ({attempt, error, waitMs}) =>
          progress.info(`${label}: attempt ${attempt} failed (${error}); retrying in ${waitMs} ms`)
      };
      const current = () => (existsSync(join(root, source.input)) ? readFileSync(join(root, source.input), "utf8") : null);
      const bytes =
        source.kind === "nbs"
          ? await fetchNbsSource(source, {base: base!, current, fetch: options})
          : await fetchSource(source, options);
      const path = join(runDir, "inputs", source.input);
      mkdirSync(dirname(path), {recursive: true});
      writeFileSync(path, bytes);
      staged.set(source.input, {path, bytes, source, origin});
      progress.done(label, {bytes: bytes.length});
    } catch (error) {
      problems.push(`${source.dataset}: ${(error as Error).message}`);
    }
  }
  return {staged, problems};
}

/** Loads one dataset against the staged inputs; returns its table, or the problem in words. */
function validateDataset(
  dataset: Dataset,
  resolveInput: (input: string) => string,
  staged: Map<string, Staged>
): {rows: TidyRow[]; manifest: Manifest} | string {
  // Messages and manifests name each file as it is published (data/...), and where a download came from; the
  // paths actually read (a staged copy, or data/ under an absolute root) mean nothing to a reader.
  const labels = dataset.inputs.map((input) => {
    const download = staged.get(input);
    return {
      path: resolveInput(input),
      input,
      label: download ? `${input} (downloaded from ${download.origin})` : input
    };
  });
  const relabel = (text: string, plain = false) =>
    labels.reduce((t, {path, input, label}) => t.split(path).join(plain ? input : label), text);
  try {
    const {rows, manifest} = dataset.load({resolve: resolveInput});
    if (rows.length === 0) return "no rows";
    const duplicate = duplicateRow(rows);
    if (duplicate) return duplicate;
    // Paths also appear in a manifest's warnings ("file:36: footnote ..."), so the whole manifest is relabelled.
    return {rows, manifest: JSON.parse(relabel(JSON.stringify(manifest), true)) as Manifest};
  } catch (error) {
    return relabel((error as Error).message);
  }
}

function recordInput(root: string, input: string, staged: Staged | undefined): InputRecord {
  const path = join(root, input);
  const current = existsSync(path) ? readFileSync(path) : null;
  if (!staged) {
    const bytes = current ?? new Uint8Array();
    return {input, origin: "bundled", sha256: sha256(bytes), bytes: bytes.length, replaced: false};
  }
  const replaced = current === null || !Buffer.from(staged.bytes).equals(current);
  return {input, origin: staged.origin, sha256: sha256(staged.bytes), bytes: staged.bytes.length, replaced};
}

/** What the site published before this run: the cached loader output, else a load of data/ as it is, else nothing. */
function publishedRows(root: string, dataset: Dataset): {baseline: DatasetChange["baseline"]; before: TidyRow[]} {
  const cached = join(root, CACHE_DIR, `${dataset.id}.csv`);
  if (existsSync(cached)) return {baseline: "published", before: parseTidyCsv(readFileSync(cached, "utf8"))};
  try {
    return {baseline: "bundled", before: dataset.load({resolve: (input) => join(root, input)}).rows};
  } catch {
    return {baseline: "none", before: []};
  }
}

async function pauseBeforeSwap(marker: string): Promise<void> {
  writeFileSync(marker, `${process.pid}\n`);
  // Polling here is the hook's own wait; the test never waits on time, it kills the process after the marker.
  while (!existsSync(`${marker}.continue`)) await new Promise((resolve) => setTimeout(resolve, 20));
}
