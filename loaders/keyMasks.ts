const FIRST_YEAR = 1949;
const LAST_YEAR = 2100;
// Years added on each side when a series' range grows: a seven-year header needs one allocation, not seven.
const MARGIN = 7;

/**
 * The duplicate-key check of a Collector: one 32-bit mask of regions per (indicator, year), every indicator's years
 * in one growable pool. A portal export of 31,250 seven-year blocks keeps 1.9 MB and no object per indicator
 * (a typed array each was most of the garbage collector's work).
 * @example const keys = new KeyMasks(); keys.add(0, 2019, 1 << 3); keys.has(0, 2019, 1 << 3) // true
 */
export class KeyMasks {
  private pool = new Uint32Array(1 << 12);
  private used = 0;
  /** Per indicator id: where its years start in the pool, its first year and how many years it holds. */
  private readonly at: number[] = [];
  private readonly from: number[] = [];
  private readonly span: number[] = [];

  /** True when the region `bit` is set for `id` in `year`. */
  has(id: number, year: number, bit: number): boolean {
    return (this.pool[this.slot(id, year)] & bit) !== 0;
  }

  /** Sets the region `bit` for `id` in `year`. */
  add(id: number, year: number, bit: number): void {
    const slot = this.slot(id, year);
    this.pool[slot] |= bit;
  }

  /** True when no year of `years[0..count)` has the region `bit` set for `id` (the hot path of big files). */
  noneOf(id: number, years: readonly number[], count: number, bit: number): boolean {
    const pool = this.pool;
    const from = this.from[id];
    const span = this.span[id];
    const at = this.at[id] - from;
    for (let i = 0; i < count; i++) {
      const year = years[i];
      // A year outside the range so far is a new key; the range grows when the row is added.
      if (year - from >= 0 && year - from < span && pool[at + year] & bit) return false;
    }
    return true;
  }

  /** Sets the region `bit` for `id` in every year of `years[0..count)`. */
  addAll(id: number, years: readonly number[], count: number, bit: number): void {
    const at = this.rowAt(id, years, count);
    const pool = this.pool;
    for (let i = 0; i < count; i++) pool[at + years[i]] |= bit;
  }

  /** Where year 0 of `id` would sit in the pool, once its range holds every year of `years[0..count)`. */
  private rowAt(id: number, years: readonly number[], count: number): number {
    const from = this.from[id];
    const span = this.span[id];
    for (let i = 0; i < count; i++) {
      const k = years[i] - from;
      if (!(k >= 0 && k < span)) {
        for (let j = i; j < count; j++) this.slot(id, years[j]);
        break;
      }
    }
    return this.at[id] - this.from[id];
  }

  /** The pool index of (id, year), growing the indicator's range (within 1949-2100) to hold the year. */
  private slot(id: number, year: number): number {
    const start = this.at[id];
    if (start !== undefined) {
      const k = year - this.from[id];
      if (k >= 0 && k < this.span[id]) return start + k;
    }
    return this.grow(id, year);
  }

  private grow(id: number, year: number): number {
    if (year < FIRST_YEAR || year > LAST_YEAR) throw new RangeError(`KeyMasks: year ${year} outside ${FIRST_YEAR}-${LAST_YEAR}`);
    const old = this.at[id];
    const oldFrom = old === undefined ? year : this.from[id];
    const oldTo = old === undefined ? year : oldFrom + this.span[id] - 1;
    const from = Math.max(FIRST_YEAR, Math.min(year - MARGIN, oldFrom));
    const to = Math.min(LAST_YEAR, Math.max(year + MARGIN, oldTo));
    const span = to - from + 1;
    if (this.used + span > this.pool.length) {
      const bigger = new Uint32Array(Math.max(this.pool.length * 2, this.used + span));
      bigger.set(this.pool.subarray(0, this.used));
      this.pool = bigger;
    }
    // A grown range moves to the end of the pool; the few words it leaves behind stay unused.
    if (old !== undefined) this.pool.copyWithin(this.used + (oldFrom - from), old, old + this.span[id]);
    this.at[id] = this.used;
    this.from[id] = from;
    this.span[id] = span;
    this.used += span;
    return this.used - span + (year - from);
  }
}
