import * as fs from 'fs';
import * as nodePath from 'path';

/**
 * Writing an output file (the annotated copy, the Word report, the consolidation, the sample) so
 * that nothing the user has is ever lost or left half-written, and knowing whether two names are the
 * same file. Node only (the browser build never calls it; webpack stubs fs and path).
 *
 * - Identity, not spelling: two names are the same file when they reach the same device and inode
 *   once links are followed (a symlinked folder, a symlink, a hard link, another case of the name on
 *   a case-insensitive disk). A name with no file yet is its real folder plus its name, compared
 *   without case where that folder's filesystem ignores case.
 * - All or nothing: the bytes go to a temporary file in the target's folder, are flushed to disk,
 *   and only then take the target's name (a rename, or a hard link that fails if a file appeared
 *   meanwhile when replacing is not allowed); the folder is flushed where the system allows it. On
 *   any failure, and on Ctrl+C (SIGINT) or SIGTERM while a write is in flight, the temporary file is
 *   removed; the target keeps its old bytes or stays absent.
 */

/** What a name refers to: the file's device and inode, or (no file yet) its real folder and name. */
export interface FileIdentity {
  exists: boolean;
  dev?: bigint;
  ino?: bigint;
  isDirectory?: boolean;
  /** The real folder (links resolved) and the name in it; for an existing file, its real path's. */
  dir: string;
  name: string;
  /** The folder's filesystem ignores case (detected, not assumed from the platform where possible). */
  caseInsensitive: boolean;
}

function realOrResolved(p: string): string {
  try {
    return fs.realpathSync.native(p);
  } catch {
    return nodePath.resolve(p);
  }
}

const caseCache: { [dir: string]: boolean } = {};

/**
 * Whether the filesystem of `dir` (an existing folder) ignores case: the folder's own name with its
 * case changed is looked up and compared by identity. A name without letters cannot tell; the
 * platform's default answers then (Windows and macOS ignore case by default).
 */
export function isCaseInsensitiveFolder(dir: string): boolean {
  const real = realOrResolved(dir);
  if (caseCache[real] !== undefined) return caseCache[real];
  let answer = process.platform === 'win32' || process.platform === 'darwin';
  // Walk up until a component has a letter whose case can change.
  let probe = real;
  for (;;) {
    const base = nodePath.basename(probe);
    const swapped = swapCase(base);
    if (swapped !== base) {
      try {
        const a = fs.statSync(probe, { bigint: true });
        try {
          const b = fs.statSync(nodePath.join(nodePath.dirname(probe), swapped), { bigint: true });
          answer = a.dev === b.dev && a.ino === b.ino;
        } catch {
          answer = false;
        }
      } catch {
        // keep the platform's default
      }
      break;
    }
    const parent = nodePath.dirname(probe);
    if (parent === probe) break;
    probe = parent;
  }
  caseCache[real] = answer;
  return answer;
}

function swapCase(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text.charAt(i);
    const lower = ch.toLowerCase();
    out += lower !== ch ? lower : ch.toUpperCase();
  }
  return out;
}

export function fileIdentity(p: string): FileIdentity {
  const absolute = nodePath.resolve(p);
  try {
    const stat = fs.statSync(absolute, { bigint: true }); // follows links
    const real = realOrResolved(absolute);
    const dir = nodePath.dirname(real);
    return { exists: true, dev: stat.dev, ino: stat.ino, isDirectory: stat.isDirectory(), dir: dir, name: nodePath.basename(real), caseInsensitive: isCaseInsensitiveFolder(dir) };
  } catch {
    const dir = realOrResolved(nodePath.dirname(absolute));
    return { exists: false, dir: dir, name: nodePath.basename(absolute), caseInsensitive: isCaseInsensitiveFolder(dir) };
  }
}

export function sameIdentity(a: FileIdentity, b: FileIdentity): boolean {
  if (a.exists && b.exists) return a.dev === b.dev && a.ino === b.ino;
  if (a.exists !== b.exists) return false;
  if (a.caseInsensitive || b.caseInsensitive) return a.dir.toLowerCase() === b.dir.toLowerCase() && a.name.toLowerCase() === b.name.toLowerCase();
  return a.dir === b.dir && a.name === b.name;
}

/** Whether the two names are one file (or would be, for names with no file yet). */
export function sameFile(a: string, b: string): boolean {
  return sameIdentity(fileIdentity(a), fileIdentity(b));
}

/** A target that exists while replacing was not allowed (found when the output took its name). */
export class OutputExistsError extends Error {
  readonly code = 'EEXIST';
  readonly path: string;
  constructor(path: string) {
    super('EEXIST: file already exists, ' + path);
    this.path = path;
    Object.setPrototypeOf(this, OutputExistsError.prototype);
  }
}

export interface WriteOutputOptions {
  /** Replace an existing file (the user said --force, or it is the tool's own earlier output). */
  overwrite: boolean;
}

// ---- Temporary files in flight and the signals that must not leave them behind ----

const inFlight: { [tmp: string]: true } = {};
let handlersInstalled = false;

function removeInFlight(): void {
  for (const tmp of Object.keys(inFlight)) {
    try {
      fs.unlinkSync(tmp);
    } catch {
      // already gone
    }
    delete inFlight[tmp];
  }
}

function onSigint(): void {
  removeInFlight();
  process.exit(130);
}

function onSigterm(): void {
  removeInFlight();
  process.exit(143);
}

function track(tmp: string): void {
  inFlight[tmp] = true;
  if (!handlersInstalled) {
    process.on('SIGINT', onSigint);
    process.on('SIGTERM', onSigterm);
    handlersInstalled = true;
  }
}

function untrack(tmp: string): void {
  delete inFlight[tmp];
  if (handlersInstalled && Object.keys(inFlight).length === 0) {
    process.removeListener('SIGINT', onSigint);
    process.removeListener('SIGTERM', onSigterm);
    handlersInstalled = false;
  }
}

/** The temporary files now in flight (tests). */
export function temporaryFilesInFlight(): string[] {
  return Object.keys(inFlight);
}

/**
 * TEST ONLY: with CCHC_TEST_PAUSE_OUTPUT set to "before-fsync" or "before-rename", the write
 * stops at that point, says so on stderr ("cchc-test-pause STAGE TEMPFILE") and waits (up to
 * CCHC_TEST_PAUSE_MS, default 30 s) so a test can kill the process there deterministically. Never
 * set it outside tests.
 */
async function testPause(stage: 'before-fsync' | 'before-rename', tmp: string): Promise<void> {
  if (process.env.CCHC_TEST_PAUSE_OUTPUT !== stage) return;
  process.stderr.write('cchc-test-pause ' + stage + ' ' + tmp + '\n');
  const ms = parseInt(process.env.CCHC_TEST_PAUSE_MS || '', 10);
  await new Promise((resolve) => setTimeout(resolve, ms >= 0 ? ms : 30000));
}

function temporaryName(finalPath: string): string {
  const random = Math.random().toString(36).slice(2, 8);
  return nodePath.join(nodePath.dirname(finalPath), '.' + nodePath.basename(finalPath) + '.cchc-' + process.pid + '-' + Date.now().toString(36) + random + '.tmp');
}

/** Flushes the folder's entry table (the rename), where the system allows opening a folder. */
function syncFolder(dir: string): void {
  let fd: number | undefined;
  try {
    fd = fs.openSync(dir, 'r');
    fs.fsyncSync(fd);
  } catch {
    // Windows and some filesystems refuse: the rename itself is still atomic.
  } finally {
    if (fd !== undefined) {
      try {
        fs.closeSync(fd);
      } catch {
        // nothing to do
      }
    }
  }
}

const NO_HARD_LINKS: { [code: string]: true } = { EPERM: true, ENOTSUP: true, EOPNOTSUPP: true, ENOSYS: true, EXDEV: true, EMLINK: true, EINVAL: true };

/** The temporary file takes the target's name: a rename, or without overwrite a link that cannot replace. */
async function commit(tmp: string, finalPath: string, overwrite: boolean): Promise<void> {
  if (overwrite) {
    await fs.promises.rename(tmp, finalPath);
    return;
  }
  try {
    await fs.promises.link(tmp, finalPath);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code || '';
    if (code === 'EEXIST') throw new OutputExistsError(finalPath);
    if (!NO_HARD_LINKS[code]) throw error;
    // A filesystem without hard links (FAT, some network shares): check, then rename.
    if (fs.existsSync(finalPath)) throw new OutputExistsError(finalPath);
    await fs.promises.rename(tmp, finalPath);
    return;
  }
  await fs.promises.unlink(tmp);
}

/**
 * `bytes` to `target`, all or nothing (see the top of this file). An
 * existing target that is a link is replaced where it points (the link stays a link).
 * Throws the system's error (with its code and path) or OutputExistsError.
 */
export async function writeOutputFile(target: string, bytes: Uint8Array, options: WriteOutputOptions): Promise<void> {
  let finalPath = nodePath.resolve(target);
  if (options.overwrite) {
    try {
      if (fs.lstatSync(finalPath).isSymbolicLink()) finalPath = fs.realpathSync.native(finalPath);
    } catch {
      // no file yet, or a dangling link: written under the name itself
    }
  }
  const tmp = temporaryName(finalPath);
  let handle: fs.promises.FileHandle | undefined;
  track(tmp);
  try {
    handle = await fs.promises.open(tmp, 'wx');
    await handle.writeFile(bytes);
    await testPause('before-fsync', tmp);
    await handle.sync();
    await handle.close();
    handle = undefined;
    await testPause('before-rename', tmp);
    await commit(tmp, finalPath, options.overwrite);
    syncFolder(nodePath.dirname(finalPath));
  } catch (error) {
    if (handle) await handle.close().catch(() => undefined);
    await fs.promises.unlink(tmp).catch(() => undefined);
    throw error;
  } finally {
    untrack(tmp);
  }
}
