import { CchcError, cchcError, isCchcError } from '../core/errors';
import { FileAction, OUTPUT_TEXT, OutputTextKey, SystemErrorCode } from '../core/messages';
import { escapeControl } from './terminalText';

/**
 * A problem with a file or folder the user named (the input, the output, a folder to consolidate):
 * a CchcError whose code is the system's ("EACCES") or an output message's ("outExists"), one
 * sentence in each language naming the file, printed as one line, exit code 2. The system's own
 * error ("EACCES: permission denied, open '/…/.x.tmp'") is never what the user reads.
 */
export type FileProblem = CchcError;

/** A FileProblem made by fileProblemOf or outputProblem. */
export function isFileProblem(error: unknown): error is FileProblem {
  return isCchcError(error) && (Object.prototype.hasOwnProperty.call(OUTPUT_TEXT, error.code) || /^E[A-Z0-9]+$/.test(error.code));
}

/** An error the operating system raised (it carries an E… code), as Node reports it. */
export function isSystemError(error: unknown): error is NodeJS.ErrnoException {
  if (!error || typeof error !== 'object') return false;
  const code = (error as NodeJS.ErrnoException).code;
  return typeof code === 'string' && /^E[A-Z0-9]+$/.test(code);
}

const WRITE_CALLS: { [syscall: string]: true } = { write: true, rename: true, link: true, mkdir: true, unlink: true, fsync: true, copyfile: true, ftruncate: true, utime: true, chmod: true };

/** What the program was doing, from the failed system call when the caller did not say. */
function actionOf(error: NodeJS.ErrnoException): FileAction | 'any' {
  const call = error.syscall || '';
  if (call === 'scandir' || call === 'opendir') return 'list';
  if (WRITE_CALLS[call]) return 'write';
  if (call === 'open' || call === 'read' || call === 'stat' || call === 'lstat' || call === 'realpath') return 'read';
  return 'any';
}

/**
 * The system error as a FileProblem naming `shownPath` (the name as the user typed it; else the
 * error's own path). Control characters in the name are escaped.
 */
export function fileProblemOf(error: NodeJS.ErrnoException, action?: FileAction, shownPath?: string): FileProblem {
  const code = error.code as string;
  const name = escapeControl(shownPath !== undefined ? shownPath : error.path || (error as { dest?: string }).dest || '');
  const doing = action || actionOf(error);
  return cchcError(code as SystemErrorCode, { action: doing, path: name });
}

/** One of the output messages as a FileProblem; string parameters are escaped for the terminal. */
export function outputProblem(key: OutputTextKey, params: { [name: string]: string | number }): FileProblem {
  const safe: { [name: string]: string | number } = {};
  for (const k of Object.keys(params)) safe[k] = typeof params[k] === 'string' ? escapeControl(params[k] as string) : params[k];
  return cchcError(key, safe);
}
