import { WorkbookAnalysis } from '../../core/analyse';
import { Flag, FlagKind, Severity } from '../../core/check/flag';
import { flagMessage } from '../../core/messages/catalogue';
import { flagKindLabel, paneText } from '../../core/messages/paneText';
import { formatPercentHundredths, formatPoints, Lang } from '../../core/number/format';
import { percentHundredths, Points } from '../../core/number/points';
import { reportText } from '../../core/report/reportText';

/**
 * What the pane shows, computed from one analysis as plain data (no React): every figure is
 * already formatted for the language, so the components only lay it out.
 */

export interface ScoreFigure {
  /** "68,13" */
  score: string;
  /** "74" */
  max: string;
  /** "68,13/74" */
  scoreOfMax: string;
  /** "92,07%", or "" when the maximum is 0. */
  percent: string;
  /** 0..1 for a progress bar (capped), null when the maximum is 0. */
  ratio: number | null;
}

export interface FieldView {
  key: string;
  code: string;
  name: string;
  sheet: string;
  address: string;
  figure: ScoreFigure;
  /** "ĐTXHH: 24 điểm, không tự chấm" for survey-only fields. */
  note: string;
}

export interface SheetView {
  name: string;
  fields: FieldView[];
  total: ScoreFigure;
}

export interface FlagItem {
  key: string;
  sheet: string;
  cell: string;
  code: string;
  severity: Severity;
  message: string;
}

export interface FlagGroup {
  kind: FlagKind;
  label: string;
  severity: Severity;
  count: number;
  items: FlagItem[];
}

export interface PaneView {
  sheets: SheetView[];
  /** Sum over every appendix; shown only with more than one. */
  grandTotal: ScoreFigure;
  flagCount: number;
  flagGroups: FlagGroup[];
  report: string;
}

export function scoreFigure(self: Points, max: Points, lang: Lang): ScoreFigure {
  const h = percentHundredths(self, max);
  const score = formatPoints(self, lang);
  const maxText = formatPoints(max, lang);
  return {
    score,
    max: maxText,
    scoreOfMax: score + '/' + maxText,
    percent: h === null ? '' : formatPercentHundredths(h, lang) + '%',
    ratio: h === null ? null : Math.max(0, Math.min(1, h / 10000)),
  };
}

const SEVERITY_ORDER: Severity[] = ['error', 'warning', 'info'];

/** Flags grouped by kind: errors first, then warnings, then notes; groups keep first-seen order within a severity. */
export function groupFlags(flags: Flag[], lang: Lang): FlagGroup[] {
  const byKind: { [kind: string]: FlagGroup } = {};
  const order: FlagGroup[] = [];
  flags.forEach((flag, i) => {
    let group = byKind[flag.kind];
    if (!group) {
      group = { kind: flag.kind, label: flagKindLabel(flag.kind, lang), severity: flag.severity, count: 0, items: [] };
      byKind[flag.kind] = group;
      order.push(group);
    }
    group.count++;
    group.items.push({ key: flag.kind + '|' + flag.sheet + '|' + flag.cell + '|' + i, sheet: flag.sheet, cell: flag.cell, code: flag.code, severity: flag.severity, message: flagMessage(flag, lang) });
  });
  return order
    .map((g, i) => ({ g, i }))
    .sort((a, b) => SEVERITY_ORDER.indexOf(a.g.severity) - SEVERITY_ORDER.indexOf(b.g.severity) || a.i - b.i)
    .map((x) => x.g);
}

export function buildPaneView(analysis: WorkbookAnalysis, lang: Lang): PaneView {
  const sheets: SheetView[] = analysis.sheets.map((s) => ({
    name: s.name,
    total: scoreFigure(s.score.self, s.score.selfAssessableMax, lang),
    fields: s.fields.map((f) => ({
      key: s.name + '|' + f.code + '|' + f.row,
      code: f.code,
      name: f.name,
      sheet: s.name,
      address: f.address,
      figure: scoreFigure(f.self, f.max, lang),
      note: f.max === 0 && f.surveyMax > 0 ? paneText('surveyNote', lang, { max: formatPoints(f.surveyMax, lang) }) : '',
    })),
  }));
  return {
    sheets,
    grandTotal: scoreFigure(analysis.total.self, analysis.total.max, lang),
    flagCount: analysis.flags.length,
    flagGroups: groupFlags(analysis.flags, lang),
    report: reportText(analysis, lang),
  };
}
