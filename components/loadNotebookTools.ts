// The scenario tools (grid, scenarios, compare, solve, sensitivity, Monte Carlo, reports and their charts) in one dynamic
// import, so a notebook's first chart does not wait for them: `await loadWhenIdle(loadNotebookTools, {after: table})`.

/** Loads components/notebookTools.ts (in a bundled page, a chunk of its own). */
export const loadNotebookTools = () => import("./notebookTools.js");
