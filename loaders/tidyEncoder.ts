import {formatNumber} from "./tidy.js";

// The byte encoder of tidy CSV lines, shared by the in-thread writer (tidyWriter.ts) and the writer thread
// (tidyWriterWorker.ts). A line is `indicator front` + `region front` + `year,value\n`: the fronts are encoded once
// (by `tidy.ts`'s indicatorFront/regionFront, so quoting has one rule) and copied per line; year and value are ASCII,
// written as digits. Its output is byte for byte `formatTidyLine`'s (tested).

// Two digits at a time from a table: a division per pair instead of per digit.
const PAIRS = new Uint8Array(200);
for (let i = 0; i < 100; i++) {
  PAIRS[2 * i] = 48 + ((i / 10) | 0);
  PAIRS[2 * i + 1] = 48 + (i % 10);
}

/** UTF-8 bytes of a text (a front, the header). @example utf8("全国").length // 6 */
export function utf8(text: string): Uint8Array {
  const b = Buffer.from(text);
  return new Uint8Array(b.buffer, b.byteOffset, b.length);
}

/**
 * Writes a value's text at `o[at]`, the same text as `formatNumber`; returns the new end. Non-negative 31-bit
 * integers (most statistics) are written as digits, anything else through `formatNumber`.
 * @example writeNumber(bytes, 0, 73849) // 5
 */
export function writeNumber(o: Uint8Array, at: number, v: number): number {
  if (v >= 0 && v <= 0x7fffffff && (v | 0) === v) {
    let x = v | 0;
    const end =
      at +
      (x < 10 ? 1 : x < 100 ? 2 : x < 1000 ? 3 : x < 10000 ? 4 : x < 100000 ? 5 : x < 1000000 ? 6 : x < 10000000 ? 7 : x < 100000000 ? 8 : x < 1000000000 ? 9 : 10);
    let i = end;
    while (x >= 100) {
      const q = (x / 100) | 0;
      const r = (x - q * 100) << 1;
      o[--i] = PAIRS[r + 1];
      o[--i] = PAIRS[r];
      x = q;
    }
    if (x >= 10) {
      const r = x << 1;
      o[--i] = PAIRS[r + 1];
      o[--i] = PAIRS[r];
    } else o[--i] = 48 + x;
    return end;
  }
  const text = formatNumber(v);
  for (let k = 0; k < text.length; k++) o[at++] = text.charCodeAt(k);
  return at;
}

/** The longest `year,value\n` tail a line can have (a year and any number's text, with margin). */
const TAIL = 48;

/**
 * Fills a 1 MB buffer with tidy lines and hands it to `flush(bytes, n)` when full and at `end()`.
 * @example const e = new TidyLineEncoder((b, n) => writeSync(fd, b, 0, n)); e.lines(ind, reg, [2019], [1], 0, 1); e.end();
 */
export class TidyLineEncoder {
  private readonly out = new Uint8Array(1 << 20);
  private used = 0;
  private years: ArrayLike<number> | null = null;
  private yearTexts: Uint8Array[] = [];

  constructor(private readonly flushBytes: (bytes: Uint8Array, n: number) => void) {}

  /** Writes bytes as they are (the header; a line too long for the buffer). */
  raw(bytes: Uint8Array): void {
    if (this.used + bytes.length > this.out.length) this.flush();
    if (bytes.length > this.out.length) this.flushBytes(bytes, bytes.length);
    else {
      this.out.set(bytes, this.used);
      this.used += bytes.length;
    }
  }

  /**
   * One line per year of one region row: `values[offset + i]` for `years[i]`, i < count. The first line gets both
   * fronts; the others copy them from it (no allocation: each indicator-region pair is usually one row).
   */
  lines(
    indicator: Uint8Array,
    region: Uint8Array,
    years: ArrayLike<number>,
    values: ArrayLike<number>,
    offset: number,
    count: number
  ): void {
    const front = indicator.length + region.length;
    if (this.used + count * (front + TAIL) > this.out.length) {
      this.flush();
      if (count * (front + TAIL) > this.out.length) {
        for (let i = 0; i < count; i++) this.line(indicator, region, years[i], values[offset + i]);
        return;
      }
    }
    if (years !== this.years) this.yearsChanged(years);
    const texts = this.yearTexts;
    const o = this.out;
    let at = this.used;
    const first = at;
    for (let i = 0; i < count; i++) {
      if (i === 0) {
        o.set(indicator, at);
        o.set(region, at + indicator.length);
      } else o.copyWithin(at, first, first + front);
      at += front;
      const year = i < texts.length ? texts[i] : yearText(years[i]);
      if (year.length === 5) {
        // A four-digit year and its comma, the usual case, without a loop.
        o[at] = year[0];
        o[at + 1] = year[1];
        o[at + 2] = year[2];
        o[at + 3] = year[3];
        o[at + 4] = 44;
        at += 5;
      } else {
        o.set(year, at);
        at += year.length;
      }
      at = writeNumber(o, at, values[offset + i]);
      o[at++] = 10;
    }
    this.used = at;
  }

  /** One line; a null value is an empty field. */
  line(indicator: Uint8Array, region: Uint8Array, year: number, value: number | null): void {
    const front = indicator.length + region.length;
    if (this.used + front + TAIL > this.out.length) {
      this.flush();
      if (front + TAIL > this.out.length) {
        this.raw(indicator);
        this.raw(region);
        this.raw(utf8(`${year},${value === null ? "" : formatNumber(value)}\n`));
        return;
      }
    }
    const o = this.out;
    let at = this.used;
    o.set(indicator, at);
    at += indicator.length;
    o.set(region, at);
    at += region.length;
    at = writeNumber(o, at, year);
    o[at++] = 44;
    if (value !== null) at = writeNumber(o, at, value);
    o[at++] = 10;
    this.used = at;
  }

  /** Hands what the buffer holds to `flush`. */
  flush(): void {
    if (this.used) this.flushBytes(this.out, this.used);
    this.used = 0;
  }

  private yearsChanged(years: ArrayLike<number>): void {
    this.years = years;
    this.yearTexts = Array.from(years, yearText);
  }
}

/** A year's digits and its comma. */
function yearText(year: number): Uint8Array {
  const bytes = new Uint8Array(24);
  const end = writeNumber(bytes, 0, year);
  bytes[end] = 44;
  return bytes.slice(0, end + 1);
}
