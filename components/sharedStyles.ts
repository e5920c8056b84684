// Plot puts the same <style> block in every figure it makes (and in every legend). Each one that enters or leaves
// the document changes the document's style sheets, and the browser then re-matches its rules, so a notebook that
// redraws six figures on an edit paid for a dozen style sheet changes. The blocks move into the document's head
// once, one per distinct text; the figures keep their classes, so the same rules apply to them.

const shared = new WeakMap<Document, Map<string, HTMLStyleElement>>();

/**
 * Removes every <style> inside `element`, adding each distinct one to `element`'s document head once (again if
 * something removed it). Returns the element.
 * @example shareStyles(Plot.plot({marks})).querySelector("style") // null; document.head holds Plot's style once
 */
export function shareStyles<T extends Element>(element: T): T {
  const styles = element.querySelectorAll("style");
  if (styles.length === 0) return element;
  const doc = element.ownerDocument;
  let added = shared.get(doc);
  if (!added) shared.set(doc, (added = new Map()));
  for (const style of styles) {
    const text = style.textContent ?? "";
    if (!added.get(text)?.isConnected) {
      const copy = doc.createElement("style");
      copy.dataset.shared = "";
      copy.textContent = text;
      (doc.head ?? doc.documentElement).append(copy);
      added.set(text, copy);
    }
    style.remove();
  }
  return element;
}
