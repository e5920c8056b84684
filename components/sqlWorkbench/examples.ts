// Example queries for the workbench, over the loader tables as the SQL page names them.
import {currentLang, t, type Lang, type Text} from "../i18n.js";

export interface ExampleQuery {
  id: string;
  label: Text;
  /** The comment heading the query, in the page language. */
  comment: Text;
  sql: string;
}

/**
 * An example's text as the editor shows it: its comment (in `lang`, one `--` line each) above the SQL.
 * @example exampleSql(EXAMPLE_QUERIES[0], "en").startsWith("-- Urban and rural") // true
 */
export function exampleSql(example: ExampleQuery, lang: Lang = currentLang()): string {
  const comment = t(example.comment, lang)
    .split("\n")
    .map((line) => `-- ${line}`)
    .join("\n");
  return `${comment}\n${example.sql}`;
}

/** The gap by province, the farmland path against its target, and the scorecard's inputs. */
export const EXAMPLE_QUERIES: readonly ExampleQuery[] = [
  {
    id: "gap-by-province",
    label: {zh: "各省城乡收入差距", en: "Income gap by province"},
    comment: {
      zh: "2019年各省城镇和农村居民人均可支配收入（国家统计局数据平台导出）；比值和差额在此计算。",
      en: "Urban and rural per-capita disposable income by province, 2019 (NBS portal exports); ratio and gap computed here."
    },
    sql: `SELECT u.region_code, u.region, u.year,
       u.value AS urban_income, r.value AS rural_income,
       round(u.value / r.value, 3) AS ratio,
       u.value - r.value AS gap
FROM province_urban_income u
JOIN province_rural_income r USING (region_code, year)
WHERE u.year = 2019
ORDER BY ratio DESC`
  },
  {
    id: "farmland-path",
    label: {zh: "高标准农田路径", en: "The farmland path"},
    comment: {
      zh: "高标准农田累计建成面积（万亩）的全国表述，以及方案的2025年目标。\n2023年的数字是下限（“超10亿亩”）；没有表述的年份没有行。",
      en: "Cumulative high-standard farmland (万亩), national statements, and the plan's 2025 target.\nThe 2023 figure is a lower bound (\"超10亿亩\"); years with no statement have no row."
    },
    sql: `SELECT year, value AS area, unit, 'stated' AS kind, indicator
FROM plan_indicators
WHERE region_code = 'CN' AND indicator = '高标准农田累计建成面积'
UNION ALL
SELECT year, value, unit, 'target', indicator
FROM plan_targets
WHERE region_code = 'CN' AND indicator LIKE '%高标准农田%'
ORDER BY year, kind`
  },
  {
    id: "scorecard",
    label: {zh: "目标记分卡", en: "The scorecard"},
    comment: {
      zh: "每项目标，以及同一指标在目标年份及之前的最新全国数值。",
      en: "Every target with the latest national figure of the same indicator in or before the target year."
    },
    sql: `SELECT t.indicator, t.unit, t.year AS target_year, t.value AS target,
       o.year AS latest_year, o.value AS latest
FROM plan_targets t
LEFT JOIN LATERAL (
  SELECT year, value FROM plan_indicators p
  WHERE p.region_code = 'CN' AND p.indicator = t.indicator AND p.year <= t.year
  ORDER BY year DESC LIMIT 1
) o ON true
WHERE t.region_code = 'CN'
ORDER BY t.indicator`
  }
];
