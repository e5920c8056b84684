// Rebuilds one dataset input from the NBS data portal: one query per indicator code (with the download rules of
// fetchBytes: deadline, retries with backoff, size cap, same-origin redirects), each answer checked strictly
// (nbsResponse.ts), then written in the input's own format (nbsRender.ts) for the dataset's loader to validate.
import type {NbsSource} from "./config.js";
import {fetchBytes, FetchError, type FetchOptions} from "./fetchSource.js";
import {nbsQueryUrl} from "./nbsQuery.js";
import {mergeNationalTable, renderProvinceExport} from "./nbsRender.js";
import {checkNbsAnswer, pickSeries, readNbsAnswer, type NbsSeriesData} from "./nbsResponse.js";

/** Where an NBS source's figures come from, for messages and the reload log. @example nbsOrigin(base, source) */
export function nbsOrigin(base: string, source: NbsSource): string {
  const codes = [...new Set(source.series.map((s) => s.zb))].join(",");
  return `${base}/easyquery.htm (QueryData ${source.dbcode} zb ${codes}, ${source.period})`;
}

/**
 * Queries every indicator of `source` and returns the bytes of the rebuilt input. `current` is the input as it is
 * now (a national table is filled in, not replaced). Rejects with a FetchError naming the input and indicator.
 * @example const bytes = await fetchNbsSource(source, {base: nbsBase(), current: () => readFileSync(path, "utf8")})
 */
export async function fetchNbsSource(
  source: NbsSource,
  {base, current, fetch = {}}: {base: string; current: () => string | null; fetch?: FetchOptions}
): Promise<Uint8Array> {
  const byName = new Map<string, NbsSeriesData>();
  for (const zb of [...new Set(source.series.map((s) => s.zb))]) {
    const wanted = source.series.filter((s) => s.zb === zb);
    const ask = {dbcode: source.dbcode, zb, period: source.period};
    const label = `${source.input} ← NBS ${source.dbcode} ${zb} (${wanted.map((s) => s.name).join(", ")}) at ${base}`;
    const bytes = await fetchBytes(
      {
        label,
        url: nbsQueryUrl(base, ask),
        timeoutMs: source.timeoutMs,
        retries: source.retries,
        backoffMs: source.backoffMs,
        maxBytes: source.maxBytes,
        accept: (type, body) => checkNbsAnswer(type, body, ask)
      },
      fetch
    );
    try {
      const answer = readNbsAnswer(bytes, ask);
      for (const series of wanted) byName.set(series.name, pickSeries(answer, series));
    } catch (error) {
      throw new FetchError(`${label}: ${(error as Error).message}`, false);
    }
  }
  const text =
    source.dbcode === "fsnd"
      ? renderProvinceExport({
          indicator: source.indicator!,
          series: byName.get(source.series[0].name)!,
          zb: source.series[0].zb
        })
      : mergeWith(source, current(), byName, base);
  return new TextEncoder().encode(text);
}

function mergeWith(
  source: NbsSource,
  current: string | null,
  byName: Map<string, NbsSeriesData>,
  base: string
): string {
  if (current === null) {
    throw new FetchError(`${source.input}: missing, so there is no table to fill from ${base}`, false);
  }
  try {
    return mergeNationalTable(current, source.columns!, byName);
  } catch (error) {
    throw new FetchError(`${source.input}: ${(error as Error).message}`, false);
  }
}
