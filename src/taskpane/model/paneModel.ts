import { WorkbookAnalysis } from '../../core/analyse';
import { Flag, FlagKind, Severity } from '../../core/check';
import type { CommuneGroup, GroupThresholds } from '../../core/consolidate';
import { flagKindLabel, flagMessage, paneText } from '../../core/messages';
import { formatPercentHundredths, formatPoints, Lang, percentHundredths, Points } from '../../core/number';
import { paneGroupOf, PANE_GROUPS } from './groups';

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
  /** The group its percentage reaches (the consolidation's thresholds: A ≥ 90%, B ≥ 80%, C ≥ 70%, D below); null when the maximum is 0. */
  group: CommuneGroup | null;
  /** The group in words, so colour is never the only cue: "Nhóm A", "Dưới 70%"; "" without a group. */
  groupText: string;
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
  /** Scored by the survey (ĐTXHH), not by the commune: no self-assessable maximum. */
  survey: boolean;
  /** What the score column shows: "14,35/15", or "không tự chấm" for a survey field (never "0/0"). */
  scoreText: string;
}

export interface SheetView {
  /** Unique per table: a sheet may hold several. */
  key: string;
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

/** One criterion whose appraised score differs from the self-score; a button selecting the appraised cell. */
export interface DifferenceItem {
  key: string;
  sheet: string;
  code: string;
  name: string;
  /** The appraised score's cell (the one to select). */
  cell: string;
  self: string;
  appraised: string;
  /** Signed: "-0,5", "+0,25". */
  difference: string;
  /** Points taken away (true) or given (false). */
  lost: boolean;
  /** Shortened for the list; the full texts for the tooltip. */
  evidence: string;
  explanation: string;
  evidenceFull: string;
  explanationFull: string;
}

export interface FieldLossItem {
  key: string;
  sheet: string;
  code: string;
  name: string;
  self: string;
  appraised: string;
  /** Points lost in appraisal (self - appraised over the appraised leaves); negative when points were given. */
  lost: string;
}

/** What the pane shows of the appraisal; null when no sheet has an appraised column. */
export interface AppraisalView {
  /** Appraised total over the appendices that have an appraised column, of their maximum. */
  total: ScoreFigure;
  differences: DifferenceItem[];
  lostByField: FieldLossItem[];
  /** Leaves not yet appraised (every appraised cell empty). */
  notAppraised: number;
}

export interface PaneView {
  /** Appraisal differences and the appraiser's mode; null without an appraised column. */
  appraisal: AppraisalView | null;
  sheets: SheetView[];
  /** Sum over every appendix; shown only with more than one. */
  grandTotal: ScoreFigure;
  flagCount: number;
  flagGroups: FlagGroup[];
  report: string;
}

/** "Nhóm A", "Nhóm B", "Nhóm C", or "Dưới 70%" (the consolidation's words for below the last threshold). */
export function groupText(group: CommuneGroup | null, lang: Lang, groups: GroupThresholds = PANE_GROUPS): string {
  if (group === null) return '';
  if (group === 'D') return paneText('groupBelow', lang, { c: formatPoints(Math.round(groups.c * 1000000), lang) });
  return paneText('groupName', lang, { group });
}

export function scoreFigure(self: Points, max: Points, lang: Lang): ScoreFigure {
  const h = percentHundredths(self, max);
  const score = formatPoints(self, lang);
  const maxText = formatPoints(max, lang);
  const group = h === null ? null : paneGroupOf(self, max);
  return {
    score,
    max: maxText,
    scoreOfMax: score + '/' + maxText,
    percent: h === null ? '' : formatPercentHundredths(h, lang) + '%',
    ratio: h === null ? null : Math.max(0, Math.min(1, h / 10000)),
    group,
    groupText: groupText(group, lang),
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

const SHORT_TEXT = 80;

/** A long evidence or explanation cut at a word for the list ("…"); the full text goes in the tooltip. */
export function shorten(text: string, max = SHORT_TEXT): string {
  const one = text.replace(/\s+/g, ' ').trim();
  if (one.length <= max) return one;
  const cut = one.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return (space > max / 2 ? cut.slice(0, space) : cut) + '…';
}

function signedPoints(units: Points, lang: Lang): string {
  const text = formatPoints(units, lang);
  return units > 0 ? '+' + text : text;
}

export function buildAppraisalView(analysis: WorkbookAnalysis, lang: Lang): AppraisalView | null {
  const total = analysis.total;
  if (total.appraised === null || total.appraisedMax === null) return null;
  let notAppraised = 0;
  for (const s of analysis.sheets) {
    if (s.table.columns.appraised === undefined) continue;
    for (const ns of s.score.nodes) if (ns.leaf && !ns.node.survey && ns.appraised && ns.appraised.empty) notAppraised++;
  }
  // By sheet and table: one sheet may hold Phụ lục 1 and Phụ lục 2.
  const fieldsBySheet: { [table: string]: WorkbookAnalysis['sheets'][number]['fields'] } = {};
  for (const s of analysis.sheets) fieldsBySheet[s.name + '#' + s.tableIndex] = s.fields;
  const seen: { [sheet: string]: number } = {};
  return {
    // Over the sheets that have an appraised column only (Phụ lục 2 may have none).
    total: scoreFigure(total.appraised, total.appraisedMax, lang),
    notAppraised,
    differences: analysis.differences.map((d, i) => ({
      key: d.sheet + '|' + d.code + '|' + d.appraisedCell + '|' + i,
      sheet: d.sheet,
      code: d.code,
      name: d.name,
      cell: d.appraisedCell,
      self: formatPoints(d.self, lang),
      appraised: formatPoints(d.appraised, lang),
      difference: signedPoints(d.difference, lang),
      lost: d.difference < 0,
      evidence: shorten(d.evidence),
      explanation: shorten(d.explanation),
      evidenceFull: d.evidence,
      explanationFull: d.explanation,
    })),
    lostByField: analysis.lostByField.map((f) => {
      // lostByField follows each table's fields in order.
      const table = f.sheet + '#' + f.tableIndex;
      const k = (seen[table] = (seen[table] === undefined ? -1 : seen[table]) + 1);
      const field = (fieldsBySheet[table] || [])[k];
      return {
        key: table + '|' + f.code + '|' + k,
        sheet: f.sheet,
        code: f.code,
        name: f.name,
        self: field ? formatPoints(field.self, lang) : '',
        appraised: field && field.appraised !== null ? formatPoints(field.appraised, lang) : '',
        lost: formatPoints(f.lost, lang),
      };
    }),
  };
}

/**
 * `sectionTwo` writes the report's section II ("Kết quả tự đánh giá…"); it comes with the report chunk,
 * off the pane's first load, and until then the view's report is empty.
 */
export function buildPaneView(analysis: WorkbookAnalysis, lang: Lang, sectionTwo?: (analysis: WorkbookAnalysis, lang: Lang) => string): PaneView {
  const several: { [sheet: string]: number } = {};
  for (const s of analysis.sheets) several[s.name] = (several[s.name] || 0) + 1;
  const sheets: SheetView[] = analysis.sheets.map((s) => ({
    key: s.name + '#' + s.tableIndex,
    name: several[s.name] > 1 ? paneText('readingTableIndex', lang, { sheet: s.name, index: s.tableIndex }) : s.name,
    total: scoreFigure(s.score.self, s.score.selfAssessableMax, lang),
    fields: s.fields.map((f) => {
      const survey = f.max === 0 && f.surveyMax > 0;
      const figure = scoreFigure(f.self, f.max, lang);
      return {
        key: s.name + '#' + s.tableIndex + '|' + f.code + '|' + f.row,
        code: f.code,
        name: f.name,
        sheet: s.name,
        address: f.address,
        figure,
        note: survey ? paneText('surveyPoints', lang, { max: formatPoints(f.surveyMax, lang) }) : '',
        survey,
        scoreText: survey ? paneText('notSelfScored', lang) : figure.scoreOfMax,
      };
    }),
  }));
  return {
    appraisal: buildAppraisalView(analysis, lang),
    sheets,
    grandTotal: scoreFigure(analysis.total.self, analysis.total.max, lang),
    flagCount: analysis.flags.length,
    flagGroups: groupFlags(analysis.flags, lang),
    report: sectionTwo ? sectionTwo(analysis, lang) : '',
  };
}
