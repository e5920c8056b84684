import {describe, expect, it} from "vitest";
import {defineModel, firstMeeting, gridColumns, projector, seriesAt, type Projection, type ScenarioModel} from "../../../components/scenario/model.js";
import {incomeGapModel} from "../../../components/notebooks/incomeGapModel.js";

// A small valid model (synthetic: a stock growing by a yearly addition) that each refusal breaks in one field.
const valid = (): ScenarioModel<null> => ({
  id: "stock",
  title: "Stock",
  rowKey: {key: "year", label: "Year", kind: "year"},
  columns: [
    {key: "add", label: "Added", kind: "number", min: 0, max: 100},
    {key: "rate", label: "Rate", kind: "percent", min: -0.5, max: 0.5}
  ],
  baseline: () => ({rows: [{year: 2025, add: 1, rate: 0}], rule: "one row"}),
  project: () => ({locked: {}, series: {total: []}}),
  locked: [{key: "total", label: "Total", format: "number"}],
  series: [{key: "total", label: "Total", format: "number"}],
  targets: [{id: "t", series: "total", x: 2030, value: 10, direction: ">=", label: "10"}]
});
const broken = (change: (m: any) => void) => {
  const m = valid() as any;
  change(m);
  return () => defineModel(m);
};

describe("defineModel", () => {
  it("returns a valid model unchanged", () => {
    const m = valid();
    expect(defineModel(m)).toBe(m);
  });

  it("refuses each malformed field with a message naming the model and the field", () => {
    const cases: [(m: any) => void, string][] = [
      [(m) => (m.id = "Stock Model"), `scenario model "Stock Model": id: lower-case letters, digits and -`],
      [(m) => (m.id = 7), `scenario model 7: id: lower-case letters, digits and -`],
      [(m) => (m.rowKey.key = "the year"), `scenario model "stock": rowKey.key: a plain identifier`],
      [(m) => (m.rowKey.kind = "month"), `scenario model "stock": rowKey.kind: "year" or "region"`],
      [(m) => (m.columns = []), `scenario model "stock": columns: at least one editable column`],
      [(m) => (m.columns[1].key = "2x"), `scenario model "stock": columns[1].key: a plain identifier`],
      [(m) => (m.columns[1].key = "add"), `scenario model "stock": columns[1].key: duplicate add`],
      [(m) => (m.columns[1].key = "year"), `scenario model "stock": columns[1].key: duplicate year`],
      [(m) => (m.columns[0].min = 200), `scenario model "stock": columns[0]: min < max, both finite`],
      [(m) => (m.columns[0].max = Infinity), `scenario model "stock": columns[0]: min < max, both finite`],
      [(m) => (m.columns[0].kind = "text"), `scenario model "stock": columns[0].kind: text`],
      [(m) => (m.locked[0].key = "rate"), `scenario model "stock": locked[0].key: duplicate rate`],
      [(m) => (m.targets[0].series = "ratio"), `scenario model "stock": targets[0].series: no series ratio`],
      [(m) => (m.targets[0].direction = "<"), `scenario model "stock": targets[0].direction: ">=" or "<="`],
      [(m) => (m.project = "nope"), `scenario model "stock": baseline/project: functions`]
    ];
    for (const [change, message] of cases) expect(broken(change)).toThrow(message);
  });

  it("gridColumns joins each column's label and unit in the page language", () => {
    expect(gridColumns(incomeGapModel)).toEqual([
      {key: "urban", label: "城镇增速 %", kind: "percent", form: "percent", min: -0.5, max: 0.5, digits: 2},
      {key: "rural", label: "农村增速 %", kind: "percent", form: "percent", min: -0.5, max: 0.5, digits: 2}
    ]);
  });
});

// Synthetic projections: one ratio line falling 0.03 a year from 2.3, and a two-region line series.
const falling: Projection = {locked: {}, series: {ratio: Array.from({length: 12}, (_, i) => ({x: 2024 + i, y: 2.3 - 0.03 * i}))}};
const regional: Projection = {
  locked: {},
  series: {
    coverage: [
      {x: 2025, y: 80, z: "a"},
      {x: 2026, y: null, z: "a"},
      {x: 2027, y: 95, z: "a"},
      {x: 2025, y: 60, z: "b"},
      {x: 2026, y: 96, z: "b"}
    ]
  }
};

describe("seriesAt and firstMeeting", () => {
  it("seriesAt reads a series at x (and at a line z), null where there is no point or no value", () => {
    expect(seriesAt(falling, "ratio", 2035)).toBeCloseTo(1.97, 12);
    expect(seriesAt(falling, "ratio", 2025)).toBeCloseTo(2.27, 12);
    expect(seriesAt(falling, "ratio", 2036)).toBeNull();
    expect(seriesAt(falling, "gap", 2030)).toBeNull();
    expect(seriesAt(regional, "coverage", 2025, "b")).toBe(60);
    expect(seriesAt(regional, "coverage", 2025)).toBe(80);
    expect(seriesAt(regional, "coverage", 2026, "a")).toBeNull();
  });

  it("firstMeeting is the first x at or below (or above) the value, after `after`, per line, skipping missing values", () => {
    expect(firstMeeting(falling, {series: "ratio", value: 2.1, direction: "<="})).toBe(2031);
    expect(firstMeeting(falling, {series: "ratio", value: 2.3, direction: ">="})).toBe(2024);
    expect(firstMeeting(falling, {series: "ratio", value: 2.3, direction: ">="}, {after: 2024})).toBeNull();
    expect(firstMeeting(falling, {series: "ratio", value: 1.5, direction: "<="})).toBeNull();
    expect(firstMeeting(falling, {series: "none", value: 1, direction: "<="})).toBeNull();
    expect(firstMeeting(regional, {series: "coverage", value: 90, direction: ">="}, {z: "a"})).toBe(2027);
    expect(firstMeeting(regional, {series: "coverage", value: 90, direction: ">="}, {z: "b"})).toBe(2026);
    expect(firstMeeting(regional, {series: "coverage", value: 90, direction: ">="})).toBe(2027);
  });
});

describe("projector", () => {
  it("projects each rows array once and a new array again", () => {
    let calls = 0;
    const model = defineModel({...valid(), project: (rows) => (calls++, {locked: {total: rows.map(() => calls)}, series: {}})});
    const project = projector(model, null);
    const rows = [{year: 2025, add: 1, rate: 0}];
    const first = project(rows);
    expect(project(rows)).toBe(first);
    expect(calls).toBe(1);
    const copy = [...rows];
    expect(project(copy)).not.toBe(first);
    expect(project(copy).locked.total).toEqual([2]);
    expect(calls).toBe(2);
  });
});
