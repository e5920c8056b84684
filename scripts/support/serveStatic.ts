// A static server of a built site for the PDF command, the benchmarks and the browser tests alike.
import {createServer, type Server} from "node:http";
import {createReadStream, existsSync, statSync} from "node:fs";
import {extname, join, normalize, resolve} from "node:path";
import type {AddressInfo} from "node:net";

/** Content types a static host sends for the site's files. */
export const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".csv": "text/csv; charset=utf-8",
  ".arrow": "application/vnd.apache.arrow.stream",
  ".wasm": "application/wasm",
  ".svg": "image/svg+xml",
  ".png": "image/png"
};

/** The decoded path of a request's URL. @example requestPath("/a%20b?x=1") // "/a b" */
export function requestPath(url: string | undefined): string {
  return decodeURIComponent(new URL(url ?? "/", "http://localhost").pathname);
}

/**
 * The file a static host serves for a URL path under `base`: `index.html` for a folder, `<path>.html` for a clean URL;
 * null when there is none or the path leaves `base`.
 * @example siteFile("/site/dist", "/income-gap") // "/site/dist/income-gap.html"
 */
export function siteFile(base: string, pathname: string): string | null {
  let file = normalize(join(base, pathname));
  if (!file.startsWith(base)) return null;
  if (existsSync(file) && statSync(file).isDirectory()) file = join(file, "index.html");
  if (!existsSync(file) && existsSync(`${file}.html`)) file = `${file}.html`;
  return existsSync(file) ? file : null;
}

/** Serves a built site from `root` on 127.0.0.1 (a free port), resolving clean URLs to `.html` like a static host. */
export async function serveStatic(root: string): Promise<{url: string; close(): Promise<void>}> {
  const base = resolve(root);
  const server: Server = createServer((request, response) => {
    const file = siteFile(base, requestPath(request.url));
    if (!file) return void response.writeHead(404, {"content-type": "text/plain"}).end("not found");
    response.writeHead(200, {"content-type": TYPES[extname(file)] ?? "application/octet-stream"});
    createReadStream(file).pipe(response);
  });
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  const {port} = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise((done) => server.close(() => done()))
  };
}
