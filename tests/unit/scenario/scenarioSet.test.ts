import {afterEach, describe, expect, it, vi} from "vitest";
import {
  BASELINE_ID,
  LIMITS,
  checkName,
  checkRows,
  createScenario,
  deleteScenario,
  duplicateScenario,
  forkBaseline,
  initialSet,
  renameScenario,
  setActive,
  setCompare,
  updateRows,
  validateSet,
  withBaseline,
  type RowShape,
  type ScenarioSet
} from "../../../components/scenario/scenarioSet.js";
import type {ScenarioRow} from "../../../components/scenario/model.js";

// A three-year shape with a percent column and a plain number column (synthetic values throughout).
const shape: RowShape = {
  rowKey: "year",
  keys: [2025, 2026, 2027],
  columns: [
    {key: "rate", label: "Rate", kind: "percent", min: -0.5, max: 0.5},
    {key: "add", label: "Added", kind: "number", min: 0, max: 100}
  ]
};
const rows = (rate: number, add = 10): ScenarioRow[] => shape.keys.map((year) => ({year, rate, add}));
const base = () => initialSet(shape, rows(0.05));
const english = () => vi.stubGlobal("document", {documentElement: {lang: "en"}});
afterEach(() => vi.unstubAllGlobals());

describe("initialSet and createScenario", () => {
  it("initialSet holds only the read-only baseline, active and compared", () => {
    expect(base()).toEqual({
      version: 1,
      activeId: "baseline",
      scenarios: [{id: "baseline", name: "基线", rows: rows(0.05), readonly: true}],
      compare: ["baseline"]
    });
    english();
    expect(base().scenarios[0].name).toBe("Baseline");
  });

  it("createScenario copies the baseline as 情景 1, 情景 2 …, makes it active and compares up to three", () => {
    let set = createScenario(base(), shape);
    expect(set.activeId).toBe("s1");
    expect(set.scenarios[1]).toEqual({id: "s1", name: "情景 1", rows: rows(0.05)});
    expect(set.compare).toEqual(["baseline", "s1"]);
    set = createScenario(set, shape, {name: " 快 ", rows: rows(0.1)});
    expect(set.scenarios[2]).toEqual({id: "s2", name: "快", rows: rows(0.1)});
    set = createScenario(set, shape);
    expect(set.scenarios[3].name).toBe("情景 2");
    expect(set.compare).toEqual(["baseline", "s1", "s2"]);
    expect(set.activeId).toBe("s3");
  });

  it("createScenario refuses rows of the wrong shape and a 21st scenario", () => {
    expect(() => createScenario(base(), shape, {rows: rows(0.05).slice(1)})).toThrow("应有 3 行（2025-2027），实有 2 行");
    let set = base();
    for (let i = 1; i < LIMITS.maxScenarios; i++) set = createScenario(set, shape);
    expect(set.scenarios).toHaveLength(20);
    expect(() => createScenario(set, shape)).toThrow("最多 20 个情景");
  });
});

describe("forkBaseline", () => {
  it("makes the baseline plus the edit a new active scenario named 情景 1 and keeps the baseline", () => {
    const before = base();
    const edited = rows(0.05).map((r, i) => (i === 1 ? {...r, rate: 0.08} : r));
    const set = forkBaseline(before, shape, edited);
    expect(set.scenarios[0]).toEqual(before.scenarios[0]);
    expect(set.scenarios[0].rows[1].rate).toBe(0.05);
    expect(set.scenarios[1]).toEqual({id: "s1", name: "情景 1", rows: edited});
    expect(set.activeId).toBe("s1");
    expect(set.compare).toEqual(["baseline", "s1"]);
    expect(forkBaseline(set, shape, edited).scenarios[2].name).toBe("情景 2");
  });

  it("names the fork Scenario 1 in English", () => {
    english();
    expect(forkBaseline(base(), shape, rows(0.06)).scenarios[1].name).toBe("Scenario 1");
  });
});

describe("duplicate, rename, delete, setActive, setCompare, updateRows", () => {
  it("duplicateScenario copies rows under '… 副本', active, with the next free id", () => {
    const set = duplicateScenario(createScenario(base(), shape, {rows: rows(0.2)}), shape, "s1");
    expect(set.scenarios[2]).toEqual({id: "s2", name: "情景 1 副本", rows: rows(0.2)});
    expect(set.activeId).toBe("s2");
    expect(set.compare).toEqual(["baseline", "s1"]);
    expect(duplicateScenario(set, shape, "baseline", "B").scenarios[3]).toEqual({id: "s3", name: "B", rows: rows(0.05)});
    expect(() => duplicateScenario(set, shape, "s9")).toThrow('没有情景 "s9"');
  });

  it("renameScenario trims and checks the name and never renames the baseline", () => {
    const set = createScenario(base(), shape);
    expect(renameScenario(set, "s1", "  高增长 ").scenarios[1].name).toBe("高增长");
    expect(() => renameScenario(set, "baseline", "X")).toThrow("情景“基线”只读");
    expect(() => renameScenario(set, "s1", "   ")).toThrow("名称不能为空");
    expect(() => renameScenario(set, "s1", "a\tb")).toThrow("名称含控制字符");
    expect(() => renameScenario(set, "s1", "名".repeat(61))).toThrow("名称最多 60 个字符");
    expect(renameScenario(set, "s1", "名".repeat(60)).scenarios[1].name).toHaveLength(60);
    expect(() => checkName(5)).toThrow("名称应为文字: 5");
  });

  it("deleteScenario removes a user scenario, falls back to the baseline and frees the id; never the baseline", () => {
    let set = createScenario(createScenario(base(), shape), shape);
    set = deleteScenario(set, "s2");
    expect(set.scenarios.map((s) => s.id)).toEqual(["baseline", "s1"]);
    expect(set.activeId).toBe("baseline");
    expect(set.compare).toEqual(["baseline", "s1"]);
    expect(createScenario(set, shape).activeId).toBe("s2");
    expect(() => deleteScenario(set, "baseline")).toThrow("情景“基线”只读");
    const onlyS1 = setCompare(setActive(set, "s1"), ["s1"]);
    const after = deleteScenario(onlyS1, "s1");
    expect(after).toEqual({...base(), compare: ["baseline"]});
  });

  it("setActive and setCompare take only existing ids; compare keeps at most three, without repeats", () => {
    const set = createScenario(createScenario(createScenario(base(), shape), shape), shape);
    expect(setActive(set, "s2").activeId).toBe("s2");
    expect(() => setActive(set, "s7")).toThrow('没有情景 "s7"');
    expect(setCompare(set, ["s2", "s1", "s2"]).compare).toEqual(["s2", "s1"]);
    expect(() => setCompare(set, ["baseline", "s1", "s2", "s3"])).toThrow("最多比较 3 个情景");
    expect(() => setCompare(set, ["x"])).toThrow('没有情景 "x"');
  });

  it("updateRows replaces a user scenario's checked rows and refuses the baseline and bad rows", () => {
    const set = createScenario(base(), shape);
    expect(updateRows(set, shape, "s1", rows(-0.1, 0)).scenarios[1].rows).toEqual(rows(-0.1, 0));
    expect(() => updateRows(set, shape, "baseline", rows(0.1))).toThrow("情景“基线”只读");
    expect(() => updateRows(set, shape, "s1", rows(0.6))).toThrow("[0].rate (2025): 0.6 不在 -0.5…0.5");
  });
});

describe("checkRows", () => {
  it("keeps only the row key and the columns, and turns -0 into 0", () => {
    expect(checkRows([{year: 2025, rate: -0, add: 1, extra: "x"}, {year: 2026, rate: 0, add: 2}, {year: 2027, rate: 0, add: 3}], shape)).toEqual([
      {year: 2025, rate: 0, add: 1},
      {year: 2026, rate: 0, add: 2},
      {year: 2027, rate: 0, add: 3}
    ]);
    expect(Object.is(checkRows(rows(-0), shape)[0].rate, 0)).toBe(true);
  });
});

describe("validateSet", () => {
  const state = (change: (s: any) => void = () => {}) => {
    const s: any = JSON.parse(JSON.stringify(createScenario(base(), shape)));
    change(s);
    return s;
  };
  const error = (input: unknown) => {
    const result = validateSet(input, shape);
    expect(result.ok).toBe(false);
    return result.ok ? "" : result.error;
  };

  it("returns a clean copy of a good state, dropping unknown fields", () => {
    const input = state((s) => ((s.extra = 1), (s.scenarios[1].color = "red")));
    const result = validateSet(input, shape);
    expect(result).toEqual({ok: true, state: createScenario(base(), shape)});
  });

  it("refuses wrong row counts, wrong or missing years, out-of-bounds and non-finite values, naming the path", () => {
    const prefix = "情景数据无效: ";
    expect(error(state((s) => s.scenarios[1].rows.pop()))).toBe(`${prefix}scenarios[1].rows: 应有 3 行（2025-2027），实有 2 行`);
    expect(error(state((s) => (s.scenarios[1].rows = [])))).toBe(`${prefix}scenarios[1].rows: 应有 3 行（2025-2027），实有 0 行`);
    expect(error(state((s) => s.scenarios[1].rows.push({year: 2028, rate: 0, add: 0})))).toBe(
      `${prefix}scenarios[1].rows: 应有 3 行（2025-2027），实有 4 行`
    );
    expect(error(state((s) => s.scenarios[1].rows.forEach((r: any) => (r.year += 5))))).toBe(`${prefix}scenarios[1].rows[0].year: 应为 2025，实为 2030`);
    expect(error(state((s) => (s.scenarios[1].rows[1].year = 2027)))).toBe(`${prefix}scenarios[1].rows[1].year: 应为 2026，实为 2027`);
    expect(error(state((s) => delete s.scenarios[1].rows[2].year))).toBe(`${prefix}scenarios[1].rows[2].year: 应为 2027，实为 undefined`);
    expect(error(state((s) => (s.scenarios[1].rows[2].rate = 0.51)))).toBe(`${prefix}scenarios[1].rows[2].rate (2027): 0.51 不在 -0.5…0.5`);
    expect(error(state((s) => (s.scenarios[1].rows[0].add = -1)))).toBe(`${prefix}scenarios[1].rows[0].add (2025): -1 不在 0…100`);
    expect(error(state((s) => (s.scenarios[1].rows[0].add = "5")))).toBe(`${prefix}scenarios[1].rows[0].add (2025): "5" 不在 0…100`);
    expect(error(state((s) => (s.scenarios[0].rows[1].rate = null)))).toBe(`${prefix}scenarios[0].rows[1].rate (2026): null 不在 -0.5…0.5`);
    expect(error(state((s) => (s.scenarios[1].rows[0].add = Infinity)))).toBe(`${prefix}scenarios[1].rows[0].add (2025): Infinity 不在 0…100`);
    expect(error(state((s) => (s.scenarios[1].rows[0].rate = NaN)))).toBe(`${prefix}scenarios[1].rows[0].rate (2025): NaN 不在 -0.5…0.5`);
  });

  it("refuses forbidden keys anywhere, with their path", () => {
    expect(error(JSON.parse('{"__proto__": {"x": 1}, "version": 1}'))).toBe("情景数据无效: state.__proto__: 不允许的键");
    const nested = JSON.parse(JSON.stringify(state()).replace('"name":"情景 1"', '"name":"情景 1","constructor":{}'));
    expect(error(nested)).toBe("情景数据无效: state.scenarios[1].constructor: 不允许的键");
    expect(error(state((s) => (s.scenarios[0].rows[0] = JSON.parse('{"prototype": 1}'))))).toBe(
      "情景数据无效: state.scenarios[0].rows[0].prototype: 不允许的键"
    );
  });

  it("refuses too many or no scenarios, unknown versions, bad ids, names, active and compare", () => {
    const many = state((s) => (s.scenarios = Array.from({length: 21}, (_, i) => ({id: `s${i}`, name: `n${i}`, rows: rows(0)}))));
    expect(error(many)).toBe("情景数据无效: scenarios: 需要 1-20, 实有 21");
    expect(error(state((s) => (s.scenarios = [])))).toBe("情景数据无效: scenarios: 需要 1-20, 实有 0");
    expect(error(state((s) => (s.version = 2)))).toBe("情景数据无效: version: 未知版本 2");
    expect(error(null)).toBe("情景数据无效: state: 应为对象");
    expect(error([])).toBe("情景数据无效: state: 应为对象");
    expect(error(state((s) => (s.scenarios = "nope")))).toBe("情景数据无效: scenarios: 应为数组");
    expect(error(state((s) => (s.scenarios[1].id = "baseline")))).toBe('情景数据无效: scenarios[1].id: 重复 "baseline"');
    expect(error(state((s) => (s.scenarios[1].id = "a b")))).toBe('情景数据无效: scenarios[1].id: 无效 "a b"');
    expect(error(state((s) => (s.scenarios[1].name = "")))).toBe("情景数据无效: scenarios[1].name: 名称不能为空");
    expect(error(state((s) => (s.scenarios[1].readonly = "yes")))).toBe("情景数据无效: scenarios[1].readonly: 应为布尔值");
    expect(error(state((s) => (s.activeId = "s9")))).toBe('情景数据无效: activeId: 没有情景 "s9"');
    expect(error(state((s) => (s.compare = ["s9"])))).toBe('情景数据无效: compare[0]: 没有情景 "s9"');
    expect(error(state((s) => (s.compare = ["baseline", "s1", "baseline", "s1"])))).toBe("情景数据无效: compare: 最多 3");
  });

  it("never throws, even on a deeply nested or cyclic-free hostile value", () => {
    let deep: any = {};
    for (let i = 0; i < 20; i++) deep = {a: deep};
    expect(error(deep)).toMatch(/^情景数据无效: state(\.a)+: 嵌套过深$/);
    expect(error("text")).toBe("情景数据无效: state: 应为对象");
  });
});

describe("withBaseline", () => {
  it("puts this page's baseline first, drops other read-only entries and repairs active and compare", () => {
    const linked: ScenarioSet = {
      version: 1,
      activeId: "old",
      scenarios: [
        {id: "baseline", name: "Forged", rows: rows(0.3), readonly: true},
        {id: "old", name: "Old base", rows: rows(0.2), readonly: true},
        {id: "s1", name: "Mine", rows: rows(0.1)}
      ],
      compare: ["old"]
    };
    expect(withBaseline(linked, base())).toEqual({
      version: 1,
      activeId: BASELINE_ID,
      scenarios: [base().scenarios[0], {id: "s1", name: "Mine", rows: rows(0.1)}],
      compare: ["baseline"]
    });
  });
});
