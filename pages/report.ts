// What src/reports/[slug].md imports; scripts/bundle-pages.ts bundles it into src/bundles/report.js.
export {t} from "../components/i18n.js";
export {sourceNote} from "../components/sourceNote.js";
export {PLAN_BASE_YEAR} from "../components/plan.js";
export {projector} from "../components/scenario/model.js";
export {targetList} from "../components/scenario/solvePanel.js";
export {reportModel} from "../components/report/models.js";
export {specModel} from "../components/report/schema.js";
export {assumptionsTable, bundleTables, dataVersion, driftBanner, driftOf, headlineTable, notebookLink, printPageStyle, reportCompareTable, reportComparisonCharts} from "../components/report/reportView.js";
