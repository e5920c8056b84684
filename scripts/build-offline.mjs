#!/usr/bin/env node
// Builds the site with no network at all and records how that was enforced in a build report:
// `unshare -rn` (a network namespace with only a loopback device) where the kernel allows it, else a Node preload
// that refuses every non-loopback connection. Exit code: the build's. The report sits beside the output folder
// (dist.build-report.json, or $YS_DIST.build-report.json).
import {spawnSync} from "node:child_process";
import {existsSync, mkdirSync, writeFileSync} from "node:fs";
import {dirname, join, resolve} from "node:path";
import {fileURLToPath} from "node:url";

// --root DIR builds another Framework project the same way (see tests/site/plugin.test.ts).
const rootFlag = process.argv.indexOf("--root");
const root = rootFlag > 0 ? process.argv[rootFlag + 1] : join(dirname(fileURLToPath(import.meta.url)), "..");
const scripts = dirname(fileURLToPath(import.meta.url));
// Framework runs TypeScript data loaders with `tsx` from PATH: put the project's own bin first, as npm run does.
const env = {
  ...process.env,
  OBSERVABLE_TELEMETRY_DISABLE: "true",
  PATH: `${join(root, "node_modules", ".bin")}:${process.env.PATH ?? ""}`
};

spawnSync(process.execPath, [join(scripts, "seed-npm-cache.mjs"), "--root", root], {cwd: root, stdio: "inherit"});
// A project with the loaders of its own (this one) drops cached tables made from older data/ or loaders/ first.
if (existsSync(join(root, "scripts", "fresh-cache.ts")))
  spawnSync(join(root, "node_modules", ".bin", "tsx"), ["scripts/fresh-cache.ts"], {cwd: root, env, stdio: "inherit"});
const report = resolve(root, `${(process.env.YS_DIST ?? "dist").replace(/\/+$/, "")}.build-report.json`);
// Report files are checked before Framework clears the output folder, so a bad one keeps the last good site.
if (existsSync(join(root, "scripts", "check-reports.ts"))) {
  const check = spawnSync(join(root, "node_modules", ".bin", "tsx"), ["scripts/check-reports.ts"], {cwd: root, env, encoding: "utf8"});
  if (check.status !== 0) {
    const log = `${check.stdout ?? ""}${check.stderr ?? ""}`;
    mkdirSync(dirname(report), {recursive: true});
    writeFileSync(report, JSON.stringify({mode: "report check", status: check.status, log}, null, 2));
    process.stdout.write(log);
    console.log(`offline build: stopped by bad report files (exit ${check.status})`);
    process.exit(check.status ?? 1);
  }
}
// A project that bundles its pages' modules (this one: scripts/bundle-pages.ts) writes the bundles first.
if (existsSync(join(root, "scripts", "bundle-pages.ts"))) {
  const bundle = spawnSync(join(root, "node_modules", ".bin", "tsx"), ["scripts/bundle-pages.ts"], {cwd: root, env, encoding: "utf8"});
  if (bundle.status !== 0) {
    process.stdout.write(`${bundle.stdout ?? ""}${bundle.stderr ?? ""}`);
    console.log(`offline build: stopped by the page bundles (exit ${bundle.status})`);
    process.exit(bundle.status ?? 1);
  }
}
const observable = join(root, "node_modules", ".bin", "observable");
const canUnshare = spawnSync("unshare", ["-rn", "true"]).status === 0;
const result = canUnshare
  ? spawnSync("unshare", ["-rn", observable, "build"], {cwd: root, env, encoding: "utf8", maxBuffer: 1 << 28})
  : spawnSync(observable, ["build"], {
      cwd: root,
      env: {...env, NODE_OPTIONS: `${env.NODE_OPTIONS ?? ""} --import=${join(scripts, "no-network.mjs")}`.trim()},
      encoding: "utf8",
      maxBuffer: 1 << 28
    });
const log = `${result.stdout ?? ""}${result.stderr ?? ""}`;
mkdirSync(dirname(report), {recursive: true});
writeFileSync(
  report,
  JSON.stringify({mode: canUnshare ? "unshare -rn" : "node network guard", status: result.status, log}, null, 2)
);
process.stdout.write(log.split("\n").filter((line) => !/ → src\/\.observablehq/.test(line)).slice(-25).join("\n") + "\n");
console.log(`offline build (${canUnshare ? "unshare -rn" : "node network guard"}): exit ${result.status}`);
process.exit(result.status ?? 1);
