import {mkdtempSync, rmSync, writeFileSync, mkdirSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {describe, expect, it} from "vitest";
import {
  appendRun,
  describeChange,
  formatReloadLog,
  parseReloadLog,
  readReloadLog,
  type ReloadRun
} from "../../../loaders/reload/changelog.js";
import {diffRows} from "../../../loaders/reload/diffRows.js";

const run = (reloadedAt: string): ReloadRun => ({reloadedAt, durationMs: 1, datasets: []});

describe("reload log", () => {
  it("appendRun(log, run) puts the newest run first and keeps only the last N", () => {
    let log = {runs: [] as ReloadRun[]};
    for (let i = 1; i <= 5; i++) log = appendRun(log, run(`2026-01-0${i}T00:00:00.000Z`), 3);
    expect(log.runs.map((r) => r.reloadedAt.slice(0, 10))).toEqual(["2026-01-05", "2026-01-04", "2026-01-03"]);
  });

  it("describeChange lists at most `max` rows of a kind but counts them all", () => {
    const before = [2020, 2021, 2022].map((year) => ({
      indicator: "i",
      unit: "元",
      region_code: "CN",
      region: "全国",
      year,
      value: 1
    }));
    const after = before.map((r) => ({...r, value: 2}));
    const change = describeChange("x", 3, diffRows(before, after), {baseline: "published", inputs: [], max: 2});
    expect(change.revised).toBe(3);
    expect(change.listed.revised).toHaveLength(2);
  });

  it("round-trips through formatReloadLog and parseReloadLog", () => {
    const log = appendRun({runs: []}, run("2026-11-29T12:00:00.000Z"));
    expect(parseReloadLog(formatReloadLog(log))).toEqual(log);
  });

  it.each([
    ["{", /^data\/reload-log\.json: not valid JSON/],
    ['{"runs": [{"reloadedAt": 1}]}', /^data\/reload-log\.json: runs\.0\.reloadedAt: /],
    ["[]", /^data\/reload-log\.json: \(root\): /]
  ])("rejects a damaged log %j with a message naming the file and field", (text, message) => {
    expect(() => parseReloadLog(text)).toThrow(message);
  });

  it("readReloadLog(root) is empty when the project has no log yet", () => {
    const root = mkdtempSync(join(tmpdir(), "ys-log-"));
    try {
      expect(readReloadLog(root)).toEqual({runs: []});
      mkdirSync(join(root, "data"));
      writeFileSync(join(root, "data/reload-log.json"), formatReloadLog({runs: [run("2026-11-29T12:00:00.000Z")]}));
      expect(readReloadLog(root).runs).toHaveLength(1);
    } finally {
      rmSync(root, {recursive: true});
    }
  });
});
