import { analyseWorkbook } from '../../src/core/analyse';
import { consolidate, consolidationSheets } from '../../src/core/consolidate/consolidate';
import { a1 } from '../../src/core/address';
import { CHART_NAME, SUMMARY_SHEET_NAME, SheetChart } from '../../src/core/plan';
import { buildSampleGrid } from '../../src/core/sample/thanhXa2023';
import { createExcelHost } from '../../src/excel/officeGateway';
import { analyseAndPlan } from '../helpers/analyseAndPlan';
import { fakeInitFromGrid, FakeOfficeHandle, installFakeOffice } from '../helpers/fakeExcel';
import { communeGrid } from '../xlsx/fixtures/communes';

/**
 * The tool's bar charts in Excel (issue 13 item 6): the summary's field percentages and the
 * consolidation's ranking, added with the chart API of ExcelApi 1.1 over the sheet's own figures, in the
 * write's one sync; the bars in the table's order from 1.7, the axis in percent from 1.8. A later run
 * replaces the tool's chart (one, never two), a chart of the user's stays, revert and a failed write take
 * it away.
 */

function install(level: string): { fake: FakeOfficeHandle; host: ReturnType<typeof createExcelHost> } {
  const g: Record<string, unknown> = {};
  const fake = installFakeOffice(g, fakeInitFromGrid(buildSampleGrid()), { apiLevel: level });
  return { fake, host: createExcelHost({ globals: g, debounceMs: 5 }) };
}

/** A sheet's cells as a user sees them (an explicit "General" format is no format). */
function cellsShown(fake: FakeOfficeHandle, name: string): string {
  const cells = fake.sheet(name)!.cells;
  return JSON.stringify(
    Object.keys(cells)
      .sort()
      .map((k) => [k, cells[k].formula || cells[k].value, cells[k].numberFormat || 'General', cells[k].fill || null])
      .filter((c) => c[1] !== null && c[1] !== ''),
  );
}

function block(b: SheetChart['data']): string {
  return a1(b.row, b.col) + ':' + a1(b.row + b.rows - 1, b.col + b.cols - 1);
}

describe.each(['1.1', '1.8', '1.20'])('the summary chart at ExcelApi %s', (level) => {
  test("added over the sheet's figures in the write's sync; replaced, not doubled, by the next run; gone with revert", async () => {
    const { fake, host } = install(level);
    const plan = analyseAndPlan(await host.readWorkbook()).plan;
    const spec = plan.summary.chart!;
    fake.resetCounters();
    await host.applyPlan(plan, { highlights: true });
    expect(fake.syncCount()).toBe(1);
    const charts = fake.sheet(SUMMARY_SHEET_NAME)!.charts!;
    expect(charts.length).toBe(1);
    const chart = charts[0];
    const anchor = spec.anchor;
    expect(chart).toMatchObject({
      name: CHART_NAME,
      type: 'BarClustered',
      source: block(spec.data),
      sourceSheet: SUMMARY_SHEET_NAME,
      seriesBy: 'Columns',
      title: 'Tỷ lệ điểm đạt được theo lĩnh vực',
      legendVisible: false,
      position: { start: a1(anchor.row, anchor.col), end: a1(anchor.row + anchor.rows - 1, anchor.col + anchor.cols - 1) },
      valueMinimum: 0,
      valueMaximum: 1,
    });
    // The source's first data row holds what the table says of the first field.
    const firstLabel = fake.displayed(SUMMARY_SHEET_NAME, a1(spec.data.row + 1, spec.data.col));
    expect(String(firstLabel)).toMatch(/^PL1 · 1 /);
    expect(chart.categoryReversed).toBe(level === '1.1' ? undefined : true);
    expect(chart.valueNumberFormat).toBe(level === '1.1' ? undefined : '0%');
    expect(chart.categoryPosition).toBe(level === '1.1' ? undefined : 'Maximum');

    // A second run: the same one chart, in two syncs (read, write).
    fake.resetCounters();
    await host.applyPlan(analyseAndPlan(await host.readWorkbook()).plan, { highlights: true });
    expect(fake.syncCount()).toBe(2);
    expect(fake.sheet(SUMMARY_SHEET_NAME)!.charts!.map((c) => c.name)).toEqual([CHART_NAME]);

    // Revert puts back the summary as the first run left it, cells only: the second run's chart goes, and
    // the first run's (which the second replaced) comes back with the next run.
    await host.revertLastWrite();
    expect(fake.sheet(SUMMARY_SHEET_NAME)!.charts).toEqual([]);
  });

  test('revert of a first run deletes the summary sheet, its chart with it', async () => {
    const { fake, host } = install(level);
    await host.applyPlan(analyseAndPlan(await host.readWorkbook()).plan, { highlights: true });
    expect(fake.sheet(SUMMARY_SHEET_NAME)!.charts).toHaveLength(1);
    await host.revertLastWrite();
    expect(fake.sheet(SUMMARY_SHEET_NAME)).toBeNull();
  });
});

test("a chart of the user's on the summary sheet stays; only the tool's is replaced", async () => {
  const { fake, host } = install('1.8');
  await host.applyPlan(analyseAndPlan(await host.readWorkbook()).plan, { highlights: true });
  const sheet = fake.sheet(SUMMARY_SHEET_NAME)!;
  sheet.charts!.push({ name: 'Biểu đồ của tôi', type: 'Pie', source: 'D8:D9', sourceSheet: SUMMARY_SHEET_NAME, seriesBy: 'Auto' });
  await host.applyPlan(analyseAndPlan(await host.readWorkbook()).plan, { highlights: true });
  expect(sheet.charts!.map((c) => c.name).sort()).toEqual(['Biểu đồ của tôi', CHART_NAME].sort());
  expect(sheet.charts!.find((c) => c.name === 'Biểu đồ của tôi')).toMatchObject({ type: 'Pie', source: 'D8:D9' });
});

test('a host that refuses the chart fails the write, which is put back: no chart, no summary, cells as they were', async () => {
  const { fake, host } = install('1.8');
  const before = cellsShown(fake, 'Phụ lục 1');
  const plan = analyseAndPlan(await host.readWorkbook()).plan;
  fake.refuse('ChartCollection.add');
  await expect(host.applyPlan(plan, { highlights: true })).rejects.toBeTruthy();
  expect(fake.sheet(SUMMARY_SHEET_NAME)).toBeNull();
  expect(cellsShown(fake, 'Phụ lục 1')).toBe(before);
});

describe.each(['1.1', '1.9'])('the consolidation ranking chart at ExcelApi %s', (level) => {
  test('added on the ranking sheet the consolidation writes, over its communes and percentages', async () => {
    const { fake, host } = install(level);
    const c = consolidate(
      ['An Bình', 'Bạch Đằng', 'Cẩm Chế'].map((commune, i) => ({
        fileName: 'x' + i + '.xlsx',
        analysis: analyseWorkbook(communeGrid({ commune, self: String(60 + i * 5) }), { profile: 'auto' }),
      })),
    );
    const sheets = consolidationSheets(c, 'vi', new Date(2026, 11, 2));
    const [ranking] = await host.addSheets!(sheets);
    const spec = sheets[0].chart!;
    const charts = fake.sheet(ranking)!.charts!;
    expect(charts).toHaveLength(1);
    expect(charts[0]).toMatchObject({ name: CHART_NAME, type: 'BarClustered', source: block(spec.data), sourceSheet: ranking });
    const names = [];
    for (let r = spec.data.row + 1; r < spec.data.row + spec.data.rows; r++) names.push(fake.displayed(ranking, a1(r, spec.data.col)));
    expect(names).toEqual(c.rows.map((row) => row.commune));
    expect(fake.sheet(sheets[1].name)!.charts || []).toHaveLength(0);
  });
});
