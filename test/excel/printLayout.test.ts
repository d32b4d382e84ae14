import { analyseAndPlan } from '../helpers/analyseAndPlan';
import { isHostError } from '../../src/core/host';
import { printLayout, SUMMARY_SHEET_NAME, SummarySheet } from '../../src/core/plan';
import { buildSampleGrid } from '../../src/core/sample/thanhXa2023';
import { createExcelHost } from '../../src/excel/officeGateway';
import { fitToWidthScale } from '../../src/excel/writeQueue';
import { fakeInitFromGrid, FakeOfficeHandle, installFakeOffice } from '../helpers/fakeExcel';

/**
 * Print-ready tool sheets in Excel (issue 13 item 2): from ExcelApi 1.9 the summary sheet is set to A4,
 * the orientation its columns need, scaled to one page wide (a documented zoom scale), its header row on
 * every page, page numbers in the footer (worksheet.pageLayout), in the write's one sync; below 1.9 it
 * prints with Excel's defaults. Revert deletes the sheet with it. A host that refuses the layout fails
 * the write, which is put back.
 */

function install(level: string): { fake: FakeOfficeHandle; host: ReturnType<typeof createExcelHost> } {
  const g: Record<string, unknown> = {};
  const fake = installFakeOffice(g, fakeInitFromGrid(buildSampleGrid()), { apiLevel: level });
  return { fake, host: createExcelHost({ globals: g, debounceMs: 5 }) };
}

/** Every sheet as the fake holds it: cells (an explicit "General" format is no format), conditional formats, notes, page layout, visibility. */
function workbookState(fake: FakeOfficeHandle): string {
  return JSON.stringify(
    fake.sheets.map((s) => ({
      name: s.name,
      cells: Object.keys(s.cells)
        .sort()
        .filter((k) => {
          const c = s.cells[k];
          return c.formula || (c.value !== null && c.value !== '') || c.fill || (c.numberFormat && c.numberFormat !== 'General') || c.bold || c.hyperlink;
        })
        .map((k) => {
          const c = s.cells[k];
          return [k, { v: c.formula || c.value, nf: c.numberFormat || 'General', fill: c.fill || null, bold: !!c.bold, link: c.hyperlink || null }];
        }),
      cfs: s.cfs,
      notes: s.notes || {},
      pageLayout: s.pageLayout || null,
      visibility: s.visibility,
    })),
  );
}

describe.each(['1.1', '1.9', '1.20'])('the summary sheet prints at ExcelApi %s', (level) => {
  test('page layout where supported, in the write sync; nothing below', async () => {
    const { fake, host } = install(level);
    const analysis = analyseAndPlan(await host.readWorkbook());
    fake.resetCounters();
    await host.applyPlan(analysis.plan, { highlights: true });
    expect(fake.syncCount()).toBe(1);
    const layout = fake.sheet(SUMMARY_SHEET_NAME)!.pageLayout;
    if (level === '1.1') {
      expect(layout).toBeUndefined();
      return;
    }
    const print = printLayout(analysis.plan.summary);
    expect(print.orientation).toBe('landscape'); // eight columns, 180 characters wide
    // 180 characters of columns, 7 pt each as the gateway sets them (1,260 pt), into a landscape A4 page
    // inside its margins (841.89 − 100.8 = 741.09 pt): 58.8%, floored.
    expect(fitToWidthScale(analysis.plan.summary, print)).toBe(58);
    expect(layout).toEqual({
      paperSize: 'A4',
      orientation: 'Landscape',
      zoom: { scale: 58 },
      printTitleRows: '$' + (print.titleRows!.first + 1) + ':$' + (print.titleRows!.last + 1),
      leftHeader: SUMMARY_SHEET_NAME,
      rightHeader: 'Ngày in: &D',
      centerFooter: 'Trang &P / &N',
    });
    // The title row is the score table's header ("Phụ lục | Mã | Lĩnh vực …").
    const header = analysis.plan.summary.rows[print.titleRows!.first];
    expect(header.map((c) => (c.kind === 'text' ? c.text : ''))).toContain('Lĩnh vực');
    // Revert deletes the sheet it created, its layout with it.
    await host.revertLastWrite();
    expect(fake.sheet(SUMMARY_SHEET_NAME)).toBeNull();
    // A later run clears only the sheet's cells: the layout stays, and is not set again.
    await host.applyPlan(analyseAndPlan(await host.readWorkbook()).plan, { highlights: true });
    fake.resetCounters();
    const again = analyseAndPlan(await host.readWorkbook());
    await host.applyPlan(again.plan, { highlights: true });
    expect(fake.syncCount()).toBe(2);
    expect(fake.sheet(SUMMARY_SHEET_NAME)!.pageLayout).toEqual(layout);
  });

  test('a host that refuses the page layout: the write is put back, the workbook as it was, the error said', async () => {
    const { fake, host } = install(level);
    const before = workbookState(fake);
    const analysis = analyseAndPlan(await host.readWorkbook());
    fake.refuse('PageLayout.');
    let error: unknown = null;
    const report = await host.applyPlan(analysis.plan, { highlights: true }).catch((e) => (error = e));
    if (level === '1.1') {
      // No page layout below 1.9: nothing to refuse, the write goes through.
      expect(error).toBeNull();
      expect(report).toMatchObject({ written: analysis.plan.writes.length });
      return;
    }
    expect(isHostError(error)).toBe(true);
    expect((error as { code: string; detail?: string }).code).toBe('unknown');
    expect((error as { detail?: string }).detail).toMatch(/GeneralException/);
    // Cells, highlights, notes, the summary and backup sheets: all as before the write.
    expect(JSON.parse(workbookState(fake))).toEqual(JSON.parse(before));
    expect(fake.sheet(SUMMARY_SHEET_NAME)).toBeNull();
    expect(fake.sheet('CCHC_backup')).toBeNull();
    expect(host.canRevert!()).toBe(false);
    // The host accepts it again: the same write goes through, print-ready.
    const retry = analyseAndPlan(await host.readWorkbook());
    await host.applyPlan(retry.plan, { highlights: true });
    expect(fake.sheet(SUMMARY_SHEET_NAME)!.pageLayout).toMatchObject({ paperSize: 'A4', zoom: { scale: 58 } });
    if (level === '1.20') expect(Object.keys(fake.sheet('Phụ lục 1')!.notes!).length).toBe(retry.plan.highlights.length);
  });
});

describe('the print scale: one page wide, never enlarged', () => {
  const sheet = (widths: number[], columns = widths.length): SummarySheet => ({
    name: 'Danh sách',
    columnWidths: widths,
    rows: [Array.from({ length: columns }, (_, i) => ({ kind: 'text' as const, text: 'Cột ' + i, bold: true }))],
  });

  test('a narrow sheet prints at 100%, portrait', () => {
    const s = sheet([6, 24, 40]); // 70 characters, 490 pt: within 494 pt
    expect(printLayout(s).orientation).toBe('portrait');
    expect(fitToWidthScale(s, printLayout(s))).toBe(100);
  });

  test('a portrait sheet just over the page is scaled down; a landscape one by the long side', () => {
    const portrait = sheet([40, 40, 10]); // 90 characters, 630 pt into 494.48 pt: 78.5%
    expect(printLayout(portrait).orientation).toBe('portrait');
    expect(fitToWidthScale(portrait, printLayout(portrait))).toBe(78);
    const landscape = sheet([50, 50, 50]); // 150 characters, 1,050 pt into 741.09 pt: 70.6%
    expect(printLayout(landscape).orientation).toBe('landscape');
    expect(fitToWidthScale(landscape, printLayout(landscape))).toBe(70);
  });

  test("a used column without a width counts as Excel's default (48 pt); a very wide sheet stops at 10%", () => {
    const s = sheet([10], 3); // 70 pt + 2 × 48 pt = 166 pt
    expect(fitToWidthScale(s, printLayout(s))).toBe(100);
    const wide = sheet(Array.from({ length: 60 }, () => 30)); // 12,600 pt
    expect(fitToWidthScale(wide, printLayout(wide))).toBe(10);
  });
});
