// mergeTicks draws the same picture with fewer elements: screenshots of Plot charts with and without it are equal,
// byte for byte, in Chromium.
import {build} from "esbuild";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import type {Browser} from "playwright-core";
import {launchChromium} from "../../scripts/support/chromium.js";

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

describe("mergeTicks in Chromium", () => {
  it("leaves the picture unchanged, pixel for pixel, and removes elements", async () => {
    const bundle = await build({entryPoints: ["tests/support/mergeTicksPage.ts"], bundle: true, format: "iife", write: false, platform: "browser", target: "es2022"});
    const page = await browser.newPage({viewport: {width: 700, height: 900}});
    await page.setContent("<!doctype html><meta charset=utf-8><body style='margin: 0'></body>");
    await page.addScriptTag({content: bundle.outputFiles[0].text});
    const before = (await page.evaluate("draw(false)")) as number;
    const plain = await page.screenshot();
    const after = (await page.evaluate("draw(true)")) as number;
    const merged = await page.screenshot();
    expect(after).toBeLessThan(before - 50);
    expect(merged.equals(plain)).toBe(true);
  });
});
