/// <reference types="office-js" />
import { WorkbookGrid } from '../core/grid';
import { SUMMARY_SHEET_NAME } from '../core/plan';
import { BACKUP_SHEET_NAME, BackupRecord, parseBackup } from './backupRecords';
import { normColor, rememberNames } from './documentSettings';
import { toHostError } from './officeErrors';
import { HiddenProbe, queueHiddenRead, readHidden } from './readHidden';
import { ReadState, SheetRead, toGrid } from './readState';
import { contains, countSync, GatewaySession, run, sameList, sync } from './session';
import { isRuleFormula, ownNames, queueValidationProbe, readValidationDetail, TIER_SHEET_NAME, ValidationProbe, validationsFound } from './sheetRules';

/**
 * The read sync: every sheet's used range (values, formulas, number formats) and what the API level
 * adds (protection 1.2, the tool's conditional formats 1.6, links, fonts and fills 1.9, hidden lines,
 * the notes' contents 1.18), with the sheet names, in one context.sync(). ES5.
 *
 * Office.js reads a sheet by its name, and cannot list the names and use them in one batch; the names
 * kept in the document's settings make that one sync. A document the add-in has never seen has none.
 * From ExcelApi 1.5 its first read walks the sheets by position (getFirst, then getNextOrNullObject)
 * with the names, so a workbook of up to FIRST_READ_WALK sheets is read in one sync too. Below 1.5 it
 * reads the active sheet with the names (1.1 reaches that sheet without its name): one sync for a
 * one-sheet workbook, and a second for the other sheets of a larger one. Whatever a first read reaches
 * is checked against the names loaded in the same batch, and what it missed is read by name.
 */

/** Rule formula of the tool's conditional formats: always true, and recognisably ours. */
export const HIGHLIGHT_MARKER_FORMULA = '=AND(TRUE,"CCHC"="CCHC")';

interface SheetProbe {
  ws: Excel.Worksheet;
  used: Excel.Range;
  props: OfficeExtension.ClientResult<Excel.CellProperties[][]> | null;
  cfs: Excel.ConditionalFormatCollection | null;
  hidden: HiddenProbe | null;
  notes: Excel.NoteCollection | null;
  /** From 1.8: the look at the used range's validations. */
  dv: ValidationProbe | null;
  /** The sheet's charts by name (the summary sheet, or a sheet reached by position). */
  charts: Excel.ChartCollection | null;
}

interface ReadResult {
  state: ReadState;
  fresh: string[];
}

/**
 * Sheets a first read walks (ExcelApi 1.5): a Phụ lục 1 + 2 workbook has two or three, and each walked
 * place past the last sheet costs only a few null answers in the same request.
 */
export const FIRST_READ_WALK = 12;

/** How a read reaches sheets besides those it names: not at all, the active sheet, or a walk from the first. */
type Reach = 'none' | 'active' | 'walk';

interface Reached {
  ws: Excel.Worksheet;
  probe: SheetProbe;
}

/** Loads every sheet's name (the sheets as they are now). */
export function listNames(session: GatewaySession): Promise<string[]> {
  return run(session, function (context: Excel.RequestContext) {
    const sheets = context.workbook.worksheets;
    sheets.load('items/name');
    return sync(session, context).then(function () {
      return namesOf(sheets);
    });
  });
}

function namesOf(sheets: Excel.WorksheetCollection): string[] {
  const list: string[] = [];
  for (let i = 0; i < sheets.items.length; i++) list.push(sheets.items[i].name);
  return list;
}

/** The tool's own conditional formats among those loaded (id, type and custom rule formula). */
export function ownConditionalFormats(session: GatewaySession, cfs: Excel.ConditionalFormatCollection): string[] {
  const ids: string[] = [];
  if (!session.features.conditionalFormats) return ids;
  for (let i = 0; i < cfs.items.length; i++) {
    const cf = cfs.items[i];
    const custom = cf.customOrNullObject;
    if (cf.type === 'Custom' && custom && !custom.isNullObject && (custom.rule.formula === HIGHLIGHT_MARKER_FORMULA || isRuleFormula(custom.rule.formula))) ids.push(cf.id);
  }
  return ids;
}

/** Queues the read of one sheet on the batch (`name` null: a sheet reached by position). */
function queueSheet(session: GatewaySession, ws: Excel.Worksheet, name: string | null): SheetProbe {
  const features = session.features;
  if (features.protection) ws.protection.load('protected');
  const used = features.usedRangeValuesOnly ? ws.getUsedRange(true) : ws.getUsedRange();
  used.load('rowIndex,columnIndex,values,formulas,numberFormat');
  const props = features.cellProperties ? used.getCellProperties({ hyperlink: true, format: { font: { name: true }, fill: { color: true } } }) : null;
  let cfs: Excel.ConditionalFormatCollection | null = null;
  if (features.conditionalFormats) {
    cfs = used.conditionalFormats;
    cfs.load('items/id,items/type,items/customOrNullObject/rule/formula');
  }
  // From 1.18 the sheet's notes, by content only: whether the write must look at a cell's note first.
  let notes: Excel.NoteCollection | null = null;
  if (features.notes) {
    notes = ws.notes;
    notes.load('items/content');
  }
  // From 1.8 the validations of the used range (which cells carry the user's own, which the tool's).
  const dv = features.sheetRules ? queueValidationProbe(session, name || '', ws, used) : null;
  // The summary's charts (1.1): the write replaces the tool's own by name, which must exist to be got.
  let charts: Excel.ChartCollection | null = null;
  if (name === null || name === SUMMARY_SHEET_NAME) {
    charts = ws.charts;
    charts.load('items/name');
  }
  return { ws: ws, used: used, props: props, cfs: cfs, hidden: features.lineHidden ? queueHiddenRead(used, features) : null, notes: notes, dv: dv, charts: charts };
}

/**
 * From 1.18, after the sync: the content of each note of a sheet, in the collection's order.
 * @apiFeature notes
 */
export function noteContents(notes: Excel.NoteCollection): string[] {
  const out: string[] = [];
  for (let i = 0; i < notes.items.length; i++) out.push(String(notes.items[i].content));
  return out;
}

/** After the sync: one sheet as the core will see it. */
function sheetRead(session: GatewaySession, name: string, probe: SheetProbe): SheetRead {
  const features = session.features;
  const used = probe.used;
  let fills: Array<Array<string | null>> | null = null;
  let links: Array<Array<string | null>> | null = null;
  let fonts: Array<Array<string | null>> | null = null;
  if (features.cellProperties && probe.props) {
    const cp = probe.props.value;
    fills = [];
    links = [];
    fonts = [];
    for (let r = 0; r < cp.length; r++) {
      const fr: Array<string | null> = [];
      const lr: Array<string | null> = [];
      const nr: Array<string | null> = [];
      for (let c = 0; c < cp[r].length; c++) {
        const x: Excel.CellProperties = cp[r][c] || {};
        fr.push(x.format && x.format.fill ? normColor(x.format.fill.color) : null);
        nr.push(x.format && x.format.font && x.format.font.name ? String(x.format.font.name) : null);
        const h = x.hyperlink;
        lr.push(h ? String(h.address || (h.documentReference ? '#' + h.documentReference : '') || '') || null : null);
      }
      fills.push(fr);
      links.push(lr);
      fonts.push(nr);
    }
  }
  const sr: SheetRead = {
    name: name,
    top: used.rowIndex,
    left: used.columnIndex,
    formulas: used.formulas,
    values: used.values,
    numberFormat: used.numberFormat,
    fills: fills,
    protectedSheet: features.protection ? !!probe.ws.protection.protected : false,
    ownCfIds: features.conditionalFormats && probe.cfs ? ownConditionalFormats(session, probe.cfs) : [],
    links: links,
    fonts: fonts,
  };
  const hidden = features.lineHidden ? readHidden(probe.hidden) : undefined;
  if (hidden) sr.hidden = hidden;
  if (features.notes && probe.notes) sr.notes = noteContents(probe.notes);
  if (probe.charts) {
    sr.charts = [];
    for (let i = 0; i < probe.charts.items.length; i++) sr.charts.push(probe.charts.items[i].name);
  }
  if (features.sheetRules && probe.dv) {
    const rows = used.values.length;
    sr.validations = validationsFound(session, name, probe.dv, used.rowIndex, used.columnIndex, rows, rows ? used.values[0].length : 0);
  }
  return sr;
}

/**
 * Queues the first FIRST_READ_WALK sheets by position, whatever their names. Past the last sheet the
 * objects are null objects: their isNullObject says so after the sync, and what was queued on them
 * answers nothing.
 *
 * @apiFeature sheetWalk
 */
function queueWalk(session: GatewaySession, sheets: Excel.WorksheetCollection, into: Reached[]): void {
  let ws = sheets.getFirst();
  for (let i = 0; i < FIRST_READ_WALK; i++) {
    if (i) ws = ws.getNextOrNullObject();
    ws.load('name');
    into.push({ ws: ws, probe: queueSheet(session, ws, null) });
  }
}

/**
 * One read batch of the sheets named `known` (in that order), the backup sheet's records among them,
 * and of the sheets `reach` gets to whatever their names (a document whose names are not known yet).
 */
function readOnce(session: GatewaySession, known: string[], reach: Reach): Promise<ReadResult> {
  return run(session, async function (context: Excel.RequestContext) {
    const sheets = context.workbook.worksheets;
    sheets.load('items/name');
    const parts: Array<{ name: string; probe: SheetProbe }> = [];
    let backupRange: Excel.Range | null = null;
    for (let i = 0; i < known.length; i++) {
      const ws = sheets.getItem(known[i]);
      if (known[i] === BACKUP_SHEET_NAME) {
        backupRange = ws.getUsedRange();
        backupRange.load('values');
        continue;
      }
      if (known[i] === TIER_SHEET_NAME) continue; // the tool's sheet of levels: no table
      parts.push({ name: known[i], probe: queueSheet(session, ws, known[i]) });
    }
    // From 1.8 the defined names: the tool's CCHC_MUC_n go before the write installs them again.
    let definedNames: Excel.NamedItemCollection | null = null;
    if (session.features.sheetRules) {
      definedNames = context.workbook.names;
      definedNames.load('items/name');
    }
    const reached: Reached[] = [];
    if (reach === 'active') {
      const activeSheet = sheets.getActiveWorksheet();
      activeSheet.load('name');
      reached.push({ ws: activeSheet, probe: queueSheet(session, activeSheet, null) });
    } else if (reach === 'walk' && session.features.sheetWalk) {
      queueWalk(session, sheets, reached);
    }
    // context.sync() spelt out here so the office-addins lint rules see the load/sync/read order.
    countSync(session);
    await context.sync();
    const fresh = namesOf(sheets);
    const out: SheetRead[] = [];
    for (let p = 0; p < parts.length; p++) out.push(sheetRead(session, parts[p].name, parts[p].probe));
    let backup: BackupRecord[] | null = backupRange ? parseBackup(backupRange.values) : null;
    for (let i = 0; i < reached.length; i++) {
      const ws = reached[i].ws;
      if (reach === 'walk' && ws.isNullObject) break; // past the last sheet
      // The backup sheet is walked like any other, and visible below 1.2, so it may be the active one:
      // its records, not a table.
      if (ws.name === BACKUP_SHEET_NAME) backup = parseBackup(reached[i].probe.used.values);
      else if (ws.name !== TIER_SHEET_NAME) out.push(sheetRead(session, ws.name, reached[i].probe));
    }
    const state: ReadState = { sheets: out, names: fresh, backup: backup };
    if (session.features.sheetRules && definedNames) state.ruleNames = ownNames(definedNames);
    return { state: state, fresh: fresh };
  });
}

/** Reads what `known` names, learning the names again (and reading once more) if the sheets changed. */
async function readKnown(session: GatewaySession, known: string[]): Promise<ReadResult> {
  let res: ReadResult;
  try {
    res = await readOnce(session, known, 'none');
  } catch (e) {
    // A cached sheet was deleted or renamed: learn the names again and retry once.
    if (!(e && (e as OfficeExtension.Error).code === 'ItemNotFound')) throw e;
    const fresh = await listNames(session);
    rememberNames(session, fresh);
    return readOnce(session, fresh, 'none');
  }
  if (sameList(res.fresh, known)) return res;
  rememberNames(session, res.fresh);
  return readOnce(session, res.fresh, 'none');
}

/** A document whose names are not known: the names with the sheets a walk or the active sheet reach, then the others if any. */
async function readUnknown(session: GatewaySession): Promise<ReadResult> {
  const walk = session.features.sheetWalk && !session.walkRefused;
  let first: ReadResult;
  try {
    first = await readOnce(session, [], walk ? 'walk' : 'active');
  } catch (e) {
    if (walk) {
      // Office documents null objects' isNullObject, not calls on them: a host that refuses the walk's
      // calls past the last sheet costs this one sync, once a session; then the active sheet, as below 1.5.
      session.walkRefused = true;
      return readUnknown(session);
    }
    // An active sheet Office.js cannot reach as a worksheet (a chart sheet): learn the names first, as before.
    const names = await listNames(session);
    rememberNames(session, names);
    return readKnown(session, names);
  }
  const done: string[] = [];
  for (let i = 0; i < first.state.sheets.length; i++) done.push(first.state.sheets[i].name);
  if (first.state.backup) done.push(BACKUP_SHEET_NAME);
  done.push(TIER_SHEET_NAME);
  const rest: string[] = [];
  for (let i = 0; i < first.fresh.length; i++) if (!contains(done, first.fresh[i])) rest.push(first.fresh[i]);
  if (!rest.length) return first;
  rememberNames(session, first.fresh);
  let more: ReadResult;
  try {
    more = await readOnce(session, rest, 'none');
  } catch (e) {
    if (!(e && (e as OfficeExtension.Error).code === 'ItemNotFound')) throw e;
    return readKnown(session, first.fresh); // a sheet went away between the two syncs: read them all again
  }
  if (!sameList(more.fresh, first.fresh)) {
    rememberNames(session, more.fresh);
    return readOnce(session, more.fresh, 'none');
  }
  const sheets: SheetRead[] = [];
  for (let i = 0; i < more.fresh.length; i++) {
    const found = sheetNamed(first.state.sheets, more.fresh[i]) || sheetNamed(more.state.sheets, more.fresh[i]);
    if (found) sheets.push(found);
  }
  return { state: { sheets: sheets, names: more.fresh, backup: more.state.backup || first.state.backup, ruleNames: more.state.ruleNames }, fresh: more.fresh };
}

function sheetNamed(list: SheetRead[], name: string): SheetRead | null {
  for (let i = 0; i < list.length; i++) if (list[i].name === name) return list[i];
  return null;
}

/**
 * The sheet names, learnt ahead of a first read where neither the document's settings nor a read gave
 * them yet: a pane that has just opened asks while the official reads it, so the first "Tính lại điểm"
 * is one read sync and one write sync at every API level.
 */
export function learnNames(session: GatewaySession): Promise<void> {
  if (session.names) return Promise.resolve();
  return listNames(session).then(function (names) {
    if (!session.names) rememberNames(session, names); // a read that finished first knows better
  });
}

/** The read the next write checks against; also tells whether a backup can be reverted. */
export function readState(session: GatewaySession): Promise<ReadState> {
  return (session.names ? readKnown(session, session.names) : readUnknown(session))
    .then(function (res) {
      return session.features.sheetRules ? withValidations(session, res) : res;
    })
    .then(function (res) {
      rememberNames(session, res.fresh);
      session.state = res.state;
      session.revertable = !!(res.state.backup && res.state.backup.length);
      return res.state;
    });
}

/**
 * From 1.8: a sheet whose validations could not be told (some, on a sheet this session had not read) is
 * looked at by column and then cell by cell, in two more syncs, once a session.
 * @apiFeature sheetRules
 */
function withValidations(session: GatewaySession, res: ReadResult): Promise<ReadResult> {
  const detail: Array<{ name: string; top: number; left: number; rows: number; cols: number }> = [];
  for (let i = 0; i < res.state.sheets.length; i++) {
    const sr = res.state.sheets[i];
    const rows = sr.values.length;
    const cols = rows ? sr.values[0].length : 0;
    if (sr.validations === null) detail.push({ name: sr.name, top: sr.top, left: sr.left, rows: rows, cols: cols });
  }
  if (!detail.length) return Promise.resolve(res);
  return readValidationDetail(session, detail).then(function (found) {
    for (let i = 0; i < res.state.sheets.length; i++) {
      const sr = res.state.sheets[i];
      if (sr.validations === null) sr.validations = found[sr.name] || { user: [], own: [] };
    }
    return res;
  });
}

// Plain promise chains where there is nothing to await in sequence: each async function costs the ES5
// bundle a generator state machine.
export function readWorkbook(session: GatewaySession): Promise<WorkbookGrid> {
  return readState(session).then(toGrid, function (e: unknown): never {
    throw toHostError(e);
  });
}
