/// <reference types="office-js" />
import { hostError } from './officeErrors';
import { detectFeatures, ExcelFeatures } from './features';
import { ReadState } from './readState';

/**
 * The one object the gateway's modules share: Office's objects, the features found, the sync counter
 * and what a session learns (sheet names, the last read, whether a write can be reverted). Every
 * Office.js batch goes through `run` and every sync through `sync`, so the counter is exact. ES5.
 */

/** Office's web payload limit is 5 MB per request; stay under it with room for the envelope. */
export const DEFAULT_PAYLOAD_LIMIT = 4500000;

/** Where `Excel` and `Office` are found (the global object, or a test's fake). */
export interface OfficeGlobals {
  Excel?: typeof Excel;
  Office?: typeof Office;
}

export interface ExcelHostOptions {
  /** Object holding `Excel` and `Office` (defaults to the global object). */
  globals?: object;
  /** Bytes of queued writes per sync before the write is split (default 4.5 MB). */
  payloadLimit?: number;
  /** Debounce of user-edit events, ms (default 800). */
  debounceMs?: number;
}

export interface GatewaySession {
  readonly excel: typeof Excel;
  readonly features: ExcelFeatures;
  /** The document's settings (Office common API, every Excel that runs add-ins); null where absent. */
  readonly settings: Office.Settings | null;
  readonly payloadLimit: number;
  readonly debounceMs: number;
  /** context.sync() calls so far. */
  syncs: number;
  /** Writes under way: change events they cause are not the user's. */
  writing: number;
  /** The sheet names as last seen (from the settings or a read); null until known. */
  names: string[] | null;
  /** The last read, which the next write checks against; null after a write. */
  state: ReadState | null;
  /** A backup sheet from this or an earlier session: "Hoàn tác" has something to restore. */
  revertable: boolean;
  /** The host failed a first read that walked the sheets (read.ts): this session reaches the active sheet instead. */
  walkRefused: boolean;
  /**
   * Each sheet's used range as this session last read it, and the columns (absolute) where it found or
   * put a data validation: from ExcelApi 1.8 the next read looks at each column's validation and at the
   * cells of those columns in its own sync (sheetRules.ts).
   */
  shapes: { [sheet: string]: SheetShape };
}

/** A sheet's used range as last read (0-based), and its columns with a data validation. */
export interface SheetShape {
  top: number;
  left: number;
  rows: number;
  cols: number;
  dvCols: number[];
}

function defaultGlobals(): object {
  if (typeof window !== 'undefined') return window;
  if (typeof self !== 'undefined') return self;
  if (typeof globalThis !== 'undefined') return globalThis;
  return {};
}

export function createSession(options?: ExcelHostOptions): GatewaySession {
  const opts = options || {};
  const g = (opts.globals || defaultGlobals()) as OfficeGlobals;
  const office = g.Office;
  const excel = g.Excel;
  if (!excel || !office) throw hostError('host-unavailable');
  const doc = office.context && office.context.document;
  return {
    excel: excel,
    features: detectFeatures(office),
    settings: doc && doc.settings ? doc.settings : null,
    payloadLimit: opts.payloadLimit || DEFAULT_PAYLOAD_LIMIT,
    debounceMs: opts.debounceMs === undefined ? 800 : opts.debounceMs,
    syncs: 0,
    writing: 0,
    names: null,
    state: null,
    revertable: false,
    walkRefused: false,
    shapes: {},
  };
}

/** One Excel.run: waits while the user edits a cell, and from 1.20 makes every sync of it one undo step. */
export function run<T>(session: GatewaySession, batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
  const options: Excel.RunOptions = { delayForCellEdit: true };
  if (session.features.mergeUndoGroup) options.mergeUndoGroup = true;
  return session.excel.run(options, batch);
}

export function sync(session: GatewaySession, context: Excel.RequestContext): Promise<void> {
  countSync(session);
  return context.sync();
}

/** For a context.sync() written out where it is awaited (so the lint rules can follow the loads). */
export function countSync(session: GatewaySession): void {
  session.syncs++;
}

export function contains(list: string[], name: string): boolean {
  return indexOf(list, name) >= 0;
}

export function indexOf(list: string[], name: string): number {
  for (let i = 0; i < list.length; i++) if (list[i] === name) return i;
  return -1;
}

export function sameList(a: string[], b: string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
