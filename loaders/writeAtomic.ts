import {mkdirSync, renameSync, rmSync, writeFileSync} from "node:fs";
import {dirname, join, basename} from "node:path";

/**
 * Writes a file so that readers see the old bytes or the new bytes, never a torn mix: the content goes to a
 * temporary file in the same directory, then a rename (atomic on POSIX) replaces the target.
 * @example writeAtomic("dist/income.csv", csvText)
 */
export function writeAtomic(path: string, content: string | Uint8Array): void {
  mkdirSync(dirname(path), {recursive: true});
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.${Date.now()}.tmp`);
  try {
    writeFileSync(temporary, content);
    renameSync(temporary, path);
  } catch (error) {
    rmSync(temporary, {force: true});
    throw error;
  }
}
