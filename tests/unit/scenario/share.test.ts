import {readFileSync} from "node:fs";
import {describe, expect, it} from "vitest";
import {datasetById} from "../../../loaders/datasets.js";
import {incomeYears} from "../../../components/model/incomeRows.js";
import {withGap} from "../../../components/model/incomeProjection.js";
import {incomeGapModel, readIncomeLinkV1} from "../../../components/notebooks/incomeGapModel.js";
import {defineModel, type ScenarioRow} from "../../../components/scenario/model.js";
import {
  MAX_SHARE_LENGTH,
  decodeShare,
  encodeShare,
  parseJsonBase64Url,
  withShareEntry
} from "../../../components/scenario/share.js";
import {createScenario, initialSet, rowShape, setCompare, updateRows, type ScenarioSet} from "../../../components/scenario/scenarioSet.js";

// Two models of this test only (synthetic): one keyed by year, one keyed by region.
interface SavingsData {
  start: number;
}
const savingsModel = defineModel<SavingsData>({
  id: "savings",
  title: {zh: "储蓄", en: "Savings"},
  rowKey: {key: "year", label: {zh: "年份", en: "Year"}, kind: "year"},
  columns: [
    {key: "rate", label: {zh: "利率", en: "Rate"}, kind: "percent", min: -0.1, max: 0.2},
    {key: "deposit", label: {zh: "存入", en: "Deposit"}, unit: "元", kind: "amount", min: 0, max: 1e6}
  ],
  baseline: () => ({rows: [2026, 2027, 2028, 2029].map((year) => ({year, rate: 0.03, deposit: 1000})), rule: "3%, 1000"}),
  project(rows, {start}) {
    let balance = start;
    const points = rows.map((r) => ({x: r.year as number, y: (balance = balance * (1 + (r.rate as number)) + (r.deposit as number))}));
    return {locked: {balance: points.map((p) => p.y)}, series: {balance: points}};
  },
  locked: [{key: "balance", label: {zh: "余额", en: "Balance"}, format: "元"}],
  series: [{key: "balance", label: {zh: "余额", en: "Balance"}, format: "元"}]
});

interface DistrictData {
  districts: {code: string; name: string; coverage: number}[];
}
const districtModel = defineModel<DistrictData>({
  id: "district-water",
  title: "Districts",
  rowKey: {key: "district", label: {zh: "区", en: "District"}, kind: "region"},
  rowName: (code, {districts}) => districts.find((d) => d.code === code)?.name ?? String(code),
  columns: [{key: "gain", label: {zh: "年增", en: "Gain"}, kind: "number", min: 0, max: 10, digits: 1}],
  baseline: ({districts}) => ({rows: districts.map((d) => ({district: d.code, gain: 1})), rule: "1 point a year"}),
  project(rows, {districts}) {
    const series = rows.flatMap((r, i) =>
      [2025, 2026, 2027].map((x, k) => ({x, y: Math.min(100, districts[i].coverage + (r.gain as number) * (k + 1)), z: String(r.district)}))
    );
    return {locked: {}, series: {coverage: series}};
  }
});
const districtData: DistrictData = {
  districts: [
    {code: "d1", name: "东区", coverage: 90},
    {code: "d2", name: "西区", coverage: 80},
    {code: "d3", name: "南区", coverage: 99.5}
  ]
};

const savingsShape = rowShape(savingsModel, savingsModel.baseline({start: 0}).rows);
const districtShape = rowShape(districtModel, districtModel.baseline(districtData).rows);
const savingsSet = (): ScenarioSet => {
  let set = createScenario(initialSet(savingsShape, savingsModel.baseline({start: 0}).rows), savingsShape, {name: "高 = High"});
  set = updateRows(set, savingsShape, "s1", [
    {year: 2026, rate: 0.05, deposit: 1200},
    {year: 2027, rate: 0.0525, deposit: 0},
    {year: 2028, rate: -0.01, deposit: 999999.5},
    {year: 2029, rate: 0.1 + 0.2 - 0.25, deposit: 1}
  ]);
  return createScenario(set, savingsShape, {name: "平"});
};
const districtSet = (): ScenarioSet => {
  const set = createScenario(initialSet(districtShape, districtModel.baseline(districtData).rows), districtShape, {
    rows: [
      {district: "d1", gain: 2.5},
      {district: "d2", gain: 0},
      {district: "d3", gain: 10}
    ]
  });
  return setCompare(set, ["s1"]);
};
const b64 = (text: string | Uint8Array) => Buffer.from(text).toString("base64url");
const decodeOk = (hash: string, model: any, shape: any) => {
  const result = decodeShare(hash, model, shape);
  if (!result?.ok) throw new Error(`expected a state, got ${JSON.stringify(result)}`);
  return result.state;
};
const decodeError = (hash: string, model: any, shape: any) => {
  const result = decodeShare(hash, model, shape);
  if (result === null || result.ok) throw new Error(`expected an error, got ${JSON.stringify(result)}`);
  return result.error;
};

describe("encodeShare and decodeShare", () => {
  it("a year model's set comes back exactly, with its entry named by model id and version", () => {
    const set = savingsSet();
    const entry = encodeShare(set, savingsModel);
    expect(entry).toMatch(/^savings\.v1\.[A-Za-z0-9_-]+$/);
    expect(decodeOk(`#${entry}`, savingsModel, savingsShape)).toEqual(set);
    // Row keys are written once as first year and count; a constant column as one number.
    const compact = parseJsonBase64Url(entry.split(".")[2]) as {ok: true; value: any};
    expect(compact.value.k).toEqual([2026, 4]);
    expect(compact.value.s[0]).toEqual(["baseline", "基线", [0.03, 1000], 1]);
  });

  it("a region model's set comes back exactly, row keys written as codes", () => {
    const set = districtSet();
    const entry = encodeShare(set, districtModel);
    expect(decodeOk(entry, districtModel, districtShape)).toEqual(set);
    const compact = parseJsonBase64Url(entry.split(".")[2]) as {ok: true; value: any};
    expect(compact.value.k).toEqual(["d1", "d2", "d3"]);
  });

  it("withShareEntry keeps other models' entries, so two models share one hash and read only their own", () => {
    const savings = encodeShare(savingsSet(), savingsModel);
    const district = encodeShare(districtSet(), districtModel);
    let hash = withShareEntry("", savingsModel, savings);
    expect(hash).toBe(`#${savings}`);
    hash = withShareEntry(hash, districtModel, district);
    expect(hash).toBe(`#${savings}&${district}`);
    const newer = encodeShare(initialSet(savingsShape, savingsModel.baseline({start: 0}).rows), savingsModel);
    hash = withShareEntry(hash, savingsModel, newer);
    expect(hash).toBe(`#${district}&${newer}`);
    expect(decodeOk(hash, districtModel, districtShape)).toEqual(districtSet());
    expect(decodeOk(hash, savingsModel, savingsShape).scenarios).toHaveLength(1);
    expect(decodeShare(`#${district}`, savingsModel, savingsShape)).toBeNull();
    expect(decodeShare("", savingsModel, savingsShape)).toBeNull();
    // A legacy bare entry belongs to the model that reads it, and only that model's new entry replaces it.
    expect(withShareEntry("#v1.abc&x.v1.y", savingsModel, savings)).toBe(`#v1.abc&x.v1.y&${savings}`);
    expect(withShareEntry("#v1.abc&x.v1.y", incomeGapModel, "income-gap.v1.z")).toBe("#x.v1.y&income-gap.v1.z");
  });

  it("refuses oversized, malformed, badly encoded, unknown-version and tampered entries with a message, never a throw", () => {
    const entry = encodeShare(savingsSet(), savingsModel);
    const payload = (value: unknown) => `savings.v1.${b64(JSON.stringify(value))}`;
    const compact = (parseJsonBase64Url(entry.split(".")[2]) as {ok: true; value: any}).value;
    const tamper = (change: (c: any) => void) => {
      const c = JSON.parse(JSON.stringify(compact));
      change(c);
      return payload(c);
    };
    const cases: [string, string][] = [
      [`savings.v1.${"A".repeat(MAX_SHARE_LENGTH)}`, `分享链接无效: 过长（${MAX_SHARE_LENGTH + 11} 字符）`],
      ["savings.v1.%%%", "分享链接无效: 格式错误"],
      ["savings.v1.abcde", "分享链接无效: 编码错误（base64url）"],
      [`savings.v1.${b64(new Uint8Array([0xff, 0xfe, 0x7b]))}`, "分享链接无效: 编码错误（UTF-8）"],
      [`savings.v1.${b64("{not json")}`, "分享链接无效: JSON 格式错误"],
      [`savings.v2.${entry.split(".")[2]}`, "分享链接无效: 未知版本 v2"],
      [payload({k: [2026, 4], a: "baseline", c: [], s: [], __proto__x: 1}), "分享链接无效: 情景数据无效: scenarios: 需要 1-20, 实有 0"],
      [`savings.v1.${b64('{"__proto__": {"polluted": 1}}')}`, '分享链接无效: 不允许的键 "__proto__"'],
      [payload([1, 2]), "分享链接无效: 数据结构错误: not an object"],
      [payload({k: [2026, 4], a: "s1"}), "分享链接无效: 数据结构错误: missing k, a, c or s"],
      [tamper((c) => (c.k = [2026, 5000])), "分享链接无效: 数据结构错误: invalid years"],
      [tamper((c) => (c.s[1][2][0][0] = 0.9)), "分享链接无效: 情景数据无效: scenarios[1].rows[0].rate (2026): 0.9 不在 -0.1…0.2"],
      [tamper((c) => (c.s[1][2][1] = [1, 2, "3", 4])), "分享链接无效: 数据结构错误: scenario 1: values do not match 4 rows or are not numbers"],
      [tamper((c) => (c.s[1][2][1] = [1, 2, 3])), "分享链接无效: 数据结构错误: scenario 1: values do not match 4 rows or are not numbers"],
      [tamper((c) => (c.s[1][2] = [0.05])), "分享链接无效: 数据结构错误: scenario 1: 1 columns, expected 2"],
      [tamper((c) => (c.s[1] = "s1")), "分享链接无效: 数据结构错误: scenario 1 has the wrong shape"],
      [tamper((c) => (c.s[1][1] = "")), "分享链接无效: 情景数据无效: scenarios[1].name: 名称不能为空"],
      [tamper((c) => (c.a = "s9")), '分享链接无效: 情景数据无效: activeId: 没有情景 "s9"']
    ];
    for (const [hash, message] of cases) {
      let result: ReturnType<typeof decodeShare> = null;
      expect(() => (result = decodeShare(hash, savingsModel, savingsShape)), hash.slice(0, 60)).not.toThrow();
      expect(result, hash.slice(0, 60)).toEqual({ok: false, error: message});
    }
  });

  it("refuses a link whose rows are not this page's rows: another span, one year, zero years, other regions", () => {
    const years = (first: number, count: number) =>
      `savings.v1.${b64(JSON.stringify({k: [first, count], a: "baseline", c: ["baseline"], s: [["baseline", "b", Array(2).fill(0.01), 1]]}))}`;
    expect(decodeError(years(2030, 4), savingsModel, savingsShape)).toBe(
      "分享链接无效: 数据结构错误: 链接的行 2030…2033 (4) 与本页的行 2026…2029 (4) 不符"
    );
    expect(decodeError(years(1950, 5), savingsModel, savingsShape)).toContain("链接的行 1950…1954 (5) 与本页的行");
    expect(decodeError(years(2026, 1), savingsModel, savingsShape)).toContain("链接的行 2026…2026 (1) 与本页的行");
    expect(decodeError(years(2026, 0), savingsModel, savingsShape)).toContain("链接的行 — 与本页的行 2026…2029 (4) 不符");
    const regions = `district-water.v1.${b64(JSON.stringify({k: ["d1", "d2"], a: "baseline", c: [], s: [["baseline", "b", [1], 1]]}))}`;
    expect(decodeError(regions, districtModel, districtShape)).toBe('分享链接无效: 数据结构错误: 链接的行 "d1"…"d2" (2) 与本页的行 "d1"…"d3" (3) 不符');
  });
});

// The bundled national income history, as the income page reads it.
const history = withGap(incomeYears(datasetById("income-national").load().rows));
const incomeData = {history};
const incomeBaseline = incomeGapModel.baseline(incomeData);
const incomeShape = rowShape(incomeGapModel, incomeBaseline.rows);
const fixture = JSON.parse(readFileSync(new URL("../../fixtures/share/income-v1-links.json", import.meta.url), "utf8")) as {
  baselineRows: {year: number; urban: number; rural: number}[];
  links: Record<string, string>;
  scenarios: {id: string; name: string; rows: {year: number; urban: number; rural: number}[]}[];
};

describe("income links written before entries named their model", () => {
  it("the fixture's baseline is this data's baseline, so the links describe this page", () => {
    expect(incomeShape.keys).toEqual(Array.from({length: 11}, (_, i) => 2025 + i));
    fixture.baselineRows.forEach((row, i) => {
      expect(incomeBaseline.rows[i].year).toBe(row.year);
      expect(Math.abs((incomeBaseline.rows[i].urban as number) - row.urban)).toBeLessThanOrEqual(1e-15);
      expect(Math.abs((incomeBaseline.rows[i].rural as number) - row.rural)).toBeLessThanOrEqual(1e-15);
    });
  });

  it("every v1 link in the fixture opens the same scenarios (names, ids, rates to 1e-12), with or without #", () => {
    expect(Object.keys(fixture.links)).toEqual(["onlyBaseline", "three"]);
    const expected: Record<string, typeof fixture.scenarios> = {onlyBaseline: fixture.scenarios.slice(0, 1), three: fixture.scenarios};
    for (const [name, link] of Object.entries(fixture.links)) {
      for (const hash of [link, `#${link}`, `#other.v1.abc&${link}`]) {
        const state = decodeOk(hash, incomeGapModel, incomeShape);
        expect(state.scenarios.map((s) => [s.id, s.name]), name).toEqual(expected[name].map((s) => [s.id, s.name]));
        state.scenarios.forEach((s, i) => {
          expect(s.readonly ?? false).toBe(i === 0);
          s.rows.forEach((row, k) => {
            const want = expected[name][i].rows[k];
            expect(row.year).toBe(want.year);
            expect(Math.abs((row.urban as number) - want.urban), `${name} ${s.id} ${want.year}`).toBeLessThanOrEqual(1e-12);
            expect(Math.abs((row.rural as number) - want.rural), `${name} ${s.id} ${want.year}`).toBeLessThanOrEqual(1e-12);
          });
        });
      }
    }
    const three = decodeOk(fixture.links.three, incomeGapModel, incomeShape);
    expect(three.activeId).toBe("s2");
    expect(three.compare).toEqual(["baseline", "s1", "s2"]);
  });

  it("a decoded old link re-encodes as an income-gap entry that opens the same state", () => {
    const state = decodeOk(fixture.links.three, incomeGapModel, incomeShape);
    const entry = encodeShare(state, incomeGapModel);
    expect(entry.startsWith("income-gap.v1.")).toBe(true);
    expect(decodeOk(`#${entry}`, incomeGapModel, incomeShape)).toEqual(state);
  });

  // Links that decode but describe impossible scenarios: the page's rows are 2025-2035.
  const legacy = (scenarios: unknown[], extra: object = {}) =>
    `v1.${b64(JSON.stringify({a: "s1", c: ["baseline", "s1"], s: [["baseline", "b", 2025, 11, 500, 600, 1], ...scenarios], ...extra}))}`;

  it("refuses old links for 2030-2035, 1950-1954, one year and zero years, naming the rows expected", () => {
    const cases: [unknown[], string][] = [
      [["s1", "late", 2030, 6, 550, 600], "scenarios[1].rows: 应有 11 行（2025-2035），实有 6 行"],
      [["s1", "old", 1950, 5, 550, 600], "scenarios[1].rows: 应有 11 行（2025-2035），实有 5 行"],
      [["s1", "one", 2025, 1, 550, 600], "scenarios[1].rows: 应有 11 行（2025-2035），实有 1 行"],
      [["s1", "none", 2025, 0, 550, 600], "scenarios[1].rows: 应有 11 行（2025-2035），实有 0 行"],
      [["s1", "shifted", 2030, 11, 550, 600], "scenarios[1].rows[0].year: 应为 2025，实为 2030"],
      [["s1", "ancient", 1950, 11, 550, 600], "scenarios[1].rows[0].year: 应为 2025，实为 1950"]
    ];
    for (const [scenario, message] of cases) {
      expect(decodeShare(`#${legacy([scenario])}`, incomeGapModel, incomeShape)).toEqual({ok: false, error: `分享链接无效: 情景数据无效: ${message}`});
    }
  });

  it("the reproduction's exact link is refused, and so is its baseline alone at zero years", () => {
    const reproduction = `v1.${b64(JSON.stringify({a: "s1", c: ["baseline", "s1"], s: [["baseline", "b", 2025, 11, 500, 600, 1], ["s1", "late", 2030, 6, 550, 600]]}))}`;
    expect(decodeError(`#${reproduction}`, incomeGapModel, incomeShape)).toBe(
      "分享链接无效: 情景数据无效: scenarios[1].rows: 应有 11 行（2025-2035），实有 6 行"
    );
    const zero = `v1.${b64(JSON.stringify({a: "baseline", c: ["baseline"], s: [["baseline", "b", 2025, 0, 500, 600, 1]]}))}`;
    expect(decodeError(zero, incomeGapModel, incomeShape)).toBe("分享链接无效: 情景数据无效: scenarios[0].rows: 应有 11 行（2025-2035），实有 0 行");
  });

  it("tampered and oversized old links give a message, never a throw", () => {
    const cases: [string, string][] = [
      [`v1.${"A".repeat(MAX_SHARE_LENGTH + 1)}`, `分享链接无效: 过长（${MAX_SHARE_LENGTH + 4} 字符）`],
      ["v1.%%%", "分享链接无效: not a v1 link / 不是 v1 链接"],
      ["v1.abcde", "分享链接无效: 编码错误（base64url）"],
      [`v1.${b64(new Uint8Array([0xc3, 0x28]))}`, "分享链接无效: 编码错误（UTF-8）"],
      [`v1.${b64('{"a": "s1"}')}`, "分享链接无效: missing a, c or s / 缺少 a、c 或 s"],
      [legacy([["s1", "x", 2025, 11, 5001, 600]]), "分享链接无效: 情景数据无效: scenarios[1].rows[0].urban (2025): 0.5001 不在 -0.5…0.5"],
      [legacy([["s1", "x", 2025, 11, [1, 2], 600]]), "分享链接无效: scenario 1: rates do not match 11 years"],
      [legacy([["s1", "x", "2025", 11, 500, 600]]), "分享链接无效: scenario 1: invalid years"],
      [legacy([["s1", "x", 2025, 11, 500]]), "分享链接无效: scenario 1 has the wrong shape"],
      [`v1.${b64('{"a":"s1","c":[],"s":[],"__proto__":{}}')}`, '分享链接无效: 不允许的键 "__proto__"']
    ];
    for (const [hash, message] of cases) {
      let result: ReturnType<typeof decodeShare> = null;
      expect(() => (result = decodeShare(hash, incomeGapModel, incomeShape))).not.toThrow();
      expect(result, hash.slice(0, 60)).toEqual({ok: false, error: message});
    }
    expect(() => readIncomeLinkV1("v2.abc")).toThrow("not a v1 link");
  });
});
