import './polyfills';
import { langFromLocale } from '../core/messages';
import { Lang } from '../core/number';
import { createExcelHost } from '../excel/officeGateway';
import { showMessageDialog } from './messageDialog';
import { failure, Outcome, recalculateWith } from './recalculate';

/**
 * The ribbon FunctionFile. Plain ES5 (Excel 2016/2019 run it in Internet Explorer 11): the button
 * "Tính lại điểm" recalculates, writes the formulas and the summary sheet, and highlights, with
 * no React and no task pane. The host object (and so its cached sheet names) lives as long as the
 * function file's page.
 */

/* eslint-disable @typescript-eslint/no-explicit-any */
declare const Office: any;

/** Office's display language: Vietnamese unless Office says otherwise (read when the button is pressed). */
function officeLang(): Lang {
  const locale = Office && Office.context ? Office.context.displayLanguage : '';
  return langFromLocale(locale);
}
let host: ReturnType<typeof createExcelHost> | null = null;
/** The last outcome, for the light pane and for tests. */
export let lastOutcome: Outcome | null = null;

function pageUrl(): string {
  return typeof location !== 'undefined' && location.href ? location.href : 'https://localhost:3000/commands.html';
}

function getHost(): ReturnType<typeof createExcelHost> {
  if (!host) host = createExcelHost();
  return host;
}

export function recalculateScores(event: any): Promise<void> {
  let done = false;
  const complete = function (): void {
    if (done) return;
    done = true;
    try {
      if (event && typeof event.completed === 'function') event.completed();
    } catch (e) {
      /* the host has gone: nothing to tell */
    }
  };
  const lang = officeLang();
  let started: Promise<Outcome>;
  try {
    started = recalculateWith(getHost(), lang);
  } catch (e) {
    started = Promise.resolve(failure(e, lang));
  }
  return started.then(
    function (outcome) {
      lastOutcome = outcome;
      // Success shows in the sheet itself (totals, summary sheet); a failure needs words, and so does
      // a stored choice of columns that could not be read (said once per page).
      if (!outcome.ok || outcome.notice) showMessageDialog(Office, pageUrl(), outcome.message, lang);
      complete();
    },
    function (e: unknown) {
      lastOutcome = failure(e, lang);
      showMessageDialog(Office, pageUrl(), lastOutcome.message, lang);
      complete();
    },
  );
}

Office.onReady(function () {
  Office.actions.associate('recalculateScores', recalculateScores);
});
