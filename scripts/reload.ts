// `npm run reload`: re-run every dataset's loader on fresh inputs, validate all, and only then swap the outputs in.
// Exit codes: 0 reloaded (or checked), 1 failed with every output untouched, 2 another reload holds the lock.
import {parseArgs} from "node:util";
import {readReloadConfig} from "../loaders/reload/config.js";
import {DATASETS} from "../loaders/datasets.js";
import {LockBusyError} from "../loaders/reload/lock.js";
import {createProgress} from "../loaders/reload/progress.js";
import {reload, ReloadError} from "../loaders/reload/reload.js";

const USAGE = `usage: npm run reload -- [--check] [--config reload.config.json] [--root .]
  --check    download and validate everything, replace nothing, log nothing
  --config   remote sources (default reload.config.json; missing means local files only);
             reload.nbs.json reads the series from the NBS data portal (NBS_BASE_URL replaces its address)
  --root     project root (default: the current directory)`;

async function main(): Promise<number> {
  let values;
  try {
    ({values} = parseArgs({
      options: {
        check: {type: "boolean"},
        config: {type: "string"},
        root: {type: "string"},
        help: {type: "boolean", short: "h"}
      }
    }));
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`);
    return 1;
  }
  if (values.help) return (console.log(USAGE), 0);
  const root = values.root ?? process.cwd();
  const progress = createProgress();
  try {
    const config = values.config ? readReloadConfig(root, DATASETS, values.config) : undefined;
    const {run, written} = await reload({root, config, check: values.check, progress});
    for (const d of run.datasets) {
      const origins = d.inputs.map((i) => (i.origin === "bundled" ? i.input : `${i.input} ← ${i.origin}`)).join(", ");
      progress.info(
        `${d.id}: ${d.rows} rows from ${origins}; vs ${d.baseline}: +${d.added} added, -${d.removed} removed, ${d.revised} revised`
      );
      for (const r of d.listed.revised.slice(0, 20)) {
        progress.info(
          `  ${r.indicator} · ${r.region} · ${r.year}: ${r.old ?? "missing"} → ${r.new ?? "missing"} ${r.unit}`
        );
      }
    }
    progress.info(
      values.check
        ? "check passed: every dataset validates; nothing was replaced"
        : `reloaded at ${run.reloadedAt} in ${(run.durationMs / 1000).toFixed(1)} s; replaced ${written.length} files (${written.join(", ")})`
    );
    return 0;
  } catch (error) {
    if (error instanceof LockBusyError) return (console.error(`reload: ${error.message}`), 2);
    if (error instanceof ReloadError) return (console.error(`reload: ${error.message}`), 1);
    console.error(`reload failed, nothing was replaced: ${(error as Error).message}`);
    return 1;
  }
}

process.exitCode = await main();
