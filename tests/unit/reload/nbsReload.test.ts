import {readFileSync, rmSync} from "node:fs";
import {join} from "node:path";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {nbsPortal, type PortalFault} from "../../fixtures/reload/nbsPortal.js";
import {INVENTED_YEARS, invented, MISSING_CELL, portalSeries} from "../../fixtures/reload/nbsSeries.js";
import {CACHE, copyProject, hashOutputs, PROJECT} from "../../fixtures/reload/projectCopy.js";
import {DATASETS} from "../../../loaders/datasets.js";
import {parseReloadLog} from "../../../loaders/reload/changelog.js";
import {readReloadConfig, type NbsSource, type ReloadConfig} from "../../../loaders/reload/config.js";
import type {Progress} from "../../../loaders/reload/progress.js";
import {reload, ReloadError} from "../../../loaders/reload/reload.js";
import {parseTidyCsv} from "../../../loaders/tidy.js";

// The committed NBS config, answered by a stand-in portal on 127.0.0.1 with SYNTHETIC series (fixtures/reload/
// nbsSeries.ts): the bundled figures, plus invented provincial years 2020-2024. This machine cannot reach
// data.stats.gov.cn; these tests prove the reading of the portal's format, not the real portal.
const committed = readReloadConfig(PROJECT, DATASETS, "reload.nbs.json");
const nbsSources = committed.sources as NbsSource[];
let portal: Awaited<ReturnType<typeof nbsPortal>>;
let root: string;

const quiet = (): Progress & {lines: string[]} => {
  const lines: string[] = [];
  return {lines, update: () => {}, done: () => {}, info: (text) => lines.push(text)};
};
const env = () => ({...process.env, NBS_BASE_URL: portal.base});
const config = (overrides: Partial<NbsSource> = {}): ReloadConfig => ({
  sources: nbsSources.map((s) => ({...s, backoffMs: 0, ...overrides}))
});
const published = (id: string) => parseTidyCsv(readFileSync(join(root, CACHE, `${id}.csv`), "utf8"));

beforeAll(async () => {
  portal = await nbsPortal(portalSeries(nbsSources));
  root = copyProject();
  await reload({root, progress: quiet()}); // the copy's published state: its bundled data
}, 60_000);

afterAll(async () => {
  await portal?.close();
  if (root) rmSync(root, {recursive: true, force: true});
});

describe("reload.nbs.json", () => {
  it("covers the national income and urbanisation series and the seven provincial series", () => {
    expect(nbsSources.map((s) => s.dataset).sort()).toEqual(
      [
        "income-national",
        "urbanization-national",
        "province-urban-income",
        "province-rural-income",
        "province-all-income",
        "province-urban-consumption",
        "province-rural-consumption",
        "province-urban-population",
        "province-rural-population"
      ].sort()
    );
  });
});

describe("a failing portal indicator leaves every published table, the log and the cache stamp byte-identical", () => {
  const failing = nbsSources.find((s) => s.dataset === "province-rural-income")!;
  const zb = failing.series[0].zb;
  const key = `fsnd ${zb}`;
  const named =
    "province-rural-income: data/nbs-exports/农村居民人均可支配收入.csv ← " +
    `NBS fsnd ${zb} (农村居民人均可支配收入) at http://127.0.0.1:`;

  it.each([
    ["an HTML check page with status 200", "html", /HTML page \(content-type text\/html\).*check page \(4 attempts\)/, 4],
    ["an HTML page labelled as JSON", "html-as-json", /HTML page \(title "请稍后再试"\).*\(4 attempts\)/, 4],
    ["returncode 501", "returncode", /portal returncode 501 instead of 200: 参数错误 \(synthetic\) \(4 attempts\)/, 4],
    [
      "empty datanodes",
      "empty",
      /no data \(empty datanodes\) for zb A0A0301, period 2013- in fsnd: check the indicator code and period \(1 attempt\)/,
      1
    ],
    ["truncated JSON", "truncated", /truncated or invalid JSON \(\d+ bytes\): .* \(4 attempts\)/, 4],
    ["HTTP 500", "500", /HTTP 500 Internal Server Error \(4 attempts\)/, 4],
    ["every figure missing", "all-missing", /every figure is missing \(hasdata false\) for zb A0A0301/, 1]
  ] as [string, PortalFault, RegExp, number][])("%s", async (_name, fault, message, attempts) => {
    const before = hashOutputs(root);
    const hitsBefore = portal.hits(key);
    portal.faults.set(key, fault);
    try {
      const error = await reload({root, config: config(), env: env(), progress: quiet(), fetch: {wait: async () => {}}}).then(
        () => null,
        (e: unknown) => e
      );
      expect(error).toBeInstanceOf(ReloadError);
      const problems = (error as ReloadError).problems;
      expect(problems, problems.join("\n")).toHaveLength(1);
      expect(problems[0].startsWith(named)).toBe(true);
      expect(problems[0]).toMatch(message);
      expect(portal.hits(key) - hitsBefore).toBe(attempts);
      expect(hashOutputs(root)).toEqual(before);
    } finally {
      portal.faults.delete(key);
    }
  }, 30_000);

  it("a slow drip past the deadline", async () => {
    const before = hashOutputs(root);
    portal.faults.set(key, "drip");
    try {
      const error = await reload({
        root,
        config: {sources: [{...failing, timeoutMs: 300, retries: 0}]},
        env: env(),
        progress: quiet()
      }).catch((e: unknown) => e);
      expect((error as ReloadError).problems).toEqual([expect.stringMatching(/^province-rural-income: .* timed out after 300 ms \(1 attempt\)$/)]);
      expect(hashOutputs(root)).toEqual(before);
    } finally {
      portal.faults.delete(key);
    }
  });

  it("an indicator the portal now names differently", async () => {
    const before = hashOutputs(root);
    const renamed = {...failing, series: [{...failing.series[0], name: "农村居民人均纯收入"}], indicator: "农村居民人均纯收入"};
    const error = await reload({root, config: {sources: [renamed]}, env: env(), progress: quiet()}).catch((e: unknown) => e);
    expect((error as ReloadError).problems[0]).toMatch(
      /zb A0A0301 is "农村居民人均可支配收入" on the portal, not "农村居民人均纯收入": the code may have been reassigned; fix reload\.nbs\.json$/
    );
    expect(hashOutputs(root)).toEqual(before);
  });
});

describe("a reload from the portal", () => {
  let run: Awaited<ReturnType<typeof reload>>["run"];
  beforeAll(async () => {
    ({run} = await reload({root, config: config(), env: env(), progress: quiet()}));
  }, 60_000);

  it("extends every provincial table to 2024, for all 31 provinces, with nothing revised", () => {
    for (const id of ["province-urban-income", "province-rural-income", "province-all-income"]) {
      const rows = published(id);
      expect(Math.max(...rows.map((r) => r.year)), id).toBe(2024);
      expect(rows.filter((r) => r.year === 2024), id).toHaveLength(31);
      const change = run.datasets.find((d) => d.id === id)!;
      expect(change, id).toMatchObject({added: 31 * INVENTED_YEARS.length, removed: 0, revised: 0});
    }
  });

  it("carries the portal's figures in canonical units and GB/T 2260 codes", () => {
    const rows = published("province-urban-income");
    const bundled2019 = rows.find((r) => r.region_code === "110000" && r.year === 2019)!;
    expect(rows.find((r) => r.region_code === "110000" && r.year === 2024)).toEqual({
      indicator: "城镇居民人均可支配收入",
      unit: "元",
      region_code: "110000",
      region: "北京",
      year: 2024,
      value: invented(bundled2019.value!, 2024)
    });
  });

  it("keeps a figure the portal does not have (hasdata false) missing, never 0", () => {
    const cell = published("province-rural-income").find(
      (r) => r.region_code === MISSING_CELL.region && r.year === MISSING_CELL.year
    );
    expect(cell?.value).toBeNull();
  });

  it("does not publish the year the portal lists with no figure at all (2025, not yet released)", () => {
    expect(published("province-rural-population").some((r) => r.year === 2025)).toBe(false);
    expect(published("income-national").some((r) => r.year === 2025)).toBe(false);
  });

  it("fills the national tables without changing a bundled figure", () => {
    for (const id of ["income-national", "urbanization-national"]) {
      expect(run.datasets.find((d) => d.id === id), id).toMatchObject({added: 0, removed: 0, revised: 0});
    }
    expect(readFileSync(join(root, "data/national/urbanization_national.csv"), "utf8")).toBe(
      readFileSync(join(PROJECT, "data/national/urbanization_national.csv"), "utf8")
    );
  });

  it("logs each input's origin as the portal query, and the written export says how it was made", () => {
    const log = parseReloadLog(readFileSync(join(root, "data/reload-log.json"), "utf8"));
    const input = log.runs[0].datasets.find((d) => d.id === "province-urban-income")!.inputs[0];
    expect(input).toMatchObject({replaced: true});
    expect(input.origin).toBe(`${portal.base}/easyquery.htm (QueryData fsnd zb A0A0201, 2013-)`);
    const text = readFileSync(join(root, "data/nbs-exports/城镇居民人均可支配收入.csv"), "utf8");
    expect(text.split("\r\n").slice(0, 4)).toEqual([
      "数据库：分省年度数据",
      "指标：城镇居民人均可支配收入(元)",
      "时间：2013-2024",
      "地区,2024年,2023年,2022年,2021年,2020年,2019年,2018年,2017年,2016年,2015年,2014年,2013年"
    ]);
    expect(text).toContain("zb=A0A0201");
  });

  it("a second reload of the same answers replaces nothing and revises nothing", async () => {
    const before = hashOutputs(root);
    const {run: again} = await reload({root, config: config(), env: env(), progress: quiet()});
    for (const d of again.datasets) expect(d, d.id).toMatchObject({added: 0, removed: 0, revised: 0});
    expect(again.datasets.flatMap((d) => d.inputs).filter((i) => i.replaced)).toEqual([]);
    const after = hashOutputs(root);
    const changed = Object.keys(after).filter((path) => after[path] !== before[path]);
    // Only the log (a new run), the manifests (their generatedAt) and the stamp that vouches for them change.
    expect(changed.every((path) => /reload-log\.json$|\.manifest\.json$|yearbook-inputs\.json$/.test(path)), changed.join(", ")).toBe(true);
  });
});
