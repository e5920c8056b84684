// Two buttons that save a table as CSV and XLSX, each file with the source note and data version.
import {t} from "../i18n.js";
import type {Row, TableFileOptions} from "./tableFile.js";
import {toCsv} from "./toCsv.js";

export interface DownloadOptions extends TableFileOptions {
  /** The file name without extension, e.g. "income-gap-by-province". */
  name: string;
}

/**
 * A file name safe on every system: letters (any script), digits, dot, dash and underscore; others become "-".
 * @example safeFileName("gap / 2019") // "gap-2019"
 */
export function safeFileName(name: string): string {
  return name.replace(/[^\p{L}\p{N}._-]+/gu, "-").replace(/^-+|-+$/g, "") || "table";
}

/**
 * The download buttons for a table. `rows` may be a function, read at click time (for a table that changes).
 * @example display(downloadButtons(rows, {name: "gap-by-province", source: "国家统计局", version: dataVersion(manifest)}))
 */
export function downloadButtons(rows: readonly Row[] | (() => readonly Row[]), options: DownloadOptions): HTMLElement {
  const current = () => (typeof rows === "function" ? rows() : rows);
  const group = document.createElement("div");
  group.className = "download-buttons";
  group.setAttribute("role", "group");
  group.setAttribute("aria-label", t({zh: "下载数据", en: "Download the data"}));
  const csv = button(t({zh: "下载 CSV", en: "Download CSV"}), "csv");
  const xlsx = button(t({zh: "下载 XLSX", en: "Download XLSX"}), "xlsx");
  const status = document.createElement("span");
  status.className = "download-status";
  status.setAttribute("role", "status");
  csv.addEventListener("click", () => {
    save(new Blob([toCsv(current(), options)], {type: "text/csv;charset=utf-8"}), `${safeFileName(options.name)}.csv`);
  });
  xlsx.addEventListener("click", async () => {
    xlsx.disabled = true;
    status.textContent = t({zh: "正在生成 XLSX…", en: "Making the XLSX…"});
    try {
      const {toXlsx} = await import("./toXlsx.js");
      const bytes = await toXlsx(current(), options);
      save(
        new Blob([bytes as BlobPart], {type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"}),
        `${safeFileName(options.name)}.xlsx`
      );
      status.textContent = "";
    } catch (error) {
      status.textContent = `${t({zh: "XLSX 生成失败", en: "Could not make the XLSX"})}: ${error instanceof Error ? error.message : error}`;
    } finally {
      xlsx.disabled = false;
    }
  });
  group.append(csv, xlsx, status);
  return group;
}

function button(label: string, kind: string): HTMLButtonElement {
  const b = document.createElement("button");
  b.type = "button";
  b.textContent = label;
  b.dataset.format = kind;
  return b;
}

function save(blob: Blob, fileName: string) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
