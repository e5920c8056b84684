import {readFileSync} from "node:fs";
import {describe, expect, it} from "vitest";

// The scheduled workflow must never publish before the reload and the tests have passed: check the step order.
const workflow = readFileSync(".github/workflows/reload.yml", "utf8");
const position = (text: string) => {
  const at = workflow.indexOf(text);
  expect(at, `${text} in .github/workflows/reload.yml`).toBeGreaterThan(-1);
  return at;
};

describe(".github/workflows/reload.yml", () => {
  it("runs on a schedule and on demand", () => {
    expect(workflow).toMatch(
      /^on:\n {2}schedule:\n(?: {4}#.*\n)* {4}- cron: "[0-9*/, -]+ [0-9*/, -]+ [0-9*/, -]+ [0-9*/, -]+ [0-9*/, -]+"\n/m
    );
    expect(workflow).toMatch(/^ {2}workflow_dispatch:/m);
  });

  it("installs, reloads, tests, builds, commits and uploads dist/ in that order, then deploys", () => {
    const steps = [
      "npm ci",
      "apt-get install -y --no-install-recommends chromium",
      "npm run reload",
      "npm test",
      "npm run build"
    ];
    const order = [...steps, "git push", "actions/upload-pages-artifact", "path: dist", "actions/deploy-pages"].map(
      position
    );
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(workflow).toMatch(/deploy:\n {4}needs: reload/);
  });

  it("is the schedule docs/reload.md describes", () => {
    const docs = readFileSync("docs/reload.md", "utf8");
    const cron = workflow.match(/cron: "([^"]+)"/)![1];
    expect(docs).toContain(`\`${cron}\``);
    expect(docs).toMatch(/^17 2 \* \* \* cd .* && npm run reload .*&& npm run build/m);
  });
});
