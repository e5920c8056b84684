import {datasetById} from "./datasets.js";
import {formatTidyCsv} from "./tidy.js";

/** Writes a registered dataset's tidy CSV to stdout (what a Framework data loader does). @example emitTable("income-national") */
export function emitTable(id: string): void {
  process.stdout.write(formatTidyCsv(datasetById(id).load().rows));
}

/** Writes a registered dataset's provenance manifest as JSON to stdout. @example emitManifest("income-national") */
export function emitManifest(id: string): void {
  process.stdout.write(JSON.stringify(datasetById(id).load().manifest, null, 2) + "\n");
}
