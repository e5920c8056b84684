#!/usr/bin/env node
// npm test needs a real browser (and pdftotext); say in one line how to get them instead of failing deep inside a test.
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
