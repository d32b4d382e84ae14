import { HostError, isHostError, WorkbookHost } from '../core/host';
import { COMMAND_TEXT, hostErrorText, hostText } from '../core/messages';
import { formatPercentHundredths, formatPoints, Lang, percentHundredths } from '../core/number';
import { buildSheetRules, WritePlan } from '../core/plan';
import { WorkbookAnalysis } from '../core/result';
import { clearHighlights } from './clearHighlights';
import { recalculate } from './recalculate';
import { revert, RevertResult } from './revert';

/**
 * The use cases as the pages without React show them (the ribbon command, the IE11 light pane): one
 * Outcome per button, its sentence from the catalogue. Never rejects: a failure is an Outcome too.
 * ES5-safe.
 */

export interface Outcome {
  ok: boolean;
  message: string;
  total?: { self: string; max: string; percent: string };
  sheets?: Array<{ name: string; self: string; max: string; percent: string }>;
  error?: HostError;
  /** Said once per page: the stored choice of columns could not be read (already part of `message`). */
  notice?: string;
}

/** What a page (the ribbon's function file, the light pane) remembers between runs. */
export interface CommandSession {
  /** The user has been told that the stored choice of columns could not be read. */
  choicesWarned: boolean;
}

const pageSession: CommandSession = { choicesWarned: false };

export interface PageRecalculateOptions {
  /** The ribbon: the outcome sentence is also the summary sheet's last row (it has no pane to speak through). */
  statusRow?: boolean;
  /** Default: one per page (module). */
  session?: CommandSession;
}

export function failure(e: unknown, lang: Lang): Outcome {
  const err: HostError = isHostError(e) ? e : { code: 'unknown', detail: e && (e as Error).message ? String((e as Error).message) : String(e) };
  let message = hostErrorText(err.code, lang, err.sheet);
  if (err.detail && err.code === 'unknown') message += ' ' + hostText(COMMAND_TEXT.details, lang, { detail: err.detail });
  return { ok: false, message: message, error: err };
}

function percentText(self: number, max: number, lang: Lang): string {
  const hundredths = percentHundredths(self, max);
  return hundredths === null ? '' : formatPercentHundredths(hundredths, lang);
}

function totalsOf(analysis: WorkbookAnalysis, lang: Lang): { self: string; max: string; percent: string } {
  return { self: formatPoints(analysis.total.self, lang), max: formatPoints(analysis.total.max, lang), percent: percentText(analysis.total.self, analysis.total.max, lang) };
}

/** "Đã tính lại: 68,13/74 điểm (92,07%); ghi … ô công thức, tô màu … ô." from the plan about to be written. */
export function recalculatedSentence(analysis: WorkbookAnalysis, plan: WritePlan, highlights: boolean, lang: Lang): string {
  const total = totalsOf(analysis, lang);
  return hostText(COMMAND_TEXT.recalculated, lang, { self: total.self, max: total.max, percent: total.percent, written: plan.writes.length, highlighted: highlights ? plan.highlights.length : 0 });
}

/** Runs a use case; a throw or a rejection becomes the same one-line failure as any other. */
function settle<T>(start: () => Promise<T>, done: (value: T) => Outcome, lang: Lang): Promise<Outcome> {
  let p: Promise<T>;
  try {
    p = start();
  } catch (e) {
    p = Promise.reject(e);
  }
  return p.then(done, function (e: unknown) {
    return failure(e, lang);
  });
}

/**
 * "Tính lại điểm" from a page without React: the shared recalculation (highlights on: these pages have
 * no switch), its figures in words.
 */
export function recalculateOutcome(host: WorkbookHost, lang: Lang, options?: PageRecalculateOptions): Promise<Outcome> {
  const session = (options && options.session) || pageSession;
  let asked = false;
  let notice: string | undefined;
  // The warning about an unreadable stored choice: once per page, and in the status row when there is one.
  const noticeFor = function (unreadable: boolean): string | undefined {
    if (!asked) {
      asked = true;
      if (unreadable && !session.choicesWarned) {
        session.choicesWarned = true;
        notice = hostText(COMMAND_TEXT.choicesUnreadable, lang);
      }
    }
    return notice;
  };
  const withNotice = function (sentence: string, unreadable: boolean): string {
    const n = noticeFor(unreadable);
    return n ? sentence + ' ' + n : sentence;
  };
  return settle(
    function () {
      return recalculate(host, {
        lang: lang,
        buildSheetRules: buildSheetRules,
        statusLine:
          options && options.statusRow
            ? function (facts) {
                return withNotice(recalculatedSentence(facts.analysis, facts.plan, facts.highlights, lang), facts.choicesUnreadable);
              }
            : undefined,
      });
    },
    function (r): Outcome {
      if (r.noTable) return { ok: false, message: withNotice(hostText(COMMAND_TEXT.noTable, lang), r.choicesUnreadable) };
      const message = r.status !== null ? r.status : withNotice(recalculatedSentence(r.analysis, r.plan!, true, lang), r.choicesUnreadable);
      const sheets: Array<{ name: string; self: string; max: string; percent: string }> = [];
      for (let i = 0; i < r.analysis.sheets.length; i++) {
        const s = r.analysis.sheets[i];
        sheets.push({ name: s.name, self: formatPoints(s.score.self, lang), max: formatPoints(s.score.selfAssessableMax, lang), percent: percentText(s.score.self, s.score.selfAssessableMax, lang) });
      }
      const outcome: Outcome = { ok: true, message: message, total: totalsOf(r.analysis, lang), sheets: sheets };
      const n = noticeFor(r.choicesUnreadable);
      if (n) outcome.notice = n;
      return outcome;
    },
    lang,
  );
}

/** "Hoàn tác lần ghi gần nhất" from a page without React (no re-read: the page shows no table). */
export function revertOutcome(host: WorkbookHost, lang: Lang): Promise<Outcome> {
  return settle(
    function () {
      return revert(host);
    },
    function (r: RevertResult): Outcome {
      if (r.nothingToRevert) return failure({ code: 'nothing-to-revert' } as HostError, lang);
      return { ok: true, message: hostText(COMMAND_TEXT.reverted, lang, { restored: r.restored }) };
    },
    lang,
  );
}

/** "Xóa đánh dấu" from a page without React. */
export function clearOutcome(host: WorkbookHost, lang: Lang): Promise<Outcome> {
  return settle(
    function () {
      return clearHighlights(host);
    },
    function (count: number): Outcome {
      return { ok: true, message: hostText(COMMAND_TEXT.cleared, lang, { count: count }) };
    },
    lang,
  );
}
