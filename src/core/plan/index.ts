/**
 * Public entry point of src/core/plan for the edges (eslint forbids a deeper path from them).
 * The write plan: SUM formulas, percentages, the summary sheet and its style, highlights, the print
 * layout of the tool's sheets, and the validations and formula highlights a scoring sheet can carry.
 */
export * from './applyToGrid';
export * from './planWorkbook';
export * from './summarySheet';
export * from './summaryStyle';
export * from './types';
export * from './highlightColors';
export * from './printLayout';
export * from './sheetRules';
export * from './chartBlock';
