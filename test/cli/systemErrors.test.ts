import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { main, oneClearLine } from '../../src/cli/main';
import { fileProblemOf, isSystemError } from '../../src/cli/systemErrors';
import { escapeControl } from '../../src/cli/terminalText';
import { knownSystemErrorCodes } from '../../src/core/messages/fileSystemText';

/**
 * Every system error as one sentence naming the file. Tests run as root here, where permission bits
 * do not refuse anything, so most codes cannot be produced for real: the mapping is tested on the
 * error objects Node throws (code, syscall, path), and outputSafety.test.ts runs the binary on the
 * cases the machine can produce (a folder in place of a file, a path under a file, a name too long,
 * /sys refusing new files) or simulates them with a preload.
 */

function errnoError(code: string, syscall: string, p: string): NodeJS.ErrnoException {
  const e = new Error(code + ': ' + syscall + " '" + p + "'") as NodeJS.ErrnoException;
  e.code = code;
  e.syscall = syscall;
  e.path = p;
  return e;
}

const CODES = [
  'EACCES',
  'EPERM',
  'ENOSPC',
  'EISDIR',
  'ENOTDIR',
  'EROFS',
  'EMFILE',
  'ENFILE',
  'ENAMETOOLONG',
  'EBUSY',
  'EEXIST',
  'ENOENT',
  'ELOOP',
  'EIO',
  'EDQUOT',
  'EFBIG',
  'ETXTBSY',
  'EINVAL',
  'EXDEV',
];

describe('system errors in words', () => {
  test.each(CODES)('%s: one sentence in each language naming the file, for reading, listing and writing', (code) => {
    expect(knownSystemErrorCodes()).toContain(code);
    for (const action of ['read', 'list', 'write'] as const) {
      const problem = fileProblemOf(errnoError(code, 'open', '/x/.ra.xlsx.cchc-1.tmp'), action, 'ra.xlsx');
      for (const text of [problem.message, problem.messageEn]) {
        expect(text).toContain('"ra.xlsx"');
        expect(text).not.toContain('.tmp');
        expect(text).not.toContain(code);
        expect(text).not.toContain('Lỗi không mong đợi');
        expect(text).not.toContain('\n');
      }
      expect(problem.code).toBe(code);
    }
  });

  test('the words fit what was being done', () => {
    expect(fileProblemOf(errnoError('EACCES', 'scandir', '/d'), 'list', 'd').message).toBe('Không có quyền đọc thư mục "d".');
    expect(fileProblemOf(errnoError('EACCES', 'open', '/d/x'), 'write', 'x.xlsx').messageEn).toBe('No permission to write "x.xlsx" (a read-only folder, or a locked file).');
    expect(fileProblemOf(errnoError('EROFS', 'open', '/d/x'), 'write', 'x.xlsx').message).toBe('Không ghi được "x.xlsx": ổ đĩa chỉ cho phép đọc.');
    expect(fileProblemOf(errnoError('ENOSPC', 'write', '/d/x'), 'write', 'x.xlsx').messageEn).toBe('Cannot write "x.xlsx": the disk is full; free some space and try again.');
    expect(fileProblemOf(errnoError('EBUSY', 'rename', '/d/x'), 'write', 'x.xlsx').message).toMatch(/đang được chương trình khác dùng/);
    // Without an action, the failed call tells: scandir is listing a folder.
    expect(fileProblemOf(errnoError('EACCES', 'scandir', '/d')).message).toBe('Không có quyền đọc thư mục "/d".');
    // A code without words of its own is still one line naming the file.
    expect(fileProblemOf(errnoError('ECONNRESET', 'read', '/d/x'), 'read', 'x').message).toBe('Lỗi hệ thống ECONNRESET với "x".');
  });

  test('a name with control characters is escaped inside the sentence', () => {
    const problem = fileProblemOf(errnoError('EACCES', 'open', '/d'), 'read', 'a\nb\u001b[31m.xlsx');
    expect(problem.message).toBe('Không có quyền đọc "a\\nb\\x1b[31m.xlsx".');
  });

  test('a raw system error reaching the command line is one line, exit 2, never "Lỗi không mong đợi"', () => {
    expect(isSystemError(errnoError('EMFILE', 'open', '/d/x'))).toBe(true);
    expect(isSystemError(new Error('bug'))).toBe(false);
    expect(oneClearLine(errnoError('EMFILE', 'open', '/d/x\n'), 'vi')).toBe('Quá nhiều tệp đang mở cùng lúc khi mở "/d/x\\n"; hãy đóng bớt chương trình rồi thử lại.');
    expect(oneClearLine(new Error('bug'), 'vi')).toBeNull();
  });
});

describe('escapeControl', () => {
  test('controls, DEL, C1 and direction overrides escaped; Vietnamese, backslashes and quotes kept', () => {
    expect(escapeControl('a\nb\rc\td')).toBe('a\\nb\\rc\\td');
    expect(escapeControl('\u001b[2J\u001b]0;x\u0007')).toBe('\\x1b[2J\\x1b]0;x\\x07');
    expect(escapeControl('\u007f\u009b\u0000')).toBe('\\x7f\\x9b\\x00');
    expect(escapeControl('abc\u202egpj.xlsx')).toBe('abc\\u202egpj.xlsx');
    expect(escapeControl('C:\\Hồ sơ\\Phụ lục "1".xlsx')).toBe('C:\\Hồ sơ\\Phụ lục "1".xlsx');
  });
});

describe('main() in process: the library console is silent and restored', () => {
  test('console.warn is back after a run, and a write error is one line', async () => {
    const warn = console.warn;
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cchc-sys-'));
    try {
      const err: string[] = [];
      const code = await main(['sample', path.join(tmp, 'khong-co', 'x.xlsx')], { stdout: () => undefined, stderr: (t) => err.push(t) });
      expect(code).toBe(2);
      expect(err.join('')).toMatch(/^cchc: Không có thư mục ".*khong-co" để ghi ".*x\.xlsx"\.\n$/);
      expect(console.warn).toBe(warn);
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  });
});
