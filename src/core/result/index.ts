/**
 * Public entry point of src/core/result for the edges (eslint forbids a deeper path from them).
 * The result types of an analysis.
 */
export * from './types';
