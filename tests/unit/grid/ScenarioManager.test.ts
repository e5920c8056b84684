// @vitest-environment jsdom
import {beforeEach, describe, expect, it, vi} from "vitest";
import {ScenarioManager, type ScenarioManagerElement} from "../../../components/ScenarioManager.js";
import {incomeGapModel} from "../../../components/notebooks/incomeGapModel.js";
import {withGap} from "../../../components/model/incomeProjection.js";
import {defineModel, type ScenarioRow} from "../../../components/scenario/model.js";
import {encodeShare} from "../../../components/scenario/share.js";
import {flushAfterFrame} from "../../../components/afterFrame.js";
import {createScenario, initialSet, rowShape, type ScenarioSet} from "../../../components/scenario/scenarioSet.js";

// The bundled 2019 and 2024 national incomes: the income model's baseline is their five-year CAGR.
const data = {history: withGap([{year: 2019, urban: 42359, rural: 16021}, {year: 2024, urban: 54188, rural: 23119}])};
const baseline = incomeGapModel.baseline(data);
const shape = rowShape(incomeGapModel, baseline.rows);
const KEY = "yearbook-scenarios:income-gap";
const rows = (urban: number, rural: number): ScenarioRow[] => shape.keys.map((year) => ({year, urban, rural}));

const make = (options = {}) => {
  const m = ScenarioManager(incomeGapModel, data, options);
  document.body.append(m);
  return m;
};
const click = (m: HTMLElement, action: string) => (m.querySelector(`[data-action=${action}]`) as HTMLButtonElement).click();
const cell = (m: ScenarioManagerElement<any>, r: number, c: number) => m.grid.querySelector(`td[data-row="${r}"][data-col="${c}"]`) as HTMLElement;
const keydown = (target: Element, key: string, init: KeyboardEventInit = {}) =>
  target.dispatchEvent(new KeyboardEvent("keydown", {key, bubbles: true, cancelable: true, ...init}));
/** Types `text` into a cell as an analyst does: select, start typing, Enter. */
function type(m: ScenarioManagerElement<any>, r: number, c: number, text: string) {
  cell(m, r, c).dispatchEvent(new MouseEvent("mousedown", {bubbles: true, cancelable: true}));
  keydown(m.grid.querySelector("td.active")!, text[0]);
  const editor = m.grid.querySelector("input.grid-editor") as HTMLInputElement;
  editor.value = text;
  keydown(editor, "Enter");
}
function paste(m: ScenarioManagerElement<any>, r: number, c: number, text: string) {
  cell(m, r, c).dispatchEvent(new MouseEvent("mousedown", {bubbles: true, cancelable: true}));
  const event = new Event("paste", {bubbles: true, cancelable: true});
  Object.defineProperty(event, "clipboardData", {value: {getData: () => text}});
  m.grid.querySelector("td.active")!.dispatchEvent(event);
}
const noticeBox = (m: HTMLElement) => m.querySelector(".scenario-notice") as HTMLElement;
// Saving waits for the frame after a change; these read what has been saved once it ran.
const stored = (key = KEY) => (flushAfterFrame(), localStorage.getItem(key));
const shownHash = () => (flushAfterFrame(), location.hash);

beforeEach(() => {
  document.body.replaceChildren();
  flushAfterFrame(); // the last test's panel saves nothing into this one's storage
  localStorage.clear();
  history.replaceState(null, "", "/income-gap");
});

describe("ScenarioManager on the read-only baseline", () => {
  it("starts on the baseline with its rule, nothing saved and nothing in the hash", () => {
    const m = make();
    expect(m.value).toEqual(initialSet(shape, baseline.rows));
    expect(m.querySelector(".scenario-rule")!.textContent).toBe(
      "基线：按 2019-2024 年复合平均增速外推（城镇 5.05%，农村 7.61%）。 基线只读：直接输入即可新建情景。"
    );
    expect((m.querySelector("[data-action=delete]") as HTMLButtonElement).disabled).toBe(true);
    expect((m.querySelector(".scenario-name") as HTMLInputElement).disabled).toBe(true);
    expect(m.notice).toBe("");
    expect(noticeBox(m).hidden).toBe(true);
    expect(stored()).toBeNull();
    expect(shownHash()).toBe("");
  });

  it("typing into the baseline forks 情景 1 with that edit, selects it and says so; the baseline never changes", () => {
    const m = make();
    let events = 0;
    m.addEventListener("input", () => events++);
    type(m, 1, 0, "8");
    expect(m.value.activeId).toBe("s1");
    expect(m.value.scenarios.map((s) => [s.id, s.name])).toEqual([["baseline", "基线"], ["s1", "情景 1"]]);
    expect(m.value.scenarios[0].rows).toEqual(baseline.rows);
    expect(m.value.scenarios[1].rows).toEqual(baseline.rows.map((r, i) => (i === 1 ? {...r, urban: 0.08} : r)));
    expect(m.value.compare).toEqual(["baseline", "s1"]);
    expect(m.notice).toBe("已用你的修改新建“情景 1”，基线保持不变");
    expect(noticeBox(m).textContent).toBe(m.notice);
    expect(noticeBox(m).hidden).toBe(false);
    expect((m.querySelector(".scenario-picker") as HTMLSelectElement).value).toBe("s1");
    expect(m.grid.label).toBe("城乡收入差距情景: 情景 1");
    expect(events).toBe(1);
    // The next edit goes into 情景 1 and the notice clears; the baseline still holds the data's rates.
    type(m, 2, 1, "9");
    expect(m.value.scenarios.map((s) => s.id)).toEqual(["baseline", "s1"]);
    expect(m.value.scenarios[1].rows[2].rural).toBe(0.09);
    expect(m.value.scenarios[0].rows).toEqual(baseline.rows);
    expect(m.notice).toBe("");
    // Saved after the frame that shows the edit, not inside it: nothing is written yet, then the latest state is.
    expect([localStorage.getItem(KEY), location.hash]).toEqual([null, ""]);
    expect(JSON.parse(stored()!)).toEqual(m.value);
    expect(shownHash()).toBe(`#${encodeShare(m.value, incomeGapModel)}`);
  });

  it("in English the fork is named Scenario 1 and the notice says so", () => {
    document.documentElement.lang = "en";
    try {
      const m = make();
      type(m, 0, 0, "6");
      expect(m.value.scenarios.map((s) => s.name)).toEqual(["Baseline", "Scenario 1"]);
      expect(m.notice).toBe("Created “Scenario 1” from your edit; the baseline is unchanged");
      expect(m.value.scenarios[1].rows[0].urban).toBe(0.06);
    } finally {
      document.documentElement.removeAttribute("lang");
    }
  });

  it("a paste into the baseline forks too, and the locked ratio follows the pasted rates", () => {
    const m = make();
    paste(m, 0, 0, "5\t7\n5\t7");
    expect(m.value.activeId).toBe("s1");
    expect(m.value.scenarios[1].rows.slice(0, 2)).toEqual([
      {year: 2025, urban: 0.05, rural: 0.07},
      {year: 2026, urban: 0.05, rural: 0.07}
    ]);
    expect(m.value.scenarios[0].rows).toEqual(baseline.rows);
    expect(cell(m, 0, 2).textContent).toBe(((54188 * 1.05) / (23119 * 1.07)).toFixed(3));
  });

  it("an invalid cell typed into the baseline is refused by the grid and forks nothing", () => {
    const m = make();
    type(m, 0, 1, "abc");
    expect(m.value.scenarios.map((s) => s.id)).toEqual(["baseline"]);
    expect(m.grid.messages).toEqual(['2025 农村增速 %: "abc" 不是数字 / not a number']);
    expect(stored()).toBeNull();
  });
});

describe("ScenarioManager actions", () => {
  it("new, duplicate, rename and delete go through the scenario set and fire one input event each", () => {
    const m = make();
    let events = 0;
    m.addEventListener("input", () => events++);
    click(m, "new");
    expect(m.value.activeId).toBe("s1");
    click(m, "duplicate");
    expect(m.value.scenarios.map((s) => [s.id, s.name])).toEqual([["baseline", "基线"], ["s1", "情景 1"], ["s2", "情景 1 副本"]]);
    const name = m.querySelector(".scenario-name") as HTMLInputElement;
    name.value = " 高增长 High ";
    name.dispatchEvent(new Event("change", {bubbles: true}));
    expect(m.value.scenarios[2].name).toBe("高增长 High");
    expect(m.grid.label).toBe("城乡收入差距情景: 高增长 High");
    click(m, "delete");
    expect(m.value.scenarios.map((s) => s.id)).toEqual(["baseline", "s1"]);
    expect(m.value.activeId).toBe("baseline");
    expect(events).toBe(4);
    name.value = "";
    click(m, "new");
    name.value = "   ";
    name.dispatchEvent(new Event("change", {bubbles: true}));
    expect(m.notice).toBe("名称不能为空");
    expect(m.value.scenarios[2].name).toBe("情景 2");
  });

  it("a grid edit updates the active scenario, and a cleared cell repeats the year above", () => {
    const m = make();
    m.applyRows(rows(0.05, 0.08), "Eight");
    expect(m.value.scenarios[1].name).toBe("Eight");
    type(m, 0, 0, "10");
    cell(m, 3, 1).dispatchEvent(new MouseEvent("mousedown", {bubbles: true, cancelable: true}));
    keydown(m.grid.querySelector("td.active")!, "Delete");
    expect(m.notice).toBe("");
    expect(m.value.scenarios[1].rows[0].urban).toBe(0.1);
    expect(m.value.scenarios[1].rows[1].urban).toBe(0.05);
    expect(m.value.scenarios[1].rows[3].rural).toBe(0.08);
    expect(m.grid.value[3].rural).toBe(null);
    expect(m.value.scenarios.map((s) => s.id)).toEqual(["baseline", "s1"]);
  });

  it("a grid edit keeps the picker's options and the compare boxes (same elements); a rename rebuilds them with the name", () => {
    const m = make();
    m.applyRows(rows(0.05, 0.08), "Eight");
    const options = () => [...m.querySelectorAll(".scenario-picker option")];
    const boxes = () => [...m.querySelectorAll(".scenario-compare input")];
    const [optionsBefore, boxesBefore] = [options(), boxes()];
    type(m, 0, 0, "10");
    paste(m, 2, 1, "9");
    expect(m.value.scenarios[1].rows[2].rural).toBe(0.09);
    expect(options()).toEqual(optionsBefore);
    expect(options().every((o, i) => o === optionsBefore[i]) && boxes().every((b, i) => b === boxesBefore[i])).toBe(true);
    const name = m.querySelector(".scenario-name") as HTMLInputElement;
    name.value = "Nine";
    name.dispatchEvent(new Event("change", {bubbles: true}));
    expect(options()[1]).not.toBe(optionsBefore[1]);
    expect(options().map((o) => o.textContent)).toEqual(["基线（只读）", "Nine"]);
    expect(m.querySelector(".scenario-compare")!.textContent).toContain(" Nine ");
  });

  it("the same value in every row makes a constant scenario from the baseline, then updates it", () => {
    const m = make();
    const inputs = [...m.querySelectorAll<HTMLInputElement>(".constant-columns input")];
    expect(inputs.map((i) => i.dataset.key)).toEqual(["urban", "rural"]);
    inputs[1].value = "7.5";
    inputs[1].dispatchEvent(new Event("change", {bubbles: true}));
    expect(m.value.scenarios[1].name).toBe("常数情景");
    expect(m.value.scenarios[1].rows).toEqual(baseline.rows.map((r) => ({...r, rural: 0.075})));
    inputs[0].value = "4";
    inputs[0].dispatchEvent(new Event("change", {bubbles: true}));
    expect(m.value.scenarios).toHaveLength(2);
    expect(m.value.scenarios[1].rows).toEqual(rows(0.04, 0.075));
  });

  it("compare keeps at most three scenarios and disables the other boxes", () => {
    const m = make();
    for (let i = 0; i < 3; i++) click(m, "new");
    const boxes = () => [...m.querySelectorAll<HTMLInputElement>(".scenario-compare input")];
    expect(m.value.compare).toEqual(["baseline", "s1", "s2"]);
    expect(boxes().find((b) => b.value === "s3")!.disabled).toBe(true);
    const s1 = boxes().find((b) => b.value === "s1")!;
    s1.checked = false;
    s1.dispatchEvent(new Event("change", {bubbles: true}));
    expect(m.value.compare).toEqual(["baseline", "s2"]);
    expect(boxes().find((b) => b.value === "s3")!.disabled).toBe(false);
  });
});

describe("ScenarioManager limits and outside changes", () => {
  it("New and Duplicate are disabled at 20 scenarios", () => {
    const m = make();
    for (let i = 0; i < 19; i++) click(m, "new");
    expect(m.value.scenarios).toHaveLength(20);
    expect((m.querySelector("[data-action=new]") as HTMLButtonElement).disabled).toBe(true);
    expect((m.querySelector("[data-action=duplicate]") as HTMLButtonElement).disabled).toBe(true);
    click(m, "delete");
    expect((m.querySelector("[data-action=new]") as HTMLButtonElement).disabled).toBe(false);
  });

  it("setting value shows a checked set with this page's baseline, and refuses a bad one with a message", () => {
    const m = make();
    const next = createScenario(initialSet(shape, baseline.rows), shape, {name: "外部", rows: rows(0.02, 0.03)});
    m.value = next;
    expect(m.value).toEqual(next);
    expect(m.grid.value).toEqual(rows(0.02, 0.03));
    m.value = {...next, scenarios: [next.scenarios[0], {...next.scenarios[1], rows: rows(0.02, 0.03).slice(1)}]};
    expect(m.notice).toBe("情景数据无效: scenarios[1].rows: 应有 11 行（2025-2035），实有 10 行");
    expect(m.value).toEqual(next);
  });

  it("a storage that refuses to save does not break editing", () => {
    const refusing = {getItem: () => null, setItem: () => {
      throw new Error("QuotaExceededError");
    }} as unknown as Storage;
    const m = make({storage: refusing});
    expect(() => type(m, 0, 0, "6")).not.toThrow();
    expect(m.value.scenarios[1].rows[0].urban).toBe(0.06);
    expect(shownHash()).toBe(`#${encodeShare(m.value, incomeGapModel)}`);
  });
});

describe("ScenarioManager links and storage", () => {
  const saved = (): ScenarioSet => createScenario(initialSet(shape, baseline.rows), shape, {name: "Saved", rows: rows(0.04, 0.09)});

  it("a valid link is shown without overwriting saved scenarios until the first edit", () => {
    localStorage.setItem(KEY, JSON.stringify(saved()));
    const before = stored();
    const linked = createScenario(initialSet(shape, baseline.rows), shape, {name: "Linked", rows: rows(0.03, 0.1)});
    history.replaceState(null, "", `/income-gap#${encodeShare(linked, incomeGapModel)}`);
    const m = make();
    expect(m.value).toEqual(linked);
    expect(m.notice).toBe("已打开链接中的情景");
    expect(stored()).toBe(before);
    click(m, "new");
    expect(JSON.parse(stored()!).scenarios.map((s: {name: string}) => s.name)).toEqual(["基线", "Linked", "情景 1"]);
  });

  it("a change is saved to storage and the hash, and a new manager reads it back from either", () => {
    const m = make();
    m.applyRows(rows(0.04, 0.09), "Saved");
    expect(shownHash().startsWith("#income-gap.v1.")).toBe(true);
    const fromHash = make({storage: null});
    expect(fromHash.value).toEqual(m.value);
    history.replaceState(null, "", "/income-gap");
    const fromStorage = make();
    expect(fromStorage.value).toEqual(m.value);
    expect(fromStorage.value.scenarios[1]).toEqual({id: "s1", name: "Saved", rows: rows(0.04, 0.09)});
  });

  it("saved scenarios open when there is no link, with this page's baseline", () => {
    localStorage.setItem(KEY, JSON.stringify(saved()));
    const m = make();
    expect(m.value).toEqual(saved());
    expect(m.notice).toBe("");
  });

  it("a bad link shows the baseline with a message, writes nothing to storage and leaves the hash", () => {
    localStorage.setItem(KEY, JSON.stringify(saved()));
    const before = stored();
    const b64 = (s: string) => Buffer.from(s).toString("base64url");
    const hashes = [
      // The reproduction: a link for 2030-2035 decodes but describes rows this page does not have.
      `#v1.${b64(JSON.stringify({a: "s1", c: ["baseline", "s1"], s: [["baseline", "b", 2025, 11, 500, 600, 1], ["s1", "late", 2030, 6, 550, 600]]}))}`,
      `#v1.${b64(JSON.stringify({a: "s1", c: ["baseline", "s1"], s: [["baseline", "b", 2025, 11, 500, 600, 1], ["s1", "old", 1950, 5, 550, 600]]}))}`,
      `#v1.${b64(JSON.stringify({a: "s1", c: ["baseline", "s1"], s: [["baseline", "b", 2025, 11, 500, 600, 1], ["s1", "one", 2025, 1, 550, 600]]}))}`,
      `#v1.${b64(JSON.stringify({a: "s1", c: ["baseline", "s1"], s: [["baseline", "b", 2025, 11, 500, 600, 1], ["s1", "zero", 2025, 0, 550, 600]]}))}`,
      "#v9.abc",
      "#v1.%%%",
      `#v1.${"A".repeat(200_000)}`,
      "#v1.eyJfX3Byb3RvX18iOnt9fQ",
      "#income-gap.v1.eyJrIjpbMjAzMCw2XX0",
      "#income-gap.v7.abc"
    ];
    for (const hash of hashes) {
      history.replaceState(null, "", `/income-gap${hash}`);
      let m: ScenarioManagerElement<any> | undefined;
      expect(() => (m = make()), hash.slice(0, 40)).not.toThrow();
      expect(m!.notice, hash.slice(0, 40)).toMatch(/^分享链接无效: .+\. 已显示基线$/);
      expect(noticeBox(m!).hidden).toBe(false);
      expect(m!.value).toEqual(initialSet(shape, baseline.rows));
      expect(m!.grid.querySelectorAll(".grid-message:not(:empty)").length).toBe(0);
      expect(stored()).toBe(before);
      expect(shownHash()).toBe(hash);
    }
    // Opening the page again without the link shows what was saved, not the link's errors.
    history.replaceState(null, "", "/income-gap");
    expect(make().value).toEqual(saved());
  });

  it("a bad link writes nothing even when nothing was saved", () => {
    history.replaceState(null, "", "/income-gap#v1.eyJhIjoiczEifQ");
    const m = make();
    expect(m.notice).toBe("分享链接无效: missing a, c or s / 缺少 a、c 或 s. 已显示基线");
    expect(stored()).toBeNull();
  });

  it("a link's own baseline is replaced by the page's, so a link cannot change the data-derived baseline", () => {
    const forged: ScenarioSet = {...initialSet(shape, baseline.rows), scenarios: [{id: "baseline", name: "基线", rows: rows(0.3, 0), readonly: true}]};
    history.replaceState(null, "", `/income-gap#${encodeShare(forged, incomeGapModel)}`);
    expect(make({storage: null}).value.scenarios[0].rows).toEqual(baseline.rows);
  });

  it("bad saved state gives a message and the baseline, and is replaced only by the next change", () => {
    localStorage.setItem(KEY, '{"version": 1, "scenarios": "nope"}');
    const m = make();
    expect(m.notice).toBe("本地保存的情景无法读取，已显示基线: 情景数据无效: scenarios: 应为数组");
    expect(m.value).toEqual(initialSet(shape, baseline.rows));
    expect(stored()).toBe('{"version": 1, "scenarios": "nope"}');
    localStorage.setItem(KEY, "{");
    expect(make().notice).toMatch(/^本地保存的情景无法读取，已显示基线: /);
  });

  it("storage: null keeps scenarios in the link only", () => {
    const m = make({storage: null});
    click(m, "new");
    expect(stored()).toBeNull();
    expect(shownHash().startsWith("#income-gap.v1.")).toBe(true);
    expect((m.querySelector(".share-url") as HTMLInputElement).value).toBe(location.href);
  });
});

describe("ScenarioManager file import", () => {
  const importFile = async (m: ScenarioManagerElement<any>, name: string, text: string) => {
    const input = m.querySelector("input[type=file]") as HTMLInputElement;
    // jsdom's File has no text(); the manager reads only name and text().
    Object.defineProperty(input, "files", {value: [{name, text: async () => text}], configurable: true});
    const before = m.notice;
    input.dispatchEvent(new Event("change", {bubbles: true}));
    await vi.waitFor(() => expect(m.notice).not.toBe(before));
  };
  const header = "scenario,year,urban_growth_pct,rural_growth_pct";

  it("a CSV with a bad cell is refused with its file, line and column, and changes nothing", async () => {
    const m = make();
    await importFile(m, "bad.csv", [header, "a,2025,5,6", "a,2026,5,abc"].join("\n"));
    expect(m.notice).toBe('bad.csv: CSV 导入失败: 第 3 行第 4 列（rural_growth_pct）: "abc" 不是数字 / not a number');
    expect(m.value).toEqual(initialSet(shape, baseline.rows));
    expect(stored()).toBeNull();
  });

  it("a single CSV row x,2025,5.5,6 is refused, naming the years it lacks", async () => {
    const m = make();
    await importFile(m, "one.csv", `${header}\nx,2025,5.5,6\n`);
    expect(m.notice).toBe("one.csv: CSV 导入失败: x: 缺少 2026, 2027, 2028, 2029, 2030…");
    expect(stored()).toBeNull();
  });

  it("a good CSV or JSON file replaces the scenarios, keeps the page's baseline and is saved", async () => {
    const m = make();
    const csv = [header, ...shape.keys.map((y) => `导入,${y},4,8`)].join("\n");
    await importFile(m, "good.csv", csv);
    expect(m.notice).toBe("已导入 good.csv");
    expect(m.value.scenarios.map((s) => [s.id, s.name])).toEqual([["baseline", "基线"], ["s1", "导入"]]);
    expect(m.value.scenarios[1].rows).toEqual(rows(0.04, 0.08));
    expect(JSON.parse(stored()!)).toEqual(m.value);
    const json = JSON.stringify({model: "farmland", ...m.value});
    await importFile(m, "other.json", json);
    expect(m.notice).toBe('other.json: JSON 导入失败: 文件属于模型 "farmland"，不是 income-gap');
  });
});

// Two models of this test only (synthetic), to put two panels on one page.
const savingsModel = defineModel<null>({
  id: "savings",
  title: "Savings",
  rowKey: {key: "year", label: "Year", kind: "year"},
  columns: [{key: "rate", label: "Rate", kind: "percent", min: -0.1, max: 0.2}],
  baseline: () => ({rows: [2026, 2027].map((year) => ({year, rate: 0.03})), rule: "3%"}),
  project: (rows) => ({locked: {}, series: {rate: rows.map((r) => ({x: r.year as number, y: r.rate as number}))}})
});
const districtModel = defineModel<null>({
  id: "district-water",
  title: "Districts",
  rowKey: {key: "district", label: "District", kind: "region"},
  rowName: (code) => ({d1: "东区", d2: "西区"})[code as "d1" | "d2"],
  columns: [{key: "gain", label: "Gain", kind: "number", min: 0, max: 10}],
  baseline: () => ({rows: [{district: "d1", gain: 1}, {district: "d2", gain: 2}], rule: "1-2 points"}),
  project: () => ({locked: {}, series: {}})
});

describe("two panels on one page", () => {
  it("keep separate hash entries and storage keys, and each reads back only its own", () => {
    const savings = ScenarioManager(savingsModel, null);
    const district = ScenarioManager(districtModel, null);
    document.body.append(savings, district);
    expect(district.grid.querySelector("tbody th")!.textContent).toBe("东区");
    type(savings, 0, 0, "5");
    type(district, 1, 0, "4");
    expect(savings.value.scenarios[1].rows).toEqual([{year: 2026, rate: 0.05}, {year: 2027, rate: 0.03}]);
    expect(district.value.scenarios[1].rows).toEqual([{district: "d1", gain: 1}, {district: "d2", gain: 4}]);
    expect(shownHash()).toBe(`#${encodeShare(savings.value, savingsModel)}&${encodeShare(district.value, districtModel)}`);
    expect(JSON.parse(stored("yearbook-scenarios:savings")!)).toEqual(savings.value);
    expect(JSON.parse(stored("yearbook-scenarios:district-water")!)).toEqual(district.value);
    expect((flushAfterFrame(), localStorage.length)).toBe(2);
    // No fixed ids: nothing on the page shares an id, and the compare boxes are grouped per model.
    const ids = [...document.querySelectorAll("[id]")].map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(new Set([...document.querySelectorAll<HTMLInputElement>(".scenario-compare input")].map((i) => i.name))).toEqual(
      new Set(["compare-savings", "compare-district-water"])
    );
    // A fresh page with the link and no storage opens both panels' scenarios.
    localStorage.clear();
    document.body.replaceChildren();
    expect(ScenarioManager(savingsModel, null).value).toEqual(savings.value);
    expect(ScenarioManager(districtModel, null).value).toEqual(district.value);
    expect((flushAfterFrame(), localStorage.length)).toBe(0);
  });

  it("a bad entry for one model leaves the other model's entry working", () => {
    const district = ScenarioManager(districtModel, null);
    click(district, "new");
    history.replaceState(null, "", `/page${shownHash()}&savings.v1.%%%`);
    const savings = ScenarioManager(savingsModel, null);
    expect(savings.notice).toBe("分享链接无效: 格式错误. 已显示基线");
    expect(ScenarioManager(districtModel, null).value).toEqual(district.value);
  });
});

describe("ScenarioManager after a link, with scenarios saved in this browser", () => {
  function saveOwn(): ScenarioSet {
    const own = createScenario(initialSet(shape, baseline.rows), shape, {name: "我的 Mine", rows: rows(0.04, 0.09)});
    localStorage.setItem(KEY, JSON.stringify(own));
    return own;
  }
  const restore = (m: HTMLElement) => m.querySelector("[data-action=restore-saved]") as HTMLButtonElement;

  it("a bad link shows the baseline, offers to restore, and an edit keeps the saved scenarios restorable", () => {
    const own = saveOwn();
    history.replaceState(null, "", `/income-gap#income-gap.v1.${"%%%"}`);
    const m = make();
    expect(m.value.scenarios.map((s) => s.id)).toEqual(["baseline"]);
    expect(restore(m).hidden).toBe(false);
    type(m, 0, 1, "9");
    expect(m.value.scenarios.map((s) => s.name)).toEqual(["基线", "情景 1"]);
    // The edit is saved, and what was saved before the link is kept aside, not lost.
    expect(JSON.parse(stored()!).scenarios[1].name).toBe("情景 1");
    expect(JSON.parse(stored(`${KEY}:before-link`)!)).toEqual(own);
    restore(m).click();
    expect(m.value.scenarios.map((s) => s.name)).toEqual(["基线", "我的 Mine"]);
    expect(m.value.scenarios[1].rows[0]).toEqual({year: 2025, urban: 0.04, rural: 0.09});
    expect(m.notice).toBe("已恢复本浏览器保存的情景");
    expect(JSON.parse(stored()!).scenarios[1].name).toBe("我的 Mine");
    expect(stored(`${KEY}:before-link`)).toBeNull();
    expect(restore(m).hidden).toBe(true);
  });

  it("without a link, or with nothing saved, there is nothing to restore", () => {
    saveOwn();
    expect(restore(make()).hidden).toBe(true);
    localStorage.clear();
    document.body.replaceChildren();
    history.replaceState(null, "", `/income-gap#${encodeShare(initialSet(shape, baseline.rows), incomeGapModel)}`);
    expect(restore(make()).hidden).toBe(true);
  });
});

describe("ScenarioManager data", () => {
  // A locked column that reads a page input besides the rows: the first year at or over a target.
  const reachModel = defineModel<{target: number}>({
    id: "reach",
    title: "Reach",
    rowKey: {key: "year", label: "Year", kind: "year"},
    columns: [{key: "level", label: "Level", kind: "number", min: 0, max: 100}],
    baseline: () => ({rows: [2026, 2027, 2028].map((year, i) => ({year, level: 10 * (i + 1)})), rule: "10, 20, 30"}),
    project: (rows, {target}) => ({
      locked: {reached: rows.map((r) => ((r.level as number) >= target ? 1 : 0))},
      series: {level: rows.map((r) => ({x: r.year as number, y: r.level as number}))}
    }),
    locked: [{key: "reached", label: "Reached", format: "integer"}]
  });
  const reached = (m: ScenarioManagerElement<any>) => [0, 1, 2].map((r) => cell(m, r, 1).textContent);

  it("a new value updates the locked columns in place: same panel, same scenarios, undo still works", () => {
    const m = ScenarioManager(reachModel, {target: 25}, {storage: null});
    document.body.append(m);
    expect(reached(m)).toEqual(["0", "0", "1"]);
    type(m, 0, 0, "40");
    expect(reached(m)).toEqual(["1", "0", "1"]);
    const grid = m.grid;
    const scenarios = m.value;
    m.data = {target: 15};
    expect(m.data).toEqual({target: 15});
    expect([m.grid, m.value]).toEqual([grid, scenarios]);
    expect(reached(m)).toEqual(["1", "1", "1"]);
    keydown(m.grid.querySelector("td.active")!, "z", {ctrlKey: true});
    expect(m.value.scenarios[1].rows[0].level).toBe(10);
    expect(reached(m)).toEqual(["0", "1", "1"]);
  });
});
