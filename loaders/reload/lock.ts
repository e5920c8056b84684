import {
  closeSync,
  linkSync,
  openSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
  writeSync
} from "node:fs";
import {randomBytes} from "node:crypto";
import {join} from "node:path";

export const LOCK_FILE = ".reload.lock";
/** Held for the instant of a stale-lock takeover, so only one process may remove a stale lock at a time. */
export const TAKEOVER_FILE = ".reload.lock.takeover";

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

interface Holder {
  pid: number;
  startedAt: string;
  /** Unique per acquisition: tells two records of one pid apart (a pid can be reused). */
  token: string;
}

/**
 * Takes `.reload.lock` under root, holding this process's pid and start time. A lock whose pid is gone is stale:
 * it is replaced and `recovered` says so. A live one throws LockBusyError.
 *
 * Creating is atomic (a private file hard-linked into place fails if the lock exists). Taking over a stale lock is
 * made atomic by a second, short-lived lock: only the process that creates `.reload.lock.takeover` exclusively may
 * remove the stale lock, and only after checking, under that guard, that the lock is still the very record it judged
 * stale (same token). Without the guard two processes could both read the stale lock, one replace it with its own,
 * and the other then delete that fresh lock and take it too.
 * @example const lock = acquireLock(root); try { ... } finally { lock.release(); }
 */
export function acquireLock(
  root: string,
  {
    pid = process.pid,
    now = new Date(),
    alive = isAlive,
    onStale
  }: {pid?: number; now?: Date; alive?: (pid: number) => boolean; onStale?: () => void} = {}
): Lock {
  const path = join(root, LOCK_FILE);
  const guard = join(root, TAKEOVER_FILE);
  const mine: Holder = {pid, startedAt: now.toISOString(), token: randomBytes(8).toString("hex")};
  let recovered: string | null = null;
  for (let tries = 0; tries < 200; tries++) {
    if (tryLink(path, mine)) return {path, recovered, release: () => releaseLock(path, mine.token)};
    const holder = readLock(path);
    if (holder === "missing") continue; // released between our link and this read
    if (holder && alive(holder.pid)) {
      throw new LockBusyError(
        `another reload is running (pid ${holder.pid}, started ${holder.startedAt}); ${LOCK_FILE} is held until it ends`
      );
    }
    // Test hook: the moment between judging a lock stale and taking it over, where another process may act.
    onStale?.();
    if (!takeGuard(guard, mine, alive)) {
      // Another process is taking the stale lock over right now; look again (it will hold the lock, or be gone).
      pause(tries);
      continue;
    }
    try {
      const again = readLock(path);
      // Still the same stale record (or the same unreadable file)? Then nobody has replaced it: remove it.
      if (again !== "missing" && sameRecord(again, holder)) {
        rmSync(path, {force: true});
        recovered = holder
          ? `recovered a stale ${LOCK_FILE} from pid ${holder.pid} (started ${holder.startedAt}; that process is gone)`
          : `recovered an unreadable ${LOCK_FILE}`;
      }
      if (tryLink(path, mine)) return {path, recovered, release: () => releaseLock(path, mine.token)};
    } finally {
      releaseGuard(guard, mine.token);
    }
  }
  throw new LockBusyError(`could not take ${LOCK_FILE}: other processes keep taking it`);
}

/** Writes the record to a private file and hard-links it into place; false if the target exists. */
function tryLink(path: string, record: Holder): boolean {
  const temporary = `${path}.${record.pid}.${record.token}.tmp`;
  writeFileSync(temporary, JSON.stringify(record) + "\n");
  try {
    linkSync(temporary, path);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    return false;
  } finally {
    rmSync(temporary, {force: true});
  }
}

/** Creates the takeover guard exclusively; a guard left by a dead process (killed mid-takeover) is cleared first. */
function takeGuard(guard: string, mine: Holder, alive: (pid: number) => boolean): boolean {
  try {
    const fd = openSync(guard, "wx");
    writeSync(fd, JSON.stringify(mine) + "\n");
    closeSync(fd);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
  }
  const holder = readLock(guard);
  // A guard lives for microseconds; one that is unreadable for a second, or whose process is gone, was abandoned.
  const abandoned =
    holder === "missing" ? false : holder ? !alive(holder.pid) : Date.now() - mtime(guard) > 1000;
  if (abandoned) {
    // Move it aside under a unique name (atomic), then remove only what was moved.
    const aside = `${guard}.${mine.token}.abandoned`;
    try {
      renameSync(guard, aside);
      rmSync(aside, {force: true});
    } catch {
      // someone else cleared it first
    }
  }
  return false;
}

function releaseGuard(guard: string, token: string): void {
  const holder = readLock(guard);
  if (holder && holder !== "missing" && holder.token === token) rmSync(guard, {force: true});
}

function sameRecord(a: Holder | null, b: Holder | null): boolean {
  if (a === null || b === null) return a === b;
  return a.pid === b.pid && a.startedAt === b.startedAt && a.token === b.token;
}

function mtime(path: string): number {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return Date.now();
  }
}

// A short synchronous back-off while another process finishes its takeover (a few milliseconds at most).
function pause(tries: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, Math.min(1 + tries, 20));
}

/** The lock's record; null when the file exists but is not a lock record; "missing" when there is no file. */
function readLock(path: string): Holder | null | "missing" {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return "missing";
    return null;
  }
  try {
    const record = JSON.parse(text);
    return Number.isInteger(record.pid) && record.pid > 0
      ? {pid: record.pid, startedAt: String(record.startedAt), token: String(record.token ?? "")}
      : null;
  } catch {
    return null;
  }
}

function releaseLock(path: string, token: string): void {
  // Only remove the lock if it is still ours (a stale-lock recovery by someone else must not be undone).
  const holder = readLock(path);
  if (holder && holder !== "missing" && holder.token === token) rmSync(path, {force: true});
}
