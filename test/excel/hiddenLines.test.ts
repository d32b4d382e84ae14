import { WorkbookGrid } from '../../src/core/grid';
import { buildSampleGrid } from '../../src/core/sample/thanhXa2023';
import { detectFeatures } from '../../src/excel/features';
import { createExcelHost } from '../../src/excel/officeGateway';
import { readHidden } from '../../src/excel/readHidden';
import { fakeInitFromGrid, FakeOfficeHandle, FakeWorkbookInit, installFakeOffice } from '../helpers/fakeExcel';

/**
 * Hidden rows and columns through Office.js: exact lists from ExcelApi 1.9 (visible special cells),
 * exact "nothing hidden" (or "everything") from 1.2 (rowHidden / columnHidden), absent otherwise;
 * always inside the one read sync.
 */

function install(init: FakeWorkbookInit, level: string): { fake: FakeOfficeHandle; host: ReturnType<typeof createExcelHost> } {
  const g: Record<string, unknown> = {};
  const fake = installFakeOffice(g, init, { apiLevel: level });
  return { fake, host: createExcelHost({ globals: g, debounceMs: 5 }) };
}

function hiddenOf(grid: WorkbookGrid, name: string) {
  return grid.sheets.find((s) => s.name === name)!.hidden;
}

/** The sample's Phụ lục 1 (used range A1:H135 or so) with hidden lines as given. */
function sampleWith(hiddenRows?: number[], hiddenColumns?: number[]): FakeWorkbookInit {
  const init = fakeInitFromGrid(buildSampleGrid());
  if (hiddenRows) init.sheets[0].hiddenRows = hiddenRows;
  if (hiddenColumns) init.sheets[0].hiddenColumns = hiddenColumns;
  return init;
}

/** Reads twice (the first read of a new document learns the sheet names) and counts the second's syncs. */
async function read(init: FakeWorkbookInit, level: string): Promise<{ grid: WorkbookGrid; syncs: number; bytes: number }> {
  const { fake, host } = install(init, level);
  await host.readWorkbook();
  fake.resetCounters();
  const grid = await host.readWorkbook();
  return { grid, syncs: fake.syncCount(), bytes: fake.maxPayload() };
}

test('features: rowHidden/columnHidden from 1.2, visible special cells from 1.9', () => {
  const at = (level: string) => {
    const g: Record<string, unknown> = {};
    installFakeOffice(g, { sheets: [] }, { apiLevel: level });
    const f = detectFeatures(g.Office);
    return [f.lineHidden, f.visibleCells];
  };
  expect(at('1.1')).toEqual([false, false]);
  expect(at('1.2')).toEqual([true, false]);
  expect(at('1.7')).toEqual([true, false]);
  expect(at('1.9')).toEqual([true, true]);
});

describe.each(['1.9', '1.20'])('ExcelApi %s: exact lists', (level) => {
  test('hidden rows and columns, in the one read sync', async () => {
    // Row 10 and 12-13, columns C and G (0-based 2 and 6), plus lines outside the used range.
    const { grid, syncs } = await read(sampleWith([9, 11, 12, 5000], [2, 6, 300]), level);
    expect(syncs).toBe(1);
    expect(hiddenOf(grid, 'Phụ lục 1')).toEqual({ rows: [9, 11, 12], columns: [2, 6] });
    expect(hiddenOf(grid, 'Phụ lục 2')).toEqual({ rows: [], columns: [] });
  });

  test('only rows, only columns', async () => {
    expect(hiddenOf((await read(sampleWith([0, 1]), level)).grid, 'Phụ lục 1')).toEqual({ rows: [0, 1], columns: [] });
    expect(hiddenOf((await read(sampleWith(undefined, [0, 7]), level)).grid, 'Phụ lục 1')).toEqual({ rows: [], columns: [0, 7] });
  });

  test('a sheet of 5,000 rows with every other one hidden stays one sync, well under the payload limit', async () => {
    const rows = [];
    for (let r = 0; r < 5000; r++) rows.push([{ value: 'Tiêu chí ' + r }, { value: r % 3 }, { value: 1 }]);
    const hiddenRows = [];
    for (let r = 1; r < 5000; r += 2) hiddenRows.push(r);
    const { grid, syncs, bytes } = await read({ sheets: [{ name: 'Dài', rows, hiddenRows, hiddenColumns: [1] }] }, level);
    expect(syncs).toBe(1);
    expect(hiddenOf(grid, 'Dài')).toEqual({ rows: hiddenRows, columns: [1] });
    // The request holds a handful of operations per sheet, whatever the number of rows.
    expect(bytes).toBeLessThan(2000);
  });

  test('no visible cell at all: only the all-or-none answers are kept', async () => {
    // Every column hidden: rows cannot be told apart, so the sheet says it could not tell.
    expect(hiddenOf((await read(sampleWith([4], [0, 1, 2, 3, 4, 5, 6, 7]), level)).grid, 'Phụ lục 1')).toBeUndefined();
    // Every column and no row hidden: both known.
    expect(hiddenOf((await read(sampleWith(undefined, [0, 1, 2, 3, 4, 5, 6, 7]), level)).grid, 'Phụ lục 1')).toEqual({ rows: [], columns: [0, 1, 2, 3, 4, 5, 6, 7] });
  });
});

describe.each(['1.2', '1.7'])('ExcelApi %s: all or none', (level) => {
  test('nothing hidden is known exactly', async () => {
    const { grid, syncs } = await read(sampleWith(), level);
    expect(syncs).toBe(1);
    expect(hiddenOf(grid, 'Phụ lục 1')).toEqual({ rows: [], columns: [] });
  });

  test('some lines hidden: absent, the host cannot tell which', async () => {
    expect(hiddenOf((await read(sampleWith([9]), level)).grid, 'Phụ lục 1')).toBeUndefined();
    expect(hiddenOf((await read(sampleWith(undefined, [2]), level)).grid, 'Phụ lục 1')).toBeUndefined();
    // Lines hidden outside the used range do not count.
    expect(hiddenOf((await read(sampleWith([5000], [300]), level)).grid, 'Phụ lục 1')).toEqual({ rows: [], columns: [] });
  });
});

test('ExcelApi 1.1: absent', async () => {
  const { grid, syncs } = await read(sampleWith([9], [2]), '1.1');
  expect(syncs).toBe(1);
  expect(hiddenOf(grid, 'Phụ lục 1')).toBeUndefined();
  expect(hiddenOf(grid, 'Phụ lục 2')).toBeUndefined();
});

test('the fake enforces the API sets and the null-object rule', async () => {
  const g: Record<string, unknown> = {};
  installFakeOffice(g, sampleWith([9], [2]), { apiLevel: '1.1' });
  const Excel = g.Excel as { run: (f: (ctx: any) => Promise<unknown>) => Promise<unknown> }; // eslint-disable-line @typescript-eslint/no-explicit-any
  await expect(Excel.run(async (ctx) => ctx.workbook.worksheets.getItem('Phụ lục 1').getUsedRange().load('rowHidden'))).rejects.toMatchObject({ code: 'InvalidArgument' });
  const g2: Record<string, unknown> = {};
  installFakeOffice(g2, sampleWith(undefined, [0, 1, 2, 3, 4, 5, 6, 7]), { apiLevel: '1.7' });
  const Excel2 = g2.Excel as typeof Excel;
  await Excel2.run(async (ctx) => {
    expect(ctx.workbook.worksheets.getItem('Phụ lục 1').getUsedRange().getSpecialCellsOrNullObject).toBeUndefined();
  });
  const g3: Record<string, unknown> = {};
  installFakeOffice(g3, sampleWith(undefined, [0, 1, 2, 3, 4, 5, 6, 7]), { apiLevel: '1.9' });
  const Excel3 = g3.Excel as typeof Excel;
  await Excel3.run(async (ctx) => {
    const visible = ctx.workbook.worksheets.getItem('Phụ lục 1').getUsedRange().getSpecialCellsOrNullObject('Visible');
    visible.load('areas/items/rowIndex');
    expect(() => visible.isNullObject).toThrow();
    await ctx.sync();
    expect(visible.isNullObject).toBe(true);
    expect(() => visible.areas.items).toThrow();
  });
});

test('readHidden clips visible areas to the used range', () => {
  const used = { rowIndex: 2, columnIndex: 1, rowCount: 4, columnCount: 3, rowHidden: null, columnHidden: null };
  // Areas reaching outside the used range (as special cells of a single cell may, in VBA) count only inside it.
  const visible = {
    isNullObject: false,
    areas: {
      items: [
        { rowIndex: 0, columnIndex: 0, rowCount: 3, columnCount: 2 },
        { rowIndex: 5, columnIndex: 3, rowCount: 10, columnCount: 10 },
      ],
    },
  };
  expect(readHidden({ used, visible })).toEqual({ rows: [3, 4], columns: [2] });
  expect(readHidden(null)).toBeUndefined();
});
