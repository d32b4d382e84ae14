import { CellScalar } from '../grid';

/**
 * A write plan: everything a gateway must do to a workbook, as plain data.
 * Gateways apply it literally; the core has already decided which cells it owns.
 */

/** Why the tool writes a formula: only these cells are the tool's to write on every run. */
export type FormulaPurpose = 'parent-total' | 'sheet-total' | 'percent';

/**
 * Why the tool writes a cell. 'appraised-fill' is the appraiser's mode, on request only: a self-score
 * copied as a constant into an appraised cell that was empty (src/app/fillAppraised.ts).
 */
export type WritePurpose = FormulaPurpose | 'appraised-fill';

interface CellWriteBase {
  sheet: string;
  /** 0-based */
  row: number;
  col: number;
  /** A1 address, e.g. "E12". */
  address: string;
  /** Excel number format, e.g. "0.00%" for percentages; absent keeps the cell's own. */
  numberFormat?: string;
  /** What the cell held before, so it can be restored. */
  previous: { value: CellScalar; formula?: string };
}

/** A live formula the tool owns (totals, percentages). */
export interface FormulaWrite extends CellWriteBase {
  purpose: FormulaPurpose;
  /** Formula without "=". */
  formula: string;
  /** The value the formula evaluates to, so hosts that cannot recalculate still show it. */
  result: number | string;
  value?: undefined;
}

/**
 * A constant written into a cell (a number, or text such as the "x" that picks a level), never a
 * formula: gateways write it as the value a user would type, text staying text.
 */
export interface ValueWrite extends CellWriteBase {
  purpose: 'appraised-fill';
  value: number | string;
  formula?: undefined;
  result?: undefined;
}

/** One cell a plan writes; gateways tell the two kinds apart by `purpose` (or by which of formula/value is set). */
export type CellWrite = FormulaWrite | ValueWrite;

/**
 * The colour groups of highlights: every flag that names a cell of a scoring sheet is one of them (see
 * buildPlan.ts; the summary sheet's legend says what each colour means).
 */
export type HighlightKind = 'score-problem' | 'missing-evidence' | 'evidence-doubt' | 'review';

export interface Highlight {
  sheet: string;
  row: number;
  col: number;
  address: string;
  kind: HighlightKind;
  /** Background colour as RRGGBB. */
  color: string;
  /**
   * What is wrong, as the short note the cell carries ("CCHC:" then one line per flag on the cell);
   * writers put it only where the user has no note of their own.
   */
  note: string;
}

/** One cell of the tool-owned summary sheet. Text stays text: never parsed as a formula. */
export type SummaryCell =
  /** `fill`: a background colour (RRGGBB), for the legend's colour swatches. */
  | { kind: 'text'; text: string; bold?: boolean; fill?: string }
  | { kind: 'number'; value: number; numberFormat?: string; bold?: boolean }
  | { kind: 'link'; text: string; sheet: string; address: string };

/** A block of cells on a tool sheet, 0-based, `rows` × `cols`. */
export interface CellBlock {
  row: number;
  col: number;
  rows: number;
  cols: number;
}

/**
 * A horizontal bar chart over a block of the sheet's own cells (chartBlock.ts): what the Excel gateway
 * adds with the chart API and the file writers draw as a chart part, alike.
 */
export interface SheetChart {
  /** The chart's name among the sheet's charts: how a later run finds and replaces its own. */
  name: string;
  title: string;
  /**
   * The data: a header row (blank over the categories, then each series' name) and one row per bar,
   * its category text in the first column and a value (a fraction: 1 is 100 %) per series after it.
   * Bars read top to bottom in the rows' order.
   */
  data: CellBlock;
  /** The cells the chart covers: beside the data, with rows kept empty below it when the data is short. */
  anchor: CellBlock;
  /** The value axis runs from 0 to this, in this number format. */
  max: number;
  numberFormat: string;
}

export interface SummarySheet {
  name: string;
  rows: SummaryCell[][];
  /** Column widths in characters, for hosts that can set them. */
  columnWidths: number[];
  /** A chart over some of the sheet's cells; absent: none. */
  chart?: SheetChart;
}

export interface WritePlan {
  writes: CellWrite[];
  highlights: Highlight[];
  summary: SummarySheet;
}
