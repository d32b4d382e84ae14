import { explainTable } from '../../src/cli/explain';
import { analyseWorkbook } from '../../src/core/analyse';
import { toJsonResult } from '../../src/core/report/jsonResult';
import { sheet, workbook } from '../helpers/gridBuilder';

/** --explain names a hidden row as such, in the text and in the JSON, while it still counts. */
describe('--explain and hidden rows', () => {
  const grid = sheet('PL', [
    ['BẢNG TỰ ĐÁNH GIÁ NĂM 2023'],
    ['STT', 'Nội dung', 'Điểm tối đa', 'Điểm tự đánh giá', 'Tài liệu kiểm chứng'],
    ['1', 'Lĩnh vực', 2],
    ['1.1', 'a', 1, 1, 'KH 1/KH-UBND'],
    ['1.2', 'b', 1, 1, 'KH 2/KH-UBND'],
  ]);
  grid.hidden = { rows: [3], columns: [] };
  const analysed = workbook(grid);
  const analysis = analyseWorkbook(analysed);

  test('text: "(ẩn)" on the hidden row only', () => {
    const lines = explainTable(analysis.sheets[0], 'vi');
    expect(lines).toContain('    dòng 4: tiêu chí 1.1 (ẩn) — a');
    expect(lines).toContain('    dòng 5: tiêu chí 1.2 — b');
    expect(analysis.total.self).toBe(2000000);
  });

  test('JSON: hidden: true on that row', () => {
    const reading = toJsonResult(analysis, analysed, 'vi', { explain: true }).sheets[0].reading!;
    expect(reading.rows.filter((r) => r.hidden).map((r) => r.row)).toEqual([4]);
  });
});
