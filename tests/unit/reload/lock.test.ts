import {existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {afterEach, beforeEach, describe, expect, it} from "vitest";
import {acquireLock, LOCK_FILE, LockBusyError} from "../../../loaders/reload/lock.js";

let root: string;
beforeEach(() => void (root = mkdtempSync(join(tmpdir(), "ys-lock-"))));
afterEach(() => rmSync(root, {recursive: true, force: true}));

describe("acquireLock", () => {
  it("writes pid and start time, and release removes the lock", () => {
    const lock = acquireLock(root, {pid: 4242, now: new Date("2026-11-29T12:00:00Z"), alive: () => true});
    expect(JSON.parse(readFileSync(join(root, LOCK_FILE), "utf8"))).toEqual({
      pid: 4242,
      startedAt: "2026-11-29T12:00:00.000Z"
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
});
