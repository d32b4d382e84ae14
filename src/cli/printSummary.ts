import { WorkbookAnalysis } from '../core/analyse';
import { flagMessage, severityLabel, SUMMARY_WORDS as HEAD } from '../core/messages';
import { formatPercentHundredths, formatPoints, Lang, percentHundredths, Points } from '../core/number';

/** The human-readable result of `cchc score`: one table per appendix, then the flags. */

const NAME_WIDTH = 52;

function pad(text: string, width: number, right?: boolean): string {
  const t = text.length > width ? text.substring(0, width - 1) + '…' : text;
  const fill = new Array(Math.max(0, width - t.length) + 1).join(' ');
  return right ? fill + t : t + fill;
}

function pctText(self: Points, max: Points, lang: Lang): string {
  const h = percentHundredths(self, max);
  return h === null ? '' : formatPercentHundredths(h, lang) + '%';
}

export function formatSummary(analysis: WorkbookAnalysis, lang: Lang): string {
  const h = HEAD[lang];
  const out: string[] = [];
  const showAppraised = analysis.total.appraised !== null;
  const line = function (code: string, name: string, max: Points, self: Points, appraised: Points | null, note?: string): string {
    let s = pad(code, 5) + pad(name, NAME_WIDTH) + pad(formatPoints(max, lang), 8, true) + pad(formatPoints(self, lang), 9, true) + pad(pctText(self, max, lang), 9, true);
    if (showAppraised) s += pad(appraised === null ? '' : formatPoints(appraised, lang), 11, true);
    return note ? s + '  ' + note : s;
  };
  for (let i = 0; i < analysis.sheets.length; i++) {
    const sheet = analysis.sheets[i];
    const several = analysis.sheets.some((other) => other !== sheet && other.name === sheet.name);
    out.push(
      sheet.name +
        (several ? ' (' + sheet.tableIndex + ')' : '') +
        (sheet.appendix && analysis.profile ? '  — ' + h.profile.replace('{p}', lang === 'en' && analysis.profile.titleEn ? analysis.profile.titleEn : analysis.profile.title) : ''),
    );
    let head = pad(h.code, 5) + pad(h.field, NAME_WIDTH) + pad(h.max, 8, true) + pad(h.self, 9, true) + pad(h.pct, 9, true);
    if (showAppraised) head += pad(h.appraised, 11, true);
    out.push(head);
    for (let f = 0; f < sheet.fields.length; f++) {
      const field = sheet.fields[f];
      // The sheet's own label ("II", "1."), as the official wrote it.
      if (field.max === 0 && field.surveyMax > 0) out.push(pad(field.label || field.code, 5) + pad(field.name, NAME_WIDTH) + pad(formatPoints(field.surveyMax, lang), 8, true) + '  ' + h.survey);
      else out.push(line(field.label || field.code, field.name, field.max, field.self, field.appraised));
    }
    out.push(line('', h.subtotal, sheet.score.selfAssessableMax, sheet.score.self, sheet.score.appraised));
    out.push('');
  }
  if (analysis.sheets.length > 1) {
    out.push(line('', h.total, analysis.total.max, analysis.total.self, analysis.total.appraised));
    out.push('');
  }
  for (let i = 0; i < analysis.skipped.length; i++) {
    if (analysis.skipped[i].reason === 'not-a-scoring-table') out.push(h.skipped.replace('{s}', analysis.skipped[i].name));
  }
  const flags = analysis.flags.filter(function (f) {
    return f.kind !== 'not-a-scoring-table';
  });
  const counts = { error: 0, warning: 0, info: 0 };
  for (let i = 0; i < flags.length; i++) counts[flags[i].severity]++;
  out.push(h.flags + ' (' + h.counts.replace('{e}', String(counts.error)).replace('{w}', String(counts.warning)).replace('{i}', String(counts.info)) + '):');
  if (flags.length === 0) out.push('  ' + h.none);
  for (let i = 0; i < flags.length; i++) {
    const f = flags[i];
    const where = f.cell ? f.sheet + '!' + f.cell : f.sheet;
    out.push('  [' + severityLabel(f.severity, lang) + '] ' + where + '  ' + flagMessage(f, lang));
  }
  return out.join('\n');
}
