import type { SheetAnalysis, WorkbookAnalysis } from '../result/types';
import type { TitleFacts } from '../identity/titleFacts';
import { CriterionNode } from '../model/types';
import { formatPoints, Lang } from '../number/format';
import { foldText, toNfc } from '../text/fold';
import { REPORT_WORDS, SELF_ASSESSMENT_WORDS as WORDS } from '../messages/reportText';
import { explanationItems, explanationReason, ExplanationItem, mainSheet, say, sectionTwo } from './reportText';

/**
 * The commune's self-assessment report as plain data, in the seed's structure (administrative
 * header, I. Tình hình triển khai, II. Kết quả thực hiện 1-5, III. Kiến nghị, đề xuất, signature
 * block) plus an appendix of the criteria that need an explanation. Figures come from the analysis
 * and the sentences of section II from reportText.ts, so the text report and the document agree.
 * What the tool cannot know (document numbers, dates, shortcomings, proposals, the signer) is a
 * prompt: a bracketed "[Nêu …]" run the official replaces; nothing is made up.
 * Renderers: src/docx/selfAssessmentDocx.ts (Word) and reportDocumentText (plain text).
 */

export interface ReportRun {
  text: string;
  bold?: boolean;
  italic?: boolean;
  /** A placeholder for the official to fill or check ("[Nêu …]", "…"). */
  prompt?: boolean;
}

export interface ReportLine {
  runs: ReportRun[];
  align?: 'left' | 'center' | 'right' | 'justify';
  /** Body paragraph with a first-line indent. */
  indent?: boolean;
  /** Type size in points when not the block's usual one (the recipients list under "Nơi nhận"). */
  size?: number;
  /**
   * A solid rule under the line, centred, as Decree 30/2020 draws them: `short` (a third to a half of
   * the line) under the issuing body and the subject, `full` (as long as the line) under the motto.
   */
  rule?: 'short' | 'full';
}

/** One bar of the field chart: "1. Công tác chỉ đạo điều hành", 95.67, "95,67%". */
export interface ReportChartBar {
  label: string;
  percent: number;
  text: string;
}

export type ReportBlock =
  /** Two side-by-side columns without borders: the administrative header and the signature block. */
  | { kind: 'columns'; role: 'header' | 'signature'; rows: Array<{ left: ReportLine[]; right: ReportLine[] }> }
  | { kind: 'title'; lines: ReportLine[] }
  | { kind: 'heading'; level: 1 | 2; line: ReportLine }
  | { kind: 'paragraph'; line: ReportLine }
  /** A bordered table; widths in percent of the text width. */
  | { kind: 'table'; columns: string[]; widths: number[]; rows: ReportLine[][] }
  /** A bar chart (one bar per field, its percentage of the maximum), `line` its caption under it. */
  | { kind: 'chart'; line: ReportLine; series: string; bars: ReportChartBar[] };

export interface ReportSection {
  orientation: 'portrait' | 'landscape';
  blocks: ReportBlock[];
}

export interface ReportDocument {
  lang: Lang;
  /** A file name to offer ("bao-cao-tu-danh-gia-cchc-thanh-xa-2023.docx"). */
  fileName: string;
  /** Who and when, as read from the tables' titles. */
  facts: TitleFacts;
  /** The report, then (when any criterion needs one) the appendix of explanations. */
  sections: ReportSection[];
  /** Number of criteria in the appendix. */
  explanationCount: number;
}

const UNIT_WORDS = ['thị trấn', 'phường', 'xã'];

function run(text: string, style?: { bold?: boolean; italic?: boolean }): ReportRun {
  const r: ReportRun = { text: text };
  if (style && style.bold) r.bold = true;
  if (style && style.italic) r.italic = true;
  return r;
}

function prompt(text: string, style?: { bold?: boolean }): ReportRun {
  const r: ReportRun = { text: text, prompt: true };
  if (style && style.bold) r.bold = true;
  return r;
}

/** A template with {name} placeholders as runs: text runs in `style`, each placeholder the run given for it. */
function templateRuns(template: string, values: { [name: string]: ReportRun }, style?: { bold?: boolean; italic?: boolean }): ReportRun[] {
  const runs: ReportRun[] = [];
  const re = /\{(\w+)\}/g;
  let last = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(template)) !== null) {
    if (m.index > last) runs.push(run(template.substring(last, m.index), style));
    runs.push(values[m[1]] || run(m[0], style));
    last = m.index + m[0].length;
  }
  if (last < template.length) runs.push(run(template.substring(last), style));
  return runs;
}

function line(runs: ReportRun[], align?: ReportLine['align'], indent?: boolean): ReportLine {
  const l: ReportLine = { runs: runs };
  if (align) l.align = align;
  if (indent) l.indent = true;
  return l;
}

function paragraph(runs: ReportRun[]): ReportBlock {
  return { kind: 'paragraph', line: line(runs, 'justify', true) };
}

function heading(level: 1 | 2, text: string): ReportBlock {
  return { kind: 'heading', level: level, line: line([run(text, { bold: true })], 'left', level === 2) };
}

/** "xã Thanh Xá" -> { unit: "xã", place: "Thanh Xá" }. */
function splitCommune(commune: string): { unit: string; place: string } {
  for (let i = 0; i < UNIT_WORDS.length; i++) {
    const u = UNIT_WORDS[i];
    if (commune.toLowerCase().indexOf(u + ' ') === 0) return { unit: u, place: commune.substring(u.length + 1) };
  }
  return { unit: '', place: commune };
}

/** Facts of the workbook from every table's title rows (and sheet name), composed to NFC. */
export function workbookFacts(analysis: WorkbookAnalysis): TitleFacts {
  const f = analysis.titleFacts;
  return {
    commune: f.commune === null ? null : toNfc(f.commune),
    district: f.district === null ? null : toNfc(f.district),
    province: f.province === null ? null : toNfc(f.province),
    year: f.year,
  };
}

/** Leaves under a node that lost points, with the note the commune wrote beside them (the seed's "(do xã chưa …)"). */
function shortfallNotes(sheet: SheetAnalysis, node: CriterionNode, out: string[]): void {
  if (node.children.length === 0) {
    const ns = sheet.score.byNode(node);
    const note = node.cells.note.replace(/\s+/g, ' ').replace(/^\s+|[\s.;:]+$/g, '');
    if (ns.self.units < ns.selfAssessableMax && note && out.indexOf(note) < 0) out.push(note);
    return;
  }
  for (let i = 0; i < node.children.length; i++) shortfallNotes(sheet, node.children[i], out);
}

function fieldNode(sheet: SheetAnalysis, code: string): CriterionNode | null {
  const roots = sheet.table.roots;
  for (let i = 0; i < roots.length; i++) if (roots[i].code === code) return roots[i];
  return null;
}

function appendixNames(analysis: WorkbookAnalysis, and: string): string {
  const names: string[] = [];
  for (let i = 0; i < analysis.sheets.length; i++) {
    const s = analysis.sheets[i];
    const name = s.appendix ? s.appendix.label : s.name;
    if (names.indexOf(name) < 0) names.push(name);
  }
  if (names.length <= 1) return names.join('');
  return names.slice(0, names.length - 1).join(', ') + and + names[names.length - 1];
}

function suggestedFileName(facts: TitleFacts, stem: string): string {
  let name = stem;
  if (facts.commune)
    name +=
      '-' +
      foldText(facts.commune)
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-+|-+$/g, '');
  if (facts.year !== null) name += '-' + facts.year;
  return name + '.docx';
}

function explanationRow(item: ExplanationItem, index: number, analysis: WorkbookAnalysis, lang: Lang): ReportLine[] {
  const w = WORDS[lang];
  let note = '';
  for (let s = 0; s < analysis.sheets.length; s++) {
    const sheet = analysis.sheets[s];
    if (sheet.name !== item.sheet) continue;
    for (let n = 0; n < sheet.table.nodes.length; n++) if (sheet.table.nodes[n].cells.row === item.flag.row) note = sheet.table.nodes[n].cells.note.replace(/\s+/g, ' ').replace(/^\s+|\s+$/g, '');
  }
  return [
    line([run(String(index + 1))], 'center'),
    line([run(item.code)], 'center'),
    line([run(item.name)], 'left'),
    line([run(say(w.where, { sheet: item.sheet, cell: item.cell }))], 'left'),
    line([run(formatPoints(item.self, lang))], 'center'),
    line([run(explanationReason(item, lang))], 'left'),
    line([note ? run(note) : prompt(w.explainPrompt)], 'left'),
  ];
}

/**
 * The whole report as plain data; `lang` chooses Vietnamese (the report's language) or English.
 * `options.year`: the assessment year when the user stated it (cchc --year), over the titles' year.
 */
export function buildSelfAssessmentReport(analysis: WorkbookAnalysis, lang: Lang, options?: { year?: number | null }): ReportDocument {
  const w = WORDS[lang];
  const rw = REPORT_WORDS[lang];
  const facts = workbookFacts(analysis);
  if (options && typeof options.year === 'number') facts.year = options.year;
  const year = facts.year !== null ? String(facts.year) : null;
  const commune = facts.commune ? splitCommune(facts.commune) : null;
  const yearRun = function (): ReportRun {
    return year !== null ? run(year) : prompt(w.yearPrompt);
  };
  // "UBND XÃ THANH XÁ": the issuing body as the appendix's "(Kèm theo … của UBND xã Thanh Xá)" names it.
  const committee = commune ? w.committee + ' ' + facts.commune!.toUpperCase() : null;
  // The header writes it in full, upper case and bold, on two lines (Decree 30/2020, Appendix I):
  // "ỦY BAN NHÂN DÂN" over "XÃ THANH XÁ", a short rule under it.
  const issuer: ReportLine[] = [
    line([run(w.committeeFull, { bold: true })], 'center'),
    line([commune ? run(facts.commune!.toUpperCase(), { bold: true }) : prompt(w.communePrompt, { bold: true })], 'center'),
  ];
  issuer[1].rule = 'short';
  const republic = line([run(w.republic, { bold: true })], 'center');
  // 12 pt so the national title holds on one line in its column (Decree 30/2020: 12-13 pt).
  republic.size = 12;
  const motto = line([run(w.motto, { bold: true })], 'center');
  motto.rule = 'full';
  const blocks: ReportBlock[] = [];

  blocks.push({
    kind: 'columns',
    role: 'header',
    rows: [
      {
        left: issuer,
        right: [republic, motto],
      },
      {
        left: [line([run(w.numberLead), prompt('…'), run(w.numberTail)], 'center')],
        right: [line([commune ? run(commune.place, { italic: true }) : prompt(w.placePrompt), prompt(w.dateLine)], 'center')],
      },
    ],
  });

  const subjectTemplate = facts.commune ? w.subject : w.subjectNoCommune;
  const subjectParts = subjectTemplate.split('{year}');
  const subjectRuns: ReportRun[] = [run(subjectParts[0], { bold: true })];
  subjectRuns.push(year !== null ? run(year, { bold: true }) : prompt(w.yearPrompt, { bold: true }));
  subjectRuns.push(run(say(subjectParts[1], { commune: facts.commune || '' }), { bold: true }));
  const subjectLine = line(subjectRuns, 'center');
  subjectLine.rule = 'short';
  blocks.push({ kind: 'title', lines: [line([run(w.reportWord, { bold: true })], 'center'), subjectLine] });

  // I. What the commune did: the legal basis and the district's request are documents the tool cannot know.
  blocks.push(heading(1, w.section1));
  const profileTitle = analysis.profile ? (lang === 'en' && analysis.profile.titleEn ? analysis.profile.titleEn : analysis.profile.title) : null;
  blocks.push(paragraph([run(w.basisLead), prompt(profileTitle ? '[' + profileTitle + ']' : w.basisPrompt), run(';')]));
  blocks.push(paragraph([run(w.guideLead), prompt(say(w.guidePrompt, { district: facts.district || w.districtFallback, year: year || w.yearPrompt })), run('.')]));
  blocks.push(paragraph([prompt(w.organisePrompt)]));
  if (analysis.sheets.length) blocks.push(paragraph([run(say(w.completed, { appendices: appendixNames(analysis, w.and) }))]));

  // II. The computed results, in the same sentences as the text report.
  blocks.push(heading(1, w.section2));
  const two = sectionTwo(analysis, lang);
  const main = mainSheet(analysis);
  if (two && main) {
    blocks.push(heading(2, two.heading1));
    blocks.push(paragraph([run(two.totalLine)]));
    for (let i = 0; i < two.fieldLines.length; i++) {
      const fl = two.fieldLines[i];
      const runs: ReportRun[] = [run(fl.body)];
      if (fl.belowMax) {
        const notes: string[] = [];
        const node = fieldNode(main, fl.code);
        if (node) shortfallNotes(main, node, notes);
        runs.push(notes.length ? run(' (' + notes.join('; ') + ')') : prompt(' ' + w.shortfallPrompt));
      }
      runs.push(run(fl.end));
      blocks.push(paragraph(runs));
    }
    const bars: ReportChartBar[] = [];
    for (let i = 0; i < two.fieldLines.length; i++) {
      const fl = two.fieldLines[i];
      if (fl.percentHundredths !== null) bars.push({ label: fl.code.replace(/\.+$/, '') + '. ' + fl.name, percent: fl.percentHundredths / 100, text: fl.percent + '%' });
    }
    if (bars.length) blocks.push({ kind: 'chart', line: line([run(w.chartCaption, { italic: true })], 'center'), series: w.chartSeries, bars: bars });
    if (two.impact) {
      blocks.push(heading(2, two.impact.heading));
      blocks.push(paragraph([run(two.impact.intro)]));
      for (let i = 0; i < two.impact.lines.length; i++) blocks.push(paragraph([run(two.impact.lines[i])]));
    } else {
      blocks.push(heading(2, rw.heading2));
      blocks.push(paragraph([prompt(w.noImpactPrompt)]));
    }
  } else {
    blocks.push(paragraph([run(rw.noTable)]));
  }

  const items = explanationItems(analysis);
  let missing = 0;
  for (let i = 0; i < items.length; i++) if (items[i].kind === 'missing-evidence') missing++;
  const outOfPeriod = items.length - missing;
  blocks.push(heading(2, w.heading3));
  if (missing) blocks.push(paragraph([run(say(w.missingCount, { n: String(missing) }))]));
  if (outOfPeriod) blocks.push(paragraph([run(say(w.outOfPeriodCount, { n: String(outOfPeriod) }))]));
  blocks.push(paragraph([prompt(w.limitsPrompt)]));
  blocks.push(heading(2, w.heading4));
  blocks.push(paragraph([prompt(w.causesPrompt)]));
  blocks.push(heading(2, w.heading5));
  blocks.push(paragraph([prompt(w.remediesPrompt)]));

  blocks.push(heading(1, w.section3));
  blocks.push(heading(2, w.heading31));
  blocks.push(paragraph([prompt(w.proposalsIndexPrompt)]));
  blocks.push(heading(2, w.heading32));
  blocks.push(paragraph([prompt(w.proposalsOtherPrompt)]));

  const closingParts = (facts.commune ? w.closing : w.closingNoCommune).split('{year}');
  blocks.push(paragraph([run(say(closingParts[0], { commune: facts.commune || '' })), yearRun(), run(closingParts[1])]));

  const districtRuns = function (template: string): ReportRun[] {
    const parts = template.split('{district}');
    return [run(parts[0]), facts.district ? run(facts.district) : prompt(w.districtPrompt), run(parts[1])];
  };
  // Decree 30/2020: "Nơi nhận" in 12 pt bold italic, the recipients in 11 pt.
  const small = function (runs: ReportRun[]): ReportLine {
    return { runs: runs, align: 'left', size: 11 };
  };
  blocks.push({
    kind: 'columns',
    role: 'signature',
    rows: [
      {
        left: [
          { runs: [run(w.recipients, { bold: true, italic: true })], align: 'left', size: 12 },
          small(districtRuns(w.toDistrict)),
          small(districtRuns(w.toHomeAffairs)),
          small([run(w.toLeaders)]),
          small([run(w.archive)]),
        ],
        right: [
          line([run(w.onBehalf + (commune && lang === 'vi' ? ' ' + commune.unit.toUpperCase() : ''), { bold: true })], 'center'),
          line([run(w.chair, { bold: true })], 'center'),
          line([run('')], 'center'),
          line([run('')], 'center'),
          line([run('')], 'center'),
          line([prompt(w.signerPrompt, { bold: true })], 'center'),
        ],
      },
    ],
  });

  const sections: ReportSection[] = [{ orientation: 'portrait', blocks: blocks }];
  if (items.length) {
    const rows: ReportLine[][] = [];
    for (let i = 0; i < items.length; i++) rows.push(explanationRow(items[i], i, analysis, lang));
    sections.push({
      orientation: 'landscape',
      blocks: [
        {
          kind: 'title',
          lines: [
            line([run(w.appendixTitle, { bold: true })], 'center'),
            line(
              templateRuns(
                w.appendixAttached,
                { blank: prompt('…'), committee: committee ? run(lang === 'vi' ? 'UBND ' + facts.commune : facts.commune!, { italic: true }) : prompt(w.communePrompt) },
                { italic: true },
              ),
              'center',
            ),
          ],
        },
        { kind: 'paragraph', line: line([run(w.appendixScope)], 'left') },
        { kind: 'table', columns: w.columns, widths: [5, 7, 28, 13, 9, 17, 21], rows: rows },
      ],
    });
  }
  return { lang: lang, fileName: suggestedFileName(facts, w.fileStem), facts: facts, sections: sections, explanationCount: items.length };
}

function lineText(l: ReportLine): string {
  let s = '';
  for (let i = 0; i < l.runs.length; i++) s += l.runs[i].text;
  return s;
}

/**
 * The document as plain text, for hosts that cannot download a file (the text goes to the
 * clipboard): columns one after the other, table cells separated by tabs so Word can make a table again.
 */
export function reportDocumentText(doc: ReportDocument): string {
  const out: string[] = [];
  for (let s = 0; s < doc.sections.length; s++) {
    if (s > 0) out.push('');
    const blocks = doc.sections[s].blocks;
    for (let b = 0; b < blocks.length; b++) {
      const block = blocks[b];
      if (block.kind === 'columns') {
        for (let r = 0; r < block.rows.length; r++) {
          const row = block.rows[r];
          for (let i = 0; i < row.left.length; i++) out.push(lineText(row.left[i]));
          for (let i = 0; i < row.right.length; i++) out.push(lineText(row.right[i]));
        }
      } else if (block.kind === 'title') {
        for (let i = 0; i < block.lines.length; i++) out.push(lineText(block.lines[i]));
      } else if (block.kind === 'heading' || block.kind === 'paragraph') {
        out.push(lineText(block.line));
      } else if (block.kind === 'chart') {
        // A chart has no text form: the field lines above it already state every bar.
      } else {
        out.push(block.columns.join('\t'));
        for (let r = 0; r < block.rows.length; r++) out.push(block.rows[r].map(lineText).join('\t'));
      }
    }
  }
  return out.join('\n').replace(/\n{3,}/g, '\n\n');
}

/** Section II as plain text, for the pane (which loads it with this module, off its first load). */
export { reportText } from './reportText';
