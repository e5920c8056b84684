// The grid's own CSS, put in a <style> inside the component so a page needs no stylesheet import. Uses Framework's
// theme variables, so light and dark themes both work.

/** CSS for `.scenario-grid`: compact cells, a visible focus ring, a tint for the selected range and locked columns. */
export const GRID_STYLE = `
.scenario-grid { overflow-x: auto; position: relative; max-width: 100%; }
.scenario-grid .fill-handle { position: absolute; width: 7px; height: 7px; background: var(--theme-foreground-focus, #3b5fc0); border: 1px solid var(--theme-background, #fff); cursor: crosshair; }
/* One font for the cells and the editor laid over them (not inside the table), set before tabular-nums: Framework's table font. */
.scenario-grid table, .scenario-grid .grid-editor { font: 13px/1.2 var(--sans-serif, system-ui, sans-serif); }
.scenario-grid table { border-collapse: collapse; font-variant-numeric: tabular-nums; width: 100%; max-width: none; }
.scenario-grid th, .scenario-grid td { border: 1px solid var(--theme-foreground-faintest, #ddd); padding: 2px 8px; height: 1.8em; vertical-align: middle; }
.scenario-grid thead th { background: var(--theme-background-alt, #f6f6f6); text-align: left; font-weight: 600; }
.scenario-grid th[role=rowheader] { background: var(--theme-background-alt, #f6f6f6); font-weight: 500; }
.scenario-grid td { text-align: right; cursor: cell; user-select: none; min-width: 6em; }
.scenario-grid td.locked, .scenario-grid th.locked { color: var(--theme-foreground-muted, #666); background: var(--theme-background-alt, #f6f6f6); cursor: default; }
.scenario-grid td.selected { background: color-mix(in srgb, var(--theme-foreground-focus, #3b5fc0) 14%, transparent); }
.scenario-grid td.active { outline: 2px solid var(--theme-foreground-focus, #3b5fc0); outline-offset: -2px; }
.scenario-grid td:focus-visible, .scenario-grid td:focus { outline: 3px solid var(--theme-foreground-focus, #3b5fc0); outline-offset: -3px; }
.scenario-grid .grid-editor { position: absolute; z-index: 1; margin: 0; box-sizing: border-box; padding: 2px 8px; font-variant-numeric: tabular-nums; text-align: right; border: none; outline: 3px solid var(--theme-foreground-focus, #3b5fc0); outline-offset: -3px; background: var(--theme-background, #fff); color: inherit; }
.scenario-grid .grid-message { margin-top: 4px; color: var(--theme-red, #c0392b); white-space: pre-line; font-size: 0.9em; }
`;
