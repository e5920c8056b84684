import {createHash} from "node:crypto";

/** Where a tidy table came from: enough to audit it and to tell when it changed. */
export interface Manifest {
  dataset: string;
  source: {file: string; sha256: string; bytes: number; encoding: string; layout: string; notes?: string};
  rows: number;
  missing: number;
  units: Record<string, {canonical: string; original: string[]}>;
  warnings: string[];
  generatedAt: string;
}

/** Hex SHA-256 of a file's bytes. @example sha256(readFileSync("data/national/income_national.csv")) */
export function sha256(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

/**
 * Builds the provenance manifest of one tidy table.
 * @example makeManifest({dataset: "income-national", file, bytes, encoding: "utf-8", layout: "wide-by-year", rows})
 */
export function makeManifest({
  dataset,
  file,
  bytes,
  encoding,
  layout,
  rows,
  units = {},
  warnings = [],
  notes,
  now = new Date()
}: {
  dataset: string;
  file: string;
  bytes: Uint8Array;
  encoding: string;
  layout: string;
  rows: readonly {value: number | null}[];
  units?: Manifest["units"];
  warnings?: string[];
  notes?: string;
  now?: Date;
}): Manifest {
  return {
    dataset,
    source: {file, sha256: sha256(bytes), bytes: bytes.length, encoding, layout, ...(notes ? {notes} : {})},
    rows: rows.length,
    missing: rows.filter((r) => r.value === null).length,
    units,
    warnings,
    generatedAt: now.toISOString()
  };
}
