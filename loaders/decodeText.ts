import {LoadError} from "./LoadError.js";

export type Encoding = "utf-8" | "gb18030" | "utf-16le" | "utf-16be";

/**
 * Decodes a file's bytes: a BOM wins, then strict UTF-8, then GB18030 (a superset of GBK; Node's "gbk" label
 * turns 4-byte characters into U+FFFD, so it is never used). An explicit encoding skips detection.
 * @example decodeText(readFileSync("data/x.csv"), {file: "data/x.csv"}).text
 */
export function decodeText(bytes: Uint8Array, {file = "<input>", encoding}: {file?: string; encoding?: string} = {}) {
  const chosen = encoding ? normalizeEncoding(encoding, file) : detectEncoding(bytes);
  try {
    const text = new TextDecoder(chosen, {fatal: true, ignoreBOM: false}).decode(bytes);
    return {text, encoding: chosen};
  } catch {
    throw new LoadError(file, firstBadLine(bytes), undefined, `not valid ${chosen} text${encoding ? "" : " (try --encoding)"}`);
  }
}

/** Guesses the encoding from a BOM, UTF-16 zero bytes, or whether the bytes are valid UTF-8. */
export function detectEncoding(bytes: Uint8Array): Encoding {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return "utf-8";
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return "utf-16le";
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return "utf-16be";
  if (looksUtf16le(bytes)) return "utf-16le";
  try {
    new TextDecoder("utf-8", {fatal: true}).decode(bytes);
    return "utf-8";
  } catch {
    return "gb18030";
  }
}

function looksUtf16le(bytes: Uint8Array): boolean {
  // ASCII text saved as UTF-16LE without a BOM has a zero in most odd positions.
  const n = Math.min(bytes.length, 512) & ~1;
  if (n < 4) return false;
  let zeros = 0;
  for (let i = 1; i < n; i += 2) if (bytes[i] === 0) zeros++;
  return zeros / (n / 2) > 0.4;
}

const LABELS: Record<string, Encoding> = {
  "utf8": "utf-8",
  "utf-8": "utf-8",
  "gbk": "gb18030",
  "gb2312": "gb18030",
  "gb18030": "gb18030",
  "cp936": "gb18030",
  "utf-16le": "utf-16le",
  "utf16le": "utf-16le",
  "unicode": "utf-16le",
  "ucs-2": "utf-16le",
  "utf-16be": "utf-16be",
  "utf16be": "utf-16be"
};

/** The encodings `--encoding` takes, for messages. */
export const ENCODING_NAMES = "utf-8, gbk (gb18030, gb2312, cp936), utf-16le (unicode), utf-16be";

const labelOf = (encoding: string) => encoding.trim().toLowerCase().replace(/_/g, "-");

/** True for an encoding label `normalizeEncoding` knows. @example knownEncoding("GBK") // true */
export function knownEncoding(encoding: string): boolean {
  return Object.hasOwn(LABELS, labelOf(encoding));
}

/** Maps an encoding label (`gbk`, `utf8`, `unicode`) to the decoder used. @example normalizeEncoding("GBK", "x.csv") // "gb18030" */
export function normalizeEncoding(encoding: string, file: string): Encoding {
  const found = knownEncoding(encoding) ? LABELS[labelOf(encoding)] : undefined;
  if (found) return found;
  throw new LoadError(file, undefined, undefined, `unknown encoding: ${encoding} (use ${ENCODING_NAMES})`);
}

/** The 1-based line of the first byte sequence that is not UTF-8, for an error message. */
function firstBadLine(bytes: Uint8Array): number | undefined {
  const decoder = new TextDecoder("utf-8", {fatal: true});
  let line = 1;
  let start = 0;
  for (let i = 0; i <= bytes.length; i++) {
    if (i === bytes.length || bytes[i] === 0x0a) {
      try {
        decoder.decode(bytes.subarray(start, i));
      } catch {
        return line;
      }
      line++;
      start = i + 1;
    }
  }
  return undefined;
}
