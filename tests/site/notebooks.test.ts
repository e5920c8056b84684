import {readFileSync} from "node:fs";
import {csvParse} from "d3-dsv";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import type {Page} from "playwright-core";
import type {PageWatch} from "../support/chromium.js";
import {siteSession} from "../support/siteSession.js";

// Every figure a page shows is compared with the bundled file it came from, read here independently of the loaders.
const indicators = csvParse(readFileSync("data/plan/plan_indicators.csv", "utf8"));
const targets = csvParse(readFileSync("data/plan/targets.csv", "utf8"));
const national = (id: string) =>
  indicators
    .filter((r) => r.indicator_id === id && r.scope === "national")
    .map((r) => ({year: Number(r.year), value: Number(r.value), ref: r.source_ref}));
const hsf = national("hsf_cumulative");
const tap = national("rural_tap_water_rate");

/** Province → year → value from an unedited NBS portal export (GBK, `地区,2019年,…` header). */
function portal(name: string): Map<string, Map<number, number>> {
  const text = new TextDecoder("gb18030").decode(readFileSync(`data/nbs-exports/${name}.csv`));
  const lines = text.split(/\r?\n/);
  const header = lines.findIndex((l) => l.startsWith("地区,"));
  const years = lines[header]
    .split(",")
    .slice(1)
    .map((y) => parseInt(y, 10));
  const out = new Map<string, Map<number, number>>();
  for (const line of lines.slice(header + 1)) {
    const [region, ...cells] = line.split(",");
    if (!region || cells.length !== years.length) continue;
    out.set(region, new Map(years.map((y, i) => [y, Number(cells[i])])));
  }
  return out;
}

const site = siteSession();
const open = (route: string, ready: string): Promise<{page: Page; watch: PageWatch}> => site.open(route, ready);

const plots = (page: Page) => page.locator("#observablehq-main svg[class*='plot']").count();

// Inputs.range has a number box beside the slider; typing there and sending `input` is what a person does.
async function setRange(page: Page, label: RegExp, value: number) {
  const box = page.locator("form").filter({hasText: label}).locator('input[type="number"]').first();
  await box.fill(String(value));
  await box.dispatchEvent("input");
}

const rowCells = (page: Page, table: string) =>
  page.locator(`${table} tbody tr`).evaluateAll((trs) =>
    trs.map((tr) => ({
      key: tr.getAttribute("data-year") ?? tr.getAttribute("data-id") ?? tr.getAttribute("data-region"),
      missing: tr.classList.contains("missing"),
      cells: [...tr.querySelectorAll("td")].map((td) => td.textContent!.trim())
    }))
  );

describe("farmland page", () => {
  let page: Page;
  let watch: PageWatch;
  beforeAll(async () => ({page, watch} = await open("/farmland", "#farmland-national tbody tr")));
  afterAll(() => page?.context().close());

  it("draws the observed and scenario charts", async () => {
    await expect.poll(() => plots(page)).toBeGreaterThanOrEqual(2);
    // The lower bound is drawn apart from stated values: an open triangle.
    expect(await page.locator("#farmland-chart svg g.lower-bound path").count()).toBe(
      hsf.filter((d) => d.year === 2023).length
    );
  });

  it("lists the national cumulative figures of the data file, 2023 as a lower bound and 2021 as missing", async () => {
    const rows = await rowCells(page, "#farmland-national");
    const years = rows.map((r) => Number(r.key));
    expect(years).toEqual([2020, 2021, 2022, 2023]);
    for (const d of hsf) {
      const row = rows.find((r) => Number(r.key) === d.year)!;
      expect(row.cells[1]).toBe(`${d.year === 2023 ? "≥ " : ""}${d.value.toLocaleString("en-US")}`);
      expect(row.cells[3]).toBe(d.ref);
    }
    expect(rows.find((r) => r.key === "2021")).toMatchObject({
      missing: true,
      cells: ["2021", "—", expect.stringContaining("missing"), ""]
    });
    expect(rows.find((r) => r.key === "2023")!.cells[2]).toContain("lower bound");
  });

  it("moves the projected 2025 area and the years the targets are met when the pace changes", async () => {
    // The scenario starts from the last stated (not lower-bound) national figure: 2022.
    const start = hsf.find((d) => d.year === 2022)!.value;
    const metIn = (target: number, pace: number) => {
      for (let year = 2022; year <= 2040; year++) if (start + pace * (year - 2022) >= target) return String(year);
      return "not by 2040";
    };
    await setRange(page, /Pace/, 2500);
    await expect.poll(() => page.locator("#hsf-2025").textContent()).toBe((start + 3 * 2500).toLocaleString("en-US"));
    await expect.poll(() => page.locator("#met-2025").textContent()).toBe(metIn(107500, 2500));
    expect(await page.locator("#met-2030").textContent()).toContain(metIn(120000, 2500));
    await setRange(page, /Pace/, 1000);
    await expect.poll(() => page.locator("#hsf-2025").textContent()).toBe((start + 3 * 1000).toLocaleString("en-US"));
    await expect.poll(() => page.locator("#met-2025").textContent()).toBe(metIn(107500, 1000));
    expect(await page.locator("#met-2030").textContent()).toContain(metIn(120000, 1000));
    // The pace needed does not depend on the chosen pace.
    expect(await page.locator("#pace-2025").textContent()).toBe(
      `${((107500 - start) / 3).toLocaleString("en-US")} 万亩/yr`
    );
    expect(watch.errors).toEqual([]);
    expect(watch.external).toEqual([]);
  });
});

describe("tap-water page", () => {
  let page: Page;
  let watch: PageWatch;
  beforeAll(async () => ({page, watch} = await open("/tap-water", "#tap-table tbody tr")));
  afterAll(() => page?.context().close());

  it("draws the observed and scenario charts", async () => {
    await expect.poll(() => plots(page)).toBeGreaterThanOrEqual(2);
  });

  it("shows the data file's values with their sources and 2018, 2019 and 2024 as missing", async () => {
    const rows = await rowCells(page, "#tap-table");
    expect(rows.map((r) => Number(r.key))).toEqual([2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025]);
    expect(rows.filter((r) => r.missing).map((r) => r.key)).toEqual(["2018", "2019", "2024"]);
    for (const r of rows.filter((r) => r.missing)) expect(r.cells[1]).toBe("—");
    for (const d of tap) {
      const row = rows.find((r) => Number(r.key) === d.year)!;
      expect([row.cells[1], row.cells[3]]).toEqual([String(d.value), d.ref]);
    }
  });

  it("recomputes the year the target is reached when the gap-closing rate changes", async () => {
    const start = tap.find((d) => d.year === 2020)!.value;
    const reached = (rate: number) => {
      for (let n = 1; ; n++) if (100 - (100 - start) * Math.pow(1 - rate, n) >= 88) return String(2020 + n);
    };
    await setRange(page, /Gap closed/, 10);
    await expect.poll(() => page.locator("#tap-year").textContent()).toBe(reached(0.1));
    await setRange(page, /Gap closed/, 30);
    await expect.poll(() => page.locator("#tap-year").textContent()).toBe(reached(0.3));
    const projected = 100 - (100 - start) * Math.pow(0.7, 5);
    expect(Number(await page.locator("#tap-projected").textContent())).toBeCloseTo(projected, 1);
    expect(Number(await page.locator("#tap-distance").textContent())).toBeCloseTo(projected - 88, 1);
    expect(watch.errors).toEqual([]);
    expect(watch.external).toEqual([]);
  });
});

describe("scorecard page", () => {
  let page: Page;
  let watch: PageWatch;
  beforeAll(async () => ({page, watch} = await open("/scorecard", "#scorecard-table tbody tr")));
  afterAll(() => page?.context().close());

  it("lists exactly the 21 targets of data/plan/targets.csv with their target values", async () => {
    // Context rows (proxies, other definitions) carry no key of their own.
    const rows = (await rowCells(page, "#scorecard-table")).filter((r) => r.key !== null);
    expect(rows.map((r) => r.key)).toEqual(targets.map((t) => t.indicator_id));
    expect(rows).toHaveLength(21);
    for (const t of targets) {
      const row = rows.find((r) => r.key === t.indicator_id)!;
      expect(row.cells.slice(1, 5)).toEqual([
        t.direction,
        Number(t.target_value).toLocaleString("en-US"),
        t.unit,
        t.target_year
      ]);
      expect(row.cells[5]).toBe(
        t.baseline_value ? `${Number(t.baseline_value).toLocaleString("en-US")} (${t.baseline_year})` : "—"
      );
    }
  });

  it("shows the latest observed value with its year and source key", async () => {
    const latest = tap.at(-1)!;
    const row = page.locator("#scorecard-table tr[data-id='rural_tap_water_rate']");
    expect(await row.locator(".latest").textContent()).toBe(`${latest.value} (${latest.year}, ${latest.ref})`);
    expect(await row.getAttribute("data-status")).toBe("met");
    expect(await page.locator("#scorecard-table tr[data-id='community_workers_per_10k'] .latest").textContent()).toBe(
      "—"
    );
  });

  it("counts the statuses at the top, lists proxies under their target as context, and links targets to notebooks", async () => {
    const statuses = await page.locator("#scorecard-table tbody tr[data-id]").evaluateAll((trs) => trs.map((tr) => tr.getAttribute("data-status")));
    for (const status of ["met", "on track", "off track", "no data"])
      expect(await page.locator(`.status-count[data-status='${status}'] strong`).textContent(), status).toBe(
        String(statuses.filter((s) => s === status).length)
      );
    const proxies = page.locator("#scorecard-table tr[data-context-of='airport_60min_coverage']");
    expect(await proxies.count()).toBe(4);
    expect(await proxies.first().textContent()).toContain("参考（不评判） · 代理指标");
    expect(await proxies.first().locator(".latest").textContent()).toBe("≥ 92 (2020, S64, 下限（超…）) %");
    expect(await page.locator("#scorecard-table tr[data-id='airport_60min_coverage']").getAttribute("data-status")).toBe("no data");
    expect(await page.locator("#scorecard-table tr[data-id='hsf_cumulative'] a").getAttribute("href")).toBe("./farmland");
    expect(await page.locator("#scorecard-table tr[data-id='builtup_green_coverage'] .latest").textContent()).toBe(
      "43.32 (2023, S56, 年份据上下文推定)"
    );
  });

  it("filters by status and by a Chinese search term, and draws the progress chart", async () => {
    await expect.poll(() => plots(page)).toBeGreaterThanOrEqual(1);
    await page.locator("form").filter({hasText: "状态"}).locator("select").selectOption({label: "无数据"});
    await expect
      .poll(
        async () =>
          new Set(
            await page
              .locator("#scorecard-table tbody tr[data-id]")
              .evaluateAll((trs) => trs.map((tr) => tr.getAttribute("data-status")))
          )
      )
      .toEqual(new Set(["no data"]));
    await page.locator("form").filter({hasText: "状态"}).locator("select").selectOption({label: "全部"});
    await page.locator("input[type='search']").fill("自来水");
    await expect
      .poll(() =>
        page.locator("#scorecard-table tbody tr[data-id]").evaluateAll((trs) => trs.map((tr) => tr.getAttribute("data-id")))
      )
      .toEqual(["rural_tap_water_rate"]);
    expect(watch.errors).toEqual([]);
    expect(watch.external).toEqual([]);
  });
});

describe("income-provinces page", () => {
  let page: Page;
  let watch: PageWatch;
  const urban = portal("城镇居民人均可支配收入");
  const rural = portal("农村居民人均可支配收入");
  beforeAll(async () => ({page, watch} = await open("/income-provinces", "#province-table tbody tr")));
  afterAll(() => page?.context().close());

  async function tableMatches(year: number) {
    const rows = await rowCells(page, "#province-table");
    expect(rows).toHaveLength(31);
    for (const r of rows) {
      const [region, , u, rr, ratio, gap] = r.cells;
      // The exports use full names (北京市, 内蒙古自治区); the page shows the short ones.
      const full = [...urban.keys()].filter((name) => name.startsWith(region));
      expect(full, region).toHaveLength(1);
      expect(Number(u), region).toBe(urban.get(full[0])!.get(year));
      expect(Number(rr), region).toBe(rural.get(full[0])!.get(year));
      expect(Number(ratio)).toBeCloseTo(Number(u) / Number(rr), 3);
      expect(Number(gap)).toBe(Number(u) - Number(rr));
    }
    const ratios = rows.map((r) => Number(r.cells[4]));
    expect(ratios).toEqual([...ratios].sort((a, b) => b - a));
  }

  it("draws the ranking and trend charts and says the figures end in 2019", async () => {
    await expect.poll(() => plots(page)).toBeGreaterThanOrEqual(2);
    expect(await page.locator("#observablehq-main").textContent()).toContain("end in 2019");
  });

  it("shows 2019 by default with the figures of the NBS exports, ranked by ratio", async () => {
    expect(await page.locator("#province-table tbody tr").first().getAttribute("data-year")).toBe("2019");
    await tableMatches(2019);
  });

  it("follows the year input", async () => {
    await page.locator("form").filter({hasText: "Year"}).locator("select").selectOption({label: "2013"});
    await expect.poll(() => page.locator("#province-table tbody tr").first().getAttribute("data-year")).toBe("2013");
    await tableMatches(2013);
    expect(watch.errors).toEqual([]);
    expect(watch.external).toEqual([]);
  });
});
