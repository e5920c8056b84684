import {spawnSync} from "node:child_process";
import {mkdtempSync, rmSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";

/**
 * The text of each page of a PDF, read by poppler's pdftotext (Debian's poppler-utils, installed by .ci/run): a
 * real PDF reader, so fonts Chromium embeds as Type3 are read as well as the others.
 * @example pdfPageTexts(readFileSync("report.pdf"))[0] // the first page's text
 */
export function pdfPageTexts(bytes: Uint8Array): string[] {
  const dir = mkdtempSync(join(tmpdir(), "ys-pdf-"));
  try {
    const file = join(dir, "in.pdf");
    writeFileSync(file, bytes);
    const result = spawnSync("pdftotext", ["-enc", "UTF-8", file, "-"], {encoding: "utf8"});
    if (result.error || result.status !== 0)
      throw new Error(`pdftotext failed (install poppler-utils: apt-get install -y poppler-utils): ${result.error?.message ?? result.stderr}`);
    // pdftotext ends every page with a form feed.
    return result.stdout.split("\f").slice(0, -1);
  } finally {
    rmSync(dir, {recursive: true, force: true});
  }
}
