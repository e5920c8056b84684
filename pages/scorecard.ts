// What src/scorecard.md imports; scripts/bundle-pages.ts bundles it into src/bundles/scorecard.js.
export {readTable} from "../components/data/readTable.js";
export {selectRows} from "../components/data/selectRows.js";
export {sourceNote} from "../components/sourceNote.js";
export {progressChart} from "../components/charts/progressChart.js";
export {buildScorecard} from "../components/scorecard/buildScorecard.js";
export {substringFilter} from "../components/scorecard/substringFilter.js";
export {STATUSES, scorecardTable, statusCounts, statusText} from "../components/scorecard/scorecardTable.js";
export {t} from "../components/i18n.js";
export {chartFigure} from "../components/chartFigure.js";
