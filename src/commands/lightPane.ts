import { LIGHT_PANE_TEXT, hostText, STANDALONE_URL } from '../core/messages/hostMessages';
import { COMMAND_TEXT } from '../core/messages/hostMessages';
import { Lang } from '../core/number/format';
import { createExcelHost } from '../excel/officeGateway';
import { failure, Outcome, recalculateWith } from './recalculate';

/**
 * The task pane for Internet Explorer 11 (Excel 2016/2019), without React: says what works in this
 * Excel, and offers the three actions that do not need the full pane. Plain DOM, ES5.
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

function el(doc: Document, tag: string, text?: string): HTMLElement {
  const e = doc.createElement(tag);
  if (text !== undefined) e.appendChild(doc.createTextNode(text));
  return e;
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
  element.appendChild(el(doc, 'h1', T(LIGHT_PANE_TEXT.title)));
  element.appendChild(el(doc, 'p', T(LIGHT_PANE_TEXT.intro)));
  element.appendChild(el(doc, 'p', T(LIGHT_PANE_TEXT.works)));
  const list = el(doc, 'ul');
  list.appendChild(el(doc, 'li', T(LIGHT_PANE_TEXT.worksRibbon)));
  list.appendChild(el(doc, 'li', T(LIGHT_PANE_TEXT.worksRevert)));
  list.appendChild(el(doc, 'li', T(LIGHT_PANE_TEXT.fullPane, { url: STANDALONE_URL })));
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
      for (let i = 0; i < sheets.length; i++) ul.appendChild(el(doc, 'li', T(LIGHT_PANE_TEXT.sheetLine, { sheet: sheets[i].name, self: sheets[i].self, max: sheets[i].max })));
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
        return recalculateWith(getHost(), lang);
      });
    },
    revert: function () {
      return guard(function () {
        return getHost()
          .revertLastWrite()
          .then(
            function (r) {
              totals.innerHTML = '';
              return { ok: true, message: T(COMMAND_TEXT.reverted, { restored: r.restored }) } as Outcome;
            },
            function (e: unknown) {
              return failure(e, lang);
            },
          );
      });
    },
    clear: function () {
      return guard(function () {
        return getHost()
          .clearHighlights()
          .then(
            function (n) {
              return { ok: true, message: T(COMMAND_TEXT.cleared, { count: n }) } as Outcome;
            },
            function (e: unknown) {
              return failure(e, lang);
            },
          );
      });
    },
  };
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
