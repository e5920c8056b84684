import {describe, expect, it} from "vitest";
import {portalAnswer, type PortalSeries} from "../../fixtures/reload/nbsPortal.js";
import {FetchError} from "../../../loaders/reload/fetchSource.js";
import {nbsBase, nbsQueryUrl} from "../../../loaders/reload/nbsQuery.js";
import {checkNbsAnswer, pickSeries, readNbsAnswer} from "../../../loaders/reload/nbsResponse.js";

// SYNTHETIC answers in the portal's format, built by the test fixture; the figures are invented.
const ask = {dbcode: "fsnd" as const, zb: "A0X01", period: "2013-"};
const bytes = (json: unknown) => new TextEncoder().encode(typeof json === "string" ? json : JSON.stringify(json));
const provincial = (figures: [string, number | null][], overrides: Partial<PortalSeries> = {}): PortalSeries => ({
  dbcode: "fsnd",
  zb: "A0X01",
  name: "合成指标",
  unit: "元",
  figures: new Map(figures),
  regionNames: new Map([
    ["110000", "北京市"],
    ["540000", "西藏自治区"]
  ]),
  ...overrides
});
const failure = (f: () => unknown) => {
  try {
    f();
  } catch (error) {
    expect(error).toBeInstanceOf(FetchError);
    return {message: (error as FetchError).message, retryable: (error as FetchError).retryable};
  }
  throw new Error("expected a FetchError");
};

describe("nbsQueryUrl and nbsBase", () => {
  it("asks fsnd for one indicator with regions as rows, and hgnd with indicators as rows", () => {
    const fsnd = new URL(nbsQueryUrl("https://data.stats.gov.cn", {dbcode: "fsnd", zb: "A0A0101", period: "2013-"}, 42));
    expect(fsnd.pathname).toBe("/easyquery.htm");
    expect(Object.fromEntries(fsnd.searchParams)).toEqual({
      m: "QueryData",
      dbcode: "fsnd",
      rowcode: "reg",
      colcode: "sj",
      wds: '[{"wdcode":"zb","valuecode":"A0A0101"}]',
      dfwds: '[{"wdcode":"sj","valuecode":"2013-"}]',
      k1: "42"
    });
    const hgnd = new URL(nbsQueryUrl("http://127.0.0.1:9", {dbcode: "hgnd", zb: "A0301", period: "LAST10"}, 1));
    expect(hgnd.searchParams.get("rowcode")).toBe("zb");
    expect(hgnd.searchParams.get("wds")).toBe("[]");
    expect(hgnd.searchParams.get("dfwds")).toBe('[{"wdcode":"zb","valuecode":"A0301"},{"wdcode":"sj","valuecode":"LAST10"}]');
  });

  it("uses NBS_BASE_URL when set, and refuses what is not an http(s) base", () => {
    expect(nbsBase({})).toBe("https://data.stats.gov.cn");
    expect(nbsBase({NBS_BASE_URL: "http://127.0.0.1:8080/mirror/"})).toBe("http://127.0.0.1:8080/mirror");
    expect(() => nbsBase({NBS_BASE_URL: "ftp://x"})).toThrow('NBS_BASE_URL: "ftp://x" must be an http(s) URL');
    expect(() => nbsBase({NBS_BASE_URL: "not a url"})).toThrow('NBS_BASE_URL: "not a url" is not a URL');
  });
});

describe("readNbsAnswer", () => {
  it("reads figures with region codes and years; hasdata false is missing, never the 0 the portal sends", () => {
    const [series] = readNbsAnswer(bytes(portalAnswer([provincial([["110000|2024", 85000], ["540000|2024", null]])])), ask);
    expect(series).toMatchObject({code: "A0X01", name: "合成指标", unit: "元"});
    expect(series.points).toEqual([
      {region: "110000", year: 2024, value: 85000},
      {region: "540000", year: 2024, value: null}
    ]);
  });

  it("converts to the canonical unit (万元 → 元)", () => {
    const [series] = readNbsAnswer(bytes(portalAnswer([provincial([["110000|2024", 8.5]], {unit: "万元"})])), ask);
    expect(series.unit).toBe("元");
    expect(series.points[0].value).toBe(85000);
  });

  it("refuses a region code that is not provincial GB/T 2260, or whose name disagrees", () => {
    const unknown = provincial([["990000|2024", 1]], {regionNames: new Map([["990000", "某地"]])});
    expect(failure(() => readNbsAnswer(bytes(portalAnswer([unknown])), ask)).message).toBe(
      "region code 990000 (某地) is not a provincial-level GB/T 2260 code"
    );
    const wrongName = provincial([["110000|2024", 1]], {regionNames: new Map([["110000", "天津市"]])});
    expect(failure(() => readNbsAnswer(bytes(portalAnswer([wrongName])), ask)).message).toBe(
      'region code 110000 is named "天津市" on the portal, expected 北京市'
    );
  });

  it("refuses strdata and data that disagree", () => {
    const answer = portalAnswer([provincial([["110000|2024", 100]])]) as {returndata: {datanodes: {data: object}[]}};
    answer.returndata.datanodes[0].data = {data: 100, dotcount: 0, hasdata: true, strdata: "120"};
    expect(failure(() => readNbsAnswer(bytes(answer), ask)).message).toMatch(/strdata 120 and data 100 disagree/);
  });

  it.each([
    ["an HTML page", "<!DOCTYPE html><title>安全验证</title>", /HTML page \(title "安全验证"\).*check page/, true],
    ["cut-off JSON", '{"returncode":200,"returndata":{"datan', /truncated or invalid JSON \(\d+ bytes\)/, true],
    ["returncode 501", {returncode: 501, returndata: "参数错误"}, /portal returncode 501 instead of 200: 参数错误/, true],
    ["empty datanodes", {returncode: 200, returndata: {datanodes: [], wdnodes: []}}, /no data \(empty datanodes\) for zb A0X01, period 2013- in fsnd/, false],
    ["no returncode", {foo: 1}, /JSON without returncode/, false]
  ])("%s is a FetchError with a clear message, retried or not as it can help", (_name, body, message, retryable) => {
    const result = failure(() => readNbsAnswer(bytes(body), ask));
    expect(result.message).toMatch(message);
    expect(result.retryable).toBe(retryable);
  });

  it("every figure missing is refused, not published as an empty table", () => {
    expect(failure(() => readNbsAnswer(bytes(portalAnswer([provincial([["110000|2024", null]])])), ask)).message).toBe(
      "every figure is missing (hasdata false) for zb A0X01, period 2013- in fsnd"
    );
  });

  it("checkNbsAnswer refuses an HTML content type before reading the body", () => {
    expect(checkNbsAnswer("text/html; charset=utf-8", undefined, ask)?.message).toMatch(/HTML page \(content-type text\/html\)/);
    expect(checkNbsAnswer("application/json", undefined, ask)).toBeNull();
  });
});

describe("pickSeries", () => {
  const answer = readNbsAnswer(bytes(portalAnswer([provincial([["110000|2024", 1]])])), ask);

  it("finds the indicator by code and checks its name and unit", () => {
    expect(pickSeries(answer, {zb: "A0X01", name: "合成指标", unit: "元"}).points).toHaveLength(1);
  });

  it("names a reassigned code: the portal's name and the configured one", () => {
    expect(() => pickSeries(answer, {zb: "A0X01", name: "别的指标", unit: "元"})).toThrow(
      'zb A0X01 is "合成指标" on the portal, not "别的指标": the code may have been reassigned; fix reload.nbs.json'
    );
  });

  it("names a unit that is not the expected one", () => {
    expect(() => pickSeries(answer, {zb: "A0X01", name: "合成指标", unit: "%"})).toThrow(
      'zb A0X01 "合成指标" is in 元 on the portal, expected %'
    );
  });

  it("picks a series of a table by its name", () => {
    const table = readNbsAnswer(
      bytes(
        portalAnswer([
          {dbcode: "hgnd", zb: "A0Y", code: "A0Y01", name: "甲", unit: "万人", figures: new Map([["CN|2024", 1]])},
          {dbcode: "hgnd", zb: "A0Y", code: "A0Y02", name: "乙", unit: "万人", figures: new Map([["CN|2024", 2]])}
        ])
      ),
      {dbcode: "hgnd", zb: "A0Y", period: "2013-"}
    );
    expect(pickSeries(table, {zb: "A0Y", name: "乙", unit: "万人"}).points).toEqual([{region: "CN", year: 2024, value: 2}]);
    expect(() => pickSeries(table, {zb: "A0Y", name: "丙", unit: "万人"})).toThrow(
      'zb A0Y "丙" is not in the answer (it holds A0Y01 "甲", A0Y02 "乙")'
    );
  });
});
