import { buildSampleGrid } from '../../src/core/sample/thanhXa2023';
import { createExcelHost } from '../../src/excel/officeGateway';
import { fakeInitFromGrid, FakeOfficeHandle, FakeWorkbookInit, installFakeOffice } from '../helpers/fakeExcel';

/**
 * The first read in a document the add-in has never seen (no sheet names in its settings): the names
 * and the active sheet in one sync, so a one-sheet workbook costs no extra sync; a larger one reads
 * only its other sheets in a second sync. Later reads stay one sync.
 */

function install(init: FakeWorkbookInit, level: string): { fake: FakeOfficeHandle; host: ReturnType<typeof createExcelHost> } {
  const g: Record<string, unknown> = {};
  const fake = installFakeOffice(g, init, { apiLevel: level });
  return { fake, host: createExcelHost({ globals: g, debounceMs: 5 }) };
}

describe.each(['1.1', '1.9', '1.20'])('first read of a new document at ExcelApi %s', (level) => {
  test('a one-sheet workbook is read in one sync, names learnt in it and kept', async () => {
    const sample = fakeInitFromGrid(buildSampleGrid());
    const init: FakeWorkbookInit = { sheets: [sample.sheets[0]] };
    const { fake, host } = install(init, level);
    const grid = await host.readWorkbook();
    expect(fake.syncCount()).toBe(1);
    expect(grid.sheets.map((s) => s.name)).toEqual([init.sheets[0].name]);
    expect(JSON.parse(fake.settings['cchc.sheetNames'])).toEqual([init.sheets[0].name]);
    fake.resetCounters();
    await host.readWorkbook();
    expect(fake.syncCount()).toBe(1);
  });

  test('the same grid as a later read, whichever sheet is active', async () => {
    const init = fakeInitFromGrid(buildSampleGrid());
    const known = install({ sheets: init.sheets, settings: { 'cchc.sheetNames': JSON.stringify(init.sheets.map((s) => s.name)) } }, level);
    const expected = await known.host.readWorkbook();
    expect(known.fake.syncCount()).toBe(1);
    for (const active of init.sheets.map((s) => s.name)) {
      const { fake, host } = install({ sheets: init.sheets, activeSheet: active }, level);
      const grid = await host.readWorkbook();
      expect(grid).toEqual(expected);
      // Two user sheets: the active one with the names, then only the other one (less than a whole read).
      expect(fake.syncCount()).toBe(2);
      expect(fake.syncLog[1].bytes).toBeLessThan(known.fake.syncLog[0].bytes);
    }
  });

  test('an active backup sheet (visible below 1.2) is read as the backup, not as a table', async () => {
    const sample = fakeInitFromGrid(buildSampleGrid());
    const meta = JSON.stringify({ k: 'meta', v: 1, summaryExisted: false, level: level });
    const init: FakeWorkbookInit = { sheets: [sample.sheets[0], { name: 'CCHC_backup', rows: [[{ value: meta }]] }], activeSheet: 'CCHC_backup' };
    const { fake, host } = install(init, level);
    const grid = await host.readWorkbook();
    expect(grid.sheets.map((s) => s.name)).toEqual([sample.sheets[0].name]);
    expect(host.canRevert!()).toBe(true);
    expect(fake.syncCount()).toBe(2);
  });

  test('an active chart sheet (not a worksheet): the names are learnt first, as before, and the read is the same', async () => {
    const init = fakeInitFromGrid(buildSampleGrid());
    const known = install({ sheets: init.sheets, settings: { 'cchc.sheetNames': JSON.stringify(init.sheets.map((s) => s.name)) } }, level);
    const expected = await known.host.readWorkbook();
    const { fake, host } = install({ sheets: init.sheets, activeSheet: 'Biểu đồ' }, level);
    expect(await host.readWorkbook()).toEqual(expected);
    // The failed batch, the names, the read.
    expect(fake.syncCount()).toBe(3);
    fake.resetCounters();
    await host.readWorkbook();
    expect(fake.syncCount()).toBe(1);
  });
});
