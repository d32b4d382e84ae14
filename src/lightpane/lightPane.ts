import { clearOutcome, failure, Outcome, recalculateOutcome, revertOutcome } from '../app/outcome';
import { LIGHT_PANE_TEXT, hostText, STANDALONE_URL } from '../core/messages';
import { Lang } from '../core/number';
import { createExcelHost } from '../excel/officeGateway';

/**
 * The task pane for Internet Explorer 11 (Excel 2016/2019), without React: says what works in this
 * Excel, and offers the three actions that do not need the full pane. Plain DOM, ES5. Each button
 * runs the use case every other button runs (src/app): a recalculation here writes the same cells as
 * the full pane's with highlights on (there is no switch here); unlike the ribbon it writes no status
 * row, since this page shows the outcome itself.
 */

/* eslint-disable @typescript-eslint/no-explicit-any */
export interface LightPaneOptions {
  lang?: Lang;
  /** Object holding `Excel` and `Office` (tests); defaults to the global object. */
  globals?: any;
}

export interface LightPane {
  recalc(): Promise<Outcome>;
  revert(): Promise<Outcome>;
  clear(): Promise<Outcome>;
}

// Plain CSS that IE11 understands: readable type, spaced buttons, visible keyboard focus.
const LIGHT_PANE_CSS =
  '.cchc-light{margin:16px;font-family:"Segoe UI",Arial,sans-serif;font-size:14px;line-height:1.45;color:#242424}' +
  '.cchc-light h1{font-size:20px;font-weight:600;margin:0 0 12px}' +
  '.cchc-light .actions button{font:inherit;margin:0 8px 8px 0;padding:6px 12px;border:1px solid #8a8886;border-radius:4px;background:#fff;cursor:pointer}' +
  '.cchc-light .actions button:first-child{background:#0f6cbd;border-color:#0f6cbd;color:#fff}' +
  '.cchc-light button:focus{outline:2px solid #000;outline-offset:2px}' +
  '.cchc-light .error{color:#a4262c;font-weight:600}.cchc-light .ok{color:#0e700e}';

function el(doc: Document, tag: string, text?: string): HTMLElement {
  const e = doc.createElement(tag);
  if (text !== undefined) e.appendChild(doc.createTextNode(text));
  return e;
}

/** The browser mode beside this page (wherever the add-in is hosted), else the development address. */
function standaloneUrl(doc: Document): string {
  const href = doc.location && /^https?:/.test(doc.location.href) ? doc.location.href.split('#')[0].split('?')[0] : '';
  return href ? href.substring(0, href.lastIndexOf('/') + 1) + 'standalone.html' : STANDALONE_URL;
}

export function mountLightPane(element: HTMLElement, options?: LightPaneOptions): LightPane {
  const lang: Lang = options && options.lang ? options.lang : 'vi';
  const doc = element.ownerDocument || document;
  let host: ReturnType<typeof createExcelHost> | null = null;
  const getHost = function (): ReturnType<typeof createExcelHost> {
    if (!host) host = createExcelHost(options && options.globals ? { globals: options.globals } : undefined);
    return host;
  };
  const T = function (t: { vi: string; en: string }, params?: { [k: string]: string | number }): string {
    return hostText(t, lang, params);
  };

  while (element.firstChild) element.removeChild(element.firstChild);
  element.className = 'cchc-light';
  const style = el(doc, 'style', LIGHT_PANE_CSS);
  element.appendChild(style);
  element.appendChild(el(doc, 'h1', T(LIGHT_PANE_TEXT.title)));
  element.appendChild(el(doc, 'p', T(LIGHT_PANE_TEXT.intro)));
  element.appendChild(el(doc, 'p', T(LIGHT_PANE_TEXT.works)));
  const list = el(doc, 'ul');
  list.appendChild(el(doc, 'li', T(LIGHT_PANE_TEXT.worksRibbon)));
  list.appendChild(el(doc, 'li', T(LIGHT_PANE_TEXT.worksRevert)));
  list.appendChild(el(doc, 'li', T(LIGHT_PANE_TEXT.fullPane, { url: standaloneUrl(doc) })));
  element.appendChild(list);

  const buttons = el(doc, 'div');
  buttons.className = 'actions';
  const recalcButton = el(doc, 'button', T(LIGHT_PANE_TEXT.recalc)) as HTMLButtonElement;
  const revertButton = el(doc, 'button', T(LIGHT_PANE_TEXT.revert)) as HTMLButtonElement;
  const clearButton = el(doc, 'button', T(LIGHT_PANE_TEXT.clear)) as HTMLButtonElement;
  recalcButton.id = 'light-recalc';
  revertButton.id = 'light-revert';
  clearButton.id = 'light-clear';
  buttons.appendChild(recalcButton);
  buttons.appendChild(revertButton);
  buttons.appendChild(clearButton);
  element.appendChild(buttons);

  const status = el(doc, 'p');
  status.id = 'light-status';
  status.setAttribute('role', 'status');
  element.appendChild(status);
  const totals = el(doc, 'div');
  totals.id = 'light-totals';
  element.appendChild(totals);

  const show = function (outcome: Outcome): Outcome {
    status.innerHTML = '';
    status.appendChild(doc.createTextNode(outcome.message));
    status.className = outcome.ok ? 'ok' : 'error';
    if (outcome.total) {
      totals.innerHTML = '';
      totals.appendChild(el(doc, 'p', T(LIGHT_PANE_TEXT.totals, outcome.total)));
      const ul = el(doc, 'ul');
      const sheets = outcome.sheets || [];
      for (let i = 0; i < sheets.length; i++)
        ul.appendChild(el(doc, 'li', T(LIGHT_PANE_TEXT.sheetLine, { sheet: sheets[i].name, self: sheets[i].self, max: sheets[i].max, percent: sheets[i].percent })));
      totals.appendChild(ul);
    }
    return outcome;
  };
  const busy = function (on: boolean): void {
    recalcButton.disabled = on;
    revertButton.disabled = on;
    clearButton.disabled = on;
    if (on) {
      status.innerHTML = '';
      status.appendChild(doc.createTextNode(T(LIGHT_PANE_TEXT.working)));
    }
  };
  const guard = function (work: () => Promise<Outcome>): Promise<Outcome> {
    busy(true);
    let p: Promise<Outcome>;
    try {
      p = work();
    } catch (e) {
      p = Promise.resolve(failure(e, lang));
    }
    return p.then(
      function (o) {
        busy(false);
        return show(o);
      },
      function (e: unknown) {
        busy(false);
        return show(failure(e, lang));
      },
    );
  };

  const pane: LightPane = {
    recalc: function () {
      return guard(function () {
        return recalculateOutcome(getHost(), lang);
      });
    },
    revert: function () {
      return guard(function () {
        return revertOutcome(getHost(), lang).then(function (o) {
          // The totals shown were the reverted write's.
          if (o.ok) totals.innerHTML = '';
          return o;
        });
      });
    },
    clear: function () {
      return guard(function () {
        return clearOutcome(getHost(), lang);
      });
    },
  };
  // The sheet names, learnt while the official reads this page: below ExcelApi 1.5 a new document's
  // first read would otherwise take one more sync after the click. Nothing is said if it fails: the
  // buttons say what is wrong when pressed.
  try {
    getHost()
      .learnSheetNames()
      .then(undefined, function () {
        return undefined;
      });
  } catch (e) {
    /* no Office here: the buttons say so */
  }
  recalcButton.onclick = function () {
    pane.recalc();
  };
  revertButton.onclick = function () {
    pane.revert();
  };
  clearButton.onclick = function () {
    pane.clear();
  };
  return pane;
}
