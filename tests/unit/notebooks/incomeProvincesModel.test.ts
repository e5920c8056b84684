import {describe, expect, it} from "vitest";
import {datasetById} from "../../../loaders/datasets.js";
import {
  BASELINE_YEARS,
  incomeProvincesModel as model,
  provinceGaps,
  provinceName,
  startYearsText,
  provinceStarts,
  type ProvinceIncomeYear
} from "../../../components/notebooks/incomeProvincesModel.js";
import {HORIZON, MILESTONE_YEAR, PLAN_TARGET_YEAR} from "../../../components/plan.js";
import {seriesAt, type ScenarioRow} from "../../../components/scenario/model.js";
import {createScenario, initialSet, rowShape, setCompare} from "../../../components/scenario/scenarioSet.js";
import {decodeShare, encodeShare} from "../../../components/scenario/share.js";

// The bundled NBS portal exports, joined as the page joins them (both incomes present).
const urban = datasetById("province-urban-income").load().rows;
const rural = new Map(datasetById("province-rural-income").load().rows.map((r) => [`${r.region_code}|${r.year}`, r.value]));
const observed: ProvinceIncomeYear[] = urban.flatMap((u) => {
  const r = rural.get(`${u.region_code}|${u.year}`);
  return u.value !== null && r !== null && r !== undefined
    ? [{region_code: u.region_code, region: u.region, year: u.year, urban: u.value, rural: r}]
    : [];
});
const data = {observed};
const find = (code: string, year: number) => observed.find((o) => o.region_code === code && o.year === year)!;
const latest = Math.max(...observed.map((o) => o.year));

describe("income by province: baseline on the bundled data", () => {
  it("starts every province at its latest year with both incomes and measures growth over the 5 years before", () => {
    const starts = provinceStarts(observed);
    expect(starts.size).toBe(31);
    expect(latest).toBe(2019);
    const beijing = starts.get("110000")!;
    expect(beijing).toMatchObject({year: 2019, from: 2014, urban: 73849, region: "北京"});
    const [b14, b19] = [find("110000", 2014), find("110000", 2019)];
    expect(beijing.urbanGrowth).toBeCloseTo((b19.urban / b14.urban) ** (1 / 5) - 1, 12);
    expect(beijing.ruralGrowth).toBeCloseTo((b19.rural / b14.rural) ** (1 / 5) - 1, 12);
    for (const s of starts.values()) expect([s.year, s.from]).toEqual([latest, latest - BASELINE_YEARS]);
  });

  it("has one baseline row per province in code order, and states the rule with the window", () => {
    const {rows, rule} = model.baseline(data);
    expect(rows).toHaveLength(31);
    expect(rows[0].region).toBe("110000");
    expect(rows.at(-1)!.region).toBe("650000");
    const gansu = rows.find((r) => r.region === "620000")!;
    const [g14, g19] = [find("620000", 2014), find("620000", 2019)];
    expect(gansu.rural).toBeCloseTo((g19.rural / g14.rural) ** 0.2 - 1, 12);
    expect(typeof rule === "string" ? rule : rule.en).toContain("2014-2019");
    expect(typeof rule === "string" ? rule : rule.zh).toContain("最近 5 年");
  });

  it("names rows by province in the current language", () => {
    expect(model.rowName!("440000", data)).toBe("广东");
    expect(provinceName("440000", observed, "en")).toBe("Guangdong");
  });

  it("a province whose data run later starts later; a missing window start uses the earliest year after it", () => {
    // Synthetic rows, made here for the test: Beijing gains 2021; Tianjin loses 2014.
    const extra = {region_code: "110000", region: "北京", year: 2021, urban: 80000, rural: 32000};
    const later = [...observed.filter((o) => !(o.region_code === "120000" && o.year === 2014)), extra];
    const starts = provinceStarts(later);
    expect(starts.get("110000")).toMatchObject({year: 2021, from: 2016});
    expect(starts.get("110000")!.urbanGrowth).toBeCloseTo((80000 / find("110000", 2016).urban) ** 0.2 - 1, 12);
    expect(starts.get("120000")).toMatchObject({year: 2019, from: 2015});
    expect(starts.get("120000")!.urbanGrowth).toBeCloseTo((find("120000", 2019).urban / find("120000", 2015).urban) ** 0.25 - 1, 12);
    const {rule} = model.baseline({observed: later});
    expect(typeof rule === "string" ? rule : rule.en).toContain("each province's window");
    const projection = model.project(model.baseline({observed: later}).rows, {observed: later});
    expect(projection.series.ratio.filter((p) => p.z === "110000")[0].x).toBe(2021);
    expect(projection.series.ratio.filter((p) => p.z === "120000")[0].x).toBe(2019);
  });

  it("keys provinces by the code's text when the data hold it as a number", () => {
    const numeric = observed.map((o) => ({...o, region_code: Number(o.region_code) as unknown as string}));
    expect(provinceStarts(numeric).get("110000")).toMatchObject({year: 2019, from: 2014});
    expect(model.project(model.baseline({observed: numeric}).rows, {observed: numeric}).locked.ratioHorizon[0]).toBeGreaterThan(1);
  });

  it("a province with a single observed year is an error naming it", () => {
    const lonely = [{region_code: "460000", region: "海南", year: 2019, urban: 36017, rural: 15113}];
    expect(() => provinceStarts(lonely)).toThrow("海南 (460000): only 2019 observed");
  });
});

describe("income by province: projection", () => {
  const rows: ScenarioRow[] = model.baseline(data).rows.map((r) => ({...r, urban: 0.05, rural: 0.08}));
  const projection = model.project(rows, {observed, targetRatio: 2.5});
  const ratio = (code: string, year: number) => {
    const s = find(code, 2019);
    return (s.urban * 1.05 ** (year - 2019)) / (s.rural * 1.08 ** (year - 2019));
  };

  it("compounds each province from its own start; locked ratios at the plan year, the milestone and the horizon", () => {
    expect(seriesAt(projection, "ratio", 2030, "520000")).toBeCloseTo(ratio("520000", 2030), 12);
    const i = rows.findIndex((r) => r.region === "520000");
    expect(projection.locked.ratioPlan[i]).toBeCloseTo(ratio("520000", PLAN_TARGET_YEAR), 12);
    expect(projection.locked.ratioMilestone[i]).toBeCloseTo(ratio("520000", MILESTONE_YEAR), 12);
    expect(projection.locked.ratioHorizon[i]).toBeCloseTo(ratio("520000", HORIZON), 12);
    expect(projection.series.ratio.filter((p) => p.z === "520000")).toHaveLength(HORIZON - 2019 + 1);
    expect(seriesAt(projection, "gap", 2019, "110000")).toBe(find("110000", 2019).urban - find("110000", 2019).rural);
  });

  it("gives the first year the ratio falls to the target, the observed start year, or not by the horizon", () => {
    const i = rows.findIndex((r) => r.region === "520000");
    let expected = 2020;
    while (ratio("520000", expected) > 2.5) expected++;
    expect(expected).toBe(2028);
    expect(projection.locked.firstYear[i]).toBe(String(expected));
    const high = model.project(rows, {observed, targetRatio: 4});
    expect(high.locked.firstYear[i]).toBe("2019（观测值）");
    const flat = model.project(
      rows.map((r) => ({...r, urban: 0.08, rural: 0.05})),
      {observed, targetRatio: 1.5}
    );
    expect(flat.locked.firstYear[i]).toBe(`${HORIZON} 年前未达到`);
  });

  it("a row for a province with no data is an error naming the code", () => {
    expect(() => model.project([{region: "710000", urban: 0.05, rural: 0.05}], data)).toThrow("710000");
  });
});

describe("income by province: share links", () => {
  const baseline = model.baseline(data).rows;
  const shape = rowShape(model, baseline);

  it("a share entry round-trips 31 region rows exactly", () => {
    let set = initialSet(shape, baseline);
    const typed = baseline.map((r, i) => ({...r, urban: 0.04 + i / 1000, rural: 0.065}));
    set = setCompare(createScenario(set, shape, {name: "快速", rows: typed}), ["baseline", "s1"]);
    const entry = encodeShare(set, model);
    expect(entry.startsWith("income-provinces.v1.")).toBe(true);
    const read = decodeShare(`#other.v1.abc&${entry}`, model, shape);
    expect(read?.ok).toBe(true);
    if (!read?.ok) return;
    expect(read.state.scenarios[1].name).toBe("快速");
    expect(read.state.scenarios[1].rows).toEqual(typed);
    expect(read.state.compare).toEqual(["baseline", "s1"]);
  });

  it("a tampered entry gives a message, never a throw", () => {
    const set = createScenario(initialSet(shape, baseline), shape, {rows: baseline.map((r) => ({...r, rural: 0.07}))});
    const entry = encodeShare(set, model);
    const json = JSON.parse(Buffer.from(entry.split(".")[2], "base64url").toString("utf8"));
    json.k[0] = "999999"; // a region that is not on this page
    const tampered = `income-provinces.v1.${Buffer.from(JSON.stringify(json)).toString("base64url")}`;
    const read = decodeShare(`#${tampered}`, model, shape);
    expect(read).toMatchObject({ok: false});
    expect(read && !read.ok && read.error).toContain("分享链接无效");
    expect(decodeShare("#income-provinces.v1.%%%", model, shape)).toMatchObject({ok: false});
    expect(decodeShare("#income-provinces.v7.abc", model, shape)).toMatchObject({ok: false});
  });
});

describe("income by province: what the page says", () => {
  it("says where projections start and which province-years are missing, from the data", () => {
    expect(startYearsText(observed)).toEqual({zh: "2019 年（31 个省份）", en: "2019 (31 provinces)"});
    expect(provinceGaps(observed)).toEqual([]);
    const holed = observed.filter((o) => !(o.region === "甘肃" && (o.year === 2016 || o.year === 2017)));
    expect(provinceGaps(holed)).toEqual([{region: "甘肃", years: [2016, 2017]}]);
    const later = [...observed, {region_code: "110000", region: "北京", year: 2021, urban: 80000, rural: 32000}];
    expect(startYearsText(later).en).toBe("2019 (30 provinces); 2021 (1 province)");
  });
});
