import {
  closeSync,
  copyFileSync,
  existsSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeSync
} from "node:fs";
import {basename, dirname, join} from "node:path";

/** Files written in full beside the targets' filesystem, waiting to be renamed into place together. */
export interface SwapPlan {
  dir: string;
  entries: {temp: string; target: string}[];
}

const JOURNAL = "journal.json";

/**
 * Writes every new file in full (and flushed to disk) under `dir` without touching any target yet.
 * @example const plan = prepareSwap(".tmp/reload/123", [{target: "data/x.csv", content: bytes}])
 */
export function prepareSwap(dir: string, files: readonly {target: string; content: string | Uint8Array}[]): SwapPlan {
  mkdirSync(join(dir, "swap"), {recursive: true});
  const entries = files.map(({target, content}, i) => {
    const temp = join(dir, "swap", `${i}-${basename(target)}`);
    writeDurable(temp, content);
    return {temp, target};
  });
  return {dir, entries};
}

/**
 * Renames every prepared file over its target. The journal written first is the commit point: a run killed after
 * it is completed by `recoverSwaps`, a run killed before it leaves every target as it was.
 * @example commitSwap(prepareSwap(dir, files))
 */
export function commitSwap(plan: SwapPlan): void {
  const journal = join(plan.dir, JOURNAL);
  writeDurable(`${journal}.tmp`, JSON.stringify(plan.entries));
  renameSync(`${journal}.tmp`, journal);
  for (const entry of plan.entries) moveInto(entry.temp, entry.target);
  rmSync(journal);
}

/**
 * Cleans up after runs that were killed: completes each committed swap under `stagingRoot`, then removes every
 * run's staging directory. Call only while holding the reload lock. Returns what it did, one message each.
 * @example for (const message of recoverSwaps(".tmp/reload")) console.log(message)
 */
export function recoverSwaps(stagingRoot: string): string[] {
  if (!existsSync(stagingRoot)) return [];
  const messages: string[] = [];
  for (const name of readdirSync(stagingRoot)) {
    const dir = join(stagingRoot, name);
    const journal = join(dir, JOURNAL);
    if (existsSync(journal)) {
      const entries = JSON.parse(readFileSync(journal, "utf8")) as SwapPlan["entries"];
      const pending = entries.filter((entry) => existsSync(entry.temp));
      for (const entry of pending) moveInto(entry.temp, entry.target);
      messages.push(`completed an interrupted swap (${pending.length} of ${entries.length} files were still to move)`);
    } else {
      messages.push(`discarded the staging of an interrupted reload (${name}); no output had been replaced`);
    }
    rmSync(dir, {recursive: true, force: true});
  }
  return messages;
}

function writeDurable(path: string, content: string | Uint8Array): void {
  const fd = openSync(path, "w");
  try {
    writeSync(fd, typeof content === "string" ? Buffer.from(content) : content);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

function moveInto(temp: string, target: string): void {
  mkdirSync(dirname(target), {recursive: true});
  try {
    renameSync(temp, target);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EXDEV") throw error;
    // Staging on another filesystem: copy beside the target, then rename there, which is still atomic.
    const beside = join(dirname(target), `.${basename(target)}.${process.pid}.swap`);
    copyFileSync(temp, beside);
    renameSync(beside, target);
    rmSync(temp);
  }
}
