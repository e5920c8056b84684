import {spawn, spawnSync, type ChildProcess} from "node:child_process";
import {readFileSync, rmSync, writeFileSync} from "node:fs";
import {createServer} from "node:net";
import {join} from "node:path";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import type {Browser, Page} from "playwright-core";
import {copyProject} from "../fixtures/reload/projectCopy.js";
import {launchChromium, openIsolatedPage, type PageWatch} from "../../scripts/support/chromium.js";

// `npm run dev` on a throwaway copy of the project: an analyst edits a data/ file while the income page is open,
// and the page shows the new figure without being reloaded (Framework itself watches only the loader entry files).
const INPUT = "data/national/income_national.csv";
let root: string;
let dev: ChildProcess;
let output = "";
let browser: Browser;
let page: Page;
let watch: PageWatch;
let origin: string;

const freePort = () =>
  new Promise<number>((resolve) => {
    const server = createServer().listen(0, "127.0.0.1", () => {
      const {port} = server.address() as {port: number};
      server.close(() => resolve(port));
    });
  });

// The income table writes numbers grouped (26,467); compare the digits.
const urban2013 = async () => (await page.locator('#income-table tbody tr[data-key="2013"] td.urban').textContent())?.replace(/,/g, "");

beforeAll(async () => {
  root = copyProject();
  spawnSync(process.execPath, ["scripts/seed-npm-cache.mjs"], {cwd: root, stdio: "ignore"});
  const port = await freePort();
  origin = `http://127.0.0.1:${port}`;
  dev = spawn(join(root, "node_modules/.bin/tsx"), ["scripts/dev.ts", "--port", String(port), "--no-open"], {
    cwd: root,
    detached: true,
    env: {
      ...process.env,
      OBSERVABLE_TELEMETRY_DISABLE: "true",
      PATH: `${join(root, "node_modules/.bin")}:${process.env.PATH ?? ""}`
    }
  });
  dev.stdout!.on("data", (chunk) => (output += chunk));
  dev.stderr!.on("data", (chunk) => (output += chunk));
  // The server is up when it answers; a dev process that exits early fails here with what it printed.
  const deadline = Date.now() + 60_000;
  while ((await fetch(origin).catch(() => null))?.status !== 200) {
    if (dev.exitCode !== null || Date.now() > deadline) throw new Error(`npm run dev did not start:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  browser = await launchChromium();
  ({page, watch} = await openIsolatedPage(browser, origin));
  await page.goto(`${origin}/income-gap`);
  await page.locator("#income-table tbody tr").first().waitFor();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  if (dev?.pid) {
    try {
      process.kill(-dev.pid, "SIGTERM");
    } catch {
      // already gone
    }
  }
  if (root) rmSync(root, {recursive: true, force: true});
});

describe("npm run dev", () => {
  it("shows an edit to a data/ file on the open page, without a reload, and again when it is undone", async () => {
    const original = readFileSync(join(root, INPUT), "utf8");
    const row = original.split("\n").find((line) => line.startsWith("2013,"))!;
    const urban = row.split(",")[1];
    expect(await urban2013()).toBe(urban);
    // A SYNTHETIC edit of the copy: 2013's urban income one yuan higher.
    const edited = String(Number(urban) + 1);
    writeFileSync(join(root, INPUT), original.replace(row, row.replace(`2013,${urban},`, `2013,${edited},`)));
    await expect.poll(urban2013, {timeout: 30_000}).toBe(edited);
    writeFileSync(join(root, INPUT), original);
    await expect.poll(urban2013, {timeout: 30_000}).toBe(urban);
    expect(output).toContain("data/ or loaders/ changed: income-national.csv, income-national.manifest.json made again");
    expect(watch.external).toEqual([]);
  });
});
