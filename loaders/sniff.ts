import {isUtf8} from "node:buffer";
import {LoadError} from "./LoadError.js";
import {detectEncoding, type Encoding} from "./decodeText.js";

/** What the first bytes of a file say about it. */
export type FileKind = "text" | "xlsx" | "xls";

/**
 * Tells text from a workbook or a binary file by its first bytes; a binary file is a LoadError.
 * @example sniffKind(readFileSync("t.xlsx"), "t.xlsx") // "xlsx"
 */
export function sniffKind(head: Uint8Array, file: string): FileKind {
  if (head.length === 0) throw new LoadError(file, 1, 1, "empty file");
  if (head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04) return "xlsx";
  if (head[0] === 0xd0 && head[1] === 0xcf && head[2] === 0x11 && head[3] === 0xe0) {
    throw new LoadError(file, 1, 1, "old Excel .xls workbook: save it as .xlsx or CSV");
  }
  const utf16 =
    (head[0] === 0xff && head[1] === 0xfe) ||
    (head[0] === 0xfe && head[1] === 0xff) ||
    detectEncoding(head.subarray(0, 512)).startsWith("utf-16");
  // In UTF-16 a NUL is a code unit of two zero bytes (/dev/zero looks like UTF-16 by its zeros); in text, a zero byte.
  const nul = utf16 ? nulUnit(head) : head.indexOf(0);
  if (nul >= 0) {
    let line = 1;
    let lineStart = 0;
    const step = utf16 ? 2 : 1;
    for (let i = 0; i < nul; i += step)
      if (head[i] === 0x0a || (utf16 && head[i + 1] === 0x0a && head[i] === 0)) {
        line++;
        lineStart = i + step;
      }
    throw new LoadError(file, line, (nul - lineStart) / step + 1, `binary file, not text (NUL byte at offset ${nul})`);
  }
  return "text";
}

/** The offset of the first UTF-16 code unit that is zero, or -1. */
function nulUnit(head: Uint8Array): number {
  for (let i = 0; i + 1 < head.length; i += 2) if (head[i] === 0 && head[i + 1] === 0) return i;
  return -1;
}

/**
 * Picks the encoding of a text file from its first bytes. Beyond decodeText's detection it refuses a file that
 * mixes UTF-8 lines with lines in another encoding (a GBK row pasted into a UTF-8 file), which would otherwise be
 * read as GB18030 mojibake.
 * @example sniffEncoding(bytes, "x.csv") // "gb18030"
 */
export function sniffEncoding(head: Uint8Array, file: string, complete: boolean): Encoding {
  const guess = detectEncoding(complete ? head : trimPartial(head));
  if (guess !== "gb18030") return guess;
  let line = 1;
  let start = 0;
  let utf8Line = 0;
  let badLine = 0;
  const end = complete ? head.length : lastNewline(head);
  for (let i = 0; i <= end; i++) {
    if (i === end || head[i] === 0x0a) {
      let ascii = true;
      for (let k = start; k < i; k++)
        if (head[k] >= 0x80) {
          ascii = false;
          break;
        }
      // isUtf8 is the strict decoder's own rule without building a string (a per-line decode cost 90 ms a megabyte).
      if (!ascii) {
        if (isUtf8(head.subarray(start, i))) utf8Line ||= line;
        else badLine ||= line;
      }
      line++;
      start = i + 1;
    }
  }
  if (utf8Line && badLine) {
    throw new LoadError(
      file,
      badLine,
      undefined,
      `mixed encodings: line ${utf8Line} is UTF-8 but line ${badLine} is not (give --encoding to choose)`
    );
  }
  return "gb18030";
}

function lastNewline(bytes: Uint8Array): number {
  const i = bytes.lastIndexOf(0x0a);
  return i < 0 ? bytes.length : i;
}

/** Drops a multi-byte sequence cut at the end of a partial read, so it is not taken for invalid UTF-8. */
function trimPartial(bytes: Uint8Array): Uint8Array {
  const i = bytes.lastIndexOf(0x0a);
  return i > 0 ? bytes.subarray(0, i + 1) : bytes;
}
