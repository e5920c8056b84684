import {readFileSync} from "node:fs";
import {decodeText} from "./decodeText.js";
import {parseIncomeNational} from "./incomeNational.js";
import {countsOf, makeManifest, sha256, type Manifest} from "./manifest.js";
import type {TidyRow} from "./tidy.js";

/** The bundled national income file, relative to the project root (loaders run with the project root as cwd). */
export const INCOME_NATIONAL_FILE = "data/national/income_national.csv";

/**
 * Reads, decodes, parses and validates the national income file; returns tidy rows and their manifest.
 * @example const {rows, manifest} = loadIncomeNational();
 */
export function loadIncomeNational(file = INCOME_NATIONAL_FILE): {rows: TidyRow[]; manifest: Manifest} {
  const bytes = readFileSync(file);
  const {text, encoding} = decodeText(bytes, {file});
  const rows = parseIncomeNational(text, {file});
  const manifest = makeManifest({
    dataset: "income-national",
    file,
    digest: {sha256: sha256(bytes), bytes: bytes.length},
    encoding,
    layout: "wide-by-year",
    counts: countsOf(rows, {income: {canonical: "元", original: ["元"]}}),
    notes: "data/national/SOURCES-income-urbanization.md §1: NBS easyquery 年度数据 exports (2015-2024) and data.stats.gov.cn scrape (2013-2014)"
  });
  return {rows, manifest};
}
