import { spawnSync } from 'child_process';
import ExcelJS from 'exceljs';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

/**
 * `cchc score --column/--columns/--explain/--profile` as a user runs them: the real binary on
 * workbooks made here. Marked [core] below: assertions that hold once the core's column inference
 * (src/core/recognise, analyse.ts) honours options.columns and fills the reading's reasons.
 */
const root = path.join(__dirname, '..', '..');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cchc-columns-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

function cchc(...args: string[]) {
  const r = spawnSync(process.execPath, [path.join(root, 'bin', 'cchc.js'), ...args], { cwd: tmp, encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

function json(...args: string[]) {
  const r = cchc(...args, '--json');
  expect(r.err).toBe('');
  expect(r.code).toBe(0);
  return JSON.parse(r.out);
}

const expectOneLine = (r: { code: number | null; err: string }, pattern: RegExp | string) => {
  expect(r.code).toBe(2);
  expect(r.err.trim().split('\n')).toHaveLength(1);
  if (typeof pattern === 'string') expect(r.err).toContain(pattern);
  else expect(r.err).toMatch(pattern);
  expect(r.err).not.toMatch(/\bat .+:\d+:\d+/);
};

const SHEET = 'Bảng điểm';
const twoColumns = path.join(tmp, 'hai-cot.xlsx');
const manyRows = path.join(tmp, 'nhieu-dong.xlsx');
const withNotes = path.join(tmp, 'co-ghi-chu.xlsx');
const hiddenYear = path.join(tmp, 'cot-an.xlsx');
const samplePath = path.join(tmp, 'mau.xlsx');

/**
 * Two self-score columns with the same header: D gives 1 + 1 + 0,5 = 2,5 of 3, E gives 0,5 + 0 + 0 = 0,5.
 * Nothing tells them apart, so the reading is uncertain whichever it takes.
 */
async function writeTwoColumns(file: string, commune: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(SHEET);
  ws.addRow(['UBND XÃ ' + commune.toUpperCase()]);
  ws.addRow(['BẢNG TỰ ĐÁNH GIÁ CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2023']);
  ws.addRow(['Mã', 'Nội dung', 'Điểm tối đa', 'Điểm tự đánh giá', 'Điểm tự đánh giá']);
  ws.addRow(['1', 'Công tác chỉ đạo điều hành', 3, null, null]);
  ws.addRow(['1.1', 'Ban hành kế hoạch CCHC', 1, 1, 0.5]);
  ws.addRow(['1.2', 'Báo cáo CCHC', 1, 1, 0]);
  ws.addRow(['1.3', 'Kiểm tra CCHC', 1, 0.5, 0]);
  await wb.xlsx.writeFile(file);
}

beforeAll(async () => {
  expect(cchc('sample', samplePath).code).toBe(0);
  await writeTwoColumns(twoColumns, 'An Bình');

  // One field and 250 criteria: the text lists the first 200 rows.
  let wb = new ExcelJS.Workbook();
  let ws = wb.addWorksheet('Phụ lục 1');
  ws.addRow(['Mã', 'Nội dung', 'Điểm tối đa', 'Điểm tự đánh giá']);
  ws.addRow(['1', 'Lĩnh vực', 250, null]);
  for (let i = 1; i <= 250; i++) ws.addRow(['1.' + i, 'Tiêu chí ' + i, 1, 1]);
  await wb.xlsx.writeFile(manyRows);

  // A scoring table and a sheet of notes.
  wb = new ExcelJS.Workbook();
  ws = wb.addWorksheet('Phụ lục 1');
  ws.addRow(['Mã', 'Nội dung', 'Điểm tối đa', 'Điểm tự đánh giá']);
  ws.addRow(['1', 'Lĩnh vực', 1, null]);
  ws.addRow(['1.1', 'Tiêu chí', 1, 1]);
  wb.addWorksheet('Ghi chú').addRow(['Người lập biểu', 'Nguyễn Văn A']);
  await wb.xlsx.writeFile(withNotes);

  // Last year's score column, hidden, before this year's.
  wb = new ExcelJS.Workbook();
  ws = wb.addWorksheet('Phụ lục 1');
  ws.addRow(['BẢNG TỰ ĐÁNH GIÁ CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2023']);
  ws.addRow(['Mã', 'Nội dung', 'Điểm tối đa', 'Điểm tự đánh giá năm 2022', 'Điểm tự đánh giá năm 2023']);
  ws.addRow(['1', 'Lĩnh vực', 2, null, null]);
  ws.addRow(['1.1', 'Tiêu chí a', 1, 0, 1]);
  ws.addRow(['1.2', 'Tiêu chí b', 1, 0, 1]);
  ws.getColumn(4).hidden = true;
  await wb.xlsx.writeFile(hiddenYear);
});

describe('--column on a sheet with two self-score columns', () => {
  test('[core] self=D and self=E give different totals; a letter, a 1-based number and a Vietnamese role agree', () => {
    expect(json('score', twoColumns, '--column', 'self=D').total.self).toBe(2.5);
    expect(json('score', twoColumns, '--column', 'self=E').total.self).toBe(0.5);
    expect(json('score', twoColumns, '--column', 'tu-danh-gia=5').total.self).toBe(0.5);
    expect(json('score', twoColumns, '--column', 'self=4').total.self).toBe(2.5);
  });

  test('[core] a sheet-scoped choice applies to that sheet', () => {
    expect(json('score', twoColumns, '--column', SHEET + '!self=E').total.self).toBe(0.5);
    // Typed without diacritics, the name still finds the sheet.
    expect(json('score', twoColumns, '--column', 'Bang diem!self=E').total.self).toBe(0.5);
  });

  test('[core] left to itself the tool says it is unsure, naming both columns and the option', () => {
    const result = json('score', twoColumns);
    const ambiguous = result.flags.filter((f: { kind: string }) => f.kind === 'ambiguous-column');
    expect(ambiguous).toHaveLength(1);
    expect(ambiguous[0].message).toMatch(/cột [DE]/);
    expect(ambiguous[0].message).toMatch(/--column self=[DE]/);
    // Once the user has chosen, no doubt is left.
    expect(json('score', twoColumns, '--column', 'self=D').flags.map((f: { kind: string }) => f.kind)).not.toContain('ambiguous-column');
  });

  test('[core] report and consolidate take the choice too', () => {
    expect(cchc('report', twoColumns, '--column', 'self=E').out).toContain('Tổng điểm tự đánh giá: 0,5 điểm/3 điểm');
    expect(cchc('report', twoColumns, '--column', 'self=D').out).toContain('Tổng điểm tự đánh giá: 2,5 điểm/3 điểm');
    const dir = path.join(tmp, 'huyen');
    fs.mkdirSync(dir);
    fs.copyFileSync(twoColumns, path.join(dir, 'an-binh.xlsx'));
    const ranked = JSON.parse(cchc('consolidate', dir, '--json', '--column', 'self=E').out);
    expect(ranked.rows[0].self).toBe(0.5);
    const file = path.join(tmp, 'cot-d.json');
    fs.writeFileSync(file, JSON.stringify({ '*': { self: 'D' } }));
    expect(JSON.parse(cchc('consolidate', dir, '--json', '--columns', file).out).rows[0].self).toBe(2.5);
  });

  test('a sheet the workbook lacks, or a bad role, stops with one line and exit 2', () => {
    expectOneLine(cchc('score', twoColumns, '--column', 'Phụ lục 9!self=E'), 'Không có trang tính "Phụ lục 9" trong "hai-cot.xlsx" (chọn cột bằng --column); các trang tính: "Bảng điểm".');
    expectOneLine(cchc('score', twoColumns, '--column', 'Phụ lục 9!self=E', '--lang', 'en'), 'No sheet "Phụ lục 9" in "hai-cot.xlsx"');
    expectOneLine(cchc('score', twoColumns, '--column', 'stt=A'), 'không có vai trò cột "stt"');
    expectOneLine(cchc('score', twoColumns, '--column', 'self=E9'), '"E9" không phải cột cho self');
    expectOneLine(cchc('consolidate', tmp, '--column', 'diem=E'), 'không có vai trò cột "diem"');
  });
});

describe('--columns FILE.json', () => {
  test('[core] the mapping from a file, by sheet or for every sheet; --column wins over it', () => {
    const bySheet = path.join(tmp, 'cot-theo-trang.json');
    fs.writeFileSync(bySheet, JSON.stringify({ [SHEET]: { 'tu-danh-gia': 'E' } }));
    expect(json('score', twoColumns, '--columns', bySheet).total.self).toBe(0.5);
    const every = path.join(tmp, 'cot-moi-trang.json');
    fs.writeFileSync(every, JSON.stringify({ '*': { self: 5, max: 'C' } }));
    expect(json('score', twoColumns, '--columns', every).total.self).toBe(0.5);
    expect(json('score', twoColumns, '--columns', every, '--column', 'self=D').total.self).toBe(2.5);
  });

  test('an unreadable file, invalid JSON, an unknown role, a bad letter, an unknown sheet: one line, exit 2', () => {
    expectOneLine(cchc('score', twoColumns, '--columns', 'khong-co.json'), 'Không đọc được tệp cột "khong-co.json": không có tệp này');
    expectOneLine(cchc('score', twoColumns, '--columns', 'khong-co.json', '--lang', 'en'), 'Cannot read the columns file "khong-co.json": no such file');
    const broken = path.join(tmp, 'hong.json');
    fs.writeFileSync(broken, '{ "*": { "self": "E", } }');
    expectOneLine(cchc('score', twoColumns, '--columns', broken), /Tệp cột ".*hong\.json" không phải JSON hợp lệ: .*\(dòng 1, cột 23\)/);
    const role = path.join(tmp, 'vai-tro.json');
    fs.writeFileSync(role, JSON.stringify({ '*': { stt: 'A' } }));
    expectOneLine(cchc('score', twoColumns, '--columns', role), 'không có vai trò cột "stt"');
    const letter = path.join(tmp, 'chu-cot.json');
    fs.writeFileSync(letter, JSON.stringify({ '*': { self: 'Ê' } }));
    expectOneLine(cchc('score', twoColumns, '--columns', letter), '"Ê" không phải cột cho self');
    const sheet = path.join(tmp, 'trang.json');
    fs.writeFileSync(sheet, JSON.stringify({ 'Phụ lục 1': { self: 'E' } }));
    expectOneLine(cchc('score', twoColumns, '--columns', sheet), /Không có trang tính "Phụ lục 1" trong "hai-cot\.xlsx" \(chọn cột bằng --columns .*trang\.json\)/);
  });
});

describe('--explain', () => {
  test("text: header rows, each role's column and why, missing roles, rows read, then the scores", () => {
    const r = cchc('score', samplePath, '--explain');
    expect(r.code).toBe(0);
    expect(r.err).toBe('');
    const out = r.out;
    expect(out.indexOf('CÁCH ĐỌC BẢNG')).toBe(0);
    expect(out).toContain('Trang tính "Phụ lục 1", bảng 1\n  Dòng tiêu đề: 7–8; bảng kết thúc ở dòng ');
    expect(out).toContain('  Cột theo vai trò (đổi bằng --column VAI-TRÒ=CỘT):\n');
    expect(out).toMatch(/\n {4}self \(điểm tự đánh giá\): cột D "Điểm Tự đánh giá" — .+\n/);
    expect(out).toMatch(/\n {4}evidence \(tài liệu kiểm chứng\): cột F "Tài liệu kiểm chứng" — /);
    expect(out).toContain('  Không có cột: appraised (điểm thẩm định), appraisedPercent (tỷ lệ thẩm định).');
    expect(out).toMatch(/  Các dòng đã đọc: 7 lĩnh vực, \d+ tiêu chí, .*\d+ mức điểm, 1 dòng tổng\.\n/);
    expect(out).toContain('    dòng 10: lĩnh vực 1 — Công tác chỉ đạo điều hành\n');
    expect(out).toContain('    dòng 11: tiêu chí 1.1 — Kế hoạch cải cách hành chính (CCHC) năm\n');
    expect(out).toMatch(/\n {4}dòng 13: mức điểm( của 1\.1\.1)? — Ban hành trong tháng 01 của năm kế hoạch\n/);
    expect(out).toMatch(/\n {4}dòng 129: dòng tổng — Tổng cộng\n/);
    expect(out).toContain('tiêu chí 1.1.2 (nhãn "1.1.2.") — Mức độ thực hiện Kế hoạch CCHC');
    expect(out).toContain('Trang tính "Phụ lục 2", bảng 1');
    expect(out).toMatch(/dòng \d+: lĩnh vực 1 \(nhãn "I"\) — /);
    // Then the usual result.
    expect(out).toMatch(/Cộng\s+74\s+68,13\s+92,07%/);
    expect(out.indexOf('CÁCH ĐỌC BẢNG')).toBeLessThan(out.indexOf('Vấn đề ('));
  });

  test('in English with --lang en', () => {
    const out = cchc('score', samplePath, '--explain', '--lang', 'en').out;
    expect(out).toContain('HOW THE TABLES WERE READ');
    expect(out).toContain('Sheet "Phụ lục 1", table 1\n  Header rows: 7–8;');
    expect(out).toMatch(/self \(self-score\): column D "Điểm Tự đánh giá" — /);
    expect(out).toContain('    row 10: field 1 — Công tác chỉ đạo điều hành');
    expect(out).toMatch(/Rows read: 7 fields, \d+ criteria, \d+ tiers, 1 total row\.\n/);
  });

  test('the row list stops after 200 rows and says how many more', () => {
    const result = json('score', manyRows, '--explain');
    const rows = result.sheets[0].reading.rows.length;
    expect(rows).toBeGreaterThan(200);
    const out = cchc('score', manyRows, '--explain').out;
    expect(out).toContain('    dòng 2: lĩnh vực 1 — Lĩnh vực\n');
    expect(out).toContain('    dòng 201: tiêu chí 1.199 — Tiêu chí 199\n');
    expect(out).not.toContain('dòng 202:');
    expect(out).toContain('    … và ' + (rows - 200) + ' dòng khác\n');
  });

  test('sheets not scored, each with its reason', async () => {
    const out = cchc('score', withNotes, '--explain').out;
    expect(out).toContain('Trang tính không chấm:\n  "Ghi chú": không phải bảng chấm điểm\n');
    // The tool's own summary sheet in an annotated copy.
    const copy = path.join(tmp, 'da-cham.xlsx');
    expect(cchc('score', withNotes, '--out', copy).code).toBe(0);
    expect(cchc('score', copy, '--explain').out).toContain('  "Tổng hợp điểm": trang do công cụ ghi, không chấm\n');
    expect(cchc('score', copy, '--explain', '--lang', 'en').out).toContain('  "Tổng hợp điểm": written by the tool, not scored\n');
  });

  test('[core] a summary sheet of formulas into the appendix is "bảng tổng hợp, không chấm"', async () => {
    const wb = new ExcelJS.Workbook();
    const summary = wb.addWorksheet('Tổng hợp');
    const pl = wb.addWorksheet('PL1');
    pl.addRow(['Mã', 'Nội dung', 'Điểm tối đa', 'Điểm tự đánh giá']);
    pl.addRow(['1', 'Công tác chỉ đạo điều hành', 2, null]);
    pl.addRow(['1.1', 'Kế hoạch', 1, 1]);
    pl.addRow(['1.2', 'Báo cáo', 1, 1]);
    summary.addRow(['Mã', 'Nội dung', 'Điểm tối đa', 'Điểm tự đánh giá']);
    summary.addRow(['1', 'Công tác chỉ đạo điều hành', { formula: "'PL1'!C2", result: 2 }, { formula: "'PL1'!D3+'PL1'!D4", result: 2 }]);
    const file = path.join(tmp, 'tong-hop.xlsx');
    await wb.xlsx.writeFile(file);
    expect(cchc('score', file, '--explain').out).toContain('  "Tổng hợp": bảng tổng hợp, không chấm\n');
    expect(json('score', file).total.self).toBe(2);
  });

  test('[core] a hidden column is named, and the visible this-year column is chosen over it with its reason', () => {
    const out = cchc('score', hiddenYear, '--explain').out;
    expect(out).toContain('  Cột ẩn: cột D "Điểm tự đánh giá năm 2022".');
    expect(out).toMatch(/self \(điểm tự đánh giá\): cột E "Điểm tự đánh giá năm 2023" — (tiêu đề cột ghi năm đánh giá|các cột còn lại cùng loại đang bị ẩn)/);
    expect(out).toContain('        cũng có thể: cột D "Điểm tự đánh giá năm 2022" (ẩn)');
    expect(json('score', hiddenYear).total.self).toBe(2);
  });

  test("[core] a user's column is explained as the user's", () => {
    const out = cchc('score', twoColumns, '--explain', '--column', 'self=E').out;
    expect(out).toContain('self (điểm tự đánh giá): cột E "Điểm tự đánh giá" — do người dùng chọn (--column, tệp --columns hoặc "Cách đọc bảng")');
    const reading = json('score', twoColumns, '--explain', '--column', 'self=E').sheets[0].reading;
    expect(reading.roles.find((r: { role: string }) => r.role === 'self')).toMatchObject({ column: 'E', reason: 'user' });
  });

  test('--json --explain adds sheets[].reading: header rows, roles by letter with reasons, rows 1-based', () => {
    const result = json('score', samplePath, '--explain');
    const pl1 = result.sheets.find((s: { name: string }) => s.name === 'Phụ lục 1');
    expect(pl1.tableIndex).toBe(1);
    const reading = pl1.reading;
    expect(reading.headerRows).toEqual({ first: 7, last: 8 });
    expect(typeof reading.lastRow).toBe('number');
    const self = reading.roles.find((r: { role: string }) => r.role === 'self');
    expect(self).toMatchObject({ column: 'D', label: 'Điểm Tự đánh giá' });
    expect(['user', 'header', 'year', 'visible', 'wording', 'content', 'position']).toContain(self.reason);
    expect(Array.isArray(self.alternatives)).toBe(true);
    expect(reading.roles.find((r: { role: string }) => r.role === 'code')).toMatchObject({ column: 'A' });
    expect(reading.rows[0]).toEqual({ row: 10, kind: 'criterion', label: '1', code: '1' });
    expect(reading.rows).toContainEqual(expect.objectContaining({ row: 13, kind: 'tier' }));
    expect(reading.rows).toContainEqual(expect.objectContaining({ row: 129, kind: 'total' }));
    expect(reading.rowCounts.total).toBe(1);
    expect(reading.rowCounts.criterion).toBe(reading.rows.filter((r: { kind: string }) => r.kind === 'criterion').length);
    expect(reading.hiddenColumns === null || Array.isArray(reading.hiddenColumns)).toBe(true);
    // The sheet's own labels beside the normalised codes.
    const pl2 = result.sheets.find((s: { name: string }) => s.name === 'Phụ lục 2');
    expect(pl2.fields.map((f: { code: string; label: string }) => [f.code, f.label])).toEqual([
      ['1', 'I'],
      ['2', 'II'],
    ]);
    // Without --explain there is no reading, but tableIndex and labels are there.
    const plain = json('score', samplePath);
    expect(plain.sheets[0].reading).toBeUndefined();
    expect(plain.sheets[0].tableIndex).toBe(1);
    expect(plain.sheets[0].fields[0].label).toBe('1');
  });

  test('[core] --json --explain: hidden columns known from the file', () => {
    const reading = json('score', hiddenYear, '--explain').sheets[0].reading;
    expect(reading.hiddenColumns).toEqual(['D']);
    expect(reading.roles.find((r: { role: string }) => r.role === 'self')).toMatchObject({ column: 'E', alternatives: [{ column: 'D', label: 'Điểm tự đánh giá năm 2022', hidden: true }] });
  });

  test('piped into a reader that stops early, it ends quietly', () => {
    const r = spawnSync('sh', ['-c', '"$0" "$1" score "$2" --explain | head -n 1', process.execPath, path.join(root, 'bin', 'cchc.js'), samplePath], { encoding: 'utf8' });
    expect(r.stdout).toBe('CÁCH ĐỌC BẢNG\n');
    expect(r.stderr).not.toMatch(/EPIPE|\bat .+:\d+:\d+/);
  });

  test('--explain goes with score only', () => {
    expectOneLine(cchc('report', samplePath, '--explain'), '--explain chỉ dùng với lệnh score');
  });
});

describe('--profile', () => {
  test('none on the sample: no profile, no appendix, no cross-check line; the figures stay', () => {
    const auto = json('score', '--sample');
    expect(auto.profile).toBe('hai-duong-3395-xa');
    const none = json('score', '--sample', '--profile', 'none');
    expect(none.profile).toBeNull();
    expect(none.sheets.map((s: { appendix: string | null }) => s.appendix)).toEqual([null, null]);
    expect(none.flags.map((f: { kind: string }) => f.kind)).not.toContain('profile-mismatch');
    expect(none.flags.filter((f: { message: string }) => /3395/.test(f.message))).toEqual([]);
    expect(none.total).toMatchObject({ max: 76, self: 70.13 });
    const text = cchc('score', '--sample', '--profile', 'none').out;
    expect(text).not.toContain('Đối chiếu với');
    expect(cchc('score', '--sample').out).toContain('Đối chiếu với');
  });

  test('none on a small "Phụ lục 1" removes the profile warnings', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Phụ lục 1');
    ws.addRow(['Mã', 'Nội dung', 'Điểm tối đa', 'Điểm tự đánh giá']);
    ws.addRow(['1', 'Công tác chỉ đạo điều hành', 2, null]);
    ws.addRow(['1.1', 'Kế hoạch', 1, 1]);
    ws.addRow(['1.2', 'Báo cáo', 1, 1]);
    const file = path.join(tmp, 'pl1-nho.xlsx');
    await wb.xlsx.writeFile(file);
    const none = json('score', file, '--profile', 'none');
    expect(none.profile).toBeNull();
    expect(none.flags.filter((f: { kind: string }) => f.kind === 'profile-mismatch' || f.kind === 'max-mismatch')).toEqual([]);
  });

  test('an id forces that profile; an unknown id lists the known ones', () => {
    expect(json('score', '--sample', '--profile', 'hai-duong-3395-xa').profile).toBe('hai-duong-3395-xa');
    expectOneLine(cchc('score', '--sample', '--profile', 'ha-noi'), 'Không có bộ tiêu chí "ha-noi". Dùng: auto (tự nhận), none (không đối chiếu), hai-duong-3395-xa hoặc một tệp .json.');
    expectOneLine(cchc('score', '--sample', '--profile', 'ha-noi', '--lang', 'en'), 'No profile "ha-noi". Use: auto (recognise), none (no cross-check), hai-duong-3395-xa or a .json file.');
    // Checked before the workbook is read.
    expectOneLine(cchc('score', 'khong-co.xlsx', '--profile', 'ha-noi'), 'Không có bộ tiêu chí "ha-noi"');
    expectOneLine(cchc('consolidate', tmp, '--profile', 'ha-noi'), 'Không có bộ tiêu chí "ha-noi"');
  });
});
