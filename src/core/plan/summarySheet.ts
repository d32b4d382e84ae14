import { Flag } from '../check/flag';
import { flagMessage, severityLabel, text } from '../messages/catalogue';
import { Lang } from '../number/format';
import { percentHundredths, Points, unitsToNumber } from '../number/points';
import { SummaryCell, SummarySheet } from './types';

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
  fields: SummaryFieldLine[];
  max: Points;
  self: Points;
  appraised: Points | null;
}

export interface SummaryInput {
  fileName?: string;
  tables: SummaryTableInput[];
  max: Points;
  self: Points;
  appraised: Points | null;
  flags: Flag[];
  lang: Lang;
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

function scoreLine(label: SummaryCell[], max: Points, self: Points, appraised: Points | null, bold: boolean): SummaryCell[] {
  return label.concat([
    points(max, bold),
    points(self, bold),
    percent(self, max, bold),
    appraised === null ? t('') : points(appraised, bold),
    percent(appraised, max, bold),
  ]);
}

export function buildSummarySheet(input: SummaryInput): SummarySheet {
  const lang = input.lang;
  const rows: SummaryCell[][] = [];
  rows.push([t(text('summarySheetTitle', lang), true)]);
  rows.push([t(text('summaryOwnedNote', lang))]);
  if (input.fileName) rows.push([t(input.fileName)]);
  rows.push([]);
  rows.push(
    [text('appendix', lang), text('code', lang), text('field', lang), text('max', lang), text('self', lang), text('selfPercent', lang), text('appraised', lang), text('appraisedPercent', lang)].map(function (h) {
      return t(h, true);
    }),
  );
  for (let i = 0; i < input.tables.length; i++) {
    const table = input.tables[i];
    for (let j = 0; j < table.fields.length; j++) {
      const f = table.fields[j];
      rows.push(scoreLine([t(table.sheet), { kind: 'link', text: f.code, sheet: table.sheet, address: f.address }, t(f.name)], f.max, f.self, f.appraised, false));
    }
    rows.push(scoreLine([t(table.sheet, true), t(''), t(text('sheetTotal', lang), true)], table.max, table.self, table.appraised, true));
  }
  if (input.tables.length > 1) rows.push(scoreLine([t(text('grandTotal', lang), true), t(''), t('')], input.max, input.self, input.appraised, true));
  rows.push([]);
  rows.push([t(text('flagsHeading', lang), true)]);
  rows.push([text('severity', lang), text('kind', lang), text('message', lang), text('sheet', lang), text('cell', lang), text('code', lang)].map(function (h) {
    return t(h, true);
  }));
  if (input.flags.length === 0) rows.push([t(text('noFlags', lang))]);
  for (let i = 0; i < input.flags.length; i++) {
    const f = input.flags[i];
    rows.push([
      t(severityLabel(f.severity, lang)),
      t(f.kind),
      t(flagMessage(f, lang)),
      t(f.sheet),
      f.cell ? { kind: 'link', text: f.cell, sheet: f.sheet, address: f.cell } : t(''),
      t(f.code),
    ]);
  }
  return { name: SUMMARY_SHEET_NAME, rows: rows, columnWidths: [14, 18, 60, 14, 12, 14, 12, 14] };
}
