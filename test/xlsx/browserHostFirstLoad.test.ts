import { analyseWorkbook } from '../../src/core/analyse';
import { planWorkbook } from '../../src/core/plan/planWorkbook';
import { createBrowserHost } from '../../src/xlsx/browserHost';

/**
 * The standalone page shows the sample's first result without ExcelJS (about 283 KB gzipped): it is
 * loaded only when the sample's file is needed (a write, a download). Nothing else in this file may
 * import ExcelJS, so the mock's factory runs exactly when the host first needs it.
 */
let excelJsLoaded = false;
jest.mock('exceljs', () => {
  excelJsLoaded = true;
  return jest.requireActual('exceljs');
});

test('the first result needs no ExcelJS; the first write builds the sample file and writes into it', async () => {
  const host = await createBrowserHost(undefined, 'vi');
  const grid = await host.readWorkbook();
  const analysis = analyseWorkbook(grid);
  expect(analysis.sheets.map((s) => s.name)).toEqual(['Phụ lục 1', 'Phụ lục 2']);
  expect(excelJsLoaded).toBe(false);
  await host.applyPlan(planWorkbook(analysis, grid, 'vi'), { highlights: true });
  expect(excelJsLoaded).toBe(true);
  // What the pane shows next is the written file read back: the totals it wrote, no hand total left wrong.
  const after = analyseWorkbook(await host.readWorkbook());
  expect(after.flags.filter((f) => f.kind === 'hand-total-mismatch')).toHaveLength(0);
  expect(after.total.self).toBe(analysis.total.self);
});
