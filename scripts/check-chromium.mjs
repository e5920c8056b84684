#!/usr/bin/env node
// npm test needs a real browser; say in one line how to get one instead of failing deep inside a test.
import {existsSync} from "node:fs";

const candidates = [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser"].filter(Boolean);
if (!candidates.some((path) => existsSync(path))) {
  console.error("Chromium not found: install it with `sudo apt-get install -y chromium` (Debian/Ubuntu) or set CHROMIUM_PATH to a Chromium binary.");
  process.exit(1);
}
