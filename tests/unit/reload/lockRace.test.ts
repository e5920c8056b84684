import {spawn, spawnSync} from "node:child_process";
import {mkdtempSync, readFileSync, rmSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {afterEach, describe, expect, it} from "vitest";
import {copyProject, PROJECT} from "../../fixtures/reload/projectCopy.js";
import {parseReloadLog} from "../../../loaders/reload/changelog.js";
import {LOCK_FILE} from "../../../loaders/reload/lock.js";

const CONTENDER = join(PROJECT, "tests/fixtures/reload/lockContender.ts");
const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, {recursive: true, force: true});
});

/** A pid that certainly belonged to a process that has exited. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ["-e", "process.stdout.write(String(process.pid))"], {encoding: "utf8"});
  const pid = Number(child.stdout);
  expect(pid).toBeGreaterThan(0);
  return pid;
}

function staleLock(root: string): number {
  const pid = deadPid();
  writeFileSync(join(root, LOCK_FILE), JSON.stringify({pid, startedAt: "2026-01-01T00:00:00.000Z"}) + "\n");
  return pid;
}

/** Starts `count` contenders, releases them together, and returns what each printed. */
async function race(root: string, count: number): Promise<string[]> {
  const children = Array.from({length: count}, () =>
    spawn(process.execPath, ["--import", "tsx", CONTENDER, root], {cwd: PROJECT, stdio: ["ignore", "pipe", "pipe"]})
  );
  const lines = children.map((child) => {
    const seen: string[] = [];
    const changed = new Set<() => void>();
    child.stdout.setEncoding("utf8").on("data", (text: string) => {
      seen.push(...text.trim().split("\n"));
      for (const notify of changed) notify();
    });
    const waitFor = (test: (lines: string[]) => boolean) =>
      new Promise<void>((resolve) => {
        const check = () => test(seen) && (changed.delete(check), resolve());
        changed.add(check);
        check();
      });
    return {seen, waitFor, exited: new Promise((resolve) => child.on("exit", resolve))};
  });
  await Promise.all(lines.map((l) => l.waitFor((seen) => seen.includes("ready"))));
  writeFileSync(join(root, "go"), "");
  await Promise.all(lines.map((l) => l.waitFor((seen) => seen.length >= 2)));
  writeFileSync(join(root, "end"), "");
  await Promise.all(lines.map((l) => l.exited));
  return lines.map((l) => l.seen[1]);
}

describe("stale-lock takeover under concurrent starts", () => {
  const title = "acquireLock: of 8 processes started together on a stale lock, exactly one holds it (trial %i)";
  it.each([1, 2, 3])(title, async () => {
    const root = mkdtempSync(join(tmpdir(), "ys-lockrace-"));
    dirs.push(root);
    staleLock(root);
    const results = await race(root, 8);
    expect(results.filter((r) => r === "held")).toHaveLength(1);
    expect(results.filter((r) => r === "busy")).toHaveLength(7);
    expect(JSON.parse(readFileSync(join(root, LOCK_FILE), "utf8")).pid).not.toBe(0);
  }, 60_000);

  it("whole reloads: every run that exits 0 has its entry in the log, every other run exits 2", async () => {
    const root = copyProject();
    dirs.push(root);
    const before = parseReloadLog(readFileSync(join(root, "data/reload-log.json"), "utf8")).runs.length;
    staleLock(root);
    const runs = Array.from({length: 5}, () =>
      new Promise<number | null>((resolve) => {
        const child = spawn(process.execPath, ["--import", "tsx", join(PROJECT, "scripts/reload.ts"), "--root", root], {
          cwd: root,
          env: {...process.env, CI: "true"},
          stdio: "ignore"
        });
        child.on("exit", (code) => resolve(code));
      })
    );
    const codes = await Promise.all(runs);
    const succeeded = codes.filter((c) => c === 0).length;
    expect(succeeded).toBeGreaterThanOrEqual(1);
    expect(codes.filter((c) => c !== 0 && c !== 2)).toEqual([]);
    const after = parseReloadLog(readFileSync(join(root, "data/reload-log.json"), "utf8")).runs.length;
    expect(after - before).toBe(Math.min(succeeded, 30 - before));
  }, 120_000);
});
