/**
 * Public entry point of src/core/consolidate for the edges (eslint forbids a deeper path from them).
 * The district's consolidation: ranking communes, groups, rubric and duplicate checks, the two result sheets.
 */
export * from './consolidate';
export * from './groups';
