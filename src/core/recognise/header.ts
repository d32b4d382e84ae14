import { cellAt, columnCount, SheetGrid } from '../grid';
import { foldText } from '../text/fold';
import { displayText } from './cellText';

/** The columns a scoring table can have; code, name, max and self are required. */
export type ColumnRole = 'code' | 'name' | 'max' | 'self' | 'appraised' | 'evidence' | 'guidance' | 'note' | 'percent' | 'appraisedPercent';

/** Every role, in the order they are decided, listed and explained. */
export const COLUMN_ROLES: ColumnRole[] = ['code', 'name', 'max', 'self', 'appraised', 'evidence', 'guidance', 'note', 'percent', 'appraisedPercent'];

export type ColumnMap = { [role in ColumnRole]?: number };

export interface TableHeader {
  /** 0-based first and last header row (equal for a one-row header). */
  top: number;
  bottom: number;
  /** The column chosen for each role (see columnRoles.ts: header words, then content, year, visibility, the user). */
  columns: ColumnMap;
  /** First row of the table body (after any "(1) (2) (3)" column-number row). */
  firstBodyRow: number;
  /** Header text per column, for messages and the summary. */
  labels: { [col: number]: string };
  /** Every column whose header names a role, in column order: what the choice of `columns` is made from. */
  candidates: { [role in ColumnRole]?: number[] };
  /** The columns of the table above, under a "PHỤ LỤC 2" title row (top = bottom = that row, a title of this table). */
  inherited?: boolean;
}

/** How far down a header may start; real sheets have a few title rows. */
export const HEADER_SEARCH_ROWS = 30;

const REQUIRED: ColumnRole[] = ['name', 'max', 'self'];

/**
 * Classifies a folded header label. Order matters: "Điểm tự đánh giá" is the self-score even
 * though it contains "điểm", and "Tỷ lệ tự đánh giá" is a percentage, not a score.
 */
export function classifyHeader(folded: string): ColumnRole | null {
  const t = ' ' + folded.replace(/[^a-z0-9%]+/g, ' ') + ' ';
  // "Tỷ lệ thẩm định" is the appraised score's percentage; any other "Tỷ lệ" is the self-score's.
  if (/ (ty|ti) le |%/.test(t)) return / tham dinh | huyen cham /.test(t) ? 'appraisedPercent' : 'percent';
  if (/ tham dinh | huyen cham | diem huyen /.test(t)) return 'appraised';
  if (/ tu danh gia | tu cham | tu dg | xa cham | tu diem | diem tu | diem dat | diem xa /.test(t)) return 'self';
  if (/ toi da | thang diem | diem chuan | diem quy dinh | khung diem /.test(t)) return 'max';
  if (/ kiem chung | minh chung | tai lieu /.test(t)) return 'evidence';
  if (/ huong dan | cach tinh | cach cham | phuong phap | tieu chuan cham /.test(t)) return 'guidance';
  if (/ ghi chu | giai trinh | thuyet minh | ly do /.test(t)) return 'note';
  if (/^ (stt|tt|so tt|so thu tu|ma|ma so|ma tieu chi|ky hieu|so) $/.test(t)) return 'code';
  if (/ noi dung | tieu chi | linh vuc | ten chi tieu | chi tieu | danh muc /.test(t)) return 'name';
  return null;
}

interface MergeIndex {
  [key: string]: { row: number; col: number };
}

function indexMerges(sheet: SheetGrid, limitRow: number): MergeIndex {
  const index: MergeIndex = {};
  const merges = sheet.merges || [];
  for (let i = 0; i < merges.length; i++) {
    const m = merges[i];
    // Titles merged across the table are not column labels; "Điểm" over two or three columns is.
    if (m.top > limitRow || m.right - m.left >= 4) continue;
    for (let r = m.top; r <= Math.min(m.bottom, limitRow); r++) {
      for (let c = m.left; c <= m.right; c++) index[r + ':' + c] = { row: m.top, col: m.left };
    }
  }
  return index;
}

function headerLabel(sheet: SheetGrid, merges: MergeIndex, row: number, col: number): { text: string; origin: string } {
  const origin = merges[row + ':' + col];
  const r = origin ? origin.row : row;
  const c = origin ? origin.col : col;
  return { text: displayText(cellAt(sheet, r, c)), origin: r + ':' + c };
}

interface Candidate {
  columns: ColumnMap;
  labels: { [col: number]: string };
  candidates: { [role in ColumnRole]?: number[] };
  roles: number;
}

function classifyRows(sheet: SheetGrid, merges: MergeIndex, top: number, bottom: number, width: number): Candidate {
  const columns: ColumnMap = {};
  const labels: { [col: number]: string } = {};
  const candidates: { [role in ColumnRole]?: number[] } = {};
  let roles = 0;
  for (let c = 0; c < width; c++) {
    const parts: string[] = [];
    let lastOrigin = '';
    for (let r = top; r <= bottom; r++) {
      const label = headerLabel(sheet, merges, r, c);
      if (label.origin === lastOrigin || label.text === '' || label.text.length > 150) continue;
      lastOrigin = label.origin;
      parts.push(label.text);
    }
    if (parts.length === 0) continue;
    const text = parts.join(' ');
    labels[c] = text;
    const role = classifyHeader(foldText(text));
    if (!role) continue;
    (candidates[role] || (candidates[role] = [])).push(c);
    if (columns[role] === undefined) {
      columns[role] = c;
      roles++;
    }
  }
  return { columns: columns, labels: labels, candidates: candidates, roles: roles };
}

export function hasRequiredColumns(columns: ColumnMap): boolean {
  return hasRequired(columns);
}

function hasRequired(columns: ColumnMap): boolean {
  for (let i = 0; i < REQUIRED.length; i++) if (columns[REQUIRED[i]] === undefined) return false;
  return true;
}

/** "(1) (2) (3)…" or "1 2 3…" under the header: a column-number row, not the first field. */
function isColumnNumberRow(sheet: SheetGrid, row: number, width: number): boolean {
  let numbered = 0;
  for (let c = 0; c < width; c++) {
    const text = displayText(cellAt(sheet, row, c)).replace(/\s+/g, '');
    if (text === '') continue;
    if (!/^\(?(\d{1,2}|[A-Z])\)?(=.*)?$/.test(text)) return false;
    numbered++;
  }
  return numbered >= 3;
}

function isBlankRow(sheet: SheetGrid, row: number): boolean {
  const cells = sheet.rows[row];
  if (!cells) return true;
  for (let c = 0; c < cells.length; c++) {
    const cell = cells[c];
    if (cell && cell.value !== null && cell.value !== '') return false;
  }
  return true;
}

/**
 * Finds the header of a scoring table between rows `from` and `to` (exclusive; default: the first
 * HEADER_SEARCH_ROWS rows), or null. A header has one to three rows: an upper row ("Điểm" over
 * "Tối đa" and "Tự đánh giá", or a row of group titles) already names several columns.
 */
export function findHeader(sheet: SheetGrid, from?: number, to?: number): TableHeader | null {
  const first = from || 0;
  const lastRow = Math.min(sheet.rows.length, to === undefined ? first + HEADER_SEARCH_ROWS : to) - 1;
  if (lastRow < first) return null;
  const width = Math.min(columnCount(sheet), 60);
  const merges = indexMerges(sheet, lastRow + 2);
  for (let top = first; top <= lastRow; top++) {
    if (!sheet.rows[top]) continue;
    const single = classifyRows(sheet, merges, top, top, width);
    let chosen: Candidate | null = hasRequired(single.columns) ? single : null;
    let bottom = top;
    // A two- or three-row header's top row already names several columns; a title row above a header does not.
    if (single.roles >= 2) {
      for (let extra = 1; extra <= 2 && top + extra < sheet.rows.length; extra++) {
        const deeper = classifyRows(sheet, merges, top, top + extra, width);
        const refines = chosen !== null && deeper.roles === chosen.roles && isSubHeaderRow(sheet, top, top + extra, width);
        if (hasRequired(deeper.columns) && (!chosen || deeper.roles > chosen.roles || refines)) {
          chosen = deeper;
          bottom = top + extra;
        }
      }
    }
    if (!chosen) continue;
    let firstBodyRow = bottom + 1;
    // The column-number row may sit after a blank row.
    let next = firstBodyRow;
    while (next < sheet.rows.length && next <= bottom + 3 && isBlankRow(sheet, next)) next++;
    if (next < sheet.rows.length && isColumnNumberRow(sheet, next, width)) firstBodyRow = next + 1;
    return { top: top, bottom: bottom, columns: chosen.columns, firstBodyRow: firstBodyRow, labels: chosen.labels, candidates: chosen.candidates };
  }
  return null;
}

/**
 * A row of short labels, no numbers, under a label merged across columns ("Tự đánh giá" over "Năm 2022 |
 * Năm 2023"): the header's last row, which tells apart columns the rows above name alike.
 */
function isSubHeaderRow(sheet: SheetGrid, top: number, row: number, width: number): boolean {
  const texts: number[] = [];
  for (let c = 0; c < width; c++) {
    const cell = cellAt(sheet, row, c);
    if (!cell || cell.value === null || cell.value === '') continue;
    if (typeof cell.value !== 'string' || cell.value.length > 60) return false;
    texts.push(c);
  }
  if (!texts.length) return false;
  const merges = sheet.merges || [];
  for (let i = 0; i < merges.length; i++) {
    const m = merges[i];
    if (m.top < top || m.bottom >= row || m.right === m.left) continue;
    for (let t = 0; t < texts.length; t++) if (texts[t] >= m.left && texts[t] <= m.right) return true;
  }
  return false;
}

/** Whether a body row looks like the header of another table (cheap test first: its max cell holds words). */
export function isHeaderRow(sheet: SheetGrid, row: number): boolean {
  const width = Math.min(columnCount(sheet), 60);
  const single = classifyRows(sheet, {}, row, row, width);
  return hasRequired(single.columns) && single.roles >= 3;
}
