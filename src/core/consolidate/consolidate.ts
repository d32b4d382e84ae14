import type { SheetAnalysis, WorkbookAnalysis } from '../result/types';
import { Flag, FLAG_SEVERITY, FlagKind } from '../check/flag';
import { flagMessage, severityLabel } from '../messages/catalogue';
import { consolidationText, ConsolidationTextKey, failureText } from '../messages/consolidationText';
import { isConsolidationSheetName } from './sheetNames';
import { CommuneGroup, DEFAULT_GROUPS, GroupThresholds, groupOf } from './groups';
import { flagKindLabel } from '../messages/paneText';
import { formatPoints, Lang } from '../number/format';
import { percentHundredths, Points, unitsToNumber } from '../number/points';
import { appendChartBlock, ChartBar, shortLabel } from '../plan/chartBlock';
import { dayText } from '../plan/summarySheet';
import { SummaryCell, SummarySheet } from '../plan/types';
import { foldText } from '../text/fold';

/**
 * The district's consolidation: many communes' analysed workbooks → one ranking (a row per
 * commune, per-field scores, totals, percentages, rank, group, flag counts) and one list of
 * every flag. Pure: files are read elsewhere (src/xlsx/consolidateFiles.ts); a file that could
 * not be read arrives here as a FailedSource and is listed, never dropped.
 */

export type SourceFailure = 'not-xlsx' | 'corrupt' | 'protected' | 'too-large' | 'no-scoring-table' | 'other-rubric' | 'duplicate-commune' | 'unreadable';

export interface CommuneSource {
  fileName: string;
  analysis: WorkbookAnalysis;
}

export interface FailedSource {
  fileName: string;
  failure: SourceFailure;
  /** The reader's message, the rubric difference, or the other file's name (duplicates). */
  detail?: string;
  /**
   * What a program failure said (an error that is not the tool's own, in the library's words):
   * for whoever helps the user (the command line's JSON), never shown as the reason.
   */
  technical?: string;
}

export interface ConsolidatedField {
  code: string;
  name: string;
  max: Points;
  self: Points;
  appraised: Points | null;
}

export interface CommuneRow {
  commune: string;
  fileName: string;
  fields: ConsolidatedField[];
  max: Points;
  self: Points;
  selfPercentHundredths: number | null;
  appraised: Points | null;
  appraisedPercentHundredths: number | null;
  rank: number;
  group: CommuneGroup;
  flagCounts: { [kind: string]: number };
}

export interface Consolidation {
  /** In rank order (ties by commune name). */
  rows: CommuneRow[];
  failed: FailedSource[];
  rankedBy: 'self' | 'appraised';
  fieldColumns: Array<{ code: string; name: string; max: Points }>;
  flags: Array<{ commune: string; fileName: string; flag: Flag }>;
  /** Kinds present in the batch, in the catalogue's order. */
  flagKinds: string[];
  /** The thresholds the groups were given with (DEFAULT_GROUPS when absent). */
  groups?: GroupThresholds;
}

/**
 * What the consolidation needs of one commune, taken out of its analysis so a batch of hundreds
 * need not keep every criterion tree in memory (see summariseSource).
 */
export interface CommuneSummary {
  fileName: string;
  commune: string;
  /** Fields of the commune's main table (the Phụ lục the profile knows, else the first sheet). */
  fields: ConsolidatedField[];
  max: Points;
  self: Points;
  appraised: Points | null;
  flags: Flag[];
}

export interface ConsolidateOptions {
  groups?: GroupThresholds;
  lang?: Lang;
}

function isFailed(s: CommuneSource | FailedSource | CommuneSummary): s is FailedSource {
  return (s as FailedSource).failure !== undefined;
}

function isSummary(s: CommuneSource | FailedSource | CommuneSummary): s is CommuneSummary {
  return (s as CommuneSummary).commune !== undefined && (s as CommuneSummary).fields !== undefined;
}

/**
 * The table that carries a commune's index: the sheet matched to the profile's first appendix
 * that lists fields (Phụ lục 1 for Hải Dương), else the first scoring sheet.
 */
function mainSheet(analysis: WorkbookAnalysis): SheetAnalysis | null {
  let best: SheetAnalysis | null = null;
  let bestIndex = -1;
  const profile = analysis.profile;
  if (profile) {
    for (let i = 0; i < analysis.sheets.length; i++) {
      const s = analysis.sheets[i];
      if (!s.appendix || !s.appendix.fields) continue;
      const index = profile.appendices.indexOf(s.appendix);
      if (best === null || index < bestIndex) {
        best = s;
        bestIndex = index;
      }
    }
  }
  return best || (analysis.sheets.length ? analysis.sheets[0] : null);
}

function withoutExtension(fileName: string): string {
  const base = fileName.replace(/^.*[\\/]/, '');
  return base.replace(/\.[^.]+$/, '') || base;
}

/** "xã Thanh Xá" from the title rows of any sheet; the file name when no title names one. */
export function communeName(analysis: WorkbookAnalysis, fileName: string): string {
  return analysis.titleFacts.commune || withoutExtension(fileName);
}

/** The plain data the consolidation keeps of one analysed workbook; null without a scoring table. */
export function summariseSource(source: CommuneSource): CommuneSummary | null {
  const sheet = mainSheet(source.analysis);
  if (!sheet) return null;
  const fields: ConsolidatedField[] = [];
  for (let i = 0; i < sheet.fields.length; i++) {
    const f = sheet.fields[i];
    fields.push({ code: f.code, name: f.name, max: f.max, self: f.self, appraised: f.appraised });
  }
  return {
    fileName: source.fileName,
    commune: communeName(source.analysis, source.fileName),
    fields: fields,
    max: sheet.score.selfAssessableMax,
    self: sheet.score.self,
    appraised: sheet.score.appraised,
    flags: source.analysis.flags,
  };
}

function signature(fields: ConsolidatedField[]): string {
  const parts: string[] = [];
  for (let i = 0; i < fields.length; i++) parts.push(fields[i].code + '=' + fields[i].max);
  return parts.join(';');
}

function fieldByCode(fields: ConsolidatedField[], code: string): ConsolidatedField | null {
  for (let i = 0; i < fields.length; i++) if (fields[i].code === code) return fields[i];
  return null;
}

/** Names what differs from the batch's rubric: missing and extra fields, other maxima. */
function rubricDifference(fields: ConsolidatedField[], rubric: ConsolidatedField[], lang: Lang): string {
  const parts: string[] = [];
  for (let i = 0; i < rubric.length; i++) {
    const mine = fieldByCode(fields, rubric[i].code);
    if (!mine) parts.push(consolidationText('rubricMissingField', lang, { code: rubric[i].code }));
    else if (mine.max !== rubric[i].max) {
      parts.push(consolidationText('rubricFieldMax', lang, { code: mine.code, max: formatPoints(mine.max, lang), expected: formatPoints(rubric[i].max, lang) }));
    }
  }
  for (let i = 0; i < fields.length; i++) {
    if (!fieldByCode(rubric, fields[i].code)) parts.push(consolidationText('rubricExtraField', lang, { code: fields[i].code }));
  }
  // Same fields in another order: say so through the order of codes.
  if (parts.length === 0) parts.push(fieldCodes(fields) + ' ≠ ' + fieldCodes(rubric));
  const shown = parts.length > 4 ? parts.slice(0, 4).concat(['…']) : parts;
  return consolidationText('rubricIntro', lang, { differences: shown.join('; ') });
}

function fieldCodes(fields: ConsolidatedField[]): string {
  const codes: string[] = [];
  for (let i = 0; i < fields.length; i++) codes.push(fields[i].code);
  return codes.join(', ');
}

/** "A", "B", "C", or the words for below the last threshold ("Dưới 70%"). */
export function groupLabel(group: CommuneGroup, groups: GroupThresholds, lang: Lang): string {
  if (group !== 'D') return group;
  return consolidationText('groupD', lang, { c: formatThreshold(groups.c, lang) });
}

function formatThreshold(percent: number, lang: Lang): string {
  return formatPoints(Math.round(percent * 1000000), lang);
}

const KIND_ORDER: string[] = Object.keys(FLAG_SEVERITY);

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function consolidate(sources: Array<CommuneSource | FailedSource | CommuneSummary>, options?: ConsolidateOptions): Consolidation {
  const lang: Lang = options && options.lang ? options.lang : 'vi';
  const groups = options && options.groups ? options.groups : DEFAULT_GROUPS;
  const failed: FailedSource[] = [];
  const summaries: CommuneSummary[] = [];
  for (let i = 0; i < sources.length; i++) {
    const s = sources[i];
    if (isFailed(s)) {
      failed.push(s);
      continue;
    }
    const summary = isSummary(s) ? s : summariseSource(s);
    if (!summary) failed.push({ fileName: (s as CommuneSource).fileName, failure: 'no-scoring-table' });
    else summaries.push(summary);
  }

  // The batch's rubric: the field structure most communes share (the first seen wins a tie).
  const counts: { [sig: string]: number } = {};
  let rubricSig = '';
  let rubric: ConsolidatedField[] = [];
  for (let i = 0; i < summaries.length; i++) {
    const sig = signature(summaries[i].fields);
    counts[sig] = (counts[sig] || 0) + 1;
    if (i === 0 || counts[sig] > counts[rubricSig]) {
      rubricSig = sig;
      rubric = summaries[i].fields;
    }
  }

  // Keep one file per commune: a second file of the same commune is reported, never merged.
  const kept: CommuneSummary[] = [];
  const byName: { [folded: string]: CommuneSummary } = {};
  for (let i = 0; i < summaries.length; i++) {
    const s = summaries[i];
    if (signature(s.fields) !== rubricSig) {
      failed.push({ fileName: s.fileName, failure: 'other-rubric', detail: rubricDifference(s.fields, rubric, lang) });
      continue;
    }
    const key = foldText(s.commune);
    const first = Object.prototype.hasOwnProperty.call(byName, key) ? byName[key] : null;
    if (first) {
      failed.push({ fileName: s.fileName, failure: 'duplicate-commune', detail: first.fileName });
      continue;
    }
    byName[key] = s;
    kept.push(s);
  }

  let allAppraised = kept.length > 0;
  for (let i = 0; i < kept.length; i++) if (kept[i].appraised === null) allAppraised = false;
  const rankedBy: 'self' | 'appraised' = allAppraised ? 'appraised' : 'self';

  const entries: Array<{ row: CommuneRow; summary: CommuneSummary }> = [];
  const kindsSeen: { [kind: string]: boolean } = {};
  for (let i = 0; i < kept.length; i++) {
    const s = kept[i];
    const flagCounts: { [kind: string]: number } = {};
    for (let f = 0; f < s.flags.length; f++) {
      const kind = s.flags[f].kind;
      flagCounts[kind] = (flagCounts[kind] || 0) + 1;
      kindsSeen[kind] = true;
    }
    const ranked = rankedBy === 'appraised' ? s.appraised : s.self;
    const row: CommuneRow = {
      commune: s.commune,
      fileName: s.fileName,
      fields: s.fields,
      max: s.max,
      self: s.self,
      selfPercentHundredths: percentHundredths(s.self, s.max),
      appraised: s.appraised,
      appraisedPercentHundredths: s.appraised === null ? null : percentHundredths(s.appraised, s.max),
      rank: 0,
      group: groupOf(ranked, s.max, groups),
      flagCounts: flagCounts,
    };
    entries.push({ row: row, summary: s });
  }

  const total = function (r: CommuneRow): Points {
    return rankedBy === 'appraised' ? (r.appraised as Points) : r.self;
  };
  const folded: { [name: string]: string } = {};
  for (let i = 0; i < entries.length; i++) folded[entries[i].row.commune] = foldText(entries[i].row.commune);
  entries.sort(function (x, y) {
    const a = x.row;
    const b = y.row;
    return total(b) - total(a) || compareText(folded[a.commune], folded[b.commune]) || compareText(a.fileName, b.fileName);
  });
  const rows: CommuneRow[] = [];
  for (let i = 0; i < entries.length; i++) rows.push(entries[i].row);
  // Competition ranking: equal totals share a rank and the next rank skips (1, 2, 2, 4).
  for (let i = 0; i < rows.length; i++) rows[i].rank = i > 0 && total(rows[i]) === total(rows[i - 1]) ? rows[i - 1].rank : i + 1;

  const flags: Consolidation['flags'] = [];
  for (let i = 0; i < rows.length; i++) {
    const s = entries[i].summary;
    for (let f = 0; f < s.flags.length; f++) flags.push({ commune: rows[i].commune, fileName: rows[i].fileName, flag: s.flags[f] });
  }

  const flagKinds: string[] = [];
  for (let i = 0; i < KIND_ORDER.length; i++) if (kindsSeen[KIND_ORDER[i]]) flagKinds.push(KIND_ORDER[i]);

  const fieldColumns: Consolidation['fieldColumns'] = [];
  for (let i = 0; i < rubric.length; i++) fieldColumns.push({ code: rubric[i].code, name: rubric[i].name, max: rubric[i].max });

  return { rows: rows, failed: failed, rankedBy: rankedBy, fieldColumns: fieldColumns, flags: flags, flagKinds: flagKinds, groups: groups };
}

/**
 * Whether a workbook is one this tool wrote with consolidationSheets (every sheet one of ours,
 * in either language): such a file in a folder of communes is the last run's output, not a commune.
 */
export function isConsolidationWorkbook(sheetNames: string[]): boolean {
  if (sheetNames.length === 0) return false;
  for (let i = 0; i < sheetNames.length; i++) if (!isConsolidationSheetName(sheetNames[i])) return false;
  return true;
}

// ---------------------------------------------------------------------------------------------
// The two sheets of the consolidation workbook

function t(value: string, bold?: boolean): SummaryCell {
  return bold ? { kind: 'text', text: value, bold: true } : { kind: 'text', text: value };
}

function pointsCell(units: Points | null, bold?: boolean): SummaryCell {
  if (units === null) return t('');
  const cell: SummaryCell = { kind: 'number', value: unitsToNumber(units), numberFormat: '0.00' };
  if (bold) cell.bold = true;
  return cell;
}

function percentCell(hundredths: number | null): SummaryCell {
  if (hundredths === null) return t('');
  return { kind: 'number', value: hundredths / 10000, numberFormat: '0.00%' };
}

function countCell(n: number): SummaryCell {
  return { kind: 'number', value: n, numberFormat: '0' };
}

/** `date`: when the consolidation was made, for its title block (default now). */
export function consolidationSheets(c: Consolidation, lang: Lang, date?: Date): SummarySheet[] {
  const groups = c.groups || DEFAULT_GROUPS;
  // Appraised columns only when some commune has appraised scores: otherwise they are all blank.
  let anyAppraised = false;
  for (let i = 0; i < c.rows.length; i++) if (c.rows[i].appraised !== null) anyAppraised = true;

  const rows: SummaryCell[][] = [];
  rows.push([t(consolidationText('title', lang), true)]);
  rows.push([t(consolidationText(c.rankedBy === 'appraised' ? 'rankedByAppraised' : 'rankedBySelf', lang))]);
  rows.push([t(consolidationText('groupsLine', lang, { a: formatThreshold(groups.a, lang), b: formatThreshold(groups.b, lang), c: formatThreshold(groups.c, lang) }))]);
  // The date on the same line: the rows below stay where readers of earlier files found them.
  rows.push([t(consolidationText('countsLine', lang, { communes: c.rows.length, failed: c.failed.length }) + ' ' + consolidationText('dateLine', lang, { date: dayText(date || new Date()) }))]);
  rows.push([]);

  // Two header rows: what a column block is about, then which score.
  const top: SummaryCell[] = [t('', true), t('', true), t('', true)];
  const header: SummaryCell[] = [t(consolidationText('stt', lang), true), t(consolidationText('commune', lang), true), t(consolidationText('file', lang), true)];
  const widths: number[] = [6, 24, 24];
  for (let i = 0; i < c.fieldColumns.length; i++) {
    const f = c.fieldColumns[i];
    top.push(t(consolidationText('fieldHeader', lang, { code: f.code, name: f.name, max: formatPoints(f.max, lang) }), true));
    header.push(t(consolidationText('self', lang), true));
    widths.push(12);
    if (anyAppraised) {
      top.push(t('', true));
      header.push(t(consolidationText('appraised', lang), true));
      widths.push(12);
    }
  }
  top.push(t(consolidationText('total', lang), true));
  const totalHeaders: ConsolidationTextKey[] = anyAppraised ? ['totalMax', 'totalSelf', 'selfPercent', 'totalAppraised', 'appraisedPercent'] : ['totalMax', 'totalSelf', 'selfPercent'];
  for (let i = 0; i < totalHeaders.length; i++) {
    if (i > 0) top.push(t('', true));
    header.push(t(consolidationText(totalHeaders[i], lang), true));
    widths.push(12);
  }
  header.push(t(consolidationText('rank', lang), true), t(consolidationText('group', lang), true));
  top.push(t('', true), t('', true));
  widths.push(9, 10);
  for (let k = 0; k < c.flagKinds.length; k++) {
    top.push(t(k === 0 ? consolidationText('flagCounts', lang) : '', true));
    header.push(t(flagKindLabel(c.flagKinds[k] as FlagKind, lang), true));
    widths.push(14);
  }
  rows.push(top);
  rows.push(header);

  if (c.rows.length === 0) rows.push([t(consolidationText('noCommunes', lang))]);
  for (let i = 0; i < c.rows.length; i++) {
    const r = c.rows[i];
    const line: SummaryCell[] = [countCell(i + 1), t(r.commune), t(r.fileName)];
    for (let f = 0; f < c.fieldColumns.length; f++) {
      const field = fieldByCode(r.fields, c.fieldColumns[f].code);
      line.push(pointsCell(field ? field.self : null));
      if (anyAppraised) line.push(pointsCell(field ? field.appraised : null));
    }
    line.push(pointsCell(r.max), pointsCell(r.self, true), percentCell(r.selfPercentHundredths));
    if (anyAppraised) line.push(pointsCell(r.appraised, true), percentCell(r.appraisedPercentHundredths));
    line.push(countCell(r.rank), t(groupLabel(r.group, groups, lang), true));
    for (let k = 0; k < c.flagKinds.length; k++) line.push(countCell(r.flagCounts[c.flagKinds[k]] || 0));
    rows.push(line);
  }

  const chart = rankingChart(rows, c, lang);

  if (c.failed.length > 0) {
    rows.push([]);
    rows.push([t(consolidationText('failedHeading', lang), true)]);
    rows.push([t(consolidationText('stt', lang), true), t(consolidationText('file', lang), true), t(consolidationText('reason', lang), true)]);
    for (let i = 0; i < c.failed.length; i++) {
      const f = c.failed[i];
      rows.push([countCell(i + 1), t(f.fileName), t(failureText(f.failure, lang, f.detail))]);
    }
  }

  const flagRows: SummaryCell[][] = [];
  flagRows.push([t(consolidationText('flagsTitle', lang), true)]);
  flagRows.push([]);
  const flagHeader: ConsolidationTextKey[] = ['stt', 'commune', 'file', 'sheet', 'cell', 'code', 'kind', 'severity', 'message'];
  flagRows.push(
    flagHeader.map(function (key) {
      return t(consolidationText(key, lang), true);
    }),
  );
  if (c.flags.length === 0) flagRows.push([t(consolidationText('noFlags', lang))]);
  for (let i = 0; i < c.flags.length; i++) {
    const item = c.flags[i];
    const f = item.flag;
    flagRows.push([countCell(i + 1), t(item.commune), t(item.fileName), t(f.sheet), t(f.cell), t(f.code), t(flagKindLabel(f.kind, lang)), t(severityLabel(f.severity, lang)), t(flagMessage(f, lang))]);
  }

  const ranking: SummarySheet = { name: consolidationText('rankingSheet', lang), rows: rows, columnWidths: widths };
  if (chart) ranking.chart = chart;
  return [ranking, { name: consolidationText('flagsSheet', lang), rows: flagRows, columnWidths: [6, 24, 24, 14, 8, 10, 26, 10, 80] }];
}

/**
 * The ranking as a bar chart under its table: commune names in column B, the percentage it is ranked by
 * in C (as in the table, rounded alike), the chart over the eight columns after, a bar per commune in
 * rank order.
 */
function rankingChart(rows: SummaryCell[][], c: Consolidation, lang: Lang): SummarySheet['chart'] | null {
  const appraised = c.rankedBy === 'appraised';
  const bars: ChartBar[] = [];
  for (let i = 0; i < c.rows.length; i++) {
    const r = c.rows[i];
    const hundredths = appraised ? r.appraisedPercentHundredths : r.selfPercentHundredths;
    bars.push({ label: shortLabel(r.commune), values: [hundredths === null ? null : hundredths / 10000] });
  }
  return appendChartBlock(rows, {
    title: consolidationText(appraised ? 'chartTitleAppraised' : 'chartTitleSelf', lang),
    heading: consolidationText('chartHeading', lang),
    categoryHeader: consolidationText('commune', lang),
    series: [consolidationText(appraised ? 'appraisedPercent' : 'selfPercent', lang)],
    bars: bars,
    col: 1,
    chartCols: 8,
    numberFormat: '0.00%',
  });
}
