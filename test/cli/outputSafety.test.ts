import { spawn, spawnSync } from 'child_process';
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import JSZip from 'jszip';

/**
 * The input is sacred, and every problem is one clear line: the real `cchc` binary on real files in
 * a temporary folder, with symlinks, hard links, existing targets, kills in the middle of a write,
 * system errors and hostile file names.
 */
const root = path.join(__dirname, '..', '..');
const tmp = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'cchc-safety-')));
afterAll(() => {
  chmodTree(tmp);
  fs.rmSync(tmp, { recursive: true, force: true });
});

function chmodTree(dir: string): void {
  try {
    fs.chmodSync(dir, 0o755);
    for (const name of fs.readdirSync(dir)) {
      const full = path.join(dir, name);
      if (fs.lstatSync(full).isDirectory()) chmodTree(full);
    }
  } catch {
    // best effort
  }
}

interface Run {
  code: number | null;
  out: string;
  err: string;
}

function cchc(args: string[], env?: NodeJS.ProcessEnv): Run {
  const r = spawnSync(process.execPath, [path.join(root, 'bin', 'cchc.js'), ...args], { cwd: tmp, encoding: 'utf8', env: { ...process.env, ...env } });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

const sha256 = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex');

/** Refused: exit 2, nothing on stdout, exactly one line on stderr, never "Lỗi không mong đợi". */
function expectOneLine(r: Run, pattern?: RegExp): void {
  expect(r.code).toBe(2);
  expect(r.out).toBe('');
  expect(r.err).toMatch(/^cchc: [^\n]+\n$/);
  expect(r.err).not.toContain('Lỗi không mong đợi');
  expect(r.err).not.toMatch(/\bat .*\.js:\d+/); // no stack trace
  if (pattern) expect(r.err).toMatch(pattern);
}

/** A folder holds no temporary file (ours are hidden ".NAME.cchc-….tmp"). */
function expectNoTemporaryFile(dir: string): void {
  expect(fs.readdirSync(dir).filter((n) => n.endsWith('.tmp') || n.indexOf('.cchc-') >= 0)).toEqual([]);
}

let dir: string;
let input: string;
let inputHash: string;
beforeAll(() => {
  dir = path.join(tmp, 'ho-so');
  fs.mkdirSync(dir);
  input = path.join(dir, 'phu-luc.xlsx');
  expect(cchc(['sample', input]).code).toBe(0);
  inputHash = sha256(input);
});
afterEach(() => {
  expect(sha256(input)).toBe(inputHash);
});

describe('the input is never overwritten, whatever name reaches it', () => {
  test('--out through a symlinked folder', () => {
    const linkedDir = path.join(tmp, 'lien-ket');
    fs.symlinkSync(dir, linkedDir);
    expectOneLine(cchc(['score', input, '--out', path.join(linkedDir, 'phu-luc.xlsx')]), /Không ghi đè tệp gốc: --out .* chính là tệp đầu vào/);
    // --force does not change that.
    expectOneLine(cchc(['score', input, '--out', path.join(linkedDir, 'phu-luc.xlsx'), '--force']), /Không ghi đè tệp gốc/);
    expectNoTemporaryFile(dir);
  });

  test('the input given as a symlink, --out on its real path', () => {
    const link = path.join(tmp, 'phu-luc-lien-ket.xlsx');
    fs.symlinkSync(input, link);
    const r = cchc(['score', link, '--out', input, '--lang', 'en', '--force']);
    expectOneLine(r, /^cchc: Refusing to overwrite the input: --out ".*" is the input file ".*phu-luc-lien-ket\.xlsx" itself/);
  });

  test('--docx onto a symlink to the input, and onto a hard link to it', () => {
    const soft = path.join(dir, 'bao-cao-mem.docx');
    fs.symlinkSync(input, soft);
    expectOneLine(cchc(['report', input, '--docx', soft]), /Không ghi đè tệp gốc: --docx/);
    expectOneLine(cchc(['report', input, '--docx', soft, '--force']), /Không ghi đè tệp gốc: --docx/);
    const hard = path.join(dir, 'bao-cao-cung.docx');
    fs.linkSync(input, hard);
    expectOneLine(cchc(['report', input, '--docx', hard, '--force']), /Không ghi đè tệp gốc: --docx/);
    expect(fs.lstatSync(soft).isSymbolicLink()).toBe(true);
    expect(sha256(hard)).toBe(inputHash);
    expectNoTemporaryFile(dir);
  });

  test('sample and consolidate: an output that is an input, by a hard link', () => {
    const hard = path.join(tmp, 'cung.xlsx');
    fs.linkSync(input, hard);
    expectOneLine(cchc(['consolidate', input, '--out', hard, '--force']), /Không ghi đè tệp đầu vào/);
    expectOneLine(cchc(['consolidate', dir, '--out', hard, '--force']), /Không ghi đè tệp đầu vào/);
    expectOneLine(cchc(['sample', hard]), /đã có; hãy chọn tên khác, hoặc thêm --force/);
    fs.unlinkSync(hard);
  });
});

describe('an existing file is replaced only with --force', () => {
  test('score --out onto another existing .xlsx: refused, then replaced with --force', () => {
    const other = path.join(tmp, 'khac.xlsx');
    fs.writeFileSync(other, 'not mine to lose');
    const otherHash = sha256(other);
    expectOneLine(cchc(['score', input, '--out', other]), /^cchc: Tệp ".*khac\.xlsx" đã có; hãy chọn tên khác, hoặc thêm --force để ghi đè\.\n$/);
    expect(sha256(other)).toBe(otherHash);
    const forced = cchc(['score', input, '--out', other, '--force']);
    expect(forced.code).toBe(0);
    expect(forced.err).toBe('');
    expect(fs.readFileSync(other).subarray(0, 2).toString()).toBe('PK');
    expect(cchc(['score', other, '--json']).code).toBe(0);
    expectNoTemporaryFile(tmp);
  });

  test('--force through a symlink to another file replaces that file and keeps the link', () => {
    const real = path.join(tmp, 'that.xlsx');
    fs.writeFileSync(real, 'old');
    const link = path.join(tmp, 'that-link.xlsx');
    fs.symlinkSync(real, link);
    expect(cchc(['score', input, '--out', link, '--force']).code).toBe(0);
    expect(fs.lstatSync(link).isSymbolicLink()).toBe(true);
    expect(fs.readFileSync(real).subarray(0, 2).toString()).toBe('PK');
  });

  test('sample: refused onto an existing file, replaced with --force', () => {
    const target = path.join(tmp, 'mau-co-san.xlsx');
    fs.writeFileSync(target, 'old');
    expectOneLine(cchc(['sample', target]), /đã có/);
    expect(fs.readFileSync(target, 'utf8')).toBe('old');
    expect(cchc(['sample', target, '--force']).code).toBe(0);
    expect(fs.readFileSync(target).subarray(0, 2).toString()).toBe('PK');
  });
});

/** Runs cchc paused at `stage` (the test-only hook), sends `signal` there, and waits for the end. */
function killWhileWriting(args: string[], stage: 'before-fsync' | 'before-rename', signal: 'SIGTERM' | 'SIGINT'): Promise<{ code: number | null; signal: string | null; err: string; paused: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(root, 'bin', 'cchc.js'), ...args], { cwd: tmp, env: { ...process.env, CCHC_TEST_PAUSE_OUTPUT: stage, CCHC_TEST_PAUSE_MS: '20000' } });
    let err = '';
    let paused = '';
    child.stderr.on('data', (chunk: Buffer) => {
      err += chunk.toString('utf8');
      const m = /cchc-test-pause \S+ (.+)\n/.exec(err);
      if (m && !paused) {
        paused = m[1];
        // The temporary file is there, with the new bytes, at the moment of the kill.
        expect(fs.existsSync(paused)).toBe(true);
        child.kill(signal);
      }
    });
    child.on('error', reject);
    child.on('exit', (code, sig) => resolve({ code: code, signal: sig, err: err, paused: paused }));
  });
}

describe('a kill while writing leaves the target as it was and no temporary file', () => {
  test('score --out, SIGTERM before the fsync: no target, exit 143', async () => {
    const out = path.join(tmp, 'kill', 'da-cham.xlsx');
    fs.mkdirSync(path.dirname(out));
    const r = await killWhileWriting(['score', input, '--out', out], 'before-fsync', 'SIGTERM');
    expect(r.paused).toMatch(/\.da-cham\.xlsx\.cchc-.*\.tmp$/);
    expect(r.code).toBe(143);
    expect(fs.existsSync(out)).toBe(false);
    expectNoTemporaryFile(path.dirname(out));
  });

  test('report --docx --force over an old report, SIGINT before the rename: the old bytes, exit 130', async () => {
    const out = path.join(tmp, 'kill', 'bao-cao.docx');
    fs.writeFileSync(out, 'old report');
    const r = await killWhileWriting(['report', input, '--docx', out, '--force'], 'before-rename', 'SIGINT');
    expect(r.code).toBe(130);
    expect(fs.readFileSync(out, 'utf8')).toBe('old report');
    expectNoTemporaryFile(path.dirname(out));
  });

  test('report --docx, SIGTERM before the fsync: the old bytes (never a truncated file)', async () => {
    const out = path.join(tmp, 'kill', 'bao-cao-2.docx');
    fs.writeFileSync(out, 'old report');
    const r = await killWhileWriting(['report', input, '--docx', out, '--force'], 'before-fsync', 'SIGTERM');
    expect(r.code).toBe(143);
    expect(fs.readFileSync(out, 'utf8')).toBe('old report');
    expectNoTemporaryFile(path.dirname(out));
  });

  test('consolidate --out and sample, killed before the rename: no target', async () => {
    const out = path.join(tmp, 'kill', 'TONG-HOP.xlsx');
    const c = await killWhileWriting(['consolidate', dir, '--out', out], 'before-rename', 'SIGTERM');
    expect(c.code).toBe(143);
    expect(fs.existsSync(out)).toBe(false);
    const sample = path.join(tmp, 'kill', 'mau.xlsx');
    const s = await killWhileWriting(['sample', sample], 'before-rename', 'SIGINT');
    expect(s.code).toBe(130);
    expect(fs.existsSync(sample)).toBe(false);
    expectNoTemporaryFile(path.dirname(out));
  });
});

/**
 * A preload that makes one fs call fail with a system error code for paths under a prefix, as the
 * operating system would: tests run as root here, and root ignores permission bits, so a folder
 * chmod 000 is still readable. Where the real refusal happens (not root), the test uses it instead.
 */
function failingFsPreload(): string {
  const file = path.join(tmp, 'failing-fs.js');
  fs.writeFileSync(
    file,
    `'use strict';
const fs = require('fs');
const [method, prefix, code] = (process.env.CCHC_TEST_FAIL_FS || '').split('|');
function fail(p, syscall) {
  const e = new Error(code + ': simulated, ' + syscall + " '" + p + "'");
  e.code = code; e.syscall = syscall; e.path = String(p); e.errno = -13;
  return e;
}
if (method === 'readdirSync') {
  const real = fs.readdirSync;
  fs.readdirSync = function (p, ...rest) { if (String(p).indexOf(prefix) === 0) throw fail(p, 'scandir'); return real.call(this, p, ...rest); };
}
if (method === 'open') {
  const real = fs.promises.open;
  fs.promises.open = function (p, ...rest) { if (String(p).indexOf(prefix) === 0) return Promise.reject(fail(p, 'open')); return real.call(this, p, ...rest); };
}
`,
  );
  return file;
}

describe('system errors: one clear line, exit 2', () => {
  test('an unreadable folder for consolidate', () => {
    const locked = path.join(tmp, 'khoa');
    fs.mkdirSync(locked);
    fs.copyFileSync(input, path.join(locked, 'xa.xlsx'));
    fs.chmodSync(locked, 0o000);
    let reallyLocked = false;
    try {
      fs.readdirSync(locked);
    } catch {
      reallyLocked = true;
    }
    const env = reallyLocked ? {} : { NODE_OPTIONS: '--require ' + failingFsPreload(), CCHC_TEST_FAIL_FS: 'readdirSync|' + locked + '|EACCES' };
    expectOneLine(cchc(['consolidate', locked], env), /^cchc: Không có quyền đọc thư mục ".*khoa"\.\n$/);
    expectOneLine(cchc(['consolidate', locked, '--lang', 'en'], env), /^cchc: No permission to read the folder ".*khoa"\.\n$/);
    fs.chmodSync(locked, 0o755);
  });

  test('a read-only target folder (real: /sys refuses new files even for root)', () => {
    if (!fs.existsSync('/sys/kernel')) return; // not Linux
    const r = cchc(['score', input, '--out', '/sys/kernel/cchc-test.xlsx']);
    expectOneLine(r, /^cchc: (Không có quyền ghi "\/sys\/kernel\/cchc-test\.xlsx"|Không ghi được "\/sys\/kernel\/cchc-test\.xlsx": ổ đĩa chỉ cho phép đọc)/);
    expect(r.err).not.toContain('.tmp');
    expectOneLine(cchc(['report', input, '--docx', '/sys/kernel/cchc-test.docx', '--lang', 'en']), /^cchc: (No permission to write|Cannot write ".*": the disk is read-only)/);
  });

  test('a read-only target folder made with chmod (simulated where root ignores it), and a full disk (simulated)', () => {
    const ro = path.join(tmp, 'chi-doc');
    fs.mkdirSync(ro);
    fs.chmodSync(ro, 0o555);
    let reallyReadOnly = false;
    try {
      fs.writeFileSync(path.join(ro, 'probe'), 'x');
      fs.unlinkSync(path.join(ro, 'probe'));
    } catch {
      reallyReadOnly = true;
    }
    const preload = failingFsPreload();
    const env = reallyReadOnly ? {} : { NODE_OPTIONS: '--require ' + preload, CCHC_TEST_FAIL_FS: 'open|' + ro + '|EACCES' };
    expectOneLine(cchc(['score', input, '--out', path.join(ro, 'da-cham.xlsx')], env), /^cchc: Không có quyền ghi ".*chi-doc\/da-cham\.xlsx" \(thư mục chỉ cho đọc, hoặc tệp bị khóa\)\.\n$/);
    expectOneLine(cchc(['sample', path.join(ro, 'mau.xlsx')], env), /Không có quyền ghi/);
    fs.chmodSync(ro, 0o755);
    const full = { NODE_OPTIONS: '--require ' + preload, CCHC_TEST_FAIL_FS: 'open|' + ro + '|ENOSPC' };
    expectOneLine(cchc(['report', input, '--docx', path.join(ro, 'bc.docx')], full), /^cchc: Không ghi được ".*bc\.docx": ổ đĩa đã đầy/);
    expectNoTemporaryFile(ro);
  });

  test('a path that is a folder, or under a file', () => {
    const folder = path.join(tmp, 'thu-muc.xlsx');
    fs.mkdirSync(folder);
    expectOneLine(cchc(['score', input, '--out', folder]), /là một thư mục, không phải tệp \.xlsx/);
    expectOneLine(cchc(['consolidate', dir, '--out', folder, '--force']), /là một thư mục/);
    expectOneLine(cchc(['sample', folder, '--force']), /là một thư mục/);
    expectOneLine(cchc(['score', folder]), /thư mục/);
    expectOneLine(cchc(['score', input, '--out', path.join(input, 'x.xlsx')]), /không phải thư mục/);
    expectOneLine(cchc(['report', input, '--docx', path.join(tmp, 'khong-co', 'x.docx')]), /Không có thư mục/);
    expectOneLine(cchc(['score', input, '--out', path.join(tmp, 'x'.repeat(300) + '.xlsx')]), /quá dài/);
  });
});

describe('names with control characters are printed escaped', () => {
  const hostile = 'xa\nGiả mạo\u001b[2J\u001b[31m.xlsx';

  test('in the one line of an error, in what is written, in the consolidation list', () => {
    const missing = cchc(['score', path.join(tmp, hostile)]);
    expectOneLine(missing);
    expect(missing.err).toContain('xa\\nGiả mạo\\x1b[2J\\x1b[31m.xlsx');
    expect(missing.err).not.toContain('\u001b');

    const copy = path.join(tmp, 'ten-la', hostile);
    fs.mkdirSync(path.dirname(copy));
    fs.copyFileSync(input, copy);
    const docx = path.join(tmp, 'ten-la', 'bc\u001b]0;title\u0007.docx');
    const written = cchc(['report', copy, '--docx', docx]);
    expect(written.code).toBe(0);
    expect(written.out).toBe('Đã ghi báo cáo: ' + path.join(tmp, 'ten-la') + '/bc\\x1b]0;title\\x07.docx\n');
    const out = path.join(tmp, 'ten-la', 'ra\n.xlsx');
    const scored = cchc(['score', copy, '--out', out]);
    expect(scored.code).toBe(0);
    expect(scored.out).toContain('Đã ghi bản có chú thích: ' + path.join(tmp, 'ten-la') + '/ra\\n.xlsx (');
    expect(scored.out + scored.err).not.toContain('\u001b');

    fs.writeFileSync(path.join(tmp, 'ten-la', 'hong\u001b[2K.xlsx'), 'not a zip');
    const c = cchc(['consolidate', path.join(tmp, 'ten-la')]);
    expect(c.code).toBe(0);
    expect(c.out).toContain('hong\\x1b[2K.xlsx: ');
    expect(c.out + c.err).not.toContain('\u001b');
    expect(cchc(['score', input, '--out', path.join(tmp, 'ten-la', 'ra\n.xlsx')]).err).toContain('ra\\n.xlsx" đã có');
  });
});

describe('library warnings never come before the line', () => {
  // ExcelJS warns (console.warn) about a sheet name over 31 characters while loading; the name also
  // makes its load fail ("Worksheet name already exists", reported to the readers' owner), so what
  // this proves is that the one line comes alone, with no warning before it.
  test('a sheet name over 31 characters (ExcelJS warns while loading): the one line comes alone', async () => {
    const zip = await JSZip.loadAsync(fs.readFileSync(input));
    const workbookXml = await zip.file('xl/workbook.xml')!.async('string');
    const long = 'Phụ lục 2 - Chỉ tiêu kinh tế xã hội do HĐND giao';
    zip.file('xl/workbook.xml', workbookXml.replace('name="Phụ lục 2"', 'name="' + long + '"'));
    const file = path.join(tmp, 'ten-trang-dai.xlsx');
    fs.writeFileSync(file, await zip.generateAsync({ type: 'nodebuffer' }));
    const r = cchc(['score', file, '--out', path.join(tmp, 'ten-trang-dai-ra.xlsx')]);
    expect(r.err).not.toContain('exceeds 31 chars');
    if (r.code === 0) expect(r.err).toBe('');
    else expectOneLine(r);
  });
});
