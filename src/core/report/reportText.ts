import type { WorkbookAnalysis, SheetAnalysis } from '../result/types';
import { Flag } from '../check/flag';
import { flagMessage } from '../messages/catalogue';
import { REPORT_WORDS } from '../messages/reportText';
import { CriterionNode } from '../model/types';
import { formatPercentHundredths, formatPoints, Lang } from '../number/format';
import { percentHundredths, Points } from '../number/points';
import { fillTemplate } from '../messages/template';

/**
 * Section II of the self-assessment report (the seed's "II. KẾT QUẢ THỰC HIỆN"), written from
 * the computed figures so every number uses one format, plus the criteria that need an explanation.
 * The sentences are built here once: `reportText` joins them as plain text and
 * selfAssessmentReport.ts places the same sentences in the Word document.
 */

export function say(template: string, values: { [k: string]: string }): string {
  return fillTemplate(template, function (name: string): string | undefined {
    return values[name];
  });
}

function percentText(self: Points, max: Points, lang: Lang): string | null {
  const h = percentHundredths(self, max);
  return h === null ? null : formatPercentHundredths(h, lang);
}

/** Names in sheets often end with the maximum in brackets or a colon; the report states it itself. */
export function cleanName(name: string): string {
  return name
    .replace(/\s*\(\s*[\d.,]+\s*(điểm|đ)?\s*\)\s*$/i, '')
    .replace(/[:;.\s]+$/, '')
    .replace(/\s+/g, ' ');
}

/** Phụ lục 1 (the evidence-scored appendix the report's totals are about), else the first table. */
export function mainSheet(analysis: WorkbookAnalysis): SheetAnalysis | null {
  for (let i = 0; i < analysis.sheets.length; i++) if (analysis.sheets[i].appendix && analysis.sheets[i].appendix!.id === 'phu-luc-1') return analysis.sheets[i];
  return analysis.sheets.length ? analysis.sheets[0] : null;
}

/** One field's line of II.1, split so the document can add the field's shortfall reason before the end mark. */
export interface FieldLine {
  code: string;
  /** The field's name as the line states it ("Công tác chỉ đạo điều hành"). */
  name: string;
  /** Its percentage of the maximum in hundredths (9567 for 95,67%), null when the maximum is 0; and as written ("95,67"). */
  percentHundredths: number | null;
  percent: string | null;
  /** "- Công tác chỉ đạo điều hành: 14,35 điểm/15 điểm, đạt 95,67%" */
  body: string;
  /** ";" between fields, "." after the last. */
  end: string;
  /** The field scored less than its self-assessable maximum. */
  belowMax: boolean;
}

/** Section II, parts 1 and 2, as sentences. */
export interface SectionTwo {
  heading1: string;
  totalLine: string;
  fieldLines: FieldLine[];
  /** Part 2, from the other tables (Phụ lục 2); null when the workbook has only one. */
  impact: { heading: string; intro: string; lines: string[] } | null;
}

export function sectionTwo(analysis: WorkbookAnalysis, lang: Lang): SectionTwo | null {
  const w = REPORT_WORDS[lang];
  const main = mainSheet(analysis);
  if (!main) return null;
  const p = function (u: Points): string {
    return formatPoints(u, lang);
  };
  const totalPct = percentText(main.score.self, main.score.selfAssessableMax, lang);
  const totalLine = say(w.total, { self: p(main.score.self), max: p(main.score.selfAssessableMax), pct: totalPct === null ? '-' : totalPct });
  const selfFields = main.fields.filter(function (f) {
    return f.max > 0;
  });
  const fieldLines: FieldLine[] = [];
  for (let i = 0; i < selfFields.length; i++) {
    const f = selfFields[i];
    const hundredths = percentHundredths(f.self, f.max);
    const pct = hundredths === null ? null : formatPercentHundredths(hundredths, lang);
    const name = cleanName(f.name);
    const body = say(pct === null ? w.fieldLineNoPct : w.fieldLine, { name: name, self: p(f.self), max: p(f.max), pct: pct || '' });
    fieldLines.push({ code: f.code, name: name, percentHundredths: hundredths, percent: pct, body: body, end: i === selfFields.length - 1 ? '.' : ';', belowMax: f.self < f.max });
  }
  const others = analysis.sheets.filter(function (s) {
    return s !== main;
  });
  let impact: SectionTwo['impact'] = null;
  if (others.length) {
    const lines: string[] = [];
    for (let s = 0; s < others.length; s++) {
      const nodes = others[s].score.nodes;
      for (let i = 0; i < nodes.length; i++) {
        const ns = nodes[i];
        if (!ns.leaf || ns.node.survey) continue;
        lines.push(say(w.impactLine, { name: cleanName(ns.node.cells.name), self: p(ns.self.units), max: p(ns.max) }));
      }
    }
    impact = { heading: w.heading2, intro: w.impactIntro, lines: lines };
  }
  return { heading1: w.heading1, totalLine: totalLine, fieldLines: fieldLines, impact: impact };
}

/** Flag kinds that put a criterion on the list to explain (the out-of-period kind is matched by name). */
const EXPLAIN_KINDS: { [kind: string]: boolean } = { 'missing-evidence': true, 'evidence-out-of-period': true };

/** A criterion the district will ask about: scored without evidence, or with evidence dated outside the year. */
export interface ExplanationItem {
  kind: 'missing-evidence' | 'evidence-out-of-period';
  sheet: string;
  /** The cell the flag points at (the evidence cell). */
  cell: string;
  code: string;
  name: string;
  /** The self-score of the criterion. */
  self: Points;
  flag: Flag;
}

function nodeOfFlag(sheet: SheetAnalysis, flag: Flag): CriterionNode | null {
  let byCode: CriterionNode | null = null;
  const nodes = sheet.table.nodes;
  for (let n = 0; n < nodes.length; n++) {
    if (nodes[n].cells.row === flag.row) return nodes[n];
    if (nodes[n].code === flag.code) byCode = nodes[n];
  }
  return byCode;
}

export function explanationItems(analysis: WorkbookAnalysis): ExplanationItem[] {
  const items: ExplanationItem[] = [];
  for (let s = 0; s < analysis.sheets.length; s++) {
    const sheet = analysis.sheets[s];
    for (let i = 0; i < sheet.flags.length; i++) {
      const f = sheet.flags[i];
      if (!EXPLAIN_KINDS[f.kind]) continue;
      const node = nodeOfFlag(sheet, f);
      const typed = f.params.score;
      const self = typeof typed === 'number' ? typed : node ? sheet.score.byNode(node).self.units : 0;
      items.push({
        kind: f.kind === 'missing-evidence' ? 'missing-evidence' : 'evidence-out-of-period',
        sheet: sheet.name,
        cell: f.cell,
        code: f.code,
        name: node ? cleanName(node.cells.name) : '',
        self: self,
        flag: f,
      });
    }
  }
  return items;
}

/** Why the criterion is listed: for evidence out of period, the check's own sentence with the dates it read. */
export function explanationReason(item: ExplanationItem, lang: Lang): string {
  const w = REPORT_WORDS[lang];
  if (item.kind === 'missing-evidence') return w.reasonMissing;
  return item.flag.kind === 'evidence-out-of-period' ? flagMessage(item.flag, lang) : w.reasonOutOfPeriod;
}

export function reportText(analysis: WorkbookAnalysis, lang: Lang): string {
  const w = REPORT_WORDS[lang];
  const two = sectionTwo(analysis, lang);
  if (!two) return w.noTable;
  const lines: string[] = [];
  lines.push(two.heading1);
  lines.push(two.totalLine);
  for (let i = 0; i < two.fieldLines.length; i++) lines.push(two.fieldLines[i].body + two.fieldLines[i].end);
  if (two.impact) {
    lines.push(two.impact.heading);
    lines.push(two.impact.intro);
    for (let i = 0; i < two.impact.lines.length; i++) lines.push(two.impact.lines[i]);
  }
  lines.push('');
  lines.push(w.explainHeading);
  const items = explanationItems(analysis);
  for (let i = 0; i < items.length; i++) {
    const it = items[i];
    const line = say(w.explainLine, { code: it.code, name: it.name, sheet: it.sheet, cell: it.cell, self: formatPoints(it.self, lang) });
    lines.push(line + (it.kind === 'evidence-out-of-period' ? w.explainOutOfPeriod : ''));
  }
  if (items.length === 0) lines.push(w.explainNone);
  return lines.join('\n');
}
