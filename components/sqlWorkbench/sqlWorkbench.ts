// The SQL workbench: an editor (Ctrl+Enter runs), example queries, the result as a table with its row count and time,
// downloads of the result, and the query kept in the address. Only one read-only statement runs (checkReadOnly);
// a refused or failing query shows its message next to the editor and keeps nothing half-done.
import type {Database, QueryResult} from "../duckdb.js";
import {downloadButtons} from "../download/downloadButtons.js";
import {formatNumber} from "../format.js";
import {currentLang, t, type Lang} from "../i18n.js";
import {exampleSql, type ExampleQuery} from "./examples.js";
import {queryFromUrl, urlWithQuery} from "./queryUrl.js";
import {checkReadOnly} from "./readOnlySql.js";
import {querySources, type CatalogTable} from "./tableCatalog.js";

export interface SqlWorkbenchOptions {
  tables: readonly CatalogTable[];
  examples: readonly ExampleQuery[];
  /** Rows drawn in the page (all rows still download). */
  shownRows?: number;
  lang?: Lang;
  /** Where the query is read from and written to (default: the page address). */
  location?: {href: string; replace(href: string): void};
}

/**
 * DuckDB's own words from a failed query: without the "Query failed" prefix and the statement that components/duckdb.ts
 * appends.
 * @example duckdbMessage(new Error("Query failed · 查询失败: Parser Error: syntax error at or near \"SELEC\"\nSELEC 1"), "SELEC 1") // "Parser Error: syntax error at or near \"SELEC\""
 */
export function duckdbMessage(error: unknown, sql: string): string {
  let text = error instanceof Error ? error.message : String(error);
  text = text.replace(/^Query failed · 查询失败:\s*/, "");
  const tail = `\n${sql.trim()}`;
  if (text.endsWith(tail)) text = text.slice(0, -tail.length);
  return text.trim();
}

/**
 * Turns off DuckDB's access to files and URLs once the tables are loaded, and locks the setting: the second lock
 * behind checkReadOnly. Returns false when this DuckDB build refuses (the check still applies).
 * @example await lockDown(db)
 */
export async function lockDown(db: Database): Promise<boolean> {
  try {
    await db.ready();
    await db.query("SET enable_external_access = false");
    await db.query("SET lock_configuration = true");
    return true;
  } catch {
    return false;
  }
}

/**
 * The workbench element. Call lockDown(db) first.
 * @example display(sqlWorkbench(db, {tables, examples: EXAMPLE_QUERIES}))
 */
export function sqlWorkbench(db: Database, options: SqlWorkbenchOptions): HTMLElement {
  const {tables, examples, shownRows = 1000, lang = currentLang()} = options;
  const place = options.location ?? {
    get href() {
      return location.href;
    },
    replace: (href: string) => history.replaceState(history.state, "", href)
  };
  const remember = (sql: string) => place.replace(urlWithQuery(place.href, sql));

  const root = document.createElement("div");
  root.className = "sql-workbench";
  const editorId = `sqlw-editor-${Math.random().toString(36).slice(2, 10)}`;
  const label = document.createElement("label");
  label.htmlFor = editorId;
  label.className = "sqlw-label";
  label.textContent = t({zh: "SQL 查询（只读；Ctrl+Enter 运行）", en: "SQL query (read-only; Ctrl+Enter runs)"}, lang);
  const editor = document.createElement("textarea");
  editor.id = editorId;
  editor.className = "sqlw-editor";
  editor.rows = 10;
  editor.spellcheck = false;
  editor.setAttribute("autocapitalize", "off");
  editor.value = queryFromUrl(place.href) ?? (examples[0] ? exampleSql(examples[0], lang) : "");

  const actions = document.createElement("div");
  actions.className = "sqlw-actions";
  const run = document.createElement("button");
  run.type = "button";
  run.className = "sqlw-run";
  run.textContent = t({zh: "运行", en: "Run"}, lang);
  actions.append(run);
  const exampleGroup = document.createElement("div");
  exampleGroup.className = "sqlw-examples";
  exampleGroup.setAttribute("role", "group");
  exampleGroup.setAttribute("aria-label", t({zh: "示例查询", en: "Example queries"}, lang));
  exampleGroup.append(t({zh: "示例：", en: "Examples: "}, lang));
  for (const example of examples) {
    const button = document.createElement("button");
    button.type = "button";
    button.dataset.example = example.id;
    button.textContent = t(example.label, lang);
    button.addEventListener("click", () => {
      editor.value = exampleSql(example, lang);
      void execute();
    });
    exampleGroup.append(button);
  }
  actions.append(exampleGroup);

  const message = document.createElement("div");
  message.className = "sqlw-message";
  message.setAttribute("role", "alert");
  const summary = document.createElement("p");
  summary.className = "sqlw-summary";
  summary.setAttribute("aria-live", "polite");
  const downloads = document.createElement("div");
  downloads.className = "sqlw-downloads";
  const result = document.createElement("div");
  result.className = "sqlw-result";
  root.append(label, editor, actions, message, summary, downloads, result);

  editor.addEventListener("keydown", (event) => {
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      void execute();
    }
  });
  run.addEventListener("click", () => void execute());

  let running = 0;
  async function execute() {
    const id = ++running;
    const check = checkReadOnly(editor.value);
    remember(editor.value);
    message.textContent = "";
    message.classList.remove("sqlw-refused", "sqlw-error");
    if (!check.ok) {
      message.classList.add("sqlw-refused");
      message.textContent = t(check.message, lang);
      clearResult();
      root.dataset.state = "refused";
      return;
    }
    root.dataset.state = "running";
    summary.textContent = t({zh: "正在运行…", en: "Running…"}, lang);
    const started = performance.now();
    let rows: QueryResult;
    try {
      rows = await db.query(check.sql);
    } catch (error) {
      if (id !== running) return;
      message.classList.add("sqlw-error");
      message.textContent = duckdbMessage(error, check.sql);
      clearResult();
      root.dataset.state = "error";
      return;
    }
    if (id !== running) return;
    const ms = performance.now() - started;
    showResult(rows, ms, check.sql);
    root.dataset.state = "done";
  }

  function clearResult() {
    summary.textContent = "";
    downloads.replaceChildren();
    result.replaceChildren();
  }

  function showResult(rows: QueryResult, ms: number, sql: string) {
    const count = formatNumber(rows.length);
    const time = formatNumber(ms, {digits: ms < 10 ? 1 : 0});
    const shown = rows.length > shownRows ? t({zh: `，显示前 ${formatNumber(shownRows)} 行`, en: `, first ${formatNumber(shownRows)} shown`}, lang) : "";
    summary.textContent = t({zh: `${count} 行 · ${time} 毫秒${shown}`, en: `${count} rows · ${time} ms${shown}`}, lang);
    const {source, version} = querySources(sql, tables);
    downloads.replaceChildren(downloadButtons(rows, {columns: rows.columns, name: "query-result", source: `${source}; SQL: ${sql}`, version}));
    result.replaceChildren(resultTable(rows, shownRows));
  }

  void execute();
  return root;
}

/**
 * A query result as an HTML table: one header per column, NULL written as NULL, numbers right-aligned as DuckDB gave
 * them (no rounding, so what is shown is what downloads).
 * @example resultTable(Object.assign([{a: 1}], {columns: ["a"]}), 1000)
 */
export function resultTable(rows: QueryResult, limit: number): HTMLElement {
  const wrap = document.createElement("div");
  wrap.className = "sqlw-table-wrap";
  wrap.tabIndex = 0;
  wrap.setAttribute("role", "region");
  wrap.setAttribute("aria-label", t({zh: "查询结果", en: "Query result"}));
  const table = document.createElement("table");
  table.className = "sqlw-table";
  const head = table.createTHead().insertRow();
  for (const column of rows.columns) {
    const th = document.createElement("th");
    th.scope = "col";
    th.textContent = column;
    head.append(th);
  }
  const body = table.createTBody();
  for (const row of rows.slice(0, limit)) {
    const tr = body.insertRow();
    for (const column of rows.columns) {
      const td = tr.insertCell();
      const value = row[column];
      if (value === null || value === undefined) {
        td.className = "sqlw-null";
        td.textContent = "NULL";
      } else {
        if (typeof value === "number" || typeof value === "bigint") td.className = "sqlw-number";
        td.textContent = value instanceof Date ? value.toISOString() : String(value);
      }
    }
  }
  wrap.append(table);
  return wrap;
}
