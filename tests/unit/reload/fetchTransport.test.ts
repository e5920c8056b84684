import {execFileSync, spawn} from "node:child_process";
import {mkdtempSync, readFileSync, rmSync} from "node:fs";
import {createServer, type Server} from "node:https";
import type {AddressInfo} from "node:net";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {gzipSync} from "node:zlib";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {faultServer} from "../../fixtures/reload/faultServer.js";
import {fetchSource} from "../../../loaders/reload/fetchSource.js";
import type {RemoteSource} from "../../../loaders/reload/config.js";

// SYNTHETIC bodies: a CSV header and one invented row.
const body = "year,urban_income,rural_income\n2099,1,2\n";
const gzipped = gzipSync(Buffer.from(body));
let server: Awaited<ReturnType<typeof faultServer>>;
let other: Awaited<ReturnType<typeof faultServer>>;

beforeAll(async () => {
  other = await faultServer({"/ok.csv": (res) => res.writeHead(200, {"content-type": "text/csv"}).end(body)});
  server = await faultServer({
    "/ok.csv": (res) => res.writeHead(200, {"content-type": "text/csv"}).end(body),
    "/gzip.csv": (res) =>
      res
        .writeHead(200, {
          "content-type": "text/csv",
          "content-encoding": "gzip",
          "content-length": String(gzipped.length)
        })
        .end(gzipped),
    "/gzip-cut.csv": (res) => {
      res.writeHead(200, {
        "content-type": "text/csv",
        "content-encoding": "gzip",
        "content-length": String(gzipped.length)
      });
      res.write(gzipped.subarray(0, 20), () => res.destroy());
    },
    "/same-origin": (res) => res.writeHead(302, {location: "/ok.csv"}).end(),
    "/other-port": (res) => res.writeHead(302, {location: other.url("/ok.csv")}).end(),
    "/loop": (res) => res.writeHead(302, {location: "/loop"}).end(),
    "/no-location": (res) => res.writeHead(301).end()
  });
});
afterAll(async () => {
  await server?.close();
  await other?.close();
});

const source = (url: string, overrides: Partial<RemoteSource> = {}): RemoteSource => ({
  dataset: "d",
  input: "data/x.csv",
  url,
  timeoutMs: 2000,
  retries: 2,
  backoffMs: 1,
  maxBytes: 10_000,
  ...overrides
});

describe("fetchSource: compressed bodies", () => {
  it("accepts a gzip body whose Content-Length counts the compressed bytes", async () => {
    const bytes = await fetchSource(source(server.url("/gzip.csv")));
    expect(new TextDecoder().decode(bytes)).toBe(body);
    expect(gzipped.length).not.toBe(body.length);
  });

  it("a gzip body cut short fails as truncated and is retried", async () => {
    const cut = fetchSource(source(server.url("/gzip-cut.csv"), {retries: 1}), {wait: async () => {}});
    await expect(cut).rejects.toThrow(
      /truncated body: connection closed after \d+ bytes .*\(2 attempts\)/
    );
  });
});

describe("fetchSource: redirects", () => {
  it("follows a redirect within the same origin", async () => {
    expect(new TextDecoder().decode(await fetchSource(source(server.url("/same-origin"))))).toBe(body);
  });

  it("refuses a redirect to another port, naming the target, and does not retry", async () => {
    const hitsBefore = server.hits("/other-port");
    await expect(fetchSource(source(server.url("/other-port")))).rejects.toThrow(
      `HTTP 302 redirect to another origin (${other.url("/ok.csv")}), refused`
    );
    expect(server.hits("/other-port") - hitsBefore).toBe(1);
    expect(other.hits("/ok.csv")).toBe(0);
  });

  it("stops a redirect loop after 5 hops without retrying", async () => {
    await expect(fetchSource(source(server.url("/loop")))).rejects.toThrow(/more than 5 redirects .*\(1 attempt\)/);
    expect(server.hits("/loop")).toBe(6);
  });

  it("names a redirect without Location", async () => {
    await expect(fetchSource(source(server.url("/no-location")))).rejects.toThrow(
      "HTTP 301 redirect without a Location header (1 attempt)"
    );
  });
});

describe("fetchSource: a certificate the system store does not trust", () => {
  let dir: string;
  let https: Server;
  let url: string;
  beforeAll(async () => {
    // A throwaway self-signed certificate for 127.0.0.1, made for this test.
    dir = mkdtempSync(join(tmpdir(), "ys-tls-"));
    execFileSync("openssl", [
      "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=127.0.0.1",
      "-addext", "subjectAltName=IP:127.0.0.1",
      "-keyout", join(dir, "key.pem"), "-out", join(dir, "cert.pem")
    ], {stdio: "ignore"});
    const tls = {key: readFileSync(join(dir, "key.pem")), cert: readFileSync(join(dir, "cert.pem"))};
    https = createServer(tls, (_req, res) => res.writeHead(200, {"content-type": "text/csv"}).end(body));
    await new Promise<void>((resolve) => https.listen(0, "127.0.0.1", resolve));
    url = `https://127.0.0.1:${(https.address() as AddressInfo).port}/x.csv`;
  });
  afterAll(async () => {
    https?.closeAllConnections();
    await new Promise((resolve) => https?.close(resolve));
    rmSync(dir, {recursive: true, force: true});
  });

  it("fails once, with the certificate error and how to add the CA; verification is not turned off", async () => {
    await expect(fetchSource(source(url))).rejects.toThrow(
      /TLS certificate rejected \(DEPTH_ZERO_SELF_SIGNED_CERT: .*\); verification stays on: .*NODE_EXTRA_CA_CERTS=.*\(1 attempt\)/
    );
  });

  it("the documented remedy works: with NODE_EXTRA_CA_CERTS naming the certificate, the download succeeds", async () => {
    const module = join(import.meta.dirname, "../../../loaders/reload/fetchSource.ts");
    const script = `import("${module}").then(({fetchSource}) =>
      fetchSource(${JSON.stringify(source(url))}).then((b) => process.stdout.write(new TextDecoder().decode(b))))`;
    // Asynchronously: the server answering it runs in this process.
    const child = spawn(process.execPath, ["--import", "tsx", "-e", script], {
      env: {...process.env, NODE_EXTRA_CA_CERTS: join(dir, "cert.pem")}
    });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (text: string) => (stdout += text));
    child.stderr.setEncoding("utf8").on("data", (text: string) => (stderr += text));
    expect(await new Promise((resolve) => child.on("exit", resolve))).toBe(0);
    expect(stderr).toBe("");
    expect(stdout).toBe(body);
  });
});
