/** A problem in an input file, located at a 1-based line and column of the original file. */
export class LoadError extends Error {
  readonly file: string;
  readonly line: number | undefined;
  readonly column: number | undefined;
  readonly detail: string;

  /** @example throw new LoadError("data/x.csv", 9, 4, '"3x849" is not a number (column 2017年)') */
  constructor(file: string, line: number | undefined, column: number | undefined, detail: string) {
    super(formatLocation(file, line, column) + detail);
    this.name = "LoadError";
    this.file = file;
    this.line = line;
    this.column = column;
    this.detail = detail;
  }
}

/** "path:line:column: " with the parts that are known. */
export function formatLocation(file: string, line?: number, column?: number): string {
  return `${file}${line === undefined ? "" : `:${line}`}${line !== undefined && column !== undefined ? `:${column}` : ""}: `;
}
