/** Public surface of the scoring core, for hosts and the ES5 browser bundle. */
export { analyseWorkbook, analyseSheet, countBySeverity } from './analyse';
export type { AnalyseOptions, WorkbookAnalysis, SheetAnalysis, FieldResult } from './analyse';
export type { WorkbookGrid, SheetGrid, GridCell, CellRange } from './grid';
export type { WritePlan, CellWrite, Highlight, SummarySheet } from './plan/types';
export type { Flag, FlagKind, Severity } from './check/flag';
export { applyPlanToGrid } from './plan/applyToGrid';
export { findDifferences } from './appraisal/differences';
export type { ScoreDifference, FieldLoss } from './appraisal/differences';
export { planFillAppraised, planFillAndRecalculate, hasAppraisedColumn } from './appraisal/fillAppraised';
export { flagMessage } from './messages/catalogue';
export { reportText } from './report/reportText';
export { toJsonResult } from './report/jsonResult';
export { BUILTIN_PROFILES, validateProfile } from './profile/profile';
export { formatPoints, formatPercentHundredths } from './number/format';
export type { WorkbookHost, HostCapabilities, HostKind, ApplyOptions, ApplyReport, RevertReport, HostError, HostErrorCode } from './host';
export { isHostError } from './host';
