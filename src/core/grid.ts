/**
 * Plain-data view of a workbook: what every host gateway (Office.js, ExcelJS, the browser)
 * hands to the scoring core. No host types leak past this file.
 * Rows and columns are 0-based here; A1 addresses are made only for people (see address.ts).
 */

/** A cell's value as the host reports it; formulas give their last computed result here. */
export type CellScalar = string | number | boolean | null;

export interface GridCell {
  /** Shown value (formula result for formulas). Dates arrive as Excel serial numbers. */
  value: CellScalar;
  /** Formula text without the leading "=", when the cell holds one. */
  formula?: string;
  /** Hyperlink target attached to the cell (not a HYPERLINK() formula: that is in `formula`). */
  hyperlink?: string;
  /** Font name where the host knows it: ".VnTime" means TCVN3 text, "VNI-Times" means VNI. */
  font?: string;
  /** Excel error text such as "#REF!" when the cell holds an error. */
  error?: string;
}

/** Inclusive 0-based rectangle. */
export interface CellRange {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface SheetGrid {
  name: string;
  /** rows[r][c]; missing rows or cells are empty. */
  rows: Array<Array<GridCell | null | undefined> | null | undefined>;
  merges?: CellRange[];
  /**
   * Hidden rows and columns (0-based indexes, ascending) where the host can tell: the file readers
   * always can, Office.js where the API set allows. Absent: the host could not tell, and recognition
   * says so when a choice between columns would depend on it.
   */
  hidden?: HiddenLines;
}

export interface HiddenLines {
  rows: number[];
  columns: number[];
}

export interface WorkbookGrid {
  sheets: SheetGrid[];
  /** File name, for messages and the summary; optional. */
  fileName?: string;
}

export function cellAt(sheet: SheetGrid, row: number, col: number): GridCell | null {
  const r = sheet.rows[row];
  if (!r) return null;
  const c = r[col];
  return c ? c : null;
}

export function rowCount(sheet: SheetGrid): number {
  return sheet.rows.length;
}

export function columnCount(sheet: SheetGrid): number {
  let n = 0;
  for (let r = 0; r < sheet.rows.length; r++) {
    const row = sheet.rows[r];
    if (row && row.length > n) n = row.length;
  }
  return n;
}
