// DuckDB-WASM from node_modules (never a CDN): wasm and worker URLs come from import.meta.resolve, which Framework
// rewrites to files it copies into dist/. Nothing here is fetched before a page asks: the library is a dynamic import
// (so a page's first chart never waits for its JavaScript), and a database starts on its first query or, with
// `start: "idle"`, once the page has loaded and the browser is idle.
import type * as duckdb from "@duckdb/duckdb-wasm";
import {preloadHint} from "./data/preloadHint.js";
import {whenIdle} from "./data/whenIdle.js";
import {assertTableName, bindSql, plainValue, queryErrorMessage} from "./sqlTemplate.js";

/**
 * Where a table's bytes are: pass `FileAttachment("data/x.csv").href`. Reading `.href` (not the attachment itself)
 * matters: a bare FileAttachment of a .csv makes Framework add a CDN import of d3-dsv at build time.
 */
export type TableFile = string;

export type Row = Record<string, unknown>;

/** Rows from a query, with the column names in order (as Inputs.table expects). */
export type QueryResult = Row[] & {columns: string[]};

export interface Database {
  /** Runs a tagged-template query; interpolated values are bound as parameters. */
  sql(strings: TemplateStringsArray, ...values: unknown[]): Promise<QueryResult>;
  /** Runs `text` with `params` bound to its `?` placeholders. */
  query(text: string, params?: unknown[]): Promise<QueryResult>;
  /** Resolves once every table is loaded; rejects with the first load error. */
  ready(): Promise<void>;
}

/**
 * When a database starts: on its first query (the default), or (`"idle"`) in idle time once the page has loaded and
 * `after` (the page's first-drawn data) has settled; the wasm is preloaded at low priority from then on.
 */
export interface OpenOptions {
  start?: "query" | "idle";
  after?: PromiseLike<unknown>;
}

const BUNDLES: duckdb.DuckDBBundles = {
  mvp: {
    mainModule: import.meta.resolve("@duckdb/duckdb-wasm/dist/duckdb-mvp.wasm"),
    mainWorker: import.meta.resolve("@duckdb/duckdb-wasm/dist/duckdb-browser-mvp.worker.js")
  },
  eh: {
    mainModule: import.meta.resolve("@duckdb/duckdb-wasm/dist/duckdb-eh.wasm"),
    mainWorker: import.meta.resolve("@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js")
  }
};

let instance: Promise<duckdb.AsyncDuckDB> | undefined;
let inFlight = 0;

/**
 * How many queries (with the loading of their tables) are running on this page: browser tests wait for 0 before
 * judging a page, since DuckDB works in a worker with no request or DOM change to wait on.
 * @example queriesInFlight() // 0
 */
export function queriesInFlight(): number {
  return inFlight;
}

// The smallest module with a legacy wasm `try` block: where it validates, DuckDB's selectBundle picks the eh bundle,
// so the preload hints can name its files before DuckDB's own code has loaded.
const TRY_BLOCK = new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0, 1, 4, 1, 96, 0, 0, 3, 2, 1, 0, 10, 7, 1, 5, 0, 6, 64, 11, 11]);

/**
 * Preloads the wasm that `database()` is going to compile, the bulk of its download. Not the worker: a page counts
 * that as JavaScript fetched before its first chart, and it is fetched soon enough when DuckDB starts.
 */
function preloadDatabase(): void {
  preloadHint((WebAssembly.validate(TRY_BLOCK) ? BUNDLES.eh! : BUNDLES.mvp).mainModule, "fetch");
}

// Marks on the page's performance timeline, read by `npm run bench:load` (bench/load.ts) to time DuckDB-backed content.
const mark = (name: string) => performance.mark?.(`ys-duckdb-${name}`);

/** One DuckDB instance per page, started on first use. */
function database(): Promise<duckdb.AsyncDuckDB> {
  return (instance ??= (async () => {
    mark("start");
    const library = await import("@duckdb/duckdb-wasm");
    const bundle = await library.selectBundle(BUNDLES);
    // Framework bundles the worker as an ES module, so it must be started as one.
    const worker = new Worker(bundle.mainWorker!, {type: "module"});
    const db = new library.AsyncDuckDB(new library.VoidLogger(), worker);
    await db.instantiate(bundle.mainModule, bundle.pthreadWorker);
    mark("instantiated");
    return db;
  })());
}

/**
 * Opens a database whose tables are loader outputs (`.csv` or Arrow IPC `.arrow`), each under the given name;
 * `{start: "idle", after: rows}` starts it once the page is idle after `rows` came, so later queries find it ready.
 * @example const db = openDatabase({income: FileAttachment("data/income-national.csv").href}); const sql = db.sql;
 */
export function openDatabase(tables: Record<string, TableFile>, {start = "query", after}: OpenOptions = {}): Database {
  mark("open");
  let loaded: Promise<duckdb.AsyncDuckDBConnection> | undefined;
  const connection = () =>
    (loaded ??= (async () => {
      // Every table's bytes are fetched at once, while DuckDB starts (a noop catch: an error surfaces when awaited).
      const files = Object.entries(tables).map(([name, href]) => {
        const bytes = fetchTable(assertTableName(name), href);
        bytes.catch(() => {});
        return {name, href, bytes};
      });
      const db = await database();
      const conn = await db.connect();
      await loadTables(db, conn, await Promise.all(files.map(async (file) => ({...file, bytes: await file.bytes}))));
      mark("ready");
      return conn;
    })());

  async function query(text: string, params: unknown[] = []): Promise<QueryResult> {
    mark("query");
    inFlight++;
    try {
      return await run(text, params);
    } finally {
      inFlight--;
      // One "result" per "query", failed or not: tests and the load benchmark count both marks.
      mark("result");
    }
  }

  async function run(text: string, params: unknown[]): Promise<QueryResult> {
    const conn = await connection();
    let table;
    try {
      if (params.length === 0) {
        table = await conn.query(text);
      } else {
        const statement = await conn.prepare(text);
        try {
          table = await statement.query(...params);
        } finally {
          await statement.close();
        }
      }
    } catch (error) {
      throw new Error(queryErrorMessage(error, text));
    }
    const columns = table.schema.fields.map((f) => f.name);
    const rows = table.toArray().map((record) => {
      const row: Row = {};
      for (const column of columns) row[column] = plainValue(record[column]);
      return row;
    });
    return Object.assign(rows, {columns});
  }

  // Started early, a failure stays with the promise and reaches the page through its first query.
  if (start === "idle") {
    // Preloads the wasm only once the first-drawn data is in, so its download never competes with that data; the
    // start (the worker's JavaScript, compiling) waits for idle time after that.
    const settled = Promise.resolve(after).then(
      () => undefined,
      () => undefined
    );
    void settled.then(preloadDatabase);
    whenIdle(() => void connection().catch(() => {}), {after: settled});
  }

  return {
    sql: (strings, ...values) => {
      const {text, params} = bindSql(strings, ...values);
      return query(text, params);
    },
    query,
    ready: async () => void (await connection())
  };
}

async function fetchTable(name: string, href: TableFile): Promise<Uint8Array> {
  const response = await fetch(href);
  if (!response.ok) throw new Error(`cannot load table ${name}: ${href} answered HTTP ${response.status}`);
  return new Uint8Array(await response.arrayBuffer());
}

// Every CSV becomes a table in one statement list, one round trip to the worker for all of them (the SQL workbench
// loads fourteen); Arrow IPC streams are inserted one by one, as the library takes them.
async function loadTables(
  db: duckdb.AsyncDuckDB,
  conn: duckdb.AsyncDuckDBConnection,
  files: readonly {name: string; href: TableFile; bytes: Uint8Array}[]
): Promise<void> {
  const creates: string[] = [];
  for (const {name, href, bytes} of files) {
    const path = new URL(href, location.href).pathname;
    if (/\.arrow$/i.test(path)) {
      await conn.insertArrowFromIPCStream(bytes, {name, create: true});
    } else if (/\.csv$/i.test(path)) {
      await db.registerFileBuffer(`${name}.csv`, bytes);
      // Every column as text first would lose types; auto-detect is reliable on loader output (one header, UTF-8).
      creates.push(`CREATE OR REPLACE TABLE "${name}" AS SELECT * FROM read_csv('${name}.csv', header = true, auto_detect = true)`);
    } else {
      throw new Error(`cannot load ${path} as table ${name}: use .csv or .arrow`);
    }
  }
  if (creates.length) await conn.query(creates.join(";\n"));
}
