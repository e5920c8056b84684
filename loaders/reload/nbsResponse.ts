// The answer of the NBS data portal's query endpoint (data.stats.gov.cn/easyquery.htm?m=QueryData), read strictly:
// {returncode, returndata: {datanodes: [{code, data: {data, dotcount, hasdata, strdata}, wds: [{wdcode, valuecode}]}],
// wdnodes: [{wdcode: "zb" | "reg" | "sj", nodes: [{code, cname, unit, memo}]}]}}. Every way the portal is known to
// fail (an HTML page with status 200, a returncode other than 200, cut-off JSON, no data) is a FetchError that says
// whether another attempt could help.
import {convert, normalizeUnit, unitInfo} from "../units.js";
import {REGIONS, resolveRegion} from "../regions.js";
import {FetchError} from "./fetchSource.js";

/** One figure of an answer: region "CN" for national (hgnd) data; value null where the portal has none. */
export interface NbsPoint {
  region: string;
  year: number;
  value: number | null;
}

/** One indicator of an answer, with its figures in the canonical unit. */
export interface NbsSeriesData {
  code: string;
  /** The indicator's name on the portal (wdnodes cname). */
  name: string;
  /** Canonical unit (元, %, 万人 …) that `points` are in. */
  unit: string;
  /** The portal's explanation of the indicator (wdnodes memo), if any. */
  memo: string;
  points: NbsPoint[];
}

/** What was asked for; names the request in messages. */
export interface NbsAsk {
  dbcode: "hgnd" | "fsnd";
  zb: string;
  period: string;
}

/**
 * Why the headers or body cannot be a portal answer, or null: the check passed to fetchBytes, so HTML pages and
 * cut-off JSON are retried like a dropped connection.
 * @example checkNbsAnswer("text/html", undefined, ask) // FetchError "answered with an HTML page …"
 */
export function checkNbsAnswer(
  contentType: string | null,
  bytes: Uint8Array | undefined,
  ask: NbsAsk
): FetchError | null {
  const type = contentType?.split(";")[0].trim().toLowerCase();
  if (type === "text/html" || type === "application/xhtml+xml") return htmlPage(`content-type ${type}`);
  if (!bytes) return null;
  try {
    readNbsAnswer(bytes, ask);
    return null;
  } catch (error) {
    if (error instanceof FetchError) return error;
    throw error;
  }
}

const htmlPage = (what: string) =>
  new FetchError(
    `the portal answered with an HTML page (${what}) instead of JSON: throttled, or redirected to a check page`,
    true
  );

/**
 * Parses and checks one answer; returns every indicator in it. Throws a FetchError naming what is wrong.
 * @example readNbsAnswer(bytes, {dbcode: "fsnd", zb: "A0A0101", period: "2013-"})[0].points.length
 */
export function readNbsAnswer(bytes: Uint8Array, ask: NbsAsk): NbsSeriesData[] {
  const text = new TextDecoder("utf-8", {fatal: false}).decode(bytes).replace(/^\uFEFF/, "");
  if (/^\s*</.test(text)) return failHtml(text);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new FetchError(`truncated or invalid JSON (${bytes.length} bytes): ${(error as Error).message}`, true);
  }
  const answer = json as {returncode?: unknown; returndata?: unknown};
  if (typeof answer !== "object" || answer === null || !("returncode" in answer)) {
    throw new FetchError("JSON without returncode: not an answer of easyquery.htm", false);
  }
  if (answer.returncode !== 200) {
    const detail = typeof answer.returndata === "string" ? `: ${answer.returndata.slice(0, 200)}` : "";
    // The portal answers throttled or malformed queries this way; a retry after the backoff may pass.
    throw new FetchError(`portal returncode ${JSON.stringify(answer.returncode)} instead of 200${detail}`, true);
  }
  const data = answer.returndata as {datanodes?: unknown; wdnodes?: unknown} | null;
  if (typeof data !== "object" || data === null) throw new FetchError("returndata is not an object", false);
  if (!Array.isArray(data.datanodes) || data.datanodes.length === 0) {
    throw new FetchError(
      `no data (empty datanodes) for zb ${ask.zb}, period ${ask.period} in ${ask.dbcode}: ` +
        "check the indicator code and period",
      false
    );
  }
  if (!Array.isArray(data.wdnodes)) throw new FetchError("returndata.wdnodes is missing", false);
  return readNodes(data.datanodes, data.wdnodes, ask);
}

function failHtml(text: string): never {
  const title = /<title>([^<]{0,80})/i.exec(text)?.[1]?.trim();
  throw htmlPage(title ? `title "${title}"` : `starts with "${text.trim().slice(0, 20)}"`);
}

interface WdNode {
  code: string;
  cname: string;
  unit: string;
  memo: string;
}

function dimension(wdnodes: unknown[], wdcode: string): WdNode[] | null {
  const found = wdnodes.find((w) => (w as {wdcode?: unknown})?.wdcode === wdcode) as {nodes?: unknown} | undefined;
  if (!found) return null;
  if (!Array.isArray(found.nodes)) throw new FetchError(`wdnodes ${wdcode} has no nodes`, false);
  return found.nodes.map((n, i) => {
    const node = n as Record<string, unknown>;
    if (typeof node?.code !== "string" || typeof node.cname !== "string") {
      throw new FetchError(`wdnodes ${wdcode}.nodes[${i}] lacks code or cname`, false);
    }
    return {
      code: node.code,
      cname: node.cname.trim(),
      unit: typeof node.unit === "string" ? node.unit : "",
      memo: typeof node.memo === "string" ? node.memo.trim() : ""
    };
  });
}

function readNodes(datanodes: unknown[], wdnodes: unknown[], ask: NbsAsk): NbsSeriesData[] {
  const indicators = dimension(wdnodes, "zb");
  const years = dimension(wdnodes, "sj");
  const regions = ask.dbcode === "fsnd" ? dimension(wdnodes, "reg") : null;
  if (!indicators?.length) throw new FetchError("wdnodes has no indicators (zb)", false);
  if (!years?.length) throw new FetchError("wdnodes has no years (sj)", false);
  if (ask.dbcode === "fsnd" && !regions?.length) throw new FetchError("wdnodes has no regions (reg)", false);
  for (const year of years) {
    if (!/^\d{4}$/.test(year.code)) throw new FetchError(`time code "${year.code}" is not a year`, false);
  }
  for (const region of regions ?? []) checkRegion(region);
  const series = new Map<string, NbsSeriesData & {factor: number; seen: Set<string>}>();
  for (const node of indicators) {
    const info = unitInfo(node.unit);
    series.set(node.code, {
      code: node.code,
      name: node.cname,
      unit: info.canonical,
      memo: node.memo,
      points: [],
      factor: info.factor,
      seen: new Set()
    });
  }
  datanodes.forEach((n, i) => {
    const node = n as {code?: unknown; data?: Record<string, unknown>; wds?: unknown};
    const where = `datanodes[${i}]${typeof node?.code === "string" ? ` (${node.code})` : ""}`;
    if (!Array.isArray(node?.wds) || typeof node.data !== "object" || node.data === null) {
      throw new FetchError(`${where}: lacks data or wds`, false);
    }
    const wd = (code: string) =>
      (node.wds as {wdcode?: unknown; valuecode?: unknown}[]).find((w) => w?.wdcode === code)?.valuecode;
    const zb = wd("zb");
    const year = wd("sj");
    const region = ask.dbcode === "fsnd" ? wd("reg") : "CN";
    const target = typeof zb === "string" ? series.get(zb) : undefined;
    if (!target) throw new FetchError(`${where}: indicator ${String(zb)} is not among the answer's wdnodes`, false);
    if (typeof year !== "string" || !years.some((y) => y.code === year)) {
      throw new FetchError(`${where}: year ${String(year)} is not among the answer's wdnodes`, false);
    }
    if (typeof region !== "string" || (regions && !regions.some((r) => r.code === region))) {
      throw new FetchError(`${where}: region ${String(region)} is not among the answer's wdnodes`, false);
    }
    const key = `${region}|${year}`;
    if (target.seen.has(key)) throw new FetchError(`${where}: a second figure for ${region} ${year}`, false);
    target.seen.add(key);
    const value = readValue(node.data, where);
    target.points.push({region, year: Number(year), value: value === null ? null : convert(value, target.factor)});
  });
  const result = [...series.values()].map(({factor: _f, seen: _s, ...rest}) => rest);
  if (result.every((s) => s.points.every((p) => p.value === null))) {
    throw new FetchError(
      `every figure is missing (hasdata false) for zb ${ask.zb}, period ${ask.period} in ${ask.dbcode}`,
      false
    );
  }
  return result;
}

/** hasdata false is a missing figure (the portal then sends data 0: never read that as zero). */
function readValue(data: Record<string, unknown>, where: string): number | null {
  if (data.hasdata === false) return null;
  if (data.hasdata !== true) throw new FetchError(`${where}: data.hasdata is not true or false`, false);
  const number = typeof data.data === "number" && Number.isFinite(data.data) ? data.data : null;
  const shown = typeof data.strdata === "string" && data.strdata.trim() !== "" ? Number(data.strdata) : null;
  if (shown !== null && !Number.isFinite(shown)) {
    throw new FetchError(`${where}: strdata "${String(data.strdata)}" is not a number`, false);
  }
  if (shown === null && number === null) throw new FetchError(`${where}: hasdata true but no number`, false);
  // strdata is the figure as the portal publishes it (rounded to dotcount); data may carry more digits.
  if (shown !== null && number !== null) {
    const dotcount = typeof data.dotcount === "number" ? data.dotcount : 0;
    if (Math.abs(shown - number) > 10 ** -dotcount + 1e-9) {
      throw new FetchError(`${where}: strdata ${String(data.strdata)} and data ${number} disagree`, false);
    }
  }
  return shown ?? number;
}

/** A region of the answer must be a provincial-level GB/T 2260 code whose name agrees with it. */
function checkRegion(region: WdNode): void {
  const byCode = REGIONS.find((r) => r.code === region.code && r.code !== "CN");
  if (!byCode) {
    throw new FetchError(`region code ${region.code} (${region.cname}) is not a provincial-level GB/T 2260 code`, false);
  }
  if (resolveRegion(region.cname)?.code !== region.code) {
    throw new FetchError(
      `region code ${region.code} is named "${region.cname}" on the portal, expected ${byCode.full}`,
      false
    );
  }
}

/**
 * The series of an answer that a configured indicator means: the node with the asked code, or in a group answer the
 * node with that name. Its name and unit must be the configured ones, so a code the portal has reassigned fails.
 * @example pickSeries(answer, {zb: "A0A0101", name: "居民人均可支配收入", unit: "元"})
 */
export function pickSeries(answer: NbsSeriesData[], wanted: {zb: string; name: string; unit: string}): NbsSeriesData {
  const fold = (name: string) => name.normalize("NFKC").replace(/\s+/g, "");
  const same = (a: string, b: string) => fold(a) === fold(b);
  const found = answer.find((s) => s.code === wanted.zb) ?? answer.find((s) => same(s.name, wanted.name));
  if (!found) {
    throw new FetchError(
      `zb ${wanted.zb} "${wanted.name}" is not in the answer ` +
        `(it holds ${answer.map((s) => `${s.code} "${s.name}"`).join(", ")})`,
      false
    );
  }
  if (!same(found.name, wanted.name)) {
    throw new FetchError(
      `zb ${found.code} is "${found.name}" on the portal, not "${wanted.name}": ` +
        "the code may have been reassigned; fix reload.nbs.json",
      false
    );
  }
  const unit = normalizeUnit(wanted.unit);
  if (found.unit !== unitInfo(unit).canonical) {
    throw new FetchError(`zb ${found.code} "${found.name}" is in ${found.unit} on the portal, expected ${unit}`, false);
  }
  return found;
}
