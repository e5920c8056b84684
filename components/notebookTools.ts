// The scenario section's tools, in one module that a notebook page imports dynamically once its first chart is drawn
// (`loadWhenIdle`): the grid, named scenarios, publishing, comparison, solving, sensitivity and their charts are about
// half of a notebook's JavaScript, none of it needed to read the page's observed figures (docs/performance.md).
export * as Inputs from "@observablehq/inputs";
export {ScenarioManager} from "./ScenarioManager.js";
export {PublishReport} from "./report/PublishReport.js";
export {scenarioResults} from "./scenario/results.js";
export {compareTable} from "./scenario/compareTable.js";
export {SolveForm, solveResult, targetList} from "./scenario/solvePanel.js";
export {monteCarloBand, sensitivityGrid, setColumn, tornadoOf} from "./scenario/analysis.js";
export {scenarioLinesChart} from "./charts/scenarioLinesChart.js";
export {tornadoChart} from "./charts/tornadoChart.js";
export {sensitivityHeatTable} from "./charts/sensitivityHeatTable.js";
export {bandChart} from "./charts/bandChart.js";
export {labelInputs} from "./labelInputs.js";
