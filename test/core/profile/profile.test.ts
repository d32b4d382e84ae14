import * as fs from 'fs';
import * as path from 'path';
import { analyseWorkbook } from '../../../src/core/analyse';
import { BUILTIN_PROFILES, findBuiltinProfile, validateProfile } from '../../../src/core/profile/profile';
import { flagMessage } from '../../../src/core/messages/catalogue';
import { unitsToNumber } from '../../../src/core/number/points';
import { HEADER, sheet, workbook } from '../../helpers/gridBuilder';

const FIELDS: Array<[string, string, number]> = [
  ['1', 'Công tác chỉ đạo điều hành', 15],
  ['2', 'Cải cách thể chế', 5],
  ['3', 'Cải cách thủ tục hành chính', 18.5],
  ['4', 'Cải cách tổ chức bộ máy chính quyền địa phương', 6],
  ['5', 'Cải cách chế độ công vụ', 11],
  ['6', 'Cải cách tài chính công', 7],
  ['7', 'Xây dựng và phát triển chính quyền điện tử, chính quyền số', 11.5],
];

/** A Phụ lục 1 with one leaf per field; `maxOf` lets a test change a field's maximum. */
function phuLuc1(maxOf: (code: string, max: number) => number = (_c, m) => m, tiers312?: Array<[string, number]>) {
  const rows: unknown[][] = [['PHỤ LỤC 1'], HEADER];
  for (const [code, name, max] of FIELDS) {
    const m = maxOf(code, max);
    rows.push([code, name, m, null]);
    if (code === '3') {
      rows.push(['3.1', 'Tiêu chí (minh họa)', m, null]);
      rows.push(['3.1.1', 'Tiêu chí thành phần (minh họa)', m - 1, m - 1, 'KH 1']);
      rows.push(['3.1.2', 'Mức độ hoàn thành kế hoạch rà soát, đánh giá thủ tục hành chính', 1, 0.5, 'KH 2']);
      for (const [label, points] of tiers312 || []) rows.push(['-', label, points, null]);
    } else {
      rows.push([code + '.1', 'Tiêu chí (minh họa)', m, m, 'KH 1']);
    }
  }
  rows.push(['Tổng cộng', null, 74, null]);
  return sheet('Bảng 1', rows as never);
}

describe('the built-in profile hai-duong-3395-xa', () => {
  test('is valid, and the JSON schema and the validator agree on its shape', () => {
    const profile = findBuiltinProfile('hai-duong-3395-xa')!;
    expect(validateProfile(profile)).toEqual([]);
    const schema = JSON.parse(fs.readFileSync(path.join(__dirname, '../../../src/core/profile/profile.schema.json'), 'utf8'));
    expect(schema.required).toEqual(['id', 'title', 'appendices']);
    const fields = profile.appendices[0].fields!;
    expect(fields.reduce((a, f) => a + f.max * 10, 0) / 10).toBe(74);
    expect(BUILTIN_PROFILES).toHaveLength(1);
  });

  test('rejects malformed profiles with readable reasons', () => {
    expect(validateProfile({ id: 'X Y', title: '', appendices: [] })).toEqual(['id: lower-case letters, digits and "-" only', 'title: required text', 'appendices: at least one']);
    expect(validateProfile({ id: 'a', title: 't', appendices: [{ id: 'p', label: 'P', fields: [{ code: '1', name: 'n', max: -1 }] }] })).toEqual(['appendices[0].fields[0].max: a number ≥ 0']);
  });

  test('identifies Phụ lục 1 by its field names and finds nothing to report on a matching sheet', () => {
    const a = analyseWorkbook(workbook(phuLuc1()));
    expect(a.profile!.id).toBe('hai-duong-3395-xa');
    expect(a.sheets[0].appendix!.id).toBe('phu-luc-1');
    expect(a.flags.filter((f) => f.kind === 'max-mismatch' || f.kind === 'profile-mismatch')).toEqual([]);
  });

  test('applies the 3.1.2 tiers (1 and 0) when the sheet states none: 0,5 is off-tier', () => {
    const a = analyseWorkbook(workbook(phuLuc1()));
    const off = a.flags.filter((f) => f.kind === 'off-tier');
    expect(off.map((f) => f.code)).toEqual(['3.1.2']);
    expect(flagMessage(off[0], 'vi')).toContain('(1; 0)');
    // Without a profile nothing says which levels 3.1.2 has.
    expect(analyseWorkbook(workbook(phuLuc1()), { profile: null }).flags.filter((f) => f.kind === 'off-tier')).toEqual([]);
  });

  test('a field maximum that differs from the decision is flagged at its cell', () => {
    const a = analyseWorkbook(workbook(phuLuc1((code, max) => (code === '5' ? 12 : max))));
    const mm = a.flags.filter((f) => f.kind === 'max-mismatch' && f.code === '5');
    expect(mm).toHaveLength(1);
    expect(flagMessage(mm[0], 'vi')).toBe('Điểm tối đa của 5 ghi 12 nhưng theo Quyết định 3395/QĐ-UBND ngày 15/12/2022 của UBND tỉnh Hải Dương (cấp xã) là 11.');
    expect(unitsToNumber(a.sheets[0].score.selfAssessableMax)).toBe(75);
  });

  test('a sheet whose 3.1.2 adds a 0,5 tier (what the commune asked for) is reported as differing', () => {
    const a = analyseWorkbook(
      workbook(
        phuLuc1(undefined, [
          ['Hoàn thành 100% kế hoạch', 1],
          ['Hoàn thành từ 70% đến dưới 100%', 0.5],
          ['Dưới 70%', 0],
        ]),
      ),
    );
    const pm = a.flags.filter((f) => f.kind === 'profile-mismatch');
    expect(pm.map((f) => f.code)).toEqual(['3.1.2']);
    expect(flagMessage(pm[0], 'vi')).toContain('(1; 0,5; 0)');
    // The sheet's own tiers rule the scoring: 0,5 is allowed there.
    expect(a.flags.filter((f) => f.kind === 'off-tier')).toEqual([]);
  });
});
