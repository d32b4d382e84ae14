import { a1, parseRange } from '../address';
import { RowCell, ScoringTable } from '../model/types';
import { CellReading } from '../number/readCell';
import { Points } from '../number/points';
import { APPRAISED_CONFLICT, APPRAISED_EMPTY, columnIndex, LEAF, NodeFigures, SELF_CONFLICT, SELF_EMPTY, ScoreColumn, TableScore } from '../score/scoreTable';
import { isAllowed } from '../score/tiers';
import { Flag, FLAG_SEVERITY, FlagKind, FlagParams } from './flag';
import { citesDateInYear, formatCitationDate, judgeEvidence } from '../evidence/evidencePeriod';
import { toNfc } from '../text/fold';

export interface CheckOptions {
  /**
   * The year the evidence must date from, as the analysis settled it (the user's, else the table's
   * titles', else an earlier table's); absent or null: none known, dates are not judged.
   */
  assessmentYear?: number | null;
}

/** Check step: turns what scoring observed into flags, each pointing at one cell. */
export function checkTable(score: TableScore, options?: CheckOptions): Flag[] {
  const flags: Flag[] = [];
  const sheet = score.table.sheet;
  // The titles are read once, by the analysis (findSheetTables), which passes the year it settled.
  const year = options && options.assessmentYear ? options.assessmentYear : null;
  // With both score columns on the sheet, a message must say which score it is about (see flagMessage).
  const bothScores = score.table.columns.appraised !== undefined;
  const add = function (kind: FlagKind, cell: RowCell | { row: number; col: number } | null, code: string, params: FlagParams, column?: ScoreColumn): void {
    const row = cell ? cell.row : -1;
    const col = cell ? cell.col : -1;
    const flag: Flag = { kind: kind, severity: FLAG_SEVERITY[kind], sheet: sheet, cell: cell ? a1(row, col) : '', row: row, col: col, code: code, params: params };
    if (column) flag.score = column;
    if (column && bothScores) params.bothScores = 1;
    flags.push(flag);
  };

  // The table's arrays, not score.nodes: a big table's node objects are never made for checking.
  const table = score.table;
  for (let i = 0; i < table.criteria.row.length; i++) {
    if (score.figures.state[i] & LEAF) checkLeaf(table, score.figures, i, add, year);
    else checkParent(table, score.figures, i, add);
  }
  for (let i = 0; i < score.table.duplicateCodes.length; i++) {
    const d = score.table.duplicateCodes[i];
    const rows: string[] = [];
    for (let j = 0; j < d.rows.length; j++) rows.push(String(d.rows[j] + 1));
    const codeCol = score.table.columns.code !== undefined ? score.table.columns.code : score.table.columns.name!;
    add('duplicate-code', { row: d.rows[d.rows.length - 1], col: codeCol }, d.code, { rows: rows.join(', ') });
  }
  const total = score.table.total;
  if (total) {
    checkTypedTotal(total.cells.max, total.cells.self, total.cells.appraised, score.max, score.self, score.appraised, '', add);
  }
  return flags;
}

type AddFlag = (kind: FlagKind, cell: RowCell | { row: number; col: number } | null, code: string, params: FlagParams, column?: ScoreColumn) => void;

/** A score or max cell of the table, as the checks report it; null where the sheet has no such column. */
function scoreCell(row: number, col: number | undefined, reading: CellReading): RowCell | null {
  return col === undefined ? null : { row: row, col: col, reading: reading, text: '' };
}

function checkLeaf(table: ScoringTable, f: NodeFigures, i: number, add: AddFlag, year: number | null): void {
  const k = table.criteria;
  if (k.deduction[i]) {
    checkDeduction(table, f, i, add);
    return;
  }
  const maxCell = scoreCell(k.row[i], table.columns.max, k.max[i]);
  if (maxCell && (maxCell.reading.kind === 'text' || maxCell.reading.kind === 'error')) {
    reportUnreadable(maxCell, k.code[i], add, undefined);
  } else if (f.typedMax[i] !== f.typedMax[i] && f.max[i] === 0 && !k.survey[i]) {
    add('missing-max', maxCell, k.code[i], {});
  }
  if (k.survey[i]) return;
  // Read once from the sheet for both evidence checks; only a scored leaf needs evidence.
  const evidence = f.self[i] > 0 ? evidenceCells(table, i) : null;
  checkLeafColumn(table, f, i, 'self', add, evidence);
  if (table.columns.appraised !== undefined) checkLeafColumn(table, f, i, 'appraised', add, null);
  if (evidence) checkEvidenceDates(table, i, evidence, add, year);
}

/** A deduction is no error for being negative; it may not take off more than its own (negative) maximum allows. */
function checkDeduction(table: ScoringTable, f: NodeFigures, i: number, add: AddFlag): void {
  const k = table.criteria;
  const columns: ScoreColumn[] = table.columns.appraised !== undefined ? ['self', 'appraised'] : ['self'];
  for (let n = 0; n < columns.length; n++) {
    const column = columns[n];
    const col = columnIndex(table, column);
    if (col === undefined) continue;
    const reading = column === 'self' ? k.self[i] : k.appraised[i];
    if (reading.kind !== 'empty' && reading.kind !== 'number') reportUnreadable({ row: k.row[i], col: col, reading: reading, text: '' }, k.code[i], add, column);
    const units = column === 'self' ? f.self[i] : f.appraised[i];
    const limit = f.typedMax[i] === f.typedMax[i] ? Math.abs(f.typedMax[i]) : NaN;
    if (limit === limit && -units > limit) add('over-max', { row: k.row[i], col: col }, k.code[i], { score: units, max: -limit }, column);
  }
}

function reportUnreadable(cell: RowCell, code: string, add: AddFlag, column: ScoreColumn | undefined): void {
  const reading = cell.reading;
  if (reading.kind === 'error') add('cell-error', cell, code, { error: reading.error }, column);
  else if (reading.kind === 'text' || reading.kind === 'mark' || reading.kind === 'survey') add('not-a-number', cell, code, { text: reading.raw }, column);
}

/** One score typed for a leaf (on its row or a tier row): a text number is noted, a non-number reported. True when unreadable. */
function checkEntry(row: number, col: number, reading: CellReading, markOnTier: boolean, code: string, column: ScoreColumn, add: AddFlag): boolean {
  if (reading.kind === 'number') {
    if (reading.fromText) add('text-number', { row: row, col: col }, code, { text: reading.raw, score: reading.units }, column);
    return false;
  }
  // "x" is how a level is chosen on its own row; anywhere else it is not a score.
  if (markOnTier) return false;
  reportUnreadable({ row: row, col: col, reading: reading, text: '' }, code, add, column);
  return true;
}

function checkLeafColumn(table: ScoringTable, f: NodeFigures, i: number, column: ScoreColumn, add: AddFlag, evidence: Array<RowCell | null> | null): void {
  const col = columnIndex(table, column);
  if (col === undefined) return;
  const k = table.criteria;
  const t = table.tiers;
  const code = k.code[i];
  const leafReading = column === 'self' ? k.self[i] : k.appraised[i];
  const tierReadings = column === 'self' ? t.self : t.appraised;
  // The entries of scoreLeafColumn: the leaf row's score first, then each tier row's.
  let count = 0;
  let firstRow = -1;
  let unreadable = false;
  if (leafReading.kind !== 'empty') {
    count++;
    firstRow = k.row[i];
    if (checkEntry(k.row[i], col, leafReading, false, code, column, add)) unreadable = true;
  }
  for (let j = k.tierStart[i]; j < k.tierEnd[i]; j++) {
    const reading = tierReadings[j];
    if (reading.kind === 'empty') continue;
    count++;
    if (firstRow < 0) firstRow = t.row[j];
    const markOnTier = reading.kind === 'mark' && t.points[j] === t.points[j];
    if (checkEntry(t.row[j], col, reading, markOnTier, code, column, add)) unreadable = true;
  }
  const state = f.state[i];
  if (state & (column === 'self' ? SELF_EMPTY : APPRAISED_EMPTY)) {
    if (column === 'self') add('unscored', { row: k.row[i], col: col }, code, {}, column);
    return;
  }
  const conflicting = (state & (column === 'self' ? SELF_CONFLICT : APPRAISED_CONFLICT)) !== 0;
  if (conflicting) add('multiple-tiers', { row: k.row[i], col: col }, code, { count: count }, column);
  const scoreRow = firstRow >= 0 ? firstRow : k.row[i];
  const units = column === 'self' ? f.self[i] : f.appraised[i];
  const tiers = f.tiers[i];
  const max = f.max[i];
  const typed = f.typedMax[i] === f.typedMax[i];
  const outside = units < 0 || units > max;
  if (tiers && tiers.proportional && outside && max > 0) {
    add('off-tier', { row: scoreRow, col: col }, code, { score: units, allowed: [0, max] }, column);
  } else if (units < 0) {
    add('negative', { row: scoreRow, col: col }, code, { score: units }, column);
  } else if (units > max && (typed || max > 0)) {
    add('over-max', { row: scoreRow, col: col }, code, { score: units, max: max }, column);
  } else if (tiers && !unreadable && !conflicting && !isAllowed(tiers, units)) {
    add('off-tier', { row: scoreRow, col: col }, code, { score: units, allowed: tiers.allowed || [] }, column);
  }
  if (evidence && units > 0 && table.columns.evidence !== undefined && !hasEvidence(evidence)) {
    add('missing-evidence', { row: k.row[i], col: table.columns.evidence }, code, { score: units }, column);
  }
}

/** The evidence cells of leaf `i`: its own row's, then its tier rows' (read from the sheet when asked). */
function evidenceCells(table: ScoringTable, i: number): Array<RowCell | null> {
  const k = table.criteria;
  const col = table.columns.evidence;
  const cells = [table.rowCell(k.row[i], col, false)];
  for (let j = k.tierStart[i]; j < k.tierEnd[i]; j++) cells.push(table.rowCell(table.tiers.row[j], col, false));
  return cells;
}

/** The longest evidence text quoted in an evidence-unparsed message. */
const QUOTE_LENGTH = 60;

/**
 * Evidence dates of a scored leaf: its evidence cell and its tier rows' are read together, since officials
 * put the citation on whichever row they chose. The flag points at the first of them that holds text.
 */
function checkEvidenceDates(table: ScoringTable, leaf: number, candidates: Array<RowCell | null>, add: AddFlag, year: number | null): void {
  let first: RowCell | null = null;
  let withText = 0;
  let linked = false;
  for (let i = 0; i < candidates.length; i++) {
    const cell = candidates[i];
    if (!cell) continue;
    if (cell.hyperlink || (cell.formula && /HYPERLINK\s*\(/i.test(cell.formula))) linked = true;
    if (hasWords(cell)) {
      if (!first) first = cell;
      withText++;
    }
  }
  if (!first) return; // no text (hyperlink only, or missing: another flag's business)
  // Most leaves cite on their own row only: their text is used as it is, with no list or joined copy.
  const text = withText === 1 ? first.text : textsOf(candidates).join('\n');
  if (citesDateInYear(text, year)) return; // a document dated in the year (any date, the year unknown): nothing to flag
  const judgement = judgeEvidence(text, year);
  const code = table.criteria.code[leaf];
  if (judgement.verdict === 'out-of-period' && year !== null) {
    const dates: string[] = [];
    let plan = false;
    for (let i = 0; i < judgement.outside.length; i++) {
      const c = judgement.outside[i];
      const shown = formatCitationDate(c);
      if (dates.indexOf(shown) < 0) dates.push(shown);
      if (c.docType === 'ke-hoach') plan = true; // say why a plan dated in the year before does not count
    }
    const params: FlagParams = { dates: dates.join(', '), year: year };
    if (plan) params.plan = 1;
    add('evidence-out-of-period', first, code, params);
  } else if (judgement.verdict === 'unparsed' && !linked) {
    const quoted = toNfc(textsOf(candidates).join('; ').replace(/\s+/g, ' '));
    add('evidence-unparsed', first, code, { text: quoted.length > QUOTE_LENGTH ? quoted.substring(0, QUOTE_LENGTH - 1) + '…' : quoted });
  }
}

function hasWords(cell: RowCell): boolean {
  return /[0-9A-Za-z\u00c0-\u1ef9]/.test(cell.text);
}

/** The texts of the evidence cells that hold words, in order. */
function textsOf(cells: Array<RowCell | null>): string[] {
  const texts: string[] = [];
  for (let i = 0; i < cells.length; i++) {
    const cell = cells[i];
    if (cell && hasWords(cell)) texts.push(cell.text);
  }
  return texts;
}

/** Evidence is any text, a hyperlink, or a HYPERLINK() formula on the leaf row or one of its tier rows. */
function hasEvidence(cells: Array<RowCell | null>): boolean {
  for (let c = 0; c < cells.length; c++) if (cellHasEvidence(cells[c])) return true;
  return false;
}

export function cellHasEvidence(cell: RowCell | null): boolean {
  if (!cell) return false;
  if (cell.hyperlink) return true;
  if (cell.formula && /HYPERLINK\s*\(/i.test(cell.formula)) return true;
  return hasWords(cell);
}

/**
 * The rows a plain SUM adds ("SUM(E5:E9,E12)"): `rows` in the score's own column, `elsewhere` in other
 * columns (the tool's own total takes a criterion scored by marking a level from that level's points,
 * "SUM(C13,D16:D17)"); null for any other formula, which is not second-guessed.
 */
export function rowsSummed(formula: string, col: number): { rows: { [row: number]: boolean }; elsewhere: { [row: number]: boolean } } | null {
  const m = /^=?\s*SUM\(([^()]*)\)\s*$/i.exec(formula);
  if (!m) return null;
  const rows: { [row: number]: boolean } = {};
  const elsewhere: { [row: number]: boolean } = {};
  const args = m[1].split(/[,;]/);
  for (let i = 0; i < args.length; i++) {
    const range = parseRange(args[i].replace(/\s+/g, ''));
    if (!range) return null;
    // A range down thousands of rows is read as its two ends: rows inside are tested against them.
    if (range.bottom - range.top > 100000) return null;
    const into = range.left > col || range.right < col ? elsewhere : rows;
    for (let r = range.top; r <= range.bottom; r++) into[r] = true;
  }
  return { rows: rows, elsewhere: elsewhere };
}

/** A parent's own SUM that leaves out a scored child: the official's total is short, whatever it shows now. */
function checkSumRange(table: ScoringTable, f: NodeFigures, i: number, add: AddFlag): void {
  const col = table.columns.self;
  if (col === undefined) return;
  const k = table.criteria;
  const cell = table.rowCell(k.row[i], col, true);
  if (!cell || !cell.formula) return;
  const summed = rowsSummed(cell.formula, col);
  if (!summed) return;
  for (let c = k.firstChild[i]; c >= 0; c = k.nextSibling[c]) {
    if (k.survey[c] || f.self[c] === 0) continue;
    let covered = !!summed.rows[k.row[c]];
    // A leaf scored on its tier rows is covered by a sum over those rows, in its column or in the
    // column holding the levels' points (a level marked with "x" counts its points).
    for (let j = k.tierStart[c]; !covered && j < k.tierEnd[c]; j++) covered = !!summed.rows[table.tiers.row[j]] || !!summed.elsewhere[table.tiers.row[j]];
    if (!covered) {
      add('sum-range-mismatch', cell, k.code[i], { missing: k.code[c] }, 'self');
      return;
    }
  }
}

function checkParent(table: ScoringTable, f: NodeFigures, i: number, add: AddFlag): void {
  const k = table.criteria;
  const c = table.columns;
  checkSumRange(table, f, i, add);
  const appraised = f.appraised[i];
  checkTypedTotal(
    // A group of deductions has a negative maximum of its own, outside the table's maximum.
    k.deduction[i] ? null : scoreCell(k.row[i], c.max, k.max[i]),
    scoreCell(k.row[i], c.self, k.self[i]),
    scoreCell(k.row[i], c.appraised, k.appraised[i]),
    f.max[i],
    f.self[i],
    appraised === appraised ? appraised : null,
    k.code[i],
    add,
    k.survey[i],
  );
}

function checkTypedTotal(
  maxCell: RowCell | null,
  selfCell: RowCell | null,
  appraisedCell: RowCell | null,
  max: Points,
  self: Points,
  appraised: Points | null,
  code: string,
  add: AddFlag,
  survey?: boolean,
): void {
  if (maxCell && maxCell.reading.kind === 'number' && maxCell.reading.units !== max) {
    add('max-mismatch', maxCell, code, { typed: maxCell.reading.units, expected: max });
  }
  if (survey) return;
  checkTypedScore(selfCell, self, code, add, 'self');
  if (appraised !== null) checkTypedScore(appraisedCell, appraised, code, add, 'appraised');
}

function checkTypedScore(cell: RowCell | null, computed: Points, code: string, add: AddFlag, column: ScoreColumn): void {
  if (!cell) return;
  const reading = cell.reading;
  if (reading.kind === 'empty') return;
  if (reading.kind === 'number') {
    if (reading.units !== computed) add('hand-total-mismatch', cell, code, { typed: reading.units, computed: computed }, column);
    return;
  }
  const shown = reading.kind === 'error' ? reading.error : reading.raw;
  add('hand-total-mismatch', cell, code, { typed: shown, computed: computed }, column);
}
