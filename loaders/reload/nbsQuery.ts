// The request of the NBS data portal's query endpoint, as the portal's own pages and public clients send it:
// easyquery.htm?m=QueryData&dbcode=…&rowcode=…&colcode=sj&wds=[…]&dfwds=[…]&k1=<ms>. Provincial data (fsnd) fixes
// the indicator in `wds` and lists regions as rows; national data (hgnd) lists indicators as rows. Where each
// parameter was found is in docs/reload.md.

/** Environment variable that replaces the portal's address (a mirror, a proxy, or a test server). */
export const NBS_BASE_URL_ENV = "NBS_BASE_URL";
export const NBS_DEFAULT_BASE = "https://data.stats.gov.cn";

/**
 * The portal's base URL: `NBS_BASE_URL` when set (http or https, no query), else https://data.stats.gov.cn.
 * @example nbsBase({NBS_BASE_URL: "http://127.0.0.1:8080/"}) // "http://127.0.0.1:8080"
 */
export function nbsBase(env: NodeJS.ProcessEnv = process.env): string {
  const value = env[NBS_BASE_URL_ENV]?.trim();
  if (!value) return NBS_DEFAULT_BASE;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`${NBS_BASE_URL_ENV}: "${value}" is not a URL`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new Error(`${NBS_BASE_URL_ENV}: "${value}" must be an http(s) URL`);
  }
  if (url.search || url.hash) throw new Error(`${NBS_BASE_URL_ENV}: "${value}" must not have a query or fragment`);
  return url.href.replace(/\/+$/, "");
}

/**
 * The QueryData URL for one indicator code over a period.
 * @example nbsQueryUrl("https://data.stats.gov.cn", {dbcode: "fsnd", zb: "A0A0101", period: "2013-"}, 0)
 */
export function nbsQueryUrl(
  base: string,
  {dbcode, zb, period}: {dbcode: "hgnd" | "fsnd"; zb: string; period: string},
  now = Date.now()
): string {
  const time = {wdcode: "sj", valuecode: period};
  const indicator = {wdcode: "zb", valuecode: zb};
  const params = new URLSearchParams({
    m: "QueryData",
    dbcode,
    rowcode: dbcode === "fsnd" ? "reg" : "zb",
    colcode: "sj",
    wds: JSON.stringify(dbcode === "fsnd" ? [indicator] : []),
    dfwds: JSON.stringify(dbcode === "fsnd" ? [time] : [indicator, time]),
    // The portal's pages add the time in ms against caching; sent the same way.
    k1: String(now)
  });
  return `${base}/easyquery.htm?${params}`;
}
