import { ColumnRole } from './header';

/**
 * How a table was read, as plain data for `cchc score --explain` and the pane's "Cách đọc bảng",
 * and the user's own choice of columns that overrides the inference.
 */

/** Why a column was given its role. */
export type RoleReason =
  | 'user' // set by the user (--column, a JSON file, the pane), kept in the workbook
  | 'header' // the only column whose header names the role
  | 'year' // its header names the assessment year, another column's another year
  | 'visible' // the other candidates are hidden
  | 'wording' // its header's words fit the role better (self over appraised, the commune over the district)
  | 'content' // what the column holds: hierarchical codes rather than a running 1..N, scores within the maxima
  | 'position'; // nothing told the candidates apart: the rightmost was taken, and an ambiguous-column flag says so

export interface ColumnCandidate {
  col: number;
  /** Header text as shown (joined header rows). */
  label: string;
  /** The column is hidden in the workbook; undefined where the host could not tell. */
  hidden?: boolean;
}

export interface RoleReading {
  role: ColumnRole;
  col: number;
  label: string;
  reason: RoleReason;
  /** Other columns that could have had this role, best first. */
  alternatives: ColumnCandidate[];
}

/** What the build step made of a body row. */
export type RowKind = 'criterion' | 'part' | 'tier' | 'group' | 'survey' | 'deduction' | 'total' | 'ignored';

export interface RowReading {
  row: number;
  kind: RowKind;
  /** The sheet's own label ("I", "1", "a)"), empty when none. */
  label: string;
  /** The unique path code of a criterion, part, survey or deduction row ("2.1.a"); empty otherwise. */
  code: string;
  /** The row is hidden in the workbook (it still counts, as Excel's SUM counts it). */
  hidden?: boolean;
}

export interface TableReading {
  /** 0-based first and last header row. */
  headerTop: number;
  headerBottom: number;
  /** Last row of the table (its total row, or the last row read). */
  lastRow: number;
  roles: RoleReading[];
  /** Every column with a header label, for a picker. */
  columns: ColumnCandidate[];
  /** The host told which rows and columns are hidden (see SheetGrid.hidden). */
  hiddenKnown: boolean;
}

/**
 * A user's choice of column per role, by sheet name ("*" for every sheet): 0-based column indexes,
 * or null for "this sheet has no such column". What `cchc score --column self=E`, `--columns FILE.json`
 * and the pane's "Cách đọc bảng" set; kept in the workbook by the Office.js gateway.
 */
export type ColumnChoice = { [role in ColumnRole]?: number | null };

export interface ColumnChoices {
  [sheet: string]: ColumnChoice;
}

/** The choice for one sheet: its own entries over the "*" entries. */
export function choiceForSheet(choices: ColumnChoices | null | undefined, sheet: string): ColumnChoice | null {
  if (!choices) return null;
  const all = Object.prototype.hasOwnProperty.call(choices, '*') ? choices['*'] : null;
  const own = Object.prototype.hasOwnProperty.call(choices, sheet) ? choices[sheet] : null;
  if (!all && !own) return null;
  const merged: ColumnChoice = {};
  const sources = [all, own];
  for (let s = 0; s < sources.length; s++) {
    const source = sources[s];
    if (!source) continue;
    for (const role in source)
      if (Object.prototype.hasOwnProperty.call(source, role)) (merged as { [r: string]: number | null | undefined })[role] = (source as { [r: string]: number | null | undefined })[role];
  }
  return merged;
}
