import {html} from "htl";
import {t, type Text} from "./i18n.js";
import {formatNumber} from "./format.js";
// The default publisher lives with the downloads' source lines, so notes and files name it alike.
import {NBS} from "./download/fileSource.js";

/** The parts of a loader manifest a reader needs to judge a figure's origin. */
export interface ManifestSummary {
  dataset: string;
  source: {file: string; sha256: string; notes?: string};
  rows: number;
  missing: number;
  generatedAt: string;
}

/**
 * A footnote naming where a section's figures came from: the publisher, the bundled file, its hash and when the
 * loader ran. Pages put one per section (and another only where a chart uses another source).
 * @example sourceNote(manifest, {publisher: {zh: "国家统计局", en: "National Bureau of Statistics"}})
 */
export function sourceNote(manifest: ManifestSummary, {publisher = NBS}: {publisher?: Text} = {}) {
  return html`<p class="source-note" data-source=${manifest.dataset}>
    ${t({zh: "来源", en: "Source"})}: ${t(publisher)}. ${t({zh: "文件", en: "File"})} <code>${manifest.source.file}</code>
    (sha256 ${manifest.source.sha256.slice(0, 12)}…, ${formatNumber(manifest.rows)} ${t({zh: "行", en: "rows"})},
    ${formatNumber(manifest.missing)} ${t({zh: "缺失", en: "missing"})}), ${t({zh: "载入于", en: "loaded"})}
    ${manifest.generatedAt.slice(0, 16).replace("T", " ")} UTC.
    ${manifest.source.notes ? html`<br />${manifest.source.notes}` : ""}
  </p>`;
}
