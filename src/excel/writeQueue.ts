/// <reference types="office-js" />
import { a1, columnLetters } from '../core/address';
import { CellScalar } from '../core/grid';
import { escapeAmpersands, PRINT_MARGINS, PrintLayout, printLayout, SummarySheet, titleRowsReference, WritePlan } from '../core/plan';
import { BACKUP_SHEET_NAME, BackupRecord } from './backupRecords';
import { previousFill } from './documentSettings';
import { isOwnNote, NoteCell, quoteSheet, rangeAddress, SheetNotes, summaryBlock, writeContent } from './planCells';
import { HIGHLIGHT_MARKER_FORMULA } from './read';
import { findSheet, prevOf, ReadState } from './readState';
import { GatewaySession, indexOf } from './session';

/**
 * The write queue: every write as an operation with its payload estimate, queued on a batch later and
 * flushed in as few syncs as Office's payload limit allows (one for any ordinary plan). ES5.
 */

/** One queued operation and the bytes it adds to the request, roughly. */
export interface Op {
  size: number;
  apply: (context: Excel.RequestContext) => void;
}

/** A conditional format the write added (1.6+): its id is known after the sync, to delete it on failure. */
export interface AddedFormat {
  sheet: string;
  address: string;
  cf: Excel.ConditionalFormat;
}

/** A fill loaded just before painting over it (below 1.6, without getCellProperties). */
export interface LoadedFill {
  key: string;
  fill: Excel.RangeFill;
}

/** Rows per operation, so that no single operation outgrows the payload limit. */
const CHUNK = 1000;

export function jsonSize(x: unknown): number {
  return JSON.stringify(x).length + 64;
}

/** Backup records (one JSON text per row) into a one-column range, formatted as text so Excel never parses them. */
export function writeRecordRows(range: Excel.Range, texts: string[][]): void {
  const formats: string[][] = [];
  for (let i = 0; i < texts.length; i++) formats.push(['@']);
  range.numberFormat = formats;
  range.values = texts;
}

export function queueBackup(session: GatewaySession, ops: Op[], records: BackupRecord[], exists: boolean): void {
  const features = session.features;
  const texts: string[][] = [];
  for (let i = 0; i < records.length; i++) texts.push([JSON.stringify(records[i])]);
  ops.push({
    size: 200,
    apply: function (context: Excel.RequestContext) {
      const sheets = context.workbook.worksheets;
      if (exists) sheets.getItem(BACKUP_SHEET_NAME).getRange().clear();
      else sheets.add(BACKUP_SHEET_NAME);
      if (features.setVisibility) sheets.getItem(BACKUP_SHEET_NAME).visibility = 'VeryHidden';
    },
  });
  for (let start = 0; start < texts.length; start += CHUNK) {
    const part = texts.slice(start, start + CHUNK);
    const first = start;
    ops.push({
      size: jsonSize(part) * 2,
      apply: function (context: Excel.RequestContext) {
        writeRecordRows(context.workbook.worksheets.getItem(BACKUP_SHEET_NAME).getRange('A' + (first + 1) + ':A' + (first + part.length)), part);
      },
    });
  }
}

export function queueWrites(ops: Op[], plan: WritePlan, s: ReadState): void {
  // Contiguous vertical blocks: same sheet and column, consecutive rows.
  const writes = plan.writes.slice().sort(function (x, y) {
    return x.sheet < y.sheet ? -1 : x.sheet > y.sheet ? 1 : x.col - y.col || x.row - y.row;
  });
  let i = 0;
  while (i < writes.length) {
    let j = i + 1;
    while (j < writes.length && writes[j].sheet === writes[i].sheet && writes[j].col === writes[i].col && writes[j].row === writes[j - 1].row + 1) j++;
    const block = writes.slice(i, j);
    const formulas: CellScalar[][] = [];
    const formats: string[][] = [];
    let anyFormat = false;
    const sr = findSheet(s, block[0].sheet);
    for (let k = 0; k < block.length; k++) {
      // A formula, or a constant for a value write (its backup is the same: the cell's previous formula-or-value).
      formulas.push([writeContent(block[k])]);
      if (block[k].numberFormat) anyFormat = true;
      formats.push([block[k].numberFormat || prevOf(sr, block[k].row, block[k].col).nf]);
    }
    const sheetName = block[0].sheet;
    const address = rangeAddress(block[0].row, block[0].col, block.length, 1);
    ops.push({
      size: jsonSize(formulas) + (anyFormat ? jsonSize(formats) : 0),
      apply: function (context: Excel.RequestContext) {
        const range = context.workbook.worksheets.getItem(sheetName).getRange(address);
        if (anyFormat) range.numberFormat = formats;
        range.formulas = formulas;
      },
    });
    i = j;
  }
}

/** From 1.6: removes the tool's own conditional formats the read found on each sheet. */
function queueRemoveOwnFormats(session: GatewaySession, ops: Op[], s: ReadState): void {
  if (!session.features.conditionalFormats) return;
  for (let i = 0; i < s.sheets.length; i++) {
    const sr = s.sheets[i];
    if (sr.ownCfIds.length === 0) continue;
    const ids = sr.ownCfIds;
    const address = rangeAddress(sr.top, sr.left, Math.max(1, sr.values.length), Math.max(1, sr.values[0] ? sr.values[0].length : 1));
    ops.push({
      size: jsonSize(ids),
      apply: function (context: Excel.RequestContext) {
        const cfs = context.workbook.worksheets.getItem(sr.name).getRange(address).conditionalFormats;
        for (let k = 0; k < ids.length; k++) cfs.getItem(ids[k]).delete();
      },
    });
  }
}

/** Below 1.6: puts back the fills the previous run painted (the user's own fill where it was known). */
function queueRemoveOwnFills(session: GatewaySession, ops: Op[], s: ReadState): void {
  if (!s.backup) return;
  const old = s.backup;
  ops.push({
    size: jsonSize(old),
    apply: function (context: Excel.RequestContext) {
      for (let k = 0; k < old.length; k++) {
        const b = old[k];
        if (b.k !== 'h' || b.cf || !findSheet(s, b.s)) continue;
        const range = context.workbook.worksheets.getItem(b.s).getRange(b.a);
        const before = previousFill(session, b.fill, b.s, b.a);
        if (before) range.format.fill.color = before;
        else range.format.fill.clear();
      }
    },
  });
}

/**
 * A highlight from 1.6: a conditional format with the tool's marker rule, its id loaded for a rollback.
 * @apiFeature conditionalFormats
 */
function paintConditional(context: Excel.RequestContext, sheet: string, address: string, color: string, added: AddedFormat[]): void {
  const cf = context.workbook.worksheets.getItem(sheet).getRange(address).conditionalFormats.add('Custom');
  cf.custom.rule.formula = HIGHLIGHT_MARKER_FORMULA;
  cf.custom.format.fill.color = color;
  cf.load('id');
  added.push({ sheet: sheet, address: address, cf: cf });
}

export function queueHighlights(session: GatewaySession, ops: Op[], plan: WritePlan, s: ReadState, added: AddedFormat[], loadedFills: LoadedFill[]): void {
  const features = session.features;
  // Remove what the previous run painted, then paint.
  if (features.conditionalFormats) queueRemoveOwnFormats(session, ops, s);
  else queueRemoveOwnFills(session, ops, s);
  const highlights = plan.highlights.slice().sort(function (x, y) {
    return x.sheet < y.sheet ? -1 : x.sheet > y.sheet ? 1 : x.col - y.col || x.row - y.row;
  });
  let i = 0;
  while (i < highlights.length) {
    let j = i + 1;
    while (
      j < highlights.length &&
      highlights[j].sheet === highlights[i].sheet &&
      highlights[j].col === highlights[i].col &&
      highlights[j].color === highlights[i].color &&
      highlights[j].row === highlights[j - 1].row + 1
    )
      j++;
    const first = highlights[i];
    const count = j - i;
    const address = rangeAddress(first.row, first.col, count, 1);
    const color = '#' + first.color.replace(/^#/, '');
    ops.push({
      size: 200,
      apply: function (context: Excel.RequestContext) {
        if (features.conditionalFormats) {
          paintConditional(context, first.sheet, address, color, added);
          return;
        }
        if (!features.cellProperties) {
          // Queued before the paint, so each load sees the fill the cell has just before it.
          for (let r = 0; r < count; r++) {
            const cellAddress = rangeAddress(first.row + r, first.col, 1, 1);
            const fill = context.workbook.worksheets.getItem(first.sheet).getRange(cellAddress).format.fill;
            fill.load('color');
            loadedFills.push({ key: first.sheet + '!' + cellAddress, fill: fill });
          }
        }
        context.workbook.worksheets.getItem(first.sheet).getRange(address).format.fill.color = color;
      },
    });
    i = j;
  }
}

/** Points a tool sheet's column takes per character of its width, as setColumnWidths sets it. */
const POINTS_PER_CHARACTER = 7;

/** From 1.2: column widths of a tool sheet (Excel's columnWidth is in points; ~7 per character). */
function setColumnWidths(session: GatewaySession, ws: Excel.Worksheet, widths: number[]): void {
  if (!session.features.columnWidth) return;
  for (let c = 0; c < widths.length; c++) ws.getRange(columnLetters(c) + ':' + columnLetters(c)).format.columnWidth = widths[c] * POINTS_PER_CHARACTER;
}

/**
 * A tool-owned sheet (the summary, a consolidation sheet) written as `name`: added, or cleared when it
 * `exists`; text as text (never parsed as a formula), numbers with their formats, bold, links, widths.
 */
export function queueSheet(session: GatewaySession, ops: Op[], sheet: SummarySheet, name: string, exists: boolean): void {
  const features = session.features;
  const block = summaryBlock(sheet, features.rangeHyperlink);
  const rows = block.formulas.length;
  const cols = rows ? block.formulas[0].length : 1;
  ops.push({
    size: 200 + sheet.columnWidths.length * 100,
    apply: function (context: Excel.RequestContext) {
      const sheets = context.workbook.worksheets;
      let ws: Excel.Worksheet;
      if (exists) {
        ws = sheets.getItem(name);
        ws.getRange().clear();
      } else {
        ws = sheets.add(name);
      }
      if (features.columnWidth) setColumnWidths(session, ws, sheet.columnWidths);
    },
  });
  // Rows in chunks, so that a long sheet (every flag of many communes) splits under the payload limit.
  for (let first = 0; first < rows; first += CHUNK) {
    const count = Math.min(CHUNK, rows - first);
    const formulas = block.formulas.slice(first, first + count);
    const formats = block.formats.slice(first, first + count);
    const links: typeof block.links = [];
    for (let k = 0; k < block.links.length; k++) if (block.links[k].r >= first && block.links[k].r < first + count) links.push(block.links[k]);
    const fills: typeof block.fills = [];
    for (let k = 0; k < block.fills.length; k++) if (block.fills[k].r >= first && block.fills[k].r < first + count) fills.push(block.fills[k]);
    const top = first;
    ops.push({
      size: jsonSize(formulas) + jsonSize(formats) + jsonSize(links) + jsonSize(fills),
      apply: function (context: Excel.RequestContext) {
        const ws = context.workbook.worksheets.getItem(name);
        const range = ws.getRange(rangeAddress(top, 0, count, cols));
        range.numberFormat = formats;
        range.formulas = formulas;
        for (let r = top; r < top + count; r++) {
          let c = 0;
          while (c < cols) {
            if (!block.bold[r][c]) {
              c++;
              continue;
            }
            let e = c + 1;
            while (e < cols && block.bold[r][e]) e++;
            ws.getRange(rangeAddress(r, c, 1, e - c)).format.font.bold = true;
            c = e;
          }
        }
        for (let k = 0; k < fills.length; k++) ws.getRange(a1(fills[k].r, fills[k].c)).format.fill.color = fills[k].color;
        if (features.rangeHyperlink) {
          for (let k = 0; k < links.length; k++) {
            const l = links[k];
            ws.getRange(a1(l.r, l.c)).hyperlink = { documentReference: quoteSheet(l.cell.sheet) + '!' + l.cell.address, textToDisplay: l.cell.text };
          }
        }
      },
    });
  }
}

/** Splits queued ops into batches under the payload limit. */
export function batches(session: GatewaySession, ops: Op[]): Op[][] {
  const out: Op[][] = [[]];
  let size = 0;
  for (let i = 0; i < ops.length; i++) {
    if (size > 0 && size + ops[i].size > session.payloadLimit) {
      out.push([]);
      size = 0;
    }
    out[out.length - 1].push(ops[i]);
    size += ops[i].size;
  }
  return out;
}

/** The sheets a plan writes or highlights, in first-seen order. */
export function sheetsTouched(plan: WritePlan): string[] {
  const list: string[] = [];
  for (let i = 0; i < plan.writes.length; i++) if (indexOf(list, plan.writes[i].sheet) < 0) list.push(plan.writes[i].sheet);
  for (let i = 0; i < plan.highlights.length; i++) if (indexOf(list, plan.highlights[i].sheet) < 0) list.push(plan.highlights[i].sheet);
  return list;
}

/** One highlighted cell's note as probed before the write (1.18+): a null object where the cell has none. */
export interface NoteProbe {
  sheet: string;
  address: string;
  note: Excel.Note;
  /** The tool's note for the cell now; null where the tool's earlier note must go (no longer highlighted). */
  text: string | null;
}

/** A note the write deleted by position (1.18+), its content and its cell loaded just before the delete. */
export interface DeletedNote {
  sheet: string;
  note: Excel.Note;
  location: Excel.Range;
}

/** What the write's own note operations did (1.18+): to check them after the sync, and to undo them. */
export interface NoteChanges {
  deleted: DeletedNote[];
  added: NoteCell[];
}

/** "'Phụ lục 1'!$F$80" or "f80" as "F80": how two addresses of one sheet's cell are compared. */
export function cellKey(address: string): string {
  return address.replace(/^.*!/, '').replace(/\$/g, '').toUpperCase();
}

/**
 * From 1.18, on the sheets whose notes the read found all the tool's (planNotes): every note deleted by
 * position, from the last (Office resolves getItemAt when the batch runs, in order, so a deletion leaves
 * the positions below it as they were), then the new notes added, all in the write's own sync. The
 * content and cell of each deleted note are loaded just before it goes, so that a note someone added
 * between the read and the write, taken by mistake, can be put back (queueNoteRepairs).
 * @apiFeature notes
 */
export function queueNotes(ops: Op[], sheets: SheetNotes[], changes: NoteChanges): void {
  for (let i = 0; i < sheets.length; i++) {
    const one = sheets[i];
    if (!one.direct) continue;
    const sheet = one.sheet;
    const count = one.count;
    const add = one.add;
    ops.push({
      size: 200 + count * 200 + jsonSize(add),
      apply: function (context: Excel.RequestContext) {
        const notes = context.workbook.worksheets.getItem(sheet).notes;
        for (let k = count - 1; k >= 0; k--) {
          const note = notes.getItemAt(k);
          note.load('content');
          const location = note.getLocation();
          location.load('address');
          note.delete();
          changes.deleted.push({ sheet: sheet, note: note, location: location });
        }
        for (let k = 0; k < add.length; k++) {
          notes.add(add[k].address, add[k].text);
          changes.added.push(add[k]);
        }
      },
    });
  }
}

/**
 * From 1.18, after the write's sync: a note a deletion by position took that was not the tool's (added
 * since the read) goes back on its cell, over the tool's new note if the write put one there. Returns
 * how many changes were queued: none unless someone added a note between the read and the write.
 * @apiFeature notes
 */
export function queueNoteRepairs(context: Excel.RequestContext, changes: NoteChanges): number {
  let n = 0;
  for (let i = 0; i < changes.deleted.length; i++) {
    const d = changes.deleted[i];
    if (isOwnNote(d.note.content)) continue;
    const address = cellKey(d.location.address);
    const notes = context.workbook.worksheets.getItem(d.sheet).notes;
    for (let k = 0; k < changes.added.length; k++) {
      const a = changes.added[k];
      if (a.sheet === d.sheet && cellKey(a.address) === address) notes.getItem(a.address).delete();
    }
    notes.add(address, d.note.content);
    n++;
  }
  return n;
}

/**
 * From 1.18, on the sheets with a note of someone else's: a look at the note of every cell the write
 * highlights there and of every cell the previous run highlighted (planNotes), read with the write's
 * first sync.
 * @apiFeature notes
 */
export function queueNoteProbes(context: Excel.RequestContext, sheets: SheetNotes[]): NoteProbe[] {
  const probes: NoteProbe[] = [];
  for (let i = 0; i < sheets.length; i++) {
    const one = sheets[i];
    if (one.direct) continue;
    for (let k = 0; k < one.cells.length; k++) {
      const c = one.cells[k];
      const note = context.workbook.worksheets.getItem(c.sheet).notes.getItemOrNullObject(c.address);
      note.load('content');
      probes.push({ sheet: c.sheet, address: c.address, note: note, text: c.text });
    }
  }
  return probes;
}

/**
 * From 1.18, after the probes' sync: a note added where the cell has none, the tool's own note updated or
 * removed; a user's note (one that does not start with OWN_NOTE_PREFIX) is never touched. Returns how
 * many changes were queued.
 * @apiFeature notes
 */
export function queueNoteChanges(context: Excel.RequestContext, probes: NoteProbe[]): number {
  let n = 0;
  for (let i = 0; i < probes.length; i++) {
    const p = probes[i];
    const own = !p.note.isNullObject && isOwnNote(p.note.content);
    if (p.text !== null && p.note.isNullObject) {
      context.workbook.worksheets.getItem(p.sheet).notes.add(p.address, p.text);
      n++;
    } else if (p.text !== null && own && p.note.content !== p.text) {
      p.note.content = p.text;
      n++;
    } else if (p.text === null && own) {
      p.note.delete();
      n++;
    }
  }
  return n;
}

/** A4 in points (210 × 297 mm). */
const A4_POINTS = { short: 595.28, long: 841.89 };

/** Excel's default column width in points (8.43 characters, 64 px), for a column the sheet gives no width. */
const DEFAULT_COLUMN_POINTS = 48;

/**
 * The print scale (%) that fits a tool sheet one page wide: the A4 page's width in its orientation inside
 * the margins, over the columns' width as this gateway sets it (setColumnWidths), floored and kept within
 * 10..100 (a narrow sheet prints at its own size, never enlarged). Office documents a zoom's `scale`; it
 * does not say what a `verticalFitToPages` of 0 ("as many pages tall as needed" in a file) means.
 */
export function fitToWidthScale(sheet: SummarySheet, print: PrintLayout): number {
  let points = 0;
  for (let c = 0; c < print.columns; c++) {
    const w = sheet.columnWidths[c];
    points += c < sheet.columnWidths.length && w >= 0 && isFinite(w) ? w * POINTS_PER_CHARACTER : DEFAULT_COLUMN_POINTS;
  }
  const page = (print.orientation === 'landscape' ? A4_POINTS.long : A4_POINTS.short) - (PRINT_MARGINS.left + PRINT_MARGINS.right) * 72;
  if (!(points > 0)) return 100;
  return Math.floor(Math.max(10, Math.min(100, (100 * page) / points)));
}

/**
 * From 1.9: a tool sheet print-ready, as the file writers make it (printLayout.ts): A4, its orientation,
 * scaled to one page wide however many tall, its header rows on every page, the print date in the header
 * and "Trang &P / &N" in the footer.
 * @apiFeature pageLayout
 */
function setPageLayout(context: Excel.RequestContext, sheet: SummarySheet, name: string): void {
  const print = printLayout(sheet);
  const layout = context.workbook.worksheets.getItem(name).pageLayout;
  layout.paperSize = 'A4';
  layout.orientation = print.orientation === 'landscape' ? 'Landscape' : 'Portrait';
  layout.zoom = { scale: fitToWidthScale(sheet, print) };
  if (print.titleRows) layout.setPrintTitleRows(titleRowsReference(print.titleRows));
  const pages = layout.headersFooters.defaultForAllPages;
  pages.leftHeader = escapeAmpersands(print.header.left);
  pages.rightHeader = print.header.right;
  pages.centerFooter = print.footer.center;
}

/**
 * From 1.9: the print layout of a tool sheet the write creates, queued after the sheet's cells in the
 * same batch. A host that refuses it fails the batch like any write, and the write is put back.
 */
export function queuePrintLayout(session: GatewaySession, ops: Op[], sheet: SummarySheet, name: string): void {
  if (!session.features.pageLayout) return;
  ops.push({
    size: 600 + jsonSize(sheet.name),
    apply: function (context: Excel.RequestContext) {
      setPageLayout(context, sheet, name);
    },
  });
}
