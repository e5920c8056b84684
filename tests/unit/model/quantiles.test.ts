import {describe, expect, it} from "vitest";
import {quantilesInPlace} from "../../../components/model/quantiles.js";
import {mulberry32} from "../../../components/model/random.js";

// What the Monte Carlo band computed before: a sorted copy read at (n − 1) × p with linear interpolation.
function sortedQuantiles(values: Float64Array, ps: readonly number[]): number[] {
  const s = values.slice().sort();
  return ps.map((p) => {
    const h = (s.length - 1) * p;
    const i = Math.floor(h);
    return i + 1 < s.length ? s[i] + (s[i + 1] - s[i]) * (h - i) : s[i];
  });
}

describe("quantilesInPlace", () => {
  it("gives the documented example", () => {
    expect(quantilesInPlace(Float64Array.of(5, 1, 4, 2, 3), [0.1, 0.5, 0.9])).toEqual([1.4, 3, 4.6]);
  });
  it("equals a sorted copy's quantiles exactly on SYNTHETIC seeded samples of many sizes and shapes", () => {
    const random = mulberry32(7);
    const ps = [0, 0.1, 0.25, 0.5, 0.9, 0.999, 1];
    const shapes: Record<string, (n: number) => Float64Array> = {
      uniform: (n) => Float64Array.from({length: n}, () => random()),
      ascending: (n) => Float64Array.from({length: n}, (_, i) => i / 3),
      descending: (n) => Float64Array.from({length: n}, (_, i) => -i),
      "few distinct values": (n) => Float64Array.from({length: n}, () => Math.floor(random() * 3)),
      constant: (n) => new Float64Array(n).fill(2.5),
      "with infinities": (n) => Float64Array.from({length: n}, (_, i) => (i % 17 === 0 ? (i % 2 ? Infinity : -Infinity) : random()))
    };
    for (const [name, make] of Object.entries(shapes)) {
      for (const n of [1, 2, 3, 10, 11, 100, 999, 1000]) {
        const values = make(n);
        const expected = sortedQuantiles(values, ps);
        expect(quantilesInPlace(values, ps), `${name}, n = ${n}`).toEqual(expected);
      }
    }
  });
  it("falls back to the sorted order when a value is NaN (NaN last, as Float64Array's sort puts it)", () => {
    const values = Float64Array.of(3, NaN, 1, 2);
    expect(quantilesInPlace(values, [0, 0.5, 1])).toEqual(sortedQuantiles(Float64Array.of(3, NaN, 1, 2), [0, 0.5, 1]));
    expect(quantilesInPlace(Float64Array.of(3, NaN, 1, 2), [0.5])[0]).toBe(2.5);
  });
  it("gives NaN for every quantile of no values", () => {
    expect(quantilesInPlace(new Float64Array(0), [0.1, 0.9])).toEqual([NaN, NaN]);
  });
});
