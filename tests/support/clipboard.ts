import type {Page} from "playwright-core";

/**
 * Pastes TSV into the focused element as Excel and WPS do (a paste event carrying text/plain, CRLF rows).
 * @example await pasteTsv(page, "4\t6\r\n4.5\t6.5\r\n")
 */
export async function pasteTsv(page: Page, text: string): Promise<void> {
  await page.evaluate((tsv) => {
    const data = new DataTransfer();
    data.setData("text/plain", tsv);
    document.activeElement!.dispatchEvent(new ClipboardEvent("paste", {clipboardData: data, bubbles: true, cancelable: true}));
  }, text);
}
