/**
 * The sheet rules' builder as a top-level module of the core, for an edge that loads it on demand (the
 * pane, at its first write in Excel), so the rules' code is not in the pane's first load.
 */
export { buildSheetRules } from './plan/sheetRules';
