// What src/income-provinces.md imports; scripts/bundle-pages.ts bundles it into src/bundles/income-provinces.js.
export {readTable} from "../components/data/readTable.js";
export {firstChartDrawn, loadWhenIdle} from "../components/data/whenIdle.js";
export {selectRows} from "../components/data/selectRows.js";
export {sourceNote} from "../components/sourceNote.js";
export {t} from "../components/i18n.js";
export {formatNumber} from "../components/format.js";
export {HORIZON, MILESTONE_YEAR, PLAN_TARGET_YEAR} from "../components/plan.js";
export {yearRuns} from "../components/model/years.js";
export {dataTable} from "../components/tables/dataTable.js";
export {chartFigure} from "../components/chartFigure.js";
export {seriesAt} from "../components/scenario/model.js";
export {incomeRankFigure, incomeTiles, incomeTrendFigure} from "../components/notebooks/incomeProvincesViews.js";
export {DEFAULT_TARGET_RATIO, incomeProvincesModel, provinceGaps, provinceIncomes, provinceName, provinceStarts, startYearsText} from "../components/notebooks/incomeProvincesModel.js";
export {loadNotebookTools} from "../components/loadNotebookTools.js";
export {chartSlot} from "../components/chartSlot.js";
