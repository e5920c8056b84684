// What the published tidy tables (plan-targets.csv, plan-indicators.csv) leave out but the pages need: each target's
// direction and baseline year, which observed series measures it, English names, and for each observation the source
// key and hedge from data/plan/SOURCES-indicators.md. Values are never copied here: baselines and observations are
// read from the tidy tables. tests/unit/notebooks/planMeta.test.ts checks every entry against data/plan/*.csv.

/** How a target is read: at least (>=), at most (<=), or about (~, 左右: reach about the value). */
export type Direction = ">=" | "<=" | "~";

/** One target of targets.csv, keyed by its Chinese name as published in plan-targets.csv. */
export interface TargetMeta {
  /** indicator_id in data/plan/targets.csv. */
  id: string;
  /** The indicator column of plan-targets.csv (indicator_zh of targets.csv). */
  indicator: string;
  direction: Direction;
  /** baseline_year of targets.csv; the baseline value is read from the observed series in that year. */
  baselineYear: number | null;
  /** The plan-indicators.csv series with the same indicator_id (same definition), or null when none was found. */
  observed: string | null;
  /** indicator_en of that series in plan_indicators.csv, where there is one. */
  en: string | null;
}

const meta = (
  id: string,
  indicator: string,
  direction: Direction,
  baselineYear: number | null = null,
  observed: string | null = null,
  en: string | null = null
): TargetMeta => ({id, indicator, direction, baselineYear, observed, en});

/** The 21 targets of data/plan/targets.csv, in its order. @example PLAN_TARGETS.length // 21 */
export const PLAN_TARGETS: readonly TargetMeta[] = [
  meta("new_construction_land", "新增建设用地规模（“十四五”期间）", "<="),
  meta(
    "air_good_days_ratio",
    "地级及以上城市空气质量优良天数比率",
    ">=",
    2020,
    "地级及以上城市空气质量优良天数比率",
    "Share of good-air-quality days, prefecture-level and above cities"
  ),
  meta(
    "builtup_green_coverage",
    "城市建成区绿化覆盖率（“超过”43%）",
    ">=",
    null,
    "城市建成区绿化覆盖率",
    "Green coverage rate of urban built-up areas"
  ),
  meta("intercity_suburban_rail_new_km", "新增城际铁路和市域（郊）铁路运营里程（2021—2025年新增）", ">="),
  meta("major_cities_travel_time", "主要城市间通达时间（基本实现2小时通达）", "<="),
  meta("airport_60min_coverage", "市地级行政中心60分钟到运输机场覆盖率", ">="),
  meta("community_service_facility_area", "社区综合服务设施建筑面积标准（每百户居民）", ">="),
  meta("new_residential_ev_charging", "新建居住小区固定车位建设充电设施或预留安装条件比例（全部）", ">="),
  meta("new_building_height_ban", "不得新建500米以上建筑（新建建筑高度上限）", "<="),
  meta("new_building_height_restrict", "严格限制新建250米以上建筑", "<="),
  meta("bsl2_lab_per_prefecture_city", "地级市至少建成生物安全二级水平实验室数", ">="),
  meta("waste_incineration_capacity", "城镇生活垃圾焚烧处理能力", "~"),
  meta(
    "nev_bus_share",
    "城市新能源公交车辆占比",
    ">=",
    null,
    "城市新能源公共汽电车占比",
    "Share of new-energy vehicles in urban bus/trolleybus fleet"
  ),
  meta("recycling_system_cities", "率先建设完善废旧物资循环利用体系的大中城市数", "~"),
  meta("community_workers_per_10k", "每万城镇常住人口拥有社区工作者数（基本实现）", ">="),
  meta("rural_tap_water_rate", "农村自来水普及率", ">=", 2020, "农村自来水普及率", "Rural tap-water coverage rate"),
  meta(
    "hsf_cumulative",
    "集中连片高标准农田建成面积（10.75亿亩）",
    ">=",
    2020,
    "高标准农田累计建成面积",
    "High-standard farmland, cumulative area built"
  ),
  meta(
    "crop_mechanization_rate",
    "农作物耕种收综合机械化率",
    ">=",
    2020,
    "农作物耕种收综合机械化率",
    "Comprehensive mechanization rate of crop ploughing, sowing and harvesting"
  ),
  meta("county_town_demo_areas", "高质量完成县城建设示范地区示范任务数", "~"),
  meta(
    "coverage_5g_cities_counties",
    "5G网络覆盖城市及县城（确保覆盖所有城市及县城）",
    ">=",
    null,
    "5G网络覆盖所有地级市城区和县城城区",
    "5G coverage of all prefecture-level city urban areas and county-town urban areas"
  ),
  meta("urban_public_services_unsettled_coverage", "城镇基本公共服务覆盖未落户常住人口（全部）", ">=")
];

/**
 * The 2030 goal of the national high-standard farmland plan 2021-2030 (“到2030年累计建成12亿亩”, source S25 in
 * SOURCES-indicators.md). It is not a target of the urbanization plan, so targets.csv does not hold it.
 * @example HSF_2030_TARGET.value // 120000 (万亩 = 12 亿亩)
 */
export const HSF_2030_TARGET = {year: 2030, value: 120000, unit: "万亩", ref: "S25"} as const;

/**
 * How a printed figure is qualified in its source (SOURCES-indicators.md “Conventions” and
 * SOURCES-indicators-additions.md “Rows that are bounds, approximations or proxies”).
 */
export type Hedge = "lower bound" | "approximate" | "rounded" | "derived" | "year inferred" | "all as 100%";

/** Source key (S02, D1, …) and hedge of one observation. */
export interface ObservationNote {
  ref: string;
  hedge: Hedge | null;
}

// Keyed "indicator|region_code|year" as in the tidy table. Only the series the notebooks show are listed; the unit
// test checks that every row of these series in plan_indicators.csv has an entry with its source_ref.
const NOTES: Record<string, ObservationNote> = {};
function note(indicator: string, region: string, entries: [number, string, Hedge?][]) {
  for (const [year, ref, hedge] of entries) NOTES[`${indicator}|${region}|${year}`] = {ref, hedge: hedge ?? null};
}
note("农村自来水普及率", "CN", [
  [2017, "S09", "rounded"],
  [2020, "S02"],
  [2021, "S02"],
  [2022, "S02"],
  [2023, "S02"],
  [2025, "S07"]
]);
// 2022 “已经建成了10億畝” is a whole-亿亩 statement; 2023 “超10亿亩” is a lower bound (SOURCES-indicators.md §2).
note("高标准农田累计建成面积", "CN", [
  [2020, "S20"],
  [2022, "S21", "rounded"],
  [2023, "S22", "lower bound"]
]);
note("高标准农田累计建成面积", "230000", [[2023, "S26"]]);
note("高标准农田累计建成面积", "410000", [[2023, "S28"]]);
note("高标准农田累计建成面积", "510000", [[2022, "S29"]]);
note("高标准农田当年建成面积", "CN", [[2020, "S23"]]);
note("高标准农田当年建成面积", "230000", [
  [2021, "S27"],
  [2023, "S26"]
]);
note("高标准农田当年新建和改造提升面积", "CN", [[2024, "S24", "lower bound"]]);
note("高标准农田当年新建和改造提升面积", "510000", [[2023, "S30"]]);
note("地级及以上城市空气质量优良天数比率", "CN", [
  [2015, "S10"],
  [2016, "S11"],
  [2017, "D1", "derived"],
  [2018, "S12"],
  [2019, "S13"],
  [2020, "S14"],
  [2021, "S15"],
  [2022, "S16"],
  [2023, "S17"],
  [2024, "S18"]
]);
note("城市建成区绿化覆盖率", "CN", [
  [2011, "S36"],
  [2012, "S37"],
  [2015, "D2", "derived"],
  [2016, "S35"]
]);
for (const province of ["110000", "320000", "360000", "370000", "500000"])
  note("城市建成区绿化覆盖率", province, [[2012, "S37"]]);
note("城市新能源公共汽电车占比", "CN", [
  [2022, "S50"],
  [2023, "S51", "approximate"]
]);
note("地级及以上城市空气质量优良天数比率", "CN", [[2025, "S79"]]);
// “今天” in a piece of 2024-09-21, placed in 2023 by its companion statistic (additions §1).
note("城市建成区绿化覆盖率", "CN", [[2023, "S56", "year inferred"]]);
// “所有…” restated as 100; MIIT's 地级市城区 + 县城城区 may not be the plan's 所有城市 (additions §2).
note("5G网络覆盖所有地级市城区和县城城区", "CN", [
  [2022, "S62", "all as 100%"],
  [2023, "S63", "all as 100%"]
]);
// Context series (additions §3-§14): shown beside their targets, never judged.
note("城市生活垃圾焚烧处理能力（设市城市口径）", "CN", [[2019, "S40"], [2020, "S57"], [2021, "D3", "derived"], [2022, "D4", "derived"]]);
note("垃圾焚烧处理能力（非官方项目团队统计，未注明城市/县城口径）", "CN", [[2021, "S58"]]);
note("城镇生活垃圾焚烧处理率（处理量口径，非能力）", "CN", [[2022, "S59", "lower bound"]]);
note("民用运输机场覆盖地级市比例（代理指标，非60分钟口径）", "CN", [[2020, "S64", "lower bound"]]);
note("航空服务覆盖地级行政单元比例（代理指标，非60分钟口径）", "CN", [[2022, "S65"], [2025, "S66"]]);
note("航空服务覆盖人口比例", "CN", [[2020, "S64"], [2022, "S65"], [2025, "S66"]]);
note("颁证民用运输机场数", "CN", [[2020, "S64"], [2022, "S65"], [2024, "S67"]]);
note("城乡社区工作者总数（城乡口径，代理指标）", "CN", [[2020, "S68", "approximate"]]);
note("每名城乡社区工作者服务群众数（城乡口径，代理指标）", "CN", [[2020, "S68"]]);
note("社区综合服务设施达到每百户不低于30平方米的比例", "320000", [[2020, "S69"]]);
note("县城新型城镇化建设示范县（市）确定数", "CN", [[2020, "S70"]]);
note("废旧物资循环利用体系建设重点城市确定数", "CN", [[2022, "S71"]]);
note("义务教育阶段进城务工人员随迁子女在公办学校就读和享受政府购买学位服务的比例（代理指标）", "CN", [[2021, "S72"]]);
note("建设用地较上年末净增加面积（国土变更调查，净增口径）", "CN", [[2022, "S73", "approximate"]]);
note("全国建设用地面积（国土变更调查）", "CN", [[2022, "S73"]]);
note("农作物耕种收综合机械化率", "CN", [
  [2013, "S33"],
  [2017, "S09", "rounded"],
  [2020, "S31"],
  [2022, "S09", "rounded"]
]);

/** Why a series is shown beside a target but never judged against it. */
export type ContextKind = "proxy" | "other definition" | "non-official" | "designated, not completed";

/** A series shown beside a target as context (never judged): its indicator_id and name, and why it is not the target's. */
export interface ContextSeries {
  id: string;
  /** the indicator as named in plan-indicators.csv (indicator_zh) */
  indicator: string;
  kind: ContextKind;
}

/**
 * For targets with no series of their own definition, the related series SOURCES-indicators-additions.md stores
 * under their own ids ("never to be plotted against the target"), keyed by target id.
 * @example TARGET_CONTEXT.airport_60min_coverage[0].kind // "proxy"
 */
export const TARGET_CONTEXT: Readonly<Record<string, readonly ContextSeries[]>> = {
  waste_incineration_capacity: [
    {id: "waste_incineration_capacity_city", indicator: "城市生活垃圾焚烧处理能力（设市城市口径）", kind: "other definition"},
    {id: "waste_incineration_capacity_all_nonofficial", indicator: "垃圾焚烧处理能力（非官方项目团队统计，未注明城市/县城口径）", kind: "non-official"},
    {id: "waste_incineration_treatment_rate_towns", indicator: "城镇生活垃圾焚烧处理率（处理量口径，非能力）", kind: "proxy"}
  ],
  airport_60min_coverage: [
    {id: "air_transport_airport_prefecture_coverage", indicator: "民用运输机场覆盖地级市比例（代理指标，非60分钟口径）", kind: "proxy"},
    {id: "air_service_prefecture_coverage", indicator: "航空服务覆盖地级行政单元比例（代理指标，非60分钟口径）", kind: "proxy"},
    {id: "air_service_population_coverage", indicator: "航空服务覆盖人口比例", kind: "proxy"},
    {id: "transport_airports_count", indicator: "颁证民用运输机场数", kind: "proxy"}
  ],
  community_workers_per_10k: [
    {id: "community_workers_total_urban_rural", indicator: "城乡社区工作者总数（城乡口径，代理指标）", kind: "proxy"},
    {id: "residents_per_community_worker_urban_rural", indicator: "每名城乡社区工作者服务群众数（城乡口径，代理指标）", kind: "proxy"}
  ],
  community_service_facility_area: [{id: "community_facility_30m2_share", indicator: "社区综合服务设施达到每百户不低于30平方米的比例", kind: "other definition"}],
  county_town_demo_areas: [{id: "county_town_demo_areas_designated", indicator: "县城新型城镇化建设示范县（市）确定数", kind: "designated, not completed"}],
  recycling_system_cities: [{id: "recycling_system_key_cities_designated", indicator: "废旧物资循环利用体系建设重点城市确定数", kind: "designated, not completed"}],
  urban_public_services_unsettled_coverage: [{id: "migrant_children_public_school_share", indicator: "义务教育阶段进城务工人员随迁子女在公办学校就读和享受政府购买学位服务的比例（代理指标）", kind: "proxy"}],
  new_construction_land: [
    {id: "construction_land_net_increase", indicator: "建设用地较上年末净增加面积（国土变更调查，净增口径）", kind: "other definition"},
    {id: "construction_land_total", indicator: "全国建设用地面积（国土变更调查）", kind: "other definition"}
  ]
};

/**
 * The notebook that works a target through, where one exists.
 * @example TARGET_NOTEBOOK.rural_tap_water_rate // "/tap-water"
 */
export const TARGET_NOTEBOOK: Readonly<Record<string, string>> = {
  hsf_cumulative: "/farmland",
  rural_tap_water_rate: "/tap-water"
};

/** Every observation note, keyed "indicator|region_code|year" (for tests and tables). */
export const OBSERVATION_NOTES: Readonly<Record<string, ObservationNote>> = NOTES;

/**
 * The source key and hedge of one observation, or null when the series is not annotated here.
 * @example observationNote("高标准农田累计建成面积", "CN", 2023) // {ref: "S22", hedge: "lower bound"}
 */
export function observationNote(indicator: string, regionCode: string, year: number): ObservationNote | null {
  return NOTES[`${indicator}|${regionCode}|${year}`] ?? null;
}

/**
 * The metadata of a target by its Chinese name in plan-targets.csv; throws naming the unknown target.
 * @example targetMeta("农村自来水普及率").direction // ">="
 */
export function targetMeta(indicator: string): TargetMeta {
  const found = PLAN_TARGETS.find((t) => t.indicator === indicator);
  if (!found) throw new Error(`plan-targets.csv: unknown target indicator: ${indicator}`);
  return found;
}
