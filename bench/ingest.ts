// npm run bench:ingest [-- --rows 1000000 --runs 5]
// Generates a SYNTHETIC GB18030 file in the NBS portal layout (made-up values, labelled synthetic in every block),
// ingests it with loaders/ (decode, parse, validate, write the tidy CSV) and reads the same content, decoded to UTF-8,
// with DuckDB's native CSV reader (@duckdb/node-api, read_csv into a table). As a second reference DuckDB also does
// the loaders' whole job in SQL (read, indicator from the 指标 lines, regions joined, years unpivoted, tidy CSV
// written). Each run is a child process so its peak memory (VmHWM from /proc/self/status) is its own; the runs of the
// four readers alternate, so a busier moment of the machine falls on all of them, and the table shows medians. The
// children run this file bundled to plain JavaScript by esbuild (loaders and zod inlined, DuckDB external), under
// plain `node`: tsx's compiler and loader thread would otherwise count about 50 MB of its own against whichever
// reader it hosts.
import {spawnSync} from "node:child_process";
import {closeSync, mkdtempSync, openSync, readFileSync, readSync, rmSync, statSync, writeSync} from "node:fs";
import {tmpdir} from "node:os";
import {join, resolve} from "node:path";
import {ingestFileTo, validateFile} from "../loaders/ingest.js";
import {REGIONS} from "../loaders/regions.js";
import {writeSyntheticPortal} from "../tests/fixtures/syntheticPortal.js";

interface Measure {
  ms: number;
  /** CPU time of the whole process (every thread) while reading, user plus system. */
  cpuMs: number;
  peakBytes: number;
  /** Resident memory after start-up and imports, before reading: the runtime's own share of the peak. */
  baseBytes: number;
  rows: number;
}

type Kind = "ingest" | "validate" | "duckdb" | "duckdb-tidy";

const status = (field: string) =>
  Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(readFileSync("/proc/self/status", "utf8"))![1]) * 1024;
const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};

/** Times `work` in this process: wall and CPU time, peak and starting resident memory. */
async function timed(work: () => Promise<number> | number): Promise<Measure> {
  const baseBytes = status("VmRSS");
  const cpu0 = process.cpuUsage();
  const start = performance.now();
  const rows = await work();
  const ms = performance.now() - start;
  const cpu = process.cpuUsage(cpu0);
  return {ms, cpuMs: (cpu.user + cpu.system) / 1000, peakBytes: status("VmHWM"), baseBytes, rows};
}

const COLUMNS = `{${["c1", "c2", "c3", "c4", "c5", "c6", "c7", "c8"].map((c) => `'${c}': 'VARCHAR'`).join(", ")}}`;
const readCsv = (file: string) =>
  `read_csv('${file}', header = false, delim = ',', auto_detect = false, columns = ${COLUMNS}, null_padding = true, strict_mode = false)`;

/**
 * The loaders' job in DuckDB's SQL, written the straightforward way: each line keeps its place, a window carries the
 * last 指标 label down to the rows below it, region rows join the region table, the seven year columns unpivot.
 * No unit conversion, range or duplicate checks (every synthetic block is in 元, with plain values).
 */
const tidySql = (file: string, out: string) => `COPY (
  WITH lines AS (SELECT row_number() OVER () AS n, * FROM ${readCsv(file)}),
  labelled AS (
    SELECT *, last_value(CASE WHEN starts_with(c1, '指标：') THEN c1 END IGNORE NULLS)
      OVER (ORDER BY n ROWS UNBOUNDED PRECEDING) AS label
    FROM lines
  ),
  regional AS (
    SELECT regexp_extract(label, '^指标：(.*)\\((.*)\\)$', 1) AS indicator,
      regexp_extract(label, '^指标：(.*)\\((.*)\\)$', 2) AS unit, r.code AS region_code, r.zh AS region,
      CAST(c2 AS DOUBLE) AS "2019", CAST(c3 AS DOUBLE) AS "2018", CAST(c4 AS DOUBLE) AS "2017",
      CAST(c5 AS DOUBLE) AS "2016", CAST(c6 AS DOUBLE) AS "2015", CAST(c7 AS DOUBLE) AS "2014", CAST(c8 AS DOUBLE) AS "2013"
    FROM labelled JOIN regions r ON labelled.c1 = r.name
  )
  SELECT indicator, unit, region_code, region, CAST(year AS INTEGER) AS year, value
  FROM regional UNPIVOT INCLUDE NULLS (value FOR year IN ("2019", "2018", "2017", "2016", "2015", "2014", "2013"))
) TO '${out}' (HEADER, DELIMITER ',')`;

async function child(kind: Kind, file: string, out: string): Promise<Measure> {
  if (kind === "ingest") return timed(() => ingestFileTo(file, out).rows);
  if (kind === "validate") return timed(() => validateFile(file).rows);
  const {DuckDBInstance} = await import("@duckdb/node-api");
  const instance = await DuckDBInstance.create(":memory:", {autoinstall_known_extensions: "false", threads: "2"});
  const connection = await instance.connect();
  if (kind === "duckdb") {
    const measure = await timed(async () => {
      await connection.run(`CREATE TABLE t AS SELECT * FROM ${readCsv(file)}`);
      return 0;
    });
    const count = (await connection.runAndReadAll("SELECT count(*) FROM t")).getRowsJS()[0][0];
    return {...measure, rows: Number(count)};
  }
  await connection.run("CREATE TABLE regions (name VARCHAR, code VARCHAR, zh VARCHAR)");
  await connection.run(`INSERT INTO regions VALUES ${REGIONS.map((r) => `('${r.full}', '${r.code}', '${r.zh}')`).join(", ")}`);
  return timed(async () => {
    const result = await connection.runAndReadAll(tidySql(file, out));
    return Number(result.getRowsJS()[0][0]);
  });
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
    // The writer thread's module is bundled beside the child, where tidyWriterThread looks for a compiled one.
    await build({
      entryPoints: {"ingest-child": "bench/ingest.ts", tidyWriterWorker: "loaders/tidyWriterWorker.ts"},
      bundle: true,
      platform: "node",
      format: "esm",
      target: "node20",
      outdir: resolve(".tmp/bench"),
      outExtension: {".js": ".mjs"},
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
    process.stdout.write(JSON.stringify(await child(process.argv[3] as Kind, process.argv[4], process.argv[5])));
    return;
  }
  const rows = arg("rows", 1_000_000);
  const runs = arg("runs", 5);
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
    const readers: {kind: Kind; file: string; name: string; note: (m: Measure) => string}[] = [
      {
        kind: "ingest",
        file: gb,
        name: "loaders ingestFileTo (GB18030 → validated tidy CSV, fsync, rename)",
        note: (m) => `${m.rows.toLocaleString("en-US")} tidy rows written`
      },
      {
        kind: "validate",
        file: gb,
        name: "loaders validateFile (GB18030 → validated tidy rows, nothing written)",
        note: (m) => `${m.rows.toLocaleString("en-US")} tidy rows checked`
      },
      {
        kind: "duckdb",
        file: utf8,
        name: "DuckDB read_csv (UTF-8 copy → table, all VARCHAR)",
        note: (m) => `${m.rows.toLocaleString("en-US")} lines read`
      },
      {
        kind: "duckdb-tidy",
        file: utf8,
        name: "DuckDB read_csv → tidy CSV in SQL (UTF-8 copy; no units or checks)",
        note: (m) => `${m.rows.toLocaleString("en-US")} tidy rows written`
      }
    ];
    const measures = new Map<Kind, Measure[]>(readers.map((r) => [r.kind, []]));
    for (let run = 0; run < runs; run++) {
      for (const reader of readers) {
        // Each run writes a new file: deleting the previous 336 MB output is not part of ingesting.
        rmSync(join(dir, "out.csv"), {force: true});
        const result = spawnSync(process.execPath, [...script, "--child", reader.kind, reader.file, join(dir, "out.csv")], {
          encoding: "utf8",
          maxBuffer: 1 << 20
        });
        if (result.status !== 0) throw new Error(`${reader.kind} run failed: ${result.stderr}`);
        measures.get(reader.kind)!.push(JSON.parse(result.stdout) as Measure);
      }
    }
    const summary = readers.map((reader) => {
      const ms = measures.get(reader.kind)!;
      const seconds = median(ms.map((m) => m.ms)) / 1000;
      return {
        ...reader,
        seconds,
        cpu: median(ms.map((m) => m.cpuMs)) / 1000,
        rowsPerSecond: rows / seconds,
        peak: median(ms.map((m) => m.peakBytes)),
        base: median(ms.map((m) => m.baseBytes)),
        noteText: reader.note(ms[0])
      };
    });
    const [ingest, validate, duck, duckTidy] = summary;
    console.log(
      `\nmedian of ${runs} runs of each, alternating, each in its own process; rows/s counts region rows (${rows.toLocaleString("en-US")})\n`
    );
    console.log(
      "| reader | median s | CPU s | region rows/s | ÷ DuckDB read_csv | peak RSS | peak ÷ file | RSS before reading | (peak − before) ÷ file | note |"
    );
    console.log("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |");
    for (const r of summary) {
      console.log(
        `| ${r.name} | ${r.seconds.toFixed(2)} | ${r.cpu.toFixed(2)} | ${Math.round(r.rowsPerSecond).toLocaleString("en-US")} | ${(r.rowsPerSecond / duck.rowsPerSecond).toFixed(2)}× | ${mb(r.peak)} MB | ${(r.peak / size).toFixed(2)}× | ${mb(r.base)} MB | ${((r.peak - r.base) / size).toFixed(2)}× | ${r.noteText} |`
      );
    }
    console.log(
      `\nreading (validateFile ÷ DuckDB read_csv): ${(validate.rowsPerSecond / duck.rowsPerSecond).toFixed(2)}× (target ≥ 0.5×); ` +
        `reading and writing the tidy CSV: ingestFileTo ÷ DuckDB read_csv ${(ingest.rowsPerSecond / duck.rowsPerSecond).toFixed(2)}×, ` +
        `ingestFileTo ÷ DuckDB's tidy CSV in SQL ${(ingest.rowsPerSecond / duckTidy.rowsPerSecond).toFixed(2)}×; ` +
        `loaders peak ÷ file size: ${(ingest.peak / size).toFixed(2)}× (target ≤ 3×)`
    );
  } finally {
    rmSync(dir, {recursive: true, force: true});
  }
}

await main();
