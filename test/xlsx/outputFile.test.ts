import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { fileIdentity, isCaseInsensitiveFolder, OutputExistsError, sameFile, sameIdentity, temporaryFilesInFlight, writeOutputFile } from '../../src/xlsx/node/outputFile';

/** Identity of files (links, hard links, case) and the all-or-nothing write, on real files. */
const tmp = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'cchc-output-')));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const noTemporary = (dir: string) => expect(fs.readdirSync(dir).filter((n) => n.endsWith('.tmp'))).toEqual([]);

describe('sameFile: identity, not spelling', () => {
  const dir = path.join(tmp, 'a');
  const file = path.join(dir, 'in.xlsx');
  beforeAll(() => {
    fs.mkdirSync(dir);
    fs.writeFileSync(file, 'x');
    fs.symlinkSync(dir, path.join(tmp, 'a-link'));
    fs.symlinkSync(file, path.join(tmp, 'in-link.xlsx'));
    fs.linkSync(file, path.join(tmp, 'in-hard.xlsx'));
    fs.writeFileSync(path.join(tmp, 'other.xlsx'), 'x');
  });

  test('the same file through a symlinked folder, a symlink, a hard link, a relative name', () => {
    expect(sameFile(file, path.join(tmp, 'a-link', 'in.xlsx'))).toBe(true);
    expect(sameFile(path.join(tmp, 'in-link.xlsx'), file)).toBe(true);
    expect(sameFile(path.join(tmp, 'in-hard.xlsx'), file)).toBe(true);
    expect(sameFile(path.relative(process.cwd(), file), file)).toBe(true);
    expect(sameFile(path.join(dir, '..', 'a', '.', 'in.xlsx'), file)).toBe(true);
  });

  test('another file with the same bytes is another file; a name with no file is not an existing file', () => {
    expect(sameFile(path.join(tmp, 'other.xlsx'), file)).toBe(false);
    expect(sameFile(path.join(dir, 'new.xlsx'), file)).toBe(false);
  });

  test('two names with no file yet: their real folder and name', () => {
    expect(sameFile(path.join(tmp, 'a-link', 'new.xlsx'), path.join(dir, 'new.xlsx'))).toBe(true);
    expect(sameFile(path.join(dir, 'new.xlsx'), path.join(dir, 'new2.xlsx'))).toBe(false);
  });

  test('case: compared without case only where the folder ignores case (detected)', () => {
    // This folder's filesystem: what a lookup of the name with its case changed says.
    let ignores = false;
    try {
      ignores = fs.statSync(path.join(tmp, 'A')).ino === fs.statSync(dir).ino;
    } catch {
      ignores = false;
    }
    expect(isCaseInsensitiveFolder(dir)).toBe(ignores);
    const upper = fileIdentity(path.join(dir, 'NEW.xlsx'));
    const lower = fileIdentity(path.join(dir, 'new.xlsx'));
    expect(sameIdentity(upper, lower)).toBe(ignores);
    // On a case-insensitive disk (Windows, macOS) the same two names are one file.
    expect(sameIdentity({ ...upper, caseInsensitive: true }, { ...lower, caseInsensitive: true })).toBe(true);
  });
});

describe('writeOutputFile: all or nothing', () => {
  test('writes a new file, replaces only with overwrite, leaves no temporary file nor signal handler', async () => {
    const dir = fs.mkdtempSync(path.join(tmp, 'w-'));
    const out = path.join(dir, 'ra.xlsx');
    const sigint = process.listenerCount('SIGINT');
    const sigterm = process.listenerCount('SIGTERM');
    await writeOutputFile(out, Buffer.from('one'), { overwrite: false });
    expect(fs.readFileSync(out, 'utf8')).toBe('one');
    await expect(writeOutputFile(out, Buffer.from('two'), { overwrite: false })).rejects.toBeInstanceOf(OutputExistsError);
    expect(fs.readFileSync(out, 'utf8')).toBe('one');
    await writeOutputFile(out, Buffer.from('three'), { overwrite: true });
    expect(fs.readFileSync(out, 'utf8')).toBe('three');
    noTemporary(dir);
    expect(temporaryFilesInFlight()).toEqual([]);
    expect(process.listenerCount('SIGINT')).toBe(sigint);
    expect(process.listenerCount('SIGTERM')).toBe(sigterm);
  });

  test('while the write is in flight the temporary file is known (for the signal handlers), and a handler is installed', async () => {
    const dir = fs.mkdtempSync(path.join(tmp, 'w-'));
    const before = process.listenerCount('SIGTERM');
    let seen: string[] = [];
    let handlers = 0;
    const big = Buffer.alloc(8 * 1024 * 1024, 1);
    const writing = writeOutputFile(path.join(dir, 'ra.xlsx'), big, { overwrite: false });
    seen = temporaryFilesInFlight();
    handlers = process.listenerCount('SIGTERM');
    await writing;
    expect(seen).toHaveLength(1);
    expect(path.dirname(seen[0])).toBe(dir);
    expect(path.basename(seen[0])).toMatch(/^\.ra\.xlsx\.cchc-.*\.tmp$/);
    expect(handlers).toBe(before + 1);
    expect(process.listenerCount('SIGTERM')).toBe(before);
  });

  test('a failure (rename onto a folder, a missing folder) removes the temporary file and says the system error', async () => {
    const dir = fs.mkdtempSync(path.join(tmp, 'w-'));
    const folder = path.join(dir, 'la-thu-muc.xlsx');
    fs.mkdirSync(folder);
    await expect(writeOutputFile(folder, Buffer.from('x'), { overwrite: true })).rejects.toMatchObject({ code: expect.stringMatching(/^E/) });
    expect(fs.statSync(folder).isDirectory()).toBe(true);
    noTemporary(dir);
    await expect(writeOutputFile(path.join(dir, 'khong-co', 'x.xlsx'), Buffer.from('x'), { overwrite: false })).rejects.toMatchObject({ code: 'ENOENT' });
    expect(temporaryFilesInFlight()).toEqual([]);
  });

  test('overwrite through a symlink writes where it points and keeps the link', async () => {
    const dir = fs.mkdtempSync(path.join(tmp, 'w-'));
    const real = path.join(dir, 'that.xlsx');
    fs.writeFileSync(real, 'old');
    const link = path.join(dir, 'link.xlsx');
    fs.symlinkSync(real, link);
    await writeOutputFile(link, Buffer.from('new'), { overwrite: true });
    expect(fs.lstatSync(link).isSymbolicLink()).toBe(true);
    expect(fs.readFileSync(real, 'utf8')).toBe('new');
    noTemporary(dir);
  });
});
