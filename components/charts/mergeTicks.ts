// Plot draws every axis tick and grid line as an element of its own; a notebook that redraws five figures on an edit
// made the browser style and lay out about 80 of them each time. Each such group becomes one <path> with a subpath per
// tick: the same strokes at the same coordinates, drawn by one element.

const MERGED = ["tick", "-grid"]; // Plot's labels of tick groups ("y-axis tick") and grid groups ("x-grid")
// "x,y" with two plain numbers, as Plot writes them in translate(x,y) and in a tick's M0,0Lx,y.
const PLAIN_PAIR = /^-?[\d.]+(?:e-?\d+)?,-?[\d.]+(?:e-?\d+)?$/;

/**
 * Replaces each tick or grid group's lines in a Plot SVG by one path (groups of any other shape are left as they
 * are). Returns the chart.
 * @example mergeTicks(Plot.plot({marks})).querySelectorAll("g[aria-label='x-axis tick'] > *").length // 1
 */
export function mergeTicks<T extends Element>(chart: T): T {
  for (const group of chart.querySelectorAll("svg g")) {
    const name = group.getAttribute("aria-label") ?? group.getAttribute("data-aria-label") ?? "";
    if (!MERGED.some((end) => name.endsWith(end)) || group.childElementCount < 2) continue;
    const d = subpaths(group.children);
    if (d === null) continue;
    const path = group.ownerDocument.createElementNS("http://www.w3.org/2000/svg", "path");
    path.setAttribute("d", d);
    group.replaceChildren(path);
  }
  return chart;
}

// One subpath per child, or null when a child is not a plain tick or grid line (another attribute, a title, …).
// Plain attribute reads, no lists: this runs for every figure drawn on an edit.
function subpaths(children: HTMLCollection): string | null {
  let d = "";
  for (let i = 0; i < children.length; i++) {
    const child = children[i];
    if (child.firstChild !== null) return null;
    const name = child.localName;
    const count = child.attributes.length;
    if (name === "path" && count === 2) {
      const transform = child.getAttribute("transform");
      const tick = child.getAttribute("d");
      if (transform === null || tick === null || !transform.startsWith("translate(") || !tick.startsWith("M0,0L")) return null;
      const at = transform.slice(10, -1);
      const to = tick.slice(5);
      if (!transform.endsWith(")") || !PLAIN_PAIR.test(at) || !PLAIN_PAIR.test(to)) return null;
      d += `M${at}l${to}`;
    } else if (name === "line" && count === 4) {
      const [x1, y1, x2, y2] = [child.getAttribute("x1"), child.getAttribute("y1"), child.getAttribute("x2"), child.getAttribute("y2")];
      if (x1 === null || y1 === null || x2 === null || y2 === null) return null;
      d += `M${x1},${y1}L${x2},${y2}`;
    } else return null;
  }
  return d;
}
