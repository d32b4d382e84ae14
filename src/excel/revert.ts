/// <reference types="office-js" />
import { RevertReport } from '../core/host';
import { CHART_NAME, SUMMARY_SHEET_NAME } from '../core/plan';
import { BACKUP_SHEET_NAME, BackupRecord, parseBackup } from './backupRecords';
import { forgetFills, normColor, previousFill, rememberNames } from './documentSettings';
import { hostError, toHostError } from './officeErrors';
import { isOwnNote, rangeAddress } from './planCells';
import { listNames, noteContents, ownConditionalFormats } from './read';
import { contains, GatewaySession, run, sync } from './session';
import { hasOwnRules, OwnRules, ownNames, queueRemoveRules, queueValidationProbe, readValidationDetail, TIER_SHEET_NAME, ValidationProbe, validationsFound } from './sheetRules';
import { cellKey, DeletedNote, Op } from './writeQueue';

/**
 * "Hoàn tác lần ghi gần nhất" (every written cell back from the backup sheet) and "Xóa đánh dấu" (only
 * the tool's own highlights). One read sync finds the backup, the tool's conditional formats and (from
 * 1.18) the contents of each sheet's notes; below 1.6 one more reads which painted fills still show the
 * tool's colour; from 1.18 one more looks at the notes of the highlighted cells, only on a sheet with a
 * note of someone else's; one sync writes. ES5.
 */

interface Marks {
  sheet: string;
  address: string;
  ids: string[];
}

interface Found {
  backup: BackupRecord[] | null;
  names: string[];
  marks: Marks[];
  /** From 1.18: the contents of each sheet's notes, by sheet name (every sheet but the tool's own). */
  notes: { [sheet: string]: string[] };
  /** From 1.8: the tool's validations, names and sheet of levels. */
  rules: OwnRules;
  /** Whether the summary sheet carries the tool's chart (a summary kept, its cells put back, loses it). */
  summaryChart: boolean;
}

/** A painted fill still showing, and the fill to put back (undefined: not known, cleared). */
interface ShownFill {
  s: string;
  a: string;
  fill: string | null | undefined;
}

async function readBackupAndMarks(session: GatewaySession): Promise<Found> {
  const known = session.names || (await listNames(session));
  return run(session, async function (context: Excel.RequestContext) {
    const features = session.features;
    const sheets = context.workbook.worksheets;
    sheets.load('items/name');
    let backupRange: Excel.Range | null = null;
    const cfParts: Array<{ sheet: string; used: Excel.Range }> = [];
    const noteParts: Array<{ sheet: string; notes: Excel.NoteCollection }> = [];
    const dvParts: Array<{ sheet: string; used: Excel.Range; probe: ValidationProbe }> = [];
    let definedNames: Excel.NamedItemCollection | null = null;
    let summaryCharts: Excel.ChartCollection | null = null;
    if (features.sheetRules) {
      definedNames = context.workbook.names;
      definedNames.load('items/name');
    }
    for (let i = 0; i < known.length; i++) {
      if (known[i] === TIER_SHEET_NAME) continue;
      if (known[i] === BACKUP_SHEET_NAME) {
        backupRange = sheets.getItem(BACKUP_SHEET_NAME).getUsedRange();
        backupRange.load('values');
        continue;
      }
      if (known[i] === SUMMARY_SHEET_NAME) {
        summaryCharts = sheets.getItem(SUMMARY_SHEET_NAME).charts;
        summaryCharts.load('items/name');
        continue;
      }
      if (features.conditionalFormats) {
        const used = sheets.getItem(known[i]).getUsedRange();
        used.load('address');
        used.conditionalFormats.load('items/id,items/type,items/customOrNullObject/rule/formula');
        cfParts.push({ sheet: known[i], used: used });
      }
      if (features.sheetRules) {
        const ws = sheets.getItem(known[i]);
        const valuesUsed = ws.getUsedRange(true);
        valuesUsed.load('rowIndex,columnIndex,rowCount,columnCount');
        dvParts.push({ sheet: known[i], used: valuesUsed, probe: queueValidationProbe(session, known[i], ws, valuesUsed) });
      }
      if (features.notes) {
        const notes = sheets.getItem(known[i]).notes;
        notes.load('items/content');
        noteParts.push({ sheet: known[i], notes: notes });
      }
    }
    await sync(session, context);
    const fresh: string[] = [];
    for (let i = 0; i < sheets.items.length; i++) fresh.push(sheets.items[i].name);
    rememberNames(session, fresh);
    const marks: Marks[] = [];
    for (let p = 0; p < cfParts.length; p++) {
      const ids = features.conditionalFormats ? ownConditionalFormats(session, cfParts[p].used.conditionalFormats) : [];
      if (ids.length) marks.push({ sheet: cfParts[p].sheet, address: String(cfParts[p].used.address).replace(/^.*!/, ''), ids: ids });
    }
    const notes: { [sheet: string]: string[] } = {};
    if (features.notes) for (let p = 0; p < noteParts.length; p++) notes[noteParts[p].sheet] = noteContents(noteParts[p].notes);
    const rules: OwnRules = { validations: {}, names: [], tierSheet: contains(fresh, TIER_SHEET_NAME) };
    const detail: Array<{ name: string; top: number; left: number; rows: number; cols: number }> = [];
    if (features.sheetRules) {
      if (definedNames) rules.names = ownNames(definedNames);
      for (let p = 0; p < dvParts.length; p++) {
        const u = dvParts[p].used;
        const v = validationsFound(session, dvParts[p].sheet, dvParts[p].probe, u.rowIndex, u.columnIndex, u.rowCount, u.columnCount);
        if (v) rules.validations[dvParts[p].sheet] = v.own;
        else detail.push({ name: dvParts[p].sheet, top: u.rowIndex, left: u.columnIndex, rows: u.rowCount, cols: u.columnCount });
      }
    }
    let summaryChart = false;
    if (summaryCharts) for (let i = 0; i < summaryCharts.items.length; i++) if (summaryCharts.items[i].name === CHART_NAME) summaryChart = true;
    const result: Found = { backup: backupRange ? parseBackup(backupRange.values) : null, names: fresh, marks: marks, notes: notes, rules: rules, summaryChart: summaryChart };
    return { result: result, detail: detail };
  }).then(function (read) {
    // From 1.8, only for a sheet with some validation this session had not read: its cells one by one.
    if (!read.detail.length || !session.features.sheetRules) return read.result;
    return readValidationDetail(session, read.detail).then(function (found) {
      for (const sheet in found) if (Object.prototype.hasOwnProperty.call(found, sheet)) read.result.rules.validations[sheet] = found[sheet].own;
      return read.result;
    });
  });
}

/**
 * From 1.8: removes the tool's validations, names and sheet of levels found by the read, on `context`.
 * @apiFeature sheetRules
 */
function removeRules(context: Excel.RequestContext, rules: OwnRules): void {
  const ops: Op[] = [];
  queueRemoveRules(ops, rules, false);
  for (let i = 0; i < ops.length; i++) ops[i].apply(context);
}

/** Below 1.6: the fills the tool painted, still showing the tool's colour now. */
async function ownFillsStillShown(session: GatewaySession, backup: BackupRecord[], present: string[]): Promise<ShownFill[]> {
  const recs: Array<{ s: string; a: string; c: string; fill?: string | null }> = [];
  for (let i = 0; i < backup.length; i++) {
    const b = backup[i];
    if (b.k === 'h' && !b.cf && contains(present, b.s)) recs.push(b);
  }
  if (!recs.length) return [];
  return run(session, async function (context: Excel.RequestContext) {
    const fills: Excel.RangeFill[] = [];
    for (let i = 0; i < recs.length; i++) {
      const f = context.workbook.worksheets.getItem(recs[i].s).getRange(recs[i].a).format.fill;
      f.load('color');
      fills.push(f);
    }
    await sync(session, context);
    const out: ShownFill[] = [];
    for (let i = 0; i < recs.length; i++)
      if (normColor(fills[i].color) === normColor(recs[i].c)) out.push({ s: recs[i].s, a: recs[i].a, fill: previousFill(session, recs[i].fill, recs[i].s, recs[i].a) });
    return out;
  });
}

/** A note the tool wrote, found on a cell it highlighted. */
interface OwnNote {
  s: string;
  a: string;
}

/** The tool's notes to remove: all the notes of a sheet that has only the tool's (by position), or cells looked at one by one. */
interface OwnNotes {
  sheets: Array<{ sheet: string; count: number }>;
  cells: OwnNote[];
}

/**
 * From 1.18: the tool's own notes on the sheets the backup says it highlighted. A sheet whose notes the
 * read found all the tool's (every one starting with OWN_NOTE_PREFIX) has them all removed by position,
 * with nothing more to read; on a sheet with a note of someone else's, the note of each cell the backup
 * says the tool highlighted is looked at (one more read sync) and only the tool's are listed.
 * @apiFeature notes
 */
async function ownNotesOnHighlights(session: GatewaySession, backup: BackupRecord[], found: Found): Promise<OwnNotes> {
  const out: OwnNotes = { sheets: [], cells: [] };
  const cells: OwnNote[] = [];
  const seen: { [key: string]: boolean } = {};
  const sheetSeen: { [sheet: string]: boolean } = {};
  for (let i = 0; i < backup.length; i++) {
    const b = backup[i];
    if (b.k !== 'h' || !contains(found.names, b.s) || seen[b.s + '!' + b.a]) continue;
    seen[b.s + '!' + b.a] = true;
    const notes = found.notes[b.s];
    let allOwn = !!notes;
    if (notes) for (let k = 0; k < notes.length; k++) if (!isOwnNote(notes[k])) allOwn = false;
    if (!allOwn) cells.push({ s: b.s, a: b.a });
    else if (!sheetSeen[b.s]) {
      sheetSeen[b.s] = true;
      if (notes.length) out.sheets.push({ sheet: b.s, count: notes.length });
    }
  }
  if (!cells.length) return out;
  return run(session, async function (context: Excel.RequestContext) {
    const notes: Excel.Note[] = [];
    for (let i = 0; i < cells.length; i++) {
      const note = context.workbook.worksheets.getItem(cells[i].s).notes.getItemOrNullObject(cells[i].a);
      note.load('content');
      notes.push(note);
    }
    await sync(session, context);
    for (let i = 0; i < cells.length; i++) if (!notes[i].isNullObject && isOwnNote(notes[i].content)) out.cells.push(cells[i]);
    return out;
  });
}

function noteCount(notes: OwnNotes): number {
  let n = notes.cells.length;
  for (let i = 0; i < notes.sheets.length; i++) n += notes.sheets[i].count;
  return n;
}

/**
 * From 1.18: deletes the tool's own notes found by ownNotesOnHighlights: by cell, and on a sheet of only
 * the tool's notes by position from the last (Office resolves getItemAt when the batch runs), each one's
 * content and cell loaded just before, into `deleted`, so that a note someone added since the read can be
 * put back (restoreOthersNotes).
 * @apiFeature notes
 */
function removeOwnNotes(context: Excel.RequestContext, notes: OwnNotes, deleted: DeletedNote[]): void {
  for (let i = 0; i < notes.cells.length; i++) context.workbook.worksheets.getItem(notes.cells[i].s).notes.getItem(notes.cells[i].a).delete();
  for (let i = 0; i < notes.sheets.length; i++) {
    const sheet = notes.sheets[i].sheet;
    const collection = context.workbook.worksheets.getItem(sheet).notes;
    for (let k = notes.sheets[i].count - 1; k >= 0; k--) {
      const note = collection.getItemAt(k);
      note.load('content');
      const location = note.getLocation();
      location.load('address');
      note.delete();
      deleted.push({ sheet: sheet, note: note, location: location });
    }
  }
}

/**
 * From 1.18, after the write: a note removed by position that was not the tool's (someone added it since
 * the read) goes back on its cell, in one more sync that only then happens.
 * @apiFeature notes
 */
async function restoreOthersNotes(session: GatewaySession, context: Excel.RequestContext, deleted: DeletedNote[]): Promise<void> {
  let n = 0;
  for (let i = 0; i < deleted.length; i++) {
    if (isOwnNote(deleted[i].note.content)) continue;
    context.workbook.worksheets.getItem(deleted[i].sheet).notes.add(cellKey(deleted[i].location.address), deleted[i].note.content);
    n++;
  }
  if (n) await sync(session, context);
}

/** From 1.6: deletes the tool's conditional formats found; returns how many. */
function removeMarks(session: GatewaySession, context: Excel.RequestContext, marks: Marks[]): number {
  if (!session.features.conditionalFormats) return 0;
  let n = 0;
  for (let i = 0; i < marks.length; i++) {
    const cfs = context.workbook.worksheets.getItem(marks[i].sheet).getRange(marks[i].address).conditionalFormats;
    for (let k = 0; k < marks[i].ids.length; k++) {
      cfs.getItem(marks[i].ids[k]).delete();
      n++;
    }
  }
  return n;
}

function clearFills(context: Excel.RequestContext, fills: ShownFill[]): void {
  for (let i = 0; i < fills.length; i++) {
    const range = context.workbook.worksheets.getItem(fills[i].s).getRange(fills[i].a);
    const fill = fills[i].fill;
    if (fill) range.format.fill.color = fill;
    else range.format.fill.clear();
  }
}

/** A batch that writes: change events it causes are not the user's. */
function writeBatch<T>(session: GatewaySession, batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
  session.writing++;
  return run(session, batch).then(
    function (result) {
      session.writing--;
      return result;
    },
    function (e: unknown): never {
      session.writing--;
      throw e;
    },
  );
}

function asHostError(e: unknown): never {
  throw toHostError(e);
}

async function revertOnce(session: GatewaySession): Promise<RevertReport> {
  const found = await readBackupAndMarks(session);
  const backup = found.backup;
  if (!backup || backup.length === 0) throw hostError('nothing-to-revert');
  const fills = session.features.conditionalFormats ? [] : await ownFillsStillShown(session, backup, found.names);
  const notes: OwnNotes = session.features.notes ? await ownNotesOnHighlights(session, backup, found) : { sheets: [], cells: [] };
  const notesDeleted: DeletedNote[] = [];
  let restored = 0;
  const deleted: string[] = [];
  await writeBatch(session, async function (context: Excel.RequestContext) {
    const sheets = context.workbook.worksheets;
    let meta: (BackupRecord & { k: 'meta' }) | null = null;
    for (let i = 0; i < backup.length; i++) {
      const b = backup[i];
      if (b.k === 'meta') meta = b;
      if (b.k !== 'w' || !contains(found.names, b.s)) continue;
      const range = sheets.getItem(b.s).getRange(b.a);
      range.numberFormat = [[b.nf]];
      range.formulas = [[b.f === null ? '' : b.f]];
      restored++;
    }
    removeMarks(session, context, found.marks);
    clearFills(context, fills);
    if (session.features.notes) removeOwnNotes(context, notes, notesDeleted);
    if (session.features.sheetRules) {
      removeRules(context, found.rules);
      if (found.rules.tierSheet) deleted.push(TIER_SHEET_NAME);
    }
    if (contains(found.names, SUMMARY_SHEET_NAME)) {
      const ws = sheets.getItem(SUMMARY_SHEET_NAME);
      if (meta && meta.summaryExisted && meta.summary && meta.summary.length) {
        ws.getRange().clear();
        ws.getRange(rangeAddress(0, 0, meta.summary.length, meta.summary[0].length)).formulas = meta.summary;
        if (found.summaryChart) ws.charts.getItem(CHART_NAME).delete();
      } else {
        ws.delete();
        deleted.push(SUMMARY_SHEET_NAME);
      }
    }
    sheets.getItem(BACKUP_SHEET_NAME).delete();
    deleted.push(BACKUP_SHEET_NAME);
    await sync(session, context);
    if (session.features.notes) await restoreOthersNotes(session, context, notesDeleted);
  });
  session.state = null;
  const left: string[] = [];
  for (let i = 0; i < found.names.length; i++) if (!contains(deleted, found.names[i])) left.push(found.names[i]);
  rememberNames(session, left);
  forgetFills(session);
  session.revertable = false;
  return { restored: restored };
}

export function revertLastWrite(session: GatewaySession): Promise<RevertReport> {
  return revertOnce(session).then(undefined, asHostError);
}

async function clearOnce(session: GatewaySession): Promise<number> {
  const found = await readBackupAndMarks(session);
  const fills = session.features.conditionalFormats || !found.backup ? [] : await ownFillsStillShown(session, found.backup, found.names);
  const notes: OwnNotes = session.features.notes && found.backup ? await ownNotesOnHighlights(session, found.backup, found) : { sheets: [], cells: [] };
  const rules = session.features.sheetRules && hasOwnRules(found.rules);
  if (!found.marks.length && !fills.length && !noteCount(notes) && !rules) return 0;
  const notesDeleted: DeletedNote[] = [];
  let n = 0;
  await writeBatch(session, async function (context: Excel.RequestContext) {
    n = removeMarks(session, context, found.marks) + fills.length;
    clearFills(context, fills);
    if (session.features.sheetRules && rules) removeRules(context, found.rules);
    if (session.features.notes) removeOwnNotes(context, notes, notesDeleted);
    await sync(session, context);
    if (session.features.notes) await restoreOthersNotes(session, context, notesDeleted);
  });
  session.state = null;
  if (rules && found.rules.tierSheet) {
    const left: string[] = [];
    for (let i = 0; i < found.names.length; i++) if (found.names[i] !== TIER_SHEET_NAME) left.push(found.names[i]);
    rememberNames(session, left);
  }
  return n;
}

export function clearHighlights(session: GatewaySession): Promise<number> {
  return clearOnce(session).then(undefined, asHostError);
}

export function selectCell(session: GatewaySession, sheet: string, address: string): Promise<void> {
  return run(session, function (context: Excel.RequestContext) {
    const ws = context.workbook.worksheets.getItem(sheet);
    ws.activate();
    ws.getRange(address).select();
    return sync(session, context);
  }).then(undefined, function (e: unknown): never {
    throw toHostError(e, sheet);
  });
}
