import {constants, inflateSync} from "node:zlib";

// Enough of PDF to read the text Chromium prints, page by page, when no pdftotext is installed: objects, Flate
// streams, the page tree, each font's ToUnicode map, and the Tf/Tj/TJ operators of the page's content streams.

interface PdfObject {
  dict: string;
  stream?: Buffer;
}

function objects(bytes: Buffer): Map<number, PdfObject> {
  const text = bytes.toString("latin1");
  const out = new Map<number, PdfObject>();
  for (const match of text.matchAll(/(\d+) 0 obj\b([\s\S]*?)\bendobj/g)) {
    const body = match[2];
    const at = body.search(/\bstream\r?\n/);
    if (at < 0) {
      out.set(Number(match[1]), {dict: body});
      continue;
    }
    const dict = body.slice(0, at);
    const start = at + body.slice(at).indexOf("\n") + 1;
    const end = body.lastIndexOf("endstream");
    let stream = Buffer.from(body.slice(start, end).replace(/\r?\n$/, ""), "latin1");
    // Font programs are not needed; a stream that does not inflate (binary that fooled the object scan) is skipped.
    if (/\/FlateDecode/.test(dict)) {
      try {
        stream = inflateSync(stream, {finishFlush: constants.Z_SYNC_FLUSH});
      } catch {
        stream = Buffer.alloc(0);
      }
    }
    out.set(Number(match[1]), {dict, stream});
  }
  return out;
}

const ref = (dict: string, key: string): number | null => {
  const m = new RegExp(`/${key}\\s+(\\d+) 0 R`).exec(dict);
  return m ? Number(m[1]) : null;
};

function toUnicode(cmap: string): Map<number, string> {
  const map = new Map<number, string>();
  const hex = (h: string) => String.fromCodePoint(...(h.match(/.{4}/g) ?? []).map((x) => parseInt(x, 16)));
  for (const block of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g))
    for (const m of block[1].matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>/g)) map.set(parseInt(m[1], 16), hex(m[2]));
  for (const block of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g))
    for (const m of block[1].matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>/g)) {
      const [lo, hi, first] = [parseInt(m[1], 16), parseInt(m[2], 16), parseInt(m[3], 16)];
      for (let c = lo; c <= hi; c++) map.set(c, String.fromCodePoint(first + c - lo));
    }
  return map;
}

/**
 * The text of each page of a PDF, in page order (glyphs mapped through the fonts' ToUnicode maps).
 * @example pdfPageTexts(readFileSync("report.pdf"))[0].includes("Title") // true
 */
export function pdfPageTexts(bytes: Buffer): string[] {
  const objs = objects(bytes);
  const dictOf = (n: number | null) => (n === null ? "" : (objs.get(n)?.dict ?? ""));
  const catalog = [...objs.values()].find((o) => /\/Type\s*\/Catalog/.test(o.dict))!;
  const pages: number[] = [];
  const walk = (n: number) => {
    const dict = dictOf(n);
    if (/\/Type\s*\/Pages/.test(dict)) {
      const kids = /\/Kids\s*\[([^\]]*)\]/.exec(dict)?.[1] ?? "";
      for (const k of kids.matchAll(/(\d+) 0 R/g)) walk(Number(k[1]));
    } else pages.push(n);
  };
  walk(ref(catalog.dict, "Pages")!);
  return pages.map((n) => {
    const page = dictOf(n);
    const resources = ref(page, "Resources") !== null ? dictOf(ref(page, "Resources")) : page;
    const fontsAt = ref(resources, "Font");
    const fontDict = fontsAt !== null ? dictOf(fontsAt) : (/\/Font\s*<<([\s\S]*?)>>/.exec(resources)?.[1] ?? "");
    const fonts = new Map<string, Map<number, string>>();
    for (const m of fontDict.matchAll(/\/([\w.+-]+)\s+(\d+) 0 R/g)) {
      const cmap = ref(dictOf(Number(m[2])), "ToUnicode");
      fonts.set(m[1], cmap === null ? new Map() : toUnicode(objs.get(cmap)?.stream?.toString("latin1") ?? ""));
    }
    const contents = /\/Contents\s*\[([^\]]*)\]/.exec(page)?.[1] ?? `${ref(page, "Contents")} 0 R`;
    let text = "";
    for (const c of contents.matchAll(/(\d+) 0 R/g)) {
      const ops = objs.get(Number(c[1]))?.stream?.toString("latin1") ?? "";
      let font = new Map<number, string>();
      for (const m of ops.matchAll(/\/([\w.+-]+)\s+[\d.]+\s+Tf|\[((?:[^\]]|\\\])*)\]\s*TJ|<([0-9a-fA-F]*)>\s*Tj|\bT\*|\bET\b/g)) {
        if (m[1]) font = fonts.get(m[1]) ?? new Map();
        else if (m[2] !== undefined || m[3] !== undefined) {
          for (const h of (m[2] ?? `<${m[3]}>`).matchAll(/<([0-9a-fA-F]*)>/g))
            for (const code of h[1].match(/.{4}/g) ?? []) text += font.get(parseInt(code, 16)) ?? "";
        } else text += " ";
      }
    }
    return text;
  });
}
