import { sheetQualified } from '../address';
import { GridCell, SheetGrid, WorkbookGrid } from '../grid';
import { WritePlan } from './types';

/**
 * Applies a plan to an in-memory workbook, the way a gateway applies it to a real one
 * (formulas carry their computed result). Used by the browser mode and to prove idempotence.
 * Fills are formats, which grids do not hold, so highlights are left to the gateways.
 */
export function applyPlanToGrid(workbook: WorkbookGrid, plan: WritePlan): WorkbookGrid {
  const sheets: SheetGrid[] = [];
  for (let i = 0; i < workbook.sheets.length; i++) {
    if (workbook.sheets[i].name !== plan.summary.name) sheets.push(copySheet(workbook.sheets[i]));
  }
  for (let i = 0; i < plan.writes.length; i++) {
    const w = plan.writes[i];
    let sheet: SheetGrid | null = null;
    for (let s = 0; s < sheets.length; s++) if (sheets[s].name === w.sheet) sheet = sheets[s];
    if (!sheet) continue;
    while (sheet.rows.length <= w.row) sheet.rows.push([]);
    const row = sheet.rows[w.row] || (sheet.rows[w.row] = []);
    const old = row[w.col];
    // A value write (appraiser's fill) is a constant, as if typed; the rest are formulas with their result.
    const cell: GridCell = w.purpose === 'appraised-fill' ? { value: w.value } : { value: w.result, formula: w.formula };
    if (old && old.font) cell.font = old.font;
    row[w.col] = cell;
  }
  sheets.push(summaryToGrid(plan));
  const result: WorkbookGrid = { sheets: sheets };
  if (workbook.fileName) result.fileName = workbook.fileName;
  return result;
}

function copySheet(sheet: SheetGrid): SheetGrid {
  const rows: SheetGrid['rows'] = [];
  for (let r = 0; r < sheet.rows.length; r++) {
    const row = sheet.rows[r];
    rows.push(row ? row.slice() : row);
  }
  const copy: SheetGrid = { name: sheet.name, rows: rows };
  if (sheet.merges) copy.merges = sheet.merges.slice();
  // Hidden lines stay hidden in the annotated copy, so a re-read sees the same sheet.
  if (sheet.hidden) copy.hidden = { rows: sheet.hidden.rows.slice(), columns: sheet.hidden.columns.slice() };
  return copy;
}

function summaryToGrid(plan: WritePlan): SheetGrid {
  const rows: GridCell[][] = [];
  for (let r = 0; r < plan.summary.rows.length; r++) {
    const source = plan.summary.rows[r];
    const row: GridCell[] = [];
    for (let c = 0; c < source.length; c++) {
      const cell = source[c];
      if (cell.kind === 'number') row.push({ value: cell.value });
      else if (cell.kind === 'link') row.push({ value: cell.text, hyperlink: '#' + sheetQualified(cell.sheet, cell.address) });
      else row.push({ value: cell.text });
    }
    rows.push(row);
  }
  return { name: plan.summary.name, rows: rows };
}
