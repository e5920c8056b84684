// What src/income-gap.md imports; scripts/bundle-pages.ts bundles it into src/bundles/income-gap.js.
export {readTable} from "../components/data/readTable.js";
export {firstChartDrawn, loadWhenIdle} from "../components/data/whenIdle.js";
export {selectRows} from "../components/data/selectRows.js";
export {sourceNote} from "../components/sourceNote.js";
export {t} from "../components/i18n.js";
export {formatNumber, formatQuantity} from "../components/format.js";
export {HORIZON, PLAN_BASE_YEAR, PLAN_TARGET_YEAR} from "../components/plan.js";
export {incomeLevelsChart} from "../components/charts/incomeLevelsChart.js";
export {gapChart} from "../components/charts/gapChart.js";
export {compositionChart} from "../components/charts/compositionChart.js";
export {dataTable} from "../components/tables/dataTable.js";
export {seriesAt} from "../components/scenario/model.js";
export {incomeGapModel} from "../components/notebooks/incomeGapModel.js";
export {incomeYears} from "../components/model/incomeRows.js";
export {withGap} from "../components/model/incomeProjection.js";
export {loadNotebookTools} from "../components/loadNotebookTools.js";
export {chartSlot} from "../components/chartSlot.js";
export {once} from "../components/once.js";
