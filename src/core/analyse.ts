import { Differences, FieldLoss, findDifferences, ScoreDifference } from './appraisal/differences';
import { checkTable } from './check/checkTable';
import { Flag, FLAG_SEVERITY } from './check/flag';
import { SheetGrid, WorkbookGrid } from './grid';
import { buildTable } from './model/buildTable';
import { ScoringTable } from './model/types';
import { Lang } from './number/format';
import { Points } from './number/points';
import { buildPlan } from './plan/buildPlan';
import { isConsolidationSheetName } from './consolidate/sheetNames';
import { SUMMARY_SHEET_NAME, SummaryTableInput } from './plan/summarySheet';
import { WritePlan } from './plan/types';
import { a1 } from './address';
import { BUILTIN_PROFILES, crossCheck, identifyAppendix, Profile, ProfileAppendix, profileTiers } from './profile/profile';
import { findHeader } from './recognise/header';
import { ColumnChoices, TableReading } from './recognise/reading';
import { readTitleFacts } from './identity/titleFacts';
import { scoreTable, TableScore } from './score/scoreTable';

/**
 * The whole pipeline on plain data: recognise → build the tree → score → check → plan.
 * Every host (Office.js, ExcelJS, the browser) calls this and nothing else of the core's inner steps.
 */

export interface AnalyseOptions {
  /** A profile to cross-check against; 'auto' (default) uses a built-in one whose appendix a sheet matches; null none. */
  profile?: Profile | null | 'auto';
  /** Language of the summary sheet. */
  lang?: Lang;
  /** The assessment year evidence must date from; default: "năm 2023" in a sheet's title rows (else an earlier sheet's). */
  assessmentYear?: number;
  /** The user's choice of column per role, by sheet ("*": every sheet); overrides the inference. */
  columns?: ColumnChoices;
}

export interface FieldResult {
  code: string;
  name: string;
  /** Self-assessable maximum (survey criteria excluded). */
  max: Points;
  /** Maximum of survey (ĐTXHH) criteria under the field, not self-scored. */
  surveyMax: Points;
  self: Points;
  appraised: Points | null;
  row: number;
  address: string;
}

export interface SheetAnalysis {
  /** The worksheet's name; a sheet holding several tables (Phụ lục 1 then Phụ lục 2) gives one analysis each. */
  name: string;
  /** 1-based position of the table in its sheet. */
  tableIndex: number;
  /** How the table was read: header rows, the column of each role and why, the alternatives. */
  reading: TableReading;
  table: ScoringTable;
  score: TableScore;
  fields: FieldResult[];
  appendix: ProfileAppendix | null;
  flags: Flag[];
}

export interface SkippedSheet {
  name: string;
  reason: 'not-a-scoring-table' | 'tool-owned' | 'summary';
}

export interface WorkbookAnalysis {
  fileName?: string;
  sheets: SheetAnalysis[];
  skipped: SkippedSheet[];
  /** Every flag, sheet by sheet, in row order. */
  flags: Flag[];
  /**
   * Workbook totals. `appraised` sums the sheets that have an appraised column, and `appraisedMax` is
   * their self-assessable maximum, the base of the appraised percentage (null without such a sheet).
   */
  total: { max: Points; self: Points; appraised: Points | null; appraisedMax: Points | null };
  profile: Profile | null;
  plan: WritePlan;
  /** Appraisal: leaves whose appraised score differs from the self-score (empty without an appraised column). */
  differences: ScoreDifference[];
  /** Appraisal: points lost per field of every sheet with an appraised column (self - appraised over appraised leaves). */
  lostByField: FieldLoss[];
}

function fieldResult(score: TableScore, i: number): FieldResult {
  const table = score.table;
  const f = score.figures;
  const appraised = f.appraised[i];
  return {
    code: table.criteria.code[i],
    name: table.criteria.name[i],
    max: f.selfAssessableMax[i],
    surveyMax: f.max[i] - f.selfAssessableMax[i],
    self: f.self[i],
    appraised: appraised === appraised ? appraised : null, // NaN: no appraised column
    row: table.criteria.row[i],
    address: a1(table.criteria.row[i], table.columns.code !== undefined ? table.columns.code : table.columns.name!),
  };
}

function chooseProfile(option: AnalyseOptions['profile'], table: ScoringTable): { profile: Profile | null; appendix: ProfileAppendix | null } {
  if (option === null) return { profile: null, appendix: null };
  const candidates = option === undefined || option === 'auto' ? BUILTIN_PROFILES : [option];
  for (let i = 0; i < candidates.length; i++) {
    const appendix = identifyAppendix(candidates[i], table);
    if (appendix) return { profile: candidates[i], appendix: appendix };
  }
  return { profile: null, appendix: null };
}

/** Stand-in until the header inference lands: the header's columns, each by its header. */
function provisionalReading(table: ScoringTable): TableReading {
  const roles: TableReading['roles'] = [];
  const columns: TableReading['columns'] = [];
  for (const col in table.header.labels) if (Object.prototype.hasOwnProperty.call(table.header.labels, col)) columns.push({ col: +col, label: table.header.labels[+col] });
  for (const role in table.columns) {
    const col = (table.columns as { [r: string]: number })[role];
    roles.push({ role: role as TableReading['roles'][number]['role'], col: col, label: table.header.labels[col] || '', reason: 'header', alternatives: [] });
  }
  return { headerTop: table.header.top, headerBottom: table.header.bottom, lastRow: table.header.firstBodyRow, roles: roles, columns: columns, hiddenKnown: false };
}

function byRow(a: Flag, b: Flag): number {
  return a.row - b.row || a.col - b.col;
}

/** `workbookYear`: the assessment year an earlier sheet's titles gave, for a sheet whose titles do not say. */
export function analyseSheet(sheet: SheetGrid, options?: AnalyseOptions, workbookYear?: number | null): (SheetAnalysis & { profile: Profile | null }) | null {
  const header = findHeader(sheet);
  if (!header) return null;
  const table = buildTable(sheet, header);
  if (table.criteria.row.length === 0) return null;
  const chosen = chooseProfile(options ? options.profile : undefined, table);
  const score = scoreTable(table, { profileTiers: profileTiers(chosen.appendix) });
  const year = (options && options.assessmentYear) || readTitleFacts(table.titleLines, sheet.name).year || workbookYear || null;
  let flags = checkTable(score, { assessmentYear: year });
  if (chosen.profile && chosen.appendix) flags = flags.concat(crossCheck(chosen.profile, chosen.appendix, score));
  flags.sort(byRow);
  const fields: FieldResult[] = [];
  for (let i = 0; i < table.rootIndexes.length; i++) fields.push(fieldResult(score, table.rootIndexes[i]));
  return { name: sheet.name, tableIndex: 1, reading: provisionalReading(table), table: table, score: score, fields: fields, appendix: chosen.appendix, flags: flags, profile: chosen.profile };
}

export function analyseWorkbook(workbook: WorkbookGrid, options?: AnalyseOptions): WorkbookAnalysis {
  const sheets: SheetAnalysis[] = [];
  const skipped: SkippedSheet[] = [];
  let flags: Flag[] = [];
  let profile: Profile | null = null;
  const total = { max: 0, self: 0, appraised: null as Points | null, appraisedMax: null as Points | null };
  let workbookYear: number | null = null;
  for (let i = 0; i < workbook.sheets.length; i++) {
    const sheet = workbook.sheets[i];
    if (sheet.name === SUMMARY_SHEET_NAME || isConsolidationSheetName(sheet.name)) {
      skipped.push({ name: sheet.name, reason: 'tool-owned' });
      continue;
    }
    const analysis = analyseSheet(sheet, options, workbookYear);
    if (!analysis) {
      skipped.push({ name: sheet.name, reason: 'not-a-scoring-table' });
      flags.push({ kind: 'not-a-scoring-table', severity: FLAG_SEVERITY['not-a-scoring-table'], sheet: sheet.name, cell: '', row: -1, col: -1, code: '', params: {} });
      continue;
    }
    if (analysis.profile && !profile) profile = analysis.profile;
    if (workbookYear === null) workbookYear = readTitleFacts(analysis.table.titleLines, sheet.name).year;
    sheets.push(analysis);
    flags = flags.concat(analysis.flags);
    total.max += analysis.score.selfAssessableMax;
    total.self += analysis.score.self;
    if (analysis.score.appraised !== null) {
      total.appraised = (total.appraised || 0) + analysis.score.appraised;
      total.appraisedMax = (total.appraisedMax || 0) + analysis.score.selfAssessableMax;
    }
  }
  const tables: SummaryTableInput[] = [];
  for (let i = 0; i < sheets.length; i++) {
    const s = sheets[i];
    tables.push({ sheet: s.name, fields: s.fields, max: s.score.selfAssessableMax, self: s.score.self, appraised: s.score.appraised });
  }
  const appraisal: Differences = findDifferences(sheets);
  const plan = buildPlan(
    workbook,
    sheets.map(function (s) {
      return s.score;
    }),
    flags,
    { fileName: workbook.fileName, tables: tables, max: total.max, self: total.self, appraised: total.appraised, appraisedMax: total.appraisedMax, flags: flags, lang: options && options.lang ? options.lang : 'vi', appraisal: appraisal },
  );
  return {
    fileName: workbook.fileName,
    sheets: sheets,
    skipped: skipped,
    flags: flags,
    total: total,
    profile: profile,
    plan: plan,
    differences: appraisal.differences,
    lostByField: appraisal.lostByField,
  };
}

export function countBySeverity(flags: Flag[]): { error: number; warning: number; info: number } {
  const counts = { error: 0, warning: 0, info: 0 };
  for (let i = 0; i < flags.length; i++) counts[flags[i].severity]++;
  return counts;
}

