import { Differences, FieldLoss, findDifferences, ScoreDifference } from './appraisal/differences';
import { checkTable } from './check/checkTable';
import { Flag, FLAG_SEVERITY } from './check/flag';
import { SheetGrid, WorkbookGrid } from './grid';
import { ScoringTable } from './model/types';
import { Lang } from './number/format';
import { Points } from './number/points';
import { buildPlan } from './plan/buildPlan';
import { isConsolidationSheetName } from './consolidate/sheetNames';
import { SUMMARY_SHEET_NAME, SummaryTableInput } from './plan/summarySheet';
import { WritePlan } from './plan/types';
import { BUILTIN_PROFILES, crossCheck, identifyAppendix, Profile, ProfileAppendix, profileTiers } from './profile/profile';
import { findHeader, HEADER_SEARCH_ROWS, hasRequiredColumns, TableHeader } from './recognise/header';
import { choiceForSheet, ColumnChoices, TableReading } from './recognise/reading';
import { resolveColumns, ResolvedColumns } from './recognise/columnRoles';
import { buildTable, titleLinesOf } from './model/buildTable';
import { cellAt } from './grid';
import { a1, columnLetters } from './address';
import { FlagParams } from './check/flag';
import { foldText } from './text/fold';
import { readTitleFacts } from './identity/titleFacts';
import { LEAF, scoreTable, TableScore } from './score/scoreTable';
import { CellReading } from './number/readCell';

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
  /** Unique path code ("2"); `label` is the sheet's own ("II"). */
  code: string;
  label: string;
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

/** How many tables one sheet may hold: bounded, whatever the file says. */
const MAX_TABLES_PER_SHEET = 20;

/** A "PHỤ LỤC 2" title line: the next appendix begins, under the same columns when it has no header of its own. */
const APPENDIX_TITLE = /^\s*(phu luc|phan)\s+([0-9]+|[ivx]+)\b/;

/**
 * A table whose score cells are mostly formulas into other sheets ('Phụ lục 1'!E12) restates those
 * sheets: scoring it would count them twice, and writing into it would overwrite the official's links.
 */
function isSummaryTable(sheet: SheetGrid, table: ScoringTable): boolean {
  const k = table.criteria;
  const cols = [table.columns.self, table.columns.max];
  let filled = 0;
  let crossSheet = 0;
  for (let i = 0; i < k.row.length; i++) {
    for (let c = 0; c < cols.length; c++) {
      const col = cols[c];
      if (col === undefined) continue;
      const cell = cellAt(sheet, k.row[i], col);
      if (!cell || (cell.value === null && !cell.formula)) continue;
      filled++;
      if (cell.formula && cell.formula.indexOf('!') >= 0) crossSheet++;
    }
    // An appendix with dozens of score cells and not one link to another sheet: no need to read on.
    if (crossSheet === 0 && filled >= 40) return false;
  }
  return crossSheet > 0 && crossSheet * 2 >= filled;
}

/** Where the tables of a sheet sit: the header found from `from` on, or the columns of the table before under a "Phụ lục 2" title. */
function nextHeader(sheet: SheetGrid, from: number, previous: TableHeader | null): TableHeader | null {
  const found = previous ? findHeader(sheet, from, from + HEADER_SEARCH_ROWS) : findHeader(sheet, from);
  if (found || !previous) return found;
  for (let r = from; r < sheet.rows.length && r < from + HEADER_SEARCH_ROWS; r++) {
    const line = titleLinesOf(sheet, r, r + 1)[0];
    if (line && APPENDIX_TITLE.test(foldText(line))) {
      return { top: r, bottom: r, columns: previous.columns, firstBodyRow: r + 1, labels: previous.labels, candidates: previous.candidates, inherited: true };
    }
  }
  return null;
}

function byRow(a: Flag, b: Flag): number {
  return a.row - b.row || a.col - b.col;
}

/** Typed parent and total scores in a column that agree, and that disagree, with the sums of their children. */
function ownTotals(sheet: SheetGrid, header: TableHeader, titleLines: string[], role: 'self' | 'appraised'): { agree: number; disagree: number } {
  const table = buildTable(sheet, header, titleLines);
  const score = scoreTable(table);
  const k = table.criteria;
  const f = score.figures;
  const counts = { agree: 0, disagree: 0 };
  const tally = function (typed: CellReading, computed: Points): void {
    if (typed.kind !== 'number') return;
    if (typed.units === computed) counts.agree++;
    else counts.disagree++;
  };
  for (let i = 0; i < k.row.length; i++) {
    if (f.state[i] & LEAF) continue;
    tally(role === 'self' ? k.self[i] : k.appraised[i], role === 'self' ? f.self[i] : f.appraised[i]);
  }
  const total = table.total ? (role === 'self' ? table.total.cells.self : table.total.cells.appraised) : null;
  if (total) tally(total.reading, role === 'self' ? score.self : score.appraised || 0);
  return counts;
}

/**
 * The official's own subtotals as evidence: between two columns nothing else told apart, the one whose
 * typed totals agree with the sums of its scores is this table's, when the other's disagree.
 */
function settleByOwnTotals(sheet: SheetGrid, header: TableHeader, titleLines: string[], resolved: ResolvedColumns): void {
  for (let a = 0; a < resolved.ambiguities.length; a++) {
    const doubt = resolved.ambiguities[a];
    if (doubt.role !== 'self' && doubt.role !== 'appraised') continue;
    const role = doubt.role;
    const chosen = ownTotals(sheet, header, titleLines, role);
    header.columns[role] = doubt.other;
    const other = ownTotals(sheet, header, titleLines, role);
    header.columns[role] = doubt.chosen;
    let winner = -1;
    if (chosen.agree > 0 && chosen.disagree === 0 && other.disagree > 0) winner = doubt.chosen;
    else if (other.agree > 0 && other.disagree === 0 && chosen.disagree > 0) winner = doubt.other;
    if (winner < 0) continue;
    header.columns[role] = winner;
    for (let r = 0; r < resolved.reading.roles.length; r++) {
      const reading = resolved.reading.roles[r];
      if (reading.role !== role) continue;
      if (winner !== reading.col) {
        const passed = { col: reading.col, label: reading.label };
        reading.alternatives = [passed].concat(reading.alternatives.filter(function (c) {
          return c.col !== winner;
        }));
        reading.col = winner;
        reading.label = header.labels[winner] || '';
      }
      reading.reason = 'content';
    }
    resolved.ambiguities.splice(a--, 1);
  }
}

export interface SheetTables {
  tables: Array<SheetAnalysis & { profile: Profile | null }>;
  /** The sheet restates other sheets through formulas: reported, never scored nor written. */
  summary: boolean;
}

/**
 * Every table of a sheet, one after another (Phụ lục 1, its total row, then Phụ lục 2).
 * `workbookYear`: the assessment year an earlier sheet's titles gave, for a sheet whose titles do not say.
 */
export function analyseSheetTables(sheet: SheetGrid, options?: AnalyseOptions, workbookYear?: number | null): SheetTables {
  const tables: SheetTables['tables'] = [];
  let summary = false;
  let from = 0;
  let previous: TableHeader | null = null;
  let year = workbookYear || null;
  for (let attempt = 0; attempt < MAX_TABLES_PER_SHEET && from < sheet.rows.length; attempt++) {
    const header = nextHeader(sheet, from, previous);
    if (!header) break;
    const titleLines = titleLinesOf(sheet, from, header.inherited ? header.bottom + 1 : header.top);
    const titleYear = readTitleFacts(titleLines, sheet.name).year;
    if (titleYear) year = titleYear;
    const tableYear = (options && options.assessmentYear) || year;
    const resolved = resolveColumns(sheet, header, { year: tableYear, choice: choiceForSheet(options ? options.columns : null, sheet.name) });
    header.columns = resolved.columns;
    settleByOwnTotals(sheet, header, titleLines, resolved);
    previous = header;
    if (!hasRequiredColumns(resolved.columns)) {
      from = header.bottom + 1;
      continue;
    }
    const table = buildTable(sheet, header, titleLines);
    from = Math.max(table.nextStart, header.bottom + 1);
    if (table.criteria.row.length === 0) continue;
    if (isSummaryTable(sheet, table)) {
      summary = true;
      continue;
    }
    resolved.reading.lastRow = table.endRow - 1;
    tables.push(analyseTable(sheet, table, resolved, tables.length + 1, options, tableYear));
  }
  return { tables: tables, summary: summary };
}

/** The first table of a sheet, or null (kept for callers that read one table per sheet). */
export function analyseSheet(sheet: SheetGrid, options?: AnalyseOptions, workbookYear?: number | null): (SheetAnalysis & { profile: Profile | null }) | null {
  const found = analyseSheetTables(sheet, options, workbookYear);
  return found.tables.length ? found.tables[0] : null;
}

function analyseTable(sheet: SheetGrid, table: ScoringTable, resolved: ResolvedColumns, tableIndex: number, options: AnalyseOptions | undefined, year: number | null): SheetAnalysis & { profile: Profile | null } {
  const chosen = chooseProfile(options ? options.profile : undefined, table);
  const score = scoreTable(table, { profileTiers: profileTiers(chosen.appendix) });
  let flags = checkTable(score, { assessmentYear: year });
  if (chosen.profile && chosen.appendix) flags = flags.concat(crossCheck(chosen.profile, chosen.appendix, score));
  flags = flags.concat(readingFlags(sheet.name, table, resolved));
  flags.sort(byRow);
  const fields: FieldResult[] = [];
  for (let i = 0; i < table.rootIndexes.length; i++) fields.push(fieldResult(score, table.rootIndexes[i]));
  return { name: sheet.name, tableIndex: tableIndex, reading: resolved.reading, table: table, score: score, fields: fields, appendix: chosen.appendix, flags: flags, profile: chosen.profile };
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
    flags.push({ kind: 'ambiguous-structure', severity: FLAG_SEVERITY['ambiguous-structure'], sheet: sheetName, cell: a1(d.row, codeCol), row: d.row, col: codeCol, code: d.code, params: { rows: d.rows, reading: d.reading } });
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
    if (sheet.name === SUMMARY_SHEET_NAME || isConsolidationSheetName(sheet.name)) {
      skipped.push({ name: sheet.name, reason: 'tool-owned' });
      continue;
    }
    const found = analyseSheetTables(sheet, options, workbookYear);
    if (found.tables.length === 0) {
      const reason = found.summary ? 'summary' : 'not-a-scoring-table';
      skipped.push({ name: sheet.name, reason: reason });
      flags.push({ kind: found.summary ? 'summary-sheet' : 'not-a-scoring-table', severity: FLAG_SEVERITY[found.summary ? 'summary-sheet' : 'not-a-scoring-table'], sheet: sheet.name, cell: '', row: -1, col: -1, code: '', params: {} });
      continue;
    }
    for (let t = 0; t < found.tables.length; t++) {
      const analysis = found.tables[t];
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
  }
  const tables: SummaryTableInput[] = [];
  for (let i = 0; i < sheets.length; i++) {
    const s = sheets[i];
    const several = (i > 0 && sheets[i - 1].name === s.name) || (i + 1 < sheets.length && sheets[i + 1].name === s.name);
    tables.push({ sheet: s.name, label: several ? s.name + ' (' + s.tableIndex + ')' : s.name, fields: s.fields, max: s.score.selfAssessableMax, self: s.score.self, appraised: s.score.appraised });
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

