/**
 * Public entry point of the self-assessment report as data, apart from src/core/report because the
 * pane loads it on demand (its own chunk, "report"): importing it through the folder's entry point
 * would put it in the pane's first bundle.
 */
export * from './report/selfAssessmentReport';
