/**
 * Public entry point of src/core/model for the edges (eslint forbids a deeper path from them).
 * The criterion tree of a table.
 */
export * from './types';
