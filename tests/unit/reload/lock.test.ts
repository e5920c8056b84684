import {existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {afterEach, beforeEach, describe, expect, it} from "vitest";
import {acquireLock, LOCK_FILE, LockBusyError, TAKEOVER_FILE} from "../../../loaders/reload/lock.js";

let root: string;
beforeEach(() => void (root = mkdtempSync(join(tmpdir(), "ys-lock-"))));
afterEach(() => rmSync(root, {recursive: true, force: true}));

describe("acquireLock", () => {
  it("writes pid and start time, and release removes the lock", () => {
    const lock = acquireLock(root, {pid: 4242, now: new Date("2026-11-29T12:00:00Z"), alive: () => true});
    expect(JSON.parse(readFileSync(join(root, LOCK_FILE), "utf8"))).toEqual({
      pid: 4242,
      startedAt: "2026-11-29T12:00:00.000Z",
      token: expect.stringMatching(/^[0-9a-f]{16}$/)
    });
    expect(lock.recovered).toBeNull();
    lock.release();
    expect(existsSync(join(root, LOCK_FILE))).toBe(false);
  });

  it("refuses while the holder is alive, naming its pid", () => {
    acquireLock(root, {pid: 4242, alive: () => true});
    expect(() => acquireLock(root, {pid: 4343, alive: () => true})).toThrow(LockBusyError);
    expect(() => acquireLock(root, {pid: 4343, alive: () => true})).toThrow(
      /another reload is running \(pid 4242, started /
    );
  });

  it("takes over a lock whose process is gone and says so", () => {
    acquireLock(root, {pid: 4242, now: new Date("2026-11-29T03:00:00Z"), alive: () => true});
    const lock = acquireLock(root, {pid: 4343, alive: (pid) => pid !== 4242});
    expect(lock.recovered).toBe(
      "recovered a stale .reload.lock from pid 4242 (started 2026-11-29T03:00:00.000Z; that process is gone)"
    );
    expect(JSON.parse(readFileSync(join(root, LOCK_FILE), "utf8")).pid).toBe(4343);
  });

  it("takes over an unreadable lock", () => {
    writeFileSync(join(root, LOCK_FILE), "garbage");
    expect(acquireLock(root, {pid: 4343}).recovered).toBe("recovered an unreadable .reload.lock");
  });

  it("release leaves a lock that another process has taken over", () => {
    const stale = acquireLock(root, {pid: 4242, alive: () => true});
    acquireLock(root, {pid: 4343, alive: (pid) => pid !== 4242});
    stale.release();
    expect(JSON.parse(readFileSync(join(root, LOCK_FILE), "utf8")).pid).toBe(4343);
  });

  it("a process that judged the lock stale does not remove the lock another process took over meanwhile", () => {
    writeFileSync(join(root, LOCK_FILE), JSON.stringify({pid: 4242, startedAt: "2026-11-29T03:00:00.000Z"}));
    const alive = (pid: number) => pid !== 4242;
    let second: ReturnType<typeof acquireLock> | undefined;
    // The first process reads the stale lock; before it acts, a second one takes it over.
    const first = () =>
      acquireLock(root, {pid: 4343, alive, onStale: () => void (second ??= acquireLock(root, {pid: 4444, alive}))});
    expect(first).toThrow(/another reload is running \(pid 4444, /);
    expect(second?.recovered).toMatch(/recovered a stale \.reload\.lock from pid 4242/);
    expect(JSON.parse(readFileSync(join(root, LOCK_FILE), "utf8")).pid).toBe(4444);
  });

  it("a takeover guard left by a killed process is cleared, and the stale lock is taken", () => {
    writeFileSync(join(root, LOCK_FILE), JSON.stringify({pid: 4242, startedAt: "2026-11-29T03:00:00.000Z"}));
    writeFileSync(join(root, TAKEOVER_FILE), JSON.stringify({pid: 4141, startedAt: "x", token: "t"}));
    const lock = acquireLock(root, {pid: 4343, alive: (pid) => pid !== 4242 && pid !== 4141});
    expect(lock.recovered).toMatch(/from pid 4242/);
    expect(existsSync(join(root, TAKEOVER_FILE))).toBe(false);
  });
});
