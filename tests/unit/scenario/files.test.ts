import {describe, expect, it} from "vitest";
import {incomeGapModel} from "../../../components/notebooks/incomeGapModel.js";
import {withGap} from "../../../components/model/incomeProjection.js";
import {defineModel} from "../../../components/scenario/model.js";
import {MAX_IMPORT_LENGTH, csvHeader, exportCsv, exportJson, importCsv, importJson} from "../../../components/scenario/share.js";
import {createScenario, initialSet, renameScenario, rowShape, updateRows, type ScenarioSet} from "../../../components/scenario/scenarioSet.js";

// The bundled 2019 and 2024 national incomes, enough for the income model's five-year baseline.
const data = {history: withGap([{year: 2019, urban: 42359, rural: 16021}, {year: 2024, urban: 54188, rural: 23119}])};
const baseline = incomeGapModel.baseline(data);
const shape = rowShape(incomeGapModel, baseline.rows);
const years = shape.keys as number[];
const incomeSet = (): ScenarioSet => {
  let set = createScenario(initialSet(shape, baseline.rows), shape, {name: "快速 Fast"});
  set = updateRows(
    set,
    shape,
    "s1",
    years.map((year, i) => ({year, urban: 0.05 + i / 1000, rural: i === 3 ? -0.0125 : 0.1 / 3}))
  );
  set = createScenario(set, shape, {name: "=cmd|' /C calc'!A0"});
  return renameScenario(createScenario(set, shape), "s3", "-2+3");
};

// A model with a plain number column and an amount column, to cover the non-percent CSV forms (synthetic).
const stockModel = defineModel<null>({
  id: "stock",
  title: "Stock",
  rowKey: {key: "region", label: "Region", kind: "region"},
  columns: [
    {key: "pace", label: "Pace", kind: "number", min: -1e6, max: 1e6},
    {key: "budget", label: "Budget", kind: "amount", min: 0, max: 1e12, csv: "budget_yuan"}
  ],
  baseline: () => ({rows: [{region: "a", pace: 1.5, budget: 2e9}, {region: "b", pace: -0.1, budget: 12345.678}], rule: "r"}),
  project: () => ({locked: {}, series: {}})
});
const stockShape = rowShape(stockModel, stockModel.baseline(null).rows);

describe("JSON export and import", () => {
  it("exportJson names the model, and importJson reads every value back exactly", () => {
    const set = incomeSet();
    const text = exportJson(set, incomeGapModel);
    expect(JSON.parse(text).model).toBe("income-gap");
    expect(importJson(text, incomeGapModel, shape)).toEqual({ok: true, state: set});
    expect(importJson("\ufeff" + text, incomeGapModel, shape)).toEqual({ok: true, state: set});
    // A stored state (no model field) is read too.
    expect(importJson(JSON.stringify(set), incomeGapModel, shape)).toEqual({ok: true, state: set});
  });

  it("importJson refuses another model's file, malformed JSON, an oversized file and a bad state, with a message", () => {
    const other = JSON.stringify({...JSON.parse(exportJson(incomeSet(), incomeGapModel)), model: "farmland"});
    expect(importJson(other, incomeGapModel, shape)).toEqual({ok: false, error: 'JSON 导入失败: 文件属于模型 "farmland"，不是 income-gap'});
    expect(importJson("{", incomeGapModel, shape)).toEqual({ok: false, error: "JSON 导入失败: JSON 格式错误"});
    expect(importJson(" ".repeat(MAX_IMPORT_LENGTH + 1), incomeGapModel, shape)).toEqual({
      ok: false,
      error: `JSON 导入失败: 文件过大（${MAX_IMPORT_LENGTH + 1} 字符）`
    });
    const short = JSON.parse(exportJson(incomeSet(), incomeGapModel));
    short.scenarios[1].rows = short.scenarios[1].rows.slice(0, 1);
    expect(importJson(JSON.stringify(short), incomeGapModel, shape)).toEqual({
      ok: false,
      error: "JSON 导入失败: 情景数据无效: scenarios[1].rows: 应有 11 行（2025-2035），实有 1 行"
    });
    expect(importJson('{"model": "income-gap", "__proto__": {}}', incomeGapModel, shape)).toEqual({
      ok: false,
      error: 'JSON 导入失败: 不允许的键 "__proto__"'
    });
  });
});

describe("CSV export and import", () => {
  it("keeps the old income header and writes percent columns in percent, exactly", () => {
    expect(csvHeader(incomeGapModel)).toEqual(["scenario", "year", "urban_growth_pct", "rural_growth_pct"]);
    const lines = exportCsv(incomeSet(), incomeGapModel).split("\n");
    expect(lines[0]).toBe("scenario,year,urban_growth_pct,rural_growth_pct");
    expect(lines).toHaveLength(1 + 44 + 1);
    expect(baseline.rows[0]).toEqual({year: 2025, urban: 0.050488940798851356, rural: 0.076108061630759});
    expect(lines[1]).toBe("基线,2025,5.0488940798851356,7.6108061630759");
    expect(lines[12]).toBe("快速 Fast,2025,5,3.333333333333333");
    expect(lines[15]).toBe("快速 Fast,2028,5.3000000000000005,-1.25");
    // Names a spreadsheet would run as a formula get an apostrophe.
    expect(lines[23]).toBe(`'=cmd|' /C calc'!A0,2025,${lines[1].split(",").slice(2).join(",")}`);
    expect(lines[34]).toBe(`'-2+3,2025,${lines[1].split(",").slice(2).join(",")}`);
    expect(lines[45]).toBe("");
  });

  it("exportCsv → importCsv gives back every scenario with exact values; the baseline comes from the page", () => {
    const set = incomeSet();
    const result = importCsv(exportCsv(set, incomeGapModel), incomeGapModel, shape, {baseline: set.scenarios[0]});
    expect(result).toEqual({ok: true, state: {version: 1, activeId: "s1", scenarios: set.scenarios, compare: ["baseline", "s1"]}});
    const withBom = importCsv("\ufeff" + exportCsv(set, incomeGapModel), incomeGapModel, shape, {baseline: set.scenarios[0]});
    expect(withBom.ok && withBom.state.scenarios.map((s) => s.name)).toEqual(["基线", "快速 Fast", "=cmd|' /C calc'!A0", "-2+3"]);
  });

  it("round-trips number and amount columns of a region model exactly, under a custom CSV name", () => {
    const set = createScenario(initialSet(stockShape, stockModel.baseline(null).rows), stockShape, {
      rows: [
        {region: "a", pace: 1e-7, budget: 999999999999.5},
        {region: "b", pace: -123456.789, budget: 0}
      ]
    });
    const text = exportCsv(set, stockModel);
    expect(text.split("\n").slice(0, 2)).toEqual(["scenario,region,pace,budget_yuan", "基线,a,1.5,2000000000"]);
    const back = importCsv(text, stockModel, stockShape);
    expect(back.ok && back.state.scenarios.map((s) => [s.id, s.name, s.rows])).toEqual([
      ["s1", "基线", set.scenarios[0].rows],
      ["s2", "情景 1", set.scenarios[1].rows]
    ]);
  });

  it("refuses a single row x,2025,5.5,6, naming the scenario and the years it lacks", () => {
    const text = "scenario,year,urban_growth_pct,rural_growth_pct\nx,2025,5.5,6\n";
    expect(importCsv(text, incomeGapModel, shape, {baseline: initialSet(shape, baseline.rows).scenarios[0]})).toEqual({
      ok: false,
      error: "CSV 导入失败: x: 缺少 2026, 2027, 2028, 2029, 2030…"
    });
    expect(importCsv(text, incomeGapModel, shape)).toEqual({ok: false, error: "CSV 导入失败: x: 缺少 2026, 2027, 2028, 2029, 2030…"});
    const twoMissing = ["scenario,year,urban_growth_pct,rural_growth_pct", ...years.slice(0, 9).map((y) => `x,${y},5,6`)].join("\n");
    expect(importCsv(twoMissing, incomeGapModel, shape)).toEqual({ok: false, error: "CSV 导入失败: x: 缺少 2034, 2035"});
  });

  it("names the line and column of each bad cell", () => {
    const header = "scenario,year,urban_growth_pct,rural_growth_pct";
    const good = years.map((y) => `a,${y},5,6`);
    const error = (lines: string[]) => {
      const result = importCsv(lines.join("\n"), incomeGapModel, shape);
      return result.ok ? "ok" : result.error;
    };
    expect(error(["scenario,year,urban,rural", ...good])).toBe("CSV 导入失败: 第 1 行: 表头应为 scenario,year,urban_growth_pct,rural_growth_pct");
    expect(error([header, good[0], "a,2026,5,abc"])).toBe('CSV 导入失败: 第 3 行第 4 列（rural_growth_pct）: "abc" 不是数字 / not a number');
    expect(error([header, "a,2025,60,6"])).toBe('CSV 导入失败: 第 2 行第 3 列（urban_growth_pct）: "60" 超出范围 -50%…50% / out of range -50%…50%');
    expect(error([header, "a,2025,,6"])).toBe("CSV 导入失败: 第 2 行第 3 列（urban_growth_pct）: 空值");
    expect(error([header, "a,2036,5,6"])).toBe('CSV 导入失败: 第 2 行第 2 列（year）: "2036" 不在本模型的行中');
    expect(error([header, ",2025,5,6"])).toBe("CSV 导入失败: 第 2 行第 1 列（scenario）: 情景名称为空");
    expect(error([header, "a,2025,5"])).toBe("CSV 导入失败: 第 2 行: 应有 4 列，实有 3 列");
    expect(error([header, good[0], good[0]])).toBe("CSV 导入失败: 第 3 行: a 2025 重复");
    expect(error([header, "", " , , , "])).toBe("CSV 导入失败: 没有情景数据");
    expect(error([header, ...good])).toBe("ok");
  });
});
