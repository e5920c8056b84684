// What src/farmland.md imports; scripts/bundle-pages.ts bundles it into src/bundles/farmland.js.
export {readTable} from "../components/data/readTable.js";
export {firstChartDrawn, loadWhenIdle} from "../components/data/whenIdle.js";
export {selectRows} from "../components/data/selectRows.js";
export {sourceNote} from "../components/sourceNote.js";
export {t} from "../components/i18n.js";
export {formatNumber, formatQuantity} from "../components/format.js";
export {FARMLAND_HORIZON, PLAN_TARGET_YEAR} from "../components/plan.js";
export {farmlandChart} from "../components/charts/farmlandChart.js";
export {dataTable} from "../components/tables/dataTable.js";
export {missingYears, yearRuns} from "../components/model/years.js";
export {seriesAt} from "../components/scenario/model.js";
export {farmlandFigures, farmlandModel, farmlandStart, targetsMet} from "../components/notebooks/farmlandModel.js";
export {lowerBoundPrefix, metText, observedTableRows, targetName} from "../components/notebooks/farmlandText.js";
export {HSF_2030_TARGET} from "../components/scorecard/planMeta.js";
export {loadNotebookTools} from "../components/loadNotebookTools.js";
export {chartSlot} from "../components/chartSlot.js";
