import {ingestFile} from "./ingest.js";
import type {IngestOptions} from "./ingestOptions.js";
import type {Manifest} from "./manifest.js";
import type {TidyRow} from "./tidy.js";
import {checkPlanNames} from "./planNames.js";

/** A bundled input under data/ and how to read it. */
export interface BundledSpec {
  id: string;
  file: string;
  options: IngestOptions;
  notes: string;
  /** A check of the file beyond its parsing (throws a LoadError); it fails the load like a bad cell. */
  check?(path: string): void;
}

const PORTAL_NOTES =
  "data/nbs-exports/README.md: unedited NBS portal export (国家数据, 分省年度数据), GBK, CRLF, 31 provinces 2013-2019";
const portal = (id: string, name: string): BundledSpec => ({
  id,
  file: `data/nbs-exports/${name}.csv`,
  options: {},
  notes: PORTAL_NOTES
});

/** Every bundled table besides income-national, read through the generic ingest (layout and encoding detected). */
export const BUNDLED: BundledSpec[] = [
  portal("province-urban-income", "城镇居民人均可支配收入"),
  portal("province-rural-income", "农村居民人均可支配收入"),
  portal("province-all-income", "全体居民人均可支配收入"),
  portal("province-urban-consumption", "城镇居民人均消费支出（元）"),
  portal("province-rural-consumption", "农村居民人均消费支出（元）"),
  portal("province-urban-population", "城镇人口（万人）"),
  portal("province-rural-population", "乡村人口（万人）"),
  {
    id: "income-province",
    file: "data/provinces/income_province.csv",
    options: {
      long: {
        columns: {
          urban_income: {indicator: "城镇居民人均可支配收入", unit: "元"},
          rural_income: {indicator: "农村居民人均可支配收入", unit: "元"}
        }
      }
    },
    notes:
      "data/provinces/SOURCES-income-province-v2.md: 2013-2019 all 31 provinces from the NBS portal exports (L1); 2020-2023 only 4 rows (Fujian 2020 rural; Shanghai, Xinjiang 2022; Beijing 2023)"
  },
  {
    id: "urbanization-national",
    file: "data/national/urbanization_national.csv",
    options: {
      long: {
        columns: {
          resident_rate_pct: {indicator: "常住人口城镇化率（当年公布）", unit: "%"},
          resident_rate_revised_pct: {indicator: "常住人口城镇化率（七普修订）", unit: "%"},
          hukou_rate_pct: {indicator: "户籍人口城镇化率", unit: "%"}
        }
      }
    },
    notes:
      "data/national/SOURCES-income-urbanization.md §3: resident rate as first published in each year's communiqué, and the census-revised series (derived: 城镇人口 ÷ 年末总人口, NBS database); they differ 2011-2019 by up to 2.11 pp; hukou rate 2015-2020 only"
  },
  {
    id: "urbanization-province",
    file: "data/provinces/urbanization_province.csv",
    options: {long: {columns: {resident_rate_pct: {indicator: "常住人口城镇化率", unit: "%"}}}},
    notes:
      "data/national/SOURCES-income-urbanization.md §4: 31 provinces 2005-2024; 2011-2019 look like the NBS revised (post-census) provincial series; 2024 from one source only"
  },
  {
    id: "urbanization-hukou",
    file: "data/urbanization/hukou.csv",
    options: {},
    notes:
      "data/urbanization/SOURCES-hukou.md: national hukou urbanisation rate 2023 (S78, Ministry of Public Security via SCIO), a copy of that row of the plan-indicator additions; 2015-2020 are in urbanization-national"
  },
  {
    id: "plan-indicators",
    file: "data/plan/plan_indicators.csv",
    options: {},
    check: (path) => checkPlanNames(path, "indicators"),
    notes:
      "data/plan/SOURCES-indicators.md and SOURCES-indicators-additions.md (S56-S79): indicators of the 十四五 new-urbanization plan from ministry bulletins and press releases; some values are bounds (超过), approximate, derived (source_ref D*), placed in a year inferred from context, or proxies with their own ids, see the notes"
  },
  {
    id: "plan-targets",
    file: "data/plan/targets.csv",
    options: {
      long: {year: "target_year", value: "target_value", ignore: ["direction", "baseline_value", "baseline_year"]}
    },
    check: (path) => checkPlanNames(path, "targets"),
    notes:
      "data/plan/SOURCES-indicators.md (Targets): 2025 targets of the plan (发改规划〔2022〕960号); year is the target year; direction (>=, <=, ~) and baselines are in data/plan/targets.csv"
  }
];

/**
 * Reads one bundled table (or, for a reload, the staged file `resolve` points to) into tidy rows and its manifest.
 * @example loadBundled(BUNDLED[0]).manifest.rows // 217
 */
export function loadBundled(
  spec: BundledSpec,
  resolve?: (input: string) => string
): {rows: TidyRow[]; manifest: Manifest} {
  const path = resolve?.(spec.file) ?? spec.file;
  const result = ingestFile(path, {...spec.options, dataset: spec.id, name: path, notes: spec.notes});
  spec.check?.(path);
  return result;
}
