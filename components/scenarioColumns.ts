// The income-gap page's grid columns: growth rates to edit, and the projected ratio and gap as locked columns.
// The locked columns share one projection per version of the rows (a WeakMap on the rows array), so a grid
// render projects once, not once per cell.
import type {ColumnSpec} from "./model/cells.js";
import type {IncomePoint, IncomeYear} from "./model/incomeProjection.js";
import type {GrowthRow} from "./model/assumptions.js";
import {projectPath} from "./model/projectPath.js";
import {fillBlanks} from "./grid/blanks.js";
import type {LockedColumn} from "./ScenarioGrid.js";
import type {EditRow} from "./ScenarioManager.js";

/** Urban and rural growth, typed as percent ("6.5", "6.5%", "６．５％"), limited to the model's ±50%. */
export const GROWTH_COLUMNS: ColumnSpec[] = [
  {key: "urban", label: "城镇增速 Urban growth %", kind: "percent", form: "percent", min: -0.5, max: 0.5, digits: 2},
  {key: "rural", label: "农村增速 Rural growth %", kind: "percent", form: "percent", min: -0.5, max: 0.5, digits: 2}
];

/**
 * The projected path for grid rows from `start`, blanks filled from the year above; null if it cannot be projected.
 * @example gridPath({year: 2024, urban: 54188, rural: 23119}, rows)?.at(-1)?.ratio
 */
export function gridPath(start: IncomeYear, rows: readonly EditRow[]): IncomePoint[] | null {
  try {
    return projectPath(start, fillBlanks(rows, ["urban", "rural"]).rows as GrowthRow[]);
  } catch {
    return null;
  }
}

/**
 * Locked columns for the projected ratio and gap in each row's year.
 * @example ScenarioGrid(rows, {columns: GROWTH_COLUMNS, lockedColumns: projectedColumns(last)})
 */
export function projectedColumns(start: IncomeYear): LockedColumn<EditRow>[] {
  const cache = new WeakMap<readonly EditRow[], IncomePoint[] | null>();
  const path = (rows: readonly EditRow[]) => {
    if (!cache.has(rows)) cache.set(rows, gridPath(start, rows));
    return cache.get(rows)!;
  };
  return [
    {key: "ratio", label: "收入比 Ratio (locked)", compute: (_, i, rows) => path(rows)?.[i + 1]?.ratio ?? null},
    {
      key: "gap",
      label: "收入差 Gap 元 (locked)",
      compute: (_, i, rows) => path(rows)?.[i + 1]?.gap ?? null,
      format: (v) => Math.round(v).toLocaleString("en-US")
    }
  ];
}
