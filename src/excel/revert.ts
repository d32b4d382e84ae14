/// <reference types="office-js" />
import { RevertReport } from '../core/host';
import { SUMMARY_SHEET_NAME } from '../core/plan';
import { BACKUP_SHEET_NAME, BackupRecord, parseBackup } from './backupRecords';
import { forgetFills, normColor, previousFill, rememberNames } from './documentSettings';
import { hostError, toHostError } from './officeErrors';
import { isOwnNote, rangeAddress } from './planCells';
import { listNames, ownConditionalFormats } from './read';
import { contains, GatewaySession, run, sync } from './session';

/**
 * "Hoàn tác lần ghi gần nhất" (every written cell back from the backup sheet) and "Xóa đánh dấu" (only
 * the tool's own highlights). One read sync finds the backup and the tool's conditional formats; below
 * 1.6 one more reads which painted fills still show the tool's colour; one sync writes. ES5.
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
    for (let i = 0; i < known.length; i++) {
      if (known[i] === BACKUP_SHEET_NAME) {
        backupRange = sheets.getItem(BACKUP_SHEET_NAME).getUsedRange();
        backupRange.load('values');
      } else if (features.conditionalFormats && known[i] !== SUMMARY_SHEET_NAME) {
        const used = sheets.getItem(known[i]).getUsedRange();
        used.load('address');
        used.conditionalFormats.load('items/id,items/type,items/customOrNullObject/rule/formula');
        cfParts.push({ sheet: known[i], used: used });
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
    return { backup: backupRange ? parseBackup(backupRange.values) : null, names: fresh, marks: marks };
  });
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

/**
 * From 1.18: the tool's own notes on the cells the backup says it highlighted (one read sync); a note
 * that does not start with OWN_NOTE_PREFIX is the user's and is not listed.
 * @apiFeature notes
 */
async function ownNotesOnHighlights(session: GatewaySession, backup: BackupRecord[], present: string[]): Promise<OwnNote[]> {
  const cells: OwnNote[] = [];
  const seen: { [key: string]: boolean } = {};
  for (let i = 0; i < backup.length; i++) {
    const b = backup[i];
    if (b.k !== 'h' || !contains(present, b.s) || seen[b.s + '!' + b.a]) continue;
    seen[b.s + '!' + b.a] = true;
    cells.push({ s: b.s, a: b.a });
  }
  if (!cells.length) return [];
  return run(session, async function (context: Excel.RequestContext) {
    const notes: Excel.Note[] = [];
    for (let i = 0; i < cells.length; i++) {
      const note = context.workbook.worksheets.getItem(cells[i].s).notes.getItemOrNullObject(cells[i].a);
      note.load('content');
      notes.push(note);
    }
    await sync(session, context);
    const own: OwnNote[] = [];
    for (let i = 0; i < cells.length; i++) if (!notes[i].isNullObject && isOwnNote(notes[i].content)) own.push(cells[i]);
    return own;
  });
}

/**
 * From 1.18: deletes the tool's own notes found by ownNotesOnHighlights.
 * @apiFeature notes
 */
function removeOwnNotes(context: Excel.RequestContext, notes: OwnNote[]): void {
  for (let i = 0; i < notes.length; i++) context.workbook.worksheets.getItem(notes[i].s).notes.getItem(notes[i].a).delete();
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
  const notes = session.features.notes ? await ownNotesOnHighlights(session, backup, found.names) : [];
  let restored = 0;
  const deleted: string[] = [];
  await writeBatch(session, function (context: Excel.RequestContext) {
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
    if (session.features.notes) removeOwnNotes(context, notes);
    if (contains(found.names, SUMMARY_SHEET_NAME)) {
      const ws = sheets.getItem(SUMMARY_SHEET_NAME);
      if (meta && meta.summaryExisted && meta.summary && meta.summary.length) {
        ws.getRange().clear();
        ws.getRange(rangeAddress(0, 0, meta.summary.length, meta.summary[0].length)).formulas = meta.summary;
      } else {
        ws.delete();
        deleted.push(SUMMARY_SHEET_NAME);
      }
    }
    sheets.getItem(BACKUP_SHEET_NAME).delete();
    deleted.push(BACKUP_SHEET_NAME);
    return sync(session, context);
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
  const notes = session.features.notes && found.backup ? await ownNotesOnHighlights(session, found.backup, found.names) : [];
  if (!found.marks.length && !fills.length && !notes.length) return 0;
  let n = 0;
  await writeBatch(session, function (context: Excel.RequestContext) {
    n = removeMarks(session, context, found.marks) + fills.length;
    clearFills(context, fills);
    if (session.features.notes) removeOwnNotes(context, notes);
    return sync(session, context);
  });
  session.state = null;
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
