import {spawnSync} from "node:child_process";
import {existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join, resolve} from "node:path";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import type {Browser, Page} from "playwright-core";
import {copyProject} from "../fixtures/reload/projectCopy.js";
import {launchChromium, openIsolatedPage} from "../../scripts/support/chromium.js";
import {serveStatic} from "../../scripts/support/serveStatic.js";
import {siteSession} from "../support/siteSession.js";
import {pdfPageTexts} from "../support/pdfText.js";
import {renderReportPdfs} from "../../scripts/report-pdf.js";

// The report path end to end: on the income notebook an analyst forks the baseline, edits cells and publishes a
// report (the download); the file goes into reports/ of a throwaway copy of the project, which is built; the report
// page holds the edited values and the figures they imply, equal to the notebook's. Then the copy's data file is
// edited (a SYNTHETIC revision) and rebuilt: the page shows the drift banner. Bad report files fail the build.
const INPUT = "data/national/income_national.csv";
const TITLE = "Round trip rural 9 percent";
const SLUG = "round-trip-rural-9-percent";
const FARMLAND_TITLE = "Farmland 5000 in the first year";
const FARMLAND_SLUG = "farmland-5000-in-the-first-year";
const PROVINCES_TITLE = "Provinces rural 9 percent in Guizhou";
const PROVINCES_SLUG = "provinces-rural-9-percent-in-guizhou";
// The provinces notebook's locked columns and the report's compare table columns that show the same figures.
const PROVINCE_COLUMNS = [
  ["ratioPlan", "ratio-2025"],
  ["ratioMilestone", "ratio-2030"],
  ["ratioHorizon", "ratio-2035"],
  ["firstYear", "first-year"]
] as const;
const site = siteSession();
let root: string;
let report: string;
let farmlandReport: string;
let provincesReport: string;
/** The provinces notebook's locked columns by scenario id, then column key: one text per province, in grid order. */
const provincesNotebook: Record<string, Record<string, string[]>> = {};
let guizhouRow: number;
let notebook: Record<string, string>;
let browser: Browser;

const build = () => {
  const env = {...process.env};
  delete env.YS_DIST;
  return spawnSync(process.execPath, [resolve("scripts/build-offline.mjs"), "--root", root], {cwd: root, encoding: "utf8", env});
};

async function openCopy(route: string, ready: string): Promise<Page> {
  const server = await serveStatic(join(root, "dist"));
  const {page, watch} = await openIsolatedPage(browser, server.url);
  page.on("close", () => void server.close());
  await page.goto(server.url + route);
  await page.locator(ready).first().waitFor();
  expect(watch.external).toEqual([]);
  return page;
}

const value = (page: Page, selector: string) => page.locator(selector).getAttribute("data-value");

beforeAll(async () => {
  root = copyProject();
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  if (root) rmSync(root, {recursive: true, force: true});
});

describe("publishing a report from the income notebook", () => {
  it("forks the baseline, edits cells and downloads <slug>.json from an accessible dialog", async () => {
    const {page, watch} = await site.open("/income-gap", ".scenario-manager [role=grid] td");
    await page.waitForFunction(() => /^\d\.\d{3}$/.test(document.querySelector("#ratio-2025")?.textContent ?? ""));
    const cell = (year: number, key: string) => page.locator(`.scenario-manager [role=grid] td[data-row="${year - 2025}"][data-key="${key}"]`);
    await cell(2025, "rural").click();
    await page.keyboard.type("9");
    await page.keyboard.press("Enter");
    await expect.poll(() => page.locator(".scenario-picker").inputValue()).toBe("s1");
    await cell(2026, "urban").click();
    await page.keyboard.type("6");
    await page.keyboard.press("Enter");
    await expect.poll(() => cell(2026, "urban").textContent()).toBe("6.00%");
    notebook = {
      ratio2025: (await page.locator("#ratio-2025").textContent())!,
      ratio2035: (await page.locator("#ratio-2035").textContent())!,
      locked2025: (await cell(2025, "ratio").textContent())!,
      gap2035: (await value(page, '#compare-table tr[data-id="s1"] td[data-key="gap-2035"]'))!,
      exact2035: (await value(page, '#compare-table tr[data-id="s1"] td[data-key="ratio-2035"]'))!
    };
    const open = page.getByRole("button", {name: "发布报告"});
    await open.click();
    const dialog = page.getByRole("dialog", {name: "发布报告"});
    await expect.poll(() => dialog.isVisible()).toBe(true);
    expect(await page.evaluate(() => document.activeElement?.getAttribute("name"))).toBe("title");
    // No title: the dialog says so and stays open.
    await dialog.getByRole("button", {name: "下载报告文件"}).click();
    expect(await dialog.getByRole("alert").textContent()).toBe("请填写标题");
    await dialog.getByLabel("标题（必填）").fill(TITLE);
    await dialog.getByLabel("作者（可选）").fill("Test Analyst");
    await dialog.getByLabel("说明（可选）").fill("Made by the round-trip test.");
    const [download] = await Promise.all([page.waitForEvent("download"), dialog.getByRole("button", {name: "下载报告文件"}).click()]);
    expect(download.suggestedFilename()).toBe(`${SLUG}.json`);
    report = readFileSync((await download.path())!, "utf8");
    const parsed = JSON.parse(report);
    expect(parsed).toMatchObject({title: TITLE, author: "Test Analyst", model: "income-gap", activeId: "s1", compare: ["baseline", "s1"]});
    expect(parsed.scenarios[1].rows[0].rural).toBe(0.09);
    expect(parsed.scenarios[1].rows[1].urban).toBe(0.06);
    expect(await dialog.isVisible()).toBe(false);
    expect(await page.locator(".publish-report-status").textContent()).toBe(`已下载 ${SLUG}.json：放进 reports/ 并提交即可发布`);
    expect(watch.errors).toEqual([]);
  });

  it("publishes a farmland report too: the notebook's model is built from its data, its start a lower bound", async () => {
    const {page, watch} = await site.open("/farmland", ".scenario-manager [role=grid] td");
    await page.locator("#hsf-2025").waitFor();
    // The first projected year is the one after the last national figure (2023, "超10亿亩": ≥ 100,000 万亩).
    const first = page.locator('.scenario-manager [role=grid] td[data-row="0"][data-key="added"]');
    await first.click();
    await page.keyboard.type("5000");
    await page.keyboard.press("Enter");
    await expect.poll(() => page.locator(".scenario-picker").inputValue()).toBe("s1");
    await expect.poll(() => page.locator("#hsf-2025").textContent()).toBe("≥ 115,000");
    await page.getByRole("button", {name: "发布报告"}).click();
    const dialog = page.getByRole("dialog", {name: "发布报告"});
    await dialog.getByLabel("标题（必填）").fill(FARMLAND_TITLE);
    const [download] = await Promise.all([page.waitForEvent("download"), dialog.getByRole("button", {name: "下载报告文件"}).click()]);
    expect(download.suggestedFilename()).toBe(`${FARMLAND_SLUG}.json`);
    farmlandReport = readFileSync((await download.path())!, "utf8");
    const parsed = JSON.parse(farmlandReport);
    expect(parsed).toMatchObject({model: "farmland", activeId: "s1", compare: ["baseline", "s1"]});
    expect(parsed.datasets.map((d: {id: string}) => d.id)).toEqual(["plan-indicators", "plan-targets"]);
    expect(parsed.scenarios[1].rows[0]).toEqual({year: 2024, added: 5000});
    expect(parsed.headline.find((h: {scenario: string; x: number}) => h.scenario === "s1" && h.x === 2025).value).toBe(115000);
    expect(watch.errors).toEqual([]);
  });

  it("publishes a provinces report: the baseline's and the edited scenario's locked columns are read from the grid", async () => {
    const {page, watch} = await site.open("/income-provinces", ".scenario-manager [role=grid] td");
    const grid = page.locator(".scenario-manager [role=grid]");
    const columns = async () =>
      Object.fromEntries(
        await Promise.all(
          PROVINCE_COLUMNS.map(async ([key]) => [key, await grid.locator(`td[data-key="${key}"]`).evaluateAll((tds) => tds.map((td) => td.textContent!))] as const)
        )
      );
    await expect.poll(async () => (await columns()).ratioPlan.length).toBe(31);
    provincesNotebook.baseline = await columns();
    // Guizhou (520000): rural growth 9% a year.
    const guizhou = grid.locator('tbody tr:has(th:text-is("贵州")) td[data-key="rural"]');
    guizhouRow = Number(await guizhou.getAttribute("data-row"));
    await guizhou.click();
    await page.keyboard.type("9");
    await page.keyboard.press("Enter");
    await expect.poll(() => page.locator(".scenario-picker").inputValue()).toBe("s1");
    await expect.poll(() => guizhou.textContent()).toBe("9.00%");
    provincesNotebook.s1 = await columns();
    expect(provincesNotebook.s1.ratioHorizon).not.toEqual(provincesNotebook.baseline.ratioHorizon);
    await page.getByRole("button", {name: "发布报告"}).click();
    const dialog = page.getByRole("dialog", {name: "发布报告"});
    await dialog.getByLabel("标题（必填）").fill(PROVINCES_TITLE);
    const [download] = await Promise.all([page.waitForEvent("download"), dialog.getByRole("button", {name: "下载报告文件"}).click()]);
    expect(download.suggestedFilename()).toBe(`${PROVINCES_SLUG}.json`);
    provincesReport = readFileSync((await download.path())!, "utf8");
    const parsed = JSON.parse(provincesReport);
    expect(parsed).toMatchObject({model: "income-provinces", activeId: "s1", compare: ["baseline", "s1"]});
    expect(parsed.scenarios[1].rows.find((r: {region: string}) => r.region === "520000").rural).toBe(0.09);
    expect(watch.errors).toEqual([]);
  });

  it("builds the report into /reports/<slug>: the edited values and the figures they imply equal the notebook's", async () => {
    mkdirSync(join(root, "reports"), {recursive: true});
    writeFileSync(join(root, "reports", `${SLUG}.json`), report);
    writeFileSync(join(root, "reports", `${FARMLAND_SLUG}.json`), farmlandReport);
    writeFileSync(join(root, "reports", `${PROVINCES_SLUG}.json`), provincesReport);
    const result = build();
    expect(result.status, `${result.stdout}${result.stderr}`.slice(-3000)).toBe(0);
    const page = await openCopy(`/reports/${SLUG}`, ".assumptions-table");
    expect(await page.locator("#report-title").textContent()).toBe(TITLE);
    expect(await page.locator("#report-author").textContent()).toBe("Test Analyst");
    expect(await page.locator("#report-note").textContent()).toBe("Made by the round-trip test.");
    expect(await page.locator(".report-drift").isHidden()).toBe(true);
    const s1 = page.locator('.assumptions-table[data-scenario="s1"]');
    expect(await s1.locator('tr[data-key="2025"] td.rural').textContent()).toBe("9%");
    expect(await s1.locator('tr[data-key="2026"] td.urban').textContent()).toBe("6%");
    expect(await s1.locator('tr[data-key="2025"] td.ratio').textContent()).toBe(notebook.locked2025);
    expect(await page.locator('#headline-figures tr[data-key="s1-ratio-2025"] .published').textContent()).toBe(notebook.ratio2025);
    expect(await page.locator('#headline-figures tr[data-key="s1-ratio-2035"] .published').textContent()).toBe(notebook.ratio2035);
    expect(await value(page, '#compare-table tr[data-id="s1"] td[data-key="ratio-2035"]')).toBe(notebook.exact2035);
    expect(await value(page, '#compare-table tr[data-id="s1"] td[data-key="gap-2035"]')).toBe(notebook.gap2035);
    expect(await page.locator("figure.report-chart").evaluateAll((fs) => fs.map((f) => (f as HTMLElement).dataset.series))).toEqual(["ratio", "gap", "urban", "rural"]);
    expect(await page.locator(".source-note").count()).toBeGreaterThanOrEqual(3);
    // Static reading: no control on the page at all.
    expect(await page.locator("main input, main button, main select, main textarea").count()).toBe(0);
    // The index lists it, and the link opens the same scenarios in the live notebook.
    const index = await openCopy("/reports/", "#reports-index");
    expect(await index.locator(`#reports-index tr[data-key="${SLUG}"] td`).allTextContents()).toEqual([TITLE, expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/), "Test Analyst", "城乡收入差距情景"]);
    await page.locator("#open-notebook").click();
    await page.waitForFunction(() => /^\d\.\d{3}$/.test(document.querySelector("#ratio-2035")?.textContent ?? ""));
    expect(await page.locator(".scenario-picker").inputValue()).toBe("s1");
    expect(await page.locator("#ratio-2035").textContent()).toBe(notebook.ratio2035);
  }, 400_000);

  it("shows the farmland report's edited value, and its lower bounds as ≥ where the notebook writes them", async () => {
    const page = await openCopy(`/reports/${FARMLAND_SLUG}`, ".assumptions-table");
    expect(await page.locator("#report-title").textContent()).toBe(FARMLAND_TITLE);
    const s1 = page.locator('.assumptions-table[data-scenario="s1"]');
    expect(await s1.locator('tr[data-key="2024"] td.added').getAttribute("data-value")).toBe("5000");
    expect(await s1.locator('tr[data-key="2024"] td.cumulative').textContent()).toBe("≥ 105,000");
    expect(await s1.locator('tr[data-key="2030"] td.cumulative').textContent()).toBe("≥ 165,000");
    const headline = page.locator('#headline-figures tr[data-key="s1-cumulative-2025"] .published');
    expect(await headline.getAttribute("data-value")).toBe("115000");
    expect(await headline.textContent()).toMatch(/^≥ 11/);
    expect(await page.locator("#lower-bound-note").textContent()).toContain("（≥）");
    expect(await page.locator("#compare-table th").allTextContents()).toContain("达到农田建设规划目标 12 亿亩 (2030)的年份（最迟）");
    expect(await page.locator("#no-targets").count()).toBe(0);
    expect(await page.locator("main input, main button, main select, main textarea").count()).toBe(0);
  }, 120_000);

  it("shows the provinces report's comparison: per province and scenario exactly the notebook's locked columns, and a dot chart per year", async () => {
    const page = await openCopy(`/reports/${PROVINCES_SLUG}`, ".row-compare-table");
    expect(await page.locator("#report-title").textContent()).toBe(PROVINCES_TITLE);
    const table = page.locator("#compare-table .row-compare-table");
    expect(await table.locator("tbody").count()).toBe(31);
    for (const id of ["baseline", "s1"])
      for (const [key, cell] of PROVINCE_COLUMNS) {
        const shown = await table.locator(`tr[data-id="${id}"] td[data-key="${cell}"] .value`).allTextContents();
        expect(shown, `${id} ${key}`).toEqual(provincesNotebook[id][key]);
      }
    // Guizhou's edited line says how far it moved from the baseline (its baseline rural growth is its own 2014-2019 rate).
    const horizon = (id: string) => table.locator(`tr[data-row="520000"][data-id="${id}"] td[data-key="ratio-2035"]`);
    const [base, edited] = [Number(await horizon("baseline").getAttribute("data-value")), Number(await horizon("s1").getAttribute("data-value"))];
    expect(edited).not.toBe(base);
    expect(await horizon("s1").locator(".diff").textContent()).toBe(`(${edited > base ? "+" : "−"}${Math.abs(edited - base).toFixed(3)})`);
    const charts = page.locator("figure.report-chart");
    expect(await charts.evaluateAll((fs) => fs.map((f) => `${(f as HTMLElement).dataset.series}-${(f as HTMLElement).dataset.x}`))).toEqual(["ratio-2025", "ratio-2035"]);
    for (const chart of await charts.all()) expect(await chart.locator("[data-aria-label=dot] circle").count()).toBe(62);
    expect(await charts.first().locator(".chart-title").textContent()).toBe("2025 年城乡收入比（城镇 ÷ 农村）：各省份的情景");
    expect(await page.locator(`#headline-figures tr[data-key="s1-ratio-2035-520000"] .published`).textContent()).toBe(provincesNotebook.s1.ratioHorizon[guizhouRow]);
    expect(await page.locator("main input, main button, main select, main textarea").count()).toBe(0);
    // The long table prints on A4 without running off the page.
    await page.setViewportSize({width: 794, height: 1123});
    await page.emulateMedia({media: "print"});
    const [scrollWidth, clientWidth] = await page.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]);
    expect(scrollWidth).toBeLessThanOrEqual(clientWidth);
  }, 120_000);

  it("prints on A4 with no input or button and no horizontal overflow, and its PDF has the title on page 1", async () => {
    const page = await openCopy(`/reports/${SLUG}`, ".report-chart svg");
    await page.setViewportSize({width: 794, height: 1123});
    await page.emulateMedia({media: "print"});
    const visibleControls = await page.evaluate(
      () => [...document.querySelectorAll("input, button, select, textarea")].filter((e) => (e as HTMLElement).getClientRects().length > 0).length
    );
    expect(visibleControls).toBe(0);
    expect(await page.locator("#observablehq-sidebar").isVisible()).toBe(false);
    const [scrollWidth, clientWidth] = await page.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]);
    expect(scrollWidth).toBeLessThanOrEqual(clientWidth);
    const out = mkdtempSync(join(tmpdir(), "ys-pdf-"));
    try {
      const [pdf] = await renderReportPdfs([SLUG], {dist: join(root, "dist"), out});
      const bytes = readFileSync(pdf);
      expect(bytes.subarray(0, 5).toString()).toBe("%PDF-");
      const pages = pdfPageTexts(bytes);
      expect(pages.length).toBeGreaterThan(1);
      expect(pages[0]).toContain(TITLE);
    } finally {
      rmSync(out, {recursive: true, force: true});
    }
  }, 120_000);

  it("after a reload that revises the data, shows the drift banner naming the dataset with the figures as published and today", async () => {
    const original = readFileSync(join(root, INPUT), "utf8");
    const row = original.split("\n").find((line) => line.startsWith("2024,"))!;
    const [, urban, rural] = row.split(",").map(Number);
    // A SYNTHETIC revision of the copy's data: 2024 urban income 1,000 yuan higher.
    writeFileSync(join(root, INPUT), original.replace(row, row.replace(`2024,${urban},`, `2024,${urban + 1000},`)));
    const result = build();
    expect(result.status, `${result.stdout}${result.stderr}`.slice(-3000)).toBe(0);
    const page = await openCopy(`/reports/${SLUG}`, ".assumptions-table");
    const banner = page.locator(".report-drift");
    expect(await banner.isVisible()).toBe(true);
    expect(await banner.getAttribute("data-datasets")).toBe("income-national");
    expect(await banner.locator("code").allTextContents()).toEqual(["income-national"]);
    const figure = banner.locator('tr[data-key="s1-ratio-2035"]');
    expect(await figure.locator(".published").textContent()).toBe(notebook.ratio2035);
    // Today's figure by hand: the frozen rates compounded from the revised 2024 incomes.
    const rows = JSON.parse(report).scenarios[1].rows as {urban: number; rural: number}[];
    const expected = ((urban + 1000) * rows.reduce((p, r) => p * (1 + r.urban), 1)) / (rural * rows.reduce((p, r) => p * (1 + r.rural), 1));
    expect(Number(await figure.locator(".today").getAttribute("data-value"))).toBeCloseTo(expected, 9);
    expect(await figure.locator(".today").textContent()).not.toBe(notebook.ratio2035);
    // The assumptions never change.
    expect(await page.locator('.assumptions-table[data-scenario="s1"] tr[data-key="2025"] td.rural').textContent()).toBe("9%");
  }, 400_000);

  it("refuses to build with bad report files, naming each file and field, and keeps the last good site", () => {
    const good = JSON.parse(report);
    const {title: _, ...noTitle} = good;
    writeFileSync(join(root, "reports", "no-title.json"), JSON.stringify(noTitle));
    writeFileSync(join(root, "reports", "unknown-model.json"), JSON.stringify({...good, model: "weather"}));
    const wild = structuredClone(good);
    wild.scenarios[1].rows[0].rural = 0.9;
    writeFileSync(join(root, "reports", "out-of-bounds.json"), JSON.stringify(wild));
    writeFileSync(join(root, "reports", "extra-field.json"), JSON.stringify({...good, colour: "red"}));
    const result = build();
    const output = `${result.stdout}${result.stderr}`;
    expect(result.status).not.toBe(0);
    expect(output).toContain("reports/no-title.json: title: missing");
    expect(output).toContain('reports/unknown-model.json: model: unknown model "weather" (known: income-gap, farmland, tap-water, income-provinces, urbanization)');
    expect(output).toMatch(/reports\/out-of-bounds\.json: scenarios\[1\]\.rows\[0\]\.rural: 2025: 0\.9/);
    expect(output).toContain("reports/extra-field.json: colour: unknown field");
    expect(existsSync(join(root, "dist", "reports", `${SLUG}.html`))).toBe(true);
  }, 400_000);
});
