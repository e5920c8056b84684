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
  process.stdout.write(tableText(datasetById(id).load().rows));
}

/** Writes a registered dataset's provenance manifest as JSON to stdout. @example emitManifest("income-national") */
export function emitManifest(id: string): void {
  process.stdout.write(manifestText(datasetById(id).load().manifest));
}
