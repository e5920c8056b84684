// The workbench's query lives in the address (?q=…), so a link shares it; the hash stays free for Framework's anchors.

/**
 * The query carried by an address: ?q= first, then a #q= hash (older links); null when neither.
 * @example queryFromUrl("https://x/sql?q=SELECT%201") // "SELECT 1"
 */
export function queryFromUrl(href: string): string | null {
  const url = new URL(href);
  const fromSearch = url.searchParams.get("q");
  if (fromSearch !== null && fromSearch.trim() !== "") return fromSearch;
  const fromHash = new URLSearchParams(url.hash.replace(/^#/, "")).get("q");
  return fromHash !== null && fromHash.trim() !== "" ? fromHash : null;
}

/**
 * The same address carrying `sql` as ?q= (other search parameters and the hash kept).
 * @example urlWithQuery("https://x/sql?lang=en", "SELECT 1") // "https://x/sql?lang=en&q=SELECT+1"
 */
export function urlWithQuery(href: string, sql: string): string {
  const url = new URL(href);
  url.searchParams.set("q", sql);
  if (/^#q=/.test(url.hash)) url.hash = "";
  return url.href;
}
