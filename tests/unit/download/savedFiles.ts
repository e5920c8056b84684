// Captures what download buttons save in jsdom: the file name and the CSV text (BOM kept), by stubbing the anchor
// click and object URLs that downloadButtons uses.
import {vi} from "vitest";

/** Clicks the CSV button inside `element` and resolves to the saved file's name and text. */
export async function clickCsv(element: Element): Promise<{name: string; text: string}> {
  let name = "";
  let blob: Blob | undefined;
  const click = vi.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(function (this: HTMLAnchorElement) {
    name = this.download;
  });
  const create = vi.spyOn(URL, "createObjectURL").mockImplementation((b) => ((blob = b as Blob), "blob:saved"));
  try {
    (element.querySelector(".download-buttons button[data-format=csv]") as HTMLButtonElement).click();
  } finally {
    click.mockRestore();
    create.mockRestore();
  }
  if (!blob) throw new Error("no file was saved");
  const bytes = await new Promise<ArrayBuffer>((done) => {
    const reader = new FileReader();
    reader.onload = () => done(reader.result as ArrayBuffer);
    reader.readAsArrayBuffer(blob!);
  });
  return {name, text: new TextDecoder("utf-8", {ignoreBOM: true}).decode(bytes)};
}
