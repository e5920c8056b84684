// Percentiles of many samples without sorting them: the Monte Carlo band needs three percentiles of 1000 runs for
// each year on every edit, and a selection finds the few order statistics they read in a fraction of a sort's time.

/**
 * The `ps` quantiles of `values` (0 ≤ p ≤ 1), each interpolated between the two order statistics around
 * (n − 1) × p, exactly as reading a sorted copy would give them. Reorders `values`; NaN values sort last, as
 * Float64Array's sort puts them.
 * @example quantilesInPlace(Float64Array.of(5, 1, 4, 2, 3), [0.1, 0.5, 0.9]) // [1.4, 3, 4.6]
 */
export function quantilesInPlace(values: Float64Array, ps: readonly number[]): number[] {
  const n = values.length;
  if (n === 0) return ps.map(() => NaN);
  if (values.some(Number.isNaN)) values.sort(); // rare: comparisons with NaN would mislead the selection
  else {
    const ranks = new Set<number>();
    for (const p of ps) {
      const i = Math.floor((n - 1) * p);
      ranks.add(i);
      if (i + 1 < n) ranks.add(i + 1);
    }
    selectRanks(values, [...ranks].sort((a, b) => a - b), 0, n - 1);
  }
  return ps.map((p) => {
    const h = (n - 1) * p;
    const i = Math.floor(h);
    return i + 1 < n ? values[i] + (values[i + 1] - values[i]) * (h - i) : values[i];
  });
}

// Puts the element of each rank (ascending, within lo..hi) where a sort would put it: the middle rank first, then
// the ranks on each side within their own part.
function selectRanks(a: Float64Array, ranks: readonly number[], lo: number, hi: number): void {
  if (ranks.length === 0 || lo >= hi) return;
  const m = ranks.length >> 1;
  const k = ranks[m];
  select(a, k, lo, hi);
  selectRanks(a, ranks.slice(0, m), lo, k - 1);
  selectRanks(a, ranks.slice(m + 1), k + 1, hi);
}

// Hoare's selection: afterwards a[k] is the k-th smallest of a[lo..hi], smaller-or-equal values before it and
// greater-or-equal after it.
function select(a: Float64Array, k: number, lo: number, hi: number): void {
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    // Median of three as the pivot: sorted or constant runs stay linear.
    if (a[mid] < a[lo]) swap(a, mid, lo);
    if (a[hi] < a[lo]) swap(a, hi, lo);
    if (a[hi] < a[mid]) swap(a, hi, mid);
    const pivot = a[mid];
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (a[i] < pivot) i++;
      while (a[j] > pivot) j--;
      if (i <= j) swap(a, i++, j--);
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return; // a[j + 1..i − 1] all equal the pivot
  }
}

function swap(a: Float64Array, i: number, j: number): void {
  const x = a[i];
  a[i] = a[j];
  a[j] = x;
}
