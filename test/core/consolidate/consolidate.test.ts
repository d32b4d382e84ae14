import { analyseWorkbook } from '../../../src/core/analyse';
import { CommuneSource, consolidate, consolidationSheets, FailedSource, summariseSource } from '../../../src/core/consolidate/consolidate';
import { DEFAULT_GROUPS } from '../../../src/core/consolidate/groups';
import { SummaryCell, SummarySheet } from '../../../src/core/plan/types';
import { parseDecimalUnits } from '../../../src/core/number/points';
import { communeGrid, CommuneSpec } from '../../xlsx/fixtures/communes';

function source(spec: CommuneSpec, fileName: string): CommuneSource {
  return { fileName: fileName, analysis: analyseWorkbook(communeGrid(spec), { profile: 'auto' }) };
}

function pts(text: string): number {
  return parseDecimalUnits(text) as number;
}

function cellText(cell: SummaryCell | undefined): string {
  if (!cell) return '';
  return cell.kind === 'number' ? String(cell.value) : cell.text;
}

function rowTexts(sheet: SummarySheet): string[][] {
  return sheet.rows.map((r) => r.map(cellText));
}

/** The row of a commune in the ranking sheet, by header names. */
function rankingLine(sheet: SummarySheet, commune: string): { [header: string]: string } {
  const rows = rowTexts(sheet);
  const headerAt = rows.findIndex((r) => r[0] === 'STT');
  const header = rows[headerAt];
  const line = rows.find((r) => r[1] === commune);
  if (!line) throw new Error('no row for ' + commune);
  const out: { [header: string]: string } = {};
  header.forEach((h, i) => {
    if (h && !(h in out)) out[h] = line[i];
  });
  return out;
}

describe('the commune name', () => {
  test('comes from the title rows ("UBND XÃ AN BÌNH" → "xã An Bình"), else from the file name', () => {
    const c = consolidate([source({ commune: 'An Bình' }, 'a.xlsx'), source({ commune: null }, 'Nop-ve-huyen/xa-khong-ten.xlsx')]);
    expect(c.rows.map((r) => r.commune).sort()).toEqual(['xa-khong-ten', 'xã An Bình']);
    expect(c.failed).toEqual([]);
  });
});

describe('ranking', () => {
  test('by the self-assessed total when some commune has no appraised score; equal totals share a rank (1, 2, 2, 4)', () => {
    const c = consolidate([
      source({ commune: 'Dũng Tiến', self: '60' }, 'd.xlsx'),
      source({ commune: 'Cẩm Chế', self: '66,6' }, 'c.xlsx'),
      source({ commune: 'An Bình', self: '70' }, 'a.xlsx'),
      source({ commune: 'Bạch Đằng', self: '66,6', appraised: '50' }, 'b.xlsx'),
    ]);
    expect(c.rankedBy).toBe('self');
    expect(c.rows.map((r) => [r.commune, r.rank, r.self])).toEqual([
      ['xã An Bình', 1, pts('70')],
      ['xã Bạch Đằng', 2, pts('66.6')],
      ['xã Cẩm Chế', 2, pts('66.6')],
      ['xã Dũng Tiến', 4, pts('60')],
    ]);
    // The appraised score that exists is still reported.
    expect(c.rows[1].appraised).toBe(pts('50'));
    expect(c.rows[2].appraised).toBeNull();
  });

  test('by the appraised total when every commune has one, whatever the self-scores say', () => {
    const c = consolidate([
      source({ commune: 'An Bình', self: '70', appraised: '60' }, 'a.xlsx'),
      source({ commune: 'Bạch Đằng', self: '62', appraised: '65,25' }, 'b.xlsx'),
      source({ commune: 'Cẩm Chế', self: '68', appraised: '60' }, 'c.xlsx'),
    ]);
    expect(c.rankedBy).toBe('appraised');
    expect(c.rows.map((r) => [r.commune, r.rank, r.appraised])).toEqual([
      ['xã Bạch Đằng', 1, pts('65.25')],
      ['xã An Bình', 2, pts('60')],
      ['xã Cẩm Chế', 2, pts('60')],
    ]);
    expect(c.rows[0].appraisedPercentHundredths).toBe(8818); // 65,25/74 = 88,175…% → 88,18%
    expect(c.rows[0].group).toBe('B');
  });

  test('per-field scores follow the rubric columns; totals are the field sums, exactly', () => {
    const c = consolidate([source({ commune: 'An Bình', appraised: '67' }, 'a.xlsx')]);
    expect(c.fieldColumns.map((f) => f.code)).toEqual(['1', '2', '3', '4', '5', '6', '7']);
    expect(c.fieldColumns.map((f) => f.max)).toEqual(['15', '5', '18.5', '6', '11', '7', '11.5'].map(pts));
    const row = c.rows[0];
    expect(row.fields.map((f) => f.self)).toEqual(['14.35', '5', '17.78', '6', '8', '7', '10'].map(pts));
    expect(row.max).toBe(pts('74'));
    expect(row.self).toBe(pts('68.13'));
    expect(row.selfPercentHundredths).toBe(9207);
    expect(row.fields.reduce((s, f) => s + (f.appraised as number), 0)).toBe(pts('67'));
    expect(row.appraised).toBe(pts('67'));
  });
});

describe('groups', () => {
  const batch = (): CommuneSource[] => [
    source({ commune: 'An Lạc', self: '66,6' }, '1.xlsx'), // 90,00%
    source({ commune: 'Bình Minh', self: '66,59' }, '2.xlsx'), // 89,986…% shown 89,99%
    source({ commune: 'Cẩm Vũ', self: '59,2' }, '3.xlsx'), // 80,00%
    source({ commune: 'Đồng Lạc', self: '59,19' }, '4.xlsx'), // 79,99%
    source({ commune: 'Hồng Phong', self: '51,8' }, '5.xlsx'), // 70,00%
    source({ commune: 'Kim Tân', self: '51,79' }, '6.xlsx'), // 69,99%
  ];
  const byName = (rows: ReturnType<typeof consolidate>['rows']) => {
    const out: { [name: string]: string } = {};
    for (const r of rows) out[r.commune.replace(/^xã /, '')] = r.group + ' ' + r.selfPercentHundredths;
    return out;
  };

  test('A ≥ 90%, B 80 to <90%, C 70 to <80%, D below: 90,00% is A and 89,99% is B, on the exact ratio', () => {
    const c = consolidate(batch());
    expect(byName(c.rows)).toEqual({
      'An Lạc': 'A 9000',
      'Bình Minh': 'B 8999',
      'Cẩm Vũ': 'B 8000',
      'Đồng Lạc': 'C 7999',
      'Hồng Phong': 'C 7000',
      'Kim Tân': 'D 6999',
    });
    expect(c.groups).toEqual(DEFAULT_GROUPS);
  });

  test('the thresholds are configurable, and the sheet says which were used', () => {
    const groups = { a: 89.98, b: 75, c: 69.99 };
    const c = consolidate(batch(), { groups });
    expect(byName(c.rows)).toEqual({
      'An Lạc': 'A 9000',
      'Bình Minh': 'A 8999', // 89,986…% ≥ 89,98%
      'Cẩm Vũ': 'B 8000',
      'Đồng Lạc': 'B 7999',
      'Hồng Phong': 'C 7000',
      'Kim Tân': 'D 6999', // 69,986…% < 69,99%, though shown rounded as 69,99%
    });
    const texts = rowTexts(consolidationSheets(c, 'vi')[0]);
    expect(texts.flat()).toContain('Nhóm A: từ 89,98% trở lên; nhóm B: từ 75% đến dưới 89,98%; nhóm C: từ 69,99% đến dưới 75%; dưới 69,99%: không xếp nhóm.');
    expect(rankingLine(consolidationSheets(c, 'vi')[0], 'xã Kim Tân')['Nhóm']).toBe('Dưới 69,99%');
  });
});

describe('what is not consolidated is listed, never merged or dropped', () => {
  test('a second file of the same commune is reported with the first file, and the first is kept as it is', () => {
    const c = consolidate([source({ commune: 'An Bình', self: '70' }, 'an-binh.xlsx'), source({ commune: 'AN BÌNH', self: '50' }, 'an-binh-sua.xlsx'), source({ commune: 'Bạch Đằng' }, 'b.xlsx')]);
    expect(c.rows.map((r) => [r.commune, r.self])).toEqual([
      ['xã An Bình', pts('70')],
      ['xã Bạch Đằng', pts('68.13')],
    ]);
    expect(c.failed).toEqual([{ fileName: 'an-binh-sua.xlsx', failure: 'duplicate-commune', detail: 'an-binh.xlsx' }]);
  });

  test('a workbook with another rubric than most communes is failed with the difference named', () => {
    const c = consolidate([source({ commune: 'Khác', otherRubric: true }, 'khac.xlsx'), source({ commune: 'An Bình' }, 'a.xlsx'), source({ commune: 'Bạch Đằng' }, 'b.xlsx')]);
    expect(c.rows.map((r) => r.commune)).toEqual(['xã An Bình', 'xã Bạch Đằng']);
    expect(c.failed.length).toBe(1);
    expect(c.failed[0].fileName).toBe('khac.xlsx');
    expect(c.failed[0].failure).toBe('other-rubric');
    expect(c.failed[0].detail).toContain('thiếu lĩnh vực 7');
    expect(c.failed[0].detail).toContain('thừa lĩnh vực 8');
    const en = consolidate([source({ commune: 'Khác', otherRubric: true }, 'khac.xlsx'), source({ commune: 'An Bình' }, 'a.xlsx'), source({ commune: 'Bạch Đằng' }, 'b.xlsx')], { lang: 'en' });
    expect(en.failed[0].detail).toContain('no field 7');
  });

  test('the rubric is what most communes share, not what the first file has', () => {
    const c = consolidate([source({ commune: 'An Bình' }, 'a.xlsx'), source({ commune: 'Khác Một', otherRubric: true }, 'k1.xlsx'), source({ commune: 'Khác Hai', otherRubric: true }, 'k2.xlsx')]);
    expect(c.fieldColumns.map((f) => f.code)).toEqual(['1', '2', '3', '4', '5', '6', '8']);
    expect(c.failed.map((f) => [f.fileName, f.failure])).toEqual([['a.xlsx', 'other-rubric']]);
  });

  test('reader failures pass through in order; a workbook without a scoring table is failed', () => {
    const empty: CommuneSource = { fileName: 'trong.xlsx', analysis: analyseWorkbook({ sheets: [{ name: 'Sheet1', rows: [[{ value: 'Ghi chú' }]] }] }) };
    const broken: FailedSource = { fileName: 'hong.xlsx', failure: 'corrupt', detail: 'Tệp "hong.xlsx" bị hỏng' };
    const c = consolidate([broken, source({ commune: 'An Bình' }, 'a.xlsx'), empty]);
    expect(c.rows.length).toBe(1);
    expect(c.failed).toEqual([broken, { fileName: 'trong.xlsx', failure: 'no-scoring-table' }]);
  });

  test('summaries taken early (to free each workbook) give the same consolidation', () => {
    const sources = [source({ commune: 'An Bình', self: '60' }, 'a.xlsx'), source({ commune: 'Bạch Đằng' }, 'b.xlsx')];
    const early = sources.map((s) => summariseSource(s)!);
    expect(consolidate(early)).toEqual(consolidate(sources));
  });
});

describe('flags', () => {
  test('every flag of every commune is listed with its file, and counted per kind', () => {
    const a = source({ commune: 'An Bình' }, 'a.xlsx');
    const b = source({ commune: 'Bạch Đằng', self: '72,5' }, 'b.xlsx');
    const c = consolidate([a, b]);
    const row = c.rows.find((r) => r.fileName === 'a.xlsx')!;
    // The sample's deliberate problems: two missing evidence, an off-tier score, a text number, a wrong hand total;
    // and its evidence notes: a report dated 08/01/2024 (outside 2023), three descriptions citing no document.
    expect(row.flagCounts).toEqual({ 'missing-evidence': 2, 'off-tier': 1, 'text-number': 1, 'hand-total-mismatch': 1, 'evidence-out-of-period': 1, 'evidence-unparsed': 3 });
    expect(c.flags.length).toBe(a.analysis.flags.length + b.analysis.flags.length);
    const missing = c.flags.filter((f) => f.fileName === 'a.xlsx' && f.flag.kind === 'missing-evidence').map((f) => [f.commune, f.flag.sheet, f.flag.cell]);
    expect(missing).toEqual([
      ['xã An Bình', 'Phụ lục 1', 'F80'],
      ['xã An Bình', 'Phụ lục 1', 'F104'],
    ]);
    // Kinds in the catalogue's order (errors first), only those that occur.
    expect(c.flagKinds.slice(0, 2)).toEqual(['missing-evidence', 'off-tier']);
    expect(c.flagKinds).not.toContain('negative');
  });
});

describe('the consolidation sheets', () => {
  const c = consolidate(
    [
      source({ commune: 'An Bình', self: '70', appraised: '66,6' }, 'a.xlsx'),
      source({ commune: 'Bạch Đằng', self: '60', appraised: '51,79' }, 'b.xlsx'),
      source({ commune: 'Bạch Đằng', self: '60' }, 'b-2.xlsx'),
      { fileName: 'mat-khau.xlsx', failure: 'protected', detail: 'Tệp "mat-khau.xlsx" được bảo vệ bằng mật khẩu; hãy mở bằng Excel, bỏ mật khẩu rồi thử lại.' },
    ],
    { lang: 'vi' },
  );

  test('are named validly for Excel, in both languages', () => {
    for (const lang of ['vi', 'en'] as const) {
      const sheets = consolidationSheets(c, lang);
      expect(sheets.length).toBe(2);
      for (const s of sheets) {
        expect(s.name.length).toBeLessThanOrEqual(31);
        expect(s.name).not.toMatch(/[\\/?*[\]:]/);
      }
      expect(sheets[0].name).not.toBe(sheets[1].name);
    }
    expect(consolidationSheets(c, 'vi').map((s) => s.name)).toEqual(['Tổng hợp xếp hạng', 'Danh sách vấn đề']);
  });

  test('the ranking sheet: a row per commune with per-field scores, totals, %, rank, group and flag counts', () => {
    const [ranking] = consolidationSheets(c, 'vi');
    const a = rankingLine(ranking, 'xã An Bình');
    expect(a['STT']).toBe('1');
    expect(a['Tệp']).toBe('a.xlsx');
    expect(a['Điểm tối đa']).toBe('74');
    expect(a['Tỷ lệ thẩm định']).toBe('0.9');
    expect(a['Xếp hạng']).toBe('1');
    expect(a['Nhóm']).toBe('A');
    // The sample's two, and 5.2.1 raised from 0 (no evidence) to reach 70.
    expect(a['Thiếu tài liệu kiểm chứng']).toBe('3');
    const b = rankingLine(ranking, 'xã Bạch Đằng');
    expect(b['Nhóm']).toBe('Dưới 70%');
    expect(b['Tỷ lệ thẩm định']).toBe('0.6999');
    const texts = rowTexts(ranking);
    // Field headers name the field and its maximum; the self and appraised columns sit under each.
    expect(texts.some((r) => r.indexOf('3. Cải cách thủ tục hành chính (tối đa 18,5)') >= 0)).toBe(true);
    expect(texts.flat()).toContain('Xếp hạng theo tổng điểm thẩm định; các xã bằng điểm cùng hạng.');
  });

  test('failed files are listed under the table with their reason in words', () => {
    const texts = rowTexts(consolidationSheets(c, 'vi')[0]);
    const heading = texts.findIndex((r) => r[0] === 'CÁC TỆP KHÔNG TỔNG HỢP ĐƯỢC');
    expect(heading).toBeGreaterThan(0);
    const listed = texts.slice(heading + 2).map((r) => [r[1], r[2]]);
    expect(listed).toEqual([
      ['mat-khau.xlsx', 'Tệp "mat-khau.xlsx" được bảo vệ bằng mật khẩu; hãy mở bằng Excel, bỏ mật khẩu rồi thử lại.'],
      ['b-2.xlsx', 'Trùng xã với tệp "b.xlsx"; không gộp, chỉ tính tệp kia'],
    ]);
  });

  test('the flag sheet lists every flag with commune, file, sheet, cell, code, kind, severity and message', () => {
    const flagsSheet = consolidationSheets(c, 'vi')[1];
    const texts = rowTexts(flagsSheet);
    const header = texts.findIndex((r) => r[0] === 'STT');
    expect(texts[header]).toEqual(['STT', 'Xã, phường, thị trấn', 'Tệp', 'Trang tính', 'Ô', 'Mã tiêu chí', 'Loại', 'Mức độ', 'Nội dung']);
    const lines = texts.slice(header + 1);
    expect(lines.length).toBe(c.flags.length);
    expect(lines).toContainEqual([
      expect.any(String) as unknown as string,
      'xã An Bình',
      'a.xlsx',
      'Phụ lục 1',
      'F80',
      '4.1.2',
      'Thiếu tài liệu kiểm chứng',
      'Lỗi',
      expect.stringContaining('4.1.2') as unknown as string,
    ]);
    const en = rowTexts(consolidationSheets(c, 'en')[1]);
    expect(en.some((r) => r[6] === 'Missing evidence' && r[7] === 'Error')).toBe(true);
  });
});
