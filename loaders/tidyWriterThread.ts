import {MessageChannel, receiveMessageOnPort, Worker} from "node:worker_threads";
import type {Region} from "./regions.js";
import {csvField, formatTidyLine, type TidyRow} from "./tidy.js";

// The tidy writer on a second thread: the parsing thread appends compact records (an indicator's encoded front, a
// region's, a block's years, then one record per region row with its values) to 8 shared 256 KB segments; the writer
// thread formats the CSV lines, writes and fsyncs the file. Formatting and I/O were about 40% of an ingest.

const SEGMENTS = 8;
const SLOTS = 1 << 15; // float64 slots per segment (256 KB)
const BYTES = 1;
const INDICATOR = 2;
const REGION = 3;
const YEARS = 4;
const ROW = 5;
const END = 6;
// control: [state of each segment (0 empty, 1 full)..., length of each segment..., status, abort, started]
const STATUS = 2 * SEGMENTS;
const ABORT = STATUS + 1;
const STARTED = ABORT + 1;

// Plain JavaScript (an eval worker needs no loader, bundler or TypeScript support): formats what the records say.
const WORKER = `
const {workerData} = require("node:worker_threads");
const {openSync, writeSync, fsyncSync, fdatasync, closeSync} = require("node:fs");
const {path, control: controlBuffer, memory, errors, SEGMENTS, SLOTS} = workerData;
const control = new Int32Array(controlBuffer);
const STATUS = 2 * SEGMENTS, ABORT = STATUS + 1, STARTED = ABORT + 1;
Atomics.store(control, STARTED, 1);
Atomics.notify(control, STATUS);
let fd = -1;
const out = new Uint8Array(1 << 20);
// Syncing as it goes leaves little for the final fsync the rename waits for. The syncs run on libuv's thread pool
// while this thread goes on formatting; their callbacks only run once the work is done, and an error (the fd
// closed meanwhile) is harmless: the final fsyncSync is what makes the file durable.
let unsynced = 0;
/** Writes out[0..n). */
function flush(n) {
  if (n) writeSync(fd, out, 0, n);
  unsynced += n;
  if (unsynced >= 32 << 20) { fdatasync(fd, () => {}); unsynced = 0; }
}
// What the records said so far: the indicator's and each region's encoded front, the block's years as text.
let indicator = new Uint8Array(0);
const regions = [];
let years = [];
let yearTexts = [];
// Two digits at a time from a table: a division per pair instead of per digit.
const PAIRS = new Uint8Array(200);
for (let i = 0; i < 100; i++) { PAIRS[2 * i] = 48 + ((i / 10) | 0); PAIRS[2 * i + 1] = 48 + (i % 10); }
/** Writes a value's text (as formatNumber) at o[at]; returns the new end. */
function number(o, at, v) {
  if (v >= 0 && v <= 0x7fffffff && (v | 0) === v) {
    let x = v | 0;
    const end = at + (x < 10 ? 1 : x < 100 ? 2 : x < 1000 ? 3 : x < 10000 ? 4 : x < 100000 ? 5 : x < 1000000 ? 6 :
      x < 10000000 ? 7 : x < 100000000 ? 8 : x < 1000000000 ? 9 : 10);
    let i = end;
    while (x >= 100) { const q = (x / 100) | 0; const r = (x - q * 100) << 1; o[--i] = PAIRS[r + 1]; o[--i] = PAIRS[r]; x = q; }
    if (x >= 10) { const r = x << 1; o[--i] = PAIRS[r + 1]; o[--i] = PAIRS[r]; } else o[--i] = 48 + x;
    return end;
  }
  const text = Number.isInteger(v) ? String(v) : String(Number(v.toPrecision(15)));
  for (let k = 0; k < text.length; k++) o[at++] = text.charCodeAt(k);
  return at;
}
/**
 * Formats one segment's records into out from out[used] on; returns the new fill, or -1 - fill after the end
 * record. A function of its own (not top-level code) so that its hot variables are registers.
 */
function segment(f, u, length, used) {
  const o = out;
  let at = used;
  for (let p = 0; p < length; ) {
    const op = f[p];
    if (op === 5) {
      // The first line gets the indicator and region fronts; the others copy them from it (no allocation: each
      // indicator-region pair is usually one row).
      const region = regions[f[p + 1]];
      const front = indicator.length + region.length;
      const n = years.length;
      if (at + n * (front + 40) > o.length) { flush(at); at = 0; }
      const first = at;
      for (let i = 0; i < n; i++) {
        if (i === 0) {
          o.set(indicator, at);
          o.set(region, at + indicator.length);
        } else o.copyWithin(at, first, first + front);
        at += front;
        const year = yearTexts[i];
        if (year.length === 5) {
          // A four-digit year and its comma, the usual case, without a loop.
          o[at] = year[0]; o[at + 1] = year[1]; o[at + 2] = year[2]; o[at + 3] = year[3]; o[at + 4] = 44;
          at += 5;
        } else {
          for (let k = 0; k < year.length; k++) o[at + k] = year[k];
          at += year.length;
        }
        at = number(o, at, f[p + 2 + i]);
        o[at++] = 10;
      }
      p += 2 + n;
    } else if (op === 1) {
      const n = f[p + 1];
      if (at + n > o.length) { flush(at); at = 0; }
      const from = (p + 2) * 8;
      if (n > o.length) writeSync(fd, u, from, n);
      else { o.set(u.subarray(from, from + n), at); at += n; }
      p += 2 + Math.ceil(n / 8);
    } else if (op === 2) {
      const n = f[p + 1];
      indicator = u.slice((p + 2) * 8, (p + 2) * 8 + n);
      p += 2 + Math.ceil(n / 8);
    } else if (op === 3) {
      const index = f[p + 1], n = f[p + 2];
      regions[index] = u.slice((p + 3) * 8, (p + 3) * 8 + n);
      p += 3 + Math.ceil(n / 8);
    } else if (op === 4) {
      const n = f[p + 1];
      years = Array.from(f.subarray(p + 2, p + 2 + n));
      yearTexts = years.map((y) => Uint8Array.from(y + ",", (c) => c.charCodeAt(0)));
      p += 2 + n;
    } else if (op === 6) {
      return -1 - at;
    } else throw new Error("tidy writer: bad record " + op);
  }
  return at;
}
try {
  fd = openSync(path, "r+");
  let used = 0;
  for (let s = 0; used >= 0; s = (s + 1) % SEGMENTS) {
    while (Atomics.load(control, s) !== 1) {
      if (Atomics.load(control, ABORT)) throw new Error("aborted");
      Atomics.wait(control, s, 0, 200);
    }
    used = segment(new Float64Array(memory, s * SLOTS * 8, SLOTS), new Uint8Array(memory, s * SLOTS * 8, SLOTS * 8),
      control[SEGMENTS + s], used);
    Atomics.store(control, s, 0);
    Atomics.notify(control, s);
  }
  flush(-1 - used);
  fsyncSync(fd);
  closeSync(fd);
  Atomics.store(control, STATUS, 1);
} catch (error) {
  if (fd >= 0) try { closeSync(fd); } catch {}
  errors.postMessage(String((error && error.message) || error));
  Atomics.store(control, STATUS, 2);
}
Atomics.notify(control, STATUS);
`;

/**
 * A tidy CSV writer whose formatting, writes and fsync run on a worker thread; `path` must exist (the caller created
 * it). The same methods as the in-thread writer, plus `finish()` (waits until the file is written and synced) and
 * `abort()` (stops the thread; the caller removes the file).
 * @example const w = threadWriter(".out.tmp"); w.write(TIDY_HEADER); ...; w.finish();
 */
export function threadWriter(path: string, {workerSource = WORKER, startTimeoutMs = 10_000} = {}) {
  const controlBuffer = new SharedArrayBuffer(4 * (STARTED + 1));
  const memory = new SharedArrayBuffer(SEGMENTS * SLOTS * 8);
  const control = new Int32Array(controlBuffer);
  // The thread's error message comes on this port, read synchronously once the status says it failed.
  const {port1, port2} = new MessageChannel();
  const created = performance.now();
  const worker = new Worker(workerSource, {
    eval: true,
    workerData: {path, control: controlBuffer, memory, errors: port2, SEGMENTS, SLOTS},
    transferList: [port2]
  });
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
      if (Atomics.load(control, STATUS) === 2) throw failure();
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
  const putBytes = (op: number, head: number[], bytes: Uint8Array) => {
    // A text longer than a segment goes in pieces (only raw bytes can be that long).
    if (op === BYTES && bytes.length > (SLOTS - 4) * 8) {
      for (let at = 0; at < bytes.length; at += (SLOTS - 4) * 8)
        putBytes(BYTES, [], bytes.subarray(at, Math.min(bytes.length, at + (SLOTS - 4) * 8)));
      return;
    }
    room(2 + head.length + Math.ceil(bytes.length / 8));
    f[p++] = op;
    for (const h of head) f[p++] = h;
    f[p++] = bytes.length;
    u.set(bytes, p * 8);
    p += Math.ceil(bytes.length / 8);
  };
  let lastIndicator = "";
  let lastUnit = "";
  let lastYears: readonly number[] | null = null;
  const sentRegions: boolean[] = [];
  const write = (text: string) => putBytes(BYTES, [], Buffer.from(text));
  return {
    write,
    flush() {},
    row(r: TidyRow) {
      write(formatTidyLine(r));
    },
    plainRow(
      indicator: string,
      unit: string,
      region: Region,
      years: readonly number[],
      values: Float64Array,
      count: number
    ) {
      if (indicator !== lastIndicator || unit !== lastUnit) {
        lastIndicator = indicator;
        lastUnit = unit;
        putBytes(INDICATOR, [], Buffer.from(`${csvField(indicator)},${csvField(unit)},`));
      }
      if (!sentRegions[region.index]) {
        sentRegions[region.index] = true;
        putBytes(REGION, [region.index], Buffer.from(`${region.code},${csvField(region.zh)},`));
      }
      if (years !== lastYears || count !== years.length) {
        lastYears = count === years.length ? years : null;
        room(2 + count);
        f[p++] = YEARS;
        f[p++] = count;
        for (let i = 0; i < count; i++) f[p++] = years[i];
      }
      room(2 + count);
      f[p] = ROW;
      f[p + 1] = region.index;
      for (let i = 0; i < count; i++) f[p + 2 + i] = values[i];
      p += 2 + count;
    },
    /** Sends the end, waits until the thread wrote and synced the file; throws what the thread failed with. */
    finish() {
      room(1);
      f[p++] = END;
      publish();
      waitWhile(STATUS, 0);
      if (Atomics.load(control, STATUS) === 2) throw failure();
    },
    /** Stops the thread without finishing the file. */
    abort() {
      Atomics.store(control, ABORT, 1);
      for (let s = 0; s < SEGMENTS; s++) Atomics.notify(control, s);
      void worker.terminate();
    }
  };
}
