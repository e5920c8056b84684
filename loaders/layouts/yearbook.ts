import {LoadError} from "../LoadError.js";
import type {Collector, Indicator} from "../Collector.js";
import {cleanText} from "../statCell.js";
import {resolveRegion} from "../regions.js";
import type {CsvRecord} from "../records.js";
import {normalizeUnit, splitIndicator} from "../units.js";
import {FOOTER, checkNotShorter, checkNotWider, isBlank, trimTrailing, type LayoutOptions, type LayoutParser} from "./types.js";

const UNIT_ROW = /^单位[:：]\s*(.+)$/;
const YEAR_IN_TITLE = /((?:19|20)\d{2})\s*年?\s*[)）]?\s*$|[(（]\s*((?:19|20)\d{2})\s*年?\s*[)）]|((?:19|20)\d{2})年/;
const YEAR_HEADER = /^\s*(?:19|20)\d{2}\s*年?\s*$/;

/**
 * A table as printed in a statistical yearbook: a title row (`6-13 分地区城乡居民人均可支配收入（2019年）`), an optional
 * unit row (`单位：元`), one or two header rows (merged cells exported as blanks), one column per indicator (or per
 * year), region names padded with spaces (`北　　京`), a `全国` row and footnotes.
 * @example yearbook(collector, {year: 2019})
 */
export function yearbook(collector: Collector, options: LayoutOptions): LayoutParser {
  const file = collector.file;
  const head: CsvRecord[] = [];
  let columns: {indicator: Indicator | null; year: number; name: string}[] | null = null;
  let width = 0;
  let footer = false;
  let dataRows = 0;
  let lastLine = 0;

  function start(first: CsvRecord) {
    let title: {text: string; line: number} | null = null;
    let unit: string | null = null;
    const headers: CsvRecord[] = [];
    for (const record of head) {
      const cells = trimTrailing(record.cells).map(cleanText);
      const filled = cells.filter((c) => c !== "");
      const unitCell = filled.map((c) => UNIT_ROW.exec(c)).find(Boolean);
      if (unitCell) {
        unit = normalizeUnit(unitCell[1]);
        if (filled.length === 1) continue;
      }
      if (headers.length === 0 && filled.length === 1 && !unitCell) title ??= {text: filled[0], line: record.line};
      else if (!unitCell || filled.length > 1) headers.push(record);
    }
    if (headers.length === 0) throw new LoadError(file, first.line, 1, "no header row above the first region");
    if (headers.length > 2)
      collector.warn(`${file}:${headers[0].line}: ${headers.length} header rows; names joined from all of them`);
    width = Math.max(...headers.map((h) => trimTrailing(h.cells).length));
    const names = headerNames(headers, width);
    const titleYear = title ? yearOf(title.text) : undefined;
    const yearColumns = names.slice(1).every((n) => YEAR_HEADER.test(n));
    if (yearColumns) {
      if (!title)
        throw new LoadError(
          file,
          headers[0].line,
          2,
          "columns are years but there is no title row naming the indicator"
        );
      const label = splitIndicator(
        stripTitle(title.text)
          .replace(/[(（]\s*(?:19|20)\d{2}.*?[)）]\s*$/, "")
          .trim()
      );
      const indicator = collector.indicator(label.name, label.unit ?? unit ?? "", title.line, 1);
      if ((label.unit ?? unit) === null) collector.warn(`${file}:${title.line}: no unit for ${label.name}`);
      const last = headers[headers.length - 1];
      columns = names.map((n, i) =>
        i === 0 ? {indicator: null, year: 0, name: n} : {indicator, year: collector.year(n, last.line, i + 1), name: n}
      );
      for (let i = 2; i < columns.length; i++) {
        const step = Math.sign(columns[i].year - columns[i - 1].year);
        if (step === 0 || (i > 2 && step !== Math.sign(columns[2].year - columns[1].year))) {
          throw new LoadError(file, last.line, i + 1, `years out of order: ${names[i]} after ${names[i - 1]}`);
        }
      }
      return;
    }
    const year = titleYear ?? options.year;
    if (titleYear !== undefined && options.year !== undefined && options.year !== titleYear) {
      collector.warn(`${file}:${title!.line}: the title says ${titleYear}; --year ${options.year} ignored`);
    }
    if (year === undefined) {
      throw new LoadError(file, title?.line ?? headers[0].line, 1, "no year in the title; give one with --year");
    }
    const last = headers[headers.length - 1];
    columns = names.map((name, i) => {
      if (i === 0) return {indicator: null, year, name};
      if (name === "") throw new LoadError(file, last.line, i + 1, "column has no header");
      const label = splitIndicator(name);
      const u = label.unit ?? unit;
      if (u === null) collector.warn(`${file}:${last.line}:${i + 1}: no unit for ${label.name}`);
      return {indicator: collector.indicator(label.name, u ?? "", last.line, i + 1), year, name: label.name};
    });
  }

  function row(record: CsvRecord) {
    const {cells, line} = record;
    const first = cleanText(cells[0] ?? "");
    if (FOOTER.test(first)) {
      footer = true;
      if (/^注/.test(first)) collector.warn(`${file}:${line}: footnote ${first}`);
      return;
    }
    checkNotWider(cells, width, file, line);
    if (first === "") throw new LoadError(file, line, 1, "row has figures but no region name");
    if (collector.isAggregate(cells[0])) return collector.warn(`${file}:${line}: skipped the aggregate row ${first}`);
    checkNotShorter(cells, width, file, line);
    const region = collector.region(cells[0], line, 1);
    dataRows++;
    for (let i = 1; i < columns!.length; i++) {
      const c = columns![i];
      collector.value(c.indicator!, region, c.year, cells[i] ?? "", line, i + 1, c.name);
    }
  }

  return {
    push(record) {
      if (isBlank(record.cells)) return;
      lastLine = record.line;
      if (footer) {
        const note = cleanText(record.cells[0] ?? "");
        if (/^注|^\d[.、]/.test(note)) collector.warn(`${file}:${record.line}: footnote ${note}`);
        return;
      }
      if (columns) return row(record);
      if (record.cells[0] && resolveRegion(record.cells[0])) {
        start(record);
        return row(record);
      }
      if (head.length > 12)
        throw new LoadError(
          file,
          record.line,
          1,
          "no region row (全国, 北京, ...) in the first lines: not a yearbook table"
        );
      head.push(record);
    },
    end() {
      if (!columns)
        throw new LoadError(
          file,
          lastLine || undefined,
          undefined,
          head.length ? "no region rows (全国, 北京, ...): not a table layout this loader reads" : "empty file"
        );
      if (dataRows === 0) throw new LoadError(file, lastLine, undefined, "no data rows");
    }
  };
}

/** Joins one or two header rows; blanks in an upper row continue the merged cell to their left. */
function headerNames(headers: CsvRecord[], width: number): string[] {
  const rows = headers.map((h) =>
    Array.from({length: width}, (_, i) => cleanText(h.cells[i] ?? "").replace(/[\s\u3000]+/g, ""))
  );
  for (let r = 0; r < rows.length - 1; r++) {
    for (let i = 2; i < width; i++) if (rows[r][i] === "" && rows[r + 1][i] !== "") rows[r][i] = rows[r][i - 1];
  }
  return Array.from({length: width}, (_, i) => {
    const parts = rows.map((row) => row[i]).filter((p, k, all) => p !== "" && p !== all[k - 1]);
    // A unit may sit on any header row (`人均可支配收入(元)` over `城镇居民`): move it to the end of the joined name.
    const split = parts.map((p) => splitIndicator(p));
    const unit = split
      .map((p) => p.unit)
      .filter((u) => u !== null)
      .pop();
    const name = split.map((p) => p.name).join("");
    return unit ? `${name}(${unit})` : name;
  });
}

/** A table title without its number (`6-13`, `表2`), 分地区 and the bracketed year: the indicator name. */
function stripTitle(title: string): string {
  return title
    .trim()
    .replace(/^(?:表\s*)?[\dA-Za-z]+(?:[-－—.]\d+)?\s+|^表\s*[\dA-Za-z-]+\s*/, "")
    .replace(/^(?:分地区|各地区|分省|各省)/, "");
}

/** The year a title names (`…（2019年）`, `2019年…`). */
function yearOf(title: string): number | undefined {
  const m = YEAR_IN_TITLE.exec(title.normalize("NFKC"));
  const y = m && (m[1] ?? m[2] ?? m[3]);
  return y ? Number(y) : undefined;
}
