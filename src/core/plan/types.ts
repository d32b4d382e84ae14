import { CellScalar } from '../grid';

/**
 * A write plan: everything a gateway must do to a workbook, as plain data.
 * Gateways apply it literally; the core has already decided which cells it owns.
 */

/** Why the tool writes a cell; only these cells are the tool's to write. */
export type WritePurpose = 'parent-total' | 'sheet-total' | 'percent';

export interface CellWrite {
  sheet: string;
  /** 0-based */
  row: number;
  col: number;
  /** A1 address, e.g. "E12". */
  address: string;
  /** Formula without "=". */
  formula: string;
  /** The value the formula evaluates to, so hosts that cannot recalculate still show it. */
  result: number | string;
  /** Excel number format, e.g. "0.00%" for percentages; absent keeps the cell's own. */
  numberFormat?: string;
  purpose: WritePurpose;
  /** What the cell held before, so it can be restored. */
  previous: { value: CellScalar; formula?: string };
}

export type HighlightKind = 'missing-evidence' | 'score-problem';

export interface Highlight {
  sheet: string;
  row: number;
  col: number;
  address: string;
  kind: HighlightKind;
  /** Background colour as RRGGBB. */
  color: string;
}

/** One cell of the tool-owned summary sheet. Text stays text: never parsed as a formula. */
export type SummaryCell =
  | { kind: 'text'; text: string; bold?: boolean }
  | { kind: 'number'; value: number; numberFormat?: string; bold?: boolean }
  | { kind: 'link'; text: string; sheet: string; address: string };

export interface SummarySheet {
  name: string;
  rows: SummaryCell[][];
  /** Column widths in characters, for hosts that can set them. */
  columnWidths: number[];
}

export interface WritePlan {
  writes: CellWrite[];
  highlights: Highlight[];
  summary: SummarySheet;
}
