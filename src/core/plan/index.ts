/**
 * Public entry point of src/core/plan for the edges (eslint forbids a deeper path from them).
 * The write plan: SUM formulas, percentages, the summary sheet and its style, highlights.
 */
export * from './applyToGrid';
export * from './planWorkbook';
export * from './summarySheet';
export * from './summaryStyle';
export * from './types';
export * from './highlightColors';
export * from './printLayout';
