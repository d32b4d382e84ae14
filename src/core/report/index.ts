/**
 * Public entry point of src/core/report for the edges (eslint forbids a deeper path from them).
 * Report text, the self-assessment report as data, the JSON result, the reading summary.
 */
export * from './jsonResult';
export * from './readingSummary';
export * from './reportText';
export * from './selfAssessmentReport';
