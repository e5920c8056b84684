// The registry of every dataset the site publishes: one entry per tidy table. Loader entry points in src/data/
// write these tables for Framework; `npm run reload` (issue: scheduled reload) re-runs all of them, validates, and
// swaps outputs in only when every one succeeds. Add a dataset here and a two-line entry point in src/data/.
import type {Manifest} from "./manifest.js";
import type {TidyRow} from "./tidy.js";
import {INCOME_NATIONAL_FILE, loadIncomeNational} from "./loadIncomeNational.js";

export interface Dataset {
  /** Output name: src/data/<id>.csv.ts writes the table, src/data/<id>.manifest.json.ts its manifest. */
  id: string;
  /** The bundled input files under data/ this dataset reads (what a reload watches and may replace). */
  inputs: string[];
  /** Reads, parses and validates; throws a LoadError naming file, line and column on bad input. */
  load(): {rows: TidyRow[]; manifest: Manifest};
}

export const DATASETS: Dataset[] = [{id: "income-national", inputs: [INCOME_NATIONAL_FILE], load: () => loadIncomeNational()}];

/** The dataset with this id, or an error listing the ids there are. */
export function datasetById(id: string): Dataset {
  const found = DATASETS.find((d) => d.id === id);
  if (!found) throw new Error(`unknown dataset: ${id} (known: ${DATASETS.map((d) => d.id).join(", ")})`);
  return found;
}
