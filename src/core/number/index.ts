/**
 * Public entry point of src/core/number for the edges (eslint forbids a deeper path from them).
 * Exact points (integer millionths), Vietnamese number text, formatting per language.
 */
export * from './format';
export * from './points';
