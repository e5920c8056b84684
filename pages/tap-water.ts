// What src/tap-water.md imports; scripts/bundle-pages.ts bundles it into src/bundles/tap-water.js.
export {readTable} from "../components/data/readTable.js";
export {firstChartDrawn, loadWhenIdle} from "../components/data/whenIdle.js";
export {selectRows} from "../components/data/selectRows.js";
export {sourceNote} from "../components/sourceNote.js";
export {t} from "../components/i18n.js";
export {formatPercent} from "../components/format.js";
export {HORIZON} from "../components/plan.js";
export {coverageChart} from "../components/charts/coverageChart.js";
export {dataTable} from "../components/tables/dataTable.js";
export {missingYears, yearRuns} from "../components/model/years.js";
export {seriesAt} from "../components/scenario/model.js";
export {fraction, gainNeeded, reachedYears, tapWaterModel} from "../components/notebooks/tapWaterModel.js";
export {coverageTableRows, gainNeededView, reachedText, targetPassedNote} from "../components/notebooks/tapWaterViews.js";
export {observationNote, targetMeta} from "../components/scorecard/planMeta.js";
export {loadNotebookTools} from "../components/loadNotebookTools.js";
export {chartSlot} from "../components/chartSlot.js";
