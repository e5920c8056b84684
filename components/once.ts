/**
 * `compute`, run the first time its result is asked for and remembered after that. A notebook wraps in it what only
 * an off-screen chart uses (a Monte Carlo band, a sensitivity grid), so an edit computes it when chartSlot draws that
 * chart (in idle time, or when it is scrolled to), not in the frame that shows the edit.
 * @example const band = once(() => monteCarloBand(model, data, rows, options)); chartSlot((width) => bandChart({band: band()}, {width}))
 */
export function once<T>(compute: () => T): () => T {
  let done = false;
  let value: T;
  return () => {
    if (!done) {
      value = compute();
      done = true;
    }
    return value;
  };
}
