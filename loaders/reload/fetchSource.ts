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

/** One HTTP GET with its limits, and what the answer must look like. */
export interface FetchRequest {
  /** Names the download in every message: `data/x.csv ← https://…`, or a portal indicator. */
  label: string;
  url: string;
  timeoutMs: number;
  retries: number;
  backoffMs: number;
  maxBytes: number;
  sha256?: string;
  /**
   * Why the answer is not what was asked for, or null: called with the headers' content type (no bytes yet), then
   * with the whole body. A FetchError says itself whether to retry; a string is never retried.
   */
  accept?(contentType: string | null, bytes?: Uint8Array): FetchError | string | null;
}

/** Redirects followed within one origin; more is a loop. */
const MAX_REDIRECTS = 5;

/**
 * Downloads one remote source with a per-attempt deadline, retries with doubling backoff, a size cap, a
 * content-type check and an optional pinned sha256. Rejects with a FetchError naming the input and the URL.
 * @example const bytes = await fetchSource({dataset: "income-national", input: "data/national/income_national.csv", url, timeoutMs: 30000, retries: 2, backoffMs: 1000, maxBytes: 1e7})
 */
export async function fetchSource(source: RemoteSource, options: FetchOptions = {}): Promise<Uint8Array> {
  return fetchBytes(
    {
      label: `${source.input} ← ${source.url}`,
      url: source.url,
      timeoutMs: source.timeoutMs,
      retries: source.retries,
      backoffMs: source.backoffMs,
      maxBytes: source.maxBytes,
      sha256: source.sha256,
      accept: (type, bytes) => checkContentType(source.input, type, bytes)
    },
    options
  );
}

/**
 * GETs `request.url` with the deadline, retries, size cap, redirect rule and checks of `request`; rejects with a
 * FetchError whose message starts with `request.label` and ends with the number of attempts.
 * @example await fetchBytes({label: "x", url, timeoutMs: 30000, retries: 2, backoffMs: 1000, maxBytes: 1e6})
 */
export async function fetchBytes(request: FetchRequest, options: FetchOptions = {}): Promise<Uint8Array> {
  const wait = options.wait ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  for (let attempt = 1; ; attempt++) {
    try {
      return await fetchOnce(request, attempt, options);
    } catch (error) {
      const failure =
        error instanceof FetchError ? error : new FetchError(String((error as Error)?.message ?? error), true);
      const attempts = `${attempt} attempt${attempt === 1 ? "" : "s"}`;
      if (!failure.retryable || attempt > request.retries) {
        throw new FetchError(`${request.label}: ${failure.message} (${attempts})`, false);
      }
      const waitMs = request.backoffMs * 2 ** (attempt - 1);
      options.onRetry?.({attempt, error: failure.message, waitMs});
      await wait(waitMs);
    }
  }
}

function asFetchError(problem: FetchError | string | null | undefined): FetchError | null {
  if (!problem) return null;
  return typeof problem === "string" ? new FetchError(problem, false) : problem;
}

async function fetchOnce(request: FetchRequest, attempt: number, options: FetchOptions): Promise<Uint8Array> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), request.timeoutMs);
  const timedOut = () => new FetchError(`timed out after ${request.timeoutMs} ms`, true);
  try {
    const response = await get(request.url, controller, timedOut);
    if (!response.ok) {
      await response.body?.cancel().catch(() => {});
      // Client errors other than 408/429 will not change on retry (a 404 is a wrong URL).
      const retryable = response.status >= 500 || response.status === 408 || response.status === 429;
      throw new FetchError(`HTTP ${response.status} ${response.statusText}`.trim(), retryable);
    }
    const typeProblem = asFetchError(request.accept?.(response.headers.get("content-type")));
    if (typeProblem) {
      await response.body?.cancel().catch(() => {});
      throw typeProblem;
    }
    const declared = response.headers.get("content-length");
    const total = declared === null ? null : Number(declared);
    if (total !== null && total > request.maxBytes) {
      await response.body?.cancel().catch(() => {});
      throw new FetchError(`Content-Length ${total} exceeds the size cap of ${request.maxBytes} bytes`, false);
    }
    // fetch decodes gzip/deflate/br itself, and then Content-Length counts the encoded bytes, not the ones read
    // here: only an unencoded body can be measured against it (a cut encoded stream fails in the decoder instead).
    const encoding = response.headers.get("content-encoding")?.trim().toLowerCase();
    const comparable = !encoding || encoding === "identity" ? total : null;
    const bytes = await readBody(response, request, attempt, comparable, options, controller, timedOut);
    if (comparable !== null && bytes.length !== comparable) {
      throw new FetchError(`truncated body: received ${bytes.length} of ${comparable} bytes`, true);
    }
    const bodyProblem = asFetchError(request.accept?.(response.headers.get("content-type"), bytes));
    if (bodyProblem) throw bodyProblem;
    if (request.sha256) {
      const actual = sha256(bytes);
      if (actual !== request.sha256)
        throw new FetchError(`sha256 ${actual} does not match the pinned ${request.sha256}`, false);
    }
    return bytes;
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Follows redirects only within the origin (scheme, host and port) of the configured URL: a redirect elsewhere is
 * refused with its target named, since it may be a check page, a login, or a host nobody configured. A bad redirect
 * does not heal on retry, so none of these failures is retried.
 */
async function get(url: string, controller: AbortController, timedOut: () => FetchError): Promise<Response> {
  const origin = new URL(url).origin;
  let current = url;
  for (let hops = 0; ; hops++) {
    let response: Response;
    try {
      response = await fetch(current, {signal: controller.signal, redirect: "manual"});
    } catch (error) {
      if (controller.signal.aborted) throw timedOut();
      throw describeNetworkError(error);
    }
    if (response.status < 300 || response.status > 399 || response.status === 304) return response;
    await response.body?.cancel().catch(() => {});
    const location = response.headers.get("location");
    if (!location) throw new FetchError(`HTTP ${response.status} redirect without a Location header`, false);
    let target: URL;
    try {
      target = new URL(location, current);
    } catch {
      throw new FetchError(`HTTP ${response.status} redirect to an invalid Location "${location}"`, false);
    }
    if (target.origin !== origin) {
      throw new FetchError(
        `HTTP ${response.status} redirect to another origin (${target.href}), refused: only redirects within ` +
          `${origin} are followed; if that address is trusted, configure it instead`,
        false
      );
    }
    if (hops + 1 > MAX_REDIRECTS) {
      throw new FetchError(`more than ${MAX_REDIRECTS} redirects (last to ${target.href})`, false);
    }
    current = target.href;
  }
}

async function readBody(
  response: Response,
  request: FetchRequest,
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
      if (received > request.maxBytes) {
        controller.abort();
        throw new FetchError(`body exceeds the size cap of ${request.maxBytes} bytes`, false);
      }
      chunks.push(value);
      options.onProgress?.({attempt, bytes: received, total});
    }
  } catch (error) {
    if (error instanceof FetchError) throw error;
    if (controller.signal.aborted) throw timedOut();
    const what = total === null ? `after ${received} bytes` : `after ${received} of ${total} bytes`;
    throw new FetchError(`truncated body: connection closed ${what} (${describeNetworkError(error).message})`, true);
  }
  const bytes = new Uint8Array(received);
  let offset = 0;
  for (const chunk of chunks) bytes.set(chunk, (offset += chunk.length) - chunk.length);
  return bytes;
}

// Certificate errors Node reports when the system store (plus NODE_EXTRA_CA_CERTS) does not vouch for the chain.
const TLS_CODES = new Set([
  "UNABLE_TO_VERIFY_LEAF_SIGNATURE",
  "UNABLE_TO_GET_ISSUER_CERT",
  "UNABLE_TO_GET_ISSUER_CERT_LOCALLY",
  "SELF_SIGNED_CERT_IN_CHAIN",
  "DEPTH_ZERO_SELF_SIGNED_CERT",
  "CERT_HAS_EXPIRED",
  "CERT_NOT_YET_VALID",
  "CERT_UNTRUSTED",
  "CERT_SIGNATURE_FAILURE",
  "ERR_TLS_CERT_ALTNAME_INVALID"
]);

/**
 * undici reports "fetch failed" with the useful part (ECONNREFUSED, "other side closed", a certificate code) in
 * `cause`. A rejected certificate chain is not retried and says how to trust the issuer; verification stays on.
 */
function describeNetworkError(error: unknown): FetchError {
  const e = error as {message?: string; cause?: {code?: string; message?: string}};
  const code = e?.cause?.code;
  if (code && TLS_CODES.has(code)) {
    return new FetchError(
      `TLS certificate rejected (${code}: ${e.cause?.message ?? ""}); verification stays on: if the certificate is ` +
        "genuine, add its issuing CA with NODE_EXTRA_CA_CERTS=/path/to/ca.pem (docs/reload.md)",
      false
    );
  }
  const cause = code ?? e?.cause?.message;
  return new FetchError(cause ? `${e.message ?? "network error"}: ${cause}` : String(e?.message ?? error), true);
}
