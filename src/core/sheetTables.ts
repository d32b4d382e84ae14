import { cellAt, SheetGrid } from './grid';
import { buildTable, titleLinesOf } from './model/buildTable';
import { ScoringTable } from './model/types';
import { CellReading } from './number/readCell';
import { Points } from './number/points';
import { findHeader, HEADER_SEARCH_ROWS, hasRequiredColumns, TableHeader } from './recognise/header';
import { resolveColumns, ResolvedColumns } from './recognise/columnRoles';
import { ColumnChoice } from './recognise/reading';
import { readTitleFacts, TitleFacts } from './identity/titleFacts';
import { LEAF, scoreTable } from './score/scoreTable';
import { foldText } from './text/fold';

/**
 * The tables of one sheet, one after another (Phụ lục 1, its total row, then Phụ lục 2): where each
 * starts and ends, the column of each role (settled by the official's own totals where the headers
 * could not settle it), and whether the sheet only restates other sheets. Recognise and build, before
 * scoring; kept apart from analyse.ts, which scores and checks what is found here.
 */

export interface FoundTable {
  table: ScoringTable;
  resolved: ResolvedColumns;
  /** The assessment year that applies to the table (the user's, else its titles', else an earlier table's). */
  year: number | null;
  /** What the table's title rows (and the sheet's name) say: read here once, carried on the analysis. */
  titleFacts: TitleFacts;
}

export interface SheetTables {
  tables: FoundTable[];
  /** The sheet restates other sheets through formulas: reported, never scored nor written. */
  summary: boolean;
}

export interface FindOptions {
  assessmentYear?: number;
  choice: ColumnChoice | null;
  /** The year an earlier sheet's titles gave. */
  workbookYear: number | null;
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
        reading.alternatives = [passed].concat(
          reading.alternatives.filter(function (c) {
            return c.col !== winner;
          }),
        );
        reading.col = winner;
        reading.label = header.labels[winner] || '';
      }
      reading.reason = 'content';
    }
    resolved.ambiguities.splice(a--, 1);
  }
}

/** Every table of a sheet, bounded in number whatever the file says. */
export function findSheetTables(sheet: SheetGrid, options: FindOptions): SheetTables {
  const tables: FoundTable[] = [];
  let summary = false;
  let from = 0;
  let previous: TableHeader | null = null;
  let year = options.workbookYear;
  for (let attempt = 0; attempt < MAX_TABLES_PER_SHEET && from < sheet.rows.length; attempt++) {
    const header = nextHeader(sheet, from, previous);
    if (!header) break;
    const titleLines = titleLinesOf(sheet, from, header.inherited ? header.bottom + 1 : header.top);
    const titleFacts = readTitleFacts(titleLines, sheet.name);
    if (titleFacts.year) year = titleFacts.year;
    const tableYear = options.assessmentYear || year;
    const resolved = resolveColumns(sheet, header, { year: tableYear, choice: options.choice });
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
    tables.push({ table: table, resolved: resolved, year: tableYear, titleFacts: titleFacts });
  }
  return { tables: tables, summary: summary };
}
