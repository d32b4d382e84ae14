import { a1, columnLetters } from '../core/address';
import { CellScalar } from '../core/grid';
import { CellWrite, SUMMARY_SHEET_NAME, SummaryCell, SummarySheet, WritePlan } from '../core/plan';
import { BackupRecord } from './backupRecords';
import { findSheet, prevOf, ReadState } from './readState';

/** The write sync's data, prepared without Office.js: addresses, the summary block, backup records. ES5. */

/**
 * A tool-owned sheet (the summary sheet, a consolidation sheet) as one block of formulas/constants, number
 * formats and bold flags; links as HYPERLINK formulas where Range.hyperlink (1.7) is missing.
 */
export function summaryBlock(
  sheet: SummarySheet,
  rangeHyperlink: boolean,
): {
  formulas: CellScalar[][];
  formats: string[][];
  bold: boolean[][];
  links: Array<{ r: number; c: number; cell: SummaryCell & { kind: 'link' } }>;
  /** Cells with a background (the legend's swatches): "#RRGGBB". */
  fills: Array<{ r: number; c: number; color: string }>;
} {
  let width = 1;
  for (let r = 0; r < sheet.rows.length; r++) if (sheet.rows[r].length > width) width = sheet.rows[r].length;
  const formulas: CellScalar[][] = [];
  const formats: string[][] = [];
  const bold: boolean[][] = [];
  const links: Array<{ r: number; c: number; cell: SummaryCell & { kind: 'link' } }> = [];
  const fills: Array<{ r: number; c: number; color: string }> = [];
  for (let r = 0; r < sheet.rows.length; r++) {
    const src = sheet.rows[r];
    const fr: CellScalar[] = [];
    const nr: string[] = [];
    const br: boolean[] = [];
    for (let c = 0; c < width; c++) {
      const cell = src[c];
      if (!cell) {
        fr.push('');
        nr.push('General');
        br.push(false);
      } else if (cell.kind === 'number') {
        fr.push(cell.value);
        nr.push(cell.numberFormat || 'General');
        br.push(!!cell.bold);
      } else if (cell.kind === 'link') {
        links.push({ r: r, c: c, cell: cell });
        if (rangeHyperlink) fr.push(textConstant(cell.text));
        else fr.push('=HYPERLINK("#' + quoteSheet(cell.sheet).replace(/"/g, '""') + '!' + cell.address + '","' + cell.text.replace(/"/g, '""') + '")');
        nr.push('@');
        br.push(false);
      } else {
        fr.push(textConstant(cell.text));
        nr.push('@');
        br.push(!!cell.bold);
        if (cell.fill) fills.push({ r: r, c: c, color: '#' + cell.fill.replace(/^#/, '').toUpperCase() });
      }
    }
    formulas.push(fr);
    formats.push(nr);
    bold.push(br);
  }
  return { formulas: formulas, formats: formats, bold: bold, links: links, fills: fills };
}

/**
 * How the tool's own notes are told from a user's: every note it writes starts with this ("CCHC:", the
 * first words of Highlight.note in either language). Clear and revert delete only such notes, and only
 * on the cells the backup says the tool highlighted.
 */
export const OWN_NOTE_PREFIX = 'CCHC:';

export function isOwnNote(content: unknown): boolean {
  return typeof content === 'string' && content.indexOf(OWN_NOTE_PREFIX) === 0;
}

/** A note the write puts on a cell, or (text null) the tool's note it takes away from a cell. */
export interface NoteCell {
  sheet: string;
  address: string;
  text: string | null;
}

/** What a write does with the notes of one sheet it highlights now or highlighted before (1.18+). */
export type SheetNotes =
  /**
   * Every note on the sheet is the tool's, as the read found them: the write deletes them by position
   * (`count`, from the last) and adds `add`, all in its one sync.
   */
  | { sheet: string; direct: true; count: number; add: NoteCell[] }
  /** A note of someone else's (or notes the read could not list): each cell's note looked at first, one more sync. */
  | { sheet: string; direct: false; cells: NoteCell[] };

/**
 * The notes a write changes, sheet by sheet: the sheets it highlights and those the previous run's
 * backup says were highlighted, among the sheets read. A note goes on each highlighted cell that has one
 * (`Highlight.note`); the tool's earlier notes go. Plain data: the Office.js calls are writeQueue.ts's.
 */
export function planNotes(plan: WritePlan, s: ReadState): SheetNotes[] {
  const order: string[] = [];
  const cells: { [sheet: string]: NoteCell[] } = {};
  const seen: { [key: string]: boolean } = {};
  const put = function (sheet: string, address: string, text: string | null): void {
    const key = sheet + '!' + address;
    if (seen[key] || !findSheet(s, sheet)) return;
    seen[key] = true;
    if (!cells[sheet]) {
      cells[sheet] = [];
      order.push(sheet);
    }
    cells[sheet].push({ sheet: sheet, address: address, text: text });
  };
  for (let i = 0; i < plan.highlights.length; i++) put(plan.highlights[i].sheet, plan.highlights[i].address, plan.highlights[i].note || null);
  if (s.backup) {
    for (let i = 0; i < s.backup.length; i++) {
      const b = s.backup[i];
      if (b.k === 'h') put(b.s, b.a, null);
    }
  }
  const out: SheetNotes[] = [];
  for (let i = 0; i < order.length; i++) {
    const sheet = order[i];
    const sr = findSheet(s, sheet);
    const notes = sr ? sr.notes : undefined;
    let allOwn = !!notes;
    if (notes) for (let k = 0; k < notes.length; k++) if (!isOwnNote(notes[k])) allOwn = false;
    if (!notes || !allOwn) {
      out.push({ sheet: sheet, direct: false, cells: cells[sheet] });
      continue;
    }
    const add: NoteCell[] = [];
    for (let k = 0; k < cells[sheet].length; k++) if (cells[sheet][k].text !== null) add.push(cells[sheet][k]);
    if (notes.length || add.length) out.push({ sheet: sheet, direct: true, count: notes.length, add: add });
  }
  return out;
}

/** Excel's limits on a sheet name: at most 31 characters, none of : \ / ? * [ ], no apostrophe at either end. */
const SHEET_NAME_MAX = 31;

/**
 * `wanted` made a legal sheet name that none of `existing` holds (Excel compares names case-insensitively):
 * "Tổng hợp xếp hạng", then "Tổng hợp xếp hạng (2)", "(3)"…, shortened to fit 31 characters.
 */
export function uniqueSheetName(wanted: string, existing: string[]): string {
  let base = wanted
    .replace(/[:\\/?*\[\]]/g, ' ')
    .replace(/^'+|'+$/g, '')
    .replace(/\s+/g, ' ')
    .replace(/^\s+|\s+$/g, '');
  if (!base || base.toLowerCase() === 'history') base = 'CCHC';
  const taken = function (name: string): boolean {
    for (let i = 0; i < existing.length; i++) if (existing[i].toLowerCase() === name.toLowerCase()) return true;
    return false;
  };
  let candidate = base.substring(0, SHEET_NAME_MAX).replace(/[\s']+$/, '');
  for (let n = 2; taken(candidate); n++) {
    const suffix = ' (' + n + ')';
    candidate = base.substring(0, SHEET_NAME_MAX - suffix.length).replace(/\s+$/, '') + suffix;
  }
  return candidate;
}

export function quoteSheet(name: string): string {
  return "'" + name.replace(/'/g, "''") + "'";
}

/** Text stays text: a leading apostrophe keeps "=…", "+…", "-…" and "@…" from being parsed. */
export function textConstant(text: string): string {
  return /^[=+\-@]/.test(text) ? "'" + text : text;
}

/**
 * What Range.formulas receives for one write: "=SUM(…)" for a formula, the constant itself for a value
 * write (the appraiser's fill: a number, or text such as "x", kept as text).
 */
export function writeContent(w: CellWrite): CellScalar {
  if (w.purpose === 'appraised-fill') return typeof w.value === 'number' ? w.value : textConstant(w.value);
  return '=' + w.formula;
}

export function rangeAddress(top: number, left: number, rows: number, cols: number): string {
  const start = a1(top, left);
  return rows === 1 && cols === 1 ? start : start + ':' + columnLetters(left + cols - 1) + (top + rows);
}

/** What each cell the plan writes or highlights held before, as backup records (the first is meta). */
export function buildBackup(plan: WritePlan, s: ReadState, level: string, conditionalFormats: boolean): BackupRecord[] {
  const records: BackupRecord[] = [];
  const summary = findSheet(s, SUMMARY_SHEET_NAME);
  const meta: BackupRecord = { k: 'meta', v: 1, summaryExisted: !!summary, level: level };
  if (summary) meta.summary = summary.formulas;
  records.push(meta);
  // Fills painted by the previous run are removed before painting again: their "previous" is the older one.
  const oldFill: { [key: string]: string | null | undefined } = {};
  if (s.backup) {
    for (let i = 0; i < s.backup.length; i++) {
      const b = s.backup[i];
      if (b.k === 'h' && !b.cf) oldFill[b.s + '!' + b.a] = b.fill;
    }
  }
  for (let i = 0; i < plan.writes.length; i++) {
    const w = plan.writes[i];
    const p = prevOf(findSheet(s, w.sheet), w.row, w.col);
    records.push({ k: 'w', s: w.sheet, a: w.address, f: p.f, nf: p.nf });
  }
  for (let i = 0; i < plan.highlights.length; i++) {
    const h = plan.highlights[i];
    const rec: BackupRecord = { k: 'h', s: h.sheet, a: h.address, c: '#' + h.color.replace(/^#/, '').toUpperCase(), cf: conditionalFormats };
    if (!conditionalFormats) {
      const key = h.sheet + '!' + h.address;
      const p = prevOf(findSheet(s, h.sheet), h.row, h.col);
      const fill = key in oldFill ? oldFill[key] : p.fill;
      if (fill !== undefined) rec.fill = fill;
    }
    records.push(rec);
  }
  return records;
}
