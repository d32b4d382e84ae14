import { WorkbookGrid } from '../../src/core/grid';
import { gridToWorkbook } from '../../src/xlsx/gridToWorkbook';

/**
 * A plain grid as the bytes of a real .xlsx file: values, formulas with their results, hyperlinks,
 * fonts and merges (src/xlsx/gridToWorkbook.ts), plus the hidden rows and columns of each sheet.
 */
export async function gridToXlsxBytes(grid: WorkbookGrid): Promise<Uint8Array> {
  const workbook = gridToWorkbook(grid);
  for (const sheet of grid.sheets) {
    if (!sheet.hidden) continue;
    const ws = workbook.getWorksheet(sheet.name);
    if (!ws) throw new Error('no worksheet ' + sheet.name);
    for (const r of sheet.hidden.rows) ws.getRow(r + 1).hidden = true;
    for (const c of sheet.hidden.columns) ws.getColumn(c + 1).hidden = true;
  }
  const buffer = await workbook.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}
