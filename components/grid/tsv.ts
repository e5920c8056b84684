// Tab-separated text as Excel and WPS put it on the clipboard: rows end in CRLF (Windows) or LF (macOS, WPS on
// Linux), a cell holding a tab, newline or quote is wrapped in double quotes, and the block ends with one newline.

/**
 * Splits clipboard TSV into rows of cell texts; CRLF, LF and lone CR all end a row and one trailing newline is dropped.
 * @example parseTsv("1.1\t2.2\r\n3.3\t4.4\r\n") // [["1.1", "2.2"], ["3.3", "4.4"]]
 */
export function parseTsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let i = 0;
  const n = text.length;
  while (i < n) {
    const c = text[i];
    if (c === '"' && cell === "") {
      // A quoted cell: "" inside is one quote; it ends at the quote before a tab, newline or the end.
      let j = i + 1;
      let quoted = "";
      while (j < n) {
        if (text[j] === '"') {
          if (text[j + 1] === '"') (quoted += '"'), (j += 2);
          else break;
        } else quoted += text[j++];
      }
      const after = text[j + 1];
      if (j < n && (after === undefined || after === "\t" || after === "\n" || after === "\r")) {
        cell = quoted;
        i = j + 1;
        continue;
      }
      // Not a well-formed quoted cell (e.g. `"abc` or `"a"b`): keep the text as typed.
    }
    if (c === "\t") {
      row.push(cell);
      cell = "";
      i++;
    } else if (c === "\r" || c === "\n") {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = "";
      i += c === "\r" && text[i + 1] === "\n" ? 2 : 1;
    } else {
      cell += c;
      i++;
    }
  }
  if (cell !== "" || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

/**
 * Joins cell texts into clipboard TSV (CRLF rows, like Excel), quoting cells that hold a tab, newline or quote.
 * @example formatTsv([["1.1", "2.2"], ["3.3", "4.4"]]) // "1.1\t2.2\r\n3.3\t4.4\r\n"
 */
export function formatTsv(rows: readonly (readonly string[])[]): string {
  const quote = (s: string) => (/[\t\r\n"]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  return rows.map((row) => row.map(quote).join("\t") + "\r\n").join("");
}
