#!/usr/bin/env node
// npm run clean: removes the built site and Framework's cache (every data loader then runs again). Node instead of
// `rm -rf`, so it also works where npm runs scripts with cmd.exe.
import {rmSync} from "node:fs";

for (const path of ["dist", "dist.build-report.json", "src/.observablehq/cache"]) rmSync(path, {recursive: true, force: true});
