// @vitest-environment jsdom
import {describe, expect, it} from "vitest";
import {labelInputs} from "../../../components/labelInputs.js";
import {count, listOf, sentence, yearSpan} from "../../../components/charts/chartText.js";

// The markup @observablehq/inputs makes (its controls need a browser's input elements; jsdom refuses them): Inputs.range
// is a <form> with a <label for> naming the number box and a slider with no name; Inputs.form puts several in a <div>.
let ids = 0;
function range(label: string | null): HTMLFormElement {
  const form = document.createElement("form");
  const id = `inputs-test-${++ids}`;
  form.innerHTML = `${label === null ? "" : `<label for="${id}">${label}</label>`}<div><input type="number" id="${id}"><input type="range"></div>`;
  return form;
}
function formOf(...inputs: HTMLElement[]): HTMLDivElement {
  const div = document.createElement("div");
  div.append(...inputs);
  return div;
}

const byType = (element: Element, type: string) => [...element.querySelectorAll<HTMLInputElement>(`input[type=${type}]`)];

describe("labelInputs", () => {
  it("names each slider of an Inputs.form after its own range's label, leaving the labelled number boxes alone", () => {
    const form = labelInputs(formOf(range("城镇增速范围 ± 个百分点"), range("农村增速范围 ± 个百分点")));
    expect(byType(form, "range").map((i) => i.getAttribute("aria-label"))).toEqual(["城镇增速范围 ± 个百分点", "农村增速范围 ± 个百分点"]);
    expect(byType(form, "number").map((i) => i.hasAttribute("aria-label"))).toEqual([false, false]);
  });

  it("returns the same element, so the input's value and events are untouched", () => {
    const input = range("x");
    expect(labelInputs(input)).toBe(input);
  });

  it("counts a <label for> anywhere in the page once the input is in it", () => {
    const input = range("x");
    document.body.append(input);
    labelInputs(input);
    expect(byType(input, "number")[0].hasAttribute("aria-label")).toBe(false);
    input.remove();
  });

  it("keeps a name a control already has, and uses the fallback where no label is found", () => {
    const named = range("x");
    byType(named, "range")[0].setAttribute("aria-label", "own name");
    expect(byType(labelInputs(named), "range")[0].getAttribute("aria-label")).toBe("own name");
    const bare = range(null);
    expect(byType(labelInputs(bare, "Spread"), "range")[0].getAttribute("aria-label")).toBe("Spread");
    expect(byType(labelInputs(bare, "Spread"), "number")[0].getAttribute("aria-label")).toBe("Spread");
  });
});

describe("chart text pieces", () => {
  it("words year spans, lists, sentences and counts in each language", () => {
    expect(yearSpan([2024, 2013, 2019])).toBe("2013–2024");
    expect(yearSpan([2020])).toBe("2020");
    expect(yearSpan([])).toBe("");
    expect(listOf(["北京", "上海"], "zh")).toBe("北京、上海");
    expect(listOf(["a", "b"], "en")).toBe("a, b");
    expect(sentence(["甲", null, "", "乙"], "zh")).toBe("甲；乙。");
    expect(sentence(["a", false, "b"], "en")).toBe("a; b.");
    expect(sentence([], "en")).toBe("");
    expect([count(1, "scenario"), count(2, "scenario")]).toEqual(["1 scenario", "2 scenarios"]);
  });
});
