import { analyseAndPlan } from '../helpers/analyseAndPlan';
import { printLayout, SUMMARY_SHEET_NAME } from '../../src/core/plan';
import { buildSampleGrid } from '../../src/core/sample/thanhXa2023';
import { createExcelHost } from '../../src/excel/officeGateway';
import { fakeInitFromGrid, installFakeOffice } from '../helpers/fakeExcel';

/**
 * Print-ready tool sheets in Excel (issue 13 item 2): from ExcelApi 1.9 the summary sheet is set to A4,
 * the orientation its columns need, one page wide, its header row on every page, page numbers in the
 * footer (worksheet.pageLayout); below 1.9 it prints with Excel's defaults. Revert deletes the sheet with it.
 */
describe.each(['1.1', '1.9', '1.20'])('the summary sheet prints at ExcelApi %s', (level) => {
  test('page layout where supported, nothing below', async () => {
    const g: Record<string, unknown> = {};
    const fake = installFakeOffice(g, fakeInitFromGrid(buildSampleGrid()), { apiLevel: level });
    const host = createExcelHost({ globals: g, debounceMs: 5 });
    const analysis = analyseAndPlan(await host.readWorkbook());
    await host.applyPlan(analysis.plan, { highlights: true });
    // The legend's swatches are filled at every level.
    const swatches = analysis.plan.summary.rows.map((r, i) => ({ i, cell: r[0] })).filter((x) => x.cell && x.cell.kind === 'text' && x.cell.fill);
    expect(swatches.length).toBe(4);
    for (const x of swatches) expect(fake.cell(SUMMARY_SHEET_NAME, 'A' + (x.i + 1))!.fill).toBe('#' + (x.cell as { fill: string }).fill);
    const layout = fake.sheet(SUMMARY_SHEET_NAME)!.pageLayout;
    if (level === '1.1') {
      expect(layout).toBeUndefined();
      return;
    }
    const print = printLayout(analysis.plan.summary);
    expect(print.orientation).toBe('landscape'); // eight columns, 180 characters wide
    expect(layout).toEqual({
      paperSize: 'A4',
      orientation: 'Landscape',
      zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 },
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
  });
});
