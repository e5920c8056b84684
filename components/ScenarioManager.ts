// Named scenarios around one ScenarioGrid: pick, create, duplicate, rename, delete, choose up to three to compare,
// persist in localStorage, share in the URL hash, export and import JSON or CSV. State changes go through the
// model's pure functions (components/model/scenarioState.ts); this module only wires them to the DOM.
import {ScenarioGrid, type LockedColumn, type ScenarioGridElement} from "./ScenarioGrid.js";
import {fillBlanks} from "./grid/blanks.js";
import type {ColumnSpec} from "./model/cells.js";
import type {GrowthRow} from "./model/assumptions.js";
import {
  BASELINE_ID,
  createScenario,
  deleteScenario,
  duplicateScenario,
  initialSet,
  renameScenario,
  setActive,
  setCompare,
  updateRows,
  validateState,
  LIMITS,
  type ScenarioSet,
  type StateResult
} from "./model/scenarioState.js";
import {decodeShare, encodeShare, exportCsv, exportJson, importCsv, importJson} from "./model/shareState.js";

/** A grid row while editing: a cleared cell is null until the blank is filled from the year above. */
export type EditRow = {year: number; urban: number | null; rural: number | null};

export interface ScenarioManagerOptions {
  /** the read-only baseline derived from the data, and the rule that made it */
  baseline: {rows: GrowthRow[]; rule: string};
  columns: readonly ColumnSpec[];
  lockedColumns?: readonly LockedColumn<EditRow>[];
  width?: number;
  /** localStorage key; null turns persistence off */
  storageKey?: string | null;
  /** read the hash from, and write it to, this window's location (default: the page's) */
  window?: Window;
}

/** The manager element: `value` is the ScenarioSet; an `input` event follows every change to it. */
export interface ScenarioManagerElement extends HTMLDivElement {
  value: ScenarioSet;
  readonly grid: ScenarioGridElement<EditRow>;
  /** the message shown about loading, sharing or importing ("" when none) */
  readonly notice: string;
  /** puts rows into the active scenario, or into a new one when the baseline is active */
  applyRows(rows: readonly GrowthRow[], name?: string): void;
}

const BASELINE_NOTE = "基线只读：按“复制”编辑副本 / The baseline is read-only: press Duplicate to edit a copy";

/**
 * The scenarios panel for `view()`: a toolbar, the grid of the active scenario, compare choices, share and files.
 * @example const set = view(ScenarioManager({baseline: baselineGrowth(history), columns}))
 */
export function ScenarioManager(options: ScenarioManagerOptions): ScenarioManagerElement {
  const {baseline, columns, lockedColumns = [], width, storageKey = "yearbook-scenarios:income-gap"} = options;
  const win = options.window ?? window;
  const keys = columns.map((c) => c.key);
  let notice = "";
  let set = loadInitial();

  const root = document.createElement("div") as unknown as ScenarioManagerElement;
  root.className = "scenario-manager";
  const noticeBox = el("div", {class: "scenario-notice", role: "alert"});
  const picker = el("select", {"aria-label": "当前情景 Active scenario", id: "scenario-picker"}) as HTMLSelectElement;
  const nameBox = el("input", {type: "text", "aria-label": "情景名称 Scenario name", maxlength: String(LIMITS.maxName)}) as HTMLInputElement;
  const button = (text: string, action: string, onClick: () => void) => {
    const b = el("button", {type: "button", "data-action": action}, text) as HTMLButtonElement;
    b.addEventListener("click", onClick);
    return b;
  };
  const newButton = button("新建 New", "new", () => change(() => createScenario(set), true));
  const duplicateButton = button("复制 Duplicate", "duplicate", () => change(() => duplicateScenario(set, set.activeId), true));
  const deleteButton = button("删除 Delete", "delete", () => change(() => deleteScenario(set, set.activeId), true));
  const rule = el("p", {class: "scenario-rule"});
  const toolbar = el("div", {class: "scenario-toolbar"});
  toolbar.append(label("情景 Scenario ", picker), label(" 名称 Name ", nameBox), newButton, duplicateButton, deleteButton);
  const grid = ScenarioGrid<EditRow>(activeScenario().rows, {columns, lockedColumns, width, label: gridLabel()});
  const compareBox = el("fieldset", {class: "scenario-compare"});
  const shareBox = el("div", {class: "scenario-share"});
  const shareUrl = el("input", {type: "text", readonly: "", "aria-label": "分享链接 Share link", class: "share-url"}) as HTMLInputElement;
  const fileInput = el("input", {type: "file", accept: ".json,.csv,application/json,text/csv", "aria-label": "导入 Import JSON or CSV"}) as HTMLInputElement;
  shareBox.append(
    label("分享链接 Share link ", shareUrl),
    button("复制链接 Copy link", "copy-link", () => void win.navigator.clipboard?.writeText(shareUrl.value).catch(() => shareUrl.select())),
    button("导出 JSON", "export-json", () => download("scenarios.json", exportJson(set), "application/json")),
    button("导出 CSV", "export-csv", () => download("scenarios.csv", exportCsv(set), "text/csv")),
    label(" 导入 Import ", fileInput)
  );
  root.append(noticeBox, toolbar, rule, grid, compareBox, shareBox);

  // Inner controls fire their own input events; only the manager's (and the grid's, after it is applied) reach view().
  for (const part of [toolbar, compareBox, shareBox]) part.addEventListener("input", (e) => e.stopPropagation());
  picker.addEventListener("change", () => change(() => setActive(set, picker.value), true));
  nameBox.addEventListener("change", () => change(() => renameScenario(set, set.activeId, nameBox.value)));
  compareBox.addEventListener("change", () => {
    const ids = [...compareBox.querySelectorAll<HTMLInputElement>("input:checked")].map((i) => i.value);
    change(() => setCompare(set, ids));
  });
  fileInput.addEventListener("change", async () => {
    const file = fileInput.files?.[0];
    if (!file) return;
    const text = await file.text();
    const result: StateResult = /\.csv$/i.test(file.name)
      ? importCsv(text, {baseline: set.scenarios.find((s) => s.id === BASELINE_ID)})
      : importJson(text);
    fileInput.value = "";
    if (!result.ok) return showNotice(`${file.name}: ${result.error}`);
    set = withBaseline(result.state);
    notice = `已导入 ${file.name} / imported ${file.name}`;
    refresh(true);
    emit();
  });
  // The grid's own input event bubbles on to view() after the rows are stored here (target phase runs first).
  grid.addEventListener("input", () => {
    const scenario = activeScenario();
    const {rows} = fillBlanks(grid.value, keys, {fallback: scenario.rows});
    try {
      set = updateRows(set, scenario.id, rows as GrowthRow[]);
      notice = "";
    } catch (error) {
      notice = (error as Error).message;
    }
    refresh(false);
  });

  function loadInitial(): ScenarioSet {
    const fresh = initialSet(baseline.rows);
    const hash = win.location.hash;
    if (hash && hash !== "#") {
      const result = safely(() => decodeShare(hash));
      if (result.ok) return withBaseline(result.state);
      notice = `分享链接无法读取，已显示基线 / The shared link could not be read, showing the baseline. ${result.error}`;
      return fresh;
    }
    if (storageKey) {
      const stored = safely(() => {
        const text = win.localStorage.getItem(storageKey);
        return text === null ? ({ok: true, state: fresh} as StateResult) : validateState(JSON.parse(text));
      });
      if (stored.ok) return withBaseline(stored.state);
      notice = `本地保存的情景无法读取，已显示基线 / Saved scenarios could not be read, showing the baseline. ${stored.error}`;
    }
    return fresh;
  }

  // The baseline always comes from the data on this page, whatever a link or file says it was.
  function withBaseline(state: ScenarioSet): ScenarioSet {
    const base = initialSet(baseline.rows).scenarios[0];
    const others = state.scenarios.filter((s) => s.id !== BASELINE_ID && !s.readonly);
    const ids = new Set([BASELINE_ID, ...others.map((s) => s.id)]);
    const compare = state.compare.filter((id) => ids.has(id));
    return {
      version: 1,
      activeId: ids.has(state.activeId) ? state.activeId : BASELINE_ID,
      scenarios: [base, ...others],
      compare: compare.length ? compare : [BASELINE_ID]
    };
  }

  function activeScenario() {
    return set.scenarios.find((s) => s.id === set.activeId) ?? set.scenarios[0];
  }

  function gridLabel() {
    return `情景 Scenario: ${activeScenario().name}`;
  }

  function change(update: () => ScenarioSet, reloadGrid = false) {
    try {
      set = update();
      notice = "";
    } catch (error) {
      return showNotice((error as Error).message);
    }
    refresh(reloadGrid);
    emit();
  }

  function showNotice(text: string) {
    notice = text;
    noticeBox.textContent = notice;
    noticeBox.hidden = !notice;
  }

  function emit() {
    root.dispatchEvent(new Event("input", {bubbles: true}));
  }

  function refresh(reloadGrid: boolean) {
    const active = activeScenario();
    picker.replaceChildren(...set.scenarios.map((s) => el("option", {value: s.id}, s.readonly ? `${s.name} (只读 read-only)` : s.name)));
    picker.value = active.id;
    nameBox.value = active.name;
    nameBox.disabled = Boolean(active.readonly);
    deleteButton.disabled = Boolean(active.readonly);
    newButton.disabled = duplicateButton.disabled = set.scenarios.length >= LIMITS.maxScenarios;
    rule.textContent = baseline.rule;
    if (reloadGrid) grid.value = active.rows;
    grid.readOnly = active.readonly ? BASELINE_NOTE : false;
    grid.label = gridLabel();
    compareBox.replaceChildren(
      el("legend", {}, `比较（最多 ${LIMITS.maxCompare} 个）Compare (up to ${LIMITS.maxCompare})`),
      ...set.scenarios.map((s) => {
        const box = el("input", {type: "checkbox", value: s.id, name: "compare"}) as HTMLInputElement;
        box.checked = set.compare.includes(s.id);
        box.disabled = !box.checked && set.compare.length >= LIMITS.maxCompare;
        return label("", box, ` ${s.name} `);
      })
    );
    showNotice(notice);
    persist();
  }

  function persist() {
    if (storageKey) safely(() => win.localStorage.setItem(storageKey, JSON.stringify(set)));
    const hash = safely(() => encodeShare(set));
    if (typeof hash === "string") {
      const url = `${win.location.pathname}${win.location.search}#${hash.replace(/^#/, "")}`;
      safely(() => win.history.replaceState(win.history.state, "", url));
      shareUrl.value = win.location.href;
    }
  }

  function download(name: string, text: string, type: string) {
    const url = URL.createObjectURL(new Blob([text], {type}));
    const a = el("a", {href: url, download: name}) as HTMLAnchorElement;
    root.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 0);
  }

  Object.defineProperty(root, "value", {
    get: () => set,
    set(next: ScenarioSet) {
      const result = validateState(next);
      if (!result.ok) return showNotice(result.error);
      set = withBaseline(result.state);
      refresh(true);
    }
  });
  Object.defineProperty(root, "grid", {get: () => grid});
  Object.defineProperty(root, "notice", {get: () => notice});
  root.applyRows = (rows, name = "常数增速 Constant growth") => {
    const active = activeScenario();
    change(() => (active.readonly ? createScenario(set, {name, rows}) : updateRows(set, active.id, rows)), true);
  };
  refresh(false);
  return root;
}

// Never throw from storage, history or a decoder: a browser may refuse storage, and bad input must become a message.
function safely<T>(f: () => T): T | {ok: false; error: string} {
  try {
    return f();
  } catch (error) {
    return {ok: false, error: (error as Error).message};
  }
}

function el(tag: string, attributes: Record<string, string> = {}, text?: string): HTMLElement {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  if (text !== undefined) node.textContent = text;
  return node;
}

function label(text: string, ...children: (Node | string)[]): HTMLLabelElement {
  const node = document.createElement("label");
  node.append(text, ...children);
  return node;
}
