// Whether a workbench query may run: one read-only statement that touches no file, URL or setting. The check works on
// the statement with comments and quoted text masked, so a keyword inside a string or a quoted name does not count.
// The workbench also turns off DuckDB's external access after loading its tables, so this is the first of two locks.

export type ReadOnlyCheck = {ok: true; sql: string} | {ok: false; message: {zh: string; en: string}};

/** Statements that change data, the schema, settings or files, or load code. */
const WRITE_KEYWORDS = [
  "INSERT", "UPDATE", "DELETE", "DROP", "CREATE", "ALTER", "COPY", "ATTACH", "DETACH", "INSTALL", "LOAD", "PRAGMA",
  "SET", "RESET", "CALL", "EXPORT", "IMPORT", "CHECKPOINT", "FORCE", "VACUUM", "TRUNCATE", "MERGE", "UPSERT", "REPLACE",
  "USE", "BEGIN", "COMMIT", "ROLLBACK", "ABORT", "START", "TRANSACTION", "PREPARE", "EXECUTE", "DEALLOCATE", "GRANT",
  "REVOKE", "COMMENT", "ANALYZE", "SECRET", "UNLOAD"
];

/** How a read-only statement may begin. */
const READ_STARTS = ["SELECT", "WITH", "FROM", "VALUES", "TABLE", "DESCRIBE", "SHOW", "SUMMARIZE", "PIVOT", "UNPIVOT", "EXPLAIN"];

/** Table functions that read files or URLs, or run SQL given as text. */
const FILE_FUNCTION = /^(read_\w+|\w+_scan|parquet_\w+|sniff_csv|glob|st_read\w*|query|query_table|\w*_metadata)$/i;

/** A quoted text that names a file or URL: DuckDB reads `FROM 'x.csv'` as that file. */
const PATH_LIKE = /^(?:[a-z][a-z0-9+.-]*:\/\/|[a-z]+:|\/|\.{1,2}\/|~)|\.(?:csv|tsv|txt|parquet|json|jsonl|ndjson|arrow|feather|xlsx?|gz|zst|db|duckdb|sqlite)$/i;

const WORD_STARTS_WRITE = new Set(WRITE_KEYWORDS);
// "REPLACE(" is also a string function; "ANALYZE" follows EXPLAIN. These count only as statement words, not functions.
const ALSO_FUNCTIONS = new Set(["REPLACE", "LOAD"]);

/**
 * The statement with comments, string literals and quoted identifiers masked (same length, quotes kept), plus the
 * quoted texts found, so keywords can be searched for without matching inside them.
 * @example maskSql("SELECT 'drop' -- x").masked // "SELECT '    '     "
 */
export function maskSql(sql: string): {masked: string; quoted: string[]; unterminated: boolean} {
  let masked = "";
  const quoted: string[] = [];
  let i = 0;
  while (i < sql.length) {
    const c = sql[i];
    if (c === "-" && sql[i + 1] === "-") {
      const end = sql.indexOf("\n", i);
      const stop = end === -1 ? sql.length : end;
      masked += " ".repeat(stop - i);
      i = stop;
    } else if (c === "/" && sql[i + 1] === "*") {
      const end = sql.indexOf("*/", i + 2);
      if (end === -1) return {masked: masked + " ".repeat(sql.length - i), quoted, unterminated: true};
      masked += " ".repeat(end + 2 - i);
      i = end + 2;
    } else if (c === "'" || c === '"') {
      let j = i + 1;
      let text = "";
      for (;;) {
        if (j >= sql.length) return {masked: masked + c + " ".repeat(sql.length - i - 1), quoted, unterminated: true};
        if (sql[j] === c && sql[j + 1] === c) {
          text += c;
          j += 2;
        } else if (sql[j] === c) break;
        else text += sql[j++];
      }
      quoted.push(text);
      masked += c + " ".repeat(j - i - 1) + c;
      i = j + 1;
    } else if (c === "$" && /^\$\w*\$/.test(sql.slice(i))) {
      const tag = sql.slice(i).match(/^\$\w*\$/)![0];
      const end = sql.indexOf(tag, i + tag.length);
      if (end === -1) return {masked: masked + " ".repeat(sql.length - i), quoted, unterminated: true};
      quoted.push(sql.slice(i + tag.length, end));
      masked += "'" + " ".repeat(end + tag.length - i - 2) + "'";
      i = end + tag.length;
    } else {
      masked += c;
      i++;
    }
  }
  return {masked, quoted, unterminated: false};
}

const refuse = (zh: string, en: string): ReadOnlyCheck => ({ok: false, message: {zh, en}});

/**
 * Whether `sql` may run in the read-only workbench; on success `sql` is the statement without a trailing semicolon.
 * @example checkReadOnly("DROP TABLE income_national").ok // false
 * @example checkReadOnly("SELECT * FROM income_national;") // {ok: true, sql: "SELECT * FROM income_national"}
 */
export function checkReadOnly(sql: string): ReadOnlyCheck {
  const {masked, quoted, unterminated} = maskSql(sql);
  if (unterminated) return refuse("查询中有未闭合的引号或注释。", "The query has an unclosed quote or comment.");
  const statements = masked.split(";").filter((part) => part.trim() !== "");
  if (statements.length === 0) return refuse("请输入一条查询。", "Enter a query.");
  if (statements.length > 1) {
    return refuse("一次只能运行一条语句（去掉多余的分号）。", "Only one statement can run at a time (remove the extra semicolons).");
  }
  const words = [...masked.matchAll(/[A-Za-z_][A-Za-z0-9_]*/g)].map((m) => ({word: m[0].toUpperCase(), end: m.index! + m[0].length}));
  const first = words[0]?.word;
  if (!first || !READ_STARTS.includes(first)) {
    return refuse(
      `只允许只读查询（SELECT、WITH、FROM、DESCRIBE、SUMMARIZE…），不能运行 ${first ?? "这条语句"}。`,
      `Only read-only queries (SELECT, WITH, FROM, DESCRIBE, SUMMARIZE…) can run, not ${first ?? "this statement"}.`
    );
  }
  for (const {word, end} of words) {
    const isCall = /^\s*\(/.test(masked.slice(end));
    if (WORD_STARTS_WRITE.has(word) && !(isCall && ALSO_FUNCTIONS.has(word))) {
      return refuse(`工作台是只读的：不能使用 ${word}。`, `The workbench is read-only: ${word} is refused.`);
    }
    if (isCall && FILE_FUNCTION.test(word)) {
      return refuse(
        `工作台只查询已载入的表：不能调用读取文件或网址的函数 ${word.toLowerCase()}()。`,
        `The workbench queries only the loaded tables: ${word.toLowerCase()}(), which reads files or URLs, is refused.`
      );
    }
  }
  const path = quoted.find((text) => PATH_LIKE.test(text.trim()));
  if (path !== undefined) {
    return refuse(
      `工作台不读取文件或网址：“${path}”。`,
      `The workbench reads no files or URLs: "${path}".`
    );
  }
  const end = sql.length - (masked.length - masked.trimEnd().length);
  return {ok: true, sql: sql.slice(0, end).replace(/;\s*$/, "").trim()};
}
