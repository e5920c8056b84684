import {closeSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync, writeSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {afterAll, describe, expect, it} from "vitest";
import {ingestFileTo, type IngestOptions} from "../../../loaders/ingest.js";
import {MAX_CELL, MAX_RECORD} from "../../../loaders/records.js";

// Text inputs built to exhaust memory or to confuse the splitters, written at test time (tens of MB: not committed).
// Each must fail early with a located message, the same with the fast path on and off, and keep the earlier output.

const tmp = mkdtempSync(join(tmpdir(), "ys-hostile-"));
afterAll(() => rmSync(tmp, {recursive: true, force: true}));
const PREVIOUS = "indicator,unit,region_code,region,year,value\n";

/** Writes `repeat` copies of `unit` after `head` (in 1 MB pieces, never the whole text at once). */
function writeRepeated(name: string, head: string, unit: string, bytes: number): string {
  const path = join(tmp, name);
  const fd = openSync(path, "w");
  writeSync(fd, head);
  const piece = Buffer.from(unit.repeat(Math.ceil((1 << 20) / unit.length)));
  for (let written = 0; written < bytes; written += piece.length) writeSync(fd, piece);
  closeSync(fd);
  return path;
}

/** The error message of ingesting `path` (fast path on and off must agree), checking the earlier output is kept. */
function failure(path: string, options: IngestOptions = {}): string {
  const messages = [true, false].map((fastPath) => {
    const out = join(tmp, "out.csv");
    writeFileSync(out, PREVIOUS);
    let message = "no error";
    try {
      ingestFileTo(path, out, {...options, fastPath});
    } catch (error) {
      message = (error as Error).message;
    }
    expect(readFileSync(out, "utf8")).toBe(PREVIOUS);
    return message;
  });
  expect(messages[1]).toBe(messages[0]);
  return messages[0];
}

describe("one endless line", () => {
  it("9 MB of `a,` without a line break stops at the row bound, at its line and column", () => {
    const path = writeRepeated("row.csv", "", "a,", 9 << 20);
    expect(failure(path)).toBe(`${path}:1:${MAX_RECORD / 2 + 1}: row longer than 8 MB: not a table row (missing line breaks?)`);
  });

  it("a 3 MB cell stops at the cell bound, at its line and column", () => {
    const path = writeRepeated("cell.csv", "地区,2019年\n北京,", "a", 3 << 20);
    expect(failure(path)).toBe(`${path}:2:2: cell longer than 1 MB: not a table cell (a missing line break or quote?)`);
  });

  it("a quoted cell that never closes stops at the cell bound, at the line where it opens", () => {
    const path = writeRepeated("quoted.csv", '地区,2019年\n北京,"', "a\n", 3 << 20);
    expect(failure(path)).toBe(`${path}:2:2: cell longer than 1 MB: not a table cell (a missing line break or quote?)`);
  });

  it("a UTF-16 file is held to the same bounds (counted in characters)", () => {
    const path = join(tmp, "utf16.csv");
    writeFileSync(path, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from("a\t".repeat(MAX_RECORD / 2 + 8), "utf16le")]));
    expect(failure(path)).toBe(`${path}:1:${MAX_RECORD / 2 + 1}: row longer than 8 MB: not a table row (missing line breaks?)`);
  });

  it("a cell just under the bound is read as text, both ways", () => {
    const path = join(tmp, "wide.csv");
    const name = "x".repeat(MAX_CELL - 8);
    writeFileSync(path, `year,indicator,region,value,unit\n2019,${name},北京,1,元\n`);
    for (const fastPath of [true, false]) {
      ingestFileTo(path, join(tmp, "wide.tidy.csv"), {fastPath});
      expect(readFileSync(join(tmp, "wide.tidy.csv"), "utf8")).toBe(`${PREVIOUS}${name},元,110000,北京,2019,1\n`);
    }
  });
});

describe("files that are not text", () => {
  it("/dev/zero fails at once as binary (its zeros would otherwise pass for UTF-16)", () => {
    expect(failure("/dev/zero")).toBe("/dev/zero:1:1: binary file, not text (NUL byte at offset 0)");
  });

  it("UTF-16 text with a NUL character is binary too", () => {
    const path = join(tmp, "nul16.csv");
    writeFileSync(path, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from("地区\t2019\n北京\t\u0000", "utf16le")]));
    expect(failure(path)).toBe(`${path}:2:4: binary file, not text (NUL byte at offset 24)`);
  });

  it("a directory is named as one", () => {
    const path = join(tmp, "a-directory");
    mkdirSync(path);
    expect(failure(path)).toBe(`${path}: is a directory, not a file`);
  });
});
