import {html} from "htl";

/** The parts of a loader manifest a reader needs to judge a figure's origin. */
export interface ManifestSummary {
  dataset: string;
  source: {file: string; sha256: string; notes?: string};
  rows: number;
  missing: number;
  generatedAt: string;
}

/**
 * A footnote naming where a figure's data came from: the publisher, the bundled file, its hash and when the
 * loader ran. Pages put one under every chart or table.
 * @example sourceNote(manifest, {publisher: "国家统计局 National Bureau of Statistics"})
 */
export function sourceNote(manifest: ManifestSummary, {publisher = "国家统计局 National Bureau of Statistics of China"} = {}) {
  return html`<p class="source-note" data-source=${manifest.dataset}>
    来源 Source: ${publisher}. File <code>${manifest.source.file}</code> (sha256 ${manifest.source.sha256.slice(0, 12)}…,
    ${manifest.rows} rows, ${manifest.missing} missing), loaded ${manifest.generatedAt.slice(0, 16).replace("T", " ")} UTC.
    ${manifest.source.notes ? html`<br />${manifest.source.notes}` : ""}
  </p>`;
}
