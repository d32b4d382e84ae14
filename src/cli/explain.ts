import { columnLetters } from '../core/address';
import { SheetAnalysis, WorkbookAnalysis } from '../core/analyse';
import { explainText, REASON_TEXT, ROLE_TEXT, ROW_KIND_TEXT, SKIP_TEXT } from '../core/messages';
import { headerRowsText, ReadKind, readRows } from '../core/report';
import { Lang } from '../core/number';
import { RowReading } from '../core/recognise';
import { ROLES } from './columns';

/**
 * `cchc score --explain` as text: for each table its header rows, the column of each role with the
 * reason and the alternatives, hidden columns, and what each body row was read as; then the sheets
 * not scored and why. Rows are 1-based as Excel shows them; the row list stops after `maxRows`.
 */

export const EXPLAIN_MAX_ROWS = 200;

/** Name snippets in the row list are cut to this many characters. */
const SNIPPET = 60;

function oneLine(text: string, max: number): string {
  const t = text.replace(/\s+/g, ' ').replace(/^ | $/g, '');
  return t.length > max ? t.substring(0, max - 1) + '…' : t;
}

function columnText(col: number, label: string, hidden: boolean | undefined, lang: Lang): string {
  const l = oneLine(label, SNIPPET);
  const text = l ? explainText('column', lang, { col: columnLetters(col), label: l }) : explainText('columnNoLabel', lang, { col: columnLetters(col) });
  return hidden ? text + explainText('hiddenMark', lang) : text;
}

function rowLine(sheet: SheetAnalysis, reading: RowReading, kind: ReadKind, lang: Lang): string {
  const nameCol = sheet.table.columns.name;
  const cell = nameCol === undefined ? null : sheet.table.rowCell(reading.row, nameCol, false);
  const name = cell ? oneLine(cell.text, SNIPPET) : '';
  let line = explainText('rowLine', lang, { row: reading.row + 1, kind: ROW_KIND_TEXT[kind][lang] });
  // A tier row carries its criterion's code: "mức điểm của 1.1.1".
  if (reading.code) line += kind === 'tier' ? explainText('tierOf', lang, { code: reading.code }) : ' ' + reading.code;
  if (reading.label && reading.label !== reading.code && oneLine(reading.label, SNIPPET) !== name) line += explainText('rowLabel', lang, { label: reading.label });
  if (reading.hidden) line += explainText('hiddenMark', lang);
  return name ? line + ' — ' + name : line;
}

export function explainTable(sheet: SheetAnalysis, lang: Lang, maxRows: number = EXPLAIN_MAX_ROWS): string[] {
  const r = sheet.reading;
  const out: string[] = [];
  out.push(explainText('table', lang, { sheet: sheet.name, index: sheet.tableIndex }));
  out.push('  ' + headerRowsText(sheet, lang));

  const hiddenByCol: { [col: number]: boolean | undefined } = {};
  for (let i = 0; i < r.columns.length; i++) hiddenByCol[r.columns[i].col] = r.columns[i].hidden;
  out.push('  ' + explainText('columnsHeading', lang));
  const missing: string[] = [];
  for (const role of ROLES) {
    const reading = r.roles.filter((x) => x.role === role)[0];
    if (!reading) {
      missing.push(role + ' (' + ROLE_TEXT[role][lang] + ')');
      continue;
    }
    const column = columnText(reading.col, reading.label, hiddenByCol[reading.col], lang);
    out.push(
      '    ' +
        role +
        ' (' +
        ROLE_TEXT[role][lang] +
        '): ' +
        explainText('roleLine', lang, { column: column, reason: REASON_TEXT[reading.reason] ? REASON_TEXT[reading.reason][lang] : reading.reason }),
    );
    if (reading.alternatives.length > 0) {
      const list = reading.alternatives.map((a) => columnText(a.col, a.label, a.hidden, lang)).join('; ');
      out.push('        ' + explainText('alternatives', lang, { list: list }));
    }
  }
  if (missing.length > 0) out.push('  ' + explainText('noColumn', lang, { list: missing.join(', ') }));

  if (!r.hiddenKnown) out.push('  ' + explainText('hiddenUnknown', lang));
  else {
    const hidden = r.columns.filter((c) => c.hidden).map((c) => columnText(c.col, c.label, false, lang));
    out.push('  ' + (hidden.length ? explainText('hiddenColumns', lang, { list: hidden.join('; ') }) : explainText('noHiddenColumns', lang)));
  }

  const read = readRows(sheet, lang);
  const rows = read.rows;
  const kinds = read.kinds;
  out.push('  ' + explainText('rowsHeading', lang, { counts: read.counts }));
  const shown = Math.min(rows.length, maxRows);
  for (let i = 0; i < shown; i++) out.push('    ' + rowLine(sheet, rows[i], kinds[i], lang));
  if (rows.length > shown) out.push('    ' + explainText('moreRows', lang, { n: rows.length - shown }));
  return out;
}

export function formatExplanation(analysis: WorkbookAnalysis, lang: Lang, maxRows: number = EXPLAIN_MAX_ROWS): string {
  const out: string[] = [explainText('heading', lang), ''];
  for (const sheet of analysis.sheets) {
    out.push(...explainTable(sheet, lang, maxRows));
    out.push('');
  }
  if (analysis.skipped.length > 0) {
    out.push(explainText('skippedHeading', lang));
    for (const s of analysis.skipped) out.push('  ' + explainText('skippedLine', lang, { sheet: s.name, reason: SKIP_TEXT[s.reason] ? SKIP_TEXT[s.reason][lang] : s.reason }));
    out.push('');
  }
  return out.join('\n');
}
