// office-addin-mock needs only the OfficeApp enum of office-addin-manifest, whose ESM-only dependency
// (strip-bom) jest cannot load: stand in for it.
jest.mock('../../node_modules/office-addin-mock/node_modules/office-addin-manifest', () => ({
  OfficeApp: { Excel: 'excel', OneNote: 'onenote', Outlook: 'outlook', PowerPoint: 'powerpoint', Project: 'project', Word: 'word' },
}));
import { OfficeMockObject } from 'office-addin-mock';
import { createExcelHost } from '../../src/excel/officeGateway';

/**
 * office-addin-mock (Microsoft's own mock) checks the load/sync discipline independently of our
 * fake: its properties are unreadable until loaded and synced.
 */
function usedRange(values: unknown[][]) {
  return {
    rowIndex: 0,
    columnIndex: 0,
    values: values,
    formulas: values,
    numberFormat: values.map((r) => r.map(() => 'General')),
  };
}

function mockGlobals(loadCalls: string[]) {
  const range = usedRange([
    ['STT', 'Nội dung', 'Điểm tối đa', 'Điểm tự đánh giá', 'Tài liệu kiểm chứng'],
    ['1', 'Lĩnh vực', 1, 1, 'KH 1'],
  ]);
  const data = {
    context: {
      workbook: {
        sheet: {
          name: 'PL1',
          used: range,
          getUsedRange: function () {
            return excelMock.context.workbook.sheet.used;
          },
        },
      },
    },
    run: async function (a: unknown, b?: (ctx: unknown) => Promise<unknown>) {
      const batch = (typeof a === 'function' ? a : b) as (ctx: unknown) => Promise<unknown>;
      return batch(excelMock.context);
    },
  };
  const excelMock = new OfficeMockObject(data);
  const used = excelMock.context.workbook.sheet.used;
  const origLoad = used.load.bind(used);
  used.load = (arg: string) => {
    loadCalls.push(arg);
    return origLoad(arg);
  };
  // The mock cannot load 'items/name' on a collection: a plain stand-in for the sheet list only.
  excelMock.context.workbook.worksheets = {
    items: [{ name: 'PL1' }],
    load: () => undefined,
    getItem: () => excelMock.context.workbook.sheet,
    getActiveWorksheet: () => excelMock.context.workbook.sheet,
  };
  // Nor its charts (read on a sheet reached without its name: the summary's chart is replaced by name).
  excelMock.context.workbook.sheet.charts = { items: [], load: () => undefined };
  const office = { context: { requirements: { isSetSupported: (_: string, v: string) => v === '1.1' } } };
  return { Excel: excelMock, Office: office };
}

describe('load/sync discipline under office-addin-mock', () => {
  test('the mock refuses a property read before load and sync', async () => {
    const m = new OfficeMockObject({ values: [[1]] });
    expect(m.values).not.toEqual([[1]]);
    m.load('values');
    await m.sync();
    expect(m.values).toEqual([[1]]);
  });

  test('readWorkbook loads only leaf properties and reads them after one sync', async () => {
    const loads: string[] = [];
    const g = mockGlobals(loads);
    const host = createExcelHost({ globals: g });
    const grid = await host.readWorkbook();
    expect(loads).toEqual(['rowIndex,columnIndex,values,formulas,numberFormat']);
    expect(loads.join(',')).not.toMatch(/format\b|\//);
    expect(grid.sheets[0].name).toBe('PL1');
    expect(JSON.stringify(grid.sheets[0].rows)).toContain('"value":"KH 1"');
  });
});
