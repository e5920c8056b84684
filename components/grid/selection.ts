// Selection math for a grid of `rows` × `cols` cells: a range is an anchor (where Shift-selection started) and a
// focus (the active cell). All functions are pure and clamp to the grid.

/** A cell position, zero-based. */
export interface Cell {
  row: number;
  col: number;
}

/** A rectangular selection: `anchor` stays put while Shift+arrows or a drag move `focus`. */
export interface Range {
  anchor: Cell;
  focus: Cell;
}

/** Grid size in cells. */
export interface Size {
  rows: number;
  cols: number;
}

/** The rectangle a range covers, inclusive. */
export interface Bounds {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/**
 * A one-cell range at `cell`.
 * @example single({row: 0, col: 1}) // {anchor: {row: 0, col: 1}, focus: {row: 0, col: 1}}
 */
export function single(cell: Cell): Range {
  return {anchor: {...cell}, focus: {...cell}};
}

/**
 * The inclusive rectangle of a range, whichever corner the anchor is.
 * @example bounds({anchor: {row: 3, col: 1}, focus: {row: 1, col: 0}}) // {top: 1, left: 0, bottom: 3, right: 1}
 */
export function bounds({anchor, focus}: Range): Bounds {
  return {
    top: Math.min(anchor.row, focus.row),
    left: Math.min(anchor.col, focus.col),
    bottom: Math.max(anchor.row, focus.row),
    right: Math.max(anchor.col, focus.col)
  };
}

/**
 * Keeps a cell inside the grid.
 * @example clampCell({row: -1, col: 9}, {rows: 3, cols: 2}) // {row: 0, col: 1}
 */
export function clampCell(cell: Cell, {rows, cols}: Size): Cell {
  return {row: Math.max(0, Math.min(rows - 1, cell.row)), col: Math.max(0, Math.min(cols - 1, cell.col))};
}

/**
 * Moves the active cell by (dRow, dCol); with `extend` (Shift held) the anchor stays, else the range collapses.
 * @example move(single({row: 0, col: 0}), 1, 0, {rows: 3, cols: 2}, true) // anchor (0,0), focus (1,0)
 */
export function move(range: Range, dRow: number, dCol: number, size: Size, extend = false): Range {
  const focus = clampCell({row: range.focus.row + dRow, col: range.focus.col + dCol}, size);
  return extend ? {anchor: {...range.anchor}, focus} : single(focus);
}

/**
 * Tab order: right along the row, then to the first cell of the next row (Shift+Tab: the reverse). Returns null
 * past either end of the grid, so Tab can leave the grid.
 * @example tabFrom({row: 0, col: 1}, {rows: 3, cols: 2}) // {row: 1, col: 0}
 */
export function tabFrom(cell: Cell, {rows, cols}: Size, backwards = false): Cell | null {
  const index = cell.row * cols + cell.col + (backwards ? -1 : 1);
  if (index < 0 || index >= rows * cols) return null;
  return {row: Math.floor(index / cols), col: index % cols};
}

/**
 * Whether a cell lies in a range.
 * @example contains({anchor: {row: 0, col: 0}, focus: {row: 1, col: 1}}, {row: 1, col: 0}) // true
 */
export function contains(range: Range, {row, col}: Cell): boolean {
  const b = bounds(range);
  return row >= b.top && row <= b.bottom && col >= b.left && col <= b.right;
}
