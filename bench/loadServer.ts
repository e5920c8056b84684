import {createServer, type Server} from "node:http";
import {createReadStream, statSync} from "node:fs";
import {extname, resolve} from "node:path";
import type {AddressInfo} from "node:net";
import {requestPath, siteFile, TYPES} from "../scripts/support/serveStatic.js";

/**
 * The Cache-Control a static host gives a file of a built Framework site: Framework's asset folders (`/_file/`,
 * `/_import/`, `/_node/`, `/_npm/`, `/_observablehq/`) hold content-hashed or versioned files, cached for a year as
 * immutable; pages are revalidated on every visit.
 * @example cacheControlFor("/_node/d3-dsv@3.0.2/index.1a2b3c4d.js") // "public, max-age=31536000, immutable"
 */
export function cacheControlFor(pathname: string): string {
  return /^\/_(file|import|node|npm|observablehq)\//.test(pathname) ? "public, max-age=31536000, immutable" : "no-cache";
}

/** A response the server finished: its path, when it finished (epoch ms) and the body bytes sent. */
export interface Served {
  path: string;
  end: number;
  bytes: number;
}

/**
 * Serves a built site on 127.0.0.1 (a free port) with static-host cache headers and clean URLs; `served` lists every
 * response (a worker's and a page's alike), so a benchmark can count what was fetched and when.
 */
export async function serveWithCacheHeaders(root: string): Promise<{url: string; served: Served[]; close(): Promise<void>}> {
  const base = resolve(root);
  const served: Served[] = [];
  const server: Server = createServer((request, response) => {
    const pathname = requestPath(request.url);
    const file = siteFile(base, pathname);
    if (!file) return void response.writeHead(404, {"content-type": "text/plain"}).end("not found");
    const {size, mtime} = statSync(file);
    const etag = `"${size.toString(16)}-${mtime.getTime().toString(16)}"`;
    const headers = {
      "content-type": TYPES[extname(file)] ?? "application/octet-stream",
      "cache-control": cacheControlFor(pathname),
      etag
    };
    if (request.headers["if-none-match"] === etag) return void response.writeHead(304, headers).end();
    response.writeHead(200, {...headers, "content-length": size});
    response.on("finish", () => served.push({path: pathname, end: Date.now(), bytes: size}));
    createReadStream(file).pipe(response);
  });
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  const {port} = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    served,
    close: () =>
      new Promise((done) => {
        server.closeAllConnections();
        server.close(() => done());
      })
  };
}
