import { analyseWorkbook } from '../core/analyse';
import { HostError, isHostError, WorkbookHost } from '../core/host';
import { COMMAND_TEXT, hostErrorText, hostText } from '../core/messages/hostMessages';
import { formatPercentHundredths, formatPoints, Lang } from '../core/number/format';
import { percentHundredths } from '../core/number/points';
import { planWorkbook } from '../core/plan/planWorkbook';
import { WritePlan } from '../core/plan/types';
import type { ColumnChoices } from '../core/recognise/reading';
import { paneText } from '../core/messages/paneText';

/** What the ribbon command and the light pane show after a run. */
export interface Outcome {
  ok: boolean;
  message: string;
  total?: { self: string; max: string; percent: string };
  sheets?: Array<{ name: string; self: string; max: string; percent: string }>;
  error?: HostError;
  /** Said once per page: the stored choice of columns could not be read (already part of `message`). */
  notice?: string;
}

/** What a page of the add-in (the ribbon's function file, the light pane) remembers between runs. */
export interface CommandSession {
  /** The user has been told that the stored choice of columns could not be read. */
  choicesWarned: boolean;
}

const pageSession: CommandSession = { choicesWarned: false };

/**
 * The choice of columns the user made in the pane ("Cách đọc bảng"), kept in the workbook. One that
 * cannot be read must not stop a recalculation: the tables are then read automatically, and the user
 * is told once per page.
 */
function storedChoices(host: WorkbookHost, lang: Lang, session: CommandSession): Promise<{ columns: ColumnChoices | null; notice?: string }> {
  let reading: Promise<ColumnChoices | null>;
  try {
    reading = typeof host.readColumnChoices === 'function' ? host.readColumnChoices() : Promise.resolve(null);
  } catch (e) {
    reading = Promise.reject(e);
  }
  return reading.then(
    function (columns) {
      return { columns: columns };
    },
    function () {
      if (session.choicesWarned) return { columns: null };
      session.choicesWarned = true;
      return { columns: null, notice: paneText('commandChoicesUnreadable', lang) };
    },
  );
}

export function failure(e: unknown, lang: Lang): Outcome {
  const err: HostError = isHostError(e) ? e : { code: 'unknown', detail: e && (e as Error).message ? String((e as Error).message) : String(e) };
  let message = hostErrorText(err.code, lang, err.sheet);
  if (err.detail && err.code === 'unknown') message += ' ' + hostText(COMMAND_TEXT.details, lang, { detail: err.detail });
  return { ok: false, message: message, error: err };
}

/**
 * Read → analyse → write (highlights on): one read sync and one write sync on the gateway, the tables
 * read with the user's stored choice of columns (document settings: no sync).
 */
export function recalculateWith(host: WorkbookHost, lang: Lang, session?: CommandSession): Promise<Outcome> {
  let stored: { columns: ColumnChoices | null; notice?: string } = { columns: null };
  return storedChoices(host, lang, session || pageSession)
    .then(function (s) {
      stored = s;
      return host.readWorkbook();
    })
    .then(function (grid) {
      const analysis = analyseWorkbook(grid, stored.columns ? { columns: stored.columns } : {});
      if (analysis.sheets.length === 0) return { ok: false, message: hostText(COMMAND_TEXT.noTable, lang) + (stored.notice ? ' ' + stored.notice : '') } as Outcome;
      const hundredths = percentHundredths(analysis.total.self, analysis.total.max);
      const total = {
        self: formatPoints(analysis.total.self, lang),
        max: formatPoints(analysis.total.max, lang),
        percent: hundredths === null ? '' : formatPercentHundredths(hundredths, lang),
      };
      const plan: WritePlan = planWorkbook(analysis, grid, lang);
      let status = hostText(COMMAND_TEXT.recalculated, lang, {
        self: total.self,
        max: total.max,
        percent: total.percent,
        written: plan.writes.length,
        highlighted: plan.highlights.length,
      });
      if (stored.notice) status += ' ' + stored.notice;
      // The outcome line is the summary sheet's last row: no extra sync, no dialog.
      const withStatus: WritePlan = { writes: plan.writes, highlights: plan.highlights, summary: { name: plan.summary.name, rows: plan.summary.rows.concat([[], [{ kind: 'text', text: status }]]), columnWidths: plan.summary.columnWidths } };
      const sheets: Array<{ name: string; self: string; max: string; percent: string }> = [];
      for (let i = 0; i < analysis.sheets.length; i++) {
        const s = analysis.sheets[i];
        const sheetHundredths = percentHundredths(s.score.self, s.score.selfAssessableMax);
        sheets.push({ name: s.name, self: formatPoints(s.score.self, lang), max: formatPoints(s.score.selfAssessableMax, lang), percent: sheetHundredths === null ? '' : formatPercentHundredths(sheetHundredths, lang) });
      }
      return host.applyPlan(withStatus, { highlights: true }).then(function () {
        const outcome: Outcome = { ok: true, message: status, total: total, sheets: sheets };
        if (stored.notice) outcome.notice = stored.notice;
        return outcome;
      });
    })
    .then(undefined, function (e: unknown) {
      return failure(e, lang);
    });
}
