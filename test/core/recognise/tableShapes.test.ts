import { analyseWorkbook, WorkbookAnalysis } from '../../../src/core/analyse';
import { unitsFromNumber } from '../../../src/core/number/points';
import { planWorkbook } from '../../../src/core/plan/planWorkbook';
import { CellInput, sheet, workbook } from '../../helpers/gridBuilder';

/**
 * The layouts real sheets use that a first-match reading got wrong (issue 10), each with the total an
 * official would compute by hand.
 */
const u = (n: number) => unitsFromNumber(n);

function totals(a: WorkbookAnalysis) {
  return { max: a.total.max, self: a.total.self };
}

function kinds(a: WorkbookAnalysis): string[] {
  return a.flags.map((f) => f.kind);
}

function flagAt(a: WorkbookAnalysis, kind: string, cell: string) {
  return a.flags.find((f) => f.kind === kind && f.cell === cell);
}

const TITLE: CellInput[] = ['BẢNG TỰ ĐÁNH GIÁ CHỈ SỐ CCHC NĂM 2023'];
const HEAD: CellInput[] = ['STT', 'Nội dung', 'Điểm tối đa', 'Điểm tự đánh giá', 'Tài liệu kiểm chứng'];

/** One sheet "PL": the title, the usual header, then these rows. */
function scored(rows: CellInput[][]): WorkbookAnalysis {
  return analyseWorkbook(workbook(sheet('PL', [TITLE, HEAD, ...rows])));
}

describe('reading the tables officials keep', () => {
  test('a running STT beside the criterion code is not the code', () => {
    const a = analyseWorkbook(
      workbook(
        sheet('PL', [
          TITLE,
          ['STT', 'Mã', 'Nội dung', 'Điểm tối đa', 'Điểm tự đánh giá', 'Tài liệu kiểm chứng'],
          [1, '1', 'Lĩnh vực', 2, null],
          [2, '1.1', 'a', 1, 1, 'KH 1/KH-UBND'],
          [3, '1.2', 'b', 1, 1, 'KH 2/KH-UBND'],
        ]),
      ),
    );
    expect(totals(a)).toEqual({ max: u(2), self: u(2) });
    const code = a.sheets[0].reading.roles.find((r) => r.role === 'code')!;
    expect(code.col).toBe(1);
    expect(code.reason).toBe('content');
  });

  test("last year's hidden score column before this year's: this year's is scored", () => {
    const rows: CellInput[][] = [
      TITLE,
      ['Mã', 'Nội dung', 'Điểm tối đa', 'Điểm tự đánh giá năm 2022', 'Điểm tự đánh giá năm 2023', 'Tài liệu kiểm chứng'],
      ['1', 'Lĩnh vực', 2],
      ['1.1', 'a', 1, 0, 1, 'KH 1/KH-UBND'],
      ['1.2', 'b', 1, 0, 0.5, 'KH 2/KH-UBND'],
    ];
    const hidden = sheet('PL', rows);
    hidden.hidden = { rows: [], columns: [3] };
    for (const grid of [hidden, sheet('PL', rows)]) {
      const a = analyseWorkbook(workbook(grid));
      expect(totals(a)).toEqual({ max: u(2), self: u(1.5) });
      expect(a.sheets[0].reading.roles.find((r) => r.role === 'self')!.reason).toBe('year');
      expect(kinds(a)).not.toContain('ambiguous-column');
    }
    // The year set by the user (--year, the pane) decides over the titles' year.
    const lastYear = analyseWorkbook(workbook(sheet('PL', rows)), { assessmentYear: 2022 });
    expect(lastYear.total.self).toBe(u(0));
    expect(lastYear.sheets[0].reading.roles.find((r) => r.role === 'self')).toMatchObject({ col: 3, reason: 'year' });
    // No year anywhere, and nothing known of hidden columns: the later year is taken, and the doubt said.
    const untitled = analyseWorkbook(workbook(sheet('PL', rows.slice(1))));
    expect(totals(untitled)).toEqual({ max: u(2), self: u(1.5) });
    expect(kinds(untitled)).toContain('ambiguous-column');
    // The hidden column alone tells them apart when the headers name no year.
    const plain = rows.map((r, i) => (i === 1 ? ['Mã', 'Nội dung', 'Điểm tối đa', 'Điểm tự đánh giá', 'Điểm tự đánh giá', 'Tài liệu kiểm chứng'] : r));
    const byVisibility = sheet('PL', plain);
    byVisibility.hidden = { rows: [], columns: [3] };
    const visible = analyseWorkbook(workbook(byVisibility));
    expect(totals(visible).self).toBe(u(1.5));
    expect(visible.sheets[0].reading.roles.find((r) => r.role === 'self')!.reason).toBe('visible');
  });

  test('two columns nothing tells apart: the rightmost, an ambiguous-column flag, and the user decides', () => {
    const grid = sheet('PL', [
      TITLE,
      ['Mã', 'Nội dung', 'Điểm tối đa', 'Điểm tự đánh giá', 'Điểm tự đánh giá', 'Tài liệu kiểm chứng'],
      ['1', 'Lĩnh vực', 2],
      ['1.1', 'a', 1, 1, 0, 'KH 1/KH-UBND'],
      ['1.2', 'b', 1, 1, 0.5, 'KH 2/KH-UBND'],
    ]);
    const a = analyseWorkbook(workbook(grid));
    expect(a.total.self).toBe(u(0.5));
    const flag = a.flags.find((f) => f.kind === 'ambiguous-column')!;
    expect(flag).toBeDefined();
    expect(flag.params).toMatchObject({ role: 'self', chosen: 'E', other: 'D' });
    const chosen = analyseWorkbook(workbook(grid), { columns: { PL: { self: 3 } } });
    expect(chosen.total.self).toBe(u(2));
    expect(kinds(chosen)).not.toContain('ambiguous-column');
    expect(chosen.sheets[0].reading.roles.find((r) => r.role === 'self')!.reason).toBe('user');
  });

  test('outline numbering: I, II with criteria renumbered 1, 2 under each', () => {
    const a = analyseWorkbook(
      workbook(
        sheet('PL', [
          TITLE,
          ['TT', 'Nội dung', 'Điểm tối đa', 'Điểm tự đánh giá', 'Tài liệu kiểm chứng'],
          ['I', 'Lĩnh vực A', 2],
          ['1', 'Tiêu chí', 2],
          ['1.1', 'a', 1, 1, 'KH 1/KH-UBND'],
          ['1.2', 'b', 1, 1, 'KH 2/KH-UBND'],
          ['II', 'Lĩnh vực B', 1],
          ['1', 'Tiêu chí', 1, 1, 'KH 3/KH-UBND'],
        ]),
      ),
    );
    expect(totals(a)).toEqual({ max: u(3), self: u(3) });
    expect(a.sheets[0].fields.map((f) => f.code)).toEqual(['1', '2']);
    expect(kinds(a)).not.toContain('duplicate-code');
    expect(a.sheets[0].table.criteria.code).toEqual(['1', '1.1', '1.1.1', '1.1.2', '2', '2.1']);
  });

  test("a second table after the first one's total row is read too", () => {
    const a = analyseWorkbook(
      workbook(
        sheet('PL', [
          ['PHỤ LỤC 1 NĂM 2023'],
          HEAD,
          ['1', 'Lĩnh vực', 2],
          ['1.1', 'a', 2, 2, 'KH 1/KH-UBND'],
          [null, 'Tổng cộng', 2, 2],
          [],
          ['PHỤ LỤC 2'],
          HEAD,
          ['1', 'Tác động', 2, 1.5, 'BC 3/BC-UBND'],
          [null, 'Tổng cộng', 2, 1.5],
        ]),
      ),
    );
    expect(a.sheets.map((s) => [s.name, s.tableIndex])).toEqual([
      ['PL', 1],
      ['PL', 2],
    ]);
    expect(totals(a)).toEqual({ max: u(4), self: u(3.5) });
  });

  test('group rows A / B: the survey block under B is outside the self-assessed maximum', () => {
    const a = scored([
      ['A', 'Điểm tự đánh giá'],
      ['1', 'Lĩnh vực', 2],
      ['1.1', 'a', 2, 2, 'KH 1/KH-UBND'],
      ['B', 'Điểm điều tra xã hội học'],
      ['2', 'Sự hài lòng', 3],
      ['2.1', 'b', 3, null],
    ]);
    expect(totals(a)).toEqual({ max: u(2), self: u(2) });
    expect(kinds(a)).not.toContain('unscored');
    expect(
      a.sheets[0].table
        .rowReadings()
        .filter((r) => r.kind === 'group')
        .map((r) => r.row),
    ).toEqual([2, 5]);
  });

  test('a deduction row subtracts, is outside the maximum, and is no error', () => {
    const grid = workbook(sheet('PL', [TITLE, HEAD, ['1', 'Lĩnh vực', 2], ['1.1', 'a', 2, 2, 'KH 1/KH-UBND'], [null, 'Điểm trừ', -2, -1]]));
    const a = analyseWorkbook(grid);
    expect(totals(a)).toEqual({ max: u(2), self: u(1) });
    expect(kinds(a)).not.toContain('negative');
    expect(planWorkbook(a, grid, 'vi').writes.length).toBeGreaterThan(0);
  });

  test('levels listed in the name cell, and levels by increments', () => {
    const grid = (name: string, score: number) => sheet('PL', [TITLE, HEAD, ['1', 'Lĩnh vực', 1], ['1.1', name, 1, score, 'KH 1/KH-UBND']]);
    const inName = 'Ban hành kế hoạch\n- Đúng hạn: 1 điểm\n- Chậm: 0,5 điểm\n- Không thực hiện: 0 điểm';
    expect(kinds(analyseWorkbook(workbook(grid(inName, 0.75))))).toContain('off-tier');
    expect(kinds(analyseWorkbook(workbook(grid(inName, 0.5))))).not.toContain('off-tier');
    const stepped = 'Tỷ lệ hồ sơ đúng hạn\n- Đạt 50%: 0,5 điểm; cứ tăng thêm 10% được cộng 0,1 điểm; tối đa 1 điểm';
    expect(kinds(analyseWorkbook(workbook(grid(stepped, 0.7))))).not.toContain('off-tier');
    expect(kinds(analyseWorkbook(workbook(grid(stepped, 0.75))))).toContain('off-tier');
  });

  test('parts a), b) with their own scores are sub-criteria, each needing its evidence', () => {
    const a = scored([
      ['1', 'Lĩnh vực', 2],
      ['1.1', 'Tiêu chí có hai phần', 2],
      ['a)', 'Phần a', 1, 1, 'KH 1/KH-UBND'],
      ['b)', 'Phần b', 1, 1, null],
    ]);
    expect(totals(a)).toEqual({ max: u(2), self: u(2) });
    expect(a.sheets[0].table.criteria.code).toEqual(['1', '1.1', '1.1.a', '1.1.b']);
    expect(flagAt(a, 'missing-evidence', 'E6')).toBeDefined();
  });

  test('"Điểm đạt" is a self-score header', () => {
    const a = analyseWorkbook(workbook(sheet('PL', [TITLE, ['STT', 'Nội dung', 'Điểm tối đa', 'Điểm đạt', 'Tài liệu kiểm chứng'], ['1', 'Lĩnh vực', 1, 1, 'KH 1/KH-UBND']])));
    expect(totals(a)).toEqual({ max: u(1), self: u(1) });
  });

  test('a summary sheet of formulas into the appendices is reported, not scored', () => {
    const appendix = sheet('PL1', [TITLE, HEAD, ['1', 'Lĩnh vực', 2, 2, 'KH 1/KH-UBND']]);
    const summary = sheet('Tổng hợp', [['TỔNG HỢP'], ['STT', 'Nội dung', 'Điểm tối đa', 'Điểm tự đánh giá'], ['1', 'Lĩnh vực', { v: 2, f: "'PL1'!C3" }, { v: 2, f: "'PL1'!D3" }]]);
    const grid = workbook(summary, appendix);
    const a = analyseWorkbook(grid);
    expect(totals(a)).toEqual({ max: u(2), self: u(2) });
    expect(a.skipped).toEqual([{ name: 'Tổng hợp', reason: 'summary' }]);
    expect(kinds(a)).toContain('summary-sheet');
    expect(planWorkbook(a, grid, 'vi').writes.filter((w) => w.sheet === 'Tổng hợp')).toEqual([]);
  });

  test('the Hải Dương profile applies by the decision cited or the fields, not by the sheet name', () => {
    const other = sheet('Phụ lục 1', [['BỘ CHỈ SỐ CỦA TỈNH KHÁC NĂM 2023'], HEAD, ['1', 'Công tác tuyên truyền', 6, 6, 'KH 1/KH-UBND']]);
    const a = analyseWorkbook(workbook(other));
    expect(a.profile).toBeNull();
    expect(kinds(a)).not.toContain('max-mismatch');
    expect(kinds(a)).not.toContain('profile-mismatch');
    const cited = sheet('Bảng điểm', [['PHỤ LỤC 1 (Kèm theo Quyết định 3395/QĐ-UBND) NĂM 2023'], HEAD, ['1', 'Công tác chỉ đạo điều hành', 6, 6, 'KH 1/KH-UBND']]);
    const b = analyseWorkbook(workbook(cited));
    expect(b.profile && b.profile.id).toBe('hai-duong-3395-xa');
    expect(b.flags.some((f) => f.kind === 'max-mismatch' && f.code === '1')).toBe(true);
  });

  test("the official's own subtotals settle two columns nothing else told apart", () => {
    const rows = (fieldD: number, fieldE: number): CellInput[][] => [
      TITLE,
      ['Mã', 'Nội dung', 'Điểm tối đa', 'Điểm tự đánh giá', 'Điểm tự đánh giá', 'Tài liệu kiểm chứng'],
      ['1', 'Lĩnh vực', 2, fieldD, fieldE],
      ['1.1', 'a', 1, 1, 0, 'KH 1/KH-UBND'],
      ['1.2', 'b', 1, 1, 0.5, 'KH 2/KH-UBND'],
    ];
    // D's field total agrees with its scores, E's does not: D is the table's.
    const left = analyseWorkbook(workbook(sheet('PL', rows(2, 2))));
    expect(left.total.self).toBe(u(2));
    expect(kinds(left)).not.toContain('ambiguous-column');
    expect(left.sheets[0].reading.roles.find((r) => r.role === 'self')).toMatchObject({ col: 3, reason: 'content' });
    // Both agree: still a doubt, said.
    expect(kinds(analyseWorkbook(workbook(sheet('PL', rows(2, 0.5)))))).toContain('ambiguous-column');
  });

  test('a parent whose SUM leaves out a scored child is flagged', () => {
    const a = scored([
      ['1', 'Lĩnh vực', 3, { v: 2, f: 'SUM(D4:D5)' }],
      ['1.1', 'a', 1, 1, 'KH 1/KH-UBND'],
      ['1.2', 'b', 1, 1, 'KH 2/KH-UBND'],
      ['1.3', 'c', 1, 1, 'KH 3/KH-UBND'],
    ]);
    expect(a.total.self).toBe(u(3));
    expect(a.flags.find((f) => f.kind === 'sum-range-mismatch')).toMatchObject({ cell: 'D3', code: '1', params: { missing: '1.3' } });
  });

  test('"PHỤ LỤC 2" after a total row, under the same columns, starts the next table', () => {
    const a = scored([['1', 'Lĩnh vực', 2], ['1.1', 'a', 2, 2, 'KH 1/KH-UBND'], [null, 'Tổng cộng', 2, 2], ['PHỤ LỤC 2'], ['1', 'Tác động', 2, 1, 'BC 3/BC-UBND']]);
    expect(a.sheets.map((s) => s.tableIndex)).toEqual([1, 2]);
    expect(a.sheets[1].table.titleLines).toEqual(['PHỤ LỤC 2']);
    expect(totals(a)).toEqual({ max: u(4), self: u(3) });
  });

  test('a criterion named "Công tác…" is no total row, and "Cộng" is', () => {
    const a = scored([
      [null, '1. Công tác chỉ đạo điều hành', 2],
      [null, '1.1. Công tác kiểm tra', 2, 2, 'KH 1/KH-UBND'],
      [null, 'Cộng', 2, 2],
      [null, '2. Lĩnh vực sau dòng cộng', 5, 5],
    ]);
    expect(a.sheets[0].table.criteria.code).toEqual(['1', '1.1']);
    expect(a.sheets[0].table.total!.cells.row).toBe(4);
  });

  test('"Năm 2022 | Năm 2023" under a merged "Tự đánh giá" stays in the header and settles the column', () => {
    const a = analyseWorkbook(
      workbook(
        sheet(
          'PL',
          [
            TITLE,
            ['Mã', 'Nội dung', 'Điểm tối đa', 'Điểm tự đánh giá', null, 'Tài liệu kiểm chứng'],
            [null, null, null, 'Năm 2022', 'Năm 2023'],
            ['1', 'Lĩnh vực', 2],
            ['1.1', 'a', 2, 0.5, 2, 'KH 1/KH-UBND'],
          ],
          ['A2:A3', 'B2:B3', 'C2:C3', 'D2:E2', 'F2:F3'],
        ),
      ),
    );
    expect(a.sheets[0].reading).toMatchObject({ headerTop: 1, headerBottom: 2 });
    expect(a.sheets[0].reading.roles.find((r) => r.role === 'self')).toMatchObject({ col: 4, reason: 'year' });
    expect(a.total.self).toBe(u(2));
  });

  test('a criterion that only mentions deductions earns its points; one named "Trừ điểm…" takes them off', () => {
    const a = scored([
      ['1', 'Lĩnh vực', 3],
      ['1.1', 'Không bị trừ điểm thi đua do chậm báo cáo', 2, 2, 'KH 1/KH-UBND'],
      ['1.2', 'Trừ điểm khi bị phê bình, nhắc nhở', null, 0.5],
    ]);
    expect(totals(a)).toEqual({ max: u(2), self: u(1.5) });
    expect(
      a.sheets[0].table
        .rowReadings()
        .filter((r) => r.kind === 'deduction')
        .map((r) => r.code),
    ).toEqual(['1.2']);
  });

  test('hidden rows still count, and their reading says they are hidden', () => {
    const grid = sheet('PL', [TITLE, HEAD, ['1', 'Lĩnh vực', 2], ['1.1', 'a', 1, 1, 'KH 1/KH-UBND'], ['1.2', 'b', 1, 1, 'KH 2/KH-UBND']]);
    grid.hidden = { rows: [3], columns: [] };
    const a = analyseWorkbook(workbook(grid));
    expect(a.total.self).toBe(u(2));
    expect(a.sheets[0].table.rowReadings().map((r) => [r.row, !!r.hidden])).toEqual([
      [2, false],
      [3, true],
      [4, false],
    ]);
  });
});
