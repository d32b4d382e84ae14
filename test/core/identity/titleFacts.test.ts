import { mergeTitleFacts, readTitleFacts } from '../../../src/core/identity/titleFacts';
import { analyseWorkbook } from '../../../src/core/analyse';
import { buildSampleGrid } from '../../../src/core/sample/thanhXa2023';

describe('title facts: who and when a scoring table is about', () => {
  it('reads the sample: xã Thanh Xá, huyện Thanh Hà, 2023', () => {
    const analysis = analyseWorkbook(buildSampleGrid());
    const facts = mergeTitleFacts(analysis.sheets.map((s) => readTitleFacts(s.table.titleLines, s.name)));
    expect(facts).toEqual({ commune: 'xã Thanh Xá', district: 'huyện Thanh Hà', province: null, year: 2023 });
    // Read once by the analysis and carried on it, per table and for the workbook.
    expect(analysis.titleFacts).toEqual(facts);
    for (const s of analysis.sheets) expect(s.titleFacts).toEqual(readTitleFacts(s.table.titleLines, s.name));
  });

  it('a table whose titles say nothing takes nothing from another sheet; the workbook takes each fact from the first table that states it', () => {
    const analysis = analyseWorkbook({
      sheets: [
        { name: 'PL1', rows: [[{ value: 'PHỤ LỤC 1' }], ...table()] },
        { name: 'PL2', rows: [[{ value: 'UBND XÃ HỒNG LẠC' }], [{ value: 'NĂM 2024' }], ...table()] },
      ],
    });
    expect(analysis.sheets.map((s) => s.titleFacts.commune)).toEqual([null, 'xã Hồng Lạc']);
    expect(analysis.titleFacts).toEqual({ commune: 'xã Hồng Lạc', district: null, province: null, year: 2024 });
  });

  it.each([
    [['UBND XÃ HỒNG LẠC', 'BẢNG TỰ CHẤM ĐIỂM NĂM 2024'], 'xã Hồng Lạc', 2024],
    [['ỦY BAN NHÂN DÂN', 'PHƯỜNG TRẦN HƯNG ĐẠO, thành phố Hải Dương'], 'phường Trần Hưng Đạo', null],
    [['UBND THỊ TRẤN THANH HÀ', 'Kết quả chấm điểm năm 2023 của thị trấn Thanh Hà'], 'thị trấn Thanh Hà', 2023],
    [['UBND XÃ NAM HƯNG', 'CHẤM ĐIỂM NĂM 2023 CỦA UBND XÃ NAM HƯNG'], 'xã Nam Hưng', 2023],
    [['UBND XÃ TÂN NAM NĂM 2022'], 'xã Tân Nam', 2022],
    [['UBND PHƯỜNG NAM ĐỒNG'], 'phường Nam Đồng', null],
    // NFD text (decomposed diacritics) as some sheets store it.
    [['UBND XÃ THANH XÁ'.normalize('NFD'), 'NĂM 2023'.normalize('NFD')], 'xã Thanh Xá', 2023],
  ])('%j → %s, %s', (lines, commune, year) => {
    const facts = readTitleFacts(lines as string[]);
    expect(facts.commune === null ? null : facts.commune.normalize('NFC')).toBe(commune);
    expect(facts.year).toBe(year);
  });

  it('knows nothing when the titles state nothing', () => {
    expect(readTitleFacts(['PHỤ LỤC 1', 'BẢNG CHẤM ĐIỂM'])).toEqual({ commune: null, district: null, province: null, year: null });
  });

  it('takes the district and province from a line that names all three', () => {
    const facts = readTitleFacts(['Xã Thanh Xá, huyện Thanh Hà, tỉnh Hải Dương']);
    expect(facts).toMatchObject({ commune: 'xã Thanh Xá', district: 'huyện Thanh Hà', province: 'tỉnh Hải Dương' });
  });
});

/** A minimal scoring table under the title rows. */
function table(): Array<Array<{ value: string | number | null }>> {
  const row = (...cells: Array<string | number | null>) => cells.map((value) => ({ value }));
  return [row('STT', 'Nội dung tiêu chí', 'Điểm tối đa', 'Điểm tự đánh giá', 'Tài liệu kiểm chứng'), row('1', 'Lĩnh vực', 1, null), row('1.1', 'Tiêu chí', 1, 1, 'KH 1')];
}
