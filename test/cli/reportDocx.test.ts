import { spawnSync } from 'child_process';
import * as fs from 'fs';
import JSZip from 'jszip';
import * as os from 'os';
import * as path from 'path';

/** `cchc report FILE.xlsx --docx OUT.docx` as a user runs it: the real binary, a real Word file read back. */
const root = path.join(__dirname, '..', '..');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cchc-docx-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

function cchc(...args: string[]) {
  const r = spawnSync(process.execPath, [path.join(root, 'bin', 'cchc.js'), ...args], { cwd: tmp, encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

async function documentText(file: string): Promise<string> {
  const zip = await JSZip.loadAsync(fs.readFileSync(file));
  const xml = await zip.file('word/document.xml')!.async('string');
  // One line per paragraph, runs joined.
  return (xml.match(/<w:p[ >][\s\S]*?<\/w:p>/g) || [])
    .map((p) => (p.match(/<w:t(?: [^>]*)?>[^<]*<\/w:t>/g) || []).map((t) => t.replace(/<[^>]+>/g, '')).join(''))
    .join('\n')
    .replace(/&amp;/g, '&');
}

const samplePath = path.join(tmp, 'mau.xlsx');
beforeAll(() => {
  expect(cchc('sample', samplePath).code).toBe(0);
});

describe('cchc report --docx', () => {
  test('writes the Word report with the computed figures and leaves the input untouched', async () => {
    const before = fs.readFileSync(samplePath);
    const out = path.join(tmp, 'bao-cao.docx');
    const r = cchc('report', samplePath, '--docx', out);
    expect(r.code).toBe(0);
    expect(r.out).toBe('Đã ghi báo cáo: ' + out + '\n');
    expect(fs.readFileSync(samplePath).equals(before)).toBe(true);
    const text = await documentText(out);
    expect(text).toContain('ỦY BAN NHÂN DÂN\nXÃ THANH XÁ');
    expect(text).toMatch(/I\. TÌNH HÌNH TRIỂN KHAI[\s\S]*II\. KẾT QUẢ THỰC HIỆN[\s\S]*III\. KIẾN NGHỊ, ĐỀ XUẤT/);
    expect(text).toContain('Tổng điểm tự đánh giá: 68,13 điểm/74 điểm, đạt 92,07%.');
    expect(text).toContain('- Công tác chỉ đạo điều hành: 14,35 điểm/15 điểm, đạt 95,67%');
    expect(text).toContain('DANH SÁCH CÁC TIÊU CHÍ CẦN GIẢI TRÌNH');
    expect(text).toMatch(/4\.1\.2[\s\S]*Phụ lục 1, ô F80/);
  });

  test('an existing .docx is replaced only with --force; --sample and --lang en work', async () => {
    const out = path.join(tmp, 'report-en.docx');
    fs.writeFileSync(out, 'old');
    const refused = cchc('report', '--sample', '--docx', out, '--lang', 'en');
    expect(refused.code).toBe(2);
    expect(refused.err).toBe('cchc: "' + out + '" already exists; choose another name, or add --force to replace it.\n');
    expect(fs.readFileSync(out, 'utf8')).toBe('old');
    const r = cchc('report', '--sample', '--docx', out, '--lang', 'en', '--force');
    expect(r.code).toBe(0);
    expect(r.out).toBe('Report written: ' + out + '\n');
    const text = await documentText(out);
    expect(text).toContain('Total self-assessed score: 68.13 points/74 points, 92.07%.');
  });

  const expectOneLine = (r: { code: number | null; err: string; out: string }, pattern: RegExp) => {
    expect(r.code).toBe(2);
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(r.err).toMatch(pattern);
    expect(r.err).not.toMatch(/\bat .+:\d+:\d+/);
  };

  test('a name that is not .docx: exit 2, one line, nothing written', () => {
    const r = cchc('report', samplePath, '--docx', path.join(tmp, 'bao-cao.pdf'));
    expectOneLine(r, /^cchc: Tệp báo cáo phải có đuôi \.docx/);
    expect(fs.existsSync(path.join(tmp, 'bao-cao.pdf'))).toBe(false);
  });

  test('a folder that does not exist, a folder as the name, a missing value, or --docx with score: exit 2, one line', () => {
    expectOneLine(cchc('report', samplePath, '--docx', path.join(tmp, 'khong-co', 'bao-cao.docx')), /Không có thư mục/);
    fs.mkdirSync(path.join(tmp, 'thu-muc.docx'));
    expectOneLine(cchc('report', samplePath, '--docx', path.join(tmp, 'thu-muc.docx')), /là một thư mục/);
    expectOneLine(cchc('report', samplePath, '--docx'), /Thiếu giá trị cho --docx/);
    expectOneLine(cchc('score', samplePath, '--docx', 'x.docx'), /--docx chỉ dùng với lệnh report/);
    expectOneLine(cchc('report', samplePath, '--docx', 'x.txt', '--lang', 'en'), /^cchc: The report file must end in \.docx/);
  });

  test('the help names --docx', () => {
    expect(cchc('--help').out).toContain('--docx');
  });
});
