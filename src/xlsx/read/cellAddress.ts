import { CellRange } from '../../core/grid';
import { bad } from './malformed';
import { BeyondLimits, MAX_COL, MAX_ROW } from './limits';

// Addresses as ExcelJS's colCache reads them.

export interface Addr {
  col: number | undefined;
  row: number | undefined;
  /** Normalised "B3" ("$" dropped). */
  address: string;
}

/**
 * "B3", "$B$3", "B", "3" -> 1-based column and row (undefined when absent). cellLimits: a cell's own
 * address, so a column or row beyond the sheet is BeyondLimits rather than a corrupt part.
 */
export function decodeAddress(value: string, cellLimits = false): Addr {
  let hasCol = false;
  let col = '';
  let colNumber = 0;
  let hasRow = false;
  let row = '';
  let rowNumber = 0;
  for (let i = 0; i < value.length; i++) {
    const ch = value.charCodeAt(i);
    if (!hasRow && ch >= 65 && ch <= 90) {
      hasCol = true;
      col += value[i];
      colNumber = colNumber * 26 + ch - 64;
    } else if (ch >= 48 && ch <= 57) {
      hasRow = true;
      row += value[i];
      rowNumber = rowNumber * 10 + ch - 48;
    } else if (hasRow && hasCol && ch !== 36) {
      break;
    }
  }
  if (hasCol && colNumber > MAX_COL) {
    if (cellLimits) throw new BeyondLimits('columns', colNumber);
    bad('column out of range: ' + col);
  }
  if (cellLimits && hasRow && rowNumber > MAX_ROW) throw new BeyondLimits('rows', rowNumber);
  return { col: hasCol ? colNumber : undefined, row: hasRow ? rowNumber : undefined, address: col + row };
}

/** A merge's "A1:C2" (or "Sheet!A1:C2", or one cell) -> 0-based inclusive rectangle. */
export function decodeRange(ref: string): CellRange {
  const bang = ref.lastIndexOf('!');
  const body = bang >= 0 ? ref.slice(bang + 1) : ref;
  const parts = body.split(':');
  const tl = decodeAddress(parts[0]);
  const br = parts.length === 2 ? decodeAddress(parts[1]) : tl;
  if (tl.row === undefined || tl.col === undefined || br.row === undefined || br.col === undefined || !tl.row || !tl.col || !br.row || !br.col) {
    bad('bad merge range ' + ref);
  }
  return {
    top: Math.min(tl.row, br.row) - 1,
    left: Math.min(tl.col, br.col) - 1,
    bottom: Math.max(tl.row, br.row) - 1,
    right: Math.max(tl.col, br.col) - 1,
  };
}
