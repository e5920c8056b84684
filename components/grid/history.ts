// Undo and redo as a pure stack of change batches: one batch per committed edit, paste, fill or clear, so one
// Ctrl+Z takes back a whole paste, as in Excel.

/** One cell's change: what it held before and after. */
export interface Change {
  row: number;
  key: string;
  before: number | null;
  after: number | null;
}

/** Past batches (most recent last) and batches undone that redo can replay. */
export interface History {
  past: Change[][];
  future: Change[][];
}

/** How many batches undo remembers. */
export const HISTORY_LIMIT = 200;

/**
 * An empty history.
 * @example emptyHistory() // {past: [], future: []}
 */
export function emptyHistory(): History {
  return {past: [], future: []};
}

/**
 * Records a committed batch; a new edit drops whatever could have been redone. An empty batch changes nothing.
 * @example record(emptyHistory(), [{row: 0, key: "growth", before: 0.06, after: 0.07}]).past.length // 1
 */
export function record(history: History, batch: readonly Change[], limit = HISTORY_LIMIT): History {
  if (batch.length === 0) return history;
  return {past: [...history.past, [...batch]].slice(-limit), future: []};
}

/**
 * Takes back the last batch: returns the changes to apply (before and after swapped) and the new history, or null
 * when there is nothing to undo.
 * @example undo(record(emptyHistory(), [{row: 0, key: "growth", before: 0.06, after: 0.07}]))!.changes[0].after // 0.06
 */
export function undo(history: History): {history: History; changes: Change[]} | null {
  const batch = history.past.at(-1);
  if (!batch) return null;
  return {
    history: {past: history.past.slice(0, -1), future: [...history.future, batch]},
    changes: batch.map(invert).reverse()
  };
}

/**
 * Replays the last undone batch, or null when there is nothing to redo.
 * @example redo(undo(record(emptyHistory(), batch))!.history)!.changes // batch
 */
export function redo(history: History): {history: History; changes: Change[]} | null {
  const batch = history.future.at(-1);
  if (!batch) return null;
  return {history: {past: [...history.past, batch], future: history.future.slice(0, -1)}, changes: [...batch]};
}

function invert(change: Change): Change {
  return {...change, before: change.after, after: change.before};
}
