import { isHostError } from '../../src/core/host';
import { SummaryCell, SummarySheet } from '../../src/core/plan/types';
import { createExcelHost } from '../../src/excel/officeGateway';
import { uniqueSheetName } from '../../src/excel/planCells';
import { FakeOfficeHandle, FakeWorkbookInit, installFakeOffice } from '../helpers/fakeExcel';

/**
 * WorkbookHost.addSheets on the Office.js gateway (the consolidation of many communes written into the
 * open workbook): new sheets only, never over the user's, text kept as text, in two syncs.
 */

const RANKING = 'Tổng hợp xếp hạng';
const FLAGS = 'Danh sách vấn đề';

function text(t: string, bold?: boolean): SummaryCell {
  return bold ? { kind: 'text', text: t, bold: true } : { kind: 'text', text: t };
}

function num(value: number, numberFormat?: string): SummaryCell {
  return numberFormat ? { kind: 'number', value, numberFormat } : { kind: 'number', value };
}

/** A ranking sheet and a flag list the way a consolidation hands them in, with awkward text on purpose. */
function consolidationSheets(): SummarySheet[] {
  const ranking: SummarySheet = {
    name: RANKING,
    columnWidths: [8, 24, 12, 10],
    rows: [
      [text('Hạng', true), text('Xã', true), text('Tự đánh giá', true), text('Tỷ lệ', true)],
      [num(1), text('Thanh Xá'), num(68.13, '0.00'), num(0.9207, '0.00%')],
      [num(2), text('=SUM(A1)'), num(60.5, '0.00'), num(0.8176, '0.00%')],
      [
        text('-1 tệp không đọc được'),
        {
          kind: 'link',
          text: 'Xem danh sách vấn đề',
          sheet: FLAGS,
          address: 'A1',
        },
      ],
    ],
  };
  const flags: SummarySheet = {
    name: FLAGS,
    columnWidths: [30, 12, 8],
    rows: [
      [text('Tệp', true), text('Trang', true), text('Ô', true)],
      [text('Thanh-Xa.xlsx'), text('Phụ lục 1'), text('F80')],
    ],
  };
  return [ranking, flags];
}

/** The user's own sheets: one already named like the ranking sheet (case differs), holding their data. */
function userWorkbook(): FakeWorkbookInit {
  return {
    sheets: [
      {
        name: 'Phụ lục 1',
        rows: [
          [{ value: 'STT' }, { value: 'Tiêu chí' }],
          [{ value: 1 }, { value: 'Chỉ đạo' }],
        ],
      },
      {
        name: 'tổng hợp xếp hạng',
        rows: [[{ value: 'Số liệu của tôi' }, { value: 42 }], [{ value: null, formula: '=B1*2' }]],
      },
    ],
  };
}

function install(level: string, init: FakeWorkbookInit = userWorkbook(), payloadLimit?: number) {
  const g: Record<string, unknown> = {};
  const fake = installFakeOffice(g, init, { apiLevel: level });
  const host = createExcelHost(payloadLimit ? { globals: g, payloadLimit } : { globals: g });
  return { fake, host };
}

function sheetDump(fake: FakeOfficeHandle, name: string): string {
  return JSON.stringify(fake.sheet(name));
}

describe('uniqueSheetName', () => {
  test('keeps a free name, numbers a taken one (case-insensitively), stays within 31 characters', () => {
    expect(uniqueSheetName(RANKING, ['Phụ lục 1'])).toBe(RANKING);
    expect(uniqueSheetName(RANKING, ['TỔNG HỢP XẾP HẠNG'])).toBe(RANKING + ' (2)');
    expect(uniqueSheetName(RANKING, [RANKING, RANKING + ' (2)'])).toBe(RANKING + ' (3)');
    const long = 'Tổng hợp xếp hạng các xã huyện Thanh Hà năm 2023';
    const first = uniqueSheetName(long, []);
    expect(first.length).toBeLessThanOrEqual(31);
    const second = uniqueSheetName(long, [first]);
    expect(second.length).toBeLessThanOrEqual(31);
    expect(second).toMatch(/ \(2\)$/);
  });

  test('characters Excel refuses in a sheet name are replaced', () => {
    expect(uniqueSheetName('Xếp hạng 2023/2024: [A]?*', [])).not.toMatch(/[:\\/?*[\]]/);
    expect(uniqueSheetName("'Xã'", [])).toBe('Xã');
  });
});

describe.each(['1.1', '1.9'])('addSheets at ExcelApi %s', (level) => {
  test("adds new sheets, never over an existing one; 2 syncs; the user's sheets untouched", async () => {
    const { fake, host } = install(level);
    const before = {
      pl1: sheetDump(fake, 'Phụ lục 1'),
      own: sheetDump(fake, 'tổng hợp xếp hạng'),
    };
    fake.resetCounters();
    const names = await host.addSheets!(consolidationSheets());
    expect(names).toEqual([RANKING + ' (2)', FLAGS]);
    // One sync learns the names, one adds and writes both sheets (from 1.9 with their print layout).
    expect(fake.syncCount()).toBe(2);
    expect(fake.sheets.map((s) => s.name)).toEqual(['Phụ lục 1', 'tổng hợp xếp hạng', RANKING + ' (2)', FLAGS]);
    expect(sheetDump(fake, 'Phụ lục 1')).toBe(before.pl1);
    expect(sheetDump(fake, 'tổng hợp xếp hạng')).toBe(before.own);
    expect(fake.displayed('tổng hợp xếp hạng', 'A2')).toBe(84);
    // Print-ready from 1.9 (A4, one page wide, "Trang &P / &N"); the user's sheets keep their own layout.
    if (level === '1.9') {
      // 50 characters of columns (350 pt) fit a portrait A4 page inside its margins (494 pt) at 100%.
      expect(fake.sheet(FLAGS)!.pageLayout).toMatchObject({ paperSize: 'A4', orientation: 'Portrait', zoom: { scale: 100 }, printTitleRows: '$1:$1', centerFooter: 'Trang &P / &N' });
      expect(fake.sheet(RANKING + ' (2)')!.pageLayout).toMatchObject({ paperSize: 'A4' });
    } else expect(fake.sheet(FLAGS)!.pageLayout).toBeUndefined();
    expect(fake.sheet('Phụ lục 1')!.pageLayout).toBeUndefined();
    expect(fake.sheet('tổng hợp xếp hạng')!.pageLayout).toBeUndefined();
  });

  test('text stays text ("=SUM(A1)", "-1 …"), numbers keep their formats, headers are bold', async () => {
    const { fake, host } = install(level);
    const [ranking] = await host.addSheets!(consolidationSheets());
    const b3 = fake.cell(ranking, 'B3')!;
    expect(b3.formula).toBeUndefined();
    expect(b3.value).toBe('=SUM(A1)');
    expect(fake.displayed(ranking, 'B3')).toBe('=SUM(A1)');
    expect(fake.cell(ranking, 'A4')!.value).toBe('-1 tệp không đọc được');
    expect(fake.cell(ranking, 'B2')!.value).toBe('Thanh Xá');
    expect(fake.cell(ranking, 'C2')).toMatchObject({
      value: 68.13,
      numberFormat: '0.00',
    });
    expect(fake.cell(ranking, 'D2')).toMatchObject({
      value: 0.9207,
      numberFormat: '0.00%',
    });
    expect(fake.cell(ranking, 'A1')!.bold).toBe(true);
    expect(fake.cell(ranking, 'D1')!.bold).toBe(true);
    expect(fake.cell(ranking, 'A2')!.bold).toBeFalsy();
    expect(fake.cell(FLAGS, 'C2')!.value).toBe('F80');
  });

  test('a link to a sheet of the same set is a hyperlink (1.7+) or a HYPERLINK formula (below)', async () => {
    const init = userWorkbook();
    init.sheets.push({ name: FLAGS, rows: [[{ value: 'của người dùng' }]] });
    const { fake, host } = install(level, init);
    const [ranking, flags] = await host.addSheets!(consolidationSheets());
    expect(flags).toBe(FLAGS + ' (2)');
    const link = fake.cell(ranking, 'B4')!;
    // The link follows the flag sheet to its new name, not to the user's sheet of the old name.
    if (level === '1.1') {
      expect(link.formula).toBe('=HYPERLINK("#\'' + FLAGS + ' (2)\'!A1","Xem danh sách vấn đề")');
    } else {
      expect(link.value).toBe('Xem danh sách vấn đề');
      expect(link.hyperlink!.documentReference).toBe("'" + FLAGS + " (2)'!A1");
    }
    expect(fake.cell(FLAGS, 'A1')!.value).toBe('của người dùng');
  });

  test('adding the same consolidation twice keeps both', async () => {
    const { fake, host } = install(level);
    await host.addSheets!(consolidationSheets());
    const again = await host.addSheets!(consolidationSheets());
    expect(again).toEqual([RANKING + ' (3)', FLAGS + ' (2)']);
    expect(fake.sheets.length).toBe(6);
  });

  test('a write that fails half way removes what it added and says why', async () => {
    // A long flag list over a small payload limit: written in several syncs; the user starts editing a cell before the third.
    const sheets = consolidationSheets();
    for (let i = 0; i < 3000; i++) sheets[1].rows.push([text('Xa-' + i + '.xlsx'), text('Phụ lục 1'), text('D' + (i + 10))]);
    const { fake, host } = install(level, userWorkbook(), 60000);
    const before = JSON.stringify(fake.sheets);
    // Editing from the third sync (the second write batch); done again by the fourth.
    fake.beforeSync = (n) => {
      fake.cellEditing = n === 3;
    };
    let error: unknown = null;
    await host.addSheets!(sheets).catch((e) => (error = e));
    expect(isHostError(error)).toBe(true);
    expect((error as { code: string }).code).toBe('cell-editing');
    expect(fake.sheets.map((s) => s.name)).toEqual(['Phụ lục 1', 'tổng hợp xếp hạng']);
    expect(JSON.stringify(fake.sheets) === before).toBe(true);
  });

  test('a host that refuses the print layout: the write fails as a whole, the added sheets go, the error is said', async () => {
    const { fake, host } = install(level);
    const before = JSON.stringify(fake.sheets);
    fake.refuse('PageLayout.');
    let error: unknown = null;
    const names = await host.addSheets!(consolidationSheets()).catch((e) => (error = e));
    if (level === '1.1') {
      // No page layout below 1.9: nothing to refuse.
      expect(names).toEqual([RANKING + ' (2)', FLAGS]);
      return;
    }
    expect(isHostError(error)).toBe(true);
    expect((error as { detail?: string }).detail).toMatch(/GeneralException/);
    expect(fake.sheets.map((s) => s.name)).toEqual(['Phụ lục 1', 'tổng hợp xếp hạng']);
    expect(JSON.stringify(fake.sheets) === before).toBe(true);
  });

  test('a long flag list is split under the payload limit and written whole', async () => {
    const sheets = consolidationSheets();
    for (let i = 0; i < 3000; i++) sheets[1].rows.push([text('Xa-' + i + '.xlsx'), text('Phụ lục 1'), text('D' + (i + 10))]);
    const { fake, host } = install(level, userWorkbook(), 60000);
    fake.resetCounters();
    await host.addSheets!(sheets);
    expect(fake.syncCount()).toBeGreaterThan(2);
    expect(fake.maxPayload()).toBeLessThan(5000000);
    expect(fake.cell(FLAGS, 'A3002')!.value).toBe('Xa-2999.xlsx');
  });
});
