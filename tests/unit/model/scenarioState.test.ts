import {describe, expect, it} from "vitest";
import {constantGrowth} from "../../../components/model/assumptions.js";
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
  type ScenarioSet
} from "../../../components/model/scenarioState.js";

const baseRows = constantGrowth(2025, 2027, {urban: 0.05, rural: 0.07});
const start = () => initialSet(baseRows);

describe("scenario operations", () => {
  it("initialSet holds only the read-only baseline, active and compared", () => {
    expect(start()).toEqual({
      version: 1,
      activeId: BASELINE_ID,
      scenarios: [{id: BASELINE_ID, name: "基线 Baseline", rows: baseRows, readonly: true}],
      compare: [BASELINE_ID]
    });
  });

  it("createScenario adds s1 with the baseline's rows, makes it active and leaves the old set alone", () => {
    const before = start();
    const after = createScenario(before, {name: "快速增长"});
    expect(before.scenarios).toHaveLength(1);
    expect(after.activeId).toBe("s1");
    expect(after.scenarios[1]).toEqual({id: "s1", name: "快速增长", rows: baseRows});
    expect(after.scenarios[1].rows).not.toBe(baseRows);
    expect(createScenario(after).scenarios[2]).toMatchObject({id: "s2", name: "情景 2 / Scenario 2"});
  });

  it("duplicateScenario copies rows under '… 副本' and reuses the smallest free id", () => {
    let set = createScenario(createScenario(start()));
    set = deleteScenario(set, "s1");
    set = duplicateScenario(set, BASELINE_ID);
    expect(set.scenarios.map((s) => s.id)).toEqual([BASELINE_ID, "s2", "s1"]);
    expect(set.scenarios[2]).toEqual({id: "s1", name: "基线 Baseline 副本", rows: baseRows});
    expect(set.activeId).toBe("s1");
  });

  it("renameScenario trims the name and refuses the baseline, empty and over-60-character names", () => {
    const set = createScenario(start());
    expect(renameScenario(set, "s1", "  高增长 ").scenarios[1].name).toBe("高增长");
    expect(() => renameScenario(set, BASELINE_ID, "x")).toThrow("read-only");
    expect(() => renameScenario(set, "s1", "  ")).toThrow("name must not be empty");
    expect(() => renameScenario(set, "s1", "名".repeat(61))).toThrow("longer than 60");
    expect(renameScenario(set, "s1", "名".repeat(60)).scenarios[1].name).toHaveLength(60);
    expect(() => renameScenario(set, "nope", "x")).toThrow("no such scenario");
  });

  it("deleteScenario never removes the baseline and falls back to it when the active one goes", () => {
    let set = setCompare(createScenario(start()), [BASELINE_ID, "s1"]);
    expect(() => deleteScenario(set, BASELINE_ID)).toThrow("read-only");
    set = deleteScenario(set, "s1");
    expect(set.activeId).toBe(BASELINE_ID);
    expect(set.compare).toEqual([BASELINE_ID]);
    expect(set.scenarios).toHaveLength(1);
  });

  it("allows at most 20 scenarios", () => {
    let set: ScenarioSet = start();
    for (let i = 0; i < 19; i++) set = createScenario(set);
    expect(set.scenarios).toHaveLength(20);
    expect(() => createScenario(set)).toThrow("at most 20 scenarios");
    expect(() => duplicateScenario(set, "s1")).toThrow("at most 20 scenarios");
  });

  it("setActive and setCompare check ids; compare takes at most three", () => {
    const set = createScenario(createScenario(createScenario(start())));
    expect(setActive(set, BASELINE_ID).activeId).toBe(BASELINE_ID);
    expect(() => setActive(set, "s9")).toThrow("no such scenario");
    expect(setCompare(set, ["s1", "s1", "s2"]).compare).toEqual(["s1", "s2"]);
    expect(() => setCompare(set, [BASELINE_ID, "s1", "s2", "s3"])).toThrow("at most 3");
  });

  it("updateRows replaces a user scenario's rows after checking them, never the baseline's", () => {
    const set = createScenario(start());
    const rows = constantGrowth(2025, 2027, {urban: 0.04, rural: 0.08});
    expect(updateRows(set, "s1", rows).scenarios[1].rows).toEqual(rows);
    expect(() => updateRows(set, BASELINE_ID, rows)).toThrow("read-only");
    expect(() => updateRows(set, "s1", [{year: 2025, urban: 0.6, rural: 0}])).toThrow("out of range");
    expect(() =>
      updateRows(set, "s1", [
        {year: 2025, urban: 0, rural: 0},
        {year: 2027, urban: 0, rural: 0}
      ])
    ).toThrow("consecutive");
  });
});

describe("validateState", () => {
  const good = createScenario(start(), {name: "甲"});
  const tamper = (f: (s: any) => void) => {
    const copy = JSON.parse(JSON.stringify(good));
    f(copy);
    return validateState(copy);
  };
  const errorOf = (r: ReturnType<typeof validateState>) => (r.ok ? "accepted" : r.error);

  it("accepts a valid set and returns a fresh copy without unknown fields", () => {
    const result = tamper((s) => (s.extra = 1));
    expect(result).toEqual({ok: true, state: good});
    if (result.ok) expect(result.state.scenarios[0]).not.toBe(good.scenarios[0]);
  });

  it("rejects non-objects and an unknown version without throwing", () => {
    for (const input of [null, undefined, 42, "x", [], {}]) expect(validateState(input).ok).toBe(false);
    expect(errorOf(tamper((s) => (s.version = 2)))).toContain("unknown version");
  });

  it("rejects rates outside ±50%, non-numbers, non-integer or out-of-range years", () => {
    expect(errorOf(tamper((s) => (s.scenarios[1].rows[0].rural = 0.51)))).toContain(
      "scenarios[1].rows: 2025.rural: 0.51"
    );
    expect(errorOf(tamper((s) => (s.scenarios[1].rows[0].urban = "5%")))).toContain("out of range");
    expect(errorOf(tamper((s) => (s.scenarios[1].rows[0].urban = null)))).toContain("out of range");
    expect(errorOf(tamper((s) => (s.scenarios[1].rows[0].year = 2025.5)))).toContain("not a year");
    expect(errorOf(tamper((s) => (s.scenarios[1].rows = [{year: 2200, urban: 0, rural: 0}])))).toContain("not a year");
  });

  it("rejects long names, duplicate ids, too many scenarios, a missing active id and a bad compare list", () => {
    expect(errorOf(tamper((s) => (s.scenarios[1].name = "x".repeat(61))))).toContain("longer than 60");
    expect(errorOf(tamper((s) => (s.scenarios[1].id = BASELINE_ID)))).toContain("duplicate id");
    expect(errorOf(tamper((s) => (s.scenarios[1].id = "<img>")))).toContain("invalid id");
    expect(
      errorOf(tamper((s) => (s.scenarios = Array.from({length: 21}, (_, i) => ({...s.scenarios[1], id: `s${i}`})))))
    ).toContain("1 to 20 scenarios");
    expect(errorOf(tamper((s) => (s.activeId = "s9")))).toContain("activeId");
    expect(errorOf(tamper((s) => (s.compare = ["s1", "s9"])))).toContain("compare[1]");
    expect(errorOf(tamper((s) => (s.compare = ["s1", "s1", "s1", "s1"])))).toContain("at most 3");
  });

  it("rejects __proto__, constructor and prototype keys anywhere", () => {
    for (const key of ["__proto__", "constructor", "prototype"]) {
      const nested = JSON.parse(JSON.stringify(good).replace(`"year":2026`, `"year":2026,"${key}":{"x":1}`));
      expect(errorOf(validateState(nested))).toContain(`forbidden key`);
      expect(errorOf(validateState(nested))).toContain(key);
    }
    expect(errorOf(validateState(JSON.parse(`{"__proto__": {"polluted": true}, "version": 1}`)))).toContain(
      "state.__proto__"
    );
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("rejects absurdly deep nesting instead of overflowing the stack", () => {
    let deep: unknown = 1;
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(errorOf(validateState({...good, extra: deep}))).toContain("nested too deeply");
  });
});
