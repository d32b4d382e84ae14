import { analyseWorkbook } from '../../../src/core/analyse';
import { buildSampleGrid } from '../../../src/core/sample/thanhXa2023';
import { Flag } from '../../../src/core/check/flag';
import { flagMessage } from '../../../src/core/messages/catalogue';
import { unitsToNumber } from '../../../src/core/number/points';
import { planWorkbook } from '../../../src/core/plan/planWorkbook';
import { HEADER, sheet, workbook } from '../../helpers/gridBuilder';

const flagsOf = (flags: Flag[], kind: string) => flags.filter((f) => f.kind === kind);

/** A small Phụ lục with one problem of each kind, placed on purpose. */
function problemSheet() {
  return sheet('PL1', [
    ['UBND XÃ THỬ NGHIỆM'],
    ['BẢNG TỰ ĐÁNH GIÁ CHỈ SỐ CCHC NĂM 2023'],
    HEADER,
    ['I', 'Lĩnh vực thứ nhất', 4, null],
    ['1.1', 'Tiêu chí có mức điểm', 2, null],
    ['1.1.1', 'Ban hành kế hoạch', 1, 0.5, 'Kế hoạch số 1/KH-UBND', 'Ban hành đúng hạn: 1 điểm; ban hành chậm: 0,5 điểm; không ban hành: 0 điểm'],
    ['1.1.2.', 'Tiêu chí chấm sai mức', 1, 0.75, 'QĐ 2/QĐ-UBND', 'Hoàn thành 100%: 1 điểm; dưới 100%: 0 điểm'],
    ['1.2', 'Tiêu chí chấm trên dòng mức', 2, 3],
    ['1.2.1', 'Chọn mức bằng dấu x', 1, null, 'BC 3/BC-UBND'],
    ['-', 'Đúng hạn', 1, 'x'],
    ['-', 'Chậm', 0.5, null],
    ['1.2.2', 'Chọn hai mức cùng lúc', 1, null, 'BC 4'],
    ['-', 'Đạt', 1, 'x'],
    ['-', 'Không đạt', 0, 'x'],
    ['II', 'Lĩnh vực thứ hai', 5, null],
    ['2.1', 'Thiếu tài liệu', 1, 1, null],
    ['2.2', 'Điểm dạng chữ', 1, '0,5', { v: 'Kế hoạch 20', f: 'HYPERLINK("https://x.vn/kh20.pdf","Kế hoạch 20")' }],
    ['2.3', 'Vượt tối đa', 1, 2, { v: 'Xem tệp', link: 'https://x.vn/a.pdf' }],
    ['2.4', 'Điểm âm', 1, -1, 'Có'],
    ['2.5', 'Không phải số', 1, 'đạt', 'Có'],
    ['2.6', 'Ô lỗi', 1, { v: null, err: '#REF!' }, 'Có'],
    ['2.6', 'Trùng mã', 0, 0, 'Có'],
    ['2.7', 'Chưa chấm', 1, null, null],
    ['Tổng cộng', null, 9, 100],
  ]);
}

describe('analyseWorkbook on a table with one problem of each kind', () => {
  const grid = workbook(problemSheet());
  const analysis = analyseWorkbook(grid, { profile: null });
  const s = analysis.sheets[0];
  const plan = planWorkbook(analysis, grid, 'vi');

  test('recognises roman fields as 1 and 2 and builds the tree', () => {
    expect(s.fields.map((f) => f.code)).toEqual(['1', '2']);
    expect(s.table.nodes.map((n) => n.code)).toContain('1.1.2');
    expect(s.table.roots[0].children.map((c) => c.code)).toEqual(['1.1', '1.2']);
  });

  test('scores exactly: tier marks count their points, text numbers count', () => {
    const field1 = s.fields[0];
    // 0,5 + 0,75 + 1 (x on "Đúng hạn") + 1 (two tiers: 1 + 0)
    expect(unitsToNumber(field1.self)).toBe(3.25);
    // 1 + 0,5 + 2 - 1 + 0 (text) + 0 (error) + 0 + 0 (unscored)
    expect(unitsToNumber(s.fields[1].self)).toBe(2.5);
    expect(unitsToNumber(s.score.self)).toBe(5.75);
    expect(unitsToNumber(s.score.selfAssessableMax)).toBe(11);
  });

  test('flags every problem at its cell', () => {
    const f = s.flags;
    expect(flagsOf(f, 'off-tier').map((x) => x.cell)).toEqual(['D7']);
    expect(flagsOf(f, 'missing-evidence').map((x) => [x.cell, x.code])).toEqual([['E16', '2.1']]);
    expect(flagsOf(f, 'text-number').map((x) => x.code)).toEqual(['2.2']);
    expect(flagsOf(f, 'over-max').map((x) => x.code)).toEqual(['2.3']);
    expect(flagsOf(f, 'negative').map((x) => x.code)).toEqual(['2.4']);
    expect(flagsOf(f, 'not-a-number').map((x) => x.code)).toEqual(['2.5']);
    expect(flagsOf(f, 'cell-error').map((x) => [x.code, x.params.error])).toEqual([['2.6', '#REF!']]);
    expect(flagsOf(f, 'multiple-tiers').map((x) => x.code)).toEqual(['1.2.2']);
    expect(flagsOf(f, 'unscored').map((x) => x.code)).toEqual(['2.7']);
    expect(flagsOf(f, 'duplicate-code').map((x) => x.code)).toEqual(['2.6']);
    // 1.2 typed 3 but its leaves give 2; field II typed max 5 but children sum to 7; total typed 9 vs 11.
    expect(flagsOf(f, 'hand-total-mismatch').map((x) => x.code)).toEqual(['1.2', '']);
    expect(
      flagsOf(f, 'max-mismatch')
        .map((x) => x.code)
        .sort(),
    ).toEqual(['', '2']);
  });

  test('valid scores are not flagged', () => {
    const codes = s.flags.map((x) => x.code);
    expect(codes).not.toContain('1.1.1');
    expect(codes).not.toContain('1.2.1');
  });

  test('messages are Vietnamese by default and English on request', () => {
    const offTier = flagsOf(s.flags, 'off-tier')[0];
    expect(flagMessage(offTier, 'vi')).toBe('Điểm 0,75 của tiêu chí 1.1.2 không phải mức điểm được phép (1; 0).');
    expect(flagMessage(offTier, 'en')).toBe('Score 0.75 of criterion 1.1.2 is not one of the allowed levels (1; 0).');
  });

  test('the plan writes SUM formulas on parent rows only and the total row', () => {
    const byAddress = Object.fromEntries(plan.writes.map((w) => [w.address, w]));
    expect(byAddress.D5.formula).toBe('SUM(D6:D7)');
    expect(byAddress.D8.formula).toBe('SUM(C10,C13:C14)');
    expect(byAddress.D4.formula).toBe('SUM(D5,D8)');
    expect(byAddress.D24.formula).toBe('SUM(D4,D15)');
    expect(byAddress.D24.result).toBe(5.75);
    expect(byAddress.D8.previous).toEqual({ value: 3 });
    const leafRows = new Set(s.table.nodes.filter((n) => n.children.length === 0).map((n) => n.cells.row));
    for (const w of plan.writes) expect(leafRows.has(w.row)).toBe(false);
  });

  test('highlights: evidence cell for missing evidence, score cell for score problems', () => {
    const h = Object.fromEntries(plan.highlights.map((x) => [x.address, x.kind]));
    expect(h.E16).toBe('missing-evidence');
    expect(h.D7).toBe('score-problem');
    expect(h.D6).toBeUndefined();
  });
});

describe('header recognition', () => {
  test('two-row merged header, reordered columns, column-number row', () => {
    const grid = sheet(
      'Bảng',
      [
        ['PHỤ LỤC 1'],
        ['TT', 'Minh chứng', 'Lĩnh vực, tiêu chí', 'Điểm', null, 'Cách tính điểm'],
        [null, null, null, 'Tự chấm', 'Thang điểm', null],
        ['(1)', '(2)', '(3)', '(4)', '(5)', '(6)'],
        ['1', null, 'Lĩnh vực', null, 2],
        ['1.1', 'KH 1', 'Tiêu chí', 1.5, 2],
      ],
      ['A2:A3', 'B2:B3', 'C2:C3', 'D2:E2', 'F2:F3'],
    );
    const a = analyseWorkbook(workbook(grid), { profile: null });
    expect(a.sheets).toHaveLength(1);
    const cols = a.sheets[0].table.columns;
    expect(cols).toMatchObject({ code: 0, evidence: 1, name: 2, self: 3, max: 4, guidance: 5 });
    expect(a.sheets[0].table.header.firstBodyRow).toBe(4);
    expect(unitsToNumber(a.sheets[0].score.self)).toBe(1.5);
  });

  test('a total row right under the header, and a signature block after the total', () => {
    const grid = sheet('PL', [HEADER, ['Tổng cộng', null, 3, 2], ['1', 'Lĩnh vực', 3, null], ['1.1', 'Tiêu chí', 3, 2, 'KH 1'], [], [null, 'TM. ỦY BAN NHÂN DÂN']]);
    const a = analyseWorkbook(workbook(grid), { profile: null });
    expect(a.sheets[0].table.total!.cells.row).toBe(1);
    expect(a.flags).toEqual([]);
    expect(planWorkbook(a, workbook(grid), 'vi').writes.map((w) => [w.address, w.formula])).toEqual([
      ['D3', 'SUM(D4)'],
      ['D2', 'SUM(D3)'],
    ]);
  });

  test('a sheet that is not a scoring table is reported, not guessed at', () => {
    const notes = sheet('Ghi chú', [['Danh sách cán bộ'], ['Họ tên', 'Chức vụ'], ['Nguyễn Văn A', 'Chủ tịch']]);
    const a = analyseWorkbook(workbook(notes, problemSheet()), { profile: null });
    expect(a.skipped).toEqual([{ name: 'Ghi chú', reason: 'not-a-scoring-table' }]);
    expect(a.flags.filter((f) => f.kind === 'not-a-scoring-table').map((f) => f.sheet)).toEqual(['Ghi chú']);
  });
});

describe('sheets the consolidation wrote into a workbook', () => {
  it('are the tool\'s own: skipped without a "not a scoring table" note, also when renamed "(2)"', () => {
    const grid = buildSampleGrid();
    const written = (name: string) => ({ name: name, rows: [[{ value: 'TỔNG HỢP' }], [{ value: 'STT' }, { value: 'Xã' }, { value: 'Tổng điểm' }]] });
    grid.sheets.push(written('Tổng hợp xếp hạng'), written('Danh sách vấn đề (2)'), written('Ghi chú của xã'));
    const analysis = analyseWorkbook(grid);
    expect(analysis.skipped).toEqual([
      { name: 'Tổng hợp xếp hạng', reason: 'tool-owned' },
      { name: 'Danh sách vấn đề (2)', reason: 'tool-owned' },
      { name: 'Ghi chú của xã', reason: 'not-a-scoring-table' },
    ]);
    expect(analysis.flags.filter((f) => f.kind === 'not-a-scoring-table').map((f) => f.sheet)).toEqual(['Ghi chú của xã']);
  });
});

describe('an "x" on a row that carries no points', () => {
  test('is not a score: it is reported at its cell, and the criterion is not called unscored', () => {
    const analysis = analyseWorkbook(
      workbook(sheet('PL1', [HEADER, ['1', 'Lĩnh vực', 1, null], ['1.1', 'Tiêu chí', 1, null, 'KH 1'], ['-', 'Ghi chú, không có điểm', null, 'x'], ['-', 'Đạt', 1, null]])),
      { profile: null },
    );
    const flags = analysis.sheets[0].flags;
    expect(flagsOf(flags, 'not-a-number').map((x) => [x.cell, x.params.text])).toEqual([['D4', 'x']]);
    expect(flagsOf(flags, 'unscored')).toEqual([]);
    expect(unitsToNumber(analysis.total.self)).toBe(0);
  });
});
