import { columnLetters } from '../address';
import { cellAt, SheetGrid } from '../grid';
import { readCell } from '../number/readCell';
import { foldText } from '../text/fold';
import { displayText } from './cellText';
import { COLUMN_ROLES, ColumnMap, ColumnRole, TableHeader } from './header';
import { ColumnCandidate, ColumnChoice, RoleReading, RoleReason, TableReading } from './reading';
import { isTotalText, normaliseCode } from './rowCode';

/**
 * Which column plays each role, decided over every candidate column rather than the first whose
 * header matches: the user's choice first, then the assessment year named in the header, visible over
 * hidden, the header's wording, and what the columns hold (hierarchical codes against a running 1..N,
 * scores within the maxima). A choice still open after all that is taken by position and reported as
 * an ambiguity, never made silently.
 */

export interface ColumnContext {
  /** The assessment year (--year, the pane, the title rows); null when unknown. */
  year: number | null;
  choice: ColumnChoice | null;
}

export interface Ambiguity {
  role: ColumnRole;
  chosen: number;
  other: number;
  /** Why the choice stayed open: the year is unknown, visibility is unknown. */
  yearUnknown: boolean;
  hiddenUnknown: boolean;
}

export interface ResolvedColumns {
  columns: ColumnMap;
  reading: TableReading;
  ambiguities: Ambiguity[];
}

/** Score columns: the ones whose wrong choice changes a total. */
const SCORE_ROLES: { [role: string]: boolean } = { self: true, appraised: true };

/** How many body rows the content tests read: enough to tell columns apart, bounded for any sheet. */
const SAMPLE_ROWS = 400;

/** "năm trước", "kỳ trước": a column about an earlier assessment. */
const EARLIER = / (nam|ky|lan|dot) (truoc|cu) /;

function yearsIn(label: string): number[] {
  const years: number[] = [];
  const re = /(?:^|[^0-9])(20[0-9]{2})(?![0-9])/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(label)) !== null) years.push(parseInt(m[1], 10));
  return years;
}

function hiddenSet(sheet: SheetGrid): { [col: number]: boolean } | null {
  if (!sheet.hidden) return null;
  const set: { [col: number]: boolean } = {};
  for (let i = 0; i < sheet.hidden.columns.length; i++) set[sheet.hidden.columns[i]] = true;
  return set;
}

/** The body rows the content tests look at: the first non-empty rows from the first body row, up to a total row. */
function sampleRows(sheet: SheetGrid, header: TableHeader, nameCol: number | undefined): number[] {
  const rows: number[] = [];
  for (let r = header.firstBodyRow; r < sheet.rows.length && rows.length < SAMPLE_ROWS; r++) {
    if (!sheet.rows[r]) continue;
    const name = nameCol === undefined ? '' : displayText(cellAt(sheet, r, nameCol));
    if (rows.length > 0 && name.length < 60 && isTotalText(name)) break;
    rows.push(r);
  }
  return rows;
}

interface CodeShape {
  filled: number;
  /** Dotted codes, roman numerals, lettered parts: a criterion code column. */
  hierarchical: number;
  /** Whole numbers each one more than the one before: a running STT. */
  running: number;
}

function codeShape(sheet: SheetGrid, rows: number[], col: number): CodeShape {
  const shape: CodeShape = { filled: 0, hierarchical: 0, running: 0 };
  let previous = NaN;
  for (let i = 0; i < rows.length; i++) {
    const cell = cellAt(sheet, rows[i], col);
    if (!cell || cell.value === null || cell.value === undefined || cell.value === '') continue;
    const text = typeof cell.value === 'number' ? String(cell.value) : String(cell.value).replace(/^\s+|\s+$/g, '');
    if (text === '') continue;
    shape.filled++;
    if (/^\d+$/.test(text)) {
      const n = parseInt(text, 10);
      if (n === previous + 1) shape.running++;
      previous = n;
    } else if (/^\d+(\.\d+)+\.?$/.test(text) || /^[IVXL]+\.?$/.test(text) || /^\(?[a-zđ][).]$/i.test(text)) {
      shape.hierarchical++;
    } else if (typeof cell.value === 'number' && normaliseCode(text) !== null) {
      shape.hierarchical++; // 1.1 typed as a number
    }
  }
  return shape;
}

/** Names written with their code in front ("1.1. Ban hành…", "I. Công tác…"), as sheets without a code column do. */
function namesCarryCodes(sheet: SheetGrid, rows: number[], nameCol: number | undefined, countCol: number): boolean {
  if (nameCol === undefined) return false;
  let coded = 0;
  let filled = 0;
  for (let i = 0; i < rows.length; i++) {
    // Only the rows the count numbers: level rows ("- Đúng hạn") and totals carry no code either way.
    const counted = cellAt(sheet, rows[i], countCol);
    if (!counted || counted.value === null || counted.value === '') continue;
    const text = displayText(cellAt(sheet, rows[i], nameCol));
    if (text === '') continue;
    filled++;
    if (/^\s*((\d{1,3}\.)+\d{0,3}|[IVX]{1,4}\.|[a-zđ]\))\s+\S/.test(text)) coded++;
  }
  return filled > 0 && coded * 2 >= filled;
}

/** Rows where a score column's number exceeds the max column's: a sign it is not this table's score. */
function exceedsMax(sheet: SheetGrid, rows: number[], col: number, maxCol: number | undefined): number {
  if (maxCol === undefined) return 0;
  let over = 0;
  for (let i = 0; i < rows.length; i++) {
    const score = readCell(cellAt(sheet, rows[i], col));
    const max = readCell(cellAt(sheet, rows[i], maxCol));
    if (score.kind === 'number' && max.kind === 'number' && max.units > 0 && score.units > max.units) over++;
  }
  return over;
}

function candidateOf(header: TableHeader, col: number, hidden: { [col: number]: boolean } | null): ColumnCandidate {
  const c: ColumnCandidate = { col: col, label: header.labels[col] || '' };
  if (hidden) c.hidden = !!hidden[col];
  return c;
}

/** Decides every role's column for a table whose header rows are known. */
export function resolveColumns(sheet: SheetGrid, header: TableHeader, context: ColumnContext): ResolvedColumns {
  const hidden = hiddenSet(sheet);
  const columns: ColumnMap = {};
  const roles: RoleReading[] = [];
  const ambiguities: Ambiguity[] = [];
  const choice = context.choice || {};
  const nameCol = choice.name !== undefined && choice.name !== null ? choice.name : header.columns.name;
  const rows = sampleRows(sheet, header, nameCol);

  for (let r = 0; r < COLUMN_ROLES.length; r++) {
    const role = COLUMN_ROLES[r];
    const all = header.candidates[role] || [];
    if (Object.prototype.hasOwnProperty.call(choice, role)) {
      const chosen = choice[role];
      if (chosen === null || chosen === undefined) continue;
      columns[role] = chosen;
      roles.push({ role: role, col: chosen, label: header.labels[chosen] || '', reason: 'user', alternatives: alternativesTo(header, all, chosen, hidden) });
      continue;
    }
    if (all.length === 0) continue;
    const decided = role === 'code' ? decideCode(sheet, header, rows, all, nameCol) : decideByHeader(sheet, header, rows, role, all, context.year, hidden, columns.max);
    if (decided.col < 0) continue;
    columns[role] = decided.col;
    roles.push({ role: role, col: decided.col, label: header.labels[decided.col] || '', reason: decided.reason, alternatives: alternativesTo(header, decided.others, decided.col, hidden) });
    if (decided.reason === 'position' && SCORE_ROLES[role] && decided.others.length) {
      // Say what would have settled it: the year, where the headers name years; visibility, where unknown.
      const namesYears = yearsIn(header.labels[decided.col] || '').length > 0 || yearsIn(header.labels[decided.others[0]] || '').length > 0;
      ambiguities.push({ role: role, chosen: decided.col, other: decided.others[0], yearUnknown: context.year === null && namesYears, hiddenUnknown: hidden === null });
    }
  }
  // A column cannot hold two roles: a later role that took an earlier one's column gives way.
  const used: { [col: number]: boolean } = {};
  for (let i = 0; i < roles.length; i++) {
    const reading = roles[i];
    if (used[reading.col] && reading.reason !== 'user') {
      delete columns[reading.role];
      roles.splice(i--, 1);
      continue;
    }
    used[reading.col] = true;
  }
  const listed: ColumnCandidate[] = [];
  for (const key in header.labels) if (Object.prototype.hasOwnProperty.call(header.labels, key)) listed.push(candidateOf(header, +key, hidden));
  listed.sort(function (a, b) {
    return a.col - b.col;
  });
  return {
    columns: columns,
    ambiguities: ambiguities,
    reading: { headerTop: header.top, headerBottom: header.bottom, lastRow: header.bottom, roles: roles, columns: listed, hiddenKnown: hidden !== null },
  };
}

function alternativesTo(header: TableHeader, candidates: number[], chosen: number, hidden: { [col: number]: boolean } | null): ColumnCandidate[] {
  const out: ColumnCandidate[] = [];
  for (let i = 0; i < candidates.length; i++) if (candidates[i] !== chosen) out.push(candidateOf(header, candidates[i], hidden));
  return out;
}

interface Decision {
  col: number;
  reason: RoleReason;
  /** The candidates passed over, most plausible first. */
  others: number[];
}

/** A criterion code column holds hierarchical codes; a running 1..N beside it is only STT. */
function decideCode(sheet: SheetGrid, header: TableHeader, rows: number[], all: number[], nameCol: number | undefined): Decision {
  const shapes: CodeShape[] = [];
  for (let i = 0; i < all.length; i++) shapes.push(codeShape(sheet, rows, all[i]));
  let best = -1;
  for (let i = 0; i < all.length; i++) if (shapes[i].hierarchical > 0 && (best < 0 || shapes[i].hierarchical > shapes[best].hierarchical)) best = i;
  if (best >= 0) return { col: all[best], reason: all.length > 1 ? 'content' : 'header', others: without(all, all[best]) };
  const first = shapes[0];
  const running = first.filled >= 1 && first.running >= first.filled - 1;
  // Only a running count in the code column, and the codes written in the names: the names carry the tree.
  if (running && namesCarryCodes(sheet, rows, nameCol, all[0])) return { col: -1, reason: 'content', others: all.slice() };
  return { col: all[0], reason: 'header', others: all.slice(1) };
}

function without(list: number[], value: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < list.length; i++) if (list[i] !== value) out.push(list[i]);
  return out;
}

/**
 * Several columns named for one role: the assessment year, visibility, wording and content narrow them
 * down. Score roles left with several take the rightmost (this year's column is added to the right of
 * last year's) and say so; other roles take the leftmost.
 */
function decideByHeader(
  sheet: SheetGrid,
  header: TableHeader,
  rows: number[],
  role: ColumnRole,
  all: number[],
  year: number | null,
  hidden: { [col: number]: boolean } | null,
  maxCol: number | undefined,
): Decision {
  if (all.length === 1) return { col: all[0], reason: 'header', others: [] };
  let left = all.slice();
  let reason: RoleReason = 'header';
  const narrow = function (keep: (col: number) => boolean, why: RoleReason): void {
    const kept = left.filter(keep);
    if (kept.length > 0 && kept.length < left.length) {
      left = kept;
      reason = why;
    }
  };
  const labelYears = function (col: number): number[] {
    return yearsIn(header.labels[col] || '');
  };
  if (year !== null) {
    narrow(function (col) {
      return labelYears(col).indexOf(year) >= 0;
    }, 'year');
    // Without this year's column named, at least leave out the columns named for another year.
    narrow(function (col) {
      return labelYears(col).length === 0;
    }, 'year');
  }
  if (hidden) {
    narrow(function (col) {
      return !hidden[col];
    }, 'visible');
  }
  narrow(function (col) {
    return !EARLIER.test(' ' + foldText(header.labels[col] || '').replace(/[^a-z0-9]+/g, ' ') + ' ');
  }, 'wording');
  if (SCORE_ROLES[role] && maxCol !== undefined) {
    narrow(function (col) {
      return exceedsMax(sheet, rows, col, maxCol) === 0;
    }, 'content');
  }
  if (left.length === 1) return { col: left[0], reason: reason, others: without(all, left[0]) };
  if (!SCORE_ROLES[role]) return { col: left[0], reason: reason, others: without(all, left[0]) };
  // Without a year, the latest year named is this one; still reported, since the title did not say.
  const latest = left.slice().sort(function (a, b) {
    return Math.max.apply(null, labelYears(b).concat([0])) - Math.max.apply(null, labelYears(a).concat([0])) || b - a;
  });
  const others = without(all, latest[0]).sort(function (a, b) {
    return b - a;
  });
  // The passed-over candidates that were still in the running come first: they are the real alternative.
  others.sort(function (a, b) {
    return (left.indexOf(a) >= 0 ? 0 : 1) - (left.indexOf(b) >= 0 ? 0 : 1);
  });
  return { col: latest[0], reason: 'position', others: others };
}

/** "E" for a column index, as the flag and --column speak of it. */
export function columnName(col: number): string {
  return columnLetters(col);
}
