import {describe, expect, it} from "vitest";
import {constantGrowth} from "../../../components/model/assumptions.js";
import {
  createScenario,
  initialSet,
  setCompare,
  updateRows,
  type ScenarioSet
} from "../../../components/model/scenarioState.js";
import {
  CSV_HEADER,
  decodeShare,
  encodeShare,
  exportCsv,
  exportJson,
  importCsv,
  importJson
} from "../../../components/model/shareState.js";

const baseline = constantGrowth(2025, 2035, {urban: 0.0507612345, rural: 0.0761234567});
// (650 + 10i) / 10000 is the double nearest 0.065, 0.066, …: rates an analyst types, in whole basis points.
const user = constantGrowth(2025, 2035, {urban: 0.05, rural: 0.065}).map((r, i) => ({
  ...r,
  rural: (650 + 10 * i) / 10000
}));
const set: ScenarioSet = setCompare(
  updateRows(createScenario(initialSet(baseline), {name: '快速 "增长", 2035'}), "s1", user),
  ["baseline", "s1"]
);

const b64url = (text: string) => Buffer.from(text, "utf8").toString("base64url");
const errorOf = (r: ReturnType<typeof decodeShare>) => (r.ok ? "accepted" : r.error);

describe("encodeShare / decodeShare", () => {
  it("round-trips a set: whole basis points exactly, other rates to 12 significant digits", () => {
    const hash = encodeShare(set);
    expect(hash).toMatch(/^v1\.[A-Za-z0-9_-]+$/);
    const result = decodeShare(`#${hash}`);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.state.activeId).toBe("s1");
    expect(result.state.compare).toEqual(["baseline", "s1"]);
    expect(result.state.scenarios.map((s) => [s.id, s.name, s.readonly])).toEqual([
      ["baseline", "基线 Baseline", true],
      ["s1", '快速 "增长", 2035', undefined]
    ]);
    expect(result.state.scenarios[1].rows).toEqual(user);
    result.state.scenarios[0].rows.forEach((r, i) => {
      expect(r.year).toBe(baseline[i].year);
      expect(r.urban).toBeCloseTo(baseline[i].urban, 12);
      expect(r.rural).toBeCloseTo(baseline[i].rural, 12);
    });
  });

  it("is compact: two scenarios of 11 years fit in under 300 characters", () => {
    expect(encodeShare(set).length).toBeLessThan(300);
  });

  it("stores a constant series as one number", () => {
    const constant = initialSet(constantGrowth(2025, 2035, {urban: 0.05, rural: 0.07}));
    const json = Buffer.from(encodeShare(constant).slice(3), "base64url").toString("utf8");
    expect(json).toBe(`{"a":"baseline","c":["baseline"],"s":[["baseline","基线 Baseline",2025,11,500,700,1]]}`);
  });

  it("round-trips an empty scenario and negative rates", () => {
    const odd = updateRows(createScenario(initialSet([])), "s1", [{year: 2025, urban: -0.5, rural: 0.5}]);
    const result = decodeShare(encodeShare(odd));
    expect(result.ok && result.state).toEqual(odd);
  });

  it("rejects a 10 MB hash by its length, before decoding", () => {
    // "AAAA…" is valid base64url: had it been decoded, the error would name JSON or UTF-8, not the length.
    const huge = "v1." + "A".repeat(10 * 1024 * 1024);
    expect(errorOf(decodeShare(huge))).toContain("too long");
  });

  it("rejects bad base64url and bad UTF-8", () => {
    expect(errorOf(decodeShare("v1.@@@"))).toContain("bad base64url");
    expect(errorOf(decodeShare("v1.A"))).toContain("bad base64url");
    expect(errorOf(decodeShare("v1." + Buffer.from([0xff, 0xfe, 0x7b]).toString("base64url")))).toContain("bad UTF-8");
  });

  it("rejects a missing or unknown version", () => {
    expect(errorOf(decodeShare(""))).toContain("no version prefix");
    expect(errorOf(decodeShare("eyJhIjoxfQ"))).toContain("no version prefix");
    expect(errorOf(decodeShare("v2." + encodeShare(set).slice(3)))).toContain("unknown version v2");
  });

  it("rejects malformed JSON and the wrong shape", () => {
    expect(errorOf(decodeShare("v1." + b64url("{not json")))).toContain("malformed JSON");
    expect(errorOf(decodeShare("v1." + b64url("[1,2]")))).toContain("not an object");
    expect(errorOf(decodeShare("v1." + b64url(`{"a":"s1","c":[],"s":[["s1","x",2025,2,[1,2],[1]]]}`)))).toContain(
      "do not match 2 years"
    );
    expect(errorOf(decodeShare("v1." + b64url(`{"a":"s1","c":[],"s":[["s1","x",2025,1,["1"],[1]]]}`)))).toContain(
      "not numbers"
    );
    expect(errorOf(decodeShare("v1." + b64url(`{"a":"s1","c":[],"s":[["s1","x",2025,1e9,1,1]]}`)))).toContain(
      "invalid years"
    );
    expect(errorOf(decodeShare("v1." + b64url(`{"a":"s1","c":[],"s":[["s1","x",2025,1,[1]]]}`)))).toContain(
      "wrong shape"
    );
  });

  it.each(["__proto__", "constructor", "prototype"])("rejects a %s key anywhere in the payload", (key) => {
    const json = `{"a":"s1","c":[],"s":[["s1","x",2025,1,[500],[600]]],"${key}":{"polluted":1}}`;
    expect(errorOf(decodeShare("v1." + b64url(json)))).toContain(`forbidden key "${key}"`);
    const nested = `{"a":"s1","c":[{"${key}":1}],"s":[["s1","x",2025,1,[500],[600]]]}`;
    expect(errorOf(decodeShare("v1." + b64url(nested)))).toContain("forbidden key");
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("rejects out-of-range values: a 60% rate, a year of 3000, an unknown active scenario, a long name", () => {
    const payload = (s: string) => "v1." + b64url(s);
    expect(errorOf(decodeShare(payload(`{"a":"s1","c":[],"s":[["s1","x",2025,1,[6000],[600]]]}`)))).toContain(
      "out of range"
    );
    expect(errorOf(decodeShare(payload(`{"a":"s1","c":[],"s":[["s1","x",3000,1,[500],[600]]]}`)))).toContain(
      "not a year"
    );
    expect(errorOf(decodeShare(payload(`{"a":"s9","c":[],"s":[["s1","x",2025,1,[500],[600]]]}`)))).toContain(
      "activeId"
    );
    expect(
      errorOf(decodeShare(payload(`{"a":"s1","c":[],"s":[["s1","${"x".repeat(61)}",2025,1,[500],[600]]]}`)))
    ).toContain("longer than 60");
  });

  it("never throws, whatever it is given", () => {
    const inputs: unknown[] = [
      undefined,
      null,
      42,
      {},
      "#",
      "v1.",
      "v1.e30",
      "v1." + b64url("null"),
      "v1." + b64url('"x"')
    ];
    for (const input of inputs) {
      const result = decodeShare(input as string);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error).toMatch(/分享链接无效/);
    }
  });
});

describe("exportJson / importJson", () => {
  it("round-trips a set exactly", () => {
    expect(importJson(exportJson(set))).toEqual({ok: true, state: set});
  });

  it("accepts a byte-order mark and rejects malformed JSON, forbidden keys, bad values and huge files", () => {
    expect(importJson("\ufeff" + exportJson(set)).ok).toBe(true);
    const errorOfJson = (text: string) => {
      const r = importJson(text);
      return r.ok ? "accepted" : r.error;
    };
    expect(errorOfJson("{")).toContain("malformed JSON");
    expect(errorOfJson(exportJson(set).replace(`"version": 1`, `"version": 1, "constructor": {}`))).toContain(
      "forbidden key"
    );
    expect(errorOfJson(exportJson(set).replace(`"urban": 0.05,`, `"urban": 5,`))).toContain("out of range");
    expect(errorOfJson(" ".repeat(6_000_000))).toContain("too large");
  });
});

describe("exportCsv / importCsv", () => {
  it("writes scenario,year,urban_growth_pct,rural_growth_pct with exact percentages and quoted names", () => {
    const csv = exportCsv(set);
    const lines = csv.trim().split("\n");
    expect(lines[0]).toBe(CSV_HEADER.join(","));
    expect(lines).toHaveLength(1 + 11 + 11);
    expect(lines[12]).toBe(`"快速 ""增长"", 2035",2025,5,6.5`);
    expect(lines[1]).toBe("基线 Baseline,2025,5.07612345,7.61234567");
  });

  it("round-trips through CSV, keeping the given baseline and replacing the baseline rows in the file", () => {
    const result = importCsv(exportCsv(set), {baseline: set.scenarios[0]});
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.state.scenarios).toEqual(set.scenarios);
    expect(result.state.activeId).toBe("s1");
    expect(result.state.compare).toEqual(["baseline", "s1"]);
  });

  it("reads CRLF, a byte-order mark, percent signs, rows out of order and blank lines", () => {
    const text = "\ufeffscenario,year,urban_growth_pct,rural_growth_pct\r\nA,2026,5%,7\r\n\r\nA,2025,5.5,7.5%\r\n";
    const result = importCsv(text);
    expect(result.ok && result.state.scenarios).toEqual([
      {
        id: "s1",
        name: "A",
        rows: [
          {year: 2025, urban: 0.055, rural: 0.075},
          {year: 2026, urban: 0.05, rural: 0.07}
        ]
      }
    ]);
  });

  it("escapes names a spreadsheet would run as formulas and restores them on import", () => {
    const risky = updateRows(createScenario(initialSet([]), {name: "=HYPERLINK(1)"}), "s1", [
      {year: 2025, urban: 0.01, rural: 0.02}
    ]);
    const csv = exportCsv(risky);
    expect(csv).toContain(`'=HYPERLINK(1),2025,1,2`);
    const result = importCsv(csv);
    expect(result.ok && result.state.scenarios.map((s) => s.name)).toEqual(["=HYPERLINK(1)"]);
  });

  it("names the line and column of each problem", () => {
    const errorOfCsv = (body: string) => {
      const r = importCsv(`${CSV_HEADER.join(",")}\n${body}`);
      return r.ok ? "accepted" : r.error;
    };
    expect(errorOfCsv("A,2025,abc,7")).toContain(`line 2, column 3 (urban_growth_pct): "abc" 不是数字 / not a number`);
    expect(errorOfCsv("A,2025,5,7\nA,20x6,5,7")).toContain("line 3, column 2 (year): not a year");
    expect(errorOfCsv("A,2025,5")).toContain("line 2: expected 4 columns, got 3");
    expect(errorOfCsv("A,2025,5,")).toContain("line 2, column 4 (rural_growth_pct): 空值 / empty");
    expect(errorOfCsv(",2025,5,7")).toContain("line 2, column 1 (scenario): empty name");
    expect(errorOfCsv("A,2025,5,7\nA,2025,5,7")).toContain("line 3: 2025 repeated for A");
    expect(errorOfCsv("A,2025,5,7\nA,2027,5,7")).toContain("years must be consecutive");
    expect(errorOfCsv("A,2025,80,7")).toContain("out of range");
    expect(errorOfCsv("")).toContain("no scenario rows");
    const wrongHeader = importCsv("name,year,u,r\nA,2025,5,7");
    expect(wrongHeader.ok === false && wrongHeader.error).toContain("line 1: header must be");
  });
});
