import {statSync} from "node:fs";
import {LoadError} from "./LoadError.js";

/**
 * Refuses an output path that must not be replaced: one of the input files itself (same file, by any path or link)
 * or an existing file without write permission (an atomic rename would replace it anyway). A LoadError `out: …`.
 * @example checkOutputPath("out/x.tidy.csv", ["x.csv"])
 */
export function checkOutputPath(out: string, inputs: readonly string[]): void {
  const target = statOrNull(out);
  if (target === null) return;
  if (target.isDirectory()) throw new LoadError(out, undefined, undefined, "output path is a directory");
  for (const input of inputs) {
    const source = statOrNull(input);
    if (source && source.dev === target.dev && source.ino === target.ino)
      throw new LoadError(out, undefined, undefined, `output is the input file ${input} itself: choose another path`);
  }
  // By the permission bits, not access(2): as root every file is writable, and still a read-only file means "keep".
  if ((target.mode & 0o222) === 0)
    throw new LoadError(out, undefined, undefined, "output file is read-only: not replaced (make it writable or choose another path)");
}

function statOrNull(path: string) {
  try {
    return statSync(path);
  } catch {
    return null;
  }
}
