// The "Publish report" button of a scenario notebook: asks for a title (author and note optional) in a modal dialog
// and downloads <slug>.json, the report file that goes into reports/ (see docs/reports.md).
import {t} from "../i18n.js";
import type {ScenarioManagerElement} from "../ScenarioManager.js";
import {reportModel} from "./models.js";
import {buildReport, reportDate, reportText, slugify, type ReportModelSpec} from "./schema.js";

/** The manifest fields a report records. */
export interface PublishedManifest {
  dataset: string;
  source: {sha256: string};
  rows: number;
}

/** The button and its dialog; `lastReport` is the text of the last file downloaded (for tests and a copy). */
export interface PublishReportElement extends HTMLDivElement {
  lastReport: string | null;
}

let dialogs = 0;

/**
 * A button that publishes the panel's scenarios as a report file. `datasets`: the manifests of the data the page
 * used; `data`: the model's data for the headline figures (default: the panel's `data` when the report is built).
 * @example display(PublishReport(manager, {datasets: [manifest]}))
 */
export function PublishReport<D>(
  manager: ScenarioManagerElement<D>,
  {datasets, data, now = () => new Date()}: {datasets: readonly PublishedManifest[]; data?: D; now?: () => Date}
): PublishReportElement {
  const model = manager.model;
  const spec: ReportModelSpec<D> = reportModel(model.id) ?? {id: model.id, model, datasets: datasets.map((d) => d.dataset), headline: []};
  const id = `publish-report-${++dialogs}`;
  const root = el("div", {class: "publish-report no-print"}) as PublishReportElement;
  root.lastReport = null;
  const open = el("button", {type: "button", class: "publish-report-button", "aria-haspopup": "dialog"}, t({zh: "发布报告", en: "Publish report"})) as HTMLButtonElement;
  const status = el("p", {class: "publish-report-status", role: "status", "aria-live": "polite"});
  // The title is checked here, not by the browser's own validation bubble, so the message is in the page's language.
  const dialog = el("dialog", {class: "publish-report-dialog", "aria-labelledby": `${id}-heading`}) as HTMLDialogElement;
  const form = el("form", {method: "dialog"}) as HTMLFormElement;
  const field = (name: string, label: string, control: HTMLElement) => {
    control.id = `${id}-${name}`;
    control.setAttribute("name", name);
    const wrap = el("p", {class: "publish-report-field"});
    wrap.append(el("label", {for: control.id}, label), control);
    return wrap;
  };
  const title = el("input", {type: "text", "aria-required": "true", maxlength: "200", autocomplete: "off"}) as HTMLInputElement;
  const author = el("input", {type: "text", maxlength: "120", autocomplete: "name"}) as HTMLInputElement;
  const note = el("textarea", {rows: "4", maxlength: "4000"}) as HTMLTextAreaElement;
  const error = el("p", {class: "publish-report-error", role: "alert"});
  const submit = el("button", {type: "submit", value: "publish"}, t({zh: "下载报告文件", en: "Download the report file"}));
  const cancel = el("button", {type: "button", value: "cancel"}, t({zh: "取消", en: "Cancel"}));
  form.append(
    el("h2", {id: `${id}-heading`}, t({zh: "发布报告", en: "Publish report"})),
    el("p", {}, t({
      zh: "报告会固定当前的全部情景和比较选择，并记录所用数据的版本。下载的文件放进仓库的 reports/ 目录并提交后，构建会发布它。",
      en: "The report freezes every scenario and the compare selection as they are now, and records the version of the data used. Put the downloaded file in the repository's reports/ folder and commit it; the build publishes it."
    })),
    field("title", t({zh: "标题（必填）", en: "Title (required)"}), title),
    field("author", t({zh: "作者（可选）", en: "Author (optional)"}), author),
    field("note", t({zh: "说明（可选）", en: "Note (optional)"}), note),
    error,
    submit,
    cancel
  );
  dialog.append(form);
  root.append(open, status, dialog);
  // The dialog's own fields must not reach a view() around the page.
  root.addEventListener("input", (e) => e.stopPropagation());

  open.addEventListener("click", () => {
    error.textContent = "";
    dialog.showModal();
    title.focus();
  });
  cancel.addEventListener("click", () => dialog.close("cancel"));
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    if (!title.value.trim()) {
      error.textContent = t({zh: "请填写标题", en: "A title is needed"});
      title.focus();
      return;
    }
    try {
      const date = reportDate(now());
      const report = buildReport(spec, data ?? manager.data, manager.value, {title: title.value, author: author.value, note: note.value, date}, datasets);
      const name = `${slugify(report.title, model.id, date)}.json`;
      root.lastReport = reportText(report);
      download(root, name, root.lastReport);
      dialog.close("publish");
      status.textContent = t({zh: `已下载 ${name}：放进 reports/ 并提交即可发布`, en: `Downloaded ${name}: put it in reports/ and commit it to publish`});
      open.focus();
    } catch (e) {
      error.textContent = (e as Error).message;
    }
  });
  return root;
}

function download(parent: HTMLElement, name: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], {type: "application/json"}));
  const a = el("a", {href: url, download: name}) as HTMLAnchorElement;
  parent.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

function el(tag: string, attributes: Record<string, string> = {}, text?: string): HTMLElement {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  if (text !== undefined) node.textContent = text;
  return node;
}
