import { spawnSync } from 'child_process';
import ExcelJS from 'exceljs';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { communeWorkbookBytes, corruptWorkbookBytes, protectedWorkbookBytes } from '../xlsx/fixtures/communes';

/** `cchc consolidate` as a district official runs it on a folder of communes' workbooks. */
const root = path.join(__dirname, '..', '..');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cchc-consolidate-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

function cchc(...args: string[]) {
  const r = spawnSync(process.execPath, [path.join(root, 'bin', 'cchc.js'), ...args], { cwd: tmp, encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

const dir = path.join(tmp, 'nop-ve-huyen');
const inputs: { [name: string]: Buffer } = {};

beforeAll(async () => {
  fs.mkdirSync(dir);
  inputs['an-binh.xlsx'] = await communeWorkbookBytes({ commune: 'An Bình', self: '70', appraised: '66,6' });
  inputs['bach-dang.xlsx'] = await communeWorkbookBytes({ commune: 'Bạch Đằng', self: '68', appraised: '66,59' });
  inputs['cam-che.xlsx'] = await communeWorkbookBytes({ commune: 'Cẩm Chế', self: '67', appraised: '66,59' });
  inputs['dong-lac.xlsx'] = await communeWorkbookBytes({ commune: 'Đồng Lạc', self: '60', appraised: '51,79' });
  inputs['hong.xlsx'] = await corruptWorkbookBytes();
  inputs['mat-khau.xlsx'] = protectedWorkbookBytes();
  inputs['bo-khac.xlsx'] = await communeWorkbookBytes({ commune: 'Hồng Phong', appraised: '60', otherRubric: true });
  for (const name of Object.keys(inputs)) fs.writeFileSync(path.join(dir, name), inputs[name]);
  // Excel's lock file and a non-workbook are not inputs.
  fs.writeFileSync(path.join(dir, '~$an-binh.xlsx'), 'lock');
  fs.writeFileSync(path.join(dir, 'ghi-chu.txt'), 'ghi chú');
}, 60000);

function unchanged(): void {
  for (const name of Object.keys(inputs)) expect(fs.readFileSync(path.join(dir, name)).equals(inputs[name])).toBe(true);
}

describe('cchc consolidate FOLDER', () => {
  test('prints the ranking and the failed files, writes TONG-HOP.xlsx, exits 0, leaves the inputs untouched', async () => {
    const out = path.join(dir, 'TONG-HOP.xlsx');
    const r = cchc('consolidate', dir, '--out', out);
    expect(r.code).toBe(0);
    expect(r.err).toContain('Đã đọc 7/7 tệp');
    expect(r.out).toContain('Xếp hạng theo tổng điểm thẩm định');
    expect(r.out).toMatch(/1\s+xã An Bình\s+70\s+94,59%\s+66,6\s+90%\s+A/);
    expect(r.out).toMatch(/2\s+xã Bạch Đằng\s+68\s+91,89%\s+66,59\s+89,99%\s+B/);
    expect(r.out).toMatch(/2\s+xã Cẩm Chế\s+67\s+90,54%\s+66,59\s+89,99%\s+B/);
    expect(r.out).toMatch(/4\s+xã Đồng Lạc\s+60\s+81,08%\s+51,79\s+69,99%\s+Dưới 70%/);
    expect(r.out).toMatch(/hong\.xlsx: .*bị hỏng/);
    expect(r.out).toMatch(/mat-khau\.xlsx: .*mật khẩu/);
    expect(r.out).toMatch(/bo-khac\.xlsx: Khác bộ tiêu chí .*thiếu lĩnh vực 7/);
    expect(r.out).toContain('Đã ghi bảng tổng hợp: ' + out + ' (4 xã, 3 tệp lỗi)');
    unchanged();

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(out);
    const ws = workbook.getWorksheet('Tổng hợp xếp hạng')!;
    const byCommune: { [name: string]: ExcelJS.Row } = {};
    ws.eachRow((row) => {
      if (typeof row.getCell(2).value === 'string') byCommune[row.getCell(2).value as string] = row;
    });
    expect(Object.keys(byCommune)).toEqual(expect.arrayContaining(['xã An Bình', 'xã Bạch Đằng', 'xã Cẩm Chế', 'xã Đồng Lạc', 'mat-khau.xlsx']));
    expect(workbook.getWorksheet('Danh sách vấn đề')!.rowCount).toBeGreaterThan(10);

    // A second run writes over its own earlier output, which is not taken for a commune's file.
    const again = cchc('consolidate', dir, '--out', out);
    expect(again.code).toBe(0);
    expect(again.err).toContain('Đã đọc 7/7 tệp');
  });

  test('--json gives the consolidation with points and percentages as JSON numbers', () => {
    const r = cchc('consolidate', dir, '--json', '--groups', '89.98,80,60');
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out);
    expect(json.rankedBy).toBe('appraised');
    expect(json.groups).toEqual({ a: 89.98, b: 80, c: 60 });
    expect(json.rows.map((x: { rank: number; commune: string; appraised: number; appraisedPercent: number; group: string }) => [x.rank, x.commune, x.appraised, x.appraisedPercent, x.group])).toEqual([
      [1, 'xã An Bình', 66.6, 90, 'A'],
      [2, 'xã Bạch Đằng', 66.59, 89.99, 'A'],
      [2, 'xã Cẩm Chế', 66.59, 89.99, 'A'],
      [4, 'xã Đồng Lạc', 51.79, 69.99, 'C'],
    ]);
    expect(json.rows[0].fields[0]).toEqual({ code: '1', name: 'Công tác chỉ đạo điều hành', max: 15, self: 14.35, appraised: expect.any(Number) });
    expect(json.failed.map((f: { fileName: string; failure: string }) => [f.fileName, f.failure])).toEqual([
      ['hong.xlsx', 'corrupt'],
      ['mat-khau.xlsx', 'protected'],
      ['bo-khac.xlsx', 'other-rubric'],
    ]);
    expect(json.flags.length).toBeGreaterThan(0);
    expect(Object.keys(json.flags[0])).toEqual(['commune', 'fileName', 'kind', 'severity', 'sheet', 'cell', 'code', 'message']);
  });

  test('named files, a duplicate commune reported not merged, English', () => {
    const copy = path.join(tmp, 'an-binh-ban-sao.xlsx');
    fs.writeFileSync(copy, inputs['an-binh.xlsx']);
    const r = cchc('consolidate', path.join(dir, 'an-binh.xlsx'), copy, path.join(dir, 'dong-lac.xlsx'), '--lang', 'en');
    expect(r.code).toBe(0);
    expect(r.err).toContain('Read 3/3 files');
    expect(r.out).toContain('Ranked by the appraised total');
    expect(r.out).toContain('an-binh-ban-sao.xlsx: Same commune as "an-binh.xlsx"; not merged');
    expect(r.out).toMatch(/1\s+xã An Bình/);
    expect(r.out).toMatch(/2\s+xã Đồng Lạc/);
  });
});

describe('cchc consolidate refuses clearly (exit 2, one line)', () => {
  test('no file named, a folder without workbooks, a path that does not exist', () => {
    const none = cchc('consolidate');
    expect(none.code).toBe(2);
    expect(none.err.trim().split('\n')).toEqual(['cchc: Hãy chỉ ra các tệp .xlsx hoặc thư mục cần tổng hợp, ví dụ: cchc consolidate thu-muc/ --out TONG-HOP.xlsx']);
    const empty = path.join(tmp, 'trong');
    fs.mkdirSync(empty);
    const r = cchc('consolidate', empty);
    expect(r.code).toBe(2);
    expect(r.err).toBe('cchc: Không tìm thấy tệp .xlsx nào trong ' + empty + '.\n');
    const missing = cchc('consolidate', path.join(tmp, 'khong-co'), '--lang', 'en');
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('not found');
  });

  test('every file failed', () => {
    const r = cchc('consolidate', path.join(dir, 'hong.xlsx'), path.join(dir, 'mat-khau.xlsx'), '--out', path.join(tmp, 'x.xlsx'));
    expect(r.code).toBe(2);
    expect(r.out).toContain('hong.xlsx');
    expect(r.err).toContain('cchc: Không tổng hợp được tệp nào (2 tệp đều lỗi).');
    expect(fs.existsSync(path.join(tmp, 'x.xlsx'))).toBe(false);
  });

  test('never writes over an input or another file, and --out must be .xlsx; bad --groups', () => {
    const input = path.join(dir, 'an-binh.xlsx');
    // A commune's workbook in the folder is an input: refused, even with --force.
    const r = cchc('consolidate', dir, '--out', input);
    expect(r.code).toBe(2);
    expect(r.err).toContain('Không ghi đè tệp đầu vào');
    expect(cchc('consolidate', dir, '--out', input, '--force').code).toBe(2);
    // Another existing file that is not a consolidation: refused without --force.
    const other = path.join(tmp, 'khac.xlsx');
    fs.writeFileSync(other, inputs['an-binh.xlsx']);
    const existing = cchc('consolidate', dir, '--out', other);
    expect(existing.code).toBe(2);
    expect(existing.err).toContain('không phải bảng tổng hợp');
    expect(existing.err).toContain('--force');
    const named = cchc('consolidate', input, path.join(dir, 'dong-lac.xlsx'), '--out', path.join(dir, 'dong-lac.xlsx'));
    expect(named.code).toBe(2);
    expect(named.err).toContain('Không ghi đè tệp đầu vào');
    const csv = cchc('consolidate', dir, '--out', path.join(tmp, 'tong-hop.csv'));
    expect(csv.code).toBe(2);
    expect(csv.err).toContain('.xlsx');
    const groups = cchc('consolidate', dir, '--groups', '70,80,90');
    expect(groups.code).toBe(2);
    expect(groups.err).toContain('--groups');
    unchanged();
  });
});
