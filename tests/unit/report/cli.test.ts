import {mkdtempSync, readFileSync, rmSync, existsSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {afterAll, describe, expect, it} from "vitest";
import {reportModel} from "../../../components/report/models.js";
import {specModel, validateReport} from "../../../components/report/schema.js";
import {forkBaseline, initialSet, rowShape} from "../../../components/scenario/scenarioSet.js";
import {encodeShare} from "../../../components/scenario/share.js";
import {runReportCli} from "../../../scripts/report.js";
import {SHA_A, syntheticToday} from "./context.js";

const dir = mkdtempSync(join(tmpdir(), "ys-report-cli-"));
afterAll(() => rmSync(dir, {recursive: true, force: true}));
const today = syntheticToday();
const entry = reportModel("income-gap")!;
const model = specModel(entry, today.data("income-gap") as never);
const baseline = model.baseline(today.data("income-gap") as never);
const shape = rowShape(model, baseline.rows);
const set = forkBaseline(initialSet(shape, baseline.rows), shape, baseline.rows.map((r, i) => (i < 2 ? {...r, rural: 0.08} : r)));
const link = `http://127.0.0.1:3000/income-gap#${encodeShare(set, model)}`;
const run = (...argv: string[]) => runReportCli(argv, {dir, today, now: () => new Date("2026-12-01T03:00:00Z")});

describe("npm run report -- add", () => {
  it("writes reports/<slug>.json from a share link: the scenarios of the link, the data's hash, the build's checks passed", () => {
    const result = run("add", link, "--title", "Rural 8% for two years", "--author", "A. Analyst");
    expect(result).toEqual({code: 0, err: "", out: `${join(dir, "rural-8-for-two-years.json")}: Rural 8% for two years (income-gap; 2 scenarios: 基线, 情景 1)\n`});
    const report = JSON.parse(readFileSync(join(dir, "rural-8-for-two-years.json"), "utf8"));
    expect(report).toMatchObject({version: 1, title: "Rural 8% for two years", author: "A. Analyst", date: "2026-12-01", model: "income-gap", activeId: "s1"});
    expect(report.scenarios[1].rows.slice(0, 3).map((r: {rural: number}) => r.rural)).toEqual([0.08, 0.08, baseline.rows[2].rural]);
    expect(report.datasets).toEqual([{id: "income-national", sha256: SHA_A, rows: 22}]);
    expect(validateReport("rural-8-for-two-years.json", report, today).ok).toBe(true);
  });

  it("never overwrites a report unless told to", () => {
    const again = run("add", link, "--title", "Rural 8% for two years");
    expect(again.code).toBe(1);
    expect(again.err).toBe(`${join(dir, "rural-8-for-two-years.json")} exists: choose another --slug (or --force to replace it)\n`);
    expect(run("add", link, "--title", "Rural 8% for two years", "--slug", "second").code).toBe(0);
    expect(existsSync(join(dir, "second.json"))).toBe(true);
  });

  it("refuses bad links with the reason and writes nothing", () => {
    const before = existsSync(join(dir, "x.json"));
    expect(run("add", "http://127.0.0.1:3000/income-gap", "--title", "x", "--slug", "x").err).toBe(
      "http://127.0.0.1:3000/income-gap: the link holds no scenarios (no #… part): copy it from the notebook's share-link box\n"
    );
    expect(run("add", "http://127.0.0.1:3000/income-gap#income-gap.v1.AAAA", "--title", "x", "--slug", "x").err).toMatch(/^http:\/\/127\.0\.0\.1:3000\/income-gap#income-gap\.v1\.AAAA: 分享链接无效: /);
    expect(run("add", "http://127.0.0.1:3000/weather#weather.v1.AAAA", "--title", "x", "--slug", "x").err).toBe(
      "http://127.0.0.1:3000/weather#weather.v1.AAAA: not a link of a notebook that can publish reports (models: income-gap, farmland, tap-water, income-provinces, urbanization)\n"
    );
    // A rate of 80% is outside the column's ±50%: the model's own check refuses it.
    const wild = forkBaseline(initialSet(shape, baseline.rows), shape, baseline.rows.map((r) => ({...r, rural: 0.49})));
    const tooHigh = encodeShare(wild, model).replace(/\.v1\.(.*)$/, (_, b64) => `.v1.${Buffer.from(Buffer.from(b64, "base64url").toString().replace("0.49", "0.8")).toString("base64url")}`);
    const refused = run("add", `http://h/income-gap#${tooHigh}`, "--title", "x", "--slug", "x");
    expect(refused.code).toBe(1);
    expect(refused.err).toContain("0.8");
    expect(existsSync(join(dir, "x.json"))).toBe(before);
  });

  it("explains its usage when the title or the command is missing", () => {
    expect(run("add", link)).toMatchObject({code: 2, err: expect.stringContaining("--title is required")});
    expect(run("remove", link, "--title", "x")).toMatchObject({code: 2, err: expect.stringContaining("usage: npm run report -- add <share-url>")});
  });
});
