/**
 * Public entry point of src/core/check for the edges (eslint forbids a deeper path from them).
 * Flags: what the checks report about a table.
 */
export * from './flag';
