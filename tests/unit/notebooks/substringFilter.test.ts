import {describe, expect, it} from "vitest";
import {substringFilter} from "../../../components/scorecard/substringFilter.js";

const rows = [
  {indicator: "农村自来水普及率", en: "Rural tap-water coverage rate"},
  {indicator: "城镇生活垃圾焚烧处理能力", en: null}
];
const filter = substringFilter<(typeof rows)[number]>(["indicator", "en"]);

describe("substringFilter", () => {
  it("finds a Chinese term inside a name (自来水 in 农村自来水普及率)", () => {
    expect(rows.filter(filter("自来水")).map((r) => r.indicator)).toEqual(["农村自来水普及率"]);
  });

  it("ignores case, needs every term, and skips null columns", () => {
    expect(rows.filter(filter("TAP rural"))).toHaveLength(1);
    expect(rows.filter(filter("tap 垃圾"))).toHaveLength(0);
    expect(rows.filter(filter("null"))).toHaveLength(0);
  });

  it("an empty query keeps every row", () => {
    expect(rows.filter(filter("  "))).toHaveLength(2);
  });
});
