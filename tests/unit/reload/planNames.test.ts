import {spawnSync} from "node:child_process";
import {readFileSync, rmSync, writeFileSync} from "node:fs";
import {join} from "node:path";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {copyProject, hashOutputs} from "../../fixtures/reload/projectCopy.js";
import {checkPlanNamesText} from "../../../loaders/planNames.js";
import type {Progress} from "../../../loaders/reload/progress.js";
import {reload, ReloadError} from "../../../loaders/reload/reload.js";

const targets = readFileSync("data/plan/targets.csv", "utf8");
const indicators = readFileSync("data/plan/plan_indicators.csv", "utf8");
const lineOf = (text: string, needle: string) => text.split("\n").findIndex((line) => line.includes(needle)) + 1;
const quiet: Progress = {update: () => {}, done: () => {}, info: () => {}};

describe("checkPlanNamesText", () => {
  it("passes the bundled targets and indicators", () => {
    expect(() => checkPlanNamesText(targets, "targets", "data/plan/targets.csv")).not.toThrow();
    expect(() => checkPlanNamesText(indicators, "indicators", "data/plan/plan_indicators.csv")).not.toThrow();
  });

  it("names the line and column of a target renamed in the data only", () => {
    const renamed = targets.replace(",农村自来水普及率,", ",农村自来水普及率（新）,");
    expect(() => checkPlanNamesText(renamed, "targets", "t.csv")).toThrow(
      `t.csv:${lineOf(targets, ",农村自来水普及率,")}:2: ` +
        'indicator_zh "农村自来水普及率（新）" of rural_tap_water_rate is not "农村自来水普及率", ' +
        "the name components/scorecard/planMeta.ts looks it up by: rename it there too, or keep the name here"
    );
  });

  it("names an observed series renamed in the data only", () => {
    const renamed = indicators.replaceAll(",地级及以上城市空气质量优良天数比率,", ",空气质量优良天数比率,");
    expect(() => checkPlanNamesText(renamed, "indicators", "i.csv")).toThrow(
      `i.csv:2:2: indicator_zh "空气质量优良天数比率" of air_good_days_ratio is not "地级及以上城市空气质量优良天数比率"`
    );
  });

  it("names an annotated series that disappeared, and a target the pages do not know", () => {
    const gone = indicators.replaceAll("高标准农田当年建成面积", "高标准农田当年建设面积");
    expect(() => checkPlanNamesText(gone, "indicators", "i.csv")).toThrow(
      'i.csv: no series "高标准农田当年建成面积", whose sources components/scorecard/planMeta.ts annotates: was it renamed?'
    );
    const extra = targets.trimEnd() + "\nnew_target,新目标,1,%,>=,2025,,\n";
    expect(() => checkPlanNamesText(extra, "targets", "t.csv")).toThrow(
      `t.csv:${extra.trimEnd().split("\n").length}:1: target new_target has no entry in components/scorecard/planMeta.ts`
    );
  });
});

describe("a plan indicator renamed in data/", () => {
  let root: string;
  const renamedLine = lineOf(targets, ",农村自来水普及率,");
  beforeAll(() => {
    root = copyProject();
    writeFileSync(
      join(root, "data/plan/targets.csv"),
      targets.replace(",农村自来水普及率,", ",农村自来水普及率（新）,")
    );
  });
  afterAll(() => rmSync(root, {recursive: true, force: true}));

  it("fails `reload --check` with the reason, and replaces nothing", async () => {
    const before = hashOutputs(root);
    const error = await reload({root, check: true, progress: quiet}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ReloadError);
    expect((error as ReloadError).problems).toEqual([
      expect.stringContaining(
        `plan-targets: data/plan/targets.csv:${renamedLine}:2: indicator_zh "农村自来水普及率（新）" of rural_tap_water_rate`
      )
    ]);
    expect(hashOutputs(root)).toEqual(before);
  });

  it("fails the loader the build runs, with the reason on stderr and nothing on stdout", () => {
    const loader = ["--import", "tsx", "src/data/plan-targets.csv.ts"];
    const result = spawnSync(process.execPath, loader, {cwd: root, encoding: "utf8"});
    expect(result.status).toBe(1);
    expect(result.stdout).toBe("");
    expect(result.stderr).toContain(`data/plan/targets.csv:${renamedLine}:2: indicator_zh "农村自来水普及率（新）"`);
  });
});
