// The registry of every dataset the site publishes: one entry per tidy table. Loader entry points in src/data/
// write these tables for Framework; `npm run reload` (issue: scheduled reload) re-runs all of them, validates, and
// swaps outputs in only when every one succeeds. Add a dataset here and a two-line entry point in src/data/.
import type {Manifest} from "./manifest.js";
import type {TidyRow} from "./tidy.js";
import {INCOME_NATIONAL_FILE, loadIncomeNational} from "./loadIncomeNational.js";
import {BUNDLED, loadBundled} from "./bundled.js";

export interface Dataset {
  /** Output name: src/data/<id>.csv.ts writes the table, src/data/<id>.manifest.json.ts its manifest. */
  id: string;
  /** The bundled input files under data/ this dataset reads (what a reload watches and may replace). */
  inputs: string[];
  /**
   * Reads, parses and validates; throws a LoadError naming file, line and column on bad input.
   * `resolve` (optional; `npm run reload` passes it) maps each entry of `inputs` to the path to read instead, e.g. a
   * staged download; without it the bundled file is read.
   */
  load(options?: LoadOptions): {rows: TidyRow[]; manifest: Manifest};
}

/** Options of `Dataset.load`. @example dataset.load({resolve: (input) => join(stagingDir, input)}) */
export interface LoadOptions {
  resolve?(input: string): string;
}

export const DATASETS: Dataset[] = [
  {
    id: "income-national",
    inputs: [INCOME_NATIONAL_FILE],
    load: (options) => loadIncomeNational(options?.resolve?.(INCOME_NATIONAL_FILE) ?? INCOME_NATIONAL_FILE)
  },
  ...BUNDLED.map((spec): Dataset => ({id: spec.id, inputs: [spec.file], load: (options) => loadBundled(spec, options?.resolve)}))
];

/** The dataset with this id, or an error listing the ids there are. */
export function datasetById(id: string): Dataset {
  const found = DATASETS.find((d) => d.id === id);
  if (!found) throw new Error(`unknown dataset: ${id} (known: ${DATASETS.map((d) => d.id).join(", ")})`);
  return found;
}
