import {describe, expect, it} from "vitest";
import {emptyHistory, record, redo, undo} from "../../../components/grid/history.js";

const paste = [
  {row: 0, key: "urban", before: 0.05, after: 0.06},
  {row: 0, key: "rural", before: 0.07, after: 0.08}
];

describe("history", () => {
  it("undo returns the whole batch inverted, last change first", () => {
    const step = undo(record(emptyHistory(), paste))!;
    expect(step.changes).toEqual([
      {row: 0, key: "rural", before: 0.08, after: 0.07},
      {row: 0, key: "urban", before: 0.06, after: 0.05}
    ]);
    expect(step.history.past).toEqual([]);
  });
  it("redo replays what undo took back, and a new edit drops the redo stack", () => {
    const undone = undo(record(emptyHistory(), paste))!.history;
    expect(redo(undone)!.changes).toEqual(paste);
    const edited = record(undone, [{row: 1, key: "urban", before: 0.05, after: 0.04}]);
    expect(redo(edited)).toBeNull();
  });
  it("undo and redo on an empty history return null, and an empty batch is not recorded", () => {
    expect(undo(emptyHistory())).toBeNull();
    expect(redo(emptyHistory())).toBeNull();
    expect(record(emptyHistory(), []).past).toEqual([]);
  });
  it("record keeps only the last `limit` batches", () => {
    let h = emptyHistory();
    for (let i = 0; i < 5; i++) h = record(h, [{row: i, key: "a", before: 0, after: 1}], 3);
    expect(h.past.map((b) => b[0].row)).toEqual([2, 3, 4]);
  });
});
