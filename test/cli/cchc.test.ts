import { spawnSync } from 'child_process';
import ExcelJS from 'exceljs';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import JSZip from 'jszip';

/** The command line as a user runs it: `npx cchc …` in the project, output and exit codes. */
const root = path.join(__dirname, '..', '..');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cchc-cli-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

function cchc(...args: string[]) {
  const r = spawnSync(process.execPath, [path.join(root, 'bin', 'cchc.js'), ...args], { cwd: tmp, encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

const samplePath = path.join(tmp, 'mau.xlsx');
beforeAll(() => {
  const r = cchc('sample', samplePath);
  expect(r.code).toBe(0);
});

describe('cchc score on the sample', () => {
  test('prints the seed figures in Vietnamese', () => {
    const r = cchc('score', samplePath);
    expect(r.code).toBe(0);
    expect(r.err).toBe('');
    expect(r.out).toMatch(/Công tác chỉ đạo điều hành\s+15\s+14,35\s+95,67%/);
    expect(r.out).toMatch(/Cải cách thủ tục hành chính\s+18,5\s+17,78\s+96,11%/);
    expect(r.out).toMatch(/Cộng\s+74\s+68,13\s+92,07%/);
    expect(r.out).toContain('[Lỗi]');
  });

  test('--json gives the machine-readable result', () => {
    const r = cchc('score', samplePath, '--json');
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out);
    const pl1 = json.sheets.find((s: { name: string }) => s.name === 'Phụ lục 1');
    expect(pl1.fields.map((f: { self: number }) => f.self)).toEqual([14.35, 5, 17.78, 6, 8, 7, 10]);
    expect(pl1.total).toMatchObject({ max: 74, self: 68.13, selfPercent: 92.07 });
    const pl2 = json.sheets.find((s: { name: string }) => s.name === 'Phụ lục 2');
    expect(pl2.total).toMatchObject({ max: 2, self: 2, selfPercent: 100 });
    expect(json.total).toMatchObject({ max: 76, self: 70.13 });
    const kinds = json.flags.map((f: { kind: string }) => f.kind);
    expect(kinds).toEqual(expect.arrayContaining(['missing-evidence', 'off-tier', 'text-number', 'hand-total-mismatch']));
    for (const f of json.flags) expect(Object.keys(f)).toEqual(expect.arrayContaining(['kind', 'severity', 'sheet', 'cell', 'code', 'message']));
  });

  test('--strict exits 1 because the sample has errors; --lang en speaks English', () => {
    expect(cchc('score', samplePath, '--strict').code).toBe(1);
    const en = cchc('score', samplePath, '--lang', 'en');
    expect(en.out).toMatch(/Subtotal\s+74\s+68\.13\s+92\.07%/);
    expect(en.out).toContain('has no evidence document');
  });

  test('--out writes an annotated copy and leaves the input untouched', async () => {
    const before = fs.readFileSync(samplePath);
    const out = path.join(tmp, 'da-cham.xlsx');
    const r = cchc('score', samplePath, '--out', out);
    expect(r.code).toBe(0);
    expect(fs.readFileSync(samplePath).equals(before)).toBe(true);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(wb.getWorksheet('Tổng hợp điểm')).toBeDefined();
    // Scoring the annotated copy again plans no writes: running twice changes nothing.
    const again = JSON.parse(cchc('score', out, '--json').out);
    expect(again.writes).toBe(0);
    expect(again.total.self).toBe(70.13);
    expect(cchc('score', samplePath, '--out', samplePath).code).toBe(2);
  });

  test('report prints section II with consistent Vietnamese numbers', () => {
    const r = cchc('report', samplePath);
    expect(r.code).toBe(0);
    expect(r.out).toContain('Tổng điểm tự đánh giá: 68,13 điểm/74 điểm, đạt 92,07%.');
    expect(r.out).toContain('- Công tác chỉ đạo điều hành: 14,35 điểm/15 điểm, đạt 95,67%;');
    expect(r.out).toContain('- Xây dựng và phát triển chính quyền điện tử, chính quyền số: 10 điểm/11,5 điểm, đạt 86,96%.');
    expect(r.out).toMatch(/Mức độ thực hiện các chỉ tiêu phát triển kinh tế - xã hội do HĐND cấp xã giao: 2 điểm\/2 điểm/);
    expect(r.out).toContain('Các tiêu chí cần giải trình');
    expect(r.out).not.toMatch(/\d\.\d+ điểm/); // no dot decimals in Vietnamese text
  });
});

describe('bad input: one clear line, exit 2, no stack trace', () => {
  const expectOneLine = (r: { code: number | null; err: string }, pattern: RegExp) => {
    expect(r.code).toBe(2);
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(r.err).toMatch(pattern);
    expect(r.err).not.toMatch(/\bat .+:\d+:\d+/);
  };

  test('missing file', () => expectOneLine(cchc('score', 'khong-co.xlsx'), /Không tìm thấy/));
  test('not an xlsx', () => {
    const f = path.join(tmp, 'ghi-chu.xlsx');
    fs.writeFileSync(f, 'chỉ là văn bản');
    expectOneLine(cchc('score', f), /xlsx/);
  });
  test('corrupt zip', () => {
    const f = path.join(tmp, 'hong.xlsx');
    fs.writeFileSync(f, fs.readFileSync(samplePath).subarray(0, 3000));
    expectOneLine(cchc('score', f), /hỏng|không đọc được|không hợp lệ/i);
  });
  test('password-protected (an OLE container with EncryptionInfo)', () => {
    const f = path.join(tmp, 'mat-khau.xlsx');
    const header = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    fs.writeFileSync(f, Buffer.concat([header, Buffer.alloc(504), Buffer.from('EncryptionInfo', 'utf16le'), Buffer.alloc(1024)]));
    expectOneLine(cchc('score', f), /mật khẩu/);
  });
  test('a workbook that would unpack to an absurd size', async () => {
    const zip = new JSZip();
    zip.file('[Content_Types].xml', '<Types/>');
    zip.file('xl/worksheets/sheet1.xml', '0'.repeat(300 * 1024 * 1024));
    const f = path.join(tmp, 'bom.xlsx');
    fs.writeFileSync(f, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 9 } }));
    expectOneLine(cchc('score', f), /quá lớn|quá nhiều/);
  }, 120000);
  test('no scoring table', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Danh sách').addRow(['Họ tên', 'Chức vụ']);
    const f = path.join(tmp, 'khong-bang.xlsx');
    await wb.xlsx.writeFile(f);
    expectOneLine(cchc('score', f), /Không tìm thấy bảng chấm điểm/);
  });
  test('unknown option and missing file argument', () => {
    expectOneLine(cchc('score', '--bogus'), /Tùy chọn không hợp lệ/);
    expectOneLine(cchc('score'), /Hãy chỉ ra tệp/);
  });
});

describe('npx cchc', () => {
  const version = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')).version;

  // The package links itself as a dev dependency ("cchc": "file:."), so npm ci puts cchc in node_modules/.bin
  // and npx finds it there; an empty npm cache proves npx neither downloads nor uses a stale copy.
  test("runs the project's own command line after npm ci, with an empty npm cache", () => {
    const cache = fs.mkdtempSync(path.join(os.tmpdir(), 'cchc-npx-cache-'));
    const r = spawnSync('npx', ['--no-install', 'cchc', '--version'], {
      cwd: root,
      encoding: 'utf8',
      env: Object.assign({}, process.env, { npm_config_cache: cache, npm_config_offline: 'true' }),
    });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout.trim()).toBe(version);
  });

  test('npm ci links cchc into node_modules/.bin, where npx looks before its own cache', () => {
    const linked = path.join(root, 'node_modules', '.bin', 'cchc');
    expect(fs.realpathSync(linked)).toBe(fs.realpathSync(path.join(root, 'bin', 'cchc.js')));
  });

  test('npm run cchc works too', () => {
    const r = spawnSync('npm', ['run', '--silent', 'cchc', '--', '--version'], { cwd: root, encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(r.stdout.trim()).toBe(version);
  });
});
