import {describe, expect, it} from "vitest";
import {parseReloadConfig} from "../../../loaders/reload/config.js";
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
