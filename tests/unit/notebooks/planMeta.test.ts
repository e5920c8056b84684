import {readFileSync} from "node:fs";
import {csvParse} from "d3-dsv";
import {describe, expect, it} from "vitest";
import {
  HSF_2030_TARGET,
  OBSERVATION_NOTES,
  PLAN_TARGETS,
  observationNote,
  targetMeta
} from "../../../components/scorecard/planMeta.js";

// The metadata module restates columns that the tidy tables drop; every entry must agree with the bundled files.
const targets = csvParse(readFileSync("data/plan/targets.csv", "utf8"));
const indicators = csvParse(readFileSync("data/plan/plan_indicators.csv", "utf8"));
const code = (scope: string) => (scope === "national" ? "CN" : scope);

describe("PLAN_TARGETS", () => {
  it("lists the 21 targets of data/plan/targets.csv in order, with their ids, names and directions", () => {
    expect(PLAN_TARGETS.map((t) => [t.id, t.indicator, t.direction])).toEqual(
      targets.map((t) => [t.indicator_id, t.indicator_zh, t.direction])
    );
    expect(PLAN_TARGETS).toHaveLength(21);
  });

  it("has the baseline year of targets.csv, and the observed series in that year holds the baseline value", () => {
    for (const t of targets) {
      const meta = targetMeta(t.indicator_zh!);
      expect(meta.baselineYear, t.indicator_id).toBe(t.baseline_year ? Number(t.baseline_year) : null);
      if (!t.baseline_year) continue;
      const row = indicators.find(
        (r) => r.indicator_id === t.indicator_id && r.year === t.baseline_year && r.scope === "national"
      );
      expect(Number(row?.value), t.indicator_id).toBe(Number(t.baseline_value));
    }
  });

  it("maps a target to the observed series with the same indicator_id, and only to that", () => {
    for (const meta of PLAN_TARGETS) {
      const rows = indicators.filter((r) => r.indicator_id === meta.id);
      expect(meta.observed, meta.id).toBe(rows[0]?.indicator_zh ?? null);
      expect(meta.en, meta.id).toBe(rows[0]?.indicator_en ?? null);
    }
  });

  it("throws on an unknown target name, naming it", () => {
    expect(() => targetMeta("不存在")).toThrow("unknown target indicator: 不存在");
  });
});

describe("OBSERVATION_NOTES", () => {
  const annotated = new Set(Object.keys(OBSERVATION_NOTES).map((key) => key.split("|")[0]));

  it("gives every row of the annotated series its source_ref from plan_indicators.csv", () => {
    const rows = indicators.filter((r) => annotated.has(r.indicator_zh!));
    expect(rows.length).toBe(Object.keys(OBSERVATION_NOTES).length);
    for (const r of rows) {
      expect(
        observationNote(r.indicator_zh!, code(r.scope!), Number(r.year))?.ref,
        `${r.indicator_id} ${r.scope} ${r.year}`
      ).toBe(r.source_ref);
    }
  });

  it("marks the hedges SOURCES-indicators.md lists: 2023 farmland and 2024 new+upgraded as lower bounds, D* as derived", () => {
    expect(observationNote("高标准农田累计建成面积", "CN", 2023)?.hedge).toBe("lower bound");
    expect(observationNote("高标准农田当年新建和改造提升面积", "CN", 2024)?.hedge).toBe("lower bound");
    expect(observationNote("城市新能源公共汽电车占比", "CN", 2023)?.hedge).toBe("approximate");
    expect(observationNote("农村自来水普及率", "CN", 2017)?.hedge).toBe("rounded");
    expect(observationNote("农村自来水普及率", "CN", 2020)?.hedge).toBeNull();
    for (const [key, note] of Object.entries(OBSERVATION_NOTES))
      expect(note.ref.startsWith("D"), key).toBe(note.hedge === "derived");
  });

  it("returns null for an observation it does not annotate", () => {
    expect(observationNote("农村自来水普及率", "CN", 2024)).toBeNull();
  });
});

describe("HSF_2030_TARGET", () => {
  it("is the 12 亿亩 by 2030 that SOURCES-indicators.md quotes under its source key", () => {
    const sources = readFileSync("data/plan/SOURCES-indicators.md", "utf8");
    const line = sources.split("\n").find((l) => l.startsWith(`| ${HSF_2030_TARGET.ref} |`))!;
    expect(line).toContain("到2030年累计建成12亿亩高标准农田");
    expect(HSF_2030_TARGET.value).toBe(12 * 10000);
  });
});
