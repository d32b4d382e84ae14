import { a1 } from '../address';
import { cellAt, CellScalar, WorkbookGrid } from '../grid';
import { Flag } from '../check/flag';
import { RowCell, ScoringTable, TableRow } from '../model/types';
import { percentHundredths, Points, unitsToNumber } from '../number/points';
import { LEAF, NodeFigures, parentRefs, ScoreColumn, TableScore, totalRefs } from '../score/scoreTable';
import { flagMessage } from '../messages/catalogue';
import { flagText } from '../messages/flagText';
import { Lang } from '../number/format';
import { sumFormula } from './sumFormula';
import { HIGHLIGHT_COLORS, HIGHLIGHT_ORDER } from './highlightColors';
import { CellWrite, FormulaPurpose, Highlight, HighlightKind, WritePlan } from './types';
import { buildSummarySheet, SummaryInput } from './summarySheet';

export const PERCENT_FORMAT = '0.00%';

const SCORE_PROBLEMS: { [kind: string]: boolean } = {
  'off-tier': true,
  'over-max': true,
  negative: true,
  'not-a-number': true,
  'cell-error': true,
  'multiple-tiers': true,
  unscored: true,
};

/**
 * Plan step: the only cells the tool writes are the score cells of parent rows and of the total
 * row (a SUM of their children), their percentage cells, the summary sheet, and highlight fills.
 * Writes whose cell already holds the same formula and value are left out, so a second run of
 * an applied plan changes nothing.
 */
export function buildPlan(workbook: WorkbookGrid, scores: TableScore[], flags: Flag[], summary: SummaryInput): WritePlan {
  const writes: CellWrite[] = [];
  const sink: WriteSink = function (sheet, cell, formula, result, purpose, numberFormat, previousValue, previousFormula) {
    const w: CellWrite = {
      sheet: sheet,
      row: cell.row,
      col: cell.col,
      address: a1(cell.row, cell.col),
      formula: formula(),
      result: result,
      purpose: purpose,
      previous: previousFormula !== undefined ? { value: previousValue, formula: previousFormula } : { value: previousValue },
    };
    if (numberFormat) w.numberFormat = numberFormat;
    writes.push(w);
  };
  for (let t = 0; t < scores.length; t++) planTable(workbook, scores[t], sink);
  const written: CellKeys = {};
  for (let i = 0; i < writes.length; i++) written[cellKey(writes[i].sheet, writes[i].row, writes[i].col)] = true;
  return { writes: writes, highlights: planHighlights(flags, written, summary.lang), summary: buildSummarySheet(summary) };
}

/**
 * How many cells `buildPlan` would write and highlight, decided by the same code but with nothing
 * made: no write objects, no summary sheet, a formula's text only where a cell's own formula must be
 * compared with it. For readers that report the counts (the JSON result) and never write.
 */
export function countPlan(workbook: WorkbookGrid, scores: TableScore[], flags: Flag[]): { writes: number; highlights: number } {
  let writes = 0;
  const written: CellKeys = {};
  const sink: WriteSink = function (sheet, cell) {
    writes++;
    written[cellKey(sheet, cell.row, cell.col)] = true;
  };
  for (let t = 0; t < scores.length; t++) planTable(workbook, scores[t], sink);
  return { writes: writes, highlights: highlightCells(flags, written, null) };
}

/** Takes one cell the plan writes; the formula is made on demand (a count never needs it). */
type WriteSink = (
  sheet: string,
  cell: CellPosition,
  formula: () => string,
  result: number | string,
  purpose: FormulaPurpose,
  numberFormat: string | undefined,
  previousValue: CellScalar,
  previousFormula: string | undefined,
) => void;

type Write = (cell: CellPosition, formula: () => string, result: number | string, purpose: FormulaPurpose, numberFormat?: string) => void;

function planTable(workbook: WorkbookGrid, score: TableScore, sink: WriteSink): void {
  const sheetName = score.table.sheet;
  let sheet = null;
  for (let i = 0; i < workbook.sheets.length; i++) if (workbook.sheets[i].name === sheetName) sheet = workbook.sheets[i];
  if (!sheet) return;
  const grid = sheet;
  const write: Write = function (cell, formula, result, purpose, numberFormat) {
    const existing = cellAt(grid, cell.row, cell.col);
    const previousFormula = existing && existing.formula ? existing.formula : undefined;
    const previousValue = existing ? existing.value : null;
    let made: string | null = null;
    const once = function (): string {
      if (made === null) made = formula();
      return made;
    };
    if (previousFormula !== undefined && previousValue === result && sameFormula(previousFormula, once())) return;
    sink(sheetName, cell, once, result, purpose, numberFormat, previousValue, previousFormula);
  };
  const table = score.table;
  const k = table.criteria;
  const c = table.columns;
  const f = score.figures;
  const hasAppraised = c.appraised !== undefined;
  const at = function (row: number, col: number | undefined): CellPosition | null {
    return col === undefined ? null : { row: row, col: col };
  };
  // The table's arrays, not score.nodes: a big table's node objects are never made for planning.
  for (let i = 0; i < k.row.length; i++) {
    if (f.state[i] & LEAF || (k.survey[i] && f.selfAssessableMax[i] === 0)) continue;
    const row = k.row[i];
    const typedMax = f.typedMax[i] === f.typedMax[i] ? f.typedMax[i] : null;
    const selfCell = at(row, c.self);
    if (selfCell) write(selfCell, parentFormula(table, i, 'self', f), unitsToNumber(f.self[i]), 'parent-total');
    planPercent(at(row, c.percent), selfCell, at(row, c.max), f.self[i], f.selfAssessableMax[i], typedMax, write);
    if (hasAppraised) {
      const appraisedCell = at(row, c.appraised)!;
      write(appraisedCell, parentFormula(table, i, 'appraised', f), unitsToNumber(f.appraised[i]), 'parent-total');
      planPercent(at(row, c.appraisedPercent), appraisedCell, at(row, c.max), f.appraised[i], f.selfAssessableMax[i], typedMax, write);
    }
  }
  const total = table.total;
  if (total) {
    const columns: ScoreColumn[] = hasAppraised ? ['self', 'appraised'] : ['self'];
    for (let n = 0; n < columns.length; n++) {
      const cell = columnCell(total.cells, columns[n]);
      if (!cell) continue;
      let units: Points = 0;
      for (let r = 0; r < table.rootIndexes.length; r++) {
        const root = table.rootIndexes[r];
        if (k.survey[root] && f.selfAssessableMax[root] === 0) continue;
        units += columns[n] === 'self' ? f.self[root] : f.appraised[root];
      }
      write(cell, totalFormula(table, columns[n], f), unitsToNumber(units), 'sheet-total');
    }
    const typedTotalMax = total.cells.max && total.cells.max.reading.kind === 'number' ? total.cells.max.reading.units : null;
    planPercent(total.cells.percent, total.cells.self, total.cells.max, score.self, score.selfAssessableMax, typedTotalMax, write);
    if (score.appraised !== null) planPercent(total.cells.appraisedPercent, total.cells.appraised, total.cells.max, score.appraised, score.selfAssessableMax, typedTotalMax, write);
  }
}

/** Where a write goes: the plan needs no more of a cell than its place. */
type CellPosition = { row: number; col: number };

function parentFormula(table: ScoringTable, i: number, column: ScoreColumn, f: NodeFigures): () => string {
  return function () {
    return sumFormula(parentRefs(table, i, column, f, []));
  };
}

function totalFormula(table: ScoringTable, column: ScoreColumn, f: NodeFigures): () => string {
  return function () {
    return sumFormula(totalRefs(table, column, f));
  };
}

function constant(formula: string): () => string {
  return function () {
    return formula;
  };
}

function columnCell(cells: TableRow, column: ScoreColumn): RowCell | null {
  return column === 'self' ? cells.self : cells.appraised;
}

/**
 * Percentage = score / self-assessable max (the self-score into the percent column, the appraised score
 * into the appraised percent column); refers to the typed max cell only when it is that max.
 */
function planPercent(
  percentCell: CellPosition | null,
  scoreCell: CellPosition | null,
  maxCell: CellPosition | null,
  units: Points,
  selfAssessableMax: Points,
  typedMax: Points | null,
  write: Write,
): void {
  if (!percentCell || !scoreCell) return;
  const scoreRef = a1(scoreCell.row, scoreCell.col);
  const hundredths = percentHundredths(units, selfAssessableMax);
  if (hundredths === null) {
    write(percentCell, constant('""'), '', 'percent', PERCENT_FORMAT);
    return;
  }
  const maxRef = maxCell && typedMax === selfAssessableMax ? a1(maxCell.row, maxCell.col) : unitsToNumber(selfAssessableMax).toString();
  write(percentCell, constant('ROUND(' + scoreRef + '/' + maxRef + ',4)'), hundredths / 10000, 'percent', PERCENT_FORMAT);
}

function sameFormula(a: string, b: string): boolean {
  return a.replace(/^=/, '').replace(/\s+/g, '').toUpperCase() === b.replace(/\s+/g, '').toUpperCase();
}

/**
 * Which colour a flag's cell gets: every flag that names a cell is highlighted (a flag without a cell,
 * such as a sheet that is not a scoring table, has nothing to colour).
 */
export function highlightKindOf(kind: string): HighlightKind {
  if (SCORE_PROBLEMS[kind]) return 'score-problem';
  if (kind === 'missing-evidence') return 'missing-evidence';
  if (kind === 'evidence-out-of-period' || kind === 'evidence-unparsed') return 'evidence-doubt';
  return 'review';
}

type CellKeys = { [sheetRowCol: string]: boolean };

function cellKey(sheet: string, row: number, col: number): string {
  return sheet + '!' + row + ',' + col;
}

/**
 * Flags that say "the tool replaces this total with its formula": about a cell the plan writes. When the
 * plan leaves the cell alone it already holds the tool's own formula (a copy scored again), and a
 * highlight there would explain a replacement that is not happening.
 */
const REPLACED_BY_PLAN: { [kind: string]: boolean } = { 'hand-total-mismatch': true, 'sum-range-mismatch': true };

function planHighlights(flags: Flag[], written: CellKeys, lang: Lang): Highlight[] {
  const highlights: Highlight[] = [];
  highlightCells(flags, written, highlights, lang);
  return highlights;
}

/**
 * The flagged cells, once each: pushed onto `out` when given; the count either way. A cell flagged
 * several times takes the most serious group's colour and a note line per flag.
 */
function highlightCells(flags: Flag[], written: CellKeys, out: Highlight[] | null, lang?: Lang): number {
  const byKey: { [key: string]: Highlight } = {};
  let count = 0;
  for (let i = 0; i < flags.length; i++) {
    const f = flags[i];
    if (f.row < 0 || f.col < 0 || !f.cell) continue;
    if (REPLACED_BY_PLAN[f.kind] && !written[cellKey(f.sheet, f.row, f.col)]) continue;
    const kind = highlightKindOf(f.kind);
    const key = f.sheet + '!' + f.cell;
    const line = out && lang ? flagMessage(f, lang) : '';
    const seen = byKey[key];
    if (seen) {
      if (HIGHLIGHT_ORDER.indexOf(kind) < HIGHLIGHT_ORDER.indexOf(seen.kind)) {
        seen.kind = kind;
        seen.color = HIGHLIGHT_COLORS[kind];
      }
      if (out) seen.note += '\n' + line;
      continue;
    }
    count++;
    if (!out) {
      byKey[key] = { kind: kind } as Highlight;
      continue;
    }
    const h: Highlight = { sheet: f.sheet, row: f.row, col: f.col, address: f.cell, kind: kind, color: HIGHLIGHT_COLORS[kind], note: flagText('notePrefix', lang || 'vi') + ' ' + line };
    byKey[key] = h;
    out.push(h);
  }
  return count;
}
