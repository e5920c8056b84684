// npm run bench:ingest [-- --rows 1000000 --runs 3]
// Generates a SYNTHETIC GB18030 file in the NBS portal layout (made-up values, labelled synthetic in every block),
// ingests it with loaders/ (decode, parse, validate, write the tidy CSV) and reads the same content, decoded to UTF-8,
// with DuckDB's native CSV reader (@duckdb/node-api, read_csv into a table). Each run is a child process so its peak
// memory (VmHWM from /proc/self/status) is its own; the table shows the median of the runs. The children run this
// file bundled to plain JavaScript by esbuild (loaders and zod inlined, DuckDB external), under plain `node`: tsx's
// compiler and loader thread would otherwise count about 50 MB of its own against whichever reader it hosts.
import {spawnSync} from "node:child_process";
import {closeSync, mkdtempSync, openSync, readFileSync, readSync, rmSync, statSync, writeSync} from "node:fs";
import {tmpdir} from "node:os";
import {join, resolve} from "node:path";
import {ingestFileTo, validateFile} from "../loaders/ingest.js";
import {writeSyntheticPortal} from "../tests/fixtures/syntheticPortal.js";

interface Measure {
  ms: number;
  peakBytes: number;
  /** Resident memory after start-up and imports, before reading: the runtime's own share of the peak. */
  baseBytes: number;
  rows: number;
}

const status = (field: string) =>
  Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(readFileSync("/proc/self/status", "utf8"))![1]) * 1024;
const peak = () => status("VmHWM");
const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};

async function child(kind: string, file: string, out: string): Promise<Measure> {
  if (kind === "ingest") {
    const baseBytes = status("VmRSS");
    const start = performance.now();
    const manifest = ingestFileTo(file, out);
    return {ms: performance.now() - start, peakBytes: peak(), baseBytes, rows: manifest.rows};
  }
  if (kind === "validate") {
    const baseBytes = status("VmRSS");
    const start = performance.now();
    const manifest = validateFile(file);
    return {ms: performance.now() - start, peakBytes: peak(), baseBytes, rows: manifest.rows};
  }
  const {DuckDBInstance} = await import("@duckdb/node-api");
  const instance = await DuckDBInstance.create(":memory:", {autoinstall_known_extensions: "false", threads: "2"});
  const connection = await instance.connect();
  const baseBytes = status("VmRSS");
  const start = performance.now();
  const columns = `{${["c1", "c2", "c3", "c4", "c5", "c6", "c7", "c8"].map((c) => `'${c}': 'VARCHAR'`).join(", ")}}`;
  await connection.run(
    `CREATE TABLE t AS SELECT * FROM read_csv('${file}', header = false, delim = ',', auto_detect = false, columns = ${columns}, null_padding = true, strict_mode = false)`
  );
  const ms = performance.now() - start;
  const count = (await connection.runAndReadAll("SELECT count(*) FROM t")).getRowsJS()[0][0];
  return {ms, peakBytes: peak(), baseBytes, rows: Number(count)};
}

function utf8Copy(from: string, to: string): void {
  const input = openSync(from, "r");
  const output = openSync(to, "w");
  const decoder = new TextDecoder("gb18030", {fatal: true});
  const buffer = Buffer.allocUnsafe(1 << 20);
  for (let n; (n = readSync(input, buffer, 0, buffer.length, null)) > 0;)
    writeSync(output, decoder.decode(buffer.subarray(0, n), {stream: true}));
  writeSync(output, decoder.decode());
  closeSync(input);
  closeSync(output);
}

/** Bundles this file for the child processes (under .tmp/, so `@duckdb/node-api` resolves from node_modules). */
async function bundle(): Promise<string[]> {
  const out = resolve(".tmp/bench/ingest-child.mjs");
  try {
    const {build} = await import("esbuild");
    await build({
      entryPoints: ["bench/ingest.ts"],
      bundle: true,
      platform: "node",
      format: "esm",
      target: "node20",
      outfile: out,
      external: ["@duckdb/node-api", "esbuild"],
      logLevel: "error"
    });
    return [out];
  } catch (error) {
    console.log(`(esbuild unavailable, children run under tsx: ${(error as Error).message})`);
    return ["--import", "tsx", "bench/ingest.ts"];
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const mb = (bytes: number) => (bytes / 1e6).toFixed(0);

async function main() {
  if (process.argv[2] === "--child") {
    process.stdout.write(JSON.stringify(await child(process.argv[3], process.argv[4], process.argv[5])));
    return;
  }
  const rows = arg("rows", 1_000_000);
  const runs = arg("runs", 3);
  const dir = mkdtempSync(join(tmpdir(), "ys-bench-"));
  try {
    const gb = join(dir, "portal-synthetic-gb18030.csv");
    const utf8 = join(dir, "portal-synthetic-utf8.csv");
    const {lines, blocks} = writeSyntheticPortal(gb, rows);
    utf8Copy(gb, utf8);
    const size = statSync(gb).size;
    console.log(
      `SYNTHETIC data: ${rows.toLocaleString("en-US")} region rows × 7 years in ${blocks} portal blocks, ${lines.toLocaleString("en-US")} lines, GB18030 ${mb(size)} MB (UTF-8 copy ${mb(statSync(utf8).size)} MB)`
    );
    const script = await bundle();
    const measure = (kind: string, file: string) =>
      Array.from({length: runs}, () => {
        // Each run writes a new file: deleting the previous 336 MB output is not part of ingesting.
        rmSync(join(dir, "out.csv"), {force: true});
        const result = spawnSync(
          process.execPath,
          [...script, "--child", kind, file, join(dir, "out.csv")],
          {encoding: "utf8", maxBuffer: 1 << 20}
        );
        if (result.status !== 0) throw new Error(`${kind} run failed: ${result.stderr}`);
        return JSON.parse(result.stdout) as Measure;
      });
    const ours = measure("ingest", gb);
    const checked = measure("validate", gb);
    const duck = measure("duckdb", utf8);
    const row = (name: string, ms: Measure[], note: string) => {
      const t = median(ms.map((m) => m.ms)) / 1000;
      const p = median(ms.map((m) => m.peakBytes));
      const base = median(ms.map((m) => m.baseBytes));
      return {name, seconds: t, rowsPerSecond: rows / t, peak: p, base, note};
    };
    const a = row(
      "loaders ingestFileTo (GB18030 → tidy CSV, validated)",
      ours,
      `${ours[0].rows.toLocaleString("en-US")} tidy rows written`
    );
    const v = row(
      "loaders validateFile (GB18030 → validated rows, nothing written)",
      checked,
      `${checked[0].rows.toLocaleString("en-US")} tidy rows checked`
    );
    const b = row(
      "DuckDB read_csv (UTF-8 copy → table, all VARCHAR)",
      duck,
      `${duck[0].rows.toLocaleString("en-US")} lines read`
    );
    console.log(
      `\nmedian of ${runs} runs, each in its own process; rows/s counts region rows (${rows.toLocaleString("en-US")})\n`
    );
    console.log(
      "| reader | median s | region rows/s | peak RSS | peak ÷ file | RSS before reading | (peak − before) ÷ file | note |"
    );
    console.log("| --- | --- | --- | --- | --- | --- | --- | --- |");
    for (const r of [a, v, b]) {
      console.log(
        `| ${r.name} | ${r.seconds.toFixed(2)} | ${Math.round(r.rowsPerSecond).toLocaleString("en-US")} | ${mb(r.peak)} MB | ${(r.peak / size).toFixed(2)}× | ${mb(r.base)} MB | ${((r.peak - r.base) / size).toFixed(2)}× | ${r.note} |`
      );
    }
    console.log(
      `\nloaders ÷ DuckDB rows/s: ${(a.rowsPerSecond / b.rowsPerSecond).toFixed(2)}× writing the tidy CSV, ${(v.rowsPerSecond / b.rowsPerSecond).toFixed(2)}× validating only (target ≥ 0.5×); loaders peak ÷ file size: ${(a.peak / size).toFixed(2)}× (target ≤ 3×)`
    );
  } finally {
    rmSync(dir, {recursive: true, force: true});
  }
}

await main();
