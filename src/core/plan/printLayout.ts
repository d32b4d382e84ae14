import { flagText } from '../messages/flagText';
import { Lang } from '../number/format';
import { SummarySheet } from './types';

/**
 * How a tool-owned sheet prints (the summary sheet, the consolidation's sheets), decided from the sheet
 * itself so that every writer prints it alike (the file patcher, the consolidation workbook, Office.js)
 * and so that a sheet passed on with rows added (the status row) keeps it: A4, one page wide however many
 * pages tall, portrait when the columns fit a portrait page at a readable size and landscape otherwise,
 * the table's header rows repeated on every page, the print date in the header and "Trang 1 / 3" in the
 * footer. Plain ES5: the core, the gateway and the file writers all import it.
 */

/** SpreadsheetML's paperSize for A4 (ECMA-376 Part 1, 18.3.1.63). */
export const A4_PAPER_SIZE = 9;

/** Excel's default margins (inches), which the file writers keep. */
export const PRINT_MARGINS = { left: 0.7, right: 0.7, top: 0.75, bottom: 0.75, header: 0.3, footer: 0.3 };

/**
 * Widest content, in Excel's column-width characters, that prints portrait. An A4 page is 8.27 in wide,
 * 6.87 in (495 pt, 660 px at 96 dpi) inside the margins; a column of width w takes about 7w + 5 px in the
 * default font, so ~90 characters of columns fit at 100%. Wider content prints landscape (10.29 in,
 * ~135 characters at 100%), scaled down to one page wide when it is wider still.
 */
export const PORTRAIT_MAX_CHARACTERS = 90;

/** Excel's default column width (characters), for a used column the sheet gives no width. */
export const DEFAULT_COLUMN_WIDTH = 8.43;

export interface PrintLayout {
  orientation: 'portrait' | 'landscape';
  /** Columns in use and their total width in characters (what chose the orientation). */
  columns: number;
  width: number;
  /** The header rows repeated at the top of every page, 0-based and inclusive; null when there is none. */
  titleRows: { first: number; last: number } | null;
  /** Header and footer texts in Excel's codes (&P page, &N pages, &D date), by position. */
  header: { left: string; right: string };
  footer: { center: string };
}

/** Columns in use: the longest row. */
function usedColumns(sheet: SummarySheet): number {
  let n = 0;
  for (let r = 0; r < sheet.rows.length; r++) if (sheet.rows[r] && sheet.rows[r].length > n) n = sheet.rows[r].length;
  return n;
}

/** Whether a row is a table's header: three cells or more, all bold text (some may be empty), one at least not. */
function isHeaderRow(row: SummarySheet['rows'][number] | undefined): boolean {
  if (!row || row.length < 3) return false;
  let words = 0;
  for (let c = 0; c < row.length; c++) {
    const cell = row[c];
    if (!cell || cell.kind !== 'text' || !cell.bold) return false;
    if (cell.text) words++;
  }
  return words > 0;
}

/** `lang`: the header's and footer's words; Vietnamese unless a writer knows the sheet is in English. */
export function printLayout(sheet: SummarySheet, lang: Lang = 'vi'): PrintLayout {
  const columns = usedColumns(sheet);
  let width = 0;
  for (let c = 0; c < columns; c++) {
    const w = sheet.columnWidths[c];
    width += w > 0 && isFinite(w) ? w : DEFAULT_COLUMN_WIDTH;
  }
  let titleRows: PrintLayout['titleRows'] = null;
  for (let r = 0; r < sheet.rows.length && !titleRows; r++) {
    if (!isHeaderRow(sheet.rows[r])) continue;
    let last = r;
    while (isHeaderRow(sheet.rows[last + 1])) last++;
    titleRows = { first: r, last: last };
  }
  return {
    orientation: width <= PORTRAIT_MAX_CHARACTERS ? 'portrait' : 'landscape',
    columns: columns,
    width: width,
    titleRows: titleRows,
    header: { left: sheet.name, right: flagText('printedOn', lang) },
    footer: { center: flagText('pageOf', lang) },
  };
}

/** The rows of a title range as Excel writes them in a reference: "$6:$6", "$6:$7". */
export function titleRowsReference(rows: { first: number; last: number }): string {
  return '$' + (rows.first + 1) + ':$' + (rows.last + 1);
}

/** One header or footer section in Excel's codes: "&L…&C…&R…" (a literal "&" doubled). */
export function headerFooterText(parts: { left?: string; center?: string; right?: string }, escape: (text: string) => string = escapeAmpersands): string {
  let out = '';
  if (parts.left) out += '&L' + escape(parts.left);
  if (parts.center) out += '&C' + parts.center;
  if (parts.right) out += '&R' + parts.right;
  return out;
}

/** A sheet name in a header is text: "&" doubled so that Excel does not read a code. */
export function escapeAmpersands(text: string): string {
  return text.replace(/&/g, '&&');
}
