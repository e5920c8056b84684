// The writer thread: reads the records the parsing thread appends to the shared segments (tidyWriterProtocol.ts),
// encodes the lines with the shared TidyLineEncoder, writes and fsyncs the file. Started by tidyWriterThread.ts.
import {closeSync, fdatasync, fsyncSync, openSync, writeSync} from "node:fs";
import {workerData} from "node:worker_threads";
import {TidyLineEncoder} from "./tidyEncoder.js";
import {
  ABORT,
  Op,
  SEGMENTS,
  SLOTS,
  slotsFor,
  STARTED,
  Status,
  STATUS,
  type WriterThreadData
} from "./tidyWriterProtocol.js";

const {path, control: controlBuffer, memory, errors} = workerData as WriterThreadData;
const control = new Int32Array(controlBuffer);
Atomics.store(control, STARTED, 1);
Atomics.notify(control, STATUS);

let fd = -1;
// Syncing as it goes leaves little for the final fsync the rename waits for. The syncs run on libuv's thread pool
// while this thread goes on encoding; an error there (the fd closed meanwhile) is harmless: the final fsyncSync is
// what makes the file durable.
let unsynced = 0;
const encoder = new TidyLineEncoder((bytes, n) => {
  writeSync(fd, bytes, 0, n);
  unsynced += n;
  if (unsynced >= 32 << 20) {
    fdatasync(fd, () => {});
    unsynced = 0;
  }
});

// What the records said so far: the indicator's and each region's front, the block's years.
let indicator = new Uint8Array(0);
const regions: Uint8Array[] = [];
let years: number[] = [];

/** Encodes one segment's records; returns true after the END record. */
function segment(f: Float64Array, u: Uint8Array, length: number): boolean {
  for (let p = 0; p < length; ) {
    const op = f[p];
    if (op === Op.ROW) {
      encoder.lines(indicator, regions[f[p + 1]], years, f, p + 2, years.length);
      p += 2 + years.length;
    } else if (op === Op.BYTES) {
      const n = f[p + 1];
      encoder.raw(u.subarray((p + 2) * 8, (p + 2) * 8 + n));
      p += 2 + slotsFor(n);
    } else if (op === Op.INDICATOR) {
      const n = f[p + 1];
      indicator = u.slice((p + 2) * 8, (p + 2) * 8 + n);
      p += 2 + slotsFor(n);
    } else if (op === Op.REGION) {
      const index = f[p + 1];
      const n = f[p + 2];
      regions[index] = u.slice((p + 3) * 8, (p + 3) * 8 + n);
      p += 3 + slotsFor(n);
    } else if (op === Op.YEARS) {
      const n = f[p + 1];
      years = Array.from(f.subarray(p + 2, p + 2 + n));
      p += 2 + n;
    } else if (op === Op.END) {
      return true;
    } else throw new Error(`tidy writer: bad record ${op}`);
  }
  return false;
}

try {
  fd = openSync(path, "r+");
  let done = false;
  for (let s = 0; !done; s = (s + 1) % SEGMENTS) {
    while (Atomics.load(control, s) !== 1) {
      if (Atomics.load(control, ABORT)) throw new Error("aborted");
      Atomics.wait(control, s, 0, 200);
    }
    const offset = s * SLOTS * 8;
    done = segment(
      new Float64Array(memory, offset, SLOTS),
      new Uint8Array(memory, offset, SLOTS * 8),
      control[SEGMENTS + s]
    );
    Atomics.store(control, s, 0);
    Atomics.notify(control, s);
  }
  encoder.flush();
  fsyncSync(fd);
  closeSync(fd);
  Atomics.store(control, STATUS, Status.DONE);
} catch (error) {
  if (fd >= 0)
    try {
      closeSync(fd);
    } catch {
      // closed already
    }
  errors.postMessage(String((error as Error)?.message ?? error));
  Atomics.store(control, STATUS, Status.FAILED);
}
Atomics.notify(control, STATUS);
