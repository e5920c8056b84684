/** How a grid column reads and shows its values. Percent columns hold fractions (0.065 for 6.5%). */
export interface ColumnSpec {
  key: string;
  /** shown in headers and messages, e.g. "农村增速" */
  label: string;
  kind: "percent" | "number" | "amount";
  /** percent columns: how a bare number without "%" is read ("percent": 6.5 → 0.065, the default; "fraction": 0.065 → 0.065) */
  form?: "percent" | "fraction";
  /** inclusive range in stored units (fractions for percent columns); a value outside is rejected */
  min?: number;
  max?: number;
  /** fixed decimals for display (percent columns: decimals of the percentage); without it the shortest exact form */
  digits?: number;
}

export type CellParse = {ok: true; value: number | null} | {ok: false; message: string};

/**
 * Reads what an analyst typed or pasted into a cell.
 * @example parseCell("６．５％", {key: "rural", label: "农村增速", kind: "percent"}) // {ok: true, value: 0.065}
 */
export function parseCell(text: string, column: ColumnSpec): CellParse {
  throw new Error("not implemented");
}

/**
 * Shows a stored value the way `parseCell` reads it back.
 * @example formatCell(0.065, {key: "rural", label: "农村增速", kind: "percent"}) // "6.5%"
 */
export function formatCell(value: number | null, column: ColumnSpec): string {
  throw new Error("not implemented");
}
