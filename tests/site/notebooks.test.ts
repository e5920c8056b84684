import {readFileSync} from "node:fs";
import {csvParse} from "d3-dsv";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import type {Page} from "playwright-core";
import type {PageWatch} from "../../scripts/support/chromium.js";
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

const rowCells = (page: Page, table: string) =>
  page.locator(`${table} tbody tr`).evaluateAll((trs) =>
    trs.map((tr) => ({
      key: tr.getAttribute("data-key") ?? tr.getAttribute("data-year") ?? tr.getAttribute("data-id") ?? tr.getAttribute("data-region"),
      missing: tr.classList.contains("missing"),
      cells: [...tr.querySelectorAll("td")].map((td) => td.textContent!.trim())
    }))
  );

// The page's language (the head script may set <html lang>); expected texts follow it.
const langOf = async (page: Page) => ((await page.evaluate(() => document.documentElement.lang)).startsWith("en") ? "en" : "zh");

// "Same value in every row" writes one value into every row of the active scenario (a new one from the baseline).
async function setConstant(page: Page, key: string, text: string) {
  const box = page.locator(`.scenario-constants input[data-key="${key}"]`);
  if (!(await box.isVisible())) await page.locator(".scenario-constants summary").click();
  await box.fill(text);
  await box.dispatchEvent("change");
}

describe("farmland page", () => {
  let page: Page;
  let watch: PageWatch;
  let L: (zh: string, en: string) => string;
  beforeAll(async () => {
    ({page, watch} = await open("/farmland", "#farmland-national tbody tr"));
    const lang = await langOf(page);
    L = (zh, en) => (lang === "en" ? en : zh);
  });
  afterAll(() => page?.context().close());

  it("draws the observed, scenario and compare charts", async () => {
    await expect.poll(() => plots(page)).toBe(3);
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
      cells: ["2021", "—", L("缺数据，不填补", "missing, not filled"), "—"]
    });
    expect(rows.find((r) => r.key === "2023")!.cells[2]).toContain(L("下限", "lower bound"));
  });

  it("moves the projected 2025 area, the years the targets are met and not the pace needed when the pace changes", async () => {
    // The scenario starts from the last national figure, 2023, a lower bound: every result is "≥" / "at the latest".
    const start = hsf.find((d) => d.year === 2023)!.value;
    const metIn = (target: number, pace: number, by: number) => {
      for (let year = 2024; year <= 2030; year++) if (start + pace * (year - 2023) >= target) return L(`最迟 ${year} 年`, `by ${year} at the latest`);
      return L(`${by} 年前未达到`, `not by ${by}`);
    };
    await setConstant(page, "added", "2500");
    await expect.poll(() => page.locator("#hsf-2025").textContent()).toBe(`≥ ${(start + 2 * 2500).toLocaleString("en-US")}`);
    await expect.poll(() => page.locator("#met-2025").textContent()).toBe(metIn(107500, 2500, 2030));
    expect(await page.locator("#met-2030").textContent()).toBe(metIn(120000, 2500, 2030));
    await setConstant(page, "added", "1000");
    await expect.poll(() => page.locator("#hsf-2025").textContent()).toBe(`≥ ${(start + 2 * 1000).toLocaleString("en-US")}`);
    await expect.poll(() => page.locator("#met-2025").textContent()).toBe(metIn(107500, 1000, 2030));
    expect(await page.locator("#met-2030").textContent()).toBe(metIn(120000, 1000, 2030));
    // The pace needed does not depend on the chosen pace: (107,500 − 100,000) ÷ 2 years.
    expect(await page.locator("#pace-needed [data-target='plan-2025'] .solve-result strong").textContent()).toBe(
      ((107500 - start) / 2).toLocaleString("en-US", {minimumFractionDigits: 3})
    );
    expect(watch.errors).toEqual([]);
    expect(watch.external).toEqual([]);
  });
});

describe("tap-water page", () => {
  let page: Page;
  let watch: PageWatch;
  let L: (zh: string, en: string) => string;
  beforeAll(async () => {
    ({page, watch} = await open("/tap-water", "#tap-table tbody tr"));
    const lang = await langOf(page);
    L = (zh, en) => (lang === "en" ? en : zh);
  });
  afterAll(() => page?.context().close());

  it("draws the observed, scenario and compare charts", async () => {
    await expect.poll(() => plots(page)).toBe(3);
  });

  it("shows the data file's values with their sources and 2018, 2019 and 2024 as missing", async () => {
    const rows = await rowCells(page, "#tap-table");
    expect(rows.map((r) => Number(r.key))).toEqual([2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025]);
    expect(rows.filter((r) => r.missing).map((r) => r.key)).toEqual(["2018", "2019", "2024"]);
    for (const r of rows.filter((r) => r.missing)) expect(r.cells[1]).toBe("—");
    for (const d of tap) {
      const row = rows.find((r) => Number(r.key) === d.year)!;
      expect([row.cells[1], row.cells[3]]).toEqual([`${d.value}%`, d.ref]);
    }
    // The first figure at or above the 88% target: 2023 (90%, S02).
    const passed = tap.find((d) => d.value >= 88)!;
    expect(await page.locator("#observablehq-main").textContent()).toContain(
      L(`88% 的目标在 ${passed.year} 年已经达到（${passed.value}%，${passed.ref}）`, `The 88% target was passed in ${passed.year} (${passed.value}%, ${passed.ref})`)
    );
  });

  it("recomputes the year 100% is reached and the 2035 coverage when the yearly gain changes", async () => {
    const start = tap.at(-1)!; // 2025: 96%
    const reached = (points: number) => {
      for (let year = start.year + 1; year <= 2035; year++) if (start.value + points * (year - start.year) >= 100) return L(`${year}（情景）`, `${year} (scenario)`);
      return L("2035 年前未达到", "not by 2035");
    };
    await setConstant(page, "gain", "1");
    await expect.poll(() => page.locator("#reached-100").textContent()).toBe(reached(1));
    expect(await page.locator("#tap-horizon").textContent()).toBe("100%");
    await setConstant(page, "gain", "0.3");
    await expect.poll(() => page.locator("#reached-100").textContent()).toBe(reached(0.3));
    expect(await page.locator("#tap-horizon").textContent()).toBe(`${start.value + 0.3 * 10}%`);
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
    await expect.poll(() => plots(page)).toBe(1);
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

  // The table names no year in its rows: the year is the one chosen in the ranking's select.
  async function tableMatches(year: number) {
    const rows = await rowCells(page, "#province-table");
    expect(rows).toHaveLength(31);
    for (const r of rows) {
      const [region, code, ...numbers] = r.cells;
      const [u, rr, ratio, gap] = numbers.map((n) => Number(n.replace(/,/g, "")));
      expect(code).toMatch(/^\d{2}0000$/);
      // The exports use full names (北京市, 内蒙古自治区); the page shows the short ones.
      const full = [...urban.keys()].filter((name) => name.startsWith(region));
      expect(full, region).toHaveLength(1);
      expect(u, region).toBe(urban.get(full[0])!.get(year));
      expect(rr, region).toBe(rural.get(full[0])!.get(year));
      expect(ratio).toBeCloseTo(u / rr, 3);
      expect(gap).toBe(u - rr);
    }
    const ratios = rows.map((r) => Number(r.cells[4]));
    expect(ratios).toEqual([...ratios].sort((a, b) => b - a));
  }
  const yearSelect = () => page.locator("form").filter({hasText: "年份"}).first().locator("select");

  it("draws the ranking, trend and scenario charts and says the figures end in 2019", async () => {
    await expect.poll(() => plots(page)).toBe(3);
    expect(await page.locator("#observablehq-main").textContent()).toContain("这里的分省数据截至 2019 年");
  });

  it("shows 2019 by default with the figures of the NBS exports, ranked by ratio", async () => {
    expect(await yearSelect().locator("option:checked").textContent()).toBe("2019");
    await tableMatches(2019);
  });

  it("follows the year input", async () => {
    await yearSelect().selectOption({label: "2013"});
    await expect.poll(() => page.locator("#province-table").textContent()).toContain(String(urban.get("北京市")!.get(2013)!.toLocaleString("en-US")));
    await tableMatches(2013);
    expect(watch.errors).toEqual([]);
    expect(watch.external).toEqual([]);
  });
});

