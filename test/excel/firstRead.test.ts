import { buildSampleGrid } from '../../src/core/sample/thanhXa2023';
import { createExcelHost } from '../../src/excel/officeGateway';
import { FIRST_READ_WALK } from '../../src/excel/read';
import { fakeInitFromGrid, FakeOfficeHandle, FakeOfficeOptions, FakeWorkbookInit, installFakeOffice } from '../helpers/fakeExcel';

/**
 * The first read in a document the add-in has never seen (no sheet names in its settings). From
 * ExcelApi 1.5 it walks the sheets by position with the names, so a workbook of up to FIRST_READ_WALK
 * sheets is read in one sync; below 1.5 the names and the active sheet come in one sync, and a larger
 * workbook's other sheets in a second. Later reads stay one sync. Whatever the way, the grid is the one
 * a read by known names gives.
 */

function install(init: FakeWorkbookInit, level: string, options?: Partial<FakeOfficeOptions>): { fake: FakeOfficeHandle; host: ReturnType<typeof createExcelHost> } {
  const g: Record<string, unknown> = {};
  const fake = installFakeOffice(g, init, { apiLevel: level, ...options });
  return { fake, host: createExcelHost({ globals: g, debounceMs: 5 }) };
}

/** Sheets reached without their names from ExcelApi 1.5 (Worksheet.getNextOrNullObject). */
function walks(level: string): boolean {
  return Number(level.split('.')[1]) >= 5;
}

/** The read of a workbook whose names the add-in already keeps: what every first read must equal. */
async function readByKnownNames(init: FakeWorkbookInit, level: string) {
  const known = install({ sheets: init.sheets, settings: { 'cchc.sheetNames': JSON.stringify(init.sheets.map((s) => s.name)) } }, level);
  const grid = await known.host.readWorkbook();
  expect(known.fake.syncCount()).toBe(1);
  return { grid, bytes: known.fake.syncLog[0].bytes };
}

/** The sample's two sheets and `extra` small sheets after them, each with a value of its own. */
function manySheets(extra: number): FakeWorkbookInit {
  const init = fakeInitFromGrid(buildSampleGrid());
  const sheets = init.sheets.slice();
  for (let i = 0; i < extra; i++) sheets.push({ name: 'Ghi chú ' + (i + 1), rows: [[{ value: 'Trang ' + (i + 1) }, { value: i + 1 }]] });
  return { sheets };
}

describe.each(['1.1', '1.4', '1.5', '1.9', '1.20'])('first read of a new document at ExcelApi %s', (level) => {
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

  test('the Phụ lục 1 + 2 workbook: the same grid as a later read, whichever sheet is active', async () => {
    const init = fakeInitFromGrid(buildSampleGrid());
    const expected = await readByKnownNames(init, level);
    for (const active of init.sheets.map((s) => s.name)) {
      const { fake, host } = install({ sheets: init.sheets, activeSheet: active }, level);
      const grid = await host.readWorkbook();
      expect(grid).toEqual(expected.grid);
      if (walks(level)) {
        expect(fake.syncCount()).toBe(1);
      } else {
        // The active one with the names, then only the other one (less than a whole read).
        expect(fake.syncCount()).toBe(2);
        expect(fake.syncLog[1].bytes).toBeLessThan(expected.bytes);
      }
      expect(JSON.parse(fake.settings['cchc.sheetNames'])).toEqual(init.sheets.map((s) => s.name));
      fake.resetCounters();
      await host.readWorkbook();
      expect(fake.syncCount()).toBe(1);
    }
  });

  test.each([FIRST_READ_WALK - 2, FIRST_READ_WALK - 1, FIRST_READ_WALK + 3])('%s sheets more than the sample: every sheet read, in workbook order', async (extra) => {
    const init = manySheets(extra);
    const expected = await readByKnownNames(init, level);
    const { fake, host } = install({ sheets: init.sheets, activeSheet: init.sheets[init.sheets.length - 1].name }, level);
    const grid = await host.readWorkbook();
    expect(grid).toEqual(expected.grid);
    expect(grid.sheets.map((s) => s.name)).toEqual(init.sheets.map((s) => s.name));
    // A walk reaches FIRST_READ_WALK sheets; the others are read by name in a second sync.
    expect(fake.syncCount()).toBe(walks(level) && init.sheets.length <= FIRST_READ_WALK ? 1 : 2);
  });

  test('the backup sheet (active below 1.2, or walked past) is read as the backup, not as a table', async () => {
    const sample = fakeInitFromGrid(buildSampleGrid());
    const meta = JSON.stringify({ k: 'meta', v: 1, summaryExisted: false, level: level });
    const init: FakeWorkbookInit = { sheets: [sample.sheets[0], { name: 'CCHC_backup', rows: [[{ value: meta }]] }], activeSheet: 'CCHC_backup' };
    const { fake, host } = install(init, level);
    const grid = await host.readWorkbook();
    expect(grid.sheets.map((s) => s.name)).toEqual([sample.sheets[0].name]);
    expect(host.canRevert!()).toBe(true);
    expect(fake.syncCount()).toBe(walks(level) ? 1 : 2);
  });

  test('an active chart sheet (not a worksheet): the read is the same', async () => {
    const init = fakeInitFromGrid(buildSampleGrid());
    const expected = await readByKnownNames(init, level);
    const { fake, host } = install({ sheets: init.sheets, activeSheet: 'Biểu đồ' }, level);
    expect(await host.readWorkbook()).toEqual(expected.grid);
    // A walk never asks for the active sheet; below 1.5: the failed batch, the names, the read.
    expect(fake.syncCount()).toBe(walks(level) ? 1 : 3);
    fake.resetCounters();
    await host.readWorkbook();
    expect(fake.syncCount()).toBe(1);
  });
});

describe.each(['1.5', '1.20'])('a host that fails calls on a null object, at ExcelApi %s', (level) => {
  test('the walk costs one failed sync, then the read goes as below 1.5, with the same grid; later reads stay one sync', async () => {
    const init = fakeInitFromGrid(buildSampleGrid());
    const expected = await readByKnownNames(init, level);
    const { fake, host } = install({ sheets: init.sheets }, level, { nullObjectCalls: 'reject' });
    expect(await host.readWorkbook()).toEqual(expected.grid);
    // The refused walk, then the active sheet with the names, then the other sheet.
    expect(fake.syncCount()).toBe(3);
    fake.resetCounters();
    await host.readWorkbook();
    expect(fake.syncCount()).toBe(1);
  });

  test('a workbook of exactly FIRST_READ_WALK sheets asks nothing of a null object, so the walk holds', async () => {
    const init = manySheets(FIRST_READ_WALK - 2);
    expect(init.sheets.length).toBe(FIRST_READ_WALK);
    const expected = await readByKnownNames(init, level);
    const { fake, host } = install({ sheets: init.sheets }, level, { nullObjectCalls: 'reject' });
    expect(await host.readWorkbook()).toEqual(expected.grid);
    expect(fake.syncCount()).toBe(1);
  });
});

describe.each(['1.1', '1.20'])('a pane that has just opened learns the sheet names, at ExcelApi %s', (level) => {
  test('one sync while the official reads the pane, then the first read is one sync', async () => {
    const init = fakeInitFromGrid(buildSampleGrid());
    const expected = await readByKnownNames(init, level);
    const { fake, host } = install({ sheets: init.sheets }, level);
    await host.learnSheetNames();
    expect(fake.syncCount()).toBe(1);
    expect(JSON.parse(fake.settings['cchc.sheetNames'])).toEqual(init.sheets.map((s) => s.name));
    fake.resetCounters();
    expect(await host.readWorkbook()).toEqual(expected.grid);
    expect(fake.syncCount()).toBe(1);
  });

  test('nothing to learn when the document keeps the names', async () => {
    const init = fakeInitFromGrid(buildSampleGrid());
    const { fake, host } = install({ sheets: init.sheets, settings: { 'cchc.sheetNames': JSON.stringify(init.sheets.map((s) => s.name)) } }, level);
    await host.learnSheetNames();
    expect(fake.syncCount()).toBe(0);
  });
});
