import type { WorkbookAnalysis } from '../../core/analyse';
import type { Flag } from '../../core/check';
import { explainText, readingText, reasonLabel, roleLabel } from '../../core/messages';
import { headerRowsText, readRows } from '../../core/report';
import type { Lang } from '../../core/number';
import type { ColumnCandidate, ColumnChoices, ColumnRole, TableReading } from '../../core/recognise';

/**
 * What "Cách đọc bảng" shows, as plain data (no React): per analysed table, per role, the columns a
 * picker offers ("E — Điểm tự đánh giá năm 2023 (ẩn)", "Không có"), the one in use and why, and how
 * the rows were read (the same words as `cchc score --explain`).
 * Loaded with the section's body, off the pane's first load.
 */

/** "E" for 4. Not core/address's: a module shared with the first load would lose its scope hoisting there. */
function letters(col: number): string {
  let n = col + 1;
  let out = '';
  while (n > 0) {
    out = String.fromCharCode(65 + ((n - 1) % 26)) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/** Roles always offered; the others only when the table has (or the user chose) a column for them. */
export const PICKER_ROLES: ColumnRole[] = ['code', 'name', 'max', 'self', 'appraised', 'evidence'];
const OTHER_ROLES: ColumnRole[] = ['guidance', 'note', 'percent', 'appraisedPercent'];

/** The picker's value for "Không có". */
export const NONE_VALUE = 'none';

export interface PickerOption {
  /** The column index as text, or NONE_VALUE. */
  value: string;
  text: string;
}

export interface RolePicker {
  role: ColumnRole;
  label: string;
  /** The option in use. */
  value: string;
  options: PickerOption[];
  /** "Vì sao: …", or why there is no column. */
  why: string;
  /** The user chose this role's column (or none) for the sheet. */
  chosen: boolean;
  /** An ambiguous-column flag is about this role in this table. */
  unsure: boolean;
}

export interface TableReadingView {
  key: string;
  sheet: string;
  tableIndex: number;
  title: string;
  /** "This sheet holds 2 tables: …", when a pick applies to more than this table. */
  sheetWide: string;
  /** The sheet has a choice of the user's, so "Đặt lại" has something to clear. */
  hasChoice: boolean;
  pickers: RolePicker[];
  /** The chosen columns leave no table to read in the sheet: only "Đặt lại" is offered, with this line. */
  lost: string;
  /** How its rows were read: "Dòng tiêu đề: 4–5; bảng kết thúc ở dòng 120." and "Các dòng đã đọc: 7 lĩnh vực, …". */
  rowsRead: string[];
}

function optionText(candidate: ColumnCandidate, lang: Lang): string {
  const label = candidate.label.replace(/\s+/g, ' ').trim();
  const text = label ? readingText('columnOption', lang, { letter: letters(candidate.col), label: label }) : letters(candidate.col);
  return candidate.hidden ? text + readingText('hidden', lang) : text;
}

/** Whether an ambiguous-column flag is about `role` within the rows of this table. */
function unsureRoles(flags: Flag[], sheet: string, reading: TableReading): { [role: string]: boolean } {
  const out: { [role: string]: boolean } = {};
  for (const f of flags) {
    if (f.kind !== 'ambiguous-column' || f.sheet !== sheet) continue;
    if (f.row >= 0 && (f.row < reading.headerTop || f.row > Math.max(reading.lastRow, reading.headerBottom))) continue;
    const p = f.params as { [name: string]: unknown };
    for (const key of ['option', 'role']) if (typeof p[key] === 'string') out[p[key] as string] = true;
  }
  return out;
}

export function buildReadingView(analysis: WorkbookAnalysis, choices: ColumnChoices | null, lang: Lang): TableReadingView[] {
  const tablesBySheet: { [sheet: string]: number } = {};
  for (const s of analysis.sheets) tablesBySheet[s.name] = (tablesBySheet[s.name] || 0) + 1;
  const views: TableReadingView[] = [];
  for (const s of analysis.sheets) {
    const reading = s.reading;
    if (!reading) continue;
    const own = choices && Object.prototype.hasOwnProperty.call(choices, s.name) ? choices[s.name] : null;
    const all = choices && Object.prototype.hasOwnProperty.call(choices, '*') ? choices['*'] : null;
    const several = tablesBySheet[s.name] > 1;
    const unsure = unsureRoles(analysis.flags, s.name, reading);
    const pickers: RolePicker[] = [];
    for (const role of PICKER_ROLES.concat(OTHER_ROLES)) {
      const read = reading.roles.find((r) => r.role === role);
      const choice = own && own[role] !== undefined ? own[role] : all && all[role] !== undefined ? all[role] : undefined;
      if (!read && choice === undefined && PICKER_ROLES.indexOf(role) < 0) continue;
      const options: PickerOption[] = reading.columns.map((c) => ({ value: String(c.col), text: optionText(c, lang) }));
      // A column in use (or chosen) without a header label still shows, so the picker never lies.
      const inUse = read ? read.col : typeof choice === 'number' ? choice : null;
      if (inUse !== null && !reading.columns.some((c) => c.col === inUse)) options.push({ value: String(inUse), text: letters(inUse) });
      options.sort((a, b) => Number(a.value) - Number(b.value));
      options.push({ value: NONE_VALUE, text: readingText('none', lang) });
      let why: string;
      if (read) why = readingText('why', lang, { reason: reasonLabel(read.reason, lang) });
      else if (choice === null) why = readingText('userNone', lang);
      else why = readingText('why', lang, { reason: readingText('noColumn', lang) });
      pickers.push({
        role,
        label: roleLabel(role, lang),
        value: inUse !== null ? String(inUse) : NONE_VALUE,
        options,
        why,
        chosen: choice !== undefined,
        unsure: !!unsure[role],
      });
    }
    views.push({
      key: s.name + '#' + s.tableIndex,
      sheet: s.name,
      tableIndex: s.tableIndex,
      title: several ? readingText('tableIndex', lang, { sheet: s.name, index: s.tableIndex }) : readingText('table', lang, { sheet: s.name }),
      sheetWide: several ? readingText('sheetWide', lang, { count: tablesBySheet[s.name] }) : '',
      hasChoice: !!own,
      pickers,
      lost: '',
      rowsRead: [headerRowsText(s, lang), explainText('rowsHeading', lang, { counts: readRows(s, lang).counts })],
    });
  }
  // A choice can leave a sheet with no table (its self-score set to "Không có"): it stays listed so the
  // user can undo it here.
  if (choices)
    for (const skipped of analysis.skipped) {
      if (!Object.prototype.hasOwnProperty.call(choices, skipped.name) || tablesBySheet[skipped.name]) continue;
      views.push({
        key: skipped.name + '#lost',
        sheet: skipped.name,
        tableIndex: 1,
        title: readingText('table', lang, { sheet: skipped.name }),
        sheetWide: '',
        hasChoice: true,
        pickers: [],
        lost: readingText('lost', lang),
        rowsRead: [],
      });
    }
  return views;
}
