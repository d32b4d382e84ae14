import { analyseWorkbook } from '../../../src/core/analyse';
import { findDifferences } from '../../../src/core/appraisal/differences';
import { flagMessage } from '../../../src/core/messages/catalogue';
import { unitsToNumber } from '../../../src/core/number/points';
import { toJsonResult } from '../../../src/core/report/jsonResult';
import { planWorkbook } from '../../../src/core/plan/planWorkbook';
import { SummaryCell } from '../../../src/core/plan/types';
import { HEADER, sheet, workbook } from '../../helpers/gridBuilder';
import { APPRAISAL_HEADER, appraisedSheet } from './appraisalGrid';

const points = (u: number) => unitsToNumber(u);

function summaryTexts(rows: SummaryCell[][]): string[][] {
  return rows.map((r) => r.map((c) => (c.kind === 'number' ? String(c.value) : c.text)));
}

describe('appraisal differences', () => {
  const grid = workbook(appraisedSheet());
  const analysis = analyseWorkbook(grid, { profile: null });

  test('lists each appraised leaf whose score differs, with both cells, evidence and explanation', () => {
    const d = analysis.differences;
    expect(d.map((x) => x.code)).toEqual(['1.1', '1.3', '2.2']);
    expect(d.map((x) => [points(x.self), points(x.appraised), points(x.difference)])).toEqual([
      [1, 0.5, -0.5],
      [2, 1, -1],
      [0.5, 1, 0.5],
    ]);
    expect(d[0]).toMatchObject({
      sheet: 'PL1',
      name: 'Ban hành kế hoạch CCHC',
      selfCell: 'D4',
      appraisedCell: 'E4',
      evidence: 'Kế hoạch số 12/KH-UBND ngày 05/01/2023',
      evidenceCell: 'F4',
      explanation: 'Ban hành chậm 10 ngày',
      fieldCode: '1',
    });
    // Levels chosen by "x": the cells are the tier rows that carry each score; a link-only evidence cell gives its target;
    // the explanation written on a tier row is the criterion's.
    expect(d[1]).toMatchObject({ selfCell: 'D7', appraisedCell: 'E8', evidence: 'https://x.vn/kh.pdf', evidenceCell: 'F6', explanation: 'Huyện: mới đạt 90%', fieldCode: '1' });
    expect(d[2]).toMatchObject({ explanation: 'Bổ sung tài liệu khi thẩm định', fieldCode: '2' });
  });

  test('a leaf not yet appraised, an unchanged one and a survey criterion are not differences', () => {
    const codes = analysis.differences.map((x) => x.code);
    expect(codes).not.toContain('2.1');
    expect(codes).not.toContain('1.2');
    expect(codes).not.toContain('2.3');
  });

  test('points lost per field: self - appraised over the appraised leaves (a gain is negative)', () => {
    expect(analysis.lostByField.map((f) => [f.sheet, f.code, f.name, points(f.lost)])).toEqual([
      ['PL1', '1', 'Lĩnh vực thứ nhất', 1.5],
      ['PL1', '2', 'Lĩnh vực thứ hai', -0.5],
    ]);
    // Field totals as scored: field 2's appraised total misses the unappraised 2.1 (1 point), which is not a loss.
    const f2 = analysis.sheets[0].fields[1];
    expect([points(f2.self), points(f2.appraised!)]).toEqual([1.5, 1]);
  });

  test('parents are never listed (they would count their leaves twice)', () => {
    const parents = analysis.sheets[0].score.nodes.filter((n) => !n.leaf).map((n) => n.node.code);
    expect(parents).toEqual(['1', '2']);
    for (const d of analysis.differences) expect(parents).not.toContain(d.code);
  });

  test('a sheet without an appraised column gives no differences and no lost points', () => {
    const plainGrid = workbook(sheet('S', [HEADER, ['1', 'Lĩnh vực', 1, null], ['1.1', 'Tiêu chí', 1, 1, 'KH 1']]));
    const plain = analyseWorkbook(plainGrid, { profile: null });
    expect(findDifferences(plain.sheets)).toEqual({ differences: [], lostByField: [] });
    expect(plain.differences).toEqual([]);
    const json = toJsonResult(plain, plainGrid, 'vi');
    expect(json.differences).toEqual([]);
    expect(json.sheets[0].fields[0].lost).toBeNull();
    // …and the summary sheet has no appraisal section.
    const texts = summaryTexts(planWorkbook(plain, plainGrid, 'vi').summary.rows).map((r) => r.join('|'));
    expect(texts.some((t) => /CHÊNH LỆCH/.test(t))).toBe(false);
  });

  test('JSON: differences[] with numbers and normalised codes, fields[].lost and appraisedPercent', () => {
    const json = toJsonResult(analysis, grid, 'vi');
    expect(json.differences[0]).toEqual({
      sheet: 'PL1',
      code: '1.1',
      name: 'Ban hành kế hoạch CCHC',
      self: 1,
      appraised: 0.5,
      difference: -0.5,
      selfCell: 'D4',
      appraisedCell: 'E4',
      evidence: 'Kế hoạch số 12/KH-UBND ngày 05/01/2023',
      explanation: 'Ban hành chậm 10 ngày',
    });
    expect(json.sheets[0].fields.map((f) => [f.code, f.self, f.appraised, f.appraisedPercent, f.lost])).toEqual([
      ['1', 4, 2.5, 62.5, 1.5],
      ['2', 1.5, 1, 50, -0.5],
    ]);
  });

  test('the summary sheet lists the differences (code linking to the appraised cell, texts as text) and the loss per field', () => {
    const rows = planWorkbook(analysis, grid, 'vi').summary.rows;
    const texts = summaryTexts(rows);
    const heading = texts.findIndex((r) => r[0] === 'CHÊNH LỆCH ĐIỂM THẨM ĐỊNH SO VỚI ĐIỂM TỰ ĐÁNH GIÁ');
    expect(heading).toBeGreaterThan(0);
    expect(texts[heading + 1]).toEqual(['Phụ lục', 'Mã', 'Tiêu chí', 'Tự đánh giá', 'Thẩm định', 'Chênh lệch', 'Tài liệu kiểm chứng', 'Ghi chú, giải trình']);
    const first = rows[heading + 2];
    expect(first[1]).toEqual({ kind: 'link', text: '1.1', sheet: 'PL1', address: 'E4' });
    expect(texts[heading + 2]).toEqual(['PL1', '1.1', 'Ban hành kế hoạch CCHC', '1', '0.5', '-0.5', 'Kế hoạch số 12/KH-UBND ngày 05/01/2023', 'Ban hành chậm 10 ngày']);
    expect(first[6]).toEqual({ kind: 'text', text: 'Kế hoạch số 12/KH-UBND ngày 05/01/2023' });
    const lost = texts.findIndex((r) => r[0] === 'ĐIỂM BỊ TRỪ KHI THẨM ĐỊNH THEO LĨNH VỰC');
    expect(lost).toBeGreaterThan(heading);
    expect(texts.slice(lost + 1, lost + 4)).toEqual([
      ['Phụ lục', 'Mã', 'Lĩnh vực', 'Điểm bị trừ'],
      ['PL1', '1', 'Lĩnh vực thứ nhất', '1.5'],
      ['PL1', '2', 'Lĩnh vực thứ hai', '-0.5'],
    ]);
    const en = planWorkbook(analyseWorkbook(grid, { profile: null }), grid, 'en');
    expect(summaryTexts(en.summary.rows).some((r) => r[0] === 'POINTS LOST IN APPRAISAL BY FIELD')).toBe(true);
  });

  test('an evidence or explanation that starts with "=" stays text in the summary', () => {
    const s = appraisedSheet();
    s.rows[3]![6] = { value: '=SUM(1,2) là ghi chú' };
    const g = workbook(s);
    const a = planWorkbook(analyseWorkbook(g, { profile: null }), g, 'vi');
    const cell = a.summary.rows.find((r) => r[1] && r[1].kind === 'link' && r[1].text === '1.1' && r.length === 8)![7];
    expect(cell).toEqual({ kind: 'text', text: '=SUM(1,2) là ghi chú' });
  });

  test('flags say which score they concern once a sheet has both columns', () => {
    const s = sheet('PL', [APPRAISAL_HEADER, ['1', 'Lĩnh vực', 2, null, null], ['1.1', 'Tiêu chí', 1, 2, 1.5, 'KH 1'], ['1.2', 'Tiêu chí hai', 1, 1, '0,5', 'KH 2']]);
    const a = analyseWorkbook(workbook(s), { profile: null });
    const over = a.flags.filter((f) => f.kind === 'over-max');
    expect(over.map((f) => [f.score, f.cell])).toEqual([
      ['self', 'D3'],
      ['appraised', 'E3'],
    ]);
    expect(flagMessage(over[0], 'vi')).toBe('[Điểm tự đánh giá] Điểm 2 của tiêu chí 1.1 vượt điểm tối đa 1.');
    expect(flagMessage(over[1], 'vi')).toBe('[Điểm thẩm định] Điểm 1,5 của tiêu chí 1.1 vượt điểm tối đa 1.');
    expect(flagMessage(over[1], 'en')).toBe('[Appraised score] Score 1.5 of criterion 1.1 exceeds its maximum 1.');
    const text = a.flags.find((f) => f.kind === 'text-number')!;
    expect(text.score).toBe('appraised');
    expect(flagMessage(text, 'vi')).toMatch(/^\[Điểm thẩm định\] /);
    // A typed parent total that disagrees, in the appraised column.
    const withTotal = sheet('PL', [APPRAISAL_HEADER, ['1', 'Lĩnh vực', 1, 1, 9], ['1.1', 'Tiêu chí', 1, 1, 1, 'KH 1']]);
    const hand = analyseWorkbook(workbook(withTotal), { profile: null }).flags.filter((f) => f.kind === 'hand-total-mismatch');
    expect(hand.map((f) => [f.score, f.cell])).toEqual([['appraised', 'E2']]);
    expect(flagMessage(hand[0], 'vi')).toMatch(/^\[Điểm thẩm định\] Tổng điểm của 1 đang ghi 9/);
    // Without an appraised column, self flags read as before.
    const plain = analyseWorkbook(workbook(sheet('S', [HEADER, ['1', 'Lĩnh vực', 1, null], ['1.1', 'Tiêu chí', 1, 2, 'KH']])), { profile: null });
    expect(
      flagMessage(
        plain.flags.find((f) => f.kind === 'over-max')!,
        'vi',
      ),
    ).toBe('Điểm 2 của tiêu chí 1.1 vượt điểm tối đa 1.');
  });

  test('a "Tỷ lệ thẩm định" column gets the appraised percentage, the self one the self percentage', () => {
    const s = sheet('PL', [
      ['STT', 'Nội dung tiêu chí', 'Điểm tối đa', 'Điểm tự đánh giá', 'Tỷ lệ tự đánh giá (%)', 'Điểm thẩm định', 'Tỷ lệ thẩm định (%)', 'Tài liệu kiểm chứng'],
      ['1', 'Lĩnh vực', 3, null, null, null, null],
      ['1.1', 'Tiêu chí', 1, 1, null, 1, null, 'KH 1'],
      ['1.2', 'Tiêu chí', 2, 2, null, 1, null, 'KH 2'],
      ['Tổng cộng', null, 3, null, null, null, null],
    ]);
    const g = workbook(s);
    const a = analyseWorkbook(g, { profile: null });
    expect(a.sheets[0].table.columns).toMatchObject({ self: 3, percent: 4, appraised: 5, appraisedPercent: 6 });
    const byAddress = Object.fromEntries(planWorkbook(a, g, 'vi').writes.map((w) => [w.address, w]));
    expect(byAddress.E2).toMatchObject({ formula: 'ROUND(D2/C2,4)', result: 1, purpose: 'percent' });
    expect(byAddress.G2).toMatchObject({ formula: 'ROUND(F2/C2,4)', result: 0.6667, purpose: 'percent', numberFormat: '0.00%' });
    expect(byAddress.F5).toMatchObject({ formula: 'SUM(F2)', result: 2, purpose: 'sheet-total' });
    expect(byAddress.G5).toMatchObject({ formula: 'ROUND(F5/C5,4)', result: 0.6667 });
  });
});
