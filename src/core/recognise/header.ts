import { cellAt, columnCount, SheetGrid } from '../grid';
import { foldText } from '../text/fold';
import { displayText } from './cellText';

/** The columns a scoring table can have; code, name, max and self are required. */
export type ColumnRole = 'code' | 'name' | 'max' | 'self' | 'appraised' | 'evidence' | 'guidance' | 'note' | 'percent' | 'appraisedPercent';

export type ColumnMap = { [role in ColumnRole]?: number };

export interface TableHeader {
  /** 0-based first and last header row (equal for a one-row header). */
  top: number;
  bottom: number;
  columns: ColumnMap;
  /** First row of the table body (after any "(1) (2) (3)" column-number row). */
  firstBodyRow: number;
  /** Header text per column, for messages and the summary. */
  labels: { [col: number]: string };
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
  if (/ tu danh gia | tu cham | tu dg | xa cham | tu diem | diem tu /.test(t)) return 'self';
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
  roles: number;
}

function classifyRows(sheet: SheetGrid, merges: MergeIndex, top: number, bottom: number, width: number): Candidate {
  const columns: ColumnMap = {};
  const labels: { [col: number]: string } = {};
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
    // Sub-header first ("Tối đa" under "Điểm"), then the joined label.
    const role = classifyHeader(foldText(text));
    if (role && columns[role] === undefined) {
      columns[role] = c;
      labels[c] = text;
      roles++;
    }
  }
  return { columns: columns, labels: labels, roles: roles };
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

/** Finds the header of a scoring table in the first rows of a sheet, or null. */
export function findHeader(sheet: SheetGrid): TableHeader | null {
  const lastRow = Math.min(sheet.rows.length, HEADER_SEARCH_ROWS) - 1;
  if (lastRow < 0) return null;
  const width = Math.min(columnCount(sheet), 60);
  const merges = indexMerges(sheet, lastRow + 1);
  for (let top = 0; top <= lastRow; top++) {
    const single = classifyRows(sheet, merges, top, top, width);
    const double = top + 1 < sheet.rows.length ? classifyRows(sheet, merges, top, top + 1, width) : null;
    let chosen: Candidate | null = null;
    let bottom = top;
    if (hasRequired(single.columns)) chosen = single;
    // A two-row header's top row already names several columns; a title row above a header does not.
    if (double && single.roles >= 2 && hasRequired(double.columns) && (!chosen || double.roles > chosen.roles)) {
      chosen = double;
      bottom = top + 1;
    }
    if (!chosen) continue;
    let firstBodyRow = bottom + 1;
    if (firstBodyRow < sheet.rows.length && isColumnNumberRow(sheet, firstBodyRow, width)) firstBodyRow++;
    return { top: top, bottom: bottom, columns: chosen.columns, firstBodyRow: firstBodyRow, labels: chosen.labels };
  }
  return null;
}
