import {mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {pathToFileURL} from "node:url";
import {afterAll, describe, expect, it} from "vitest";
import {ingestFileTo} from "../../../loaders/ingest.js";
import {REGIONS} from "../../../loaders/regions.js";
import {threadWriter} from "../../../loaders/tidyWriterThread.js";
import {encodeGb18030, writeSyntheticPortal} from "../../fixtures/syntheticPortal.js";

const tmp = mkdtempSync(join(tmpdir(), "ys-thread-"));
afterAll(() => rmSync(tmp, {recursive: true, force: true}));

describe("ingestFileTo with the writer thread", () => {
  it("writes the same bytes as the in-thread writer, byte-path rows and text-path rows interleaved", () => {
    // Region rows the byte path takes (plain numbers) and rows it leaves to the text path (separators, missing,
    // notes, decimals), in blocks with 元 and 万元; plus a SYNTHETIC portal file of 40,000 region rows.
    const blocks = Array.from(
      {length: 80},
      (_, k) =>
        `数据库：分省年度数据\r\n指标：合成指标${k}(${k % 3 ? "元" : "万元"})\r\n时间：2018-2019\r\n地区,2019年,2018年\r\n` +
        `北京市,${k + 1},67990\r\n天津市,"42,404",0.5\r\n河北省,-,4.25\r\n山西省,12*,\r\n内蒙古自治区,${k},1e3\r\n数据来源：合成数据\r\n`
    ).join("");
    const small = join(tmp, "blocks.csv");
    writeFileSync(small, encodeGb18030(blocks));
    const big = join(tmp, "synthetic.csv");
    writeSyntheticPortal(big, 40_000);
    for (const input of [small, big]) {
      const a = ingestFileTo(input, join(tmp, "a.csv"), {writerThread: true});
      const b = ingestFileTo(input, join(tmp, "b.csv"), {writerThread: false});
      expect(a.rows).toBe(b.rows);
      expect(readFileSync(join(tmp, "a.csv")).equals(readFileSync(join(tmp, "b.csv")))).toBe(true);
    }
    expect(readFileSync(join(tmp, "a.csv"), "utf8").split("\n").length).toBe(40_000 * 7 + 2);
  });

  it("on bad input stops the thread, keeps the earlier output and leaves no temporary file", () => {
    const input = join(tmp, "cut.csv");
    const {lines} = writeSyntheticPortal(input, 20_000, {truncateLast: true});
    const out = join(tmp, "kept.csv");
    writeFileSync(out, "earlier output\n");
    expect(() => ingestFileTo(input, out, {writerThread: true})).toThrow(
      `${input}:${lines + 1}:3: row has 3 fields, the header 8 (row cut short?)`
    );
    expect(readFileSync(out, "utf8")).toBe("earlier output\n");
    expect(readdirSync(tmp).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });
});

describe("threadWriter when its thread fails", () => {
  const row = () => Float64Array.from([1, 2]);

  it("reports a thread that never starts instead of waiting for it forever", () => {
    const path = join(tmp, "never.csv");
    writeFileSync(path, "");
    // A script that does not compile: the thread never runs a line, so only the deadline can tell.
    const broken = join(tmp, "broken-worker.mjs");
    writeFileSync(broken, "this is not JavaScript");
    const writer = threadWriter(path, {worker: pathToFileURL(broken), startTimeoutMs: 300});
    expect(() => {
      for (let i = 0; i < 200_000; i++) writer.plainRow("合成指标", "元", REGIONS[1], [2019, 2018], row(), 2);
      writer.finish();
    }).toThrow("tidy writer thread: did not start within 0.3 s");
    writer.abort();
  });

  it("passes on the thread's own error (here: the file it should write is gone)", () => {
    const writer = threadWriter(join(tmp, "missing", "out.csv"));
    expect(() => {
      writer.plainRow("合成指标", "元", REGIONS[1], [2019, 2018], row(), 2);
      writer.finish();
    }).toThrow(/^tidy writer thread: ENOENT/);
    writer.abort();
  });
});
