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

  it("air quality: 87.2 in 2024 from 87 in 2020 → off track for 87.5", () => {
    expect(byId.get("air_good_days_ratio")).toMatchObject({
      status: "off track",
      latest: {year: 2024, value: 87.2, ref: "S18"}
    });
  });

  it("green coverage has no baseline: the line starts at the earliest national observation (2011), not a province", () => {
    expect(byId.get("builtup_green_coverage")).toMatchObject({
      baseline: null,
      start: {year: 2011, value: 38.62},
      latest: {year: 2016, value: 40.3}
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
