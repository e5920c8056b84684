import {mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {afterAll, describe, expect, it} from "vitest";
import {ingestFileTo, type IngestOptions} from "../../../loaders/ingest.js";
import {encodeGb18030, writeSyntheticPortal} from "../../fixtures/syntheticPortal.js";

// The fast path (records split on bytes, region rows taken as bytes, lines encoded as bytes, the writer thread) is
// held to the general path (decoded text, every cell through the Collector, each line by formatTidyLine): every file
// of the corpus, good and bad, must give the same bytes or the same error message both ways.

const tmp = mkdtempSync(join(tmpdir(), "ys-fence-"));
afterAll(() => rmSync(tmp, {recursive: true, force: true}));

/** The output bytes (base64) or the error message of one ingest. */
function outcome(file: string, options: IngestOptions): string {
  const out = join(tmp, `out-${Math.random().toString(36).slice(2)}.csv`);
  try {
    const manifest = ingestFileTo(file, out, options);
    const bytes = readFileSync(out);
    rmSync(out);
    return `ok ${manifest.rows} ${manifest.missing} ${manifest.source.sha256} ${manifest.warnings.length} ${bytes.toString("base64")}`;
  } catch (error) {
    return `error ${(error as Error).message}`;
  }
}

const corpus = (dir: string) =>
  readdirSync(dir)
    .filter((f) => !f.endsWith(".xlsx"))
    .map((f) => `${dir}/${f}`);

/** Files of the corpus that need options to be read. */
const OPTIONS: Record<string, IngestOptions> = {
  "tests/fixtures/loaders/yearbook-noyear-gbk.csv": {year: 2019},
  "tests/fixtures/bad/gbk-read-as-utf8.csv": {encoding: "utf-8"}
};

const FILES = [...corpus("tests/fixtures/loaders"), ...corpus("tests/fixtures/bad")];

describe("the fast path against the general path", () => {
  it("covers the whole fixture corpus", () => {
    expect(FILES.length).toBeGreaterThanOrEqual(45);
  });

  it.each(FILES)("%s: same bytes or the same error, fast path on and off", (file) => {
    const options = OPTIONS[file] ?? {};
    const general = outcome(file, {...options, fastPath: false});
    expect(outcome(file, {...options, writerThread: false})).toBe(general);
    expect(outcome(file, {...options, writerThread: true})).toBe(general);
  });

  it("a SYNTHETIC portal file with rows of every kind gives the same bytes both ways", () => {
    const blocks = Array.from(
      {length: 80},
      (_, k) =>
        `数据库：分省年度数据\r\n指标：合成指标${k}(${k % 3 ? "元" : "万元"})\r\n时间：2018-2019\r\n地区,2019年,2018年\r\n` +
        `北京市,${k + 1},67990\r\n天津市,"42,404",0.5\r\n河北省,-,4.25\r\n山西省,12*,\r\n内蒙古自治区,${k},-1e3\r\n数据来源：合成数据\r\n`
    ).join("");
    const small = join(tmp, "blocks.csv");
    writeFileSync(small, encodeGb18030(blocks));
    const big = join(tmp, "synthetic.csv");
    writeSyntheticPortal(big, 5_000);
    for (const file of [small, big]) {
      const general = outcome(file, {fastPath: false});
      expect(general.startsWith("ok ")).toBe(true);
      expect(outcome(file, {writerThread: false})).toBe(general);
      expect(outcome(file, {writerThread: true})).toBe(general);
    }
  });

  it("a SYNTHETIC portal file cut mid-row fails with the same message both ways", () => {
    const file = join(tmp, "cut.csv");
    writeSyntheticPortal(file, 3_000, {truncateLast: true});
    const general = outcome(file, {fastPath: false});
    expect(general).toMatch(/^error .*row cut short/);
    expect(outcome(file, {})).toBe(general);
  });
});
