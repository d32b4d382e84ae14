/// <reference types="office-js" />
import { COLUMN_ROLES } from '../core/recognise';
import type { ColumnChoices } from '../core/recognise';
import { hostError } from './officeErrors';
import { GatewaySession, indexOf, sameList } from './session';

/**
 * What the gateway keeps in the document's settings (Office common API, Excel 2016 included; they travel
 * with the file): the sheet names, the fills highlights painted over below 1.6, the user's choice of
 * columns. Office.js cannot list sheets and read them in one batch, so the names kept here let a
 * recalculation read in one sync. ES5.
 */

/** Document setting holding the workbook's sheet names as last seen. */
export const NAMES_SETTING = 'cchc.sheetNames';

/**
 * Below 1.6 highlights are plain fills, and below 1.9 a cell's fill cannot be read with the rest of the
 * sheet. The write batch therefore loads each highlighted cell's fill just before painting it (no extra
 * sync) and keeps it here, in the document's settings, so revert and clear put the user's fill back.
 */
export const PREVIOUS_FILLS_SETTING = 'cchc.previousFills';

/**
 * Document setting holding the user's choice of columns ("Cách đọc bảng"): the ColumnChoices object as
 * it is (the same shape as the command line's --columns file), so the ribbon command and the next
 * session read the table as the user chose. Settings work from ExcelApi 1.1 and travel with the file.
 */
export const COLUMN_CHOICES_SETTING = 'cchc.columnChoices';

/** Highest column Excel has (XFD), 0-based. */
const LAST_COLUMN = 16383;

type Fills = { [key: string]: string | null };

function isArray(x: unknown): x is unknown[] {
  return Object.prototype.toString.call(x) === '[object Array]';
}

function messageOf(e: unknown): string {
  return e && (e as Error).message ? (e as Error).message : String(e);
}

/** Fire and forget: a failed save only costs what the setting saves (one sync, or a fill) next session. */
function saveQuietly(settings: Office.Settings): void {
  settings.saveAsync(function () {
    return undefined;
  });
}

/**
 * A stored value as ColumnChoices: entries that are not a sheet → {role → column or null} are dropped
 * (a hand-edited or future format must not break a read); null when nothing usable is left.
 */
export function columnChoicesFromSetting(value: unknown): ColumnChoices | null {
  if (value === null || value === undefined) return null;
  if (typeof value !== 'object' || isArray(value)) throw new Error('not an object');
  const source = value as { [sheet: string]: unknown };
  const out: ColumnChoices = {};
  let sheets = 0;
  for (const sheet in source) {
    if (!Object.prototype.hasOwnProperty.call(source, sheet)) continue;
    const entry = source[sheet] as { [role: string]: unknown } | null;
    if (!entry || typeof entry !== 'object') continue;
    const choice: { [role: string]: number | null } = {};
    let roles = 0;
    for (const role in entry) {
      if (!Object.prototype.hasOwnProperty.call(entry, role) || indexOf(COLUMN_ROLES, role) < 0) continue;
      const col = entry[role];
      if (col === null || (typeof col === 'number' && Math.floor(col) === col && col >= 0 && col <= LAST_COLUMN)) {
        choice[role] = col;
        roles++;
      }
    }
    if (roles) {
      out[sheet] = choice as ColumnChoices[string];
      sheets++;
    }
  }
  return sheets ? out : null;
}

/** Office reports "no fill" as white; both come back as null (no fill), other colours as "#RRGGBB". */
export function normColor(c: unknown): string | null {
  if (typeof c !== 'string' || c === '') return null;
  const up = c.toUpperCase();
  if (up === '#FFFFFF' || up === 'WHITE') return null;
  return up.charAt(0) === '#' ? up : '#' + up;
}

export function savedNames(session: GatewaySession): string[] | null {
  if (!session.settings) return null;
  try {
    const saved: unknown = session.settings.get(NAMES_SETTING);
    return isArray(saved) && saved.length ? (saved as string[]).slice() : null;
  } catch (e) {
    return null;
  }
}

/** Keeps the names in the session, and in the settings when they changed (or were never saved). */
export function rememberNames(session: GatewaySession, list: string[]): void {
  const previous = session.names;
  session.names = list.slice();
  const settings = session.settings;
  if (!settings || (previous && sameList(previous, list) && savedNames(session))) return;
  try {
    settings.set(NAMES_SETTING, session.names);
    saveQuietly(settings); // a failed save only costs one more sync next session
  } catch (e) {
    /* settings unavailable: names are learnt again next session */
  }
}

function savedFills(session: GatewaySession): Fills {
  if (!session.settings) return {};
  try {
    const saved: unknown = session.settings.get(PREVIOUS_FILLS_SETTING);
    return saved && typeof saved === 'object' ? (saved as Fills) : {};
  } catch (e) {
    return {};
  }
}

/** The fill a highlighted cell had before the tool painted it: from the backup, else from settings. */
export function previousFill(session: GatewaySession, recorded: string | null | undefined, sheet: string, address: string): string | null | undefined {
  if (recorded !== undefined) return recorded;
  const saved = savedFills(session);
  const key = sheet + '!' + address;
  return Object.prototype.hasOwnProperty.call(saved, key) ? saved[key] : undefined;
}

/** After a write below 1.6: the fills loaded just before painting, kept so clear and revert put them back. */
export function rememberFills(session: GatewaySession, loaded: Array<{ key: string; fill: Excel.RangeFill }>): void {
  const settings = session.settings;
  if (!settings || !loaded.length) return;
  const saved = savedFills(session);
  for (let i = 0; i < loaded.length; i++) {
    let color: string | null = null;
    try {
      color = normColor(loaded[i].fill.color);
    } catch (e) {
      continue; // not loaded: the batch stopped before it
    }
    // A cell painted again keeps the fill from before the first painting.
    if (!Object.prototype.hasOwnProperty.call(saved, loaded[i].key)) saved[loaded[i].key] = color;
  }
  try {
    settings.set(PREVIOUS_FILLS_SETTING, saved);
    saveQuietly(settings);
  } catch (e) {
    /* settings unavailable: revert clears the fill, as before */
  }
}

export function forgetFills(session: GatewaySession): void {
  const settings = session.settings;
  if (!settings) return;
  try {
    settings.remove(PREVIOUS_FILLS_SETTING);
    saveQuietly(settings);
  } catch (e) {
    /* nothing to forget */
  }
}

/**
 * The stored choice of columns. Another runtime of the add-in (the ribbon's, the pane's) may have saved
 * one since this one loaded its copy of the settings, so they are refreshed from the document first
 * where Office offers it; a failed refresh still reads the copy in memory.
 */
export function readColumnChoices(session: GatewaySession): Promise<ColumnChoices | null> {
  const settings = session.settings;
  if (!settings) return Promise.resolve(null); // nothing can have been kept
  const read = function (): ColumnChoices | null {
    try {
      return columnChoicesFromSetting(settings.get(COLUMN_CHOICES_SETTING));
    } catch (e) {
      throw hostError('unknown', undefined, 'document settings: ' + messageOf(e));
    }
  };
  if (typeof settings.refreshAsync !== 'function') {
    return new Promise<ColumnChoices | null>(function (resolve) {
      resolve(read());
    });
  }
  return new Promise<void>(function (resolve) {
    try {
      settings.refreshAsync(function () {
        resolve(undefined);
      });
    } catch (e) {
      resolve(undefined);
    }
  }).then(read);
}

/** Keeps the choice in the document's settings; resolves once Office has saved them. */
export function saveColumnChoices(session: GatewaySession, choices: ColumnChoices | null): Promise<void> {
  const settings = session.settings;
  return new Promise<void>(function (resolve, reject) {
    if (!settings) return reject(hostError('unknown', undefined, 'document settings unavailable'));
    let empty = true;
    if (choices) for (const k in choices) if (Object.prototype.hasOwnProperty.call(choices, k)) empty = false;
    try {
      if (empty) settings.remove(COLUMN_CHOICES_SETTING);
      else settings.set(COLUMN_CHOICES_SETTING, choices);
      settings.saveAsync(function (result: Office.AsyncResult<void>) {
        // Compared as text: the fake and old hosts report the status as the string, not the enum object.
        if (result && String(result.status) === 'failed') reject(hostError('unknown', undefined, 'document settings: ' + (result.error && result.error.message ? result.error.message : 'not saved')));
        else resolve();
      });
    } catch (e) {
      reject(hostError('unknown', undefined, 'document settings: ' + messageOf(e)));
    }
  });
}
