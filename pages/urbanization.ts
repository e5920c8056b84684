// What src/urbanization.md imports; scripts/bundle-pages.ts bundles it into src/bundles/urbanization.js.
export {readTable} from "../components/data/readTable.js";
export {firstChartDrawn, loadWhenIdle} from "../components/data/whenIdle.js";
export {selectRows} from "../components/data/selectRows.js";
export {sourceNote} from "../components/sourceNote.js";
export {t} from "../components/i18n.js";
export {formatNumber} from "../components/format.js";
export {HORIZON, MILESTONE_YEAR, PLAN_TARGET_YEAR} from "../components/plan.js";
export {yearRuns} from "../components/model/years.js";
export {provinceGaps} from "../components/notebooks/incomeProvincesModel.js";
export {dataTable} from "../components/tables/dataTable.js";
export {chartFigure} from "../components/chartFigure.js";
export {seriesAt} from "../components/scenario/model.js";
export {lastObserved, nationalRates, nationalRows, urbanizationModel} from "../components/notebooks/urbanizationModel.js";
export {nationalRatesFigure, nationalTableRows, provinceRatesFigure, provinceRateTiles} from "../components/notebooks/urbanizationViews.js";
export {loadNotebookTools} from "../components/loadNotebookTools.js";
export {chartSlot} from "../components/chartSlot.js";
