import type {MessagePort} from "node:worker_threads";

// What the parsing thread and the writer thread share: the layout of the shared memory and the record codes.
// The parsing thread appends records to SEGMENTS shared segments of SLOTS float64 slots each, in turn; a record is an
// op code, its numbers, and for text ops its UTF-8 bytes packed into the following slots.

export const SEGMENTS = 8;
/** float64 slots per segment (256 KB). */
export const SLOTS = 1 << 15;

/** Record codes. */
export const Op = {
  /** `BYTES n bytes…`: text as it is (the header). */
  BYTES: 1,
  /** `INDICATOR n bytes…`: the indicator-and-unit front of the lines that follow. */
  INDICATOR: 2,
  /** `REGION index n bytes…`: the front of region `index`. */
  REGION: 3,
  /** `YEARS n year…`: the years of the region rows that follow. */
  YEARS: 4,
  /** `ROW index value…`: one region row, one value per year. */
  ROW: 5,
  /** `END`: the file is complete. */
  END: 6
} as const;

/** Slots the packed bytes of a text of `n` bytes take. */
export const slotsFor = (n: number) => Math.ceil(n / 8);

// control: [state of each segment (0 empty, 1 full)..., length of each segment..., status, abort, started]
export const STATUS = 2 * SEGMENTS;
export const ABORT = STATUS + 1;
export const STARTED = ABORT + 1;
export const CONTROL_WORDS = STARTED + 1;

/** Values of control[STATUS]. */
export const Status = {RUNNING: 0, DONE: 1, FAILED: 2} as const;

/** What the writer thread is started with. */
export interface WriterThreadData {
  path: string;
  control: SharedArrayBuffer;
  memory: SharedArrayBuffer;
  /** Where the thread posts its error message before it sets Status.FAILED. */
  errors: MessagePort;
}
