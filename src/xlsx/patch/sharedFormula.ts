import { columnIndex, columnLetters } from '../../core/address';

/**
 * A shared formula's master text moved to one of its clones: the translation both readers apply
 * (ExcelJS's slideFormula, reproduced by fastGrid.ts's private `slideFormula`), so a detached clone
 * carries exactly the formula the readers showed for it before. fastGrid.ts does not export its copy
 * and is not ours to edit in this change; once it does (`export function slideFormula`), this file
 * should become a re-export of it. Kept character for character in behaviour: the same candidate
 * pattern, the same "> XFD is a name" rule, "$" parts fixed.
 */

const REPLACEMENT_CANDIDATE_RX = /(([a-z_\-0-9]*)!)?([a-z0-9_$]{2,})([(])?/gi;
const CELL_REF_RX = /^([$])?([a-z]+)([$])?([1-9][0-9]*)$/i;
const MAX_COLUMNS = 16384;

/** `formula` as written at `from` (0-based row/col), translated to `to`. */
export function slideFormula(formula: string, from: { row: number; col: number }, to: { row: number; col: number }): string {
  return formula.replace(REPLACEMENT_CANDIDATE_RX, (refMatch: string, sheet: string | undefined, _sheetName: string, addrPart: string, trailingParen: string | undefined) => {
    if (trailingParen) return refMatch;
    const match = CELL_REF_RX.exec(addrPart);
    if (!match) return refMatch;
    const colStr = match[2].toUpperCase();
    if (colStr.length > 3 || (colStr.length === 3 && colStr > 'XFD')) return refMatch;
    let col = columnIndex(colStr) + 1;
    let row = parseInt(match[4], 10);
    if (!match[1]) col += to.col - from.col;
    if (!match[3]) row += to.row - from.row;
    if (col < 1 || col > MAX_COLUMNS) throw new Error('column out of range after translating a shared formula');
    return (sheet || '') + (match[1] || '') + columnLetters(col - 1) + (match[3] || '') + row;
  });
}
