import { langFromLocale } from '../../core/messages/paneText';
import { Lang } from '../../core/number/format';

/**
 * Which host the pane runs on. taskpane.html loads office.js itself (asynchronously; the ES5
 * bootstrap records 'loaded' or 'failed' and starts this bundle once it has settled or timed out);
 * standalone.html never loads it. Excel only when Office.onReady reports Excel in time; anything
 * else — no office.js (closed network), a plain browser tab, another Office app — is browser mode.
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
