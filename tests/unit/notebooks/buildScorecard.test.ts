import {describe, expect, it} from "vitest";
import {buildScorecard} from "../../../components/scorecard/buildScorecard.js";
import {ingestFile} from "../../../loaders/ingest.js";

// The real loader outputs, as the page gets them.
const targets = ingestFile("data/plan/targets.csv", {
  long: {year: "target_year", value: "target_value", ignore: ["direction", "baseline_value", "baseline_year"]}
}).rows;
const observations = ingestFile("data/plan/plan_indicators.csv", {}).rows;
const card = buildScorecard(targets, observations);
const byId = new Map(card.map((r) => [r.id, r]));

describe("buildScorecard on the bundled plan data", () => {
  it("has one row per target, 21 in all", () => {
    expect(card).toHaveLength(21);
    expect(new Set(card.map((r) => r.id)).size).toBe(21);
  });

  it("rural tap water: latest 96 (2025, S07) meets 88 → met", () => {
    expect(byId.get("rural_tap_water_rate")).toMatchObject({
      status: "met",
      latest: {year: 2025, value: 96, ref: "S07"},
      baseline: {year: 2020, value: 83}
    });
  });

  it("farmland: 80000 (2020) → 100000 (2023, lower bound) extrapolates past 107500 → on track", () => {
    const row = byId.get("hsf_cumulative")!;
    expect(row).toMatchObject({
      status: "on track",
      latest: {year: 2023, value: 100000, ref: "S22", hedge: "lower bound"}
    });
    expect(row.projected).toBeCloseTo(100000 + (20000 / 3) * 2, 6);
  });

  it("air quality: 88.1 in 2025 (S79) meets 87.5 → met", () => {
    expect(byId.get("air_good_days_ratio")).toMatchObject({
      status: "met",
      latest: {year: 2025, value: 88.1, ref: "S79", hedge: null}
    });
  });

  it("5G: all city and county-town urban areas restated as 100 (2023, S63) → met, with the hedge carried", () => {
    expect(byId.get("coverage_5g_cities_counties")).toMatchObject({
      status: "met",
      latest: {year: 2023, value: 100, ref: "S63", hedge: "all as 100%"}
    });
  });

  it("proxies and other definitions come as context with their latest value, never as the target's latest", () => {
    const airport = byId.get("airport_60min_coverage")!;
    expect(airport).toMatchObject({status: "no data", latest: null});
    expect(airport.context.map((c) => [c.id, c.kind, c.year, c.value])).toEqual([
      ["air_transport_airport_prefecture_coverage", "proxy", 2020, 92],
      ["air_service_prefecture_coverage", "proxy", 2025, 92.6],
      ["air_service_population_coverage", "proxy", 2025, 91.2],
      ["transport_airports_count", "proxy", 2024, 263]
    ]);
    expect(airport.context[0].hedge).toBe("lower bound");
    const facility = byId.get("community_service_facility_area")!.context[0];
    expect([facility.region_code, facility.value, facility.kind]).toEqual(["320000", 85, "other definition"]);
    expect(byId.get("waste_incineration_capacity")!.context.map((c) => c.kind)).toEqual(["other definition", "non-official", "proxy"]);
  });

  it("links a target to the notebook that works it through", () => {
    expect(byId.get("hsf_cumulative")!.notebook).toBe("/farmland");
    expect(byId.get("rural_tap_water_rate")!.notebook).toBe("/tap-water");
    expect(byId.get("air_good_days_ratio")!.notebook).toBeNull();
  });

  it("green coverage has no baseline: the line starts at the earliest national observation (2011), not a province", () => {
    expect(byId.get("builtup_green_coverage")).toMatchObject({
      baseline: null,
      start: {year: 2011, value: 38.62},
      latest: {year: 2023, value: 43.32, ref: "S56", hedge: "year inferred"},
      status: "met"
    });
  });

  it("targets with no observed series say no data and carry no value", () => {
    for (const id of [
      "new_construction_land",
      "community_workers_per_10k",
      "intercity_suburban_rail_new_km",
      "waste_incineration_capacity"
    ]) {
      expect(byId.get(id), id).toMatchObject({
        status: "no data",
        latest: null,
        projected: null,
        reason: expect.stringContaining("no series")
      });
    }
  });

  it("throws, naming the target, when a baseline year has no observation", () => {
    const tap = targets.find((t) => t.indicator === "农村自来水普及率")!;
    expect(() =>
      buildScorecard(
        [tap],
        observations.filter((o) => o.year !== 2020)
      )
    ).toThrow("baseline year 2020");
  });
});
