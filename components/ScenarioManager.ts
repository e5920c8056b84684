// The scenario panel of any scenario model: a toolbar of named scenarios, the grid of the active one (editable
// columns from the model, locked columns from its projection), "same value in every row", compare choices, the share
// link and JSON/CSV files. State changes go through the pure functions of components/scenario/; this module only wires
// them to the DOM. Nothing here names a model's quantities: a notebook passes its model and data.
import {ScenarioGrid, type LockedColumn, type ScenarioGridElement} from "./ScenarioGrid.js";
import {fillBlanks} from "./grid/blanks.js";
import {t} from "./i18n.js";
import {formatterFor} from "./format.js";
import {gridColumns, projector, type ScenarioModel, type ScenarioRow} from "./scenario/model.js";
import {
  BASELINE_ID,
  LIMITS,
  createScenario,
  deleteScenario,
  duplicateScenario,
  forkBaseline,
  initialSet,
  renameScenario,
  rowShape,
  setActive,
  setCompare,
  updateRows,
  validateSet,
  withBaseline,
  type RowShape,
  type ScenarioSet,
  type StateResult
} from "./scenario/scenarioSet.js";
import {decodeShare, encodeShare, exportCsv, exportJson, importCsv, importJson, withShareEntry} from "./scenario/share.js";
import {ConstantColumns} from "./ConstantColumns.js";
import {afterFrame, flushAfterFrame} from "./afterFrame.js";

export interface ScenarioManagerOptions {
  width?: number;
  /** where scenarios are saved (default: the page's localStorage under "yearbook-scenarios:<model id>"); null: nowhere */
  storage?: Storage | null;
  /** read the hash from, and write it to, this window's location (default: the page's) */
  window?: Window;
}

/** The panel element: `value` is the ScenarioSet; an `input` event follows every change to it. */
export interface ScenarioManagerElement<D = unknown> extends HTMLDivElement {
  value: ScenarioSet;
  readonly model: ScenarioModel<D>;
  readonly shape: RowShape;
  readonly grid: ScenarioGridElement<ScenarioRow>;
  /** the message shown about loading, forking, sharing or importing ("" when none) */
  readonly notice: string;
  /** puts rows into the active scenario, or into a new one (named `name`) when the baseline is active */
  applyRows(rows: readonly ScenarioRow[], name?: string): void;
  /**
   * The data the projection reads. Set it when a page input the projection uses changes (a target chosen on the page):
   * the locked columns follow, and the panel, its scenarios and the grid's undo history stay. The baseline and row
   * names stay those derived from the data the panel was built with.
   */
  data: D;
}

/**
 * The scenarios panel for `view()`.
 * @example const scenarios = view(ScenarioManager(farmlandModel, data))
 */
export function ScenarioManager<D>(model: ScenarioModel<D>, data: D, options: ScenarioManagerOptions = {}): ScenarioManagerElement<D> {
  const win = options.window ?? window;
  const storageKey = `yearbook-scenarios:${model.id}`;
  const storage = options.storage === undefined ? pageStorage(win) : options.storage;
  // A panel rebuilt for the same model must read what the previous one saved, not what it had yet to write.
  flushAfterFrame();
  const baseline = model.baseline(data);
  const shape = rowShape(model, baseline.rows);
  const fresh = () => initialSet(shape, baseline.rows);
  const columns = gridColumns(model);
  const keys = model.columns.map((c) => c.key);
  let current = data;
  let project = projector(model, data);
  let notice = "";
  // Opened from a link (good or bad): what this browser had saved must not be lost to the link's scenarios.
  let fromLink = false;
  let set = loadInitial();

  const root = document.createElement("div") as unknown as ScenarioManagerElement<D>;
  root.className = "scenario-manager";
  root.dataset.model = model.id;
  const noticeBox = el("div", {class: "scenario-notice", role: "status", "aria-live": "polite"});
  const picker = el("select", {"aria-label": t({zh: "当前情景", en: "Active scenario"}), class: "scenario-picker"}) as HTMLSelectElement;
  const nameBox = el("input", {type: "text", "aria-label": t({zh: "情景名称", en: "Scenario name"}), maxlength: String(LIMITS.maxName), class: "scenario-name"}) as HTMLInputElement;
  const button = (text: string, action: string, onClick: () => void) => {
    const b = el("button", {type: "button", "data-action": action}, text) as HTMLButtonElement;
    b.addEventListener("click", onClick);
    return b;
  };
  const newButton = button(t({zh: "新建", en: "New"}), "new", () => change(() => createScenario(set, shape), true));
  const duplicateButton = button(t({zh: "复制", en: "Duplicate"}), "duplicate", () => change(() => duplicateScenario(set, shape, set.activeId), true));
  const deleteButton = button(t({zh: "删除", en: "Delete"}), "delete", () => change(() => deleteScenario(set, set.activeId), true));
  const rule = el("p", {class: "scenario-rule"});
  const restoreButton = button(t({zh: "恢复本浏览器保存的情景", en: "Restore the scenarios saved in this browser"}), "restore-saved", restoreSaved);
  const toolbar = el("div", {class: "scenario-toolbar"});
  toolbar.append(label(t({zh: "情景 ", en: "Scenario "}), picker), label(t({zh: " 名称 ", en: " Name "}), nameBox), newButton, duplicateButton, deleteButton);
  const grid = ScenarioGrid<ScenarioRow>(activeScenario().rows, {
    columns,
    lockedColumns: lockedColumns(),
    width: options.width,
    label: gridLabel(),
    rowKey: model.rowKey.key,
    rowHeader: t(model.rowKey.label),
    rowName: model.rowName ? (row) => model.rowName!(row[model.rowKey.key] as string | number, data) : undefined
  });
  const constants = ConstantColumns(model, {values: constantValues()});
  const constantsBox = el("details", {class: "scenario-constants"});
  constantsBox.append(el("summary", {}, t({zh: "所有行同一数值", en: "Same value in every row"})), constants);
  const compareBox = el("fieldset", {class: "scenario-compare"});
  const shareBox = el("div", {class: "scenario-share"});
  const shareUrl = el("input", {type: "text", readonly: "", "aria-label": t({zh: "分享链接", en: "Share link"}), class: "share-url"}) as HTMLInputElement;
  const fileInput = el("input", {type: "file", accept: ".json,.csv,application/json,text/csv", "aria-label": t({zh: "导入 JSON 或 CSV", en: "Import JSON or CSV"})}) as HTMLInputElement;
  shareBox.append(
    label(t({zh: "分享链接 ", en: "Share link "}), shareUrl),
    button(t({zh: "复制链接", en: "Copy link"}), "copy-link", () => void win.navigator.clipboard?.writeText(shareUrl.value).catch(() => shareUrl.select())),
    button(t({zh: "导出 JSON", en: "Export JSON"}), "export-json", () => download(`${model.id}-scenarios.json`, exportJson(set, model), "application/json")),
    button(t({zh: "导出 CSV", en: "Export CSV"}), "export-csv", () => download(`${model.id}-scenarios.csv`, "\ufeff" + exportCsv(set, model), "text/csv")),
    label(t({zh: " 导入 ", en: " Import "}), fileInput)
  );
  root.append(toolbar, noticeBox, restoreButton, rule, grid, constantsBox, compareBox, shareBox);

  // Inner controls fire their own input events; only the manager's (and the grid's, after it is applied) reach view().
  for (const part of [toolbar, compareBox, shareBox, constantsBox]) part.addEventListener("input", (e) => e.stopPropagation());
  picker.addEventListener("change", () => change(() => setActive(set, picker.value), true));
  nameBox.addEventListener("change", () => change(() => renameScenario(set, set.activeId, nameBox.value)));
  compareBox.addEventListener("change", () => {
    const ids = [...compareBox.querySelectorAll<HTMLInputElement>("input:checked")].map((i) => i.value);
    change(() => setCompare(set, ids));
  });
  constants.addEventListener("input", () => {
    const values = constants.value;
    const rows = activeScenario().rows.map((r) => ({...r, ...values}));
    root.applyRows(rows, t({zh: "常数情景", en: "Constant values"}));
  });
  fileInput.addEventListener("change", async () => {
    const file = fileInput.files?.[0];
    if (!file) return;
    const text = await file.text();
    fileInput.value = "";
    const result: StateResult = /\.csv$/i.test(file.name)
      ? importCsv(text, model, shape, {baseline: set.scenarios.find((s) => s.id === BASELINE_ID)})
      : importJson(text, model, shape);
    if (!result.ok) return showNotice(`${file.name}: ${result.error}`);
    set = withBaseline(result.state, fresh());
    notice = t({zh: `已导入 ${file.name}`, en: `Imported ${file.name}`});
    refresh(true);
    persist();
    emit();
  });
  // The grid's own input event bubbles on to view() after the rows are stored here (target phase runs first).
  grid.addEventListener("input", () => {
    const scenario = activeScenario();
    const {rows} = fillBlanks(grid.value, keys, {fallback: scenario.rows, rowKey: model.rowKey.key});
    try {
      if (scenario.readonly) {
        // Analysts type first: an edit of the baseline becomes a new scenario instead of being refused.
        set = forkBaseline(set, shape, rows);
        const created = activeScenario().name;
        notice = t({zh: `已用你的修改新建“${created}”，基线保持不变`, en: `Created “${created}” from your edit; the baseline is unchanged`});
      } else {
        set = updateRows(set, shape, scenario.id, rows);
        notice = "";
      }
    } catch (error) {
      notice = (error as Error).message;
    }
    refresh(false);
    persist();
  });

  function loadInitial(): ScenarioSet {
    const linked = decodeShare(win.location.hash, model, shape);
    if (linked) {
      fromLink = true;
      if (linked.ok) {
        notice = t({zh: "已打开链接中的情景", en: "Opened the scenarios in the link"});
        return withBaseline(linked.state, fresh());
      }
      // A bad link shows the baseline and is never saved: storage keeps what it had.
      notice = `${linked.error}. ${t({zh: "已显示基线", en: "Showing the baseline"})}`;
      return fresh();
    }
    const stored = readStored();
    if (stored?.ok) return withBaseline(stored.state, fresh());
    if (stored) notice = `${t({zh: "本地保存的情景无法读取，已显示基线", en: "Saved scenarios could not be read, showing the baseline"})}: ${stored.error}`;
    return fresh();
  }

  function readStored(key = storageKey): StateResult | null {
    try {
      const text = storage?.getItem(key) ?? null;
      return text === null ? null : validateSet(JSON.parse(text), shape);
    } catch (error) {
      return {ok: false, error: (error as Error).message};
    }
  }

  function activeScenario() {
    return set.scenarios.find((s) => s.id === set.activeId) ?? set.scenarios[0];
  }

  function gridLabel() {
    return `${t(model.title)}: ${activeScenario().name}`;
  }

  function lockedColumns(): LockedColumn<ScenarioRow>[] {
    // Blanks (cleared cells) are filled as the manager fills them, so the locked cells show what will be stored.
    const filled = new WeakMap<readonly ScenarioRow[], readonly ScenarioRow[]>();
    const rowsFor = (rows: readonly ScenarioRow[]) => {
      let out = filled.get(rows);
      if (!out) filled.set(rows, (out = fillBlanks(rows, keys, {fallback: activeScenario().rows, rowKey: model.rowKey.key}).rows));
      return out;
    };
    return (model.locked ?? []).map((spec) => {
      const format = formatterFor(spec.format, {digits: spec.digits});
      return {
        key: spec.key,
        label: `${t(spec.label)} 🔒`,
        compute: (_row, i, rows) => project(rowsFor(rows)).locked[spec.key]?.[i] ?? null,
        format: (v: number) => format(v)
      };
    });
  }

  function constantValues(): Record<string, number> {
    const first = activeScenario().rows[0] ?? {};
    return Object.fromEntries(keys.map((k) => [k, first[k] as number]));
  }

  function change(update: () => ScenarioSet, reloadGrid = false) {
    try {
      set = update();
      notice = "";
    } catch (error) {
      return showNotice((error as Error).message);
    }
    refresh(reloadGrid);
    persist();
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

  // What the picker and the compare boxes last showed (see refresh).
  let shownList = "";

  function refresh(reloadGrid: boolean) {
    const active = activeScenario();
    const readOnly = t({zh: "（只读）", en: " (read-only)"});
    // A cell edit changes rows only: the picker and the compare boxes are rebuilt only when what they show changed.
    const listed = JSON.stringify([set.scenarios.map((s) => [s.id, s.name, Boolean(s.readonly)]), set.compare]);
    if (listed !== shownList) {
      shownList = listed;
      picker.replaceChildren(...set.scenarios.map((s) => el("option", {value: s.id}, s.readonly ? `${s.name}${readOnly}` : s.name)));
      compareBox.replaceChildren(
        el("legend", {}, t({zh: `比较（最多 ${LIMITS.maxCompare} 个）`, en: `Compare (up to ${LIMITS.maxCompare})`})),
        ...set.scenarios.map((s) => {
          const box = el("input", {type: "checkbox", value: s.id, name: `compare-${model.id}`}) as HTMLInputElement;
          box.checked = set.compare.includes(s.id);
          box.disabled = !box.checked && set.compare.length >= LIMITS.maxCompare;
          return label("", box, ` ${s.name} `);
        })
      );
    }
    picker.value = active.id;
    nameBox.value = active.name;
    nameBox.disabled = Boolean(active.readonly);
    deleteButton.disabled = Boolean(active.readonly);
    newButton.disabled = duplicateButton.disabled = set.scenarios.length >= LIMITS.maxScenarios;
    rule.textContent = t(baseline.rule) + (active.readonly ? ` ${t({zh: "基线只读：直接输入即可新建情景。", en: "The baseline is read-only: type in the grid to start a scenario from it."})}` : "");
    if (reloadGrid) grid.value = active.rows;
    grid.label = gridLabel();
    constants.value = constantValues();
    showNotice(notice);
    restoreButton.hidden = !(fromLink && savedBeforeLink());
    shareUrl.value = shareLink();
  }

  function shareLink(): string {
    const entry = safely(() => encodeShare(set, model));
    if (typeof entry !== "string") return win.location.href;
    const {origin, pathname, search, hash} = win.location;
    return `${origin === "null" ? "" : origin}${pathname}${search}${withShareEntry(hash, model, entry)}`;
  }

  // What was saved before a link was opened, if it holds scenarios of the analyst's own.
  function savedBeforeLink(): ScenarioSet | null {
    const stored = readStored(`${storageKey}:before-link`) ?? readStored();
    return stored?.ok && stored.state.scenarios.some((s) => !s.readonly) ? stored.state : null;
  }

  function restoreSaved() {
    const saved = savedBeforeLink();
    if (!saved) return;
    fromLink = false;
    safely(() => storage?.removeItem(`${storageKey}:before-link`));
    change(() => withBaseline(saved, fresh()), true);
    showNotice(t({zh: "已恢复本浏览器保存的情景", en: "Restored the scenarios saved in this browser"}));
  }

  // Only after a change: opening a page (with or without a link) never overwrites what was saved, and the first save
  // after a link keeps what was there, so "restore" can bring it back. Written after the frame (see afterFrame.ts).
  function persist() {
    afterFrame(storageKey, save);
  }

  function save() {
    if (storage && fromLink && safely(() => storage.getItem(`${storageKey}:before-link`)) === null) {
      const before = safely(() => storage.getItem(storageKey));
      if (typeof before === "string") safely(() => storage.setItem(`${storageKey}:before-link`, before));
    }
    if (storage) safely(() => storage.setItem(storageKey, JSON.stringify(set)));
    const entry = safely(() => encodeShare(set, model));
    if (typeof entry === "string") {
      const {pathname, search, hash} = win.location;
      safely(() => win.history.replaceState(win.history.state, "", `${pathname}${search}${withShareEntry(hash, model, entry)}`));
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
      const result = validateSet(next, shape);
      if (!result.ok) return showNotice(result.error);
      set = withBaseline(result.state, fresh());
      refresh(true);
    }
  });
  Object.defineProperty(root, "model", {get: () => model});
  Object.defineProperty(root, "shape", {get: () => shape});
  Object.defineProperty(root, "grid", {get: () => grid});
  Object.defineProperty(root, "notice", {get: () => notice});
  Object.defineProperty(root, "data", {
    get: () => current,
    set(next: D) {
      if (next === current) return;
      current = next;
      project = projector(model, next);
      grid.recompute();
    }
  });
  root.applyRows = (rows, name) => {
    const active = activeScenario();
    change(() => (active.readonly ? createScenario(set, shape, {name, rows}) : updateRows(set, shape, active.id, rows)), true);
  };
  refresh(false);
  return root;
}

function pageStorage(win: Window): Storage | null {
  try {
    return win.localStorage;
  } catch {
    return null; // storage disabled by the browser: scenarios live in the link only
  }
}

// Never throw from storage, history or a decoder: a browser may refuse storage, and bad input must become a message.
function safely<T>(f: () => T): T | {ok: false; error: string} | null {
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
