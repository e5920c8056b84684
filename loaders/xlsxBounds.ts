import {inflateRawSync} from "node:zlib";
import {LoadError} from "./LoadError.js";

// An XLSX is a zip of XML parts; exceljs inflates and parses all of it in memory. A small workbook can inflate to
// gigabytes (a sheet of repeated rows compresses a thousandfold) or declare a cell at XFD1048576 and make exceljs
// build the whole grid. These bounds are checked on the zip's own bytes before exceljs sees the file.

/** Limits of what a workbook may hold; far above any statistical table, far below what exhausts memory. */
export interface WorkbookLimits {
  /** Size of the .xlsx file itself. */
  fileBytes: number;
  /** All its parts inflated together. */
  inflatedBytes: number;
  rows: number;
  columns: number;
}

export const WORKBOOK_LIMITS: WorkbookLimits = {
  fileBytes: 64 << 20,
  inflatedBytes: 256 << 20,
  rows: 100_000,
  columns: 1024
};

const MB = (n: number) => `${Math.round(n / (1 << 20))} MB`;

/**
 * Checks a workbook's zip before it is parsed: its size, what its parts inflate to (measured, not only as declared),
 * and the highest row and column any sheet addresses. A LoadError `file: message` names the limit passed. A file that
 * is not a readable zip is left to exceljs, which says why.
 * @example checkWorkbookBounds(readFileSync("6-13.xlsx"), "6-13.xlsx")
 */
export function checkWorkbookBounds(zip: Uint8Array, file: string, limits: WorkbookLimits = WORKBOOK_LIMITS): void {
  const fail = (message: string) => new LoadError(file, undefined, undefined, message);
  checkWorkbookSize(zip.length, file, limits);
  const entries = zipEntries(zip);
  if (entries === null) return;
  let declared = 0;
  for (const e of entries) declared += e.size;
  if (declared > limits.inflatedBytes)
    throw fail(`workbook would inflate to ${MB(declared)}, over the ${MB(limits.inflatedBytes)} limit`);
  let inflated = 0;
  for (const e of entries) {
    const budget = limits.inflatedBytes - inflated;
    const bytes = inflate(zip, e, budget, fail);
    if (bytes === null) continue;
    inflated += bytes.length;
    if (/^xl\/worksheets\/[^/]+\.xml$/.test(e.name)) checkDimensions(bytes, e.name, limits, fail);
  }
}

/** Refuses a workbook file over the size limit (before it is read). @example checkWorkbookSize(5e6, "t.xlsx") */
export function checkWorkbookSize(bytes: number, file: string, limits: WorkbookLimits = WORKBOOK_LIMITS): void {
  if (bytes > limits.fileBytes)
    throw new LoadError(file, undefined, undefined, `workbook of ${MB(bytes)} is over the ${MB(limits.fileBytes)} limit`);
}

interface ZipEntry {
  name: string;
  method: number;
  compressed: number;
  size: number;
  offset: number;
}

/** The central directory's entries, or null when the bytes are not a zip this reader understands. */
function zipEntries(zip: Uint8Array): ZipEntry[] | null {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  let end = -1;
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 22 - 0xffff); i--)
    if (view.getUint32(i, true) === 0x06054b50) {
      end = i;
      break;
    }
  if (end < 0) return null;
  const count = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  const entries: ZipEntry[] = [];
  for (let k = 0; k < count; k++) {
    if (at + 46 > zip.length || view.getUint32(at, true) !== 0x02014b50) return null;
    const nameLength = view.getUint16(at + 28, true);
    entries.push({
      method: view.getUint16(at + 10, true),
      compressed: view.getUint32(at + 20, true),
      // ZIP64 marks sizes it moves elsewhere with 0xffffffff: taken as they read, that is over any limit.
      size: view.getUint32(at + 24, true),
      offset: view.getUint32(at + 42, true),
      name: Buffer.from(zip.buffer, zip.byteOffset + at + 46, nameLength).toString("utf8")
    });
    at += 46 + nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  return entries;
}

/** An entry's bytes, inflated with at most `budget` bytes of output (its declared size may lie); null if unknown. */
function inflate(zip: Uint8Array, e: ZipEntry, budget: number, fail: (m: string) => LoadError): Uint8Array | null {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  if (e.offset + 30 > zip.length || view.getUint32(e.offset, true) !== 0x04034b50) return null;
  const start = e.offset + 30 + view.getUint16(e.offset + 26, true) + view.getUint16(e.offset + 28, true);
  const data = zip.subarray(start, Math.min(zip.length, start + e.compressed));
  if (e.method === 0) return data;
  if (e.method !== 8) return null;
  try {
    // The central directory's sizes are the true ones for an honest zip: more output than declared is a lie.
    return inflateRawSync(data, {maxOutputLength: Math.max(1, Math.min(budget, e.size))});
  } catch (error) {
    if (error instanceof RangeError)
      throw fail(`workbook part ${e.name} inflates past its declared ${e.size.toLocaleString("en-US")} bytes`);
    return null; // a damaged part: exceljs says what is wrong with it
  }
}

/** The highest row and column a sheet's cells and rows name (`r="XFD1048576"`, `<row r="…">`) against the limits. */
function checkDimensions(xml: Uint8Array, name: string, limits: WorkbookLimits, fail: (m: string) => LoadError) {
  const text = Buffer.from(xml.buffer, xml.byteOffset, xml.byteLength).toString("latin1");
  for (const m of text.matchAll(/<(?:\w+:)?(?:c|row)\b[^>]*?\sr="([A-Z]*)(\d+)"/g)) {
    const [, letters, digits] = m;
    if (Number(digits) > limits.rows)
      throw fail(`sheet ${name} reaches row ${Number(digits).toLocaleString("en-US")} (at most ${limits.rows.toLocaleString("en-US")} rows)`);
    if (letters && columnNumber(letters) > limits.columns)
      throw fail(`sheet ${name} reaches column ${letters} (at most ${limits.columns.toLocaleString("en-US")} columns)`);
  }
}

/** `A` → 1, `XFD` → 16384. */
function columnNumber(letters: string): number {
  let n = 0;
  for (let i = 0; i < letters.length; i++) n = n * 26 + (letters.charCodeAt(i) - 64);
  return n;
}
