import { columnIndex, columnLetters } from '../../core/address';
import { decodeAddress } from './cellAddress';
import { MAX_COL, MAX_ROW } from './limits';

/**
 * Shared formulas: a worksheet stores the formula once, on the master cell (<f t="shared" ref=".."
 * si="n">), and each other cell of the group only names the group (<f t="shared" si="n"/>). A
 * clone's formula is the master's with every relative reference moved by the distance from the
 * master to the clone. Pure text functions: the reader uses one, the package patcher the other.
 *
 * The references found and moved are ExcelJS's slideFormula's, on purpose (the reader's grid must
 * be the one ExcelJS gives): an optional `Sheet!` prefix (unquoted names only; `'My sheet'!A1` is
 * still moved, as `!A1`), then column letters and a row, each with or without `$`. A `$` part
 * stays, letters beyond XFD are a name, a word followed by `(` is a function; lower-case
 * references come back upper-case. A range moves end by end. Text inside string literals is not
 * told apart ("A1" in quotes moves too).
 */

/** A reference moved off the sheet: left of column A or beyond XFD, or (strictly) above row 1 or below row 1,048,576. */
export class FormulaOffSheet extends Error {}

const REPLACEMENT_CANDIDATE_RX = /(([a-z_\-0-9]*)!)?([a-z0-9_$]{2,})([(])?/gi;
const CELL_REF_RX = /^([$])?([a-z]+)([$])?([1-9][0-9]*)$/i;

/**
 * The formula of the cell at `cellAddress` in the shared group whose master, at `masterAddress`,
 * holds `formula` (the text of the master's <f>, no leading "="). Addresses are A1 ("B3" or
 * "$B$3"). Throws FormulaOffSheet when a reference would move off the sheet in either direction
 * (Excel would have had to write #REF! there, so the file was not written by Excel's rules), or when
 * an address is not a cell's.
 */
export function translateSharedFormula(formula: string, masterAddress: string, cellAddress: string): string {
  return slide(formula, masterAddress, cellAddress, true);
}

/**
 * As translateSharedFormula, with ExcelJS 4.4's one leniency kept for the reader: rows are not
 * checked, so a reference may come out as row 0 or row 1,048,577 (only columns off the sheet throw).
 */
export function slideFormulaAsExcelJs(formula: string, fromCell: string, toCell: string): string {
  return slide(formula, fromCell, toCell, false);
}

function slide(formula: string, fromCell: string, toCell: string, strict: boolean): string {
  const offset = decodeAddress(fromCell);
  const to = decodeAddress(toCell);
  if (strict && (offset.col === undefined || offset.row === undefined || to.col === undefined || to.row === undefined)) {
    throw new FormulaOffSheet('not a cell address: ' + (offset.row === undefined || offset.col === undefined ? fromCell : toCell));
  }
  return formula.replace(REPLACEMENT_CANDIDATE_RX, (refMatch: string, sheet: string | undefined, _sheetMaybe: string, addrPart: string, trailingParen: string | undefined) => {
    if (trailingParen) return refMatch;
    const match = CELL_REF_RX.exec(addrPart);
    if (!match) return refMatch;
    const colDollar = match[1];
    const colStr = match[2].toUpperCase();
    const rowDollar = match[3];
    const rowStr = match[4];
    if (colStr.length > 3 || (colStr.length === 3 && colStr > 'XFD')) return refMatch;
    let col = columnIndex(colStr) + 1;
    let row = parseInt(rowStr, 10);
    if (!colDollar) col += (to.col as number) - (offset.col as number);
    if (!rowDollar) row += (to.row as number) - (offset.row as number);
    if (col < 1 || col > MAX_COL) throw new FormulaOffSheet('column out of range after translating a shared formula');
    if (strict && (row < 1 || row > MAX_ROW)) throw new FormulaOffSheet('row out of range after translating a shared formula');
    return (sheet || '') + (colDollar || '') + columnLetters(col - 1) + (rowDollar || '') + row;
  });
}
