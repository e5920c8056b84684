// What a downloaded table holds besides its rows: the columns in order (with the header a reader sees), where the
// figures come from, and which version of the data they are (the loader manifest's hash and date).

export type Cell = unknown;
export type Row = Record<string, Cell>;

/** A column: its key in the rows and the header written in the file (the key when not given). */
export interface Column {
  key: string;
  label?: string;
}

export interface TableFileOptions {
  /** Columns in order; default: `rows.columns` (DuckDB results carry it) or the keys of the first row. */
  columns?: readonly (string | Column)[];
  /** The source note, e.g. "国家统计局 National Bureau of Statistics; data/national/income_national.csv". */
  source: string;
  /** The data version, e.g. from dataVersion(manifest). */
  version?: string;
  /** What the figures are when they are not the source's own, e.g. that projected values are scenarios. */
  note?: string;
}

/** The parts of a loader manifest that identify a version of the data. */
export interface ManifestVersion {
  dataset: string;
  source: {sha256: string};
  generatedAt: string;
}

/**
 * The columns of a table as {key, label}.
 * @example tableColumns([{a: 1}]) // [{key: "a", label: "a"}]
 */
export function tableColumns(rows: readonly Row[] & {columns?: readonly string[]}, columns?: readonly (string | Column)[]): Required<Column>[] {
  const list = columns ?? rows.columns ?? Object.keys(rows[0] ?? {});
  return list.map((c) => (typeof c === "string" ? {key: c, label: c} : {key: c.key, label: c.label ?? c.key}));
}

/**
 * A data version line from one or more manifests: dataset, the source file's sha256 (12 hex digits) and the day it was
 * loaded.
 * @example dataVersion({dataset: "income-national", source: {sha256: "e4df7138dbba6a3e…"}, generatedAt: "2026-12-01T02:43:26Z"}) // "income-national sha256 e4df7138dbba (2026-12-01)"
 */
export function dataVersion(manifests: ManifestVersion | readonly ManifestVersion[]): string {
  const list = Array.isArray(manifests) ? manifests : [manifests as ManifestVersion];
  return list.map((m) => `${m.dataset} sha256 ${m.source.sha256.slice(0, 12)} (${m.generatedAt.slice(0, 10)})`).join("; ");
}

/**
 * The plain text of a cell for a file: empty for null/undefined/NaN, ISO dates, numbers as JavaScript writes them.
 * @example cellText(null) // ""
 */
export function cellText(value: Cell): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  if (value instanceof Date) return value.toISOString();
  return String(value);
}
