import { WorkbookGrid } from '../../src/core/grid';
import { createExcelHost } from '../../src/excel/officeGateway';
import { fakeInitFromGrid, FakeOfficeHandle, FakeWorkbookInit, installFakeOffice } from '../helpers/fakeExcel';

/** A workbook in the Office fake at an API level, with the gateway every button uses on it. */
export function officeWorkbook(grid: WorkbookGrid, level: string, settings?: FakeWorkbookInit['settings']) {
  const init: FakeWorkbookInit = fakeInitFromGrid(grid);
  if (settings) init.settings = settings;
  const g: Record<string, unknown> = {};
  const fake = installFakeOffice(g, init, { apiLevel: level });
  const host = createExcelHost({ globals: g, debounceMs: 5 });
  return { fake, host };
}

export interface CellState {
  v: unknown;
  nf: string;
  fill: string | null;
}

/** Every non-empty cell of every sheet (formula or value, number format, fill) and each sheet's conditional formats. */
export function cellsOf(fake: FakeOfficeHandle): Record<string, { cells: Record<string, CellState>; cfs: unknown[] }> {
  const out: Record<string, { cells: Record<string, CellState>; cfs: unknown[] }> = {};
  for (const s of fake.sheets) {
    const cells: Record<string, CellState> = {};
    for (const k of Object.keys(s.cells).sort()) {
      const c = s.cells[k];
      const v = c.formula ? c.formula : c.value;
      if ((v === null || v === '') && !c.fill && (!c.numberFormat || c.numberFormat === 'General')) continue;
      cells[k] = { v, nf: c.numberFormat || 'General', fill: c.fill || null };
    }
    out[s.name] = { cells, cfs: s.cfs.map((cf) => ({ rect: cf.rect, formula: cf.formula, fill: cf.fill })) };
  }
  return out;
}
