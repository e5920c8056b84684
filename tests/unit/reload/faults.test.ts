import {spawn, spawnSync, type ChildProcess} from "node:child_process";
import {existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync} from "node:fs";
import {join} from "node:path";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {faultServer} from "../../fixtures/reload/faultServer.js";
import {CACHE, copyProject, hashOutputs, PROJECT} from "../../fixtures/reload/projectCopy.js";
import {freshenCache, STAMP_FILE} from "../../../loaders/cacheStamp.js";
import {parseReloadLog} from "../../../loaders/reload/changelog.js";
import type {RemoteSource} from "../../../loaders/reload/config.js";
import {LOCK_FILE} from "../../../loaders/reload/lock.js";
import type {Progress} from "../../../loaders/reload/progress.js";
import {PAUSE_ENV, reload, ReloadError, STAGING_DIR} from "../../../loaders/reload/reload.js";

const INPUT = "data/national/income_national.csv";
const original = readFileSync(join(PROJECT, INPUT), "utf8");
// SYNTHETIC test inputs, generated from the bundled file: a revision of the 2024 urban income by +1 元, and a
// 2024 row whose rural components no longer add up to the rural total (parses, fails validation).
const lines = original.trimEnd().split("\n");
const last2024 = lines.findIndex((line) => line.startsWith("2024,"));
const cells2024 = lines[last2024].split(",");
const revisedUrban = Number(cells2024[1]) + 1;
const revised =
  lines
    .map((line, i) => (i === last2024 ? [cells2024[0], revisedUrban, ...cells2024.slice(2)].join(",") : line))
    .join("\n") + "\n";
const invalid =
  lines
    .map((line, i) => (i === last2024 ? [...cells2024.slice(0, 6), Number(cells2024[6]) + 1000].join(",") : line))
    .join("\n") + "\n";

const children: ChildProcess[] = [];
let server: Awaited<ReturnType<typeof faultServer>>;
let root: string;
const realData = JSON.stringify(hashData(PROJECT));

function hashData(dir: string) {
  return Object.fromEntries(Object.entries(hashOutputs(dir)).filter(([path]) => path.startsWith("data/")));
}

function source(path: string, overrides: Partial<RemoteSource> = {}): RemoteSource {
  return {
    dataset: "income-national",
    input: INPUT,
    url: server.url(path),
    // Long enough that only the routes made to hang time out (they set their own), also on a loaded machine: a 500
    // answered after a short deadline would count as a timeout and the server would see one request fewer.
    timeoutMs: 10_000,
    retries: 1,
    backoffMs: 1,
    maxBytes: 1_000_000,
    ...overrides
  };
}

function recorder(): Progress & {lines: string[]} {
  const lines: string[] = [];
  return {lines, update: () => {}, done: (s) => lines.push(s), info: (text) => lines.push(text)};
}

/** Runs a reload with one remote source and returns its error message (the test fails if it succeeds). */
async function failingReload(remote: RemoteSource): Promise<string> {
  const error = await reload({
    root,
    config: {sources: [remote]},
    progress: recorder(),
    fetch: {wait: async () => {}}
  }).then(
    () => null,
    (e: unknown) => e
  );
  expect(error).toBeInstanceOf(ReloadError);
  return (error as Error).message;
}

beforeAll(async () => {
  server = await faultServer({
    "/revised.csv": (res) => res.writeHead(200, {"content-type": "text/csv; charset=utf-8"}).end(revised),
    "/invalid.csv": (res) => res.writeHead(200, {"content-type": "text/csv"}).end(invalid),
    "/500": (res) => res.writeHead(500, {"content-type": "text/plain"}).end("boom"),
    "/hang": () => {},
    "/drip": (res) => {
      res.writeHead(200, {"content-type": "text/csv"});
      let i = 0;
      const stop = server.every(50, () => (i < original.length ? res.write(original[i++]) : (stop(), res.end())));
    },
    "/truncated": (res) => {
      const body = Buffer.from(revised);
      res.writeHead(200, {"content-type": "text/csv", "content-length": String(body.length + 100)});
      res.write(body.subarray(0, 200), () => res.destroy());
    },
    "/html": (res) =>
      res.writeHead(200, {"content-type": "text/html; charset=utf-8"}).end("<!doctype html><title>Login</title>"),
    "/html-as-csv": (res) => res.writeHead(200, {"content-type": "text/csv"}).end("<!doctype html><title>Login</title>")
  });
  root = copyProject();
  // The copy's "published" state: one local reload, so the cache and log exist whatever the real checkout holds.
  await reload({root, progress: recorder()});
}, 60_000);

afterAll(async () => {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
  await server?.close();
  if (root) rmSync(root, {recursive: true, force: true});
});

describe("reload faults leave every output byte-identical", () => {
  it.each([
    ["HTTP 500 (retried)", "/500", {}, /HTTP 500 Internal Server Error \(2 attempts\)/],
    ["HTTP 404 (not retried)", "/404", {}, /HTTP 404 Not Found \(1 attempt\)/],
    ["a server that never answers", "/hang", {timeoutMs: 300}, /timed out after 300 ms \(2 attempts\)/],
    ["a slow drip past the deadline", "/drip", {timeoutMs: 300, retries: 0}, /timed out after 300 ms \(1 attempt\)/],
    ["a truncated body", "/truncated", {}, /truncated body: .*of \d+ bytes.*\(2 attempts\)/],
    ["a wrong content type", "/html", {}, /expected CSV, got content-type text\/html \(1 attempt\)/],
    ["an HTML page labelled text/csv", "/html-as-csv", {}, /expected CSV: body starts with "<"/],
    [
      "a pinned sha256 that does not match",
      "/revised.csv",
      {sha256: "0".repeat(64)},
      /sha256 [0-9a-f]{64} does not match the pinned 0{64}/
    ],
    ["a body over the size cap", "/revised.csv", {maxBytes: 100}, /exceeds the size cap of 100 bytes/]
  ])("%s", async (_name, path, overrides, message) => {
    const before = hashOutputs(root);
    const text = await failingReload(source(path, overrides));
    expect(text).toMatch(
      /^reload failed, nothing was replaced:\n {2}- income-national: data\/national\/income_national\.csv ← http:\/\/127\.0\.0\.1:\d+\//
    );
    expect(text).toMatch(message);
    expect(hashOutputs(root)).toEqual(before);
    expect(existsSync(join(root, LOCK_FILE))).toBe(false);
    expect(readdirSync(join(root, STAGING_DIR))).toEqual([]);
  });

  it("retries HTTP 500 once per configured retry", () => {
    expect(server.hits("/500")).toBe(2);
    expect(server.hits("/404")).toBe(1);
  });

  it("a file that parses but fails validation names the downloaded file, line and column", async () => {
    const before = hashOutputs(root);
    const text = await failingReload(source("/invalid.csv"));
    expect(text).toContain(
      `income-national: ${INPUT} (downloaded from ${server.url("/invalid.csv")}):${last2024 + 1}:3: rural components sum to`
    );
    expect(hashOutputs(root)).toEqual(before);
  });

  it("a process killed with SIGKILL while about to swap changes nothing; the next run recovers the stale lock", async () => {
    const before = hashOutputs(root);
    const marker = join(root, ".tmp", "pause-marker");
    writeFileSync(join(root, "reload.faults.json"), JSON.stringify({sources: [source("/revised.csv")]}));
    // node itself (not the tsx wrapper, which forks), so the pid killed is the reload's own.
    const args = [
      "--import",
      "tsx",
      join(PROJECT, "scripts/reload.ts"),
      "--root",
      root,
      "--config",
      "reload.faults.json"
    ];
    const child = spawn(process.execPath, args, {
      cwd: root,
      env: {...process.env, CI: "true", [PAUSE_ENV]: marker},
      stdio: "pipe"
    });
    children.push(child);
    const exited = new Promise<NodeJS.Signals | null>((resolve) =>
      child.on("exit", (_code, signal) => resolve(signal))
    );
    await expect.poll(() => existsSync(marker), {timeout: 30_000}).toBe(true);
    // The marker is written after every new file is staged and before the commit point: kill exactly there.
    expect(readdirSync(join(root, STAGING_DIR))).toHaveLength(1);
    child.kill("SIGKILL");
    expect(await exited).toBe("SIGKILL");
    expect(hashOutputs(root)).toEqual(before);
    expect(JSON.parse(readFileSync(join(root, LOCK_FILE), "utf8")).pid).toBe(child.pid);

    const progress = recorder();
    await reload({root, progress});
    expect(progress.lines).toContainEqual(
      expect.stringMatching(new RegExp(`recovered a stale \\.reload\\.lock from pid ${child.pid}`))
    );
    expect(progress.lines).toContainEqual(expect.stringMatching(/discarded the staging of an interrupted reload/));
    expect(readFileSync(join(root, INPUT), "utf8")).toBe(original);
  }, 60_000);

  it("a good remote file is swapped in and its revision logged with indicator, region and year", async () => {
    const {run, written} = await reload({root, config: {sources: [source("/revised.csv")]}, progress: recorder()});
    expect(written).toContain(INPUT);
    expect(readFileSync(join(root, INPUT), "utf8")).toBe(revised);
    expect(readFileSync(join(root, CACHE, "income-national.csv"), "utf8")).toContain(
      `城镇居民人均可支配收入,元,CN,全国,2024,${revisedUrban}`
    );
    const log = parseReloadLog(readFileSync(join(root, "data/reload-log.json"), "utf8"));
    expect(log.runs[0]).toEqual(run);
    expect(run.datasets[0]).toMatchObject({
      id: "income-national",
      baseline: "published",
      added: 0,
      removed: 0,
      revised: 1
    });
    expect(run.datasets[0].listed.revised).toEqual([
      {
        indicator: "城镇居民人均可支配收入",
        unit: "元",
        region_code: "CN",
        region: "全国",
        year: 2024,
        old: revisedUrban - 1,
        new: revisedUrban
      }
    ]);
    expect(run.datasets[0].inputs[0]).toMatchObject({input: INPUT, origin: server.url("/revised.csv"), replaced: true});
    const manifest = JSON.parse(readFileSync(join(root, CACHE, "income-national.manifest.json"), "utf8"));
    expect(manifest.source.file).toBe(INPUT);
    // The stamp swapped in with them vouches for the new outputs: the next build keeps them and runs no loader.
    expect(written).toContain(STAMP_FILE);
    expect(freshenCache(root)).toEqual([]);
    expect(readFileSync(join(root, CACHE, "income-national.csv"), "utf8")).toContain(`${revisedUrban}`);
  });

  it("the real data/ was never touched", () => {
    expect(JSON.stringify(hashData(PROJECT))).toBe(realData);
  });

  it("the site still builds from the outputs every fault left behind, without rerunning the reloaded loader", () => {
    const cached = join(root, CACHE, "income-national.csv");
    const reloadedAt = statSync(cached).mtimeMs;
    const result = spawnSync(process.execPath, ["scripts/build-offline.mjs"], {
      cwd: root,
      env: {...process.env, YS_DIST: ".tmp/dist-reload"},
      encoding: "utf8"
    });
    expect(result.status, result.stdout + result.stderr).toBe(0);
    expect(statSync(cached).mtimeMs).toBe(reloadedAt); // Framework found the reloaded output fresh
    const built = readdirSync(join(root, ".tmp/dist-reload/_file/data")).find((f) =>
      /^income-national\.[0-9a-f]+\.csv$/.test(f)
    );
    expect(readFileSync(join(root, ".tmp/dist-reload/_file/data", built!), "utf8")).toBe(readFileSync(cached, "utf8"));
  }, 300_000); // an offline build, minutes on a busy machine
});
