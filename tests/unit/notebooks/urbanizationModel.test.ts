import {readFileSync} from "node:fs";
import {csvParse} from "d3-dsv";
import {describe, expect, it} from "vitest";
import {datasetById} from "../../../loaders/datasets.js";
import {lastObserved, nationalRates, ratePath, urbanizationModel as model} from "../../../components/notebooks/urbanizationModel.js";
import {HORIZON} from "../../../components/plan.js";
import {firstMeeting, seriesAt} from "../../../components/scenario/model.js";
import {createScenario, initialSet, rowShape} from "../../../components/scenario/scenarioSet.js";
import {decodeShare, encodeShare} from "../../../components/scenario/share.js";
import {solveColumn} from "../../../components/scenario/analysis.js";

// The census-revised series as the page queries it (through the loader), and the raw file to check it against.
const revised = datasetById("urbanization-national")
  .load()
  .rows.filter((r) => r.indicator === "常住人口城镇化率（七普修订）")
  .map((r) => ({year: r.year, value: r.value}))
  .sort((a, b) => a.year - b.year);
const raw = new Map(csvParse(readFileSync("data/national/urbanization_national.csv", "utf8")).map((r) => [Number(r.year), Number(r.resident_rate_revised_pct)]));
const data = {revised};

describe("urbanisation: baseline on the bundled data", () => {
  it("starts at the last revised year and rises by the 5-year average, one row per year to the horizon", () => {
    const last = lastObserved(revised);
    expect(last).toEqual({year: 2024, value: raw.get(2024)});
    const {rows, rule} = model.baseline(data);
    expect(rows).toHaveLength(HORIZON - 2024);
    expect(rows[0].year).toBe(2025);
    const rise = (raw.get(2024)! - raw.get(2019)!) / 5;
    expect(rise).toBeCloseTo(0.858, 12);
    for (const r of rows) expect(r.rise).toBeCloseTo(rise, 12);
    expect(typeof rule === "string" ? rule : rule.en).toContain("census-revised series over 2019-2024, 0.86 pp (62.71% → 67.00%)");
  });

  it("never reads the as-published series: a change there leaves the baseline as it was", () => {
    const published = datasetById("urbanization-national").load().rows.filter((r) => r.indicator === "常住人口城镇化率（当年公布）");
    expect(published.find((r) => r.year === 2019)!.value).toBe(60.6);
    expect(model.baseline(data).rows[0].rise).toBeCloseTo((67 - 62.71) / 5, 12);
  });

  it("a missing window start is an error, not a shorter window", () => {
    const holed = revised.map((p) => (p.year === 2019 ? {...p, value: null} : p));
    expect(() => model.baseline({revised: holed})).toThrow("2019");
  });
});

describe("urbanisation: projection", () => {
  const rows = model.baseline(data).rows.map((r, i) => ({...r, rise: i === 0 ? 1.2 : 0.8}));
  const projection = model.project(rows, data);

  it("adds each year's rise to the rate and locks it", () => {
    expect(seriesAt(projection, "rate", 2024)).toBe(67);
    expect(seriesAt(projection, "rate", 2025)).toBeCloseTo(68.2, 10);
    expect(seriesAt(projection, "rate", HORIZON)).toBeCloseTo(68.2 + 0.8 * (HORIZON - 2025), 10);
    expect(projection.locked.rate[1]).toBeCloseTo(69, 10);
  });

  it("holds the rate at 100% and at 0%", () => {
    expect(ratePath({year: 2024, value: 99}, [{year: 2025, rise: 2}, {year: 2026, rise: -1}]).map((p) => p.y)).toEqual([99, 100, 99]);
    expect(ratePath({year: 2024, value: 1}, [{year: 2025, rise: -3}]).at(-1)!.y).toBe(0);
    expect(() => ratePath({year: 2024, value: 67}, [{year: 2026, rise: 1}])).toThrow("consecutive");
  });

  it("gives the year a chosen rate is reached, and the constant rise needed for a rate by a year", () => {
    expect(firstMeeting(projection, {series: "rate", value: 75, direction: ">="}, {after: 2024})).toBe(2034);
    expect(firstMeeting(projection, {series: "rate", value: 90, direction: ">="}, {after: 2024})).toBeNull();
    const solved = solveColumn(model, data, rows, {column: "rise", probe: {series: "rate", x: 2030}, value: 73});
    expect(solved.ok).toBe(true);
    if (solved.ok) expect(solved.x).toBeCloseTo(1, 6);
  });
});

describe("urbanisation: share links", () => {
  const baseline = model.baseline(data).rows;
  const shape = rowShape(model, baseline);

  it("a share entry round-trips typed rises exactly", () => {
    const typed = baseline.map((r, i) => ({...r, rise: 0.5 + i / 10}));
    const set = createScenario(initialSet(shape, baseline), shape, {name: "慢", rows: typed});
    const read = decodeShare(`#${encodeShare(set, model)}`, model, shape);
    expect(read?.ok).toBe(true);
    if (read?.ok) expect(read.state.scenarios[1].rows).toEqual(typed);
  });

  it("a tampered entry (a rise out of bounds, a wrong first year) gives a message, never a throw", () => {
    const set = createScenario(initialSet(shape, baseline), shape, {rows: baseline.map((r) => ({...r, rise: 1}))});
    const json = JSON.parse(Buffer.from(encodeShare(set, model).split(".")[2], "base64url").toString("utf8"));
    const bad = (o: unknown) => `#urbanization.v1.${Buffer.from(JSON.stringify(o)).toString("base64url")}`;
    const outOfBounds = structuredClone(json);
    outOfBounds.s[1][2][0] = 50;
    expect(decodeShare(bad(outOfBounds), model, shape)).toMatchObject({ok: false});
    const shifted = structuredClone(json);
    shifted.k[0] = 2020;
    const read = decodeShare(bad(shifted), model, shape);
    expect(read).toMatchObject({ok: false});
    expect(read && !read.ok && read.error).toContain("分享链接无效");
  });
});

describe("urbanisation: the national series the page draws", () => {
  const rows = [...datasetById("urbanization-national").load().rows, ...datasetById("urbanization-hukou").load().rows];

  it("keeps the three series apart, says where the resident ones differ, and which years lack a hukou figure", () => {
    const rates = nationalRates(rows);
    expect(rates.years).toEqual([...raw.keys()].sort((a, b) => a - b));
    expect(rates.revised.find((p) => p.x === 2019)!.y).toBe(62.71);
    expect(rates.published.find((p) => p.x === 2019)!.y).toBe(60.6);
    expect(rates.differ).toEqual([2010, 2011, 2012, 2013, 2014, 2015, 2016, 2017, 2018, 2019]);
    expect(rates.widest).toBeCloseTo(2.11, 10);
    expect(rates.hukou.filter((p) => p.y !== null).map((p) => [p.x, p.y])).toEqual([
      [2015, 39.9], [2016, 41.2], [2017, 42.35], [2018, 43.37], [2019, 44.38], [2020, 45.4], [2023, 48.3]
    ]);
    expect(rates.hukouMissing).toEqual([2010, 2011, 2012, 2013, 2014, 2021, 2022, 2024]);
  });

  it("a series missing a year keeps it null rather than taking another series' figure", () => {
    const holed = rows.filter((r) => !(r.indicator === "常住人口城镇化率（七普修订）" && r.year === 2024));
    const rates = nationalRates(holed);
    expect(rates.revised.find((p) => p.x === 2024)!.y).toBeNull();
    expect(rates.published.find((p) => p.x === 2024)!.y).toBe(67);
  });
});
