// Plot draws every axis tick and grid line as an element of its own; a notebook that redraws six figures on an edit
// made the browser style and lay out about 150 of them, a fifth of the edit's layout time. Each such group becomes
// one <path> with a subpath per tick: the same strokes at the same coordinates, drawn by one element.

const MERGED = ["tick", "-grid"]; // Plot's labels of tick groups ("y-axis tick") and grid groups ("x-grid")
const TRANSLATE = /^translate\(([^,()\s]+),([^,()\s]+)\)$/;
const TICK = /^M0,0L([^,\s]+),([^,\s]+)$/;

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
function subpaths(children: HTMLCollection): string | null {
  let d = "";
  for (const child of children) {
    if (child.childElementCount > 0) return null;
    const attributes = [...child.attributes].map((a) => a.name).sort().join(" ");
    if (child.localName === "path" && attributes === "d transform") {
      const at = TRANSLATE.exec(child.getAttribute("transform")!);
      const to = TICK.exec(child.getAttribute("d")!);
      if (!at || !to) return null;
      d += `M${at[1]},${at[2]}l${to[1]},${to[2]}`;
    } else if (child.localName === "line" && attributes === "x1 x2 y1 y2") {
      d += `M${child.getAttribute("x1")},${child.getAttribute("y1")}L${child.getAttribute("x2")},${child.getAttribute("y2")}`;
    } else return null;
  }
  return d;
}
