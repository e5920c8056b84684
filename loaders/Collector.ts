import {KeyMasks} from "./keyMasks.js";
import {plainNumber} from "./plainNumber.js";
import {LoadError} from "./LoadError.js";
import {cleanText, isFormulaText, parseStatCell} from "./statCell.js";
import {REGIONS, resolveRegion, suggestRegion, type Region} from "./regions.js";
import {firstIssue, tidyRowSchema, valueSchema, yearSchema} from "./schema.js";
import type {RowCounts} from "./manifest.js";
import type {TidyRow} from "./tidy.js";
import {convert, unitInfo, type UnitInfo} from "./units.js";
import type {z} from "zod";

/** Receives each tidy row; with `reuse` the same object is refilled for every row, so it must be consumed at once. */
export type RowSink = (row: TidyRow) => void;

/** Receives one region row of plain values: `values[i]` for `years[i]`, i < count (buffers are reused). */
export type PlainRowSink = (
  indicator: string,
  unit: string,
  region: Region,
  years: readonly number[],
  values: Float64Array,
  count: number
) => void;

/** An indicator as read from a file, with its unit mapped to the canonical one. */
export interface Indicator {
  id: number;
  name: string;
  unit: UnitInfo;
  schema: z.ZodType<number>;
  /** The schema's bounds: a value strictly inside them passes without calling zod (the hot path of big files). */
  lo: number;
  hi: number;
  /** The units as written, in order of first use (usually one: a Set per indicator was the bulk of the heap). */
  originals: string[];
}

// The duplicate check keeps one bit per region in a 32-bit word.
if (REGIONS.length > 32) throw new Error("Collector's region masks hold at most 32 regions");
const MAX_WARNINGS = 20;
// Aggregates some yearbook tables interleave with provinces; they are not regions of GB/T 2260.
const AGGREGATES = /^(东部|中部|西部|东北)(地区)?$|^(Eastern|Central|Western|Northeastern)( Region)?$/i;

/**
 * Turns located cells into validated tidy rows: resolves regions, parses numbers, converts units, checks ranges and
 * duplicate indicator-region-year keys, and hands each row to `onRow`. Every problem is a LoadError at the cell.
 * @example const c = new Collector("x.csv", (row) => rows.push(row));
 */
export class Collector {
  rows = 0;
  missing = 0;
  readonly warnings: string[] = [];
  private moreWarnings = 0;
  private readonly indicators = new Map<string, Indicator>();
  /** Each (indicator, region, year) gets one bit: a compact duplicate check that also holds for a million rows. */
  private readonly keys = new KeyMasks();
  private readonly regionCache = new Map<string, Region | null>();
  private readonly years = new Map<string, number>();
  private readonly order = new Map<number, {year: number; direction: number; line: number}>();

  /** A writer's bulk entry for `takeRow` (indicator, canonical unit, region, years, values, count), or null. */
  onPlainRow: PlainRowSink | null = null;

  private readonly scratch: TidyRow = {indicator: "", unit: "", region_code: "", region: "", year: 0, value: null};

  constructor(
    readonly file: string,
    private readonly onRow: RowSink,
    private readonly reuse = false
  ) {}

  /**
   * Registers an indicator (name without unit) and its unit as written; the same name must keep one canonical unit.
   * Both are text of the tidy CSV: formula text in either is refused (at `unitColumn` for the unit, when it has one).
   */
  indicator(name: string, unit: string, line: number, column?: number, unitColumn = column): Indicator {
    const clean = cleanText(name);
    const info = unitInfo(unit);
    let found = this.indicators.get(clean);
    if (!found && isFormulaText(clean))
      throw new LoadError(this.file, line, column, `"${clean}" looks like a spreadsheet formula`);
    if (!found || !found.originals.includes(info.original)) {
      const unitText = cleanText(unit);
      if (isFormulaText(unitText))
        throw new LoadError(this.file, line, unitColumn, `unit "${unitText}" looks like a spreadsheet formula`);
    }
    if (!found) {
      // The tidy row schema's own rule for the name decides when the name is empty (a name is all it checks).
      if (clean === "") {
        const check = tidyRowSchema.shape.indicator.safeParse(clean);
        if (!check.success) throw new LoadError(this.file, line, column, firstIssue(check));
      }
      const schema = valueSchema(clean, info) as z.ZodNumber;
      found = {
        id: this.indicators.size,
        name: clean,
        unit: info,
        schema,
        lo: schema.minValue ?? -Infinity,
        hi: schema.maxValue ?? Infinity,
        originals: []
      };
      this.indicators.set(clean, found);
    } else if (found.unit.canonical !== info.canonical) {
      throw new LoadError(
        this.file,
        line,
        column,
        `indicator ${clean} is in ${found.unit.canonical} elsewhere but in ${info.original || "no unit"} here`
      );
    }
    if (!found.originals.includes(info.original)) found.originals.push(info.original);
    // The indicator as written here: its unit may be another spelling of the canonical one (万元 for 元).
    return found.unit === info ? found : {...found, unit: info};
  }

  /** The region a cell names; an unknown name is an error that suggests the closest spelling. */
  region(raw: string, line: number, column: number): Region {
    let region = this.regionCache.get(raw);
    if (region === undefined) {
      region = resolveRegion(raw) ?? null;
      this.regionCache.set(raw, region);
    }
    if (region) return region;
    const name = cleanText(raw);
    if (isFormulaText(name))
      throw new LoadError(this.file, line, column, `"${name}" looks like a spreadsheet formula`);
    if (name === "") throw new LoadError(this.file, line, column, "region name is empty");
    const suggestion = suggestRegion(name);
    throw new LoadError(
      this.file,
      line,
      column,
      `unknown region "${name}"${suggestion ? ` (did you mean ${suggestion}?)` : ""}`
    );
  }

  /** True when a row label is a regional aggregate (东部地区) that tables add between provinces. */
  isAggregate(raw: string): boolean {
    return AGGREGATES.test(cleanText(raw).replace(/[\s\u3000]/g, ""));
  }

  /** A year from a header or cell (`2019年`, `２０１９`), validated; a LoadError at the cell otherwise. */
  year(raw: string, line: number, column: number): number {
    // Every block of a portal export repeats the same header years.
    const seen = this.years.get(raw);
    if (seen !== undefined) return seen;
    const year = this.parseYear(raw, line, column);
    if (this.years.size < 1024) this.years.set(raw, year);
    return year;
  }

  private parseYear(raw: string, line: number, column: number): number {
    const text = cleanText(raw).normalize("NFKC").replace(/年$/, "").trim();
    if (!/^-?\d+(\.\d+)?$/.test(text))
      throw new LoadError(this.file, line, column, `"${cleanText(raw)}" is not a year`);
    const result = yearSchema.safeParse(Number(text));
    if (!result.success) throw new LoadError(this.file, line, column, `${firstIssue(result)}: ${text}`);
    return result.data;
  }

  /** Parses, converts, validates and emits one observation. */
  value(
    indicator: Indicator,
    region: Region,
    year: number,
    raw: string,
    line: number,
    column: number,
    columnName: string
  ): void {
    let value: number | null = plainNumber(raw);
    if (value === null) {
      const cell = parseStatCell(raw);
      if (cell.kind === "error") {
        throw new LoadError(this.file, line, column, `"${cleanText(raw)}" ${cell.message} (column ${columnName})`);
      } else if (cell.kind === "number") {
        if (cell.percent && indicator.unit.canonical !== "%" && indicator.unit.canonical !== "") {
          throw new LoadError(
            this.file,
            line,
            column,
            `"${cleanText(raw)}" has a percent sign in a column in ${indicator.unit.original} (column ${columnName})`
          );
        }
        if (cell.note)
          this.warn(
            `${this.file}:${line}:${column}: note marker ${cell.note} after ${cleanText(raw).replace(cell.note, "")} (kept the number)`
          );
        value = cell.value;
      }
    }
    if (value !== null) {
      if (indicator.unit.factor !== 1) value = convert(value, indicator.unit.factor);
      const issue = valueIssue(indicator, value);
      if (issue !== null)
        throw new LoadError(this.file, line, column, `${issue}: ${cleanText(raw)} (${indicator.name}, ${region.zh} ${year})`);
    }
    const bit = 1 << region.index;
    if (this.keys.has(indicator.id, year, bit)) {
      throw new LoadError(
        this.file,
        line,
        column,
        `duplicate key: ${indicator.name}, ${region.zh}, ${year} appears twice`
      );
    }
    this.keys.add(indicator.id, year, bit);
    this.rows++;
    if (value === null) this.missing++;
    const row = this.reuse ? this.scratch : ({} as TidyRow);
    row.indicator = indicator.name;
    row.unit = indicator.unit.canonical;
    row.region_code = region.code;
    row.region = region.zh;
    row.year = year;
    row.value = value;
    this.onRow(row);
  }

  /**
   * Hot path of big files: true when every plain number of a region row (already converted to the canonical unit)
   * is valid and every key is new, so `takeRow` may emit them at once. False leaves the decision, and any error
   * message, to `value`.
   */
  fitsRow(indicator: Indicator, region: Region, years: readonly number[], values: Float64Array, count: number): boolean {
    // The same two rules as `value`: every value passes `valueIssue`, every key is new.
    for (let i = 0; i < count; i++) if (valueIssue(indicator, values[i]) !== null) return false;
    return this.keys.noneOf(indicator.id, years, count, 1 << region.index);
  }

  /**
   * Emits `count` values of one indicator and region that `fitsRow` accepted, one per year (the same rows and counts
   * as `value`): to `onPlainRow` in one call when a writer set it, else row by row to the sink.
   */
  takeRow(indicator: Indicator, region: Region, years: readonly number[], values: Float64Array, count: number): void {
    const bit = 1 << region.index;
    this.keys.addAll(indicator.id, years, count, bit);
    this.rows += count;
    if (this.onPlainRow !== null)
      return this.onPlainRow(indicator.name, indicator.unit.canonical, region, years, values, count);
    for (let i = 0; i < count; i++) {
      const row = this.reuse ? this.scratch : ({} as TidyRow);
      row.indicator = indicator.name;
      row.unit = indicator.unit.canonical;
      row.region_code = region.code;
      row.region = region.zh;
      row.year = years[i];
      row.value = values[i];
      this.onRow(row);
    }
  }

  /** Long tables list a series row by row: its years must keep one direction (all rising or all falling). */
  checkOrder(indicator: Indicator, region: Region, year: number, line: number, column: number): void {
    const key = indicator.id * REGIONS.length + region.index;
    const last = this.order.get(key);
    if (!last) {
      this.order.set(key, {year, direction: 0, line});
      return;
    }
    const direction = Math.sign(year - last.year);
    if (direction !== 0 && last.direction !== 0 && direction !== last.direction) {
      throw new LoadError(
        this.file,
        line,
        column,
        `years out of order: ${year} after ${last.year} (line ${last.line}) for ${indicator.name}, ${region.zh}`
      );
    }
    this.order.set(key, {year, direction: direction || last.direction, line});
  }

  /** Adds a warning for the manifest; after MAX_WARNINGS they are only counted. */
  warn(message: string): void {
    if (this.warnings.length < MAX_WARNINGS) this.warnings.push(message);
    else this.moreWarnings++;
  }

  /** Warnings, with a count of those left out. */
  allWarnings(): string[] {
    return this.moreWarnings ? [...this.warnings, `… and ${this.moreWarnings} more warnings`] : [...this.warnings];
  }

  /** Original and canonical unit per indicator, for the manifest. */
  units(): Record<string, {canonical: string; original: string[]}> {
    const units: Record<string, {canonical: string; original: string[]}> = {};
    for (const ind of this.indicators.values())
      units[ind.name] = {canonical: ind.unit.canonical, original: ind.originals.slice()};
    return units;
  }

  /** Rows, missing values, units and warnings, for the manifest. */
  counts(): RowCounts {
    return {rows: this.rows, missing: this.missing, units: this.units(), warnings: this.allWarnings()};
  }

  /** How many indicators were registered. */
  get indicatorCount(): number {
    return this.indicators.size;
  }
}

/**
 * The one value rule of both paths: null when a number (in the canonical unit) is valid for the indicator, else zod's
 * first issue. Values strictly inside the schema's own bounds skip the zod call (the same result, a shorter hot path).
 */
function valueIssue(indicator: Indicator, value: number): string | null {
  if (value > indicator.lo && value < indicator.hi) return null;
  const check = indicator.schema.safeParse(value);
  return check.success ? null : firstIssue(check);
}
