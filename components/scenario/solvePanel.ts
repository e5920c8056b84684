// Solve-for-target on any scenario model: a small form (which column to solve, which series, by which year, what
// value) and the answer with a button that makes it a scenario.
import {html} from "htl";
import {t} from "../i18n.js";
import {formatterFor} from "../format.js";
import {gridColumns, firstMeeting, type Projection, type ScenarioModel, type ScenarioRow} from "./model.js";
import {setColumn, solveColumn} from "./analysis.js";
import {formatCell, parseCell} from "../model/cells.js";

/** What to solve: the constant value of `column` that makes `series` equal `value` in year `x`. */
export interface SolveGoal {
  column: string;
  series: string;
  x: number;
  value: number;
}

export interface SolveFormElement extends HTMLFormElement {
  value: SolveGoal;
}

/**
 * The goal form, an input for `view()`: target value, target year and the column to solve for.
 * @example const goal = view(SolveForm(model, {column: "rural", series: "ratio", x: 2035, value: 2}, {years: [2025, 2035]}))
 */
export function SolveForm(model: ScenarioModel<any>, initial: SolveGoal, {years}: {years: readonly [number, number]}): SolveFormElement {
  let goal = {...initial};
  const series = (model.series ?? []).find((s) => s.key === goal.series);
  const form = html`<form class="solve-form">
    <label>${t(series?.label ?? goal.series)} ${t({zh: "目标值", en: "target"})} <input name="target" type="number" step="any" value=${goal.value} /></label>
    <label>${t({zh: "目标年份", en: "by year"})} <input name="year" type="number" step="1" min=${years[0]} max=${years[1]} value=${goal.x} /></label>
    <label>${t({zh: "求解", en: "solve for"})} <select name="column">${model.columns.map(
      (c) => html`<option value=${c.key} selected=${c.key === goal.column}>${t(c.label)}</option>`
    )}</select></label>
    <span class="solve-message" role="status"></span>
  </form>` as SolveFormElement;
  const message = form.querySelector(".solve-message")!;
  form.addEventListener("submit", (e) => e.preventDefault());
  form.addEventListener(
    "input",
    (e) => {
      if (e.target === form) return;
      e.stopPropagation();
      const value = Number((form.elements.namedItem("target") as HTMLInputElement).value);
      const x = Number((form.elements.namedItem("year") as HTMLInputElement).value);
      const column = (form.elements.namedItem("column") as HTMLSelectElement).value;
      if (!Number.isFinite(value) || !Number.isInteger(x) || x < years[0] || x > years[1]) {
        message.textContent = t({zh: `年份应在 ${years[0]}-${years[1]}，目标应为数字`, en: `the year must be ${years[0]}-${years[1]} and the target a number`});
        return;
      }
      message.textContent = "";
      goal = {...goal, value, x, column};
      form.dispatchEvent(new Event("input", {bubbles: true}));
    },
    true
  );
  Object.defineProperty(form, "value", {get: () => ({...goal})});
  return form;
}

/**
 * The answer to a goal on the given rows: the value needed (with "use as a scenario"), or why it cannot be reached
 * within the column's bounds.
 * @example solveResult(model, data, active.rows, goal, {use: (rows, name) => manager.applyRows(rows, name)})
 */
export function solveResult<D>(
  model: ScenarioModel<D>,
  data: D,
  rows: readonly ScenarioRow[],
  goal: SolveGoal,
  {use}: {use?: (rows: ScenarioRow[], name: string) => void} = {}
): HTMLElement {
  const column = gridColumns(model).find((c) => c.key === goal.column)!;
  const spec = model.columns.find((c) => c.key === goal.column)!;
  const solved = solveColumn(model, data, rows, {column: goal.column, probe: {series: goal.series, x: goal.x}, value: goal.value});
  const bounds = `${formatCell(spec.min, column)} … ${formatCell(spec.max, column)}`;
  if (!solved.ok)
    return html`<p class="solve-result warning" data-ok="false">${t({
      zh: `在 ${bounds} 范围内无解：${solved.reason}`,
      en: `Unreachable within ${bounds}: ${solved.reason}`
    })}</p>`;
  const shown = formatCell(solved.x, {...column, digits: (column.digits ?? 2) + 1});
  // The stored value is the rounded one shown, so the scenario reads back as typed.
  const parsed = parseCell(shown, {...column, min: undefined, max: undefined});
  const value = parsed.ok && parsed.value !== null ? parsed.value : solved.x;
  const name = `${t({zh: "目标", en: "Target"})} ${goal.value} @ ${goal.x}`;
  return html`<p class="solve-result" data-ok="true" data-value=${solved.x}>${t({zh: "需要", en: "Needed"})} ${column.label}:
    <strong>${shown}</strong> ${t({zh: "（每年相同）", en: "(the same every year)"})}
    ${use ? html`<button type="button" onclick=${() => use(setColumn(rows, goal.column, value), name)}>${t({zh: "用作新情景", en: "Use as a scenario"})}</button>` : ""}</p>`;
}

/**
 * Each of the model's targets against a projection: the value by the target year and the first year it is met.
 * @example targetList(model, active.projection)
 */
export function targetList(model: ScenarioModel<any>, projection: Projection, {after}: {after?: number} = {}): HTMLElement {
  const specs = new Map((model.series ?? []).map((s) => [s.key, s]));
  return html`<ul class="target-list">${(model.targets ?? []).map((target) => {
    const spec = specs.get(target.series);
    const f = formatterFor(spec?.format ?? "number", {digits: spec?.digits});
    const year = firstMeeting(projection, target, {after});
    const met = year !== null && year <= target.x;
    return html`<li data-target=${target.id} data-year=${year ?? ""} data-met=${met ? "true" : "false"}>${t(target.label)} (${f(target.value)}, ${target.x}):
      ${year === null
        ? t({zh: "期内未达到", en: "not reached within the horizon"})
        : t({zh: `${year} 年达到${met ? "，按期" : "，晚于目标年"}`, en: `reached in ${year}${met ? ", on time" : ", after the target year"}`})}${
        target.source ? html` <span class="muted">${t(target.source)}</span>` : ""
      }</li>`;
  })}</ul>`;
}
