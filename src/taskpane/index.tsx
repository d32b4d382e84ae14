import './polyfills';
import * as React from 'react';
import { createRoot } from 'react-dom/client';
import { FluentProvider, Spinner, webLightTheme } from '@fluentui/react-components';
import { describeError } from '../app/errors';
import { WorkbookHost } from '../core/host';
import { paneText } from '../core/messages';
import { OfficeLoading } from './components/OfficeLoading/OfficeLoading';
import { ScorePane } from './components/ScorePane/ScorePane';
import { StandaloneControls } from './components/ScorePane/ScorePane.types';
import { chooseLang, detectOffice, officeHostInfo, OfficeInfo, storedHostInfo, waitForOffice, WindowLike } from './host/chooseHost';
import { loadExcelHost } from './host/loadExcelHost';
import { retryOfficeJs, ScriptWindow } from './host/officeScript';

/**
 * Task pane entry. Inside Office (the URL Office opened carries `_host_Info`) the pane waits for
 * office.js however long it takes, showing "Đang tải Office…", and then works on the open workbook
 * through the Office.js gateway; it never runs browser mode there. Outside Office (a browser tab,
 * standalone.html) it is the standalone page on an in-memory workbook, and only then is ExcelJS
 * loaded (its own chunk).
 *
 * bootstrap.js (taskpane.html) watches this bundle: `__cchcPane` is 'started' once every module
 * of it has run, 'ready' once the pane has rendered; until then a script error sends the user to
 * the light pane with a message (bootstrap's `__cchcFallBack`) instead of leaving a blank pane.
 */

interface PaneWindow extends WindowLike {
  location: ScriptWindow['location'];
  __cchcPane?: 'started' | 'ready' | 'failed';
  __cchcFallBack?: (reason: unknown) => void;
  __cchcUnmount?: () => void;
}

const win = window as unknown as PaneWindow;
if (win.__cchcPane !== 'failed') win.__cchcPane = 'started';

const OFFICE_TIMEOUT_MS = 5000;

function render(root: ReturnType<typeof createRoot>, node: React.ReactNode): void {
  if (win.__cchcPane === 'failed') return; // bootstrap.js has put the light pane here
  root.render(<FluentProvider theme={webLightTheme}>{node}</FluentProvider>);
}

/** Mounted with the working pane: once it has committed, script errors are the pane's own business. */
function Ready(): null {
  React.useEffect(() => {
    if (win.__cchcPane !== 'failed') win.__cchcPane = 'ready';
  }, []);
  return null;
}

async function boot(): Promise<void> {
  const container = document.getElementById('container') || document.body.appendChild(document.createElement('div'));
  const root = createRoot(container);
  win.__cchcUnmount = () => root.unmount();
  const standalonePage = document.body.getAttribute('data-mode') === 'standalone';
  const hostInfo = standalonePage
    ? null
    : officeHostInfo(
        location.search,
        storedHostInfo(() => window.sessionStorage),
      );

  let office: OfficeInfo;
  if (hostInfo) {
    // Inside Office: wait for office.js, however late; Office's UI language speaks until then.
    const waitLang = chooseLang(location.search, { host: 'excel', displayLanguage: hostInfo.locale }, navigator.language);
    const standaloneUrl = location.href.replace(/[?#].*$/, '').replace(/[^/]*$/, '') + 'standalone.html';
    render(root, <OfficeLoading lang={waitLang} officeJsState={() => win.__cchcOfficeJs} onRetry={() => retryOfficeJs(win, document)} standaloneUrl={standaloneUrl} />);
    office = await waitForOffice(win);
    if (office.host !== 'excel') {
      const lang = chooseLang(location.search, office, hostInfo.locale || navigator.language);
      render(root, <p role="alert">{paneText('officeNotExcel', lang)}</p>);
      return;
    }
  } else {
    const early = chooseLang(location.search, { host: 'none' }, navigator.language);
    render(root, <Spinner style={{ marginTop: 48 }} label={paneText('working', early)} />);
    // Outside Office bootstrap.js starts this bundle once office.js has loaded or failed, or after giving up on it.
    office = standalonePage || win.__cchcOfficeJs === 'loading' ? { host: 'none' } : await detectOffice(win, OFFICE_TIMEOUT_MS);
  }
  const lang = chooseLang(location.search, office, navigator.language);
  document.documentElement.lang = lang;
  document.title = paneText('appTitle', lang);

  let host: WorkbookHost;
  let standalone: StandaloneControls | undefined;
  try {
    if (office.host === 'excel') {
      host = await loadExcelHost();
    } else {
      const browser = await import(/* webpackChunkName: "browser-host" */ '../xlsx/browserHost');
      const bh = await browser.createBrowserHost(undefined, lang);
      host = bh;
      standalone = bh;
    }
  } catch (error) {
    // In the catalogue's words; the library's own text only under "Chi tiết kỹ thuật", collapsed.
    const message = describeError(error, lang);
    render(
      root,
      <div role="alert" style={{ padding: 12 }}>
        <p>{paneText('errorTitle', lang) + ': ' + message.text}</p>
        {message.detail ? (
          <details>
            <summary>{paneText('technicalDetails', lang)}</summary>
            <code lang="en">{message.detail}</code>
          </details>
        ) : null}
      </div>,
    );
    return;
  }
  document.body.setAttribute('data-host', host.kind);
  render(
    root,
    <>
      <ScorePane host={host} lang={lang} standalone={standalone} />
      <Ready />
    </>,
  );
}

boot().catch((error) => {
  // Something the pane could not show itself (before it rendered): the light pane, with a message.
  if (win.__cchcPane !== 'ready' && typeof win.__cchcFallBack === 'function') win.__cchcFallBack(error);
  else throw error;
});
