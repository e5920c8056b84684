import {availableParallelism} from "node:os";
import {defineConfig} from "vitest/config";

// Two projects: `unit` (pure functions, loaders, model, components under jsdom where they need a DOM) runs first;
// `site` builds the site with no network and drives it in Debian's Chromium.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: "unit",
          include: ["tests/unit/**/*.test.ts"],
          environment: "node",
          testTimeout: 20_000,
          // Every core (vitest's default leaves one free): the reload tests wait on child processes and servers.
          maxWorkers: availableParallelism()
        }
      },
      {
        test: {
          name: "site",
          include: ["tests/site/**/*.test.ts"],
          environment: "node",
          globalSetup: ["tests/site/globalSetup.ts"],
          testTimeout: 60_000,
          // DuckDB-WASM takes a few seconds to start on a loaded 2-core machine; poll for up to 20 s.
          expect: {poll: {timeout: 20_000}},
          hookTimeout: 120_000,
          // Two test files at a time, and up to three pages at a time in the files that check every page alike
          // (describe.concurrent): much of a browser test is waiting for a page, a build or a poll.
          fileParallelism: true,
          maxWorkers: 2,
          maxConcurrency: 3
        }
      }
    ]
  }
});
