/// <reference types="office-js" />
import { deleteOwnChart, queueChart } from './charts';
import { CellScalar } from '../core/grid';
import { ApplyOptions, ApplyReport } from '../core/host';
import { WritePlan } from '../core/plan';
import { BACKUP_SHEET_NAME, BackupRecord } from './backupRecords';
import { rememberFills, rememberNames } from './documentSettings';
import { hostError, toHostError } from './officeErrors';
import { buildBackup, planNotes, rangeAddress, SheetNotes } from './planCells';
import { readState } from './read';
import { at2, findSheet, prevOf, ReadState, SheetRead } from './readState';
import { contains, GatewaySession, run, sync } from './session';
import { AddedRules, buildRules, OwnRules, queueInstallRules, rememberValidationColumns, queueRemoveRules, staticHighlights, TIER_SHEET_NAME, undoInstalledRules, ValidationFound } from './sheetRules';
import {
  AddedFormat,
  batches,
  cellKey,
  LoadedFill,
  NoteChanges,
  NoteProbe,
  Op,
  queueBackup,
  queueHighlights,
  queueNoteChanges,
  queueNoteProbes,
  queueNoteRepairs,
  queueNotes,
  queuePrintLayout,
  queueSheet,
  queueWrites,
  sheetsTouched,
  writeRecordRows,
} from './writeQueue';

/**
 * The write sync: backup, writes, the summary sheet (from 1.9 its print layout when the write creates it),
 * highlights and (from 1.18) their notes in one context.sync() (more only over the payload limit), with a
 * conflict check queued before them; a failed or conflicting write is put back as it was. One more sync
 * only for the notes of a sheet that has a note of someone else's (each cell's note is looked at first). ES5.
 */

/** What a touched sheet held just before the write batch, as its conflict check read it. */
type Before = { [sheet: string]: { top: number; left: number; formulas: CellScalar[][] } };

interface Check {
  sheet: SheetRead;
  used: Excel.Range;
}

function sameGrid(a: CellScalar[][], b: CellScalar[][]): boolean {
  if (a.length !== b.length) return false;
  for (let r = 0; r < a.length; r++) {
    if (a[r].length !== b[r].length) return false;
    for (let c = 0; c < a[r].length; c++) if (a[r][c] !== b[r][c]) return false;
  }
  return true;
}

/** Conflict check: queued before any write, so it reads what each sheet holds just before the batch. */
function queueChecks(session: GatewaySession, context: Excel.RequestContext, s: ReadState, plan: WritePlan): Check[] {
  const checks: Check[] = [];
  const writeSheets = sheetsTouched(plan);
  for (let i = 0; i < writeSheets.length; i++) {
    const sr = findSheet(s, writeSheets[i]);
    if (!sr) continue;
    const ws = context.workbook.worksheets.getItem(sr.name);
    const used = session.features.usedRangeValuesOnly ? ws.getUsedRange(true) : ws.getUsedRange();
    used.load('rowIndex,columnIndex,formulas');
    checks.push({ sheet: sr, used: used });
  }
  return checks;
}

/** The first sheet another hand changed since the read, or null. */
function changedSheet(checks: Check[]): string | null {
  for (let i = 0; i < checks.length; i++) {
    const c = checks[i];
    if (c.used.rowIndex !== c.sheet.top || c.used.columnIndex !== c.sheet.left || !sameGrid(c.used.formulas, c.sheet.formulas)) return c.sheet.name;
  }
  return null;
}

export async function applyPlan(session: GatewaySession, plan: WritePlan, options: ApplyOptions): Promise<ApplyReport> {
  const features = session.features;
  const before = session.syncs;
  const s = session.state || (await readState(session));
  // From 1.8 the sheet rules of the analysis, given the cells the read found with the user's own
  // validation; a highlight a rule shows live gets the rule instead of a static fill.
  const rules = features.sheetRules && options.highlights && options.sheetRules ? buildRules(options.sheetRules, foundValidations(s)) : null;
  const effective: WritePlan = options.highlights ? plan : { writes: plan.writes, highlights: [], summary: plan.summary };
  // The highlights painted as static fills or marker formats: all but those a rule shows live (which keep
  // their backup record and their note, as the file patcher keeps a live cell's note).
  const painted: WritePlan =
    rules && options.sheetRules ? { writes: effective.writes, highlights: staticHighlights(effective.highlights, rules, options.sheetRules), summary: effective.summary } : effective;
  const touched = sheetsTouched(effective);
  for (let i = 0; i < touched.length; i++) {
    const sr = findSheet(s, touched[i]);
    if (sr && sr.protectedSheet) throw hostError('sheet-protected', sr.name);
  }
  const records = buildBackup(effective, s, features.level, features.conditionalFormats);
  const ops: Op[] = [];
  const backupExists = contains(s.names, BACKUP_SHEET_NAME);
  const summaryExists = contains(s.names, plan.summary.name);
  queueBackup(session, ops, records, backupExists);
  queueWrites(ops, effective, s);
  queueSheet(session, ops, plan.summary, plan.summary.name, summaryExists);
  const summaryRead = summaryExists ? findSheet(s, plan.summary.name) : null;
  queueChart(session, ops, plan.summary, plan.summary.name, (summaryRead && summaryRead.charts) || []);
  // From 1.9 a summary sheet the write creates is print-ready (a later run clears only its cells, the
  // layout stays). Queued before the highlights and notes: a host that refuses the layout fails the
  // batch before it touches them, and the rollback puts back everything before.
  if (!summaryExists) queuePrintLayout(session, ops, plan.summary, plan.summary.name);
  const added: AddedFormat[] = [];
  const loadedFills: LoadedFill[] = [];
  // From 1.8: the tool's earlier validations, names and sheet of levels go (their formats go with the
  // highlights', by the ids the read found), then the rules of this analysis, in this batch. Before the
  // static highlights: Office adds a conditional format at the top priority, so a cell that keeps a static
  // highlight (a flag no rule sees) shows it over a rule.
  const installed: AddedRules = { validations: [], names: [], tierSheetAdded: false };
  if (features.sheetRules) {
    const own = ownRules(s);
    queueRemoveRules(ops, own, !!(rules && rules.tierTable));
    if (rules) queueInstallRules(ops, rules, own.tierSheet, added, installed);
  }
  queueHighlights(session, ops, painted, s, added, loadedFills);
  // From 1.18 the notes: on a sheet whose notes the read found all the tool's, in this batch.
  const sheetNotes: SheetNotes[] = features.notes ? planNotes(effective, s) : [];
  const noteChanges: NoteChanges = { deleted: [], added: [] };
  if (features.notes) queueNotes(ops, sheetNotes, noteChanges);
  const groups = batches(session, ops);
  let checks: Check[] = [];
  let conflict: string | null = null;
  let failed: unknown = null;
  let hasFailed = false;
  session.writing++;
  try {
    await run(session, async function (context: Excel.RequestContext) {
      checks = queueChecks(session, context, s, effective);
      // From 1.18, on a sheet with a note of someone else's, the note of each cell highlighted now or
      // before is read with the first sync.
      let probes: NoteProbe[] = [];
      if (features.notes) probes = queueNoteProbes(context, sheetNotes);
      // One sync per group on purpose: a group is what fits under the payload limit.
      for (let k = 0; k < groups.length; k++) {
        for (let i = 0; i < groups[k].length; i++) groups[k][i].apply(context);
        // eslint-disable-next-line office-addins/no-context-sync-in-loop
        await sync(session, context);
        if (k === 0) {
          conflict = changedSheet(checks);
          if (conflict) return;
        }
      }
      // One more sync, only for notes the read could not settle (from 1.18): on a sheet with a note of
      // someone else's, what the probes found decides (a user's note stays); a note someone added since
      // the read that a deletion by position took goes back. An extra: a host that refuses it does not
      // undo the write.
      let extras = 0;
      if (features.notes) extras += queueNoteChanges(context, probes) + queueNoteRepairs(context, noteChanges);
      if (extras > 0) {
        try {
          await sync(session, context);
        } catch (e) {
          /* the cells, fills, summary and the other notes are written; these notes are not */
        }
      }
    });
  } catch (e) {
    failed = e;
    hasFailed = true;
  }
  if (!conflict && !hasFailed) {
    session.writing--;
    session.state = null;
    session.revertable = true;
    rememberFills(session, loadedFills);
    if (features.sheetRules && rules) rememberValidationColumns(session, rules);
    const now = (session.names || []).slice();
    if (!contains(now, BACKUP_SHEET_NAME)) now.push(BACKUP_SHEET_NAME);
    if (!contains(now, plan.summary.name)) now.push(plan.summary.name);
    if (features.sheetRules) {
      const tierAt = now.indexOf(TIER_SHEET_NAME);
      if (rules && rules.tierTable && tierAt < 0) now.push(TIER_SHEET_NAME);
      else if (!(rules && rules.tierTable) && tierAt >= 0) now.splice(tierAt, 1);
    }
    rememberNames(session, now);
    return { written: effective.writes.length, highlighted: effective.highlights.length, syncs: session.syncs - before };
  }
  // Put back what this batch changed: the cells as they were just before it (the co-author's edit included).
  const pre: Before = {};
  for (let i = 0; i < checks.length; i++) {
    try {
      pre[checks[i].sheet.name] = { top: checks[i].used.rowIndex, left: checks[i].used.columnIndex, formulas: checks[i].used.formulas };
    } catch (e) {
      /* not loaded: the batch failed before the sync */
    }
  }
  try {
    await undoFailedWrite(session, s, effective, records, backupExists, summaryExists, pre, added, noteChanges, installed);
  } catch (e) {
    /* best effort */
  }
  session.writing--;
  session.state = null;
  if (conflict) throw hostError('changed-since-read', conflict);
  const err = toHostError(failed);
  if (err.code !== 'sheet-protected' || err.sheet) throw err;
  // Below 1.2 protection cannot be read up front: name the sheet that refuses a write.
  session.writing++;
  let name: string | null;
  try {
    name = await findProtectedSheet(session, s, effective);
  } catch (e) {
    throw err;
  } finally {
    session.writing--;
  }
  throw hostError('sheet-protected', name || undefined, err.detail);
}

/** The validations the read found, by sheet (1.8+). */
function foundValidations(s: ReadState): { [sheet: string]: ValidationFound } {
  const out: { [sheet: string]: ValidationFound } = {};
  for (let i = 0; i < s.sheets.length; i++) {
    const v = s.sheets[i].validations;
    if (v) out[s.sheets[i].name] = v;
  }
  return out;
}

/** The tool's earlier rules as the read found them (1.8+). */
function ownRules(s: ReadState): OwnRules {
  const validations: { [sheet: string]: string[] } = {};
  for (let i = 0; i < s.sheets.length; i++) {
    const v = s.sheets[i].validations;
    if (v && v.own.length) validations[s.sheets[i].name] = v.own;
  }
  return { validations: validations, names: s.ruleNames || [], tierSheet: contains(s.names, TIER_SHEET_NAME) };
}

/** Failure path only: rewrites one cell of each touched sheet with what it already holds; the sheet that refuses is protected. */
async function findProtectedSheet(session: GatewaySession, s: ReadState, plan: WritePlan): Promise<string | null> {
  const sheetsToTry = sheetsTouched(plan);
  for (let i = 0; i < sheetsToTry.length; i++) {
    const name = sheetsToTry[i];
    const sr = findSheet(s, name);
    if (!sr || !sr.formulas.length || !sr.formulas[0].length) continue;
    try {
      // One batch per sheet on purpose: the failing one is the answer.
      // eslint-disable-next-line office-addins/no-context-sync-in-loop
      await run(session, function (context: Excel.RequestContext) {
        context.workbook.worksheets.getItem(name).getRange(rangeAddress(sr.top, sr.left, 1, 1)).formulas = [[sr.formulas[0][0]]];
        return sync(session, context);
      });
    } catch (e) {
      if (toHostError(e).code === 'sheet-protected') return name;
    }
  }
  return null;
}

/** Best effort, one batch per sheet so that a protected sheet cannot stop the others. */
async function undoFailedWrite(
  session: GatewaySession,
  s: ReadState,
  plan: WritePlan,
  records: BackupRecord[],
  backupExisted: boolean,
  summaryExisted: boolean,
  pre: Before,
  added: AddedFormat[],
  notes: NoteChanges,
  installed: AddedRules,
): Promise<void> {
  const features = session.features;
  const jobs: Array<(context: Excel.RequestContext) => void | Promise<void>> = [];
  // From 1.8 the validations, names and sheet of levels the batch installed.
  if (features.sheetRules && (installed.validations.length || installed.names.length || installed.tierSheetAdded)) {
    jobs.push(function (context: Excel.RequestContext) {
      undoInstalledRules(context, installed);
    });
  }
  // From 1.18 the notes the batch added go and those it deleted come back (where their content is known).
  if (features.notes && (notes.added.length || notes.deleted.length)) {
    jobs.push(function (context: Excel.RequestContext) {
      return undoNotes(session, context, notes);
    });
  }
  // Conditional formats added by the failed batch: delete by the ids that batch returned.
  if (features.conditionalFormats && added.length) {
    jobs.push(function (context: Excel.RequestContext) {
      deleteAddedFormats(session, context, added);
    });
  }
  const sheetsList = sheetsTouched(plan);
  for (let i = 0; i < sheetsList.length; i++) {
    const name = sheetsList[i];
    jobs.push(function (context: Excel.RequestContext) {
      const ws = context.workbook.worksheets.getItem(name);
      for (let k = 0; k < plan.writes.length; k++) {
        const w = plan.writes[k];
        if (w.sheet !== name) continue;
        const p = prevOf(findSheet(s, name), w.row, w.col);
        let f = p.f;
        const now = pre[name];
        if (now) {
          const v = at2(now.formulas, w.row - now.top, w.col - now.left);
          f = v === undefined ? '' : v;
        }
        const range = ws.getRange(w.address);
        range.formulas = [[f]];
        range.numberFormat = [[p.nf]];
      }
      if (!features.conditionalFormats) {
        for (let k = 0; k < records.length; k++) {
          const b = records[k];
          if (b.k !== 'h' || b.s !== name) continue;
          const range = ws.getRange(b.a);
          if (b.fill) range.format.fill.color = b.fill;
          else range.format.fill.clear();
        }
      }
    });
  }
  jobs.push(async function (context: Excel.RequestContext) {
    const sheets = context.workbook.worksheets;
    if (!summaryExisted) sheets.getItem(plan.summary.name).delete();
    else {
      const sum = findSheet(s, plan.summary.name);
      const ws = sheets.getItem(plan.summary.name);
      ws.getRange().clear();
      if (sum && sum.formulas.length) ws.getRange(rangeAddress(sum.top, sum.left, sum.formulas.length, sum.formulas[0].length)).formulas = sum.formulas;
      // A chart the batch added over those cells goes (the tool's earlier one, if the batch deleted it, is drawn again by the next run).
      await deleteOwnChart(session, context, plan.summary.name);
    }
  });
  jobs.push(function (context: Excel.RequestContext) {
    const sheets = context.workbook.worksheets;
    if (!backupExisted) sheets.getItem(BACKUP_SHEET_NAME).delete();
    else if (s.backup) {
      const ws = sheets.getItem(BACKUP_SHEET_NAME);
      ws.getRange().clear();
      const texts: string[][] = [];
      for (let i = 0; i < s.backup.length; i++) texts.push([JSON.stringify(s.backup[i])]);
      if (texts.length) writeRecordRows(ws.getRange('A1:A' + texts.length), texts);
    }
  });
  // One batch per job on purpose (error isolation on the failure path only).
  for (let i = 0; i < jobs.length; i++) {
    const job = jobs[i];
    try {
      // eslint-disable-next-line office-addins/no-context-sync-in-loop
      await run(session, async function (context: Excel.RequestContext) {
        await job(context);
        return sync(session, context);
      });
    } catch (e) {
      /* this sheet refused: the others are still put back */
    }
  }
}

/** From 1.6: deletes the conditional formats a failed batch added, by the ids it returned. */
function deleteAddedFormats(session: GatewaySession, context: Excel.RequestContext, added: AddedFormat[]): void {
  if (!session.features.conditionalFormats) return;
  for (let k = 0; k < added.length; k++) {
    let id: string | null = null;
    try {
      id = added[k].cf.id;
    } catch (e) {
      id = null;
    }
    if (id) context.workbook.worksheets.getItem(added[k].sheet).getRange(added[k].address).conditionalFormats.getItem(id).delete();
  }
}

/**
 * From 1.18, failure path: the notes the write's batch added are deleted where they still say what the
 * batch wrote, and the notes it deleted by position come back where their cell has none. Their content
 * and cell are known when the batch's sync returned (a conflict); a batch that failed returns nothing of
 * what it deleted, and those notes, the tool's own as the read found them, stay deleted.
 * @apiFeature notes
 */
async function undoNotes(session: GatewaySession, context: Excel.RequestContext, changes: NoteChanges): Promise<void> {
  const restore: Array<{ sheet: string; address: string; content: string }> = [];
  for (let i = 0; i < changes.deleted.length; i++) {
    const d = changes.deleted[i];
    try {
      restore.push({ sheet: d.sheet, address: cellKey(d.location.address), content: d.note.content });
    } catch (e) {
      /* not returned: the batch failed */
    }
  }
  const now: { [key: string]: Excel.Note } = {};
  const look = function (sheet: string, address: string): void {
    const key = sheet + '!' + cellKey(address);
    if (now[key]) return;
    now[key] = context.workbook.worksheets.getItem(sheet).notes.getItemOrNullObject(address);
    now[key].load('content');
  };
  for (let i = 0; i < changes.added.length; i++) look(changes.added[i].sheet, changes.added[i].address);
  for (let i = 0; i < restore.length; i++) look(restore[i].sheet, restore[i].address);
  await sync(session, context);
  const emptied: { [key: string]: boolean } = {};
  for (let i = 0; i < changes.added.length; i++) {
    const a = changes.added[i];
    const key = a.sheet + '!' + cellKey(a.address);
    const note = now[key];
    if (emptied[key] || note.isNullObject || note.content !== a.text) continue;
    note.delete();
    emptied[key] = true;
  }
  for (let i = 0; i < restore.length; i++) {
    const r = restore[i];
    const key = r.sheet + '!' + r.address;
    if (!now[key].isNullObject && !emptied[key]) continue;
    context.workbook.worksheets.getItem(r.sheet).notes.add(r.address, r.content);
  }
}
