import {sha256} from "../manifest.js";
import {checkContentType} from "./contentType.js";
import type {RemoteSource} from "./config.js";

/** A download that failed for good; `retryable` tells whether another attempt could help. */
export class FetchError extends Error {
  constructor(
    message: string,
    readonly retryable: boolean
  ) {
    super(message);
    this.name = "FetchError";
  }
}

export interface FetchOptions {
  /** Called as bytes arrive, for progress output. */
  onProgress?(event: {attempt: number; bytes: number; total: number | null}): void;
  /** Called before waiting to retry. */
  onRetry?(event: {attempt: number; error: string; waitMs: number}): void;
  /** How to wait between attempts (tests pass an immediate one). */
  wait?(ms: number): Promise<void>;
}

/**
 * Downloads one remote source with a per-attempt deadline, retries with doubling backoff, a size cap, a
 * content-type check and an optional pinned sha256. Rejects with a FetchError naming the input and the URL.
 * @example const bytes = await fetchSource({dataset: "income-national", input: "data/national/income_national.csv", url, timeoutMs: 30000, retries: 2, backoffMs: 1000, maxBytes: 1e7})
 */
export async function fetchSource(source: RemoteSource, options: FetchOptions = {}): Promise<Uint8Array> {
  const wait = options.wait ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  for (let attempt = 1; ; attempt++) {
    try {
      return await fetchOnce(source, attempt, options);
    } catch (error) {
      const failure =
        error instanceof FetchError ? error : new FetchError(String((error as Error)?.message ?? error), true);
      const attempts = `${attempt} attempt${attempt === 1 ? "" : "s"}`;
      if (!failure.retryable || attempt > source.retries) {
        throw new FetchError(`${source.input} ← ${source.url}: ${failure.message} (${attempts})`, false);
      }
      const waitMs = source.backoffMs * 2 ** (attempt - 1);
      options.onRetry?.({attempt, error: failure.message, waitMs});
      await wait(waitMs);
    }
  }
}

async function fetchOnce(source: RemoteSource, attempt: number, options: FetchOptions): Promise<Uint8Array> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), source.timeoutMs);
  const timedOut = () => new FetchError(`timed out after ${source.timeoutMs} ms`, true);
  try {
    let response: Response;
    try {
      response = await fetch(source.url, {signal: controller.signal, redirect: "follow"});
    } catch (error) {
      if (controller.signal.aborted) throw timedOut();
      throw new FetchError(describeNetworkError(error), true);
    }
    if (!response.ok) {
      await response.body?.cancel().catch(() => {});
      // Client errors other than 408/429 will not change on retry (a 404 is a wrong URL).
      const retryable = response.status >= 500 || response.status === 408 || response.status === 429;
      throw new FetchError(`HTTP ${response.status} ${response.statusText}`.trim(), retryable);
    }
    const typeProblem = checkContentType(source.input, response.headers.get("content-type"));
    if (typeProblem) {
      await response.body?.cancel().catch(() => {});
      throw new FetchError(typeProblem, false);
    }
    const declared = response.headers.get("content-length");
    const total = declared === null ? null : Number(declared);
    if (total !== null && total > source.maxBytes) {
      await response.body?.cancel().catch(() => {});
      throw new FetchError(`Content-Length ${total} exceeds the size cap of ${source.maxBytes} bytes`, false);
    }
    const bytes = await readBody(response, source, attempt, total, options, controller, timedOut);
    if (total !== null && bytes.length !== total) {
      throw new FetchError(`truncated body: received ${bytes.length} of ${total} bytes`, true);
    }
    const sniffProblem = checkContentType(source.input, null, bytes);
    if (sniffProblem) throw new FetchError(sniffProblem, false);
    if (source.sha256) {
      const actual = sha256(bytes);
      if (actual !== source.sha256)
        throw new FetchError(`sha256 ${actual} does not match the pinned ${source.sha256}`, false);
    }
    return bytes;
  } finally {
    clearTimeout(timer);
  }
}

async function readBody(
  response: Response,
  source: RemoteSource,
  attempt: number,
  total: number | null,
  options: FetchOptions,
  controller: AbortController,
  timedOut: () => FetchError
): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let received = 0;
  const reader = response.body?.getReader();
  if (!reader) return new Uint8Array();
  try {
    for (;;) {
      const {done, value} = await reader.read();
      if (done) break;
      received += value.length;
      if (received > source.maxBytes) {
        controller.abort();
        throw new FetchError(`body exceeds the size cap of ${source.maxBytes} bytes`, false);
      }
      chunks.push(value);
      options.onProgress?.({attempt, bytes: received, total});
    }
  } catch (error) {
    if (error instanceof FetchError) throw error;
    if (controller.signal.aborted) throw timedOut();
    const what = total === null ? `after ${received} bytes` : `after ${received} of ${total} bytes`;
    throw new FetchError(`truncated body: connection closed ${what} (${describeNetworkError(error)})`, true);
  }
  const bytes = new Uint8Array(received);
  let offset = 0;
  for (const chunk of chunks) bytes.set(chunk, (offset += chunk.length) - chunk.length);
  return bytes;
}

// undici reports "fetch failed" with the useful part (ECONNREFUSED, "other side closed") in `cause`.
function describeNetworkError(error: unknown): string {
  const e = error as {message?: string; cause?: {code?: string; message?: string}};
  const cause = e?.cause?.code ?? e?.cause?.message;
  return cause ? `${e.message ?? "network error"}: ${cause}` : String(e?.message ?? error);
}
