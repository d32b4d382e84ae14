import { analyseWorkbook } from '../core/analyse';
import { HostError, isHostError, WorkbookHost } from '../core/host';
import { COMMAND_TEXT, hostErrorText, hostText } from '../core/messages/hostMessages';
import { formatPercentHundredths, formatPoints, Lang } from '../core/number/format';
import { percentHundredths } from '../core/number/points';
import { WritePlan } from '../core/plan/types';

/** What the ribbon command and the light pane show after a run. */
export interface Outcome {
  ok: boolean;
  message: string;
  total?: { self: string; max: string; percent: string };
  sheets?: Array<{ name: string; self: string; max: string; percent: string }>;
  error?: HostError;
}

export function failure(e: unknown, lang: Lang): Outcome {
  const err: HostError = isHostError(e) ? e : { code: 'unknown', detail: e && (e as Error).message ? String((e as Error).message) : String(e) };
  let message = hostErrorText(err.code, lang, err.sheet);
  if (err.detail && err.code === 'unknown') message += ' ' + hostText(COMMAND_TEXT.details, lang, { detail: err.detail });
  return { ok: false, message: message, error: err };
}

/** Read → analyse → write (highlights on): one read sync and one write sync on the gateway. */
export function recalculateWith(host: WorkbookHost, lang: Lang): Promise<Outcome> {
  return host
    .readWorkbook()
    .then(function (grid) {
      const analysis = analyseWorkbook(grid, { lang: lang });
      if (analysis.sheets.length === 0) return { ok: false, message: hostText(COMMAND_TEXT.noTable, lang) } as Outcome;
      const hundredths = percentHundredths(analysis.total.self, analysis.total.max);
      const total = {
        self: formatPoints(analysis.total.self, lang),
        max: formatPoints(analysis.total.max, lang),
        percent: hundredths === null ? '' : formatPercentHundredths(hundredths, lang),
      };
      const plan: WritePlan = analysis.plan;
      const status = hostText(COMMAND_TEXT.recalculated, lang, {
        self: total.self,
        max: total.max,
        percent: total.percent,
        written: plan.writes.length,
        highlighted: plan.highlights.length,
      });
      // The outcome line is the summary sheet's last row: no extra sync, no dialog.
      const withStatus: WritePlan = { writes: plan.writes, highlights: plan.highlights, summary: { name: plan.summary.name, rows: plan.summary.rows.concat([[], [{ kind: 'text', text: status }]]), columnWidths: plan.summary.columnWidths } };
      const sheets: Array<{ name: string; self: string; max: string; percent: string }> = [];
      for (let i = 0; i < analysis.sheets.length; i++) {
        const s = analysis.sheets[i];
        const sheetHundredths = percentHundredths(s.score.self, s.score.selfAssessableMax);
        sheets.push({ name: s.name, self: formatPoints(s.score.self, lang), max: formatPoints(s.score.selfAssessableMax, lang), percent: sheetHundredths === null ? '' : formatPercentHundredths(sheetHundredths, lang) });
      }
      return host.applyPlan(withStatus, { highlights: true }).then(function () {
        return { ok: true, message: status, total: total, sheets: sheets } as Outcome;
      });
    })
    .then(undefined, function (e: unknown) {
      return failure(e, lang);
    });
}
