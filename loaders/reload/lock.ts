import {existsSync, linkSync, readFileSync, rmSync, writeFileSync} from "node:fs";
import {join} from "node:path";

export const LOCK_FILE = ".reload.lock";

/** Another reload holds the lock and its process is alive. */
export class LockBusyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "LockBusyError";
  }
}

export interface Lock {
  path: string;
  /** Set when a lock left by a dead process was taken over: the message to show. */
  recovered: string | null;
  release(): void;
}

/** True if a process with this pid exists (EPERM means it exists but belongs to someone else). */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * Takes `.reload.lock` under root, holding this process's pid and start time. A lock whose pid is gone is stale:
 * it is replaced and `recovered` says so. A live one throws LockBusyError.
 * @example const lock = acquireLock(root); try { ... } finally { lock.release(); }
 */
export function acquireLock(root: string, {pid = process.pid, now = new Date(), alive = isAlive} = {}): Lock {
  const path = join(root, LOCK_FILE);
  let recovered: string | null = null;
  for (let tries = 0; tries < 3; tries++) {
    // Write the whole record to a private file, then hard-link it into place: link fails if the lock exists, so
    // creating is atomic and a reader never sees a half-written lock.
    const temporary = `${path}.${pid}.${now.getTime()}.tmp`;
    writeFileSync(temporary, JSON.stringify({pid, startedAt: now.toISOString()}) + "\n");
    try {
      linkSync(temporary, path);
      rmSync(temporary, {force: true});
      return {path, recovered, release: () => releaseLock(path, pid)};
    } catch (error) {
      rmSync(temporary, {force: true});
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
    if (!existsSync(path)) continue; // released between our link and this read
    const holder = readLock(path);
    if (holder && alive(holder.pid)) {
      throw new LockBusyError(
        `another reload is running (pid ${holder.pid}, started ${holder.startedAt}); ${LOCK_FILE} is held until it ends`
      );
    }
    recovered = holder
      ? `recovered a stale ${LOCK_FILE} from pid ${holder.pid} (started ${holder.startedAt}; that process is gone)`
      : `recovered an unreadable ${LOCK_FILE}`;
    rmSync(path, {force: true});
  }
  throw new LockBusyError(`could not take ${LOCK_FILE}: other processes keep taking it`);
}

function readLock(path: string): {pid: number; startedAt: string} | null {
  try {
    const record = JSON.parse(readFileSync(path, "utf8"));
    return Number.isInteger(record.pid) && record.pid > 0
      ? {pid: record.pid, startedAt: String(record.startedAt)}
      : null;
  } catch {
    return null;
  }
}

function releaseLock(path: string, pid: number): void {
  // Only remove the lock if it is still ours (a stale-lock recovery by someone else must not be undone).
  if (readLock(path)?.pid === pid) rmSync(path, {force: true});
}
