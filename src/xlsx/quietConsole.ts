/**
 * ExcelJS (a worksheet name over 31 characters: console.warn during load and write), the docx
 * package's bundled event emitter (console.warn) and SheetJS ("Missing Info for XLS Record…")
 * print on their own; on the command line that text would come before the one clear line or the
 * result. While a library call runs, the console's printing methods do nothing (nested calls
 * counted); the command line itself writes through its io, never the console.
 */

type ConsoleMethod = 'log' | 'info' | 'warn' | 'error' | 'debug' | 'trace';
const METHODS: ConsoleMethod[] = ['log', 'info', 'warn', 'error', 'debug', 'trace'];

let depth = 0;
let saved: { [m: string]: (...args: unknown[]) => void } = {};

function silence(): void {
  if (depth++ > 0) return;
  saved = {};
  for (const m of METHODS) {
    saved[m] = console[m];
    console[m] = () => undefined;
  }
}

function restore(): void {
  if (--depth > 0) return;
  for (const m of METHODS) console[m] = saved[m] as (typeof console)[ConsoleMethod];
  saved = {};
}

/** `work()` (synchronous) with the library's console output silenced. */
export function quietlySync<T>(work: () => T): T {
  silence();
  try {
    return work();
  } finally {
    restore();
  }
}

/** `work()` with the library's console output silenced until it settles. */
export async function quietly<T>(work: () => Promise<T> | T): Promise<T> {
  silence();
  try {
    return await work();
  } finally {
    restore();
  }
}
