import {spawnSync} from "node:child_process";
import {chromiumPath} from "../../scripts/support/chromium.js";

// Runs once before the site tests: fail fast, in one line, when Chromium is missing; then build the site with no
// network (scripts/build-offline.mjs), which is itself one of the things under test.
export default function setup() {
  chromiumPath();
  const result = spawnSync(process.execPath, ["scripts/build-offline.mjs"], {stdio: "inherit"});
  if (result.status !== 0) throw new Error("offline build failed: see the output above and the build report beside the output folder");
}
