/**
 * Public entry point of src/core/recognise for the edges (eslint forbids a deeper path from them).
 * Header rows, column roles and how a table was read.
 */
export * from './header';
export * from './reading';
