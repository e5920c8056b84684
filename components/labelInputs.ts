// Inputs from @observablehq/inputs label their first control (<label for>) but not the others: Inputs.range's slider
// beside its number box has no accessible name (axe "label", critical). This names each unnamed control after the
// label of the input it belongs to, so a screen reader says "Urban range ± pt, slider" rather than "slider".

const CONTROLS = "input:not([type=hidden]):not([type=submit]):not([type=button]):not([type=reset]), select, textarea";

/**
 * Gives every unnamed control inside `element` (an Inputs element, or an Inputs.form of several) an aria-label: the
 * text of the <label> of the Inputs form it sits in, else `fallback`. Controls already named (aria-label,
 * aria-labelledby, a <label> around them or pointing at them, a title) are left alone. Returns `element`, so it wraps
 * an input in place.
 * @example view(labelInputs(Inputs.range([0, 3], {label: t({zh: "城镇增速范围", en: "Urban range"})})))
 */
export function labelInputs<T extends Element>(element: T, fallback?: string): T {
  for (const control of element.querySelectorAll<HTMLElement>(CONTROLS)) {
    if (isNamed(control, element)) continue;
    const text = ownLabel(control, element) ?? fallback;
    if (text) control.setAttribute("aria-label", text);
  }
  return element;
}

function isNamed(control: HTMLElement, root: Element): boolean {
  if (control.hasAttribute("aria-label") || control.hasAttribute("aria-labelledby") || control.title) return true;
  if (control.closest("label")) return true;
  const id = control.id;
  if (!id) return false;
  const scope = root.isConnected ? root.ownerDocument : root;
  return [...scope.querySelectorAll("label[for]")].some((label) => (label as HTMLLabelElement).htmlFor === id);
}

// Each Inputs control is a <form> holding one <label> and its controls; walk up to the nearest one with a label.
function ownLabel(control: Element, root: Element): string | null {
  for (let node = control.parentElement; node; node = node === root ? null : node.parentElement) {
    const label = [...node.children].find((child) => child.tagName === "LABEL");
    const text = label?.textContent?.trim();
    if (text) return text;
  }
  return null;
}
