import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { HELP_EN, HELP_VI, parseArgs, UsageError } from '../../src/cli/args';

/** `--year`: the assessment year the evidence dates are checked against. */
const root = path.join(__dirname, '..', '..');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cchc-year-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

function cchc(...args: string[]) {
  const r = spawnSync(process.execPath, [path.join(root, 'bin', 'cchc.js'), ...args], { cwd: tmp, encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('parseArgs --year', () => {
  test('takes a four-digit year, as "--year 2022" or "--year=2022"', () => {
    expect(parseArgs(['score', 'a.xlsx', '--year', '2022']).year).toBe(2022);
    expect(parseArgs(['report', 'a.xlsx', '--year=2023']).year).toBe(2023);
    expect(parseArgs(['score', 'a.xlsx']).year).toBeUndefined();
  });

  test.each(['23', '202', '20233', 'năm', '1999', '2101', '2023.5', ''])('refuses %j with a Vietnamese usage error', (value) => {
    let error: unknown;
    try {
      parseArgs(['score', 'a.xlsx', '--year=' + value]);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(UsageError);
    expect((error as UsageError).message).toContain('--year cần năm đánh giá gồm 4 chữ số, từ 2000 đến 2100');
    expect((error as UsageError).messageEn).toContain('--year takes the assessment year as 4 digits');
  });

  test('a missing value is a usage error', () => {
    expect(() => parseArgs(['score', 'a.xlsx', '--year'])).toThrow('Thiếu giá trị cho --year.');
  });

  test('the help names it in both languages', () => {
    expect(HELP_VI).toContain('--year NĂM');
    expect(HELP_EN).toContain('--year YYYY');
  });
});

describe('cchc score --year on the sample workbook (Thanh Xá, "năm 2023" in its titles)', () => {
  const samplePath = path.join(tmp, 'mau.xlsx');
  const outOfPeriod = (json: { flags: Array<{ kind: string; cell: string; code: string; message: string }> }) => json.flags.filter((f) => f.kind === 'evidence-out-of-period');

  beforeAll(() => {
    expect(cchc('sample', samplePath).code).toBe(0);
  });

  test('by default the year comes from the titles: only the report dated 08/01/2024 is outside 2023', () => {
    const r = cchc('score', samplePath, '--json');
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out);
    expect(json.total).toMatchObject({ max: 76, self: 70.13 });
    expect(outOfPeriod(json).map((f) => [f.code, f.cell])).toEqual([['6.2.2', 'F110']]);
    expect(outOfPeriod(json)[0].message).toBe('Tài liệu kiểm chứng của tiêu chí 6.2.2 ghi ngày 08/01/2024, ngoài năm đánh giá 2023.');
  });

  test('--year 2022 judges the same evidence against 2022: the 2023 documents are flagged, the scores do not change', () => {
    const r = cchc('score', samplePath, '--json', '--year', '2022', '--lang', 'en');
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out);
    expect(json.total).toMatchObject({ max: 76, self: 70.13 });
    const flagged = outOfPeriod(json);
    expect(flagged.length).toBeGreaterThan(20);
    expect(flagged.every((f) => / outside the assessment year 2022\./.test(f.message))).toBe(true);
  });

  test('a bad --year exits 2 with one Vietnamese line on stderr', () => {
    const r = cchc('score', samplePath, '--year', '23');
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(r.err).toContain('--year cần năm đánh giá gồm 4 chữ số');
  });
});
