import {existsSync} from "node:fs";
import {fileURLToPath} from "node:url";
import {MessageChannel, receiveMessageOnPort, Worker} from "node:worker_threads";
import type {Region} from "./regions.js";
import {formatTidyLine, indicatorFront, regionFront, type TidyRow} from "./tidy.js";
import {utf8} from "./tidyEncoder.js";
import type {TidyWriter} from "./tidyWriter.js";
import {
  ABORT,
  CONTROL_WORDS,
  Op,
  SEGMENTS,
  SLOTS,
  slotsFor,
  STARTED,
  Status,
  STATUS,
  type WriterThreadData
} from "./tidyWriterProtocol.js";

// The tidy writer on a second thread: this side appends compact records (an indicator's encoded front, a region's,
// a block's years, then one record per region row with its values) to the shared segments; the thread
// (tidyWriterWorker.ts) encodes the lines, writes and fsyncs the file. Encoding and I/O were about 40% of an ingest.

/**
 * How to start the thread: a compiled `tidyWriterWorker.mjs` or `.js` beside this module (a bundle or a build) when there is
 * one, else the TypeScript source through tsx (`tidyWriterBoot.mjs`).
 */
function defaultEntry(): {url: URL; entry?: string} {
  for (const name of ["./tidyWriterWorker.mjs", "./tidyWriterWorker.js"]) {
    const compiled = new URL(name, import.meta.url);
    if (existsSync(fileURLToPath(compiled))) return {url: compiled};
  }
  return {url: new URL("./tidyWriterBoot.mjs", import.meta.url), entry: new URL("./tidyWriterWorker.ts", import.meta.url).href};
}

/**
 * A tidy CSV writer whose encoding, writes and fsync run on a worker thread; `path` must exist (the caller created
 * it). `finish()` waits until the file is written and synced and throws what the thread failed with; `abort()` stops
 * the thread (the caller removes the file). `worker` replaces the thread's module (tests).
 * @example const w = threadWriter(".out.tmp"); w.write(TIDY_HEADER); ...; w.finish();
 */
export function threadWriter(
  path: string,
  {worker: workerUrl, startTimeoutMs = 10_000}: {worker?: URL; startTimeoutMs?: number} = {}
): TidyWriter {
  const controlBuffer = new SharedArrayBuffer(4 * CONTROL_WORDS);
  const memory = new SharedArrayBuffer(SEGMENTS * SLOTS * 8);
  const control = new Int32Array(controlBuffer);
  // The thread's error message comes on this port, read synchronously once the status says it failed.
  const {port1, port2} = new MessageChannel();
  const created = performance.now();
  const start = workerUrl ? {url: workerUrl} : defaultEntry();
  const data: WriterThreadData & {entry?: string} = {path, control: controlBuffer, memory, errors: port2, entry: start.entry};
  const worker = new Worker(start.url, {workerData: data, transferList: [port2]});
  // The caller learns of a failure from the status word or the start deadline (it is blocked, so events come
  // too late); without a listener a thread that fails to start would also crash the process afterwards.
  worker.on("error", () => {});
  worker.unref();
  port1.unref();
  const failure = () => new Error(`tidy writer thread: ${receiveMessageOnPort(port1)?.message ?? "failed"}`);
  /**
   * Waits while control[index] is `busy`; throws what the thread failed with, or when it never started (a thread
   * that cannot start says nothing to a thread that is blocked waiting: without the deadline this would hang).
   */
  const waitWhile = (index: number, busy: number) => {
    while (Atomics.load(control, index) === busy) {
      if (Atomics.load(control, STATUS) === Status.FAILED) throw failure();
      if (Atomics.load(control, STARTED) === 0 && performance.now() - created > startTimeoutMs)
        throw new Error(`tidy writer thread: did not start within ${startTimeoutMs / 1000} s`);
      Atomics.wait(control, index, busy, 200);
    }
  };
  let segment = 0;
  let f = new Float64Array(memory, 0, SLOTS);
  let u = new Uint8Array(memory, 0, SLOTS * 8);
  let p = 0;
  const publish = () => {
    control[SEGMENTS + segment] = p;
    Atomics.store(control, segment, 1);
    Atomics.notify(control, segment);
    segment = (segment + 1) % SEGMENTS;
    waitWhile(segment, 1);
    f = new Float64Array(memory, segment * SLOTS * 8, SLOTS);
    u = new Uint8Array(memory, segment * SLOTS * 8, SLOTS * 8);
    p = 0;
  };
  const room = (slots: number) => {
    if (p + slots > SLOTS) publish();
  };
  const piece = (SLOTS - 4) * 8;
  const putBytes = (op: number, head: number[], bytes: Uint8Array) => {
    // A text longer than a segment goes in pieces (only raw bytes can be that long).
    if (op === Op.BYTES && bytes.length > piece) {
      for (let at = 0; at < bytes.length; at += piece)
        putBytes(Op.BYTES, [], bytes.subarray(at, Math.min(bytes.length, at + piece)));
      return;
    }
    room(2 + head.length + slotsFor(bytes.length));
    f[p++] = op;
    for (const h of head) f[p++] = h;
    f[p++] = bytes.length;
    u.set(bytes, p * 8);
    p += slotsFor(bytes.length);
  };
  let lastIndicator = "";
  let lastUnit = "";
  let lastYears: readonly number[] | null = null;
  const sentRegions: boolean[] = [];
  const write = (text: string) => putBytes(Op.BYTES, [], utf8(text));
  return {
    write,
    row(r: TidyRow) {
      write(formatTidyLine(r));
    },
    plainRow(indicator: string, unit: string, region: Region, years: readonly number[], values: Float64Array, count: number) {
      if (indicator !== lastIndicator || unit !== lastUnit) {
        lastIndicator = indicator;
        lastUnit = unit;
        putBytes(Op.INDICATOR, [], utf8(indicatorFront(indicator, unit)));
      }
      if (!sentRegions[region.index]) {
        sentRegions[region.index] = true;
        putBytes(Op.REGION, [region.index], utf8(regionFront(region.code, region.zh)));
      }
      if (years !== lastYears || count !== years.length) {
        lastYears = count === years.length ? years : null;
        room(2 + count);
        f[p++] = Op.YEARS;
        f[p++] = count;
        for (let i = 0; i < count; i++) f[p++] = years[i];
      }
      room(2 + count);
      f[p] = Op.ROW;
      f[p + 1] = region.index;
      for (let i = 0; i < count; i++) f[p + 2 + i] = values[i];
      p += 2 + count;
    },
    finish() {
      room(1);
      f[p++] = Op.END;
      publish();
      waitWhile(STATUS, Status.RUNNING);
      if (Atomics.load(control, STATUS) === Status.FAILED) throw failure();
    },
    abort() {
      Atomics.store(control, ABORT, 1);
      for (let s = 0; s < SEGMENTS; s++) Atomics.notify(control, s);
      void worker.terminate();
    }
  };
}
