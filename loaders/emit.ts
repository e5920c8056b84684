import {datasetById} from "./datasets.js";
import type {Manifest} from "./manifest.js";
import {formatTidyCsv, type TidyRow} from "./tidy.js";

/** The bytes of a published table: what its loader entry point prints and what a reload writes to the cache. */
export function tableText(rows: readonly TidyRow[]): string {
  return formatTidyCsv(rows);
}

/** The bytes of a published manifest (pretty JSON, trailing newline). @example manifestText(loadIncomeNational().manifest) */
export function manifestText(manifest: Manifest): string {
  return JSON.stringify(manifest, null, 2) + "\n";
}

/** Writes a registered dataset's tidy CSV to stdout (what a Framework data loader does). @example emitTable("income-national") */
export function emitTable(id: string): void {
  emit(() => tableText(datasetById(id).load().rows));
}

/** Writes a registered dataset's provenance manifest as JSON to stdout. @example emitManifest("income-national") */
export function emitManifest(id: string): void {
  emit(() => manifestText(datasetById(id).load().manifest));
}

// Bad input fails the loader, and so `observable build`, with one line `path:line:column: message` on stderr rather
// than a stack trace; nothing is written to stdout, so Framework keeps no partial output.
function emit(text: () => string): void {
  let output: string;
  try {
    output = text();
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
    return;
  }
  process.stdout.write(output);
}
