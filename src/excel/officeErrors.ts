import { HostError, HostErrorCode } from '../core/host';

/** Office.js errors in the pane's terms (HostError); the words are in src/core/messages/hostMessages.ts. ES5. */

export function hostError(code: HostErrorCode, sheet?: string, detail?: string): HostError {
  const e: HostError = { code: code };
  if (sheet) e.sheet = sheet;
  if (detail) e.detail = detail;
  return e;
}

/** Maps an Office error to the pane's terms. */
export function toHostError(e: unknown, sheet?: string): HostError {
  const x = e as { code?: unknown; message?: unknown } | null | undefined;
  if (x && typeof x === 'object' && typeof x.code === 'string' && !(e instanceof Error) && isKnownCode(x.code)) return e as HostError;
  const code: string = x && x.code ? String(x.code) : '';
  const message: string = x && x.message ? String(x.message) : String(e);
  let mapped: HostErrorCode = 'unknown';
  if (/CellEdit/i.test(code) || /cell ?edit/i.test(message)) mapped = 'cell-editing';
  else if (code === 'AccessDenied' || /protect/i.test(message)) mapped = 'sheet-protected';
  return hostError(mapped, sheet, code ? code + ': ' + message : message);
}

function isKnownCode(code: string): boolean {
  return /^(sheet-protected|cell-editing|changed-since-read|nothing-to-revert|not-an-xlsx|host-unavailable|unknown)$/.test(code);
}
