// The source and version lines of a downloaded file, from the same manifests and publisher a page passes to
// sourceNote: one rule, so every file names its origin the way the page does.
import {t, type Text} from "../i18n.js";
import {dataVersion, type ManifestVersion} from "./tableFile.js";

/** The manifest fields a file's source line needs. */
export interface SourceManifest extends ManifestVersion {
  source: {file: string; sha256: string; notes?: string};
}

/** What a page passes to put download buttons on a table or chart: a file name and where the figures come from. */
export interface DownloadSpec {
  /** The file name without extension, e.g. "income-levels". */
  name: string;
  /** The manifests of the datasets the figures come from. */
  manifests: SourceManifest | readonly SourceManifest[];
  /** Who published the figures (default 国家统计局), as in sourceNote. */
  publisher?: Text;
  /** Another publisher for some datasets, by dataset id (e.g. the hukou rate from the Ministry of Public Security). */
  publishers?: Readonly<Record<string, Text>>;
  /** A note written in the file, e.g. that projected areas built on a lower bound are lower bounds. */
  note?: Text;
}

/** The note of every file holding projected values. */
export const SCENARIO_NOTE: Text = {
  zh: "推算值是所示假设下的情景，不是预测，也不是官方统计。",
  en: "Projected values are scenarios from the assumptions shown, not forecasts and not official statistics."
};

/** The National Bureau of Statistics, the publisher when none is named. */
export const NBS: Text = {zh: "国家统计局", en: "National Bureau of Statistics of China"};

/**
 * The source line and data version of a file: for each dataset the publisher (current language), the bundled file and
 * its notes; the version from dataVersion.
 * @example fileSource({name: "x", manifests: manifest}) // {source: "国家统计局: data/national/income_national.csv (…notes)", version: "income-national sha256 e4df7138dbba (2026-12-01)"}
 */
export function fileSource({name, manifests, publisher = NBS, publishers = {}}: DownloadSpec): {source: string; version: string} {
  const list = Array.isArray(manifests) ? (manifests as readonly SourceManifest[]) : [manifests as SourceManifest];
  list.forEach((m, i) => {
    // In a page, a FileAttachment's .json() is still a promise in the cell that made it; other cells see the manifest.
    if (typeof m?.source?.file !== "string") throw new Error(`download "${name}": manifest ${i + 1} is not a loader manifest (a promise? use it from another cell)`);
  });
  const source = list
    .map((m) => `${t(publishers[m.dataset] ?? publisher)}: ${m.source.file}${m.source.notes ? ` (${m.source.notes})` : ""}`)
    .join(" | ");
  return {source, version: dataVersion(list)};
}
