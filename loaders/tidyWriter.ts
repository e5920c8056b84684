import {writeSync} from "node:fs";
import type {PlainRowSink, RowSink} from "./Collector.js";
import type {Region} from "./regions.js";
import {formatTidyLine, indicatorFront, regionFront, type TidyRow} from "./tidy.js";
import {TidyLineEncoder, utf8} from "./tidyEncoder.js";

/**
 * What the read loop writes a tidy CSV through. `row` takes rows the general path made (the object may be reused
 * after the call); `plainRow` takes one region row of plain values from the byte path. `finish` makes the file
 * complete (the caller then syncs and renames it); `abort` gives up without finishing (the caller removes the file).
 */
export interface TidyWriter {
  /** Text as it is: the header. */
  write(text: string): void;
  row: RowSink;
  plainRow: PlainRowSink;
  finish(): void;
  abort(): void;
}

/**
 * The in-thread writer: lines encoded into a 1 MB buffer by the shared `TidyLineEncoder`, written to `fd`.
 * @example const w = bufferedWriter(fd); w.write(TIDY_HEADER); w.row(row); w.finish();
 */
export function bufferedWriter(fd: number): TidyWriter {
  const encoder = new TidyLineEncoder((bytes, n) => writeSync(fd, bytes, 0, n));
  const fronts = new Fronts();
  return {
    write: (text) => encoder.raw(utf8(text)),
    row: (r) => encoder.line(fronts.indicator(r.indicator, r.unit), fronts.region(r.region_code, r.region), r.year, r.value),
    plainRow: (indicator, unit, region, years, values, count) =>
      encoder.lines(fronts.indicator(indicator, unit), fronts.regionOf(region), years, values, 0, count),
    finish: () => encoder.flush(),
    abort() {}
  };
}

/**
 * The reference writer of the general path (`fastPath: false`): each row through `formatTidyLine`, the text
 * formatter `formatTidyCsv` uses, so a test can hold the byte encoder to it.
 * @example const w = lineWriter(fd); w.write(TIDY_HEADER); w.row(row); w.finish();
 */
export function lineWriter(fd: number): TidyWriter {
  let pending = "";
  const write = (text: string) => {
    pending += text;
    if (pending.length >= 1 << 18) {
      writeSync(fd, pending);
      pending = "";
    }
  };
  const row = (r: TidyRow) => write(formatTidyLine(r));
  return {
    write,
    row,
    plainRow(indicator: string, unit: string, region: Region, years: readonly number[], values: Float64Array, count: number) {
      for (let i = 0; i < count; i++)
        row({indicator, unit, region_code: region.code, region: region.zh, year: years[i], value: values[i]});
    },
    finish() {
      if (pending) writeSync(fd, pending);
      pending = "";
    },
    abort() {}
  };
}

/** The encoded fronts of the last indicator and of every region seen, so each is encoded once. */
class Fronts {
  private lastIndicator = "";
  private lastUnit = "";
  private indicatorBytes: Uint8Array = utf8(indicatorFront("", ""));
  private lastCode = "";
  private regionBytes: Uint8Array = utf8(regionFront("", ""));
  private readonly byIndex: Uint8Array[] = [];
  private readonly byCode = new Map<string, Uint8Array>();

  /** The front of an indicator and unit (encoded again only when they change). */
  indicator(name: string, unit: string): Uint8Array {
    if (name !== this.lastIndicator || unit !== this.lastUnit) {
      this.lastIndicator = name;
      this.lastUnit = unit;
      this.indicatorBytes = utf8(indicatorFront(name, unit));
    }
    return this.indicatorBytes;
  }

  /** The front of a region known by its table index. */
  regionOf(region: Region): Uint8Array {
    return (this.byIndex[region.index] ??= utf8(regionFront(region.code, region.zh)));
  }

  /** The front of a region by code and name (rows of the general path). */
  region(code: string, name: string): Uint8Array {
    if (code !== this.lastCode) {
      this.lastCode = code;
      let bytes = this.byCode.get(code);
      if (!bytes) this.byCode.set(code, (bytes = utf8(regionFront(code, name))));
      this.regionBytes = bytes;
    }
    return this.regionBytes;
  }
}
