// The one reader of plain numbers, for the text path (strings) and the byte path (bytes of the same cell).
// A plain number is 1-15 characters: an optional minus, ASCII digits, optionally a point and at least one digit.
// Anything else (separators, spaces, notes, markers) is left to parseStatCell.

/**
 * A plain ASCII decimal (`73849`, `-3.5`) without building a parse result, else null (the general parser decides).
 * @example plainNumber("-3.5") // -3.5
 */
export function plainNumber(raw: string): number | null {
  const n = raw.length;
  if (n === 0 || n > 15) return null;
  const negative = raw.charCodeAt(0) === 45;
  let i = negative ? 1 : 0;
  if (i === n) return null;
  let whole = 0;
  for (; i < n; i++) {
    const c = raw.charCodeAt(i);
    if (c >= 48 && c <= 57) whole = whole * 10 + (c - 48);
    else if (c === 46) return decimal(raw, i + 1);
    else return null;
  }
  return negative ? -whole : whole;
}

/** The rest of a plain decimal after its point: digits only, at least one; the conversion is JavaScript's own. */
function decimal(raw: string, from: number): number | null {
  if (from === raw.length) return null;
  for (let i = from; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (c < 48 || c > 57) return null;
  }
  return +raw;
}

/**
 * `plainNumber` of the cell `bytes[start..end)` (its bytes read as Latin-1, so a non-ASCII byte is never a digit);
 * NaN where `plainNumber` gives null. The byte splitter reads unsigned integers itself; this takes the rest.
 * @example plainNumberAt(Buffer.from("x,-3.5"), 2, 6) // -3.5
 */
export function plainNumberAt(bytes: Uint8Array, start: number, end: number): number {
  const n = end - start;
  if (n === 0 || n > 15) return NaN;
  return plainNumber(Buffer.from(bytes.buffer, bytes.byteOffset + start, n).toString("latin1")) ?? NaN;
}
