import { analyseWorkbook } from '../../../src/core/analyse';
import { consolidate, consolidationSheets, CommuneSource } from '../../../src/core/consolidate/consolidate';
import { appendChartBlock, CHART_NAME, MIN_CHART_ROWS, printLayout, shortLabel, SheetChart, SummaryCell, SummarySheet } from '../../../src/core/plan';
import { buildSampleGrid } from '../../../src/core/sample/thanhXa2023';
import { withStatusRow } from '../../../src/app/recalculate';
import { analyseAndPlan } from '../../helpers/analyseAndPlan';
import { communeGrid, CommuneSpec } from '../../xlsx/fixtures/communes';

/**
 * The chart blocks of the tool's sheets (issue 13 item 6): the summary's field percentages and the
 * consolidation's ranking as bars over cells of the sheet, the same figures as the tables above them,
 * in a block no other content overlaps.
 */

function cellText(cell: SummaryCell | undefined): string {
  if (!cell) return '';
  return cell.kind === 'number' ? String(cell.value) : cell.text;
}

/** The chart's data as the sheet holds it: [category, value per series] per bar. */
function chartData(sheet: SummarySheet, chart: SheetChart): Array<[string, Array<number | null>]> {
  const out: Array<[string, Array<number | null>]> = [];
  for (let r = chart.data.row + 1; r < chart.data.row + chart.data.rows; r++) {
    const row = sheet.rows[r];
    const values: Array<number | null> = [];
    for (let c = chart.data.col + 1; c < chart.data.col + chart.data.cols; c++) {
      const cell = row[c];
      values.push(cell && cell.kind === 'number' ? cell.value : null);
    }
    out.push([cellText(row[chart.data.col]), values]);
  }
  return out;
}

/** Nothing of the sheet's but the chart's own data under the chart's cells. */
function expectRoomForChart(sheet: SummarySheet, chart: SheetChart): void {
  const a = chart.anchor;
  for (let r = a.row; r < a.row + a.rows; r++) {
    const row = sheet.rows[r] || [];
    for (let c = a.col; c < a.col + a.cols; c++) expect(cellText(row[c])).toBe('');
  }
  // And the rows the chart spans hold only the chart block (what follows starts after it).
  for (let r = a.row + chart.data.rows; r < a.row + a.rows; r++) expect((sheet.rows[r] || []).map(cellText).join('')).toBe('');
}

describe("the summary sheet's chart of field percentages", () => {
  test("the sample: one bar per field of each Phụ lục, each the table's own percentage", () => {
    const plan = analyseAndPlan(buildSampleGrid()).plan;
    const sheet = plan.summary;
    const chart = sheet.chart!;
    expect(chart.name).toBe(CHART_NAME);
    expect(chart.title).toBe('Tỷ lệ điểm đạt được theo lĩnh vực');
    // The table's field rows: a link in column B (the field code) and the self-assessed percentage in F.
    const tableRows = sheet.rows.filter((row) => row[1] && row[1].kind === 'link');
    expect(tableRows.length).toBeGreaterThan(5);
    const data = chartData(sheet, chart);
    expect(data.length).toBe(tableRows.length);
    data.forEach(([label, values], i) => {
      const row = tableRows[i];
      const code = cellText(row[1]);
      const appendix = cellText(row[0]).replace(/^Phụ lục\s*/, 'PL');
      expect(label.startsWith(appendix + ' · ' + code + ' ')).toBe(true);
      const percent = row[5];
      expect(values[0]).toBe(percent.kind === 'number' ? percent.value : null);
    });
    // The sample's survey field (maximum 0) has no percentage, so no bar.
    expect(data.some(([, v]) => v[0] === null)).toBe(true);
    expect(chart.data.cols).toBe(2); // no appraised column in the sample: one series
    expect(chart.anchor.rows).toBeGreaterThanOrEqual(MIN_CHART_ROWS);
    expectRoomForChart(sheet, chart);
    // The chart sits inside the printed columns (A to H), so fit-to-width is not widened by it.
    expect(chart.anchor.col + chart.anchor.cols).toBeLessThanOrEqual(printLayout(sheet).columns);
  });

  test('the status row the ribbon adds keeps the chart where it was', () => {
    const plan = analyseAndPlan(buildSampleGrid()).plan;
    const withStatus = withStatusRow(plan, 'Đã tính lại.');
    expect(withStatus.summary.chart).toEqual(plan.summary.chart);
    expect(withStatus.summary.rows.length).toBe(plan.summary.rows.length + 2);
  });
});

describe('appendChartBlock', () => {
  test('no bars, no block and no chart', () => {
    const rows: SummaryCell[][] = [[{ kind: 'text', text: 'x' }]];
    expect(appendChartBlock(rows, { title: 't', heading: 'h', categoryHeader: 'c', series: ['s'], bars: [], col: 1, chartCols: 4, numberFormat: '0%' })).toBeNull();
    expect(rows.length).toBe(1);
  });

  test('many bars: the chart grows a row per bar, its data beside it', () => {
    const rows: SummaryCell[][] = [];
    const bars = [];
    for (let i = 0; i < 40; i++) bars.push({ label: 'xã ' + i, values: [i / 40, null] });
    const chart = appendChartBlock(rows, { title: 't', heading: 'h', categoryHeader: 'c', series: ['a', 'b'], bars, col: 1, chartCols: 5, numberFormat: '0.00%' })!;
    expect(chart.anchor).toEqual({ row: chart.data.row, col: 4, rows: 41, cols: 5 });
    expect(chart.data).toEqual({ row: 2, col: 1, rows: 41, cols: 3 });
    const sheet: SummarySheet = { name: 's', rows, columnWidths: [] };
    expect(chartData(sheet, chart)[39]).toEqual(['xã 39', [39 / 40, null]]);
    expectRoomForChart(sheet, chart);
  });

  test('long names are cut at a word with "…"; short ones stay whole', () => {
    expect(shortLabel('1 Công tác chỉ đạo điều hành')).toBe('1 Công tác chỉ đạo điều hành');
    const long = shortLabel('PL1 · 7 Xây dựng và phát triển chính quyền điện tử, chính quyền số, chuyển đổi số');
    expect(long.length).toBeLessThanOrEqual(48);
    expect(long).toMatch(/^PL1 · 7 Xây dựng và phát triển chính quyền\S*…$/);
  });
});

describe("the consolidation's ranking chart", () => {
  function source(spec: CommuneSpec, fileName: string): CommuneSource {
    return { fileName, analysis: analyseWorkbook(communeGrid(spec), { profile: 'auto' }) };
  }

  test('a bar per commune in rank order, each the percentage it is ranked by; the date on the counts line', () => {
    const c = consolidate([source({ commune: 'Dũng Tiến', self: '60' }, 'd.xlsx'), source({ commune: 'An Bình', self: '70' }, 'a.xlsx'), source({ commune: 'Cẩm Chế', self: '66,6' }, 'c.xlsx')]);
    const [ranking, flags] = consolidationSheets(c, 'vi', new Date(2026, 11, 2));
    expect(flags.chart).toBeUndefined();
    const chart = ranking.chart!;
    expect(chart.title).toBe('Tỷ lệ điểm tự đánh giá của các xã, theo thứ hạng');
    expect(chartData(ranking, chart)).toEqual(c.rows.map((r) => [r.commune, [r.selfPercentHundredths! / 10000]]));
    expect(chartData(ranking, chart).map(([name]) => name)).toEqual(['xã An Bình', 'xã Cẩm Chế', 'xã Dũng Tiến']);
    expectRoomForChart(ranking, chart);
    expect(cellText(ranking.rows[3][0])).toBe('Đã tổng hợp 3 xã; 0 tệp không tổng hợp được. Ngày tổng hợp: 02/12/2026.');
  });

  test('ranked by the appraised total when every commune has one: the appraised percentages', () => {
    const c = consolidate([source({ commune: 'An Bình', self: '70', appraised: '65' }, 'a.xlsx'), source({ commune: 'Bạch Đằng', self: '66,6', appraised: '66' }, 'b.xlsx')]);
    expect(c.rankedBy).toBe('appraised');
    const [ranking] = consolidationSheets(c, 'en', new Date(2026, 0, 5));
    expect(chartData(ranking, ranking.chart!)).toEqual(c.rows.map((r) => [r.commune, [r.appraisedPercentHundredths! / 10000]]));
    expect(ranking.chart!.title).toBe('Appraised percentage by commune, in rank order');
    expect(cellText(ranking.rows[3][0])).toContain('Consolidated on 05/01/2026.');
  });
});
