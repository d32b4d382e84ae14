import { HostError, HostErrorCode } from '../core/host';

/** Office.js errors in the pane's terms (HostError); the words are in src/core/messages/hostMessages.ts. ES5. */

/* eslint-disable @typescript-eslint/no-explicit-any */
type Any = any;

export function hostError(code: HostErrorCode, sheet?: string, detail?: string): HostError {
  const e: HostError = { code: code };
  if (sheet) e.sheet = sheet;
  if (detail) e.detail = detail;
  return e;
}

/** Maps an Office error to the pane's terms. */
export function toHostError(e: Any, sheet?: string): HostError {
  if (e && typeof e === 'object' && typeof e.code === 'string' && !(e instanceof Error) && isKnownCode(e.code)) return e as HostError;
  const code: string = e && e.code ? String(e.code) : '';
  const message: string = e && e.message ? String(e.message) : String(e);
  let mapped: HostErrorCode = 'unknown';
  if (/CellEdit/i.test(code) || /cell ?edit/i.test(message)) mapped = 'cell-editing';
  else if (code === 'AccessDenied' || /protect/i.test(message)) mapped = 'sheet-protected';
  return hostError(mapped, sheet, code ? code + ': ' + message : message);
}

function isKnownCode(code: string): boolean {
  return /^(sheet-protected|cell-editing|changed-since-read|nothing-to-revert|not-an-xlsx|host-unavailable|unknown)$/.test(code);
}
