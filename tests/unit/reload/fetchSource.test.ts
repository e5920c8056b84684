import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {faultServer} from "../../fixtures/reload/faultServer.js";
import {fetchSource} from "../../../loaders/reload/fetchSource.js";
import {sha256} from "../../../loaders/manifest.js";
import type {RemoteSource} from "../../../loaders/reload/config.js";

const body = "year,urban_income,rural_income\n"; // a header only: fetchSource checks transport, not content
let server: Awaited<ReturnType<typeof faultServer>>;
let flaky = 0;

beforeAll(async () => {
  server = await faultServer({
    "/ok.csv": (res) => res.writeHead(200, {"content-type": "text/csv"}).end(body),
    "/flaky.csv": (res) =>
      ++flaky < 3 ? res.writeHead(503).end() : res.writeHead(200, {"content-type": "text/csv"}).end(body),
    "/429": (res) => res.writeHead(429).end(),
    "/big": (res) => res.writeHead(200, {"content-type": "text/csv", "content-length": "5000"}).end("x".repeat(5000))
  });
});
afterAll(() => server?.close());

const source = (path: string, overrides: Partial<RemoteSource> = {}): RemoteSource => ({
  dataset: "d",
  input: "data/x.csv",
  url: server.url(path),
  timeoutMs: 2000,
  retries: 2,
  backoffMs: 10,
  maxBytes: 1000,
  ...overrides
});

describe("fetchSource", () => {
  it("returns the bytes and accepts a matching pinned sha256", async () => {
    const bytes = await fetchSource(source("/ok.csv", {sha256: sha256(new TextEncoder().encode(body))}));
    expect(new TextDecoder().decode(bytes)).toBe(body);
  });

  it("retries a 503 with doubling backoff and succeeds on the third attempt", async () => {
    const waits: number[] = [];
    const retries: string[] = [];
    const bytes = await fetchSource(source("/flaky.csv"), {
      wait: async (ms) => void waits.push(ms),
      onRetry: ({error}) => void retries.push(error)
    });
    expect(new TextDecoder().decode(bytes)).toBe(body);
    expect(waits).toEqual([10, 20]);
    expect(retries).toEqual(["HTTP 503 Service Unavailable", "HTTP 503 Service Unavailable"]);
  });

  it("retries 429 too, then gives up naming input, URL and attempts", async () => {
    await expect(fetchSource(source("/429", {retries: 1}), {wait: async () => {}})).rejects.toThrow(
      `data/x.csv ← ${server.url("/429")}: HTTP 429 Too Many Requests (2 attempts)`
    );
  });

  it("refuses a declared Content-Length over the cap before reading the body, without retrying", async () => {
    await expect(fetchSource(source("/big"))).rejects.toThrow(
      "Content-Length 5000 exceeds the size cap of 1000 bytes (1 attempt)"
    );
    expect(server.hits("/big")).toBe(1);
  });

  it("names a refused connection", async () => {
    const closed = await faultServer({});
    const url = closed.url("/x.csv");
    await closed.close(); // nothing listens on that port now
    await expect(fetchSource({...source("/ok.csv", {retries: 0}), url})).rejects.toThrow(
      /fetch failed: ECONNREFUSED \(1 attempt\)/
    );
  });
});
