// @vitest-environment jsdom
import {beforeEach, describe, expect, it} from "vitest";
import {ScenarioManager} from "../../../components/ScenarioManager.js";
import {GROWTH_COLUMNS, projectedColumns} from "../../../components/scenarioColumns.js";
import {constantGrowth} from "../../../components/model/assumptions.js";
import {encodeShare} from "../../../components/model/shareState.js";

const baseline = {rows: constantGrowth(2025, 2035, {urban: 0.05, rural: 0.07}), rule: "test rule: 5% / 7%"};
const start = {year: 2024, urban: 54188, rural: 23119};
const make = (storageKey: string | null = "test") =>
  ScenarioManager({baseline, columns: GROWTH_COLUMNS, lockedColumns: projectedColumns(start), storageKey});
const click = (m: HTMLElement, action: string) => (m.querySelector(`[data-action=${action}]`) as HTMLButtonElement).click();

beforeEach(() => {
  localStorage.clear();
  history.replaceState(null, "", "/income-gap");
});

describe("ScenarioManager", () => {
  it("starts on the read-only baseline, shows its rule, and refuses grid edits", () => {
    const m = make();
    expect(m.value.activeId).toBe("baseline");
    expect(m.querySelector(".scenario-rule")!.textContent).toBe("test rule: 5% / 7%");
    expect(m.grid.readOnly).toBeTruthy();
    expect((m.querySelector("[data-action=delete]") as HTMLButtonElement).disabled).toBe(true);
  });

  it("new, duplicate, rename and delete go through the model and fire one input event each", () => {
    const m = make();
    let events = 0;
    m.addEventListener("input", () => events++);
    click(m, "new");
    expect(m.value.activeId).toBe("s1");
    expect(m.grid.readOnly).toBe(false);
    click(m, "duplicate");
    expect(m.value.scenarios.map((s) => s.id)).toEqual(["baseline", "s1", "s2"]);
    const name = m.querySelector("input[aria-label^='情景名称']") as HTMLInputElement;
    name.value = "高增长 High";
    name.dispatchEvent(new Event("change", {bubbles: true}));
    expect(m.value.scenarios[2].name).toBe("高增长 High");
    expect(m.grid.label).toContain("高增长 High");
    click(m, "delete");
    expect(m.value.scenarios.map((s) => s.id)).toEqual(["baseline", "s1"]);
    expect(events).toBe(4);
  });

  it("a grid edit updates the active scenario, and a cleared cell repeats the year above", () => {
    const m = make();
    m.applyRows(constantGrowth(2025, 2035, {urban: 0.05, rural: 0.08}));
    m.grid.value = m.grid.value.map((r, i) => (i === 0 ? {...r, urban: 0.1} : i === 3 ? {...r, rural: null} : r));
    // value= does not fire; an edit does: simulate the grid's commit
    m.grid.dispatchEvent(new Event("input", {bubbles: true}));
    expect(m.notice).toBe("");
    expect(m.value.scenarios[1].rows[0].urban).toBe(0.1);
    expect(m.value.scenarios[1].rows[3].rural).toBe(0.08);
  });

  it("compare keeps at most three scenarios and disables the other boxes", () => {
    const m = make();
    for (let i = 0; i < 3; i++) click(m, "new");
    const boxes = () => [...m.querySelectorAll<HTMLInputElement>(".scenario-compare input")];
    for (const id of ["s1", "s2"]) {
      const box = boxes().find((b) => b.value === id)!;
      box.checked = true;
      box.dispatchEvent(new Event("change", {bubbles: true}));
    }
    expect(m.value.compare).toEqual(["baseline", "s1", "s2"]);
    expect(boxes().find((b) => b.value === "s3")!.disabled).toBe(true);
  });

  it("persists to localStorage and the hash, and a new manager reads them back", () => {
    const m = make();
    m.applyRows(constantGrowth(2025, 2035, {urban: 0.04, rural: 0.09}), "Saved");
    expect(location.hash).toMatch(/^#v1\./);
    const fromHash = make(null);
    expect(fromHash.value.scenarios[1].rows[0].rural).toBe(0.09);
    history.replaceState(null, "", "/income-gap");
    const fromStorage = make();
    expect(fromStorage.value.scenarios[1].name).toBe("Saved");
  });

  it("a tampered hash shows a message and falls back to the baseline without throwing", () => {
    for (const hash of ["#v9.abc", "#v1.%%%", `#v1.${"A".repeat(200_000)}`, "#v1.eyJfX3Byb3RvX18iOnt9fQ"]) {
      history.replaceState(null, "", `/income-gap${hash}`);
      const m = make();
      expect(m.notice).toContain("shared link could not be read");
      expect((m.querySelector(".scenario-notice") as HTMLElement).hidden).toBe(false);
      expect(m.value.scenarios.map((s) => s.id)).toEqual(["baseline"]);
    }
  });

  it("a link's own baseline is replaced by the page's, so a link cannot change the data-derived baseline", () => {
    const m = make();
    const forged = {...m.value, scenarios: [{...m.value.scenarios[0], rows: constantGrowth(2025, 2035, {urban: 0.3, rural: 0})}]};
    history.replaceState(null, "", `/income-gap#${encodeShare(forged)}`);
    expect(make(null).value.scenarios[0].rows[0].urban).toBe(0.05);
  });

  it("bad saved state in localStorage gives a message and the baseline", () => {
    localStorage.setItem("test", '{"version": 1, "scenarios": "nope"}');
    const m = make();
    expect(m.notice).toContain("Saved scenarios could not be read");
    expect(m.value.activeId).toBe("baseline");
  });
});
