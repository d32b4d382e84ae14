import type { Differences } from '../result/types';
import { Flag } from '../check/flag';
import { flagMessage, severityLabel, text } from '../messages/catalogue';
import { flagKindText, flagText, highlightGroupText } from '../messages/flagText';
import { HIGHLIGHT_COLORS, HIGHLIGHT_ORDER } from './highlightColors';
import { Lang } from '../number/format';
import { percentHundredths, Points, unitsToNumber } from '../number/points';
import { appendChartBlock, ChartBar, shortLabel } from './chartBlock';
import { SheetChart, SummaryCell, SummarySheet } from './types';

/** The tool-owned sheet that sums up a run; replaced whole on every run. */
export const SUMMARY_SHEET_NAME = 'Tổng hợp điểm';

export interface SummaryFieldLine {
  code: string;
  name: string;
  max: Points;
  self: Points;
  appraised: Points | null;
  /** Where the field row is, for a link back. */
  address: string;
}

export interface SummaryTableInput {
  sheet: string;
  /** How the table is named in the summary: its sheet, with the table's number when the sheet holds several. */
  label?: string;
  fields: SummaryFieldLine[];
  max: Points;
  self: Points;
  appraised: Points | null;
}

export interface SummaryInput {
  fileName?: string;
  /** The title block: the commune ("xã Thanh Xá") and the assessment year, when the title rows say them. */
  commune?: string | null;
  year?: number | null;
  /** When the scores were computed (the title block's date, dd/mm/yyyy); absent: no date line. */
  date?: Date;
  tables: SummaryTableInput[];
  max: Points;
  self: Points;
  appraised: Points | null;
  /** Maximum of the sheets that have an appraised column: the base of the total appraised percentage. */
  appraisedMax?: Points | null;
  flags: Flag[];
  lang: Lang;
  /** Appraisal differences and points lost per field; the section appears only when a sheet has an appraised column. */
  appraisal?: Differences;
}

/** A day as a title block writes it: dd/mm/yyyy. */
export function dayText(date: Date): string {
  const two = function (n: number): string {
    return n < 10 ? '0' + n : String(n);
  };
  return two(date.getDate()) + '/' + two(date.getMonth() + 1) + '/' + date.getFullYear();
}

function t(value: string, bold?: boolean): SummaryCell {
  return bold ? { kind: 'text', text: value, bold: true } : { kind: 'text', text: value };
}

function points(units: Points, bold?: boolean): SummaryCell {
  const cell: SummaryCell = { kind: 'number', value: unitsToNumber(units), numberFormat: '0.00' };
  if (bold) cell.bold = true;
  return cell;
}

function percent(part: Points | null, whole: Points, bold?: boolean): SummaryCell {
  const hundredths = part === null ? null : percentHundredths(part, whole);
  if (hundredths === null) return t('');
  const cell: SummaryCell = { kind: 'number', value: hundredths / 10000, numberFormat: '0.00%' };
  if (bold) cell.bold = true;
  return cell;
}

function scoreLine(label: SummaryCell[], max: Points, self: Points, appraised: Points | null, bold: boolean, appraisedMax?: Points | null): SummaryCell[] {
  return label.concat([
    points(max, bold),
    points(self, bold),
    percent(self, max, bold),
    appraised === null ? t('') : points(appraised, bold),
    percent(appraised, appraisedMax === undefined || appraisedMax === null ? max : appraisedMax, bold),
  ]);
}

export function buildSummarySheet(input: SummaryInput): SummarySheet {
  const lang = input.lang;
  const rows: SummaryCell[][] = [];
  rows.push([t(text('summarySheetTitle', lang), true)]);
  rows.push([t(text('summaryOwnedNote', lang))]);
  if (input.fileName) rows.push([t(input.fileName)]);
  const facts: string[] = [];
  if (input.commune) facts.push(flagText('titleCommune', lang, { commune: input.commune }));
  if (input.year) facts.push(flagText('titleYear', lang, { year: input.year }));
  if (input.date) facts.push(flagText('titleDate', lang, { date: dayText(input.date) }));
  if (facts.length) rows.push([t(facts.join('   '))]);
  rows.push([]);
  rows.push(
    [text('appendix', lang), text('code', lang), text('field', lang), text('max', lang), text('self', lang), text('selfPercent', lang), text('appraised', lang), text('appraisedPercent', lang)].map(
      function (h) {
        return t(h, true);
      },
    ),
  );
  for (let i = 0; i < input.tables.length; i++) {
    const table = input.tables[i];
    for (let j = 0; j < table.fields.length; j++) {
      const f = table.fields[j];
      rows.push(scoreLine([t(table.label || table.sheet), { kind: 'link', text: f.code, sheet: table.sheet, address: f.address }, t(f.name)], f.max, f.self, f.appraised, false));
    }
    rows.push(scoreLine([t(table.label || table.sheet, true), t(''), t(text('sheetTotal', lang), true)], table.max, table.self, table.appraised, true));
  }
  if (input.tables.length > 1) rows.push(scoreLine([t(text('grandTotal', lang), true), t(''), t('')], input.max, input.self, input.appraised, true, input.appraisedMax));
  const chart = fieldChart(rows, input);
  if (input.appraisal && input.appraisal.lostByField.length) appraisalSection(rows, input.appraisal, lang);
  rows.push([]);
  rows.push([t(text('flagsHeading', lang), true)]);
  rows.push(
    [text('severity', lang), text('kind', lang), text('message', lang), text('sheet', lang), text('cell', lang), text('code', lang)].map(function (h) {
      return t(h, true);
    }),
  );
  if (input.flags.length === 0) rows.push([t(text('noFlags', lang))]);
  for (let i = 0; i < input.flags.length; i++) {
    const f = input.flags[i];
    rows.push([
      t(severityLabel(f.severity, lang)),
      t(flagKindText(f.kind, lang)),
      t(flagMessage(f, lang)),
      t(f.sheet),
      f.cell ? { kind: 'link', text: f.cell, sheet: f.sheet, address: f.cell } : t(''),
      t(f.code),
    ]);
  }
  legend(rows, lang);
  const sheet: SummarySheet = { name: SUMMARY_SHEET_NAME, rows: rows, columnWidths: [14, 18, 60, 14, 12, 14, 24, 24] };
  if (chart) sheet.chart = chart;
  return sheet;
}

function fraction(part: Points | null, whole: Points): number | null {
  const hundredths = part === null ? null : percentHundredths(part, whole);
  return hundredths === null ? null : hundredths / 10000;
}

/** "Phụ lục 1" as a bar's label starts it: "PL1" (a chart's category labels share its width with the bars). */
function appendixAbbreviation(label: string): string {
  const m = /^ph[uụ]\s*l[uụ]c\s*/i.exec(label);
  return m ? 'PL' + label.slice(m[0].length) : label;
}

/**
 * The fields' percentages as a bar chart under the scores: labels in column C, the self-assessed (and,
 * when a sheet has them, appraised) fractions beside, the chart over the columns after them. The figures
 * are those of the table above, rounded alike.
 */
function fieldChart(rows: SummaryCell[][], input: SummaryInput): SheetChart | null {
  const lang = input.lang;
  const appraised = input.appraised !== null;
  const bars: ChartBar[] = [];
  for (let i = 0; i < input.tables.length; i++) {
    const table = input.tables[i];
    const prefix = input.tables.length > 1 ? appendixAbbreviation(table.label || table.sheet) + ' · ' : '';
    for (let j = 0; j < table.fields.length; j++) {
      const f = table.fields[j];
      const values = [fraction(f.self, f.max)];
      if (appraised) values.push(fraction(f.appraised, f.max));
      bars.push({ label: shortLabel(prefix + f.code + ' ' + f.name), values: values });
    }
  }
  return appendChartBlock(rows, {
    title: text('chartTitle', lang),
    heading: text('chartHeading', lang),
    categoryHeader: text('chartField', lang),
    series: appraised ? [text('chartSelf', lang), text('chartAppraised', lang)] : [text('chartSelf', lang)],
    bars: bars,
    col: 2,
    chartCols: appraised ? 3 : 4,
    numberFormat: '0.00%',
  });
}

/** "Chú thích màu tô": each highlight colour as a swatch beside its meaning, then what the cell notes are. */
function legend(rows: SummaryCell[][], lang: Lang): void {
  rows.push([]);
  rows.push([t(flagText('legendHeading', lang), true)]);
  for (let i = 0; i < HIGHLIGHT_ORDER.length; i++) {
    const group = HIGHLIGHT_ORDER[i];
    rows.push([{ kind: 'text', text: '', fill: HIGHLIGHT_COLORS[group] }, t(highlightGroupText(group, lang))]);
  }
  rows.push([t(flagText('legendNoteHint', lang))]);
}

/**
 * "Chênh lệch điểm thẩm định": each criterion whose appraised score differs from the self-score, its code
 * linking to the appraised cell, with the evidence and explanation as text; then the points lost per field.
 */
function appraisalSection(rows: SummaryCell[][], appraisal: Differences, lang: Lang): void {
  const bold = function (h: string): SummaryCell {
    return t(h, true);
  };
  rows.push([]);
  rows.push([t(text('differencesHeading', lang), true)]);
  rows.push(
    [text('appendix', lang), text('code', lang), text('criterion', lang), text('self', lang), text('appraised', lang), text('difference', lang), text('evidence', lang), text('explanation', lang)].map(
      bold,
    ),
  );
  if (appraisal.differences.length === 0) rows.push([t(text('noDifferences', lang))]);
  for (let i = 0; i < appraisal.differences.length; i++) {
    const d = appraisal.differences[i];
    rows.push([
      t(d.sheet),
      { kind: 'link', text: d.code, sheet: d.sheet, address: d.appraisedCell },
      t(d.name),
      points(d.self),
      points(d.appraised),
      points(d.difference),
      t(d.evidence),
      t(d.explanation),
    ]);
  }
  rows.push([]);
  rows.push([t(text('lostHeading', lang), true)]);
  rows.push([text('appendix', lang), text('code', lang), text('field', lang), text('lost', lang)].map(bold));
  for (let i = 0; i < appraisal.lostByField.length; i++) {
    const f = appraisal.lostByField[i];
    rows.push([t(f.sheet), t(f.code), t(f.name), points(f.lost)]);
  }
}
