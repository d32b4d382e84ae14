import { CellScalar, GridCell, HiddenLines, SheetGrid, WorkbookGrid } from '../core/grid';
import { BackupRecord } from './backupRecords';
import type { ValidationFound } from './sheetRules';

/**
 * What the gateway's read sync brings back, and the grid the core gets from it. No Office.js calls:
 * plain data in, plain data out. ES5.
 */

/** One sheet as the read sync left it: the used range's cells, and what the API level could add. */
export interface SheetRead {
  name: string;
  top: number;
  left: number;
  formulas: CellScalar[][];
  values: CellScalar[][];
  numberFormat: string[][];
  fills: Array<Array<string | null>> | null;
  protectedSheet: boolean;
  /** Ids of the tool's own conditional formats on the used range (1.6+). */
  ownCfIds: string[];
  /** Hyperlink targets and font names by cell, from getCellProperties (1.9+); null below. */
  links: Array<Array<string | null>> | null;
  fonts: Array<Array<string | null>> | null;
  /** Hidden rows and columns of the used range (readHidden.ts); absent where the API level cannot tell. */
  hidden?: HiddenLines;
  /**
   * The content of every note on the sheet, in the notes collection's order (1.18+; a note has no address
   * to read in the same sync); absent where the API level cannot tell. The write needs no look at a
   * cell's note first when all of them are the tool's (isOwnNote).
   */
  notes?: string[];
  /**
   * From 1.8: the cells with a data validation of the user's own, and the tool's own (sheetRules.ts);
   * null until looked at cell by cell (a sheet the session had not read, with some validation).
   */
  validations?: ValidationFound | null;
  /** The names of the sheet's charts: read on the summary sheet, whose chart of the tool's a run replaces. */
  charts?: string[];
}

export interface ReadState {
  sheets: SheetRead[];
  names: string[];
  backup: BackupRecord[] | null;
  /** From 1.8: the tool's defined names (CCHC_MUC_n). */
  ruleNames?: string[];
}

export function at2<T>(grid: T[][] | null | undefined, r: number, c: number): T | undefined {
  if (!grid) return undefined;
  const row = grid[r];
  return row ? row[c] : undefined;
}

export function toGrid(s: ReadState): WorkbookGrid {
  const sheets: SheetGrid[] = [];
  for (let i = 0; i < s.sheets.length; i++) {
    const sr = s.sheets[i];
    const links = sr.links;
    const fonts = sr.fonts;
    const rows: SheetGrid['rows'] = [];
    for (let r = 0; r < sr.top; r++) rows.push(null);
    for (let r = 0; r < sr.values.length; r++) {
      const row: Array<GridCell | null> = [];
      for (let c = 0; c < sr.left; c++) row.push(null);
      let any = false;
      for (let c = 0; c < sr.values[r].length; c++) {
        const v = sr.values[r][c];
        const f = sr.formulas[r][c];
        const link = at2(links, r, c);
        const font = at2(fonts, r, c);
        if ((v === '' || v === null || v === undefined) && !link && typeof f !== 'string') {
          row.push(null);
          continue;
        }
        const cell: GridCell = { value: v === '' ? null : v };
        if (typeof f === 'string' && f.charAt(0) === '=') cell.formula = f.substring(1);
        if (typeof v === 'string' && /^#(REF!|VALUE!|DIV\/0!|NAME\?|N\/A|NUM!|NULL!|SPILL!|CALC!)$/.test(v)) cell.error = v;
        if (link) cell.hyperlink = link;
        if (font) cell.font = font;
        row.push(cell);
        any = true;
      }
      rows.push(any ? row : null);
    }
    const sheet: SheetGrid = { name: sr.name, rows: rows };
    if (sr.hidden) sheet.hidden = sr.hidden;
    sheets.push(sheet);
  }
  return { sheets: sheets };
}

export function findSheet(s: ReadState, name: string): SheetRead | null {
  for (let i = 0; i < s.sheets.length; i++) if (s.sheets[i].name === name) return s.sheets[i];
  return null;
}

export function prevOf(sr: SheetRead | null, row: number, col: number): { f: CellScalar; nf: string; fill: string | null | undefined } {
  if (!sr) return { f: '', nf: 'General', fill: undefined };
  const r = row - sr.top;
  const c = col - sr.left;
  const f = at2(sr.formulas, r, c);
  const nf = at2(sr.numberFormat, r, c);
  const fill = sr.fills ? at2(sr.fills, r, c) : undefined;
  return { f: f === undefined ? '' : f, nf: nf === undefined ? 'General' : nf, fill: sr.fills ? (fill === undefined ? null : fill) : undefined };
}
