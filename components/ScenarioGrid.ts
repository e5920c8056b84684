// A spreadsheet-style input for growth assumptions, written on plain DOM (see docs/scenarios.md for why not
// jspreadsheet): a role="grid" table whose cells are edited in place, with Excel/WPS keys, TSV copy and paste,
// fill down and undo. The pure parts (selection, TSV, history, per-cell edits) live in components/grid/.
import {formatGridCell, parseGridCell, type ColumnSpec} from "./model/gridCell.js";
import {applyChanges, changesFromTexts, clearChanges, fillDownChanges, fillHandleChanges, pasteTexts, type GridRow} from "./grid/edits.js";
import {emptyHistory, record, redo, undo, type Change, type History} from "./grid/history.js";
import {bounds, contains, move, single, tabFrom, type Bounds, type Cell, type Range} from "./grid/selection.js";
import {formatTsv, parseTsv} from "./grid/tsv.js";
import {GRID_STYLE} from "./grid/style.js";
import {t} from "./i18n.js";
import {afterFrame} from "./afterFrame.js";

/** A read-only column computed from the rows (e.g. the projected ratio), recomputed after every change. */
export interface LockedColumn<R> {
  key: string;
  label: string;
  compute(row: R, index: number, rows: readonly R[]): number | string | null;
  /** how to show a computed number (default: 3 decimals) */
  format?: (value: number) => string;
}

export interface ScenarioGridOptions<R> {
  /** editable, typed columns (the model's ColumnSpec; `label` names the column in headers and messages) */
  columns: readonly ColumnSpec[];
  lockedColumns?: readonly LockedColumn<R>[];
  /** aria-label naming the scenario */
  label?: string;
  width?: number;
  /** the key shown as each row's header and used in cell names (default "year") */
  rowKey?: string;
  rowHeader?: string;
  /** how a row is named in its header and in messages (default: its row key) */
  rowName?: (row: R) => string;
  /** a read-only grid rejects every edit with this message (or a default one when `true`) */
  readOnly?: boolean | string;
}

/** The grid element: `value` is the current rows; an `input` event follows every committed change. */
export interface ScenarioGridElement<R> extends HTMLDivElement {
  value: R[];
  /** messages from the last commit (one per rejected cell) */
  readonly messages: readonly string[];
  readOnly: boolean | string;
  /** the aria-label naming the scenario */
  label: string;
  /** redraws the locked columns after something they read besides the rows changed; rows, selection and undo stay */
  recompute(): void;
}

interface Box {
  left: number;
  top: number;
  width: number;
  height: number;
}

const READ_ONLY = {zh: "此情景只读，请先复制", en: "This scenario is read-only: duplicate it to edit"};

/**
 * A spreadsheet-like input for `view()`: rows by typed columns plus locked computed columns.
 * @example const rows = view(ScenarioGrid(baseline.rows, {columns: [{key: "pace", label: "进度", kind: "percent"}], label: "基线 Baseline"}))
 */
export function ScenarioGrid<R extends GridRow>(initial: readonly R[], options: ScenarioGridOptions<R>): ScenarioGridElement<R> {
  const {columns, lockedColumns = [], width, rowKey = "year"} = options;
  const label = options.label ?? t({zh: "情景", en: "Scenario"});
  const rowHeader = options.rowHeader ?? t({zh: "年份", en: "Year"});
  let readOnly: boolean | string = options.readOnly ?? false;
  let rows: R[] = [...initial];
  let history: History = emptyHistory();
  let range: Range = single({row: 0, col: 0});
  let messages: string[] = [];
  let editing: {cell: Cell; caret: boolean; original: string} | null = null;
  let dragging = false;
  // While the fill handle is dragged: the selection it started from.
  let filling: Bounds | null = null;
  // The active cell's box as measured after the last frame (null once a render may have moved it).
  let activeBox: (Cell & Box) | null = null;
  const nCols = columns.length + lockedColumns.length;
  const size = () => ({rows: rows.length, cols: nCols});
  const rowName = (row: GridRow) => (options.rowName ? options.rowName(row as R) : String(row[rowKey]));

  const root = document.createElement("div") as unknown as ScenarioGridElement<R>;
  root.className = "scenario-grid";
  if (width) root.style.maxWidth = `${width}px`;
  const style = document.createElement("style");
  style.textContent = GRID_STYLE;
  const table = document.createElement("table");
  table.setAttribute("role", "grid");
  table.setAttribute("aria-label", label);
  table.setAttribute("aria-multiselectable", "true");
  const message = document.createElement("div");
  message.className = "grid-message";
  message.setAttribute("role", "status");
  message.setAttribute("aria-live", "polite");
  const thead = table.createTHead();
  const headRow = thead.insertRow();
  headRow.setAttribute("role", "row");
  for (const [i, text] of [rowHeader, ...columns.map((c) => c.label), ...lockedColumns.map((c) => c.label)].entries()) {
    const th = document.createElement("th");
    th.setAttribute("role", "columnheader");
    th.setAttribute("scope", "col");
    th.textContent = text;
    if (i > columns.length) th.classList.add("locked");
    headRow.append(th);
  }
  const tbody = table.createTBody();
  let cells: HTMLTableCellElement[][] = [];
  // The fill handle, as in Excel and WPS: drag the square at the selection's corner to copy or continue a series.
  const handle = document.createElement("div");
  handle.className = "fill-handle";
  handle.title = t({zh: "拖动以填充", en: "Drag to fill"});
  handle.setAttribute("aria-hidden", "true");
  root.append(style, table, handle, message);

  function build() {
    tbody.replaceChildren();
    cells = rows.map((_, r) => {
      const tr = tbody.insertRow();
      tr.setAttribute("role", "row");
      const th = document.createElement("th");
      th.setAttribute("role", "rowheader");
      th.setAttribute("scope", "row");
      tr.append(th);
      return Array.from({length: nCols}, (_, c) => {
        const td = tr.insertCell();
        td.setAttribute("role", "gridcell");
        td.dataset.row = String(r);
        td.dataset.col = String(c);
        td.dataset.key = c < columns.length ? columns[c].key : lockedColumns[c - columns.length].key;
        td.tabIndex = -1;
        if (c >= columns.length) {
          td.classList.add("locked");
          td.setAttribute("aria-readonly", "true");
        }
        return td;
      });
    });
  }

  function text(r: number, c: number): string {
    if (c < columns.length) {
      const value = rows[r][columns[c].key];
      return formatGridCell(typeof value === "number" && Number.isFinite(value) ? value : null, columns[c]);
    }
    const locked = lockedColumns[c - columns.length];
    let value: number | string | null;
    try {
      value = locked.compute(rows[r], r, rows);
    } catch {
      value = null; // a blank or out-of-range input upstream: show nothing rather than a wrong number
    }
    if (typeof value === "number") return Number.isFinite(value) ? (locked.format ?? ((v) => v.toFixed(3)))(value) : "";
    return value ?? "";
  }

  // Writes only what changed: every DOM write invalidates style and layout, and a commit must stay within a frame.
  function render() {
    tbody.querySelectorAll("tr").forEach((tr, r) => setText(tr.firstElementChild as HTMLElement, rowName(rows[r])));
    const b = bounds(range);
    const multi = b.top !== b.bottom || b.left !== b.right;
    cells.forEach((row, r) =>
      row.forEach((td, c) => {
        setText(td, text(r, c));
        const selected = contains(range, {row: r, col: c});
        if (td.getAttribute("aria-selected") !== String(selected)) td.setAttribute("aria-selected", String(selected));
        if (td.classList.contains("selected") !== (selected && multi)) td.classList.toggle("selected", selected && multi);
        const active = r === range.focus.row && c === range.focus.col;
        if (td.classList.contains("active") !== active) td.classList.toggle("active", active);
      })
    );
    markTabStop();
    placeHandle();
    if (table.getAttribute("aria-readonly") !== String(Boolean(readOnly))) table.setAttribute("aria-readonly", String(Boolean(readOnly)));
    setText(message, messages.join("\n"));
    if (message.hidden !== (messages.length === 0)) message.hidden = messages.length === 0;
  }

  // The roving tab stop: only the active cell is in the tab order. Attributes, not the tabIndex property: reading
  // that, or changing the focused element's, lays the page out in Chromium.
  function markTabStop() {
    cells.forEach((row, r) =>
      row.forEach((td, c) => {
        const tabindex = r === range.focus.row && c === range.focus.col ? "0" : "-1";
        if (td.getAttribute("tabindex") !== tabindex) td.setAttribute("tabindex", tabindex);
      })
    );
  }

  // Shown or hidden at once; moved to the selection's corner just after the frame, when reading the cell's offsets
  // costs nothing (read now, they would lay out the page the edit has just changed, inside the analyst's frame). The
  // active cell's box is measured then too, for the editor a keystroke lays over it.
  function placeHandle() {
    const show = handleShown();
    if (handle.hidden !== !show) handle.hidden = !show;
    activeBox = null;
    if (cells.length > 0) afterFrame(handle, measure);
  }

  function handleShown(): boolean {
    const b = bounds(range);
    return Boolean(cells[b.bottom]?.[b.right]) && b.right < columns.length && !editing && !readOnly;
  }

  // A cell's offsets are relative to its table; the handle and the editor are positioned in the grid's box.
  function boxOf(td: HTMLTableCellElement): Box {
    return {left: table.offsetLeft + td.offsetLeft, top: table.offsetTop + td.offsetTop, width: td.offsetWidth, height: td.offsetHeight};
  }

  function measure() {
    const {row, col} = range.focus;
    if (!cells[row]?.[col] || editing) return;
    activeBox = {row, col, ...boxOf(cells[row][col])};
    if (!handleShown()) return;
    const b = bounds(range);
    const corner = boxOf(cells[b.bottom][b.right]);
    handle.style.left = `${corner.left + corner.width - 4}px`;
    handle.style.top = `${corner.top + corner.height - 4}px`;
  }

  function setText(node: HTMLElement, value: string) {
    if (node.textContent !== value || node.firstElementChild) node.textContent = value;
  }

  function select(next: Range, focus = true) {
    range = next;
    render();
    if (focus) cells[range.focus.row]?.[range.focus.col]?.focus();
  }

  // Every change to the rows goes through here: one batch, one history entry, one input event.
  function commit(changes: Change[], errors: string[], {recordIt = true, attempted = changes.length > 0} = {}) {
    messages = errors;
    if (readOnly && attempted) {
      messages = [typeof readOnly === "string" ? readOnly : t(READ_ONLY)];
      render();
      return;
    }
    if (changes.length > 0) {
      rows = applyChanges(rows, changes);
      if (recordIt) history = record(history, changes);
    }
    render();
    if (changes.length > 0) root.dispatchEvent(new Event("input", {bubbles: true}));
  }

  function commitTexts(texts: {row: number; col: number; text: string}[]) {
    const {changes, errors} = changesFromTexts(rows, columns, texts, parseGridCell, rowName);
    commit(changes, errors, {attempted: changes.length > 0 || errors.length > 0 || texts.length > 0});
  }

  function lockedMessage(c: number) {
    return `${lockedColumns[c - columns.length].label}: ${t({zh: "计算列只读", en: "computed column, read-only"})}`;
  }

  // One editor for the grid's lifetime, laid over the cell being edited rather than put inside it: inserting an input
  // into the table made the browser lay out the whole table again when it took the focus (most of a keystroke's cost
  // on a 31-row grid). Positioned in the grid's box, like the fill handle, so it scrolls with the table.
  const editor = document.createElement("input");
  editor.className = "grid-editor";
  editor.hidden = true;
  editor.tabIndex = -1;
  editor.addEventListener("blur", () => editing && finishEdit(true, null));
  // Keystrokes in the editor are not commits: only the grid's own input event (after a commit) may leave the grid.
  editor.addEventListener("input", (e) => e.stopPropagation());
  editor.addEventListener("keydown", (e) => onEditorKey(e));
  root.append(editor);

  function startEdit(initial: string | null, caret: boolean) {
    const cell = {...range.focus};
    if (cell.col >= columns.length) return commit([], [lockedMessage(cell.col)]);
    if (readOnly) return commit([], [], {attempted: true});
    const td = cells[cell.row][cell.col];
    const original = td.textContent ?? "";
    // Measured after the last frame; a key in the very frame of a change measures now, laying out the grid.
    const box = activeBox?.row === cell.row && activeBox.col === cell.col ? activeBox : boxOf(td);
    editing = {cell, caret, original};
    editor.setAttribute("aria-label", `${rowName(rows[cell.row])} ${columns[cell.col].label}`);
    editor.value = initial ?? original;
    Object.assign(editor.style, {left: `${box.left}px`, top: `${box.top}px`, width: `${box.width}px`, height: `${box.height}px`});
    editor.hidden = false;
    placeHandle(); // no fill handle while a cell is edited
    // The cell being edited is the focused one, already in view: nothing to scroll.
    editor.focus({preventScroll: true});
    editor.setSelectionRange(editor.value.length, editor.value.length);
  }

  // Ends an edit; `then` moves the active cell afterwards (Enter, Tab, arrows).
  function finishEdit(keep: boolean, then: Range | null) {
    if (!editing) return;
    const {cell, original} = editing;
    editing = null;
    const text = editor.value;
    // Move first, so the commit renders once with the new active cell.
    if (then) range = then;
    // Focused before the commit: focus() brings the page's style and layout up to date, which costs little now and a
    // great deal once the commit's listeners have redrawn what depends on the grid. The editor's blur is ignored
    // (no edit is open any more). The tab stop moves first, so the commit's render changes nothing on the focused cell.
    markTabStop();
    cells[range.focus.row]?.[range.focus.col]?.focus();
    editor.hidden = true;
    // Unchanged text must not round the stored value to what the cell displays.
    if (keep && text !== original) commitTexts([{row: cell.row, col: cell.col, text}]);
    else render();
    // A listener that rebuilt the cells took the focus with them.
    const target = cells[range.focus.row]?.[range.focus.col];
    if (target && document.activeElement !== target) target.focus();
  }

  function onEditorKey(e: KeyboardEvent) {
    // Enter or an arrow that an input method (pinyin, say) takes to finish its composition is not the analyst's.
    if (!editing || e.isComposing) return;
    const arrows: Record<string, [number, number]> = {ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1]};
    if (e.key === "Escape") {
      e.preventDefault();
      finishEdit(false, null);
    } else if (e.key === "Enter") {
      e.preventDefault();
      finishEdit(true, move(single(editing.cell), e.shiftKey ? -1 : 1, 0, size()));
    } else if (e.key === "Tab") {
      e.preventDefault();
      finishEdit(true, single(tabFrom(editing.cell, size(), e.shiftKey) ?? editing.cell));
    } else if (e.key in arrows && !editing.caret) {
      e.preventDefault();
      const [dr, dc] = arrows[e.key];
      finishEdit(true, move(single(editing.cell), dr, dc, size()));
    }
    e.stopPropagation();
  }

  function applyHistory(step: {history: History; changes: Change[]} | null) {
    if (!step) return;
    if (readOnly) return commit([], [], {attempted: true});
    history = step.history;
    commit(step.changes, [], {recordIt: false});
  }

  table.addEventListener("keydown", (e) => {
    // A key an input method takes (pinyin, or any key while one is on in Windows): open an empty editor and let the
    // key through, so the text the input method then inserts lands in the editor instead of being lost on the cell.
    if (!editing && (e.key === "Process" || e.keyCode === 229)) return startEdit("", false);
    const mod = e.ctrlKey || e.metaKey;
    const key = e.key.length === 1 ? e.key.toLowerCase() : e.key;
    const b = bounds(range);
    if (mod && !e.altKey) {
      if (key === "z") applyHistory(e.shiftKey ? redo(history) : undo(history));
      else if (key === "y") applyHistory(redo(history));
      else if (key === "d") commit(fillDownChanges(rows, columns, b), [], {attempted: true});
      else if (key === "a") select({anchor: {row: 0, col: 0}, focus: {row: rows.length - 1, col: nCols - 1}});
      else return; // Ctrl+C / Ctrl+V / Ctrl+X arrive as copy, paste and cut events
      e.preventDefault();
      return;
    }
    const arrows: Record<string, [number, number]> = {ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1]};
    if (key in arrows) {
      const [dr, dc] = arrows[key];
      select(move(range, dr, dc, size(), e.shiftKey));
    } else if (key === "Tab") {
      const next = tabFrom(range.focus, size(), e.shiftKey);
      if (!next) return; // let Tab leave the grid at either end
      select(single(next));
    } else if (key === "Enter") select(move(single(range.focus), e.shiftKey ? -1 : 1, 0, size()));
    else if (key === "Home") select(single({row: e.ctrlKey ? 0 : range.focus.row, col: 0}));
    else if (key === "End") select(single({row: e.ctrlKey ? rows.length - 1 : range.focus.row, col: nCols - 1}));
    else if (key === "F2") startEdit(null, true);
    else if (key === "Delete" || key === "Backspace") commit(clearChanges(rows, columns, b), [], {attempted: true});
    else if (key.length === 1 && !e.altKey) startEdit(e.key, false);
    else return;
    e.preventDefault();
  });

  function selectionTsv(): string {
    const b = bounds(range);
    const block: string[][] = [];
    for (let r = b.top; r <= b.bottom; r++) {
      const line: string[] = [];
      for (let c = b.left; c <= b.right; c++) line.push(text(r, c));
      block.push(line);
    }
    return formatTsv(block);
  }

  table.addEventListener("copy", (e) => {
    if (editing) return;
    e.clipboardData?.setData("text/plain", selectionTsv());
    e.preventDefault();
  });

  table.addEventListener("cut", (e) => {
    if (editing) return;
    e.clipboardData?.setData("text/plain", selectionTsv());
    e.preventDefault();
    commit(clearChanges(rows, columns, bounds(range)), [], {attempted: true});
  });

  table.addEventListener("paste", (e) => {
    if (editing) return;
    e.preventDefault();
    const block = parseTsv(e.clipboardData?.getData("text/plain") ?? "");
    if (block.length === 0) return;
    const b = bounds(range);
    // One copied value pasted onto a larger selection fills it, as in Excel.
    const one = block.length === 1 && block[0].length === 1;
    const texts = one
      ? Array.from({length: b.bottom - b.top + 1}, (_, i) =>
          Array.from({length: b.right - b.left + 1}, (_, j) => ({row: b.top + i, col: b.left + j, text: block[0][0]}))
        ).flat()
      : pasteTexts({row: b.top, col: b.left}, block);
    commitTexts(texts);
    if (!one) {
      const bottom = Math.min(rows.length - 1, b.top + block.length - 1);
      const right = Math.min(nCols - 1, b.left + Math.max(...block.map((l) => l.length)) - 1);
      select({anchor: {row: b.top, col: b.left}, focus: {row: bottom, col: right}});
    }
  });

  const cellOf = (target: EventTarget | null): Cell | null => {
    const td = (target as HTMLElement | null)?.closest?.("td[role=gridcell]") as HTMLElement | null;
    return td ? {row: Number(td.dataset.row), col: Number(td.dataset.col)} : null;
  };
  table.addEventListener("mousedown", (e) => {
    const cell = cellOf(e.target);
    if (!cell || (editing && editing.cell.row === cell.row && editing.cell.col === cell.col)) return;
    if (editing) finishEdit(true, null);
    e.preventDefault(); // keep the browser from starting a text selection while dragging a range
    dragging = true;
    select(e.shiftKey ? {anchor: range.anchor, focus: cell} : single(cell));
  });
  table.addEventListener("mouseover", (e) => {
    const cell = cellOf(e.target);
    if (!cell || e.buttons !== 1) return;
    if (filling) select(fillTarget(filling, cell), false);
    else if (dragging) select({anchor: range.anchor, focus: cell});
  });
  table.addEventListener("mouseup", () => (dragging = false));
  handle.addEventListener("mousedown", (e) => {
    e.preventDefault();
    e.stopPropagation();
    filling = bounds(range);
    const end = () => {
      document.removeEventListener("mouseup", end);
      const source = filling!;
      filling = null;
      const target = bounds(range);
      const {changes, errors} = fillHandleChanges(rows, columns, source, target, {rowName, format: formatGridCell});
      commit(changes, errors, {attempted: true});
      cells[range.focus.row]?.[range.focus.col]?.focus();
    };
    document.addEventListener("mouseup", end);
  });

  // The drag extends the selection down (or across) from the source, whichever way the pointer went further.
  function fillTarget(source: Bounds, cell: Cell): Range {
    const down = cell.row - source.bottom;
    const across = Math.min(cell.col, columns.length - 1) - source.right;
    const bottom = down > 0 && down >= across ? cell.row : source.bottom;
    const right = across > 0 && across > down ? Math.min(cell.col, columns.length - 1) : source.right;
    return {anchor: {row: source.top, col: source.left}, focus: {row: bottom, col: right}};
  }
  table.addEventListener("dblclick", (e) => {
    const cell = cellOf(e.target);
    if (cell && !editing) {
      select(single(cell));
      startEdit(null, true);
    }
  });

  Object.defineProperty(root, "value", {
    get: () => rows.map((row) => ({...row})),
    set(next: readonly R[]) {
      if (editing) finishEdit(false, null);
      const rebuild = next.length !== rows.length;
      rows = next.map((row) => ({...row}));
      history = emptyHistory();
      messages = [];
      if (rebuild) build();
      range = single({row: Math.min(range.focus.row, Math.max(0, rows.length - 1)), col: range.focus.col});
      render();
    }
  });
  root.recompute = () => render();
  Object.defineProperty(root, "messages", {get: () => [...messages]});
  Object.defineProperty(root, "label", {
    get: () => table.getAttribute("aria-label") ?? "",
    set: (next: string) => table.setAttribute("aria-label", next)
  });
  Object.defineProperty(root, "readOnly", {
    get: () => readOnly,
    set(next: boolean | string) {
      readOnly = next;
      render();
    }
  });
  build();
  render();
  return root;
}
