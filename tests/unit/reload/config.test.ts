import {mkdtempSync, rmSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {describe, expect, it} from "vitest";
import {parseReloadConfig, readReloadConfig} from "../../../loaders/reload/config.js";
import type {Dataset} from "../../../loaders/datasets.js";

const datasets: Dataset[] = [
  {
    id: "income-national",
    inputs: ["data/national/income_national.csv"],
    load: () => ({rows: [], manifest: {} as never})
  }
];
const source = {
  dataset: "income-national",
  input: "data/national/income_national.csv",
  url: "https://example.org/x.csv"
};

describe("parseReloadConfig", () => {
  it("fills defaults for timeout, retries, backoff and size cap, and lower-cases a pinned sha256", () => {
    const {sources} = parseReloadConfig({sources: [{...source, sha256: "AB".repeat(32)}]}, datasets);
    expect(sources[0]).toEqual({
      ...source,
      timeoutMs: 30_000,
      retries: 2,
      backoffMs: 1_000,
      maxBytes: 50 * 1024 * 1024,
      sha256: "ab".repeat(32)
    });
  });

  it("accepts no sources at all (the default: every input is the bundled file)", () => {
    expect(parseReloadConfig({sources: []}, datasets)).toEqual({sources: []});
    expect(parseReloadConfig({}, datasets)).toEqual({sources: []});
  });

  it.each([
    [
      {sources: [{...source, url: "ftp://example.org/x.csv"}]},
      "reload.config.json: sources.0.url: must be an http(s) URL"
    ],
    [
      {sources: [{...source, dataset: "gdp"}]},
      'reload.config.json: sources.0.dataset: unknown dataset "gdp" (known: income-national)'
    ],
    [{sources: [{...source, input: "data/x.csv"}]}, 'sources.0.input: "data/x.csv" is not an input of income-national'],
    [{sources: [source, source]}, 'sources.1.input: "data/national/income_national.csv" has two sources'],
    [{sources: [{...source, sha256: "abc"}]}, "sources.0.sha256: must be 64 hex digits"],
    [{sources: [{...source, timeout: 5}]}, "reload.config.json: sources.0: "],
    [{sources: [{...source, retries: -1}]}, "reload.config.json: sources.0.retries: "]
  ])("rejects %j naming the field", (json, message) => {
    expect(() => parseReloadConfig(json, datasets)).toThrow(message);
  });
});

describe("parseReloadConfig: NBS portal sources", () => {
  const nbs = {
    kind: "nbs",
    dataset: "income-national",
    input: "data/national/income_national.csv",
    dbcode: "hgnd",
    period: "2013-",
    series: [{zb: "A0A0201", name: "城镇居民人均可支配收入", unit: "元"}],
    columns: {urban_income: "城镇居民人均可支配收入"}
  };

  it("fills the defaults of a portal source", () => {
    expect(parseReloadConfig({sources: [nbs]}, datasets).sources[0]).toEqual({
      ...nbs,
      timeoutMs: 30_000,
      retries: 3,
      backoffMs: 5_000,
      maxBytes: 20 * 1024 * 1024
    });
  });

  it.each([
    [{...nbs, dbcode: "hgyd"}, "sources.0.dbcode: "],
    [{...nbs, period: "recent"}, "sources.0.period: must be like 2013-, 2013-2024 or LAST10"],
    [{...nbs, series: [{zb: "a0 a", name: "x", unit: "元"}]}, "sources.0.series.0.zb: must be a portal indicator code such as A0A0101"],
    [{...nbs, columns: {urban_income: "别的"}}, 'sources.0.columns.urban_income: no series named "别的"'],
    [{...nbs, columns: undefined}, "sources.0: an hgnd source has columns and no indicator"],
    [{...nbs, dbcode: "fsnd", columns: undefined}, "sources.0: an fsnd source has exactly one series, an indicator and no columns"],
    [{...nbs, url: "https://x"}, "sources.0: "]
  ])("rejects %j naming the field", (json, message) => {
    expect(() => parseReloadConfig({sources: [json]}, datasets)).toThrow(`reload.config.json: ${message}`);
  });
});

describe("readReloadConfig", () => {
  it("treats a missing default config as no sources, but refuses a missing config named on purpose", () => {
    const root = mkdtempSync(join(tmpdir(), "ys-config-"));
    try {
      expect(readReloadConfig(root, datasets)).toEqual({sources: []});
      expect(() => readReloadConfig(root, datasets, "reload.nbs.json")).toThrow(
        `reload.nbs.json: no such config file (looked for ${join(root, "reload.nbs.json")})`
      );
      const elsewhere = join(root, "other.json");
      writeFileSync(elsewhere, JSON.stringify({sources: [source]}));
      expect(readReloadConfig("/nonexistent-root", datasets, elsewhere).sources).toHaveLength(1);
    } finally {
      rmSync(root, {recursive: true, force: true});
    }
  });
});
