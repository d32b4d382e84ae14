import { langFromLocale } from '../../core/messages';
import { Lang } from '../../core/number';

/**
 * Which host the pane runs on. Office opens the pane at the manifest's SourceLocation with a
 * `_host_Info` query (`Excel$Win32$16.01$vi-VN$…`, `Excel|Web|16.00|vi-VN|…` on the web), which
 * office.js also keeps in sessionStorage as `hostInfoValue`: with it the page is inside Office, and
 * it waits for office.js however long it takes (waitForOffice; the pane shows "Đang tải Office…"),
 * never falling back to browser mode. Without it (a browser tab, standalone.html) office.js gets a
 * few seconds (detectOffice) and anything but Excel is browser mode.
 */

export interface OfficeInfo {
  host: 'excel' | 'none';
  /** Office.context.displayLanguage, e.g. "vi-VN". */
  displayLanguage?: string;
}

interface OfficeLike {
  onReady(callback?: (info: { host: unknown; platform: unknown }) => void): Promise<{ host: unknown; platform: unknown }> | void;
  HostType?: { Excel?: unknown };
  context?: { displayLanguage?: string };
}

export interface WindowLike {
  Office?: OfficeLike;
  __cchcOfficeJs?: 'loading' | 'loaded' | 'failed';
  setTimeout(fn: () => void, ms: number): unknown;
}

/** What Office's `_host_Info` says: application, platform, UI locale. */
export interface HostInfo {
  app: string;
  platform: string;
  locale?: string;
}

/** The `_host_Info` of the URL Office opened (else the one office.js stored for this session), or null outside Office. */
export function officeHostInfo(search: string, stored?: string | null): HostInfo | null {
  const m = /[?&]_host_info=([^&#]*)/i.exec(search || '');
  let raw = m ? m[1] : stored || '';
  try {
    raw = decodeURIComponent(raw.replace(/\+/g, ' '));
  } catch {
    // a malformed escape: the text as it is still says "inside Office"
  }
  if (!raw) return null;
  const parts = raw.split(/[$|]/);
  const info: HostInfo = { app: parts[0] || '', platform: parts[1] || '' };
  if (parts[3]) info.locale = parts[3];
  return info;
}

/** office.js's own copy of `_host_Info` for this pane session (absent, or storage refused: null). */
export function storedHostInfo(storage: () => Storage | null | undefined): string | null {
  try {
    const s = storage();
    return s ? s.getItem('hostInfoValue') : null;
  } catch {
    return null;
  }
}

/** Asks a loaded office.js which host this is (Office.onReady); host 'none' for anything but Excel. */
function askOffice(office: OfficeLike, done: (info: OfficeInfo) => void): void {
  const none: OfficeInfo = { host: 'none' };
  try {
    const onInfo = (info: { host: unknown }) => {
      const excel = office.HostType && office.HostType.Excel !== undefined ? office.HostType.Excel : 'Excel';
      if (info && info.host && info.host === excel) {
        const lang = office.context && office.context.displayLanguage;
        done(lang ? { host: 'excel', displayLanguage: lang } : { host: 'excel' });
      } else done(none);
    };
    const p = office.onReady();
    if (p && typeof (p as Promise<unknown>).then === 'function') (p as Promise<{ host: unknown }>).then(onInfo, () => done(none));
    else office.onReady(onInfo);
  } catch {
    done(none);
  }
}

/**
 * Inside Office: waits for office.js with no time limit (it may arrive late on a slow network, or
 * after the user's "Thử lại"), then for Office.onReady. Polls every pollMs.
 */
export function waitForOffice(win: WindowLike, pollMs = 100): Promise<OfficeInfo> {
  return new Promise<OfficeInfo>((resolve) => {
    const poll = () => {
      const office = win.Office;
      if (office && typeof office.onReady === 'function') askOffice(office, resolve);
      else win.setTimeout(poll, pollMs);
    };
    poll();
  });
}

/** Waits for office.js (if it is still loading) and then for Office.onReady, each bounded by timeoutMs. */
export function detectOffice(win: WindowLike, timeoutMs: number): Promise<OfficeInfo> {
  const none: OfficeInfo = { host: 'none' };
  return new Promise<OfficeInfo>((resolve) => {
    let settled = false;
    const done = (info: OfficeInfo) => {
      if (!settled) {
        settled = true;
        resolve(info);
      }
    };
    win.setTimeout(() => done(none), timeoutMs);
    const whenLoaded = (waited: number) => {
      const office = win.Office;
      if (!office || typeof office.onReady !== 'function') {
        if (win.__cchcOfficeJs === 'loading' && waited < timeoutMs) {
          win.setTimeout(() => whenLoaded(waited + 50), 50);
          return;
        }
        done(none);
        return;
      }
      askOffice(office, done);
    };
    whenLoaded(0);
  });
}

/** `?lang=en|vi` wins; then Office's display language in Excel, the browser's language elsewhere. */
export function chooseLang(search: string, office: OfficeInfo, navigatorLanguage: string | undefined): Lang {
  const m = /[?&]lang=(vi|en)\b/i.exec(search || '');
  if (m) return m[1].toLowerCase() as Lang;
  if (office.host === 'excel') return langFromLocale(office.displayLanguage);
  return langFromLocale(navigatorLanguage);
}
