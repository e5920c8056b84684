// npm run dev: Framework's preview server, plus the watching it does not do: the page bundles (below), and data.
// Framework reruns a data loader when the loader's own file changes, not when the data/ file it reads or a loaders/
// module does; here a change there drops the outputs it invalidates from the cache and touches their entry points in
// src/data/, so Framework runs them again and the open pages update.
import {spawn} from "node:child_process";
import {existsSync, readdirSync, utimesSync, watch} from "node:fs";
import {join} from "node:path";
import {freshenCache} from "../loaders/cacheStamp.js";
import {watchPages} from "./bundle-pages.js";

const root = process.cwd();
const report = (removed: string[]) => {
  for (const name of removed) {
    const entry = join(root, "src/data", `${name}.ts`);
    const now = new Date();
    if (existsSync(entry)) utimesSync(entry, now, now);
  }
  return removed;
};
const removed = report(freshenCache(root));
if (removed.length) console.log(`data cache: ${removed.length} outputs were made from older data/ or loaders/; Framework makes them again`);

// The pages import their modules from bundles (scripts/bundle-pages.ts): written before the server starts, rewritten on
// every change of a module they include.
const stopBundling = await watchPages(root);

// Framework's command line run by this Node itself (node_modules/.bin/observable is a shell shim on Windows).
const cli = join(root, "node_modules/@observablehq/framework/dist/bin/observable.js");
const preview = spawn(process.execPath, [cli, "preview", "--host", "127.0.0.1", ...process.argv.slice(2)], {
  stdio: "inherit"
});
let timer: NodeJS.Timeout | undefined;
const changed = () => {
  // Editors save in several steps: act once things are quiet.
  clearTimeout(timer);
  timer = setTimeout(() => {
    try {
      const removed = report(freshenCache(root));
      if (removed.length) console.log(`data/ or loaders/ changed: ${removed.join(", ")} made again`);
    } catch (error) {
      console.error(`data watch: ${(error as Error).message}`);
    }
  }, 300);
};
// Each folder is watched on its own: a folder's watch also sees files replaced by rename (editors, `sed -i`), which
// Node's recursive watch, following the files themselves, loses.
const folders = (dir: string): string[] => [
  dir,
  ...readdirSync(dir, {withFileTypes: true})
    .filter((entry) => entry.isDirectory())
    .flatMap((entry) => folders(join(dir, entry.name)))
];
const watchers = ["data", "loaders"]
  .flatMap((dir) => folders(join(root, dir)))
  .map((dir) =>
    // A folder removed while watched ends its watch with an error: say so, and keep serving.
    watch(dir, changed).on("error", (error) => console.error(`data watch: ${dir}: ${error.message}`))
  );
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => preview.kill(signal));
preview.on("exit", (code) => {
  for (const w of watchers) w.close();
  clearTimeout(timer);
  void stopBundling().finally(() => process.exit(code ?? 0));
});
