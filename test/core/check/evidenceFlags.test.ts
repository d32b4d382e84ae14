import { analyseWorkbook } from '../../../src/core/analyse';
import { checkTable } from '../../../src/core/check/checkTable';
import { Flag } from '../../../src/core/check/flag';
import { flagMessage } from '../../../src/core/messages/catalogue';
import { flagKindLabel } from '../../../src/core/messages/paneText';
import { CellInput, HEADER, sheet, workbook } from '../../helpers/gridBuilder';

const LINK = 'https://xa.gov.vn/van-ban/tep.pdf';

/** A Phụ lục whose evidence cells cite documents of various dates; columns A code … E evidence. */
function evidenceRows(): CellInput[][] {
  return [
    HEADER, // row 3 (after two title rows)
    ['1', 'Lĩnh vực', 12, null], // 4
    ['1.1', 'Quyết định của năm trước', 1, 1, 'Quyết định số 45/QĐ-UBND ngày 12/03/2022 của UBND xã'], // 5
    ['1.2', 'Kế hoạch ban hành quý IV năm trước', 1, 1, 'Kế hoạch số 150/KH-UBND ngày 15/12/2022'], // 6
    ['1.3', 'Kế hoạch ban hành quý III năm trước', 1, 1, 'Kế hoạch số 90/KH-UBND ngày 15/9/2022'], // 7
    ['1.4', 'Không chấm điểm', 1, 0, 'Quyết định số 5/QĐ-UBND ngày 10/01/2021'], // 8
    ['1.5', 'Tài liệu không rõ', 1, 1, 'Có'], // 9
    ['1.6', 'Chỉ có đường dẫn', 1, 1, { v: 'Xem tệp', link: LINK }], // 10
    ['1.7', 'Tài liệu ở dòng mức điểm', 1, null], // 11
    ['-', 'Đúng hạn', 1, 'x', 'Báo cáo số 7/BC-UBND ngày 02/02/2022'], // 12
    ['-', 'Chậm', 0.5, null], // 13
    ['1.8', 'Chưa ghi ngày', 1, 1, 'Kế hoạch số 20/KH-UBND'], // 14
    ['1.9', 'Dẫn sang tiêu chí khác', 1, 1, 'Như tài liệu kiểm chứng tại tiêu chí 1.2'], // 15
    ['1.10', 'Báo cáo trong năm', 1, 1, 'Báo cáo số 250/BC-UBND ngày 05/12/2023'], // 16
    ['1.11', 'Sổ theo dõi', 1, 1, 'Sổ theo dõi hồ sơ liên thông năm 2023'], // 17
    ['1.12', 'Tài liệu dạng HYPERLINK', 1, 1, { v: 'Tệp đính kèm', f: 'HYPERLINK("' + LINK + '","Tệp đính kèm")' }], // 18
    ['Tổng cộng', null, 12, null],
  ];
}

function titledSheet(name: string, title: string) {
  return sheet(name, [['UBND XÃ THỬ NGHIỆM'], [title], ...evidenceRows()]);
}

const evidenceFlags = (flags: Flag[]) => flags.filter((f) => f.kind === 'evidence-out-of-period' || f.kind === 'evidence-unparsed');
const brief = (flags: Flag[]) => evidenceFlags(flags).map((f) => [f.kind, f.cell, f.code]);

describe('evidence date flags in a "năm 2023" sheet', () => {
  const analysis = analyseWorkbook(workbook(titledSheet('PL1', 'BẢNG TỰ ĐÁNH GIÁ CHỈ SỐ CCHC NĂM 2023')), { profile: null });
  const flags = analysis.sheets[0].flags;

  test('flags exactly the leaves whose evidence is out of the year or unreadable, at their evidence cells', () => {
    expect(brief(flags)).toEqual([
      ['evidence-out-of-period', 'E5', '1.1'],
      ['evidence-out-of-period', 'E7', '1.3'],
      ['evidence-unparsed', 'E9', '1.5'],
      ['evidence-out-of-period', 'E12', '1.7'],
    ]);
  });

  test('a 2022 decision: warning with the cited date and the year, in Vietnamese and English', () => {
    const f = flags.find((x) => x.code === '1.1' && x.kind === 'evidence-out-of-period')!;
    expect(f.severity).toBe('warning');
    expect(f.params).toMatchObject({ dates: '12/03/2022', year: 2023 });
    expect(flagMessage(f, 'vi')).toBe('Tài liệu kiểm chứng của tiêu chí 1.1 ghi ngày 12/03/2022, ngoài năm đánh giá 2023.');
    expect(flagMessage(f, 'en')).toBe('The evidence of criterion 1.1 is dated 12/03/2022, outside the assessment year 2023.');
    expect(flagKindLabel(f.kind, 'vi')).toBe('Tài liệu kiểm chứng ngoài năm đánh giá');
  });

  test('a plan dated 15/12/2022 counts for 2023; one dated 15/9/2022 does not, and the message says why', () => {
    expect(flags.some((f) => f.code === '1.2')).toBe(false);
    const f = flags.find((x) => x.code === '1.3')!;
    expect(flagMessage(f, 'vi')).toContain('ghi ngày 15/09/2022, ngoài năm đánh giá 2023.');
    expect(flagMessage(f, 'vi')).toContain('quý IV năm trước');
    expect(flagMessage(f, 'en')).toContain('fourth quarter of the year before');
  });

  test('unreadable evidence is a note quoting the cell', () => {
    const f = flags.find((x) => x.kind === 'evidence-unparsed')!;
    expect(f.severity).toBe('info');
    expect(flagMessage(f, 'vi')).toBe('Không đọc được số, ký hiệu hay ngày ban hành văn bản trong tài liệu kiểm chứng của tiêu chí 1.5 ("Có").');
    expect(flagMessage(f, 'en')).toContain('criterion 1.5 ("Có")');
  });

  test('no flag for a score of 0, links, undated numbers, pointers to another criterion, or in-year documents', () => {
    const quiet = ['1.4', '1.6', '1.8', '1.9', '1.10', '1.11', '1.12'];
    expect(evidenceFlags(flags).filter((f) => quiet.indexOf(f.code) >= 0)).toEqual([]);
  });

  test('the new flags do not change the scores', () => {
    expect(analysis.total.self).toBe(analyseWorkbook(workbook(titledSheet('PL1', 'BẢNG TỰ ĐÁNH GIÁ')), { profile: null }).total.self);
  });
});

describe('the assessment year', () => {
  test('set by the user, it overrides the title: with 2022 the 2022 documents pass and the 2023 ones are flagged', () => {
    const analysis = analyseWorkbook(workbook(titledSheet('PL1', 'BẢNG TỰ ĐÁNH GIÁ CHỈ SỐ CCHC NĂM 2023')), { profile: null, assessmentYear: 2022 });
    const out = evidenceFlags(analysis.flags).filter((f) => f.kind === 'evidence-out-of-period');
    expect(out.map((f) => f.code)).toEqual(['1.10', '1.11']);
    expect(out.map((f) => f.params.year)).toEqual([2022, 2022]);
    expect(flagMessage(out[1], 'vi')).toBe('Tài liệu kiểm chứng của tiêu chí 1.11 ghi năm 2023, ngoài năm đánh giá 2022.');
  });

  test('no year in the titles and none given: no out-of-period flags, unreadable evidence still noted', () => {
    const analysis = analyseWorkbook(workbook(titledSheet('PL1', 'BẢNG TỰ ĐÁNH GIÁ CHỈ SỐ CCHC')), { profile: null });
    expect(brief(analysis.flags)).toEqual([['evidence-unparsed', 'E9', '1.5']]);
  });

  test('a sheet without a year in its titles takes the year of an earlier sheet', () => {
    const analysis = analyseWorkbook(workbook(titledSheet('PL1', 'PHỤ LỤC 1 NĂM 2023'), titledSheet('PL2', 'PHỤ LỤC 2')), { profile: null });
    const pl2 = analysis.flags.filter((f) => f.sheet === 'PL2' && f.kind === 'evidence-out-of-period');
    expect(pl2.map((f) => f.code)).toEqual(['1.1', '1.3', '1.7']);
  });

  test('the titles are read once, by the analysis: it carries their year and passes it to checkTable, which judges against the year it is given', () => {
    const s = analyseWorkbook(workbook(titledSheet('PL1', 'CHỈ SỐ CCHC NĂM 2023')), { profile: null }).sheets[0];
    expect(s.titleFacts.year).toBe(2023);
    const codes = (flags: Flag[]) => flags.filter((f) => f.kind === 'evidence-out-of-period').map((f) => f.code);
    expect(codes(s.flags)).toEqual(['1.1', '1.3', '1.7']);
    expect(codes(checkTable(s.score, { assessmentYear: s.titleFacts.year }))).toEqual(['1.1', '1.3', '1.7']);
    expect(codes(checkTable(s.score, { assessmentYear: 2022 }))).toEqual(['1.10', '1.11']);
    // No year given: none known to checkTable, so no date is judged out of period.
    expect(codes(checkTable(s.score, { assessmentYear: null }))).toEqual([]);
    expect(codes(checkTable(s.score))).toEqual([]);
  });
});
