import { findDifferences } from './appraisal/differences';
import { checkTable } from './check/checkTable';
import { Flag, FLAG_SEVERITY, FlagParams } from './check/flag';
import { SheetGrid, WorkbookGrid } from './grid';
import { ScoringTable } from './model/types';
import { Points } from './number/points';
import { isConsolidationSheetName } from './consolidate/sheetNames';
import { SUMMARY_SHEET_NAME } from './plan/summarySheet';
import { TIER_SHEET_NAME } from './plan/tierSheet';
import { BUILTIN_PROFILES, crossCheck, identifyAppendix, Profile, ProfileAppendix, profileTiers } from './profile/profile';
import { choiceForSheet, ColumnChoices } from './recognise/reading';
import { ResolvedColumns } from './recognise/columnRoles';
import { FieldResult, SheetAnalysis, SkippedSheet, WorkbookAnalysis } from './result/types';
import { findSheetTables } from './sheetTables';
import { a1, columnLetters } from './address';
import { mergeTitleFacts, TitleFacts } from './identity/titleFacts';
import { scoreTable, TableScore } from './score/scoreTable';

/**
 * The whole analysis on plain data: recognise → build the tree → score → check. It stops before the
 * plan: only a writer plans (plan/planWorkbook.ts), so the JSON result, the report and each commune
 * of a consolidation never build cells or a summary sheet they would not write.
 * Every host (Office.js, ExcelJS, the browser) calls this and nothing else of the core's inner steps.
 */

export type { FieldResult, SheetAnalysis, SkippedSheet, WorkbookAnalysis } from './result/types';

export interface AnalyseOptions {
  /** A profile to cross-check against; 'auto' (default) uses a built-in one whose appendix a sheet matches; null none. */
  profile?: Profile | null | 'auto';
  /** The assessment year evidence must date from; default: "năm 2023" in a sheet's title rows (else an earlier sheet's). */
  assessmentYear?: number;
  /** The user's choice of column per role, by sheet ("*": every sheet); overrides the inference. */
  columns?: ColumnChoices;
}

function fieldResult(score: TableScore, i: number): FieldResult {
  const table = score.table;
  const f = score.figures;
  const appraised = f.appraised[i];
  return {
    code: table.criteria.code[i],
    label: table.criteria.rawCode[i],
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
  // A profile named by the user applies as it is; a built-in one only to a table that is its rubric.
  const forced = option !== undefined && option !== 'auto';
  const candidates = forced ? [option as Profile] : BUILTIN_PROFILES;
  for (let i = 0; i < candidates.length; i++) {
    const appendix = identifyAppendix(candidates[i], table, forced);
    if (appendix) return { profile: candidates[i], appendix: appendix };
  }
  return { profile: null, appendix: null };
}

function byRow(a: Flag, b: Flag): number {
  return a.row - b.row || a.col - b.col;
}

/** `workbookYear`: the assessment year an earlier sheet's titles gave, for a sheet whose titles do not say. */
export function analyseSheetTables(sheet: SheetGrid, options?: AnalyseOptions, workbookYear?: number | null): { tables: Array<SheetAnalysis & { profile: Profile | null }>; summary: boolean } {
  const found = findSheetTables(sheet, { assessmentYear: options && options.assessmentYear, choice: choiceForSheet(options ? options.columns : null, sheet.name), workbookYear: workbookYear || null });
  const tables: Array<SheetAnalysis & { profile: Profile | null }> = [];
  for (let i = 0; i < found.tables.length; i++) {
    const t = found.tables[i];
    tables.push(analyseTable(sheet, t.table, t.resolved, i + 1, options, t.year, t.titleFacts));
  }
  return { tables: tables, summary: found.summary };
}

/** The first table of a sheet, or null (kept for callers that read one table per sheet). */
export function analyseSheet(sheet: SheetGrid, options?: AnalyseOptions, workbookYear?: number | null): (SheetAnalysis & { profile: Profile | null }) | null {
  const found = analyseSheetTables(sheet, options, workbookYear);
  return found.tables.length ? found.tables[0] : null;
}

function analyseTable(
  sheet: SheetGrid,
  table: ScoringTable,
  resolved: ResolvedColumns,
  tableIndex: number,
  options: AnalyseOptions | undefined,
  year: number | null,
  titleFacts: TitleFacts,
): SheetAnalysis & { profile: Profile | null } {
  const chosen = chooseProfile(options ? options.profile : undefined, table);
  const score = scoreTable(table, { profileTiers: profileTiers(chosen.appendix) });
  let flags = checkTable(score, { assessmentYear: year });
  if (chosen.profile && chosen.appendix) flags = flags.concat(crossCheck(chosen.profile, chosen.appendix, score));
  flags = flags.concat(readingFlags(sheet.name, table, resolved));
  flags.sort(byRow);
  const fields: FieldResult[] = [];
  for (let i = 0; i < table.rootIndexes.length; i++) fields.push(fieldResult(score, table.rootIndexes[i]));
  return {
    name: sheet.name,
    tableIndex: tableIndex,
    reading: resolved.reading,
    table: table,
    score: score,
    fields: fields,
    appendix: chosen.appendix,
    flags: flags,
    titleFacts: titleFacts,
    profile: chosen.profile,
  };
}

/** Doubts about the reading itself: a column choice nothing settled, rows that read two ways. */
function readingFlags(sheetName: string, table: ScoringTable, resolved: ResolvedColumns): Flag[] {
  const flags: Flag[] = [];
  const header = table.header;
  for (let i = 0; i < resolved.ambiguities.length; i++) {
    const a = resolved.ambiguities[i];
    const params: FlagParams = {
      role: a.role,
      chosen: columnLetters(a.chosen),
      chosenLabel: header.labels[a.chosen] || '',
      other: columnLetters(a.other),
      otherLabel: header.labels[a.other] || '',
    };
    if (a.yearUnknown) params.yearUnknown = 1;
    if (a.hiddenUnknown) params.hiddenUnknown = 1;
    flags.push({ kind: 'ambiguous-column', severity: FLAG_SEVERITY['ambiguous-column'], sheet: sheetName, cell: a1(header.top, a.chosen), row: header.top, col: a.chosen, code: '', params: params });
  }
  const codeCol = table.columns.code !== undefined ? table.columns.code : table.columns.name!;
  for (let i = 0; i < table.structureDoubts.length; i++) {
    const d = table.structureDoubts[i];
    flags.push({
      kind: 'ambiguous-structure',
      severity: FLAG_SEVERITY['ambiguous-structure'],
      sheet: sheetName,
      cell: a1(d.row, codeCol),
      row: d.row,
      col: codeCol,
      code: d.code,
      params: { rows: d.rows, reading: d.reading },
    });
  }
  return flags;
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
    // The tool's own sheets: the summary, the consolidation's, and the hidden sheet of levels the
    // annotated copy's drop-downs read (plan/sheetRules.ts): never read as tables, never reported.
    if (sheet.name === SUMMARY_SHEET_NAME || sheet.name === TIER_SHEET_NAME || isConsolidationSheetName(sheet.name)) {
      skipped.push({ name: sheet.name, reason: 'tool-owned' });
      continue;
    }
    const found = analyseSheetTables(sheet, options, workbookYear);
    if (found.tables.length === 0) {
      const reason = found.summary ? 'summary' : 'not-a-scoring-table';
      skipped.push({ name: sheet.name, reason: reason });
      flags.push({
        kind: found.summary ? 'summary-sheet' : 'not-a-scoring-table',
        severity: FLAG_SEVERITY[found.summary ? 'summary-sheet' : 'not-a-scoring-table'],
        sheet: sheet.name,
        cell: '',
        row: -1,
        col: -1,
        code: '',
        params: {},
      });
      continue;
    }
    for (let t = 0; t < found.tables.length; t++) {
      const analysis = found.tables[t];
      if (analysis.profile && !profile) profile = analysis.profile;
      if (workbookYear === null) workbookYear = analysis.titleFacts.year;
      sheets.push(analysis);
      flags = flags.concat(analysis.flags);
      total.max += analysis.score.selfAssessableMax;
      total.self += analysis.score.self;
      if (analysis.score.appraised !== null) {
        total.appraised = (total.appraised || 0) + analysis.score.appraised;
        total.appraisedMax = (total.appraisedMax || 0) + analysis.score.selfAssessableMax;
      }
    }
  }
  const appraisal = findDifferences(sheets);
  const facts: TitleFacts[] = [];
  for (let i = 0; i < sheets.length; i++) facts.push(sheets[i].titleFacts);
  return {
    fileName: workbook.fileName,
    sheets: sheets,
    skipped: skipped,
    flags: flags,
    total: total,
    profile: profile,
    titleFacts: mergeTitleFacts(facts),
    differences: appraisal.differences,
    lostByField: appraisal.lostByField,
  };
}

export function countBySeverity(flags: Flag[]): { error: number; warning: number; info: number } {
  const counts = { error: 0, warning: 0, info: 0 };
  for (let i = 0; i < flags.length; i++) counts[flags[i].severity]++;
  return counts;
}
