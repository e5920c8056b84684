// The three minimal reference pages that `npm run bench:load` adds to its temporary copy of the site. Each draws one
// Plot line and nothing else, so a notebook's times can be stated as ratios of what Framework itself costs.

const IMPORTS = 'import * as Plot from "@observablehq/plot";';

/** Route → Markdown of each reference page. */
export const REFERENCE_PAGES: Record<string, {label: string; markdown: string}> = {
  "bench-plot": {
    label: "ref: Plot line, inline data",
    markdown: `# Reference: one Plot line from inline data

\`\`\`js
${IMPORTS}
\`\`\`

SYNTHETIC data made by code (a benchmark reference, not a statistic).

\`\`\`js
const rows = Array.from({length: 12}, (_, i) => ({year: 2013 + i, value: 20000 + 1500 * i}));
display(Plot.plot({marks: [Plot.lineY(rows, {x: "year", y: "value"})]}));
\`\`\`
`
  },
  "bench-dsv": {
    label: "ref: Plot line, CSV + d3-dsv",
    markdown: `# Reference: the same line from income-national.csv via fetch and d3-dsv

\`\`\`js
${IMPORTS}
import {csvParse} from "d3-dsv";
\`\`\`

\`\`\`js
const text = await fetch(FileAttachment("data/income-national.csv").href).then((r) => r.text());
const rows = csvParse(text).filter((d) => d.indicator === "城镇居民人均可支配收入" && d.region_code === "CN");
display(Plot.plot({marks: [Plot.lineY(rows, {x: (d) => +d.year, y: (d) => +d.value})]}));
\`\`\`
`
  },
  "bench-duckdb": {
    label: "ref: Plot line, DuckDB client",
    markdown: `# Reference: the same line through the project's DuckDB client

\`\`\`js
${IMPORTS}
import {openDatabase} from "./components/duckdb.js";
\`\`\`

\`\`\`js
const db = openDatabase({income: FileAttachment("data/income-national.csv").href});
const rows = await db.sql\`SELECT year, value FROM income WHERE indicator = '城镇居民人均可支配收入' AND region_code = 'CN' ORDER BY year\`;
display(Plot.plot({marks: [Plot.lineY(rows, {x: "year", y: "value"})]}));
\`\`\`
`
  }
};
