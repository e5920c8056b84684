// @vitest-environment jsdom
import {beforeEach, describe, expect, it, vi} from "vitest";

// The grid's contract with the model is parseGridCell/formatGridCell; a small stand-in keeps these tests about the grid.
vi.mock("../../../components/model/gridCell.js", () => ({
  parseGridCell: (text: string) => {
    const n = Number(text.trim().replace(/%$/, ""));
    return text.trim() === "" ? {ok: true, value: null} : Number.isFinite(n) ? {ok: true, value: n / 100} : {ok: false, message: `"${text}" 不是数字 / not a number`};
  },
  formatGridCell: (value: number | null) => (value === null ? "" : String(Math.round(value * 10000) / 100))
}));

const {ScenarioGrid} = await import("../../../components/ScenarioGrid.js");
const {flushAfterFrame} = await import("../../../components/afterFrame.js");

type Row = {year: number; urban: number | null; rural: number | null};
const columns = [
  {key: "urban", label: "城镇增速", kind: "percent" as const},
  {key: "rural", label: "农村增速", kind: "percent" as const}
];
const start: Row[] = [2025, 2026, 2027, 2028].map((year) => ({year, urban: 0.05, rural: 0.07}));

let grid: ReturnType<typeof ScenarioGrid<Row>>;
let events: number;
const cell = (r: number, c: number) => grid.querySelector(`td[data-row="${r}"][data-col="${c}"]`) as HTMLElement;
const key = (target: Element, k: string, init: KeyboardEventInit = {}) =>
  target.dispatchEvent(new KeyboardEvent("keydown", {key: k, bubbles: true, cancelable: true, ...init}));
const active = () => grid.querySelector("td.active") as HTMLElement;
const editor = () => grid.querySelector("input.grid-editor") as HTMLInputElement;
function paste(text: string) {
  const event = new Event("paste", {bubbles: true, cancelable: true});
  Object.defineProperty(event, "clipboardData", {value: {getData: () => text}});
  active().dispatchEvent(event);
}
/** Drags the fill handle from the current selection to cell (r, c) and lets go. */
function drag(r: number, c: number) {
  grid.querySelector(".fill-handle")!.dispatchEvent(new MouseEvent("mousedown", {bubbles: true, cancelable: true, buttons: 1}));
  cell(r, c).dispatchEvent(new MouseEvent("mouseover", {bubbles: true, buttons: 1}));
  document.dispatchEvent(new MouseEvent("mouseup", {bubbles: true}));
}
function click(r: number, c: number, shiftKey = false) {
  cell(r, c).dispatchEvent(new MouseEvent("mousedown", {bubbles: true, cancelable: true, shiftKey}));
}

beforeEach(() => {
  document.body.replaceChildren();
  grid = ScenarioGrid<Row>(start, {
    columns,
    label: "情景 A",
    lockedColumns: [{key: "sum", label: "合计", compute: (r) => (r.urban ?? NaN) + (r.rural ?? NaN)}]
  });
  document.body.append(grid);
  events = 0;
  grid.addEventListener("input", () => events++);
});

describe("ScenarioGrid", () => {
  it("has grid, columnheader and gridcell roles and the scenario's aria-label", () => {
    expect(grid.querySelector("[role=grid]")!.getAttribute("aria-label")).toBe("情景 A");
    expect([...grid.querySelectorAll("[role=columnheader]")].map((th) => th.textContent)).toEqual(["年份", "城镇增速", "农村增速", "合计"]);
    expect(grid.querySelectorAll("[role=gridcell]").length).toBe(12);
    expect(cell(0, 2).getAttribute("aria-readonly")).toBe("true");
  });

  it("typing starts an edit, Enter commits it, moves down and fires one input event", () => {
    click(1, 1);
    key(active(), "8");
    expect(editor()).not.toBeNull();
    editor().value = "8.5";
    // The editor's own keystroke events stay inside the grid: they are not commits.
    editor().dispatchEvent(new Event("input", {bubbles: true}));
    expect(events).toBe(0);
    key(editor(), "Enter");
    expect(grid.value[1].rural).toBe(0.085);
    expect(events).toBe(1);
    expect(active()).toBe(cell(2, 1));
    expect(cell(1, 2).textContent).toBe((0.05 + 0.085).toFixed(3)); // locked column follows
  });

  it("Enter that ends an input method's composition stays in the editor; the next Enter commits", () => {
    click(1, 0);
    key(active(), "F2");
    editor().value = "6.5";
    key(editor(), "Enter", {isComposing: true});
    expect(editor().hidden).toBe(false);
    expect(events).toBe(0);
    key(editor(), "Enter");
    expect([grid.messages, grid.value[1].urban]).toEqual([[], 0.065]);
    expect(events).toBe(1);
  });

  it("a key an input method takes opens an empty editor and is let through, for the composed text to land in it", () => {
    click(2, 1);
    const notCancelled = key(active(), "Process", {keyCode: 229});
    expect(notCancelled).toBe(true);
    expect([editor().hidden, editor().value, document.activeElement === editor()]).toEqual([false, "", true]);
    editor().value = "7.5";
    key(editor(), "Enter");
    expect(grid.value[2].rural).toBe(0.075);
  });

  it("Escape cancels an edit and F2 keeps the old text to edit", () => {
    click(0, 0);
    key(active(), "F2");
    expect(editor().value).toBe("5");
    editor().value = "9";
    key(editor(), "Escape");
    expect(grid.value[0].urban).toBe(0.05);
    expect(events).toBe(0);
  });

  it("an invalid typed value is rejected with a message naming the cell", () => {
    click(2, 1);
    key(active(), "a");
    editor().value = "abc";
    key(editor(), "Enter");
    expect(grid.value[2].rural).toBe(0.07);
    expect(grid.messages).toEqual(['2027 农村增速: "abc" 不是数字 / not a number']);
    expect(grid.querySelector(".grid-message")!.textContent).toContain("2027 农村增速");
    expect(events).toBe(0);
  });

  it("a CRLF paste applies all valid cells in one event, and undo / redo take it back and replay it", () => {
    click(0, 0);
    paste("1\t2\r\n3\tx\r\n5\t6\r\n");
    expect(grid.value.slice(0, 3).map((r) => [r.urban, r.rural])).toEqual([
      [0.01, 0.02],
      [0.03, 0.07],
      [0.05, 0.06]
    ]);
    expect(grid.messages).toEqual(['2026 农村增速: "x" 不是数字 / not a number']);
    expect(events).toBe(1);
    key(active(), "z", {ctrlKey: true});
    expect(grid.value).toEqual(start);
    expect(events).toBe(2);
    key(active(), "y", {ctrlKey: true});
    expect(grid.value[0].urban).toBe(0.01);
    key(active(), "z", {metaKey: true});
    key(active(), "Z", {ctrlKey: true, shiftKey: true});
    expect(grid.value[2].rural).toBe(0.06);
    expect(events).toBe(5);
  });

  it("Shift+arrows select a range, Ctrl+D fills it down, Delete clears it to null (never NaN)", () => {
    click(0, 1);
    key(active(), "F2");
    editor().value = "9";
    key(editor(), "Enter");
    click(0, 1);
    key(active(), "ArrowDown", {shiftKey: true});
    key(active(), "ArrowDown", {shiftKey: true});
    key(active(), "d", {ctrlKey: true});
    expect(grid.value.map((r) => r.rural)).toEqual([0.09, 0.09, 0.09, 0.07]);
    key(active(), "Delete");
    expect(grid.value.map((r) => r.rural)).toEqual([null, null, null, 0.07]);
    expect(cell(0, 2).textContent).toBe("");
    expect(events).toBe(3);
  });

  it("copy puts the selected range on the clipboard as TSV, locked columns included", () => {
    click(0, 0);
    click(1, 2, true);
    let copied = "";
    const event = new Event("copy", {bubbles: true, cancelable: true});
    Object.defineProperty(event, "clipboardData", {value: {setData: (_: string, text: string) => (copied = text)}});
    active().dispatchEvent(event);
    expect(copied).toBe("5\t7\t0.120\r\n5\t7\t0.120\r\n");
  });

  it("Tab and Shift+Tab move along rows and wrap; arrows stop at the edges", () => {
    click(0, 2);
    key(active(), "Tab");
    expect(active()).toBe(cell(1, 0));
    key(active(), "Tab", {shiftKey: true});
    expect(active()).toBe(cell(0, 2));
    key(active(), "ArrowUp");
    expect(active()).toBe(cell(0, 2));
  });

  it("a locked or read-only cell refuses edits with a message and no event", () => {
    click(0, 2);
    key(active(), "1");
    expect(grid.messages[0]).toContain("合计");
    grid.readOnly = "baseline is read-only";
    click(0, 0);
    key(active(), "1");
    expect(grid.messages).toEqual(["baseline is read-only"]);
    paste("1\t2");
    expect(grid.value).toEqual(start);
    expect(events).toBe(0);
  });

  it("setting value replaces the rows without an event and resets undo", () => {
    grid.value = start.map((r) => ({...r, urban: 0.04}));
    expect(cell(3, 0).textContent).toBe("4");
    key(active(), "z", {ctrlKey: true});
    expect(grid.value[0].urban).toBe(0.04);
    expect(events).toBe(0);
  });
  it("dragging the fill handle down from two cells continues the series in one input event; undo takes it back", () => {
    paste("5\n5.5");
    expect(events).toBe(1);
    click(0, 0);
    click(1, 0, true);
    drag(3, 0);
    expect(grid.value.map((r) => r.urban)).toEqual([0.05, 0.055, 0.06, 0.065]);
    expect(events).toBe(2);
    key(active(), "z", {ctrlKey: true});
    expect(grid.value.map((r) => r.urban)).toEqual([0.05, 0.055, 0.05, 0.05]);
  });

  it("the fill handle moves to the selection's corner after the frame, never measuring the page inside it", () => {
    // jsdom lays nothing out: cells report offsets from their row and column (100 px wide, 20 px high).
    const offsets = {
      offsetLeft: (e: HTMLElement) => (e.dataset.col ? 100 * Number(e.dataset.col) : 0),
      offsetTop: (e: HTMLElement) => (e.dataset.row ? 20 * Number(e.dataset.row) : 0),
      offsetWidth: (e: HTMLElement) => (e.dataset.col ? 100 : 0),
      offsetHeight: (e: HTMLElement) => (e.dataset.row ? 20 : 0)
    };
    const saved = Object.keys(offsets).map((name) => [name, Object.getOwnPropertyDescriptor(HTMLElement.prototype, name)!] as const);
    let reads = 0;
    for (const [name, f] of Object.entries(offsets)) Object.defineProperty(HTMLElement.prototype, name, {configurable: true, get: function (this: HTMLElement) { reads++; return f(this); }});
    try {
      const handle = grid.querySelector<HTMLElement>(".fill-handle")!;
      click(0, 0);
      flushAfterFrame();
      expect([handle.style.left, handle.style.top]).toEqual(["96px", "16px"]);
      let readByListener = -1;
      grid.addEventListener("input", () => (readByListener = reads));
      reads = 0;
      click(2, 1);
      paste("6");
      // A commit and its listeners, and not one offset read; the handle still shows where it was.
      expect([reads, readByListener]).toEqual([0, 0]);
      expect([handle.style.left, handle.style.top, handle.hidden]).toEqual(["96px", "16px", false]);
      flushAfterFrame();
      expect([handle.style.left, handle.style.top, handle.hidden]).toEqual(["196px", "56px", false]);
      // A key after that frame opens the editor over the cell from the box measured then, and Enter commits: no reads.
      reads = 0;
      key(active(), "7");
      expect([editor().style.left, editor().style.top, editor().style.width, editor().style.height]).toEqual(["100px", "40px", "100px", "20px"]);
      key(editor(), "Enter");
      expect([reads, readByListener]).toEqual([0, 0]);
      flushAfterFrame();
      expect([handle.style.left, handle.style.top, handle.hidden]).toEqual(["196px", "76px", false]);
      // Hidden at once while a cell is edited, and not moved by the queued measurement.
      key(active(), "8");
      expect(handle.hidden).toBe(true);
      flushAfterFrame();
      expect(handle.hidden).toBe(true);
      // A key in the very frame of a change measures the cell then: the editor still lies over it.
      key(editor(), "Escape");
      click(0, 1);
      key(active(), "9");
      expect([editor().style.left, editor().style.top]).toEqual(["100px", "0px"]);
    } finally {
      for (const [name, descriptor] of saved) Object.defineProperty(HTMLElement.prototype, name, descriptor);
    }
  });

  it("Enter leaves the focus on the next cell, also when an input listener rebuilds the grid's cells", () => {
    click(1, 0);
    key(active(), "6");
    key(editor(), "Enter");
    expect(document.activeElement).toBe(cell(2, 0));
    const before = cell(3, 0);
    // A row more rebuilds every cell.
    grid.addEventListener("input", () => (grid.value = [...grid.value, {year: 2029, urban: 0.05, rural: 0.07}]), {once: true});
    key(active(), "7");
    key(editor(), "Enter");
    expect(grid.value[2].urban).toBe(0.07);
    expect(cell(3, 0)).not.toBe(before);
    expect(document.activeElement).toBe(cell(3, 0)); // the rebuilt cell, not the detached one
    expect(cell(3, 0).isConnected).toBe(true);
  });

  it("dragging the fill handle across copies into the next editable column, never into a locked one", () => {
    click(2, 0);
    drag(2, 2);
    expect(grid.value[2]).toEqual({year: 2027, urban: 0.05, rural: 0.05});
    expect(events).toBe(1);
  });

  it("a fill past a column's bounds names the cell and value; the cells within bounds still fill", () => {
    document.body.replaceChildren();
    grid = ScenarioGrid<Row>(start, {columns: columns.map((c) => ({...c, max: 0.06}))});
    document.body.append(grid);
    grid.addEventListener("input", () => events++);
    paste("5\n5.5");
    click(0, 0);
    click(1, 0, true);
    drag(3, 0);
    expect(grid.value.map((r) => r.urban)).toEqual([0.05, 0.055, 0.06, 0.05]);
    expect(grid.messages).toEqual(["2028 城镇增速: 6.5 超出范围 / out of range"]);
    expect(grid.querySelector(".grid-message")!.textContent).toContain("2028 城镇增速: 6.5");
  });
});
