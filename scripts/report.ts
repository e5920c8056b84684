// npm run report -- add <share-url> --title "…" [--author …] [--note …] [--slug …] [--date YYYY-MM-DD] [--force]
// Writes reports/<slug>.json from a notebook's share link: the same file the notebook's "Publish report" button
// downloads, for analysts who work from the command line or a scheduled job. A bad link is refused with the reason.
import {existsSync, mkdirSync, writeFileSync} from "node:fs";
import {join} from "node:path";
import {parseArgs} from "node:util";
import {pathToFileURL} from "node:url";
import {REPORT_MODELS} from "../components/report/models.js";
import {buildReport, reportDate, reportText, slugify, specModel, validateReport} from "../components/report/schema.js";
import {rowShape} from "../components/scenario/scenarioSet.js";
import {decodeShare} from "../components/scenario/share.js";
import {REPORTS_DIR, todayData, type TodayData} from "../loaders/reports.js";

const USAGE = 'usage: npm run report -- add <share-url> --title "…" [--author …] [--note …] [--slug …] [--date YYYY-MM-DD] [--force]';

/** What a run printed and its exit code. */
export interface CliResult {
  code: number;
  out: string;
  err: string;
}

/**
 * Runs the report command on `argv` (the words after `npm run report --`). Never throws; never exits.
 * @example runReportCli(["add", "http://127.0.0.1:3000/income-gap#income-gap.v1.eyJr…", "--title", "Rural 7%"])
 */
export function runReportCli(
  argv: readonly string[],
  {dir = REPORTS_DIR, today = todayData(), now = () => new Date()}: {dir?: string; today?: TodayData; now?: () => Date} = {}
): CliResult {
  const fail = (message: string, code = 1): CliResult => ({code, out: "", err: `${message}\n`});
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        title: {type: "string"},
        author: {type: "string"},
        note: {type: "string"},
        slug: {type: "string"},
        date: {type: "string"},
        force: {type: "boolean", default: false}
      }
    });
  } catch (error) {
    return fail(`${(error as Error).message}\n${USAGE}`, 2);
  }
  const {values, positionals} = parsed;
  if (positionals[0] !== "add" || positionals.length !== 2) return fail(USAGE, 2);
  if (!values.title?.trim()) return fail(`--title is required\n${USAGE}`, 2);
  const link = positionals[1];
  const hashAt = link.indexOf("#");
  if (hashAt < 0 || hashAt === link.length - 1) return fail(`${link}: the link holds no scenarios (no #… part): copy it from the notebook's share-link box`);
  const hash = link.slice(hashAt);
  const path = link.slice(0, hashAt).replace(/^[a-z]+:\/\/[^/]*/i, "").replace(/\?.*$/, "").replace(/\.html$/, "").replace(/\/+$/, "");
  const entries = hash.slice(1).split("&").filter(Boolean);
  const candidates = Object.values(REPORT_MODELS).filter((m) => entries.some((e) => e.startsWith(`${m.id}.`)) || path.endsWith(m.notebook));
  if (candidates.length === 0)
    return fail(`${link}: not a link of a notebook that can publish reports (models: ${Object.keys(REPORT_MODELS).join(", ")})`);
  const entry = candidates.find((m) => entries.some((e) => e.startsWith(`${m.id}.`))) ?? candidates[0];
  const data = today.data(entry.id);
  const model = specModel(entry, data);
  const shape = rowShape(model, model.baseline(data as never).rows);
  const decoded = decodeShare(hash, model, shape);
  if (decoded === null) return fail(`${link}: the link holds no scenarios of model ${entry.id}`);
  if (!decoded.ok) return fail(`${link}: ${decoded.error}`);
  const date = values.date ?? reportDate(now());
  const slug = values.slug ?? slugify(values.title, entry.id, date);
  const file = `${slug}.json`;
  let report;
  try {
    report = buildReport(entry, data, decoded.state, {title: values.title, author: values.author, note: values.note, date}, today.manifests(entry.id));
  } catch (error) {
    return fail(`${link}: ${(error as Error).message}`);
  }
  // The file is checked exactly as the build will check it, so what this writes is what gets published.
  const checked = validateReport(file, report, today);
  if (!checked.ok) return fail(checked.errors.join("\n"));
  const target = join(dir, file);
  if (existsSync(target) && !values.force) return fail(`${target} exists: choose another --slug (or --force to replace it)`);
  mkdirSync(dir, {recursive: true});
  writeFileSync(target, reportText(report));
  const names = report.scenarios.map((s) => s.name).join(", ");
  return {code: 0, out: `${target}: ${report.title} (${entry.id}; ${report.scenarios.length} scenarios: ${names})\n`, err: ""};
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const result = runReportCli(process.argv.slice(2));
  process.stdout.write(result.out);
  process.stderr.write(result.err);
  process.exitCode = result.code;
}
