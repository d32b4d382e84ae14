/**
 * "Thử lại" while the pane waits for office.js inside Office. taskpane.html loads office.js itself and
 * records its state in window.__cchcOfficeJs ('loading' | 'loaded' | 'failed'). When it failed, a new
 * script element loads it again (the pane, still waiting in waitForOffice, goes on when it arrives);
 * when it is still on its way, the page is reloaded, as Office itself would.
 */

export interface ScriptWindow {
  Office?: unknown;
  __cchcOfficeJs?: 'loading' | 'loaded' | 'failed';
  location: { reload(): void };
}

export const OFFICE_JS_URL = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';

export function retryOfficeJs(win: ScriptWindow, doc: Document): 'loaded' | 'injected' | 'reloaded' {
  if (win.Office) return 'loaded';
  if (win.__cchcOfficeJs !== 'failed') {
    win.location.reload();
    return 'reloaded';
  }
  const old = doc.querySelector('script[src*="office.js"]') as HTMLScriptElement | null;
  const s = doc.createElement('script');
  s.src = old && old.src ? old.src : OFFICE_JS_URL;
  s.onload = () => {
    win.__cchcOfficeJs = 'loaded';
  };
  s.onerror = () => {
    win.__cchcOfficeJs = 'failed';
  };
  win.__cchcOfficeJs = 'loading';
  if (old && old.parentNode) old.parentNode.removeChild(old);
  (doc.head || doc.body).appendChild(s);
  return 'injected';
}
