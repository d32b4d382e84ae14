/**
 * Public entry point of src/core/score for the edges (eslint forbids a deeper path from them).
 * Tiers and exact scoring.
 */
export * from './scoreTable';
