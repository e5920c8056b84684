import {extname} from "node:path";

// Servers label CSV exports loosely (Excel's type, text/plain, octet-stream), so those pass; what must fail is an
// HTML error or login page served with status 200, which is the usual way a broken export looks.
const ACCEPTED: Record<string, {label: string; types: string[]; sniff(bytes: Uint8Array): string | null}> = {
  ".csv": {
    label: "CSV",
    types: [
      "text/csv",
      "text/plain",
      "application/csv",
      "text/comma-separated-values",
      "application/vnd.ms-excel",
      "application/octet-stream"
    ],
    sniff: (bytes) =>
      /^\s*</.test(new TextDecoder().decode(bytes.subarray(0, 64)))
        ? 'body starts with "<" (HTML or XML, not CSV)'
        : null
  },
  ".xlsx": {
    label: "XLSX",
    types: [
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "application/octet-stream",
      "application/zip"
    ],
    sniff: (bytes) =>
      bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04
        ? null
        : "body is not a ZIP (XLSX) file"
  }
};

/**
 * Why a download cannot be the file `input` names (by its extension), or null when header and first bytes fit.
 * @example checkContentType("data/x.csv", "text/html; charset=utf-8", bytes) // 'expected CSV, got content-type text/html'
 */
export function checkContentType(input: string, contentType: string | null, bytes?: Uint8Array): string | null {
  const accepted = ACCEPTED[extname(input).toLowerCase()];
  if (!accepted) return `cannot download "${input}": only .csv and .xlsx inputs can be remote`;
  const type = contentType?.split(";")[0].trim().toLowerCase();
  if (type && !accepted.types.includes(type)) return `expected ${accepted.label}, got content-type ${type}`;
  return bytes ? accepted.sniff(bytes) && `expected ${accepted.label}: ${accepted.sniff(bytes)}` : null;
}
