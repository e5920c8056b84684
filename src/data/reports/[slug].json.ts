// One published report for its page: the checked report file, and today's manifests and tidy rows of the datasets
// its model reads (the page recomputes every figure from the frozen rows on these, and compares hashes for drift).
import {parseArgs} from "node:util";
import {join} from "node:path";
import {readReport, REPORTS_DIR, todayData} from "../../../loaders/reports.js";

const {slug} = parseArgs({options: {slug: {type: "string"}}}).values;
const today = todayData();
const result = readReport(join(REPORTS_DIR, `${slug}.json`), `${slug}.json`, today);
if (!result.ok) {
  process.stderr.write(result.errors.join("\n") + "\n");
  process.exitCode = 1;
} else {
  const model = result.report.model;
  const tables = today.tables(model);
  const datasets = today.manifests(model).map((manifest) => ({manifest, rows: tables[manifest.dataset]}));
  process.stdout.write(JSON.stringify({slug, report: result.report, datasets}));
}
