#!/usr/bin/env node
// npm test needs a real browser, pdftotext and a Chinese font; say in one line how to get them instead of failing deep
// inside a test.
import {spawnSync} from "node:child_process";
import {existsSync} from "node:fs";

const candidates = [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser"].filter(Boolean);
if (!candidates.some((path) => existsSync(path))) {
  console.error("Chromium not found: install it with `sudo apt-get install -y chromium` (Debian/Ubuntu) or set CHROMIUM_PATH to a Chromium binary.");
  process.exit(1);
}
// The report PDF test reads the printed pages back with poppler's pdftotext.
if (spawnSync("pdftotext", ["-v"]).error) {
  console.error("pdftotext not found: install it with `sudo apt-get install -y poppler-utils` (Debian/Ubuntu).");
  process.exit(1);
}
// The pages are Chinese first: without a CJK font Chromium draws empty boxes, at other widths than an analyst's screen,
// and spends milliseconds looking for a font on every text change (the edit benchmarks would measure that instead).
// Where fontconfig is absent (macOS, Windows) the system has its own CJK fonts.
const fonts = spawnSync("fc-list", [":lang=zh", "family"], {encoding: "utf8"});
if (!fonts.error && fonts.stdout.trim() === "") {
  console.error("No Chinese font found (fc-list :lang=zh): install one with `sudo apt-get install -y fonts-wqy-microhei` (Debian/Ubuntu).");
  process.exit(1);
}
