import {LoadError} from "../LoadError.js";
import type {Collector, Indicator} from "../Collector.js";
import {cleanText} from "../statCell.js";
import {plainNumberAt} from "../plainNumber.js";
import {REGIONS, type Region} from "../regions.js";
import type {CsvRecord} from "../records.js";
import {convert, splitIndicator} from "../units.js";
import {FOOTER, checkNotShorter, checkNotWider, isBlank, trimTrailing, type LayoutParser} from "./types.js";

const PREAMBLE = /^(数据库|指标|时间|地区)[:：]/;

/**
 * The NBS data-portal export (国家数据): `数据库：分省年度数据`, `指标：城镇居民人均可支配收入(元)`, `时间：...`, then
 * `地区,2019年,...` with one row per region (province layout) or `指标,2024年,...` with one row per indicator
 * (national 年度数据 layout), then optional `注：` lines and `数据来源：国家统计局`. Several blocks may follow each other.
 * @example nbsPortal(collector, {}).push({cells: ["数据库：分省年度数据"], line: 1})
 */
export function nbsPortal(collector: Collector, kind: "province" | "national"): LayoutParser {
  const file = collector.file;
  let indicator: Indicator | null = null;
  let label: {name: string; unit: string | null; line: number} | null = null;
  let header: {years: number[]; names: string[]; line: number; width: number} | null = null;
  let dataRows = 0;
  let tables = 0;
  let state: "preamble" | "table" | "footer" = "preamble";

  function closeTable(line: number) {
    if (header && dataRows === 0) throw new LoadError(file, line, undefined, "table has a header but no data rows");
  }

  function values(ind: Indicator, region: Region, cells: string[], line: number) {
    const h = header!;
    dataRows++;
    for (let i = 0; i < h.years.length; i++)
      collector.value(ind, region, h.years[i], cells[i + 1], line, i + 2, h.names[i + 1]);
  }

  function readHeader(record: CsvRecord) {
    const cells = trimTrailing(record.cells);
    // Every block of an export repeats its header: the years and names of the last one are reused as they are.
    const same = lastHeader !== null && sameCells(lastHeader.cells, cells);
    const {years, names} = same ? lastHeader! : headerYears(cells, record.line);
    if (!same) lastHeader = {cells, years, names};
    header = {years, names, line: record.line, width: cells.length};
    dataRows = 0;
    tables++;
    state = "table";
    if (kind === "province") {
      if (!label) throw new LoadError(file, record.line, 1, "no 指标： line above the table names the indicator");
      indicator = collector.indicator(label.name, label.unit ?? "", label.line, 1);
      if (label.unit === null) collector.warn(`${file}:${label.line}: indicator ${label.name} has no unit in brackets`);
    }
  }

  let lastHeader: {cells: string[]; years: number[]; names: string[]} | null = null;

  /** The years of a header row (one direction, no repeats) and its cleaned names. */
  function headerYears(cells: string[], line: number): {years: number[]; names: string[]} {
    const years: number[] = [];
    for (let i = 1; i < cells.length; i++) {
      const year = collector.year(cells[i], line, i + 1);
      if (years.length > 0) {
        const previous = years[years.length - 1];
        const direction = years.length > 1 ? Math.sign(years[1] - years[0]) : Math.sign(year - previous);
        if (year === previous)
          throw new LoadError(file, line, i + 1, `year ${year} appears twice in the header`);
        if (Math.sign(year - previous) !== direction) {
          throw new LoadError(
            file,
            line,
            i + 1,
            `years out of order: ${cleanText(cells[i])} after ${cleanText(cells[i - 1])}`
          );
        }
      }
      years.push(year);
    }
    if (years.length === 0) throw new LoadError(file, line, 2, "header has no year columns");
    return {years, names: cells.map(cleanText)};
  }

  // The same few region names repeat on every row of a big export: resolve each spelling once.
  const known = new Map<string, Region>();

  // The same names as bytes, for the byte-level hot path; filled from `known` as rows come.
  const knownBytes: {bytes: Uint8Array; region: Region}[] = [];
  let guess = 0;
  const numbers = new Float64Array(64);

  function regionAt(bytes: Uint8Array, start: number, end: number): Region | null {
    const n = end - start;
    for (let k = 0; k < knownBytes.length; k++) {
      const entry = knownBytes[(guess + k) % knownBytes.length];
      const b = entry.bytes;
      if (b.length !== n) continue;
      let same = true;
      for (let i = 0; i < n; i++)
        if (b[i] !== bytes[start + i]) {
          same = false;
          break;
        }
      if (same) {
        guess = (guess + k + 1) % knownBytes.length;
        return entry.region;
      }
    }
    return null;
  }

  function learn(record: CsvRecord, region: Region) {
    const bytes = record.first;
    if (bytes && knownBytes.length < 256 && !regionAt(bytes, 0, bytes.length)) knownBytes.push({bytes, region});
  }

  return {
    fast(bytes, starts, ends, count, _line, plain) {
      if (state !== "table" || kind !== "province") return false;
      const h = header!;
      const years = h.years;
      if (count !== h.width || years.length > numbers.length) return false;
      const region = regionAt(bytes, starts[0], ends[0]);
      if (region === null) return false;
      const ind = indicator!;
      const factor = ind.unit.factor;
      for (let i = 0; i < years.length; i++) {
        let v = plain[i + 1];
        if (v !== v) {
          v = plainNumberAt(bytes, starts[i + 1], ends[i + 1]);
          if (v !== v) return false;
        }
        numbers[i] = factor !== 1 ? convert(v, factor) : v;
      }
      if (!collector.fitsRow(ind, region, years, numbers, years.length)) return false;
      dataRows++;
      collector.takeRow(ind, region, years, numbers, years.length);
      return true;
    },
    push(record) {
      const {cells, line} = record;
      if (state === "table" && kind === "province") {
        const region = known.get(cells[0]);
        if (region && cells.length === header!.width) {
          learn(record, region);
          return values(indicator!, region, cells, line);
        }
      }
      if (isBlank(cells)) return;
      const first = cleanText(cells[0]);
      if (labelled(first, "数据库")) {
        closeTable(line);
        state = "preamble";
        header = null;
        label = null;
        return;
      }
      if (state !== "table" && labelled(first, "指标")) {
        const {name, unit} = splitIndicator(first);
        label = {name, unit, line};
        return;
      }
      if (state === "preamble") {
        if (PREAMBLE.test(first)) return;
        const headerWord = kind === "province" ? "地区" : "指标";
        if (first.replace(/[\s\u3000]/g, "") === headerWord) return readHeader(record);
        throw new LoadError(file, line, 1, `expected the table header "${headerWord},2019年,...", found "${first}"`);
      }
      if (state === "footer" || FOOTER.test(first)) {
        state = "footer";
        // Footnotes qualify the figures (who counts as resident): keep them with the manifest.
        if (/^注/.test(first)) collector.warn(`${file}:${line}: footnote ${first}`);
        return;
      }
      const h = header!;
      checkNotWider(cells, h.width, file, line);
      checkNotShorter(cells, h.width, file, line);
      if (kind === "province") {
        if (collector.isAggregate(cells[0]))
          return collector.warn(`${file}:${line}: skipped the aggregate row ${first}`);
        const region = collector.region(cells[0], line, 1);
        known.set(cells[0], region);
        learn(record, region);
        return values(indicator!, region, cells, line);
      }
      const {name, unit} = splitIndicator(first);
      values(collector.indicator(name, unit ?? "", line, 1), REGIONS[0], cells, line);
    },
    end() {
      if (tables === 0)
        throw new LoadError(
          file,
          undefined,
          undefined,
          `no table found (expected a "${kind === "province" ? "地区" : "指标"},2019年,..." header)`
        );
      if (header && dataRows === 0)
        throw new LoadError(file, header.line + 1, undefined, "table has a header but no data rows");
    }
  };
}

function sameCells(a: string[], b: string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** True when `text` starts with `word` and a colon, half- or full-width (`数据库：`), without a regex per line. */
function labelled(text: string, word: string): boolean {
  const colon = text.charCodeAt(word.length);
  return (colon === 0x3a || colon === 0xff1a) && text.startsWith(word);
}
