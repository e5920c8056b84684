import {describe, expect, it} from "vitest";
import {meetsTarget, targetStatus} from "../../../components/scorecard/targetStatus.js";

const base = {direction: ">=" as const, target: 75, targetYear: 2025};

describe("targetStatus", () => {
  it("no latest observation → no data, whatever the baseline", () => {
    expect(targetStatus({...base, start: {year: 2020, value: 71}, latest: null})).toEqual({
      status: "no data",
      projected: null,
      reason: expect.any(String)
    });
  });

  it("a latest value at or above a >= target → met", () => {
    expect(targetStatus({...base, start: null, latest: {year: 2023, value: 75}}).status).toBe("met");
  });

  it("71 (2020) → 73 (2022) extrapolates to 76 in 2025 → on track for 75", () => {
    const result = targetStatus({...base, start: {year: 2020, value: 71}, latest: {year: 2022, value: 73}});
    expect(result.status).toBe("on track");
    expect(result.projected).toBeCloseTo(76, 12);
  });

  it("87 (2020) → 87.2 (2024) extrapolates to 87.25 in 2025 → off track for 87.5", () => {
    const result = targetStatus({
      ...base,
      target: 87.5,
      start: {year: 2020, value: 87},
      latest: {year: 2024, value: 87.2}
    });
    expect(result.status).toBe("off track");
    expect(result.projected).toBeCloseTo(87.25, 12);
  });

  it("a <= target is met at or below the value and on track when falling fast enough", () => {
    const le = {direction: "<=" as const, target: 2, targetYear: 2025};
    expect(targetStatus({...le, start: null, latest: {year: 2022, value: 2}}).status).toBe("met");
    expect(targetStatus({...le, start: {year: 2020, value: 4}, latest: {year: 2022, value: 3}}).status).toBe(
      "on track"
    );
    expect(targetStatus({...le, start: {year: 2020, value: 4}, latest: {year: 2022, value: 3.9}}).status).toBe(
      "off track"
    );
  });

  it("a missed target in the target year is off track without extrapolation", () => {
    expect(targetStatus({...base, start: {year: 2020, value: 71}, latest: {year: 2025, value: 74}})).toMatchObject({
      status: "off track",
      projected: null
    });
  });

  it("one observation that misses the target gives no trend → no data", () => {
    expect(targetStatus({...base, start: {year: 2022, value: 73}, latest: {year: 2022, value: 73}}).status).toBe(
      "no data"
    );
    expect(targetStatus({...base, start: null, latest: {year: 2022, value: 73}}).status).toBe("no data");
  });

  it("refuses a latest observation after the target year", () => {
    expect(() => targetStatus({...base, start: null, latest: {year: 2026, value: 1}})).toThrow(
      "after the target year 2025"
    );
  });
});

describe("meetsTarget", () => {
  it("reads ~ (about) as reaching at least the value", () => {
    expect(meetsTarget(80.46, "~", 80)).toBe(true);
    expect(meetsTarget(79, "~", 80)).toBe(false);
    expect(meetsTarget(79, "<=", 80)).toBe(true);
  });
});
