// @vitest-environment jsdom
import {beforeEach, describe, expect, it} from "vitest";
import {ConstantColumns, type ConstantColumnsElement} from "../../../components/ConstantColumns.js";
import {incomeGapModel} from "../../../components/notebooks/incomeGapModel.js";

let form: ConstantColumnsElement;
let events: number;
const box = (name: string) => form.querySelector(`input[data-key=${name}]`) as HTMLInputElement;
const commit = (name: string, text: string) => {
  box(name).value = text;
  box(name).dispatchEvent(new Event("input", {bubbles: true}));
  box(name).dispatchEvent(new Event("change", {bubbles: true}));
};
const message = () => form.querySelector(".constant-message")!.textContent;

beforeEach(() => {
  document.body.replaceChildren();
  form = ConstantColumns(incomeGapModel, {values: {urban: 0.05, rural: 0.065}});
  const page = document.createElement("div");
  page.append(form);
  document.body.append(page);
  events = 0;
  page.addEventListener("input", () => events++);
});

describe("ConstantColumns", () => {
  it("shows one labelled box per model column with the values as the grid writes them", () => {
    expect([...form.querySelectorAll("label")].map((l) => l.textContent)).toEqual(["城镇增速 % ", "农村增速 % "]);
    expect([box("urban").value, box("rural").value]).toEqual(["5.00%", "6.50%"]);
    expect(form.value).toEqual({urban: 0.05, rural: 0.065});
  });

  it("a committed value fires one input event from the group with every column's value; typing alone fires none", () => {
    box("rural").value = "7";
    box("rural").dispatchEvent(new Event("input", {bubbles: true}));
    expect(events).toBe(0);
    commit("rural", "7.5");
    expect(events).toBe(1);
    expect(form.value).toEqual({urban: 0.05, rural: 0.075});
    commit("urban", "６．５％");
    expect(form.value).toEqual({urban: 0.065, rural: 0.075});
    expect(events).toBe(2);
    expect(message()).toBe("");
  });

  it("a value that does not parse, is empty or out of bounds is named with its column and changes nothing", () => {
    commit("rural", "abc");
    expect(message()).toBe('农村增速 %: "abc" 不是数字 / not a number');
    commit("rural", "");
    expect(message()).toBe("农村增速 %: 不能为空");
    commit("urban", "60");
    expect(message()).toBe('城镇增速 %: "60" 超出范围 -50.00%…50.00% / out of range -50.00%…50.00%');
    expect(form.value).toEqual({urban: 0.05, rural: 0.065});
    expect(events).toBe(0);
    commit("urban", "4");
    expect(message()).toBe("");
  });

  it("setting value shows the new values without firing an event", () => {
    form.value = {urban: 0.1, rural: -0.02};
    expect([box("urban").value, box("rural").value]).toEqual(["10.00%", "-2.00%"]);
    expect(form.value).toEqual({urban: 0.1, rural: -0.02});
    expect(events).toBe(0);
    const empty = ConstantColumns(incomeGapModel);
    expect((empty.querySelector("input[data-key=urban]") as HTMLInputElement).value).toBe("");
  });
});
