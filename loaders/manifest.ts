import {createHash, type Hash} from "node:crypto";
import {closeSync, openSync, readSync} from "node:fs";
import {basename} from "node:path";
import type {IngestOptions} from "./ingestOptions.js";

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

/** The sha256 and size of a file's bytes, as the manifest records them. */
export interface Digest {
  sha256: string;
  bytes: number;
}

/**
 * A SHA-256 fed chunk by chunk (the read loop hashes what it reads); the one digest every manifest uses.
 * @example const d = new Sha256Digest(); d.update(bytes); d.result() // {sha256: "…", bytes: 12}
 */
export class Sha256Digest {
  private readonly hash: Hash = createHash("sha256");
  private bytes = 0;

  update(chunk: Uint8Array): void {
    this.hash.update(chunk);
    this.bytes += chunk.length;
  }

  result(): Digest {
    return {sha256: this.hash.digest("hex"), bytes: this.bytes};
  }
}

/** Hex SHA-256 of some bytes. @example sha256(readFileSync("data/national/income_national.csv")) */
export function sha256(bytes: Uint8Array): string {
  const digest = new Sha256Digest();
  digest.update(bytes);
  return digest.result().sha256;
}

/** The digest of a file, read 1 MB at a time (a workbook need not fit in memory twice). @example fileDigest("6-13.xlsx").bytes */
export function fileDigest(path: string): Digest {
  const digest = new Sha256Digest();
  const fd = openSync(path, "r");
  try {
    const buffer = Buffer.allocUnsafe(1 << 20);
    for (let n; (n = readSync(fd, buffer, 0, buffer.length, null)) > 0; ) digest.update(buffer.subarray(0, n));
  } finally {
    closeSync(fd);
  }
  return digest.result();
}

/** What a manifest says about the rows a reader produced. */
export interface RowCounts {
  rows: number;
  missing: number;
  units: Manifest["units"];
  warnings: string[];
}

/**
 * Builds the provenance manifest of one tidy table: the one place its fields are put together.
 * @example makeManifest({dataset: "income-national", file, digest: fileDigest(file), encoding: "utf-8", layout: "wide-by-year", counts})
 */
export function makeManifest({
  dataset,
  file,
  digest,
  encoding,
  layout,
  counts,
  notes,
  now = new Date()
}: {
  dataset: string;
  file: string;
  digest: Digest;
  encoding: string;
  layout: string;
  counts: RowCounts;
  notes?: string;
  now?: Date;
}): Manifest {
  return {
    dataset,
    source: {file, sha256: digest.sha256, bytes: digest.bytes, encoding, layout, ...(notes ? {notes} : {})},
    rows: counts.rows,
    missing: counts.missing,
    units: counts.units,
    warnings: counts.warnings,
    generatedAt: now.toISOString()
  };
}

/**
 * The counts of rows already in memory (readers that parse a whole small file at once).
 * @example countsOf(rows, {income: {canonical: "元", original: ["元"]}})
 */
export function countsOf(
  rows: readonly {value: number | null}[],
  units: Manifest["units"] = {},
  warnings: string[] = []
): RowCounts {
  return {rows: rows.length, missing: rows.filter((r) => r.value === null).length, units, warnings};
}

/**
 * The manifest of a table read from `path` by the loaders: the dataset is the file name unless the options name one.
 * @example tableManifest("x.csv", {}, collector.counts(), {digest, encoding: "utf-8", layout: "long"}).dataset // "x"
 */
export function tableManifest(
  path: string,
  options: IngestOptions,
  counts: RowCounts,
  read: {digest: Digest; encoding: string; layout: string}
): Manifest {
  return makeManifest({
    dataset: options.dataset ?? basename(path).replace(/\.[^.]+$/, ""),
    file: options.name ?? path,
    digest: read.digest,
    encoding: read.encoding,
    layout: read.layout,
    counts,
    notes: options.notes
  });
}
