import * as React from 'react';
import { createRoot } from 'react-dom/client';
import { FluentProvider, Spinner, webLightTheme } from '@fluentui/react-components';
import { WorkbookHost } from '../core/host';
import { paneText } from '../core/messages/paneText';
import { ScorePane } from './components/ScorePane/ScorePane';
import { StandaloneControls } from './components/ScorePane/ScorePane.types';
import { chooseLang, detectOffice, OfficeInfo, WindowLike } from './host/chooseHost';
import { loadExcelHost } from './host/loadExcelHost';

/**
 * Task pane entry. In Excel (Office.onReady says Excel) the pane works on the open workbook
 * through the Office.js gateway; anywhere else it is the standalone page on an in-memory
 * workbook, and only then is ExcelJS loaded (its own chunk).
 */

const OFFICE_TIMEOUT_MS = 5000;

function render(root: ReturnType<typeof createRoot>, node: React.ReactNode): void {
  root.render(<FluentProvider theme={webLightTheme}>{node}</FluentProvider>);
}

async function boot(): Promise<void> {
  const container = document.getElementById('container') || document.body.appendChild(document.createElement('div'));
  const root = createRoot(container);
  const standalonePage = document.body.getAttribute('data-mode') === 'standalone';
  const early = chooseLang(location.search, { host: 'none' }, navigator.language);
  render(root, <Spinner style={{ marginTop: 48 }} label={paneText('working', early)} />);

  const win = window as unknown as WindowLike;
  // bootstrap.js starts this bundle once office.js has loaded or failed, or after giving up on it.
  const office: OfficeInfo = standalonePage || win.__cchcOfficeJs === 'loading' ? { host: 'none' } : await detectOffice(win, OFFICE_TIMEOUT_MS);
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
    const message = error instanceof Error ? error.message : String(error);
    render(root, <p role="alert">{paneText('errorTitle', lang) + ': ' + message}</p>);
    return;
  }
  document.body.setAttribute('data-host', host.kind);
  render(root, <ScorePane host={host} lang={lang} standalone={standalone} />);
}

void boot();
