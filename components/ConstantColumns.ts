// "Same value in every row": one number box per editable column of a scenario model. Typing a valid value fires an
// `input` event whose `value` holds every column's value in stored units (fractions for percent columns).
import {formatCell, parseCell} from "./model/cells.js";
import {gridColumns, type ScenarioModel} from "./scenario/model.js";
import {t} from "./i18n.js";

export interface ConstantColumnsElement extends HTMLDivElement {
  value: Record<string, number>;
}

/**
 * A form of one text box per model column, read like grid cells ("6.5", "6.5%", "６．５").
 * @example const constants = ConstantColumns(model, {values: {urban: 0.05, rural: 0.065}})
 */
export function ConstantColumns(model: ScenarioModel<any>, {values = {}}: {values?: Record<string, number>} = {}): ConstantColumnsElement {
  // A div, not a form: a form's named controls would shadow its `value` property.
  const form = document.createElement("div") as ConstantColumnsElement;
  form.className = "constant-columns";
  const columns = gridColumns(model);
  const message = document.createElement("span");
  message.className = "constant-message";
  message.setAttribute("role", "status");
  let current: Record<string, number> = {...values};
  const inputs = columns.map((column) => {
    const input = document.createElement("input");
    input.type = "text";
    input.inputMode = "decimal";
    input.dataset.key = column.key;
    input.size = 8;
    const label = document.createElement("label");
    label.append(`${column.label} `, input);
    form.append(label, " ");
    input.addEventListener("change", () => {
      const parsed = parseCell(input.value, column);
      if (!parsed.ok || parsed.value === null) {
        message.textContent = `${column.label}: ${parsed.ok ? t({zh: "不能为空", en: "must not be empty"}) : parsed.message}`;
        return;
      }
      message.textContent = "";
      current = {...current, [column.key]: parsed.value};
      form.dispatchEvent(new Event("input", {bubbles: true}));
    });
    return input;
  });
  // Typing fires the browser's own input events; only the parsed commit (on change) is this element's event.
  form.addEventListener("input", (e) => e.target !== form && e.stopPropagation(), true);
  form.append(message);
  const show = () => inputs.forEach((input, i) => (input.value = current[columns[i].key] === undefined ? "" : formatCell(current[columns[i].key], columns[i])));
  Object.defineProperty(form, "value", {
    get: () => ({...current}),
    set(next: Record<string, number>) {
      current = {...next};
      show();
    }
  });
  show();
  return form;
}
