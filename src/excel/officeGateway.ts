import { a1, columnLetters } from '../core/address';
import { CellScalar, WorkbookGrid } from '../core/grid';
import { ApplyOptions, ApplyReport, HostCapabilities, RevertReport, WorkbookHost } from '../core/host';
import type { ColumnChoices } from '../core/recognise/reading';
import { COLUMN_ROLES } from '../core/recognise/header';
import { SUMMARY_SHEET_NAME } from '../core/plan/summarySheet';
import { SummarySheet, WritePlan } from '../core/plan/types';
import { BACKUP_SHEET_NAME, BackupRecord, parseBackup } from './backupRecords';
import { detectFeatures, ExcelFeatures } from './features';
import { buildBackup, quoteSheet, rangeAddress, summaryBlock, uniqueSheetName, writeContent } from './planCells';
import { at2, findSheet, prevOf, ReadState, SheetRead, toGrid } from './readState';
import { hostError, toHostError } from './officeErrors';
import { HiddenProbe, queueHiddenRead, readHidden } from './readHidden';

export { BACKUP_SHEET_NAME } from './backupRecords';
export { detectFeatures } from './features';
export type { ExcelFeatures } from './features';
export { toHostError } from './officeErrors';

/**
 * The only module that talks to Office.js. The core never imports it; the task pane, the light
 * pane and the ribbon command use it through the WorkbookHost interface.
 *
 * Plain ES5 at run time (Excel 2016/2019 run add-ins in Internet Explorer 11): no Map/Set,
 * no String#startsWith, no Object.assign; async functions down-level to __awaiter/__generator,
 * which need only a Promise (the commands bundle polyfills it).
 *
 * Sync budget of one recalculation: readWorkbook = 1 context.sync, applyPlan = 1 context.sync
 * (more only when the plan is over the payload limit, or to undo a failed/conflicting write).
 * The very first read of a session spends one extra sync to learn the sheet names (Office.js
 * cannot enumerate sheets and read them in the same batch); later reads reuse the names and
 * refresh them in the same batch.
 *
 * Backup store: a tool-owned worksheet "CCHC_backup", one JSON record per row in column A.
 * Chosen over a custom XML part (ExcelApi 1.5) or settings (1.4) because it works at ExcelApi 1.1,
 * is written in the same batch as the plan, survives save/close and co-authoring. It is made
 * VeryHidden where ExcelApi 1.2 allows setting visibility; at 1.1 it stays visible (graceful loss).
 *
 * Highlights: conditional formats from ExcelApi 1.6, tagged by a marker rule formula so that only
 * the tool's own are ever removed; below 1.6 plain fills, recorded in the backup.
 * A highlighted cell's previous fill comes from getCellProperties where it exists (1.9); below, the
 * write batch loads it just before painting and keeps it in the document settings (PREVIOUS_FILLS_SETTING),
 * so clear and revert put a user's own fill back. (Office reports "no fill" as white: white comes back
 * as no fill.)
 */

/* ------------------------------------------------------------------ minimal Office.js surface */

/* eslint-disable @typescript-eslint/no-explicit-any */
type Any = any;

/** Rule formula of the tool's conditional formats: always true, and recognisably ours. */
export const HIGHLIGHT_MARKER_FORMULA = '=AND(TRUE,"CCHC"="CCHC")';
/** Office's web payload limit is 5 MB per request; stay under it with room for the envelope. */
export const DEFAULT_PAYLOAD_LIMIT = 4500000;

/** Document setting holding the workbook's sheet names as last seen. */
export const NAMES_SETTING = 'cchc.sheetNames';

/**
 * Below 1.6 highlights are plain fills, and below 1.9 a cell's fill cannot be read with the rest of the
 * sheet. The write batch therefore loads each highlighted cell's fill just before painting it (no extra
 * sync) and keeps it here, in the document's settings, so revert and clear put the user's fill back.
 */
export const PREVIOUS_FILLS_SETTING = 'cchc.previousFills';

/**
 * Document setting holding the user's choice of columns ("Cách đọc bảng"): the ColumnChoices object as
 * it is (the same shape as the command line's --columns file), so the ribbon command and the next
 * session read the table as the user chose. Settings work from ExcelApi 1.1 and travel with the file.
 */
export const COLUMN_CHOICES_SETTING = 'cchc.columnChoices';

/** Highest column Excel has (XFD), 0-based. */
const LAST_COLUMN = 16383;

/**
 * A stored value as ColumnChoices: entries that are not a sheet → {role → column or null} are dropped
 * (a hand-edited or future format must not break a read); null when nothing usable is left.
 */
export function columnChoicesFromSetting(value: unknown): ColumnChoices | null {
  if (value === null || value === undefined) return null;
  if (typeof value !== 'object' || Object.prototype.toString.call(value) === '[object Array]') throw new Error('not an object');
  const out: ColumnChoices = {};
  let sheets = 0;
  for (const sheet in value as Any) {
    if (!Object.prototype.hasOwnProperty.call(value, sheet)) continue;
    const entry = (value as Any)[sheet];
    if (!entry || typeof entry !== 'object') continue;
    const choice: Any = {};
    let roles = 0;
    for (const role in entry) {
      if (!Object.prototype.hasOwnProperty.call(entry, role) || indexOf(COLUMN_ROLES, role) < 0) continue;
      const col = entry[role];
      if (col === null || (typeof col === 'number' && Math.floor(col) === col && col >= 0 && col <= LAST_COLUMN)) {
        choice[role] = col;
        roles++;
      }
    }
    if (roles) {
      out[sheet] = choice;
      sheets++;
    }
  }
  return sheets ? out : null;
}

export interface ExcelHostOptions {
  /** Object holding `Excel` and `Office` (defaults to the global object). */
  globals?: Any;
  /** Bytes of queued writes per sync before the write is split (default 4.5 MB). */
  payloadLimit?: number;
  /** Debounce of user-edit events, ms (default 800). */
  debounceMs?: number;
}

/* ------------------------------------------------------------------ backup records */

function normColor(c: Any): string | null {
  if (typeof c !== 'string' || c === '') return null;
  const up = c.toUpperCase();
  if (up === '#FFFFFF' || up === 'WHITE') return null;
  return up.charAt(0) === '#' ? up : '#' + up;
}

function jsonSize(x: unknown): number {
  return JSON.stringify(x).length + 64;
}

function indexOf(list: string[], name: string): number {
  for (let i = 0; i < list.length; i++) if (list[i] === name) return i;
  return -1;
}

/* ------------------------------------------------------------------ the gateway */

export function createExcelHost(options?: ExcelHostOptions): WorkbookHost & { features: ExcelFeatures; lastSyncs: () => number } {
  const opts = options || {};
  const g: Any = opts.globals || (typeof window !== 'undefined' ? window : typeof self !== 'undefined' ? self : typeof globalThis !== 'undefined' ? globalThis : {});
  const office: Any = g.Office;
  const excel: Any = g.Excel;
  if (!excel || !office) throw hostError('host-unavailable');
  const features = detectFeatures(office);
  const payloadLimit = opts.payloadLimit || DEFAULT_PAYLOAD_LIMIT;
  const debounceMs = opts.debounceMs === undefined ? 800 : opts.debounceMs;

  // Office.js cannot list sheets and read them in one batch, so the sheet names are remembered in the
  // document's settings (Office common API, Excel 2016 included): a recalculation then needs one read
  // sync, and only the first ever run in a document (or after a rename) spends one more to learn them.
  const settings: Any = office.context && office.context.document && office.context.document.settings ? office.context.document.settings : null;
  let names: string[] | null = savedNames();
  let state: ReadState | null = null;
  // A backup sheet from this or an earlier session: "Hoàn tác" has something to restore.
  let revertable = false;
  let writing = 0;
  let syncs = 0;

  const capabilities: HostCapabilities = {
    apiLevel: features.level,
    readsHyperlinks: features.cellProperties,
    readsFonts: features.cellProperties,
    conditionalFormatHighlights: features.conditionalFormats,
    singleUndoStep: features.mergeUndoGroup,
    changeEvents: features.changeEvents,
    download: false,
  };

  function runOptions(): Any {
    const o: Any = { delayForCellEdit: true };
    if (features.mergeUndoGroup) o.mergeUndoGroup = true;
    return o;
  }

  function run<T>(batch: (context: Any) => Promise<T>): Promise<T> {
    return excel.run(runOptions(), batch);
  }

  function sync(context: Any): Promise<void> {
    syncs++;
    return context.sync();
  }

  function savedNames(): string[] | null {
    if (!settings) return null;
    try {
      const saved = settings.get(NAMES_SETTING);
      return Object.prototype.toString.call(saved) === '[object Array]' && saved.length ? (saved as string[]).slice() : null;
    } catch (e) {
      return null;
    }
  }

  function savedFills(): { [key: string]: string | null } {
    if (!settings) return {};
    try {
      const saved = settings.get(PREVIOUS_FILLS_SETTING);
      return saved && typeof saved === 'object' ? saved : {};
    } catch (e) {
      return {};
    }
  }

  /** The fill a highlighted cell had before the tool painted it: from the backup, else from settings. */
  function previousFill(recorded: string | null | undefined, sheet: string, address: string): string | null | undefined {
    if (recorded !== undefined) return recorded;
    const saved = savedFills();
    const key = sheet + '!' + address;
    return Object.prototype.hasOwnProperty.call(saved, key) ? saved[key] : undefined;
  }

  function rememberFills(loaded: Array<{ key: string; fill: Any }>): void {
    if (!settings || !loaded.length) return;
    const saved = savedFills();
    for (let i = 0; i < loaded.length; i++) {
      let color: string | null = null;
      try {
        color = normColor(loaded[i].fill.color);
      } catch (e) {
        continue; // not loaded: the batch stopped before it
      }
      // Office reports "no fill" as white; restoring it as no fill keeps the gridlines.
      if (color === '#FFFFFF') color = null;
      // A cell painted again keeps the fill from before the first painting.
      if (!Object.prototype.hasOwnProperty.call(saved, loaded[i].key)) saved[loaded[i].key] = color;
    }
    try {
      settings.set(PREVIOUS_FILLS_SETTING, saved);
      settings.saveAsync(function () {
        return undefined;
      });
    } catch (e) {
      /* settings unavailable: revert clears the fill, as before */
    }
  }

  function forgetFills(): void {
    if (!settings) return;
    try {
      settings.remove(PREVIOUS_FILLS_SETTING);
      settings.saveAsync(function () {
        return undefined;
      });
    } catch (e) {
      /* nothing to forget */
    }
  }

  function rememberNames(list: string[]): void {
    const previous = names;
    names = list.slice();
    if (!settings || (previous && sameList(previous, list) && savedNames())) return;
    try {
      settings.set(NAMES_SETTING, names);
      // Fire and forget: a failed save only costs one more sync next session.
      settings.saveAsync(function () {
        return undefined;
      });
    } catch (e) {
      /* settings unavailable: names are learnt again next session */
    }
  }

  /**
   * The stored choice of columns. Another runtime of the add-in (the ribbon's, the pane's) may have saved
   * one since this one loaded its copy of the settings, so they are refreshed from the document first
   * where Office offers it; a failed refresh still reads the copy in memory.
   */
  function readColumnChoices(): Promise<ColumnChoices | null> {
    if (!settings) return Promise.resolve(null); // nothing can have been kept
    const read = function (): ColumnChoices | null {
      try {
        return columnChoicesFromSetting(settings.get(COLUMN_CHOICES_SETTING));
      } catch (e) {
        throw hostError('unknown', undefined, 'document settings: ' + (e && (e as Error).message ? (e as Error).message : String(e)));
      }
    };
    if (typeof settings.refreshAsync !== 'function') return new Promise(function (resolve) {
      resolve(read());
    });
    return new Promise(function (resolve) {
      try {
        settings.refreshAsync(function () {
          resolve(undefined);
        });
      } catch (e) {
        resolve(undefined);
      }
    }).then(read);
  }

  /** Keeps the choice in the document's settings; resolves once Office has saved them. */
  function saveColumnChoices(choices: ColumnChoices | null): Promise<void> {
    return new Promise(function (resolve, reject) {
      if (!settings) return reject(hostError('unknown', undefined, 'document settings unavailable'));
      let empty = true;
      if (choices) for (const k in choices) if (Object.prototype.hasOwnProperty.call(choices, k)) empty = false;
      try {
        if (empty) settings.remove(COLUMN_CHOICES_SETTING);
        else settings.set(COLUMN_CHOICES_SETTING, choices);
        settings.saveAsync(function (result: Any) {
          if (result && result.status === 'failed') reject(hostError('unknown', undefined, 'document settings: ' + (result.error && result.error.message ? result.error.message : 'not saved')));
          else resolve();
        });
      } catch (e) {
        reject(hostError('unknown', undefined, 'document settings: ' + (e && (e as Error).message ? (e as Error).message : String(e))));
      }
    });
  }

  function listNames(): Promise<string[]> {
    return run(function (context: Any) {
      const sheets = context.workbook.worksheets;
      sheets.load('items/name');
      return sync(context).then(function () {
        const list: string[] = [];
        for (let i = 0; i < sheets.items.length; i++) list.push(sheets.items[i].name);
        return list;
      });
    });
  }

  /* ---------------------------------------------------------------- read */

  function readOnce(known: string[]): Promise<{ state: ReadState; fresh: string[] }> {
    return run(function (context: Any) {
      const sheets = context.workbook.worksheets;
      sheets.load('items/name');
      const parts: Array<{ name: string; ws: Any; used: Any; props: Any; cfs: Any; hidden: HiddenProbe | null }> = [];
      const backupHolder: Any[] = [];
      for (let i = 0; i < known.length; i++) {
        const ws = sheets.getItem(known[i]);
        if (known[i] === BACKUP_SHEET_NAME) {
          const backupRange = ws.getUsedRange();
          backupRange.load('values');
          backupHolder.push(backupRange);
          continue;
        }
        if (features.protection) ws.protection.load('protected');
        const used = features.usedRangeValuesOnly ? ws.getUsedRange(true) : ws.getUsedRange();
        used.load('rowIndex,columnIndex,values,formulas,numberFormat');
        let props: Any = null;
        if (features.cellProperties) props = used.getCellProperties({ hyperlink: true, format: { font: { name: true }, fill: { color: true } } });
        let cfs: Any = null;
        if (features.conditionalFormats) {
          cfs = used.conditionalFormats;
          cfs.load('items/id,items/type,items/customOrNullObject/rule/formula');
        }
        parts.push({ name: known[i], ws: ws, used: used, props: props, cfs: cfs, hidden: queueHiddenRead(used, features) });
      }
      return sync(context).then(function () {
        const fresh: string[] = [];
        for (let i = 0; i < sheets.items.length; i++) fresh.push(sheets.items[i].name);
        const out: SheetRead[] = [];
        for (let p = 0; p < parts.length; p++) {
          const part = parts[p];
          const used = part.used;
          let fills: Array<Array<string | null>> | null = null;
          let links: Array<Array<string | null>> | null = null;
          let fonts: Array<Array<string | null>> | null = null;
          if (part.props) {
            const cp: Any[][] = part.props.value;
            fills = [];
            links = [];
            fonts = [];
            for (let r = 0; r < cp.length; r++) {
              const fr: Array<string | null> = [];
              const lr: Array<string | null> = [];
              const nr: Array<string | null> = [];
              for (let c = 0; c < cp[r].length; c++) {
                const x = cp[r][c] || {};
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
          const ownCfIds: string[] = [];
          if (part.cfs) {
            for (let i = 0; i < part.cfs.items.length; i++) {
              const cf = part.cfs.items[i];
              const custom = cf.customOrNullObject;
              if (cf.type === 'Custom' && custom && !custom.isNullObject && custom.rule.formula === HIGHLIGHT_MARKER_FORMULA) ownCfIds.push(cf.id);
            }
          }
          const sr: SheetRead = {
            name: part.name,
            top: used.rowIndex,
            left: used.columnIndex,
            formulas: used.formulas,
            values: used.values,
            numberFormat: used.numberFormat,
            fills: fills,
            protectedSheet: features.protection ? !!part.ws.protection.protected : false,
            ownCfIds: ownCfIds,
            links: links,
            fonts: fonts,
          };
          const hidden = readHidden(part.hidden);
          if (hidden) sr.hidden = hidden;
          out.push(sr);
        }
        let backup: BackupRecord[] | null = null;
        if (backupHolder.length) backup = parseBackup(backupHolder[0].values);
        return { state: { sheets: out, names: fresh, backup: backup }, fresh: fresh };
      });
    });
  }

  function sameList(a: string[], b: string[]): boolean {
    if (a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
    return true;
  }

  function readState(): Promise<ReadState> {
    const start = names ? Promise.resolve(names) : listNames();
    return start
      .then(function (known) {
        return readOnce(known).then(
          function (res) {
            if (sameList(res.fresh, known)) return res;
            rememberNames(res.fresh);
            return readOnce(res.fresh);
          },
          function (e: Any) {
            // A cached sheet was deleted or renamed: learn the names again and retry once.
            if (e && e.code === 'ItemNotFound') {
              return listNames().then(function (fresh) {
                rememberNames(fresh);
                return readOnce(fresh);
              });
            }
            throw e;
          },
        );
      })
      .then(function (res) {
        rememberNames(res.fresh);
        state = res.state;
        revertable = !!(res.state.backup && res.state.backup.length);
        return res.state;
      });
  }

  function readWorkbook(): Promise<WorkbookGrid> {
    return readState().then(toGrid, function (e) {
      throw toHostError(e);
    });
  }

  /* ---------------------------------------------------------------- write */

  /** Queued operations with their payload estimate; flushed in as few syncs as the limit allows. */
  interface Op {
    size: number;
    apply: (context: Any) => void;
  }

  function queueBackup(ops: Op[], records: BackupRecord[], exists: boolean): void {
    const texts: string[][] = [];
    for (let i = 0; i < records.length; i++) texts.push([JSON.stringify(records[i])]);
    ops.push({
      size: 200,
      apply: function (context: Any) {
        const sheets = context.workbook.worksheets;
        if (exists) sheets.getItem(BACKUP_SHEET_NAME).getRange().clear();
        else sheets.add(BACKUP_SHEET_NAME);
        if (features.setVisibility) sheets.getItem(BACKUP_SHEET_NAME).visibility = 'VeryHidden';
      },
    });
    // Rows in chunks, so that no single operation outgrows the payload limit.
    const CHUNK = 1000;
    for (let start = 0; start < texts.length; start += CHUNK) {
      const part = texts.slice(start, start + CHUNK);
      const first = start;
      ops.push({
        size: jsonSize(part) * 2,
        apply: function (context: Any) {
          const range = context.workbook.worksheets.getItem(BACKUP_SHEET_NAME).getRange('A' + (first + 1) + ':A' + (first + part.length));
          const formats: string[][] = [];
          for (let i = 0; i < part.length; i++) formats.push(['@']);
          range.numberFormat = formats;
          range.values = part;
        },
      });
    }
  }

  function queueWrites(ops: Op[], plan: WritePlan, s: ReadState): void {
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
        apply: function (context: Any) {
          const range = context.workbook.worksheets.getItem(sheetName).getRange(address);
          if (anyFormat) range.numberFormat = formats;
          range.formulas = formulas;
        },
      });
      i = j;
    }
  }

  function queueHighlights(ops: Op[], plan: WritePlan, s: ReadState, added: Any[], loadedFills: Array<{ key: string; fill: Any }>): void {
    // Remove what the previous run painted, then paint.
    if (features.conditionalFormats) {
      for (let i = 0; i < s.sheets.length; i++) {
        const sr = s.sheets[i];
        if (sr.ownCfIds.length === 0) continue;
        const ids = sr.ownCfIds;
        const address = rangeAddress(sr.top, sr.left, Math.max(1, sr.values.length), Math.max(1, sr.values[0] ? sr.values[0].length : 1));
        ops.push({
          size: jsonSize(ids),
          apply: function (context: Any) {
            const cfs = context.workbook.worksheets.getItem(sr.name).getRange(address).conditionalFormats;
            for (let k = 0; k < ids.length; k++) cfs.getItem(ids[k]).delete();
          },
        });
      }
    } else if (s.backup) {
      const old = s.backup;
      ops.push({
        size: jsonSize(old),
        apply: function (context: Any) {
          for (let k = 0; k < old.length; k++) {
            const b = old[k];
            if (b.k !== 'h' || b.cf || !findSheet(s, b.s)) continue;
            const range = context.workbook.worksheets.getItem(b.s).getRange(b.a);
            const before = previousFill(b.fill, b.s, b.a);
            if (before) range.format.fill.color = before;
            else range.format.fill.clear();
          }
        },
      });
    }
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
        apply: function (context: Any) {
          const range = context.workbook.worksheets.getItem(first.sheet).getRange(address);
          if (features.conditionalFormats) {
            const cf = range.conditionalFormats.add('Custom');
            cf.custom.rule.formula = HIGHLIGHT_MARKER_FORMULA;
            cf.custom.format.fill.color = color;
            cf.load('id');
            added.push({ sheet: first.sheet, address: address, cf: cf });
          } else {
            if (!features.cellProperties) {
              // Queued before the paint, so each load sees the fill the cell has just before it.
              for (let r = 0; r < count; r++) {
                const cellAddress = rangeAddress(first.row + r, first.col, 1, 1);
                const fill = context.workbook.worksheets.getItem(first.sheet).getRange(cellAddress).format.fill;
                fill.load('color');
                loadedFills.push({ key: first.sheet + '!' + cellAddress, fill: fill });
              }
            }
            range.format.fill.color = color;
          }
        },
      });
      i = j;
    }
  }

  function queueSummary(ops: Op[], plan: WritePlan, exists: boolean): void {
    queueSheet(ops, plan.summary, plan.summary.name, exists);
  }

  /**
   * A tool-owned sheet (the summary, a consolidation sheet) written as `name`: added, or cleared when it
   * `exists`; text as text (never parsed as a formula), numbers with their formats, bold, links, widths.
   */
  function queueSheet(ops: Op[], sheet: SummarySheet, name: string, exists: boolean): void {
    const block = summaryBlock(sheet, features.rangeHyperlink);
    const rows = block.formulas.length;
    const cols = rows ? block.formulas[0].length : 1;
    ops.push({
      size: 200 + sheet.columnWidths.length * 100,
      apply: function (context: Any) {
        const sheets = context.workbook.worksheets;
        let ws: Any;
        if (exists) {
          ws = sheets.getItem(name);
          ws.getRange().clear();
        } else {
          ws = sheets.add(name);
        }
        if (features.columnWidth) {
          for (let c = 0; c < sheet.columnWidths.length; c++) {
            // Excel's columnWidth is in points; ~7 points per character of the default font.
            ws.getRange(columnLetters(c) + ':' + columnLetters(c)).format.columnWidth = sheet.columnWidths[c] * 7;
          }
        }
      },
    });
    // Rows in chunks, so that a long sheet (every flag of many communes) splits under the payload limit.
    const CHUNK = 1000;
    for (let first = 0; first < rows; first += CHUNK) {
      const count = Math.min(CHUNK, rows - first);
      const formulas = block.formulas.slice(first, first + count);
      const formats = block.formats.slice(first, first + count);
      const links: typeof block.links = [];
      for (let k = 0; k < block.links.length; k++) if (block.links[k].r >= first && block.links[k].r < first + count) links.push(block.links[k]);
      const top = first;
      ops.push({
        size: jsonSize(formulas) + jsonSize(formats) + jsonSize(links),
        apply: function (context: Any) {
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
  function batches(ops: Op[]): Op[][] {
    const out: Op[][] = [[]];
    let size = 0;
    for (let i = 0; i < ops.length; i++) {
      if (size > 0 && size + ops[i].size > payloadLimit) {
        out.push([]);
        size = 0;
      }
      out[out.length - 1].push(ops[i]);
      size += ops[i].size;
    }
    return out;
  }

  function sheetsTouched(plan: WritePlan): string[] {
    const list: string[] = [];
    for (let i = 0; i < plan.writes.length; i++) if (indexOf(list, plan.writes[i].sheet) < 0) list.push(plan.writes[i].sheet);
    for (let i = 0; i < plan.highlights.length; i++) if (indexOf(list, plan.highlights[i].sheet) < 0) list.push(plan.highlights[i].sheet);
    return list;
  }

  function sameGrid(a: CellScalar[][], b: CellScalar[][]): boolean {
    if (a.length !== b.length) return false;
    for (let r = 0; r < a.length; r++) {
      if (a[r].length !== b[r].length) return false;
      for (let c = 0; c < a[r].length; c++) if (a[r][c] !== b[r][c]) return false;
    }
    return true;
  }

  function applyPlan(plan: WritePlan, options: ApplyOptions): Promise<ApplyReport> {
    const before = syncs;
    const ready = state ? Promise.resolve(state) : readState();
    return ready.then(function (s) {
      const touched = sheetsTouched(options.highlights ? plan : { writes: plan.writes, highlights: [], summary: plan.summary });
      for (let i = 0; i < touched.length; i++) {
        const sr = findSheet(s, touched[i]);
        if (sr && sr.protectedSheet) throw hostError('sheet-protected', sr.name);
      }
      const effective: WritePlan = options.highlights ? plan : { writes: plan.writes, highlights: [], summary: plan.summary };
      const records = buildBackup(effective, s, features.level, features.conditionalFormats);
      const ops: Op[] = [];
      const backupExists = indexOf(s.names, BACKUP_SHEET_NAME) >= 0;
      const summaryExists = indexOf(s.names, plan.summary.name) >= 0;
      queueBackup(ops, records, backupExists);
      queueWrites(ops, effective, s);
      const added: Any[] = [];
      const loadedFills: Array<{ key: string; fill: Any }> = [];
      queueHighlights(ops, effective, s, added, loadedFills);
      queueSummary(ops, plan, summaryExists);
      const groups = batches(ops);
      const checks: Array<{ sheet: SheetRead; used: Any }> = [];
      let conflict: string | null = null;
      let failed: Any = null;
      writing++;
      return run(function (context: Any) {
        // Conflict check: queued before any write, so it reads what the sheet holds just before this batch.
        const writeSheets = sheetsTouched(effective);
        for (let i = 0; i < writeSheets.length; i++) {
          const sr = findSheet(s, writeSheets[i]);
          if (!sr) continue;
          const ws = context.workbook.worksheets.getItem(sr.name);
          const used = features.usedRangeValuesOnly ? ws.getUsedRange(true) : ws.getUsedRange();
          used.load('rowIndex,columnIndex,formulas');
          checks.push({ sheet: sr, used: used });
        }
        let k = 0;
        const next = function (): Promise<void> {
          if (k >= groups.length) return Promise.resolve();
          const group = groups[k++];
          for (let i = 0; i < group.length; i++) group[i].apply(context);
          return sync(context).then(function () {
            if (k === 1) {
              for (let i = 0; i < checks.length; i++) {
                const c = checks[i];
                if (c.used.rowIndex !== c.sheet.top || c.used.columnIndex !== c.sheet.left || !sameGrid(c.used.formulas, c.sheet.formulas)) {
                  conflict = c.sheet.name;
                  return;
                }
              }
            }
            return next();
          });
        };
        return next();
      })
        .then(
          function () {
            return undefined;
          },
          function (e: Any) {
            failed = e;
          },
        )
        .then(function () {
          if (!conflict && !failed) {
            writing--;
            state = null;
            revertable = true;
            rememberFills(loadedFills);
            const now = (names || []).slice();
            if (indexOf(now, BACKUP_SHEET_NAME) < 0) now.push(BACKUP_SHEET_NAME);
            if (indexOf(now, plan.summary.name) < 0) now.push(plan.summary.name);
            rememberNames(now);
            return { written: effective.writes.length, highlighted: effective.highlights.length, syncs: syncs - before };
          }
          // Put back what this batch changed: the cells as they were just before it (the co-author's edit included).
          const pre: { [sheet: string]: { top: number; left: number; formulas: CellScalar[][] } } = {};
          for (let i = 0; i < checks.length; i++) {
            try {
              pre[checks[i].sheet.name] = { top: checks[i].used.rowIndex, left: checks[i].used.columnIndex, formulas: checks[i].used.formulas };
            } catch (e) {
              /* not loaded: the batch failed before the sync */
            }
          }
          const fail = function (): never {
            writing--;
            state = null;
            throw conflict ? hostError('changed-since-read', conflict) : toHostError(failed);
          };
          return undoFailedWrite(s, effective, records, backupExists, summaryExists, pre, added)
            .then(undefined, function () {
              return undefined;
            })
            .then(function () {
              const err = conflict ? null : toHostError(failed);
              if (!err || err.code !== 'sheet-protected' || err.sheet) return fail();
              // Below 1.2 protection cannot be read up front: name the sheet that refuses a write.
              return findProtectedSheet(s, effective).then(function (name) {
                writing--;
                state = null;
                throw hostError('sheet-protected', name || undefined, err.detail);
              }, fail);
            });
        });
    });
  }

  /** Failure path only: rewrites one cell of each touched sheet with what it already holds; the sheet that refuses is protected. */
  function findProtectedSheet(s: ReadState, plan: WritePlan): Promise<string | null> {
    const sheetsToTry = sheetsTouched(plan);
    let i = 0;
    const next = function (): Promise<string | null> {
      if (i >= sheetsToTry.length) return Promise.resolve(null);
      const name = sheetsToTry[i++];
      const sr = findSheet(s, name);
      if (!sr || !sr.formulas.length || !sr.formulas[0].length) return next();
      return run(function (context: Any) {
        const range = context.workbook.worksheets.getItem(name).getRange(rangeAddress(sr.top, sr.left, 1, 1));
        range.formulas = [[sr.formulas[0][0]]];
        return sync(context);
      }).then(next, function (e: Any) {
        return toHostError(e).code === 'sheet-protected' ? name : next();
      });
    };
    return next();
  }

  /** Best effort, one batch per sheet so that a protected sheet cannot stop the others. */
  function undoFailedWrite(
    s: ReadState,
    plan: WritePlan,
    records: BackupRecord[],
    backupExisted: boolean,
    summaryExisted: boolean,
    pre: { [sheet: string]: { top: number; left: number; formulas: CellScalar[][] } },
    added: Any[],
  ): Promise<void> {
    const jobs: Array<(context: Any) => void> = [];
    const sheetsList = sheetsTouched(plan);
    for (let i = 0; i < sheetsList.length; i++) {
      const name = sheetsList[i];
      jobs.push(function (context: Any) {
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
    jobs.push(function (context: Any) {
      const sheets = context.workbook.worksheets;
      if (!summaryExisted) sheets.getItem(plan.summary.name).delete();
      else {
        const sum = findSheet(s, plan.summary.name);
        const ws = sheets.getItem(plan.summary.name);
        ws.getRange().clear();
        if (sum && sum.formulas.length) ws.getRange(rangeAddress(sum.top, sum.left, sum.formulas.length, sum.formulas[0].length)).formulas = sum.formulas;
      }
    });
    jobs.push(function (context: Any) {
      const sheets = context.workbook.worksheets;
      if (!backupExisted) sheets.getItem(BACKUP_SHEET_NAME).delete();
      else if (s.backup) {
        const ws = sheets.getItem(BACKUP_SHEET_NAME);
        ws.getRange().clear();
        const texts: string[][] = [];
        for (let i = 0; i < s.backup.length; i++) texts.push([JSON.stringify(s.backup[i])]);
        if (texts.length) {
          const range = ws.getRange('A1:A' + texts.length);
          const formats: string[][] = [];
          for (let i = 0; i < texts.length; i++) formats.push(['@']);
          range.numberFormat = formats;
          range.values = texts;
        }
      }
    });
    // Conditional formats added by the failed batch: delete by the ids that batch returned.
    if (features.conditionalFormats && added.length) {
      jobs.unshift(function (context: Any) {
        for (let k = 0; k < added.length; k++) {
          let id: string | null = null;
          try {
            id = added[k].cf.id;
          } catch (e) {
            id = null;
          }
          if (id) context.workbook.worksheets.getItem(added[k].sheet).getRange(added[k].address).conditionalFormats.getItem(id).delete();
        }
      });
    }
    let chain: Promise<void> = Promise.resolve();
    // One batch per job on purpose (error isolation on the failure path only), chained, not awaited in the loop.
    // eslint-disable-next-line office-addins/no-context-sync-in-loop
    for (let i = 0; i < jobs.length; i++) {
      const job = jobs[i];
      chain = chain.then(function () {
        return run(function (context: Any) {
          job(context);
          return sync(context);
        }).then(
          function () {
            return undefined;
          },
          function () {
            return undefined;
          },
        );
      });
    }
    return chain;
  }

  /* ---------------------------------------------------------------- new sheets (consolidation) */

  /** The sheet with its links to a sheet of the same set following that sheet's new name. */
  function retarget(sheet: SummarySheet, wanted: string[], used: string[]): SummarySheet {
    const rows: SummarySheet['rows'] = [];
    for (let r = 0; r < sheet.rows.length; r++) {
      const row: SummarySheet['rows'][number] = [];
      for (let c = 0; c < sheet.rows[r].length; c++) {
        const cell = sheet.rows[r][c];
        const k = cell && cell.kind === 'link' ? indexOf(wanted, cell.sheet) : -1;
        row.push(cell && cell.kind === 'link' && k >= 0 ? { kind: 'link', text: cell.text, sheet: used[k], address: cell.address } : cell);
      }
      rows.push(row);
    }
    return { name: sheet.name, rows: rows, columnWidths: sheet.columnWidths };
  }

  /**
   * New tool sheets beside the user's, never over them: one sync learns the current sheet names (a clash
   * would fail the batch), one more adds and writes the sheets and shows the first (more only over the
   * payload limit). On failure whatever was added is deleted again.
   */
  function addSheets(list: SummarySheet[]): Promise<string[]> {
    if (!list.length) return Promise.resolve([]);
    const wanted: string[] = [];
    const used: string[] = [];
    let present: string[] = [];
    writing++;
    return listNames()
      .then(function (existing) {
        present = existing;
        const taken = existing.slice();
        for (let i = 0; i < list.length; i++) {
          const name = uniqueSheetName(list[i].name, taken);
          taken.push(name);
          wanted.push(list[i].name);
          used.push(name);
        }
        const ops: Op[] = [];
        for (let i = 0; i < list.length; i++) queueSheet(ops, retarget(list[i], wanted, used), used[i], false);
        ops.push({
          size: 100,
          apply: function (context: Any) {
            context.workbook.worksheets.getItem(used[0]).activate();
          },
        });
        const groups = batches(ops);
        return run(function (context: Any) {
          let k = 0;
          const next = function (): Promise<void> {
            if (k >= groups.length) return Promise.resolve();
            const group = groups[k++];
            for (let i = 0; i < group.length; i++) group[i].apply(context);
            return sync(context).then(next);
          };
          return next();
        });
      })
      .then(
        function () {
          writing--;
          rememberNames(present.concat(used));
          return used;
        },
        function (e: Any) {
          writing--;
          const failure = toHostError(e);
          if (!used.length) throw failure;
          // None of these names existed before, so any sheet holding one now is a partial write of ours.
          return listNames()
            .then(function (now) {
              const ours: string[] = [];
              for (let i = 0; i < now.length; i++) if (indexOf(used, now[i]) >= 0) ours.push(now[i]);
              if (!ours.length) return undefined;
              return run(function (context: Any) {
                for (let i = 0; i < ours.length; i++) context.workbook.worksheets.getItem(ours[i]).delete();
                return sync(context);
              });
            })
            .then(undefined, function () {
              return undefined;
            })
            .then(function (): never {
              throw failure;
            });
        },
      );
  }

  /* ---------------------------------------------------------------- revert and clear */

  function readBackupAndMarks(): Promise<{ backup: BackupRecord[] | null; names: string[]; marks: Array<{ sheet: string; address: string; ids: string[] }> }> {
    const start = names ? Promise.resolve(names) : listNames();
    return start.then(function (known) {
      return run(function (context: Any) {
        const sheets = context.workbook.worksheets;
        sheets.load('items/name');
        const backupHolder: Any[] = [];
        const cfParts: Array<{ sheet: string; used: Any }> = [];
        for (let i = 0; i < known.length; i++) {
          if (known[i] === BACKUP_SHEET_NAME) {
            const backupRange = sheets.getItem(BACKUP_SHEET_NAME).getUsedRange();
            backupRange.load('values');
            backupHolder.push(backupRange);
          } else if (features.conditionalFormats && known[i] !== SUMMARY_SHEET_NAME) {
            const used = sheets.getItem(known[i]).getUsedRange();
            used.load('address');
            used.conditionalFormats.load('items/id,items/type,items/customOrNullObject/rule/formula');
            cfParts.push({ sheet: known[i], used: used });
          }
        }
        return sync(context).then(function () {
          const fresh: string[] = [];
          for (let i = 0; i < sheets.items.length; i++) fresh.push(sheets.items[i].name);
          rememberNames(fresh);
          const marks: Array<{ sheet: string; address: string; ids: string[] }> = [];
          for (let p = 0; p < cfParts.length; p++) {
            const ids: string[] = [];
            const items = cfParts[p].used.conditionalFormats.items;
            for (let i = 0; i < items.length; i++) {
              const custom = items[i].customOrNullObject;
              if (items[i].type === 'Custom' && custom && !custom.isNullObject && custom.rule.formula === HIGHLIGHT_MARKER_FORMULA) ids.push(items[i].id);
            }
            if (ids.length) marks.push({ sheet: cfParts[p].sheet, address: String(cfParts[p].used.address).replace(/^.*!/, ''), ids: ids });
          }
          return { backup: backupHolder.length ? parseBackup(backupHolder[0].values) : null, names: fresh, marks: marks };
        });
      });
    });
  }

  /** Below 1.6: the fills the tool painted, still showing the tool's colour now. */
  function ownFillsStillShown(backup: BackupRecord[], present: string[]): Promise<Array<{ s: string; a: string; fill: string | null | undefined }>> {
    const recs: Array<{ s: string; a: string; c: string; fill?: string | null }> = [];
    for (let i = 0; i < backup.length; i++) {
      const b = backup[i];
      if (b.k === 'h' && !b.cf && indexOf(present, b.s) >= 0) recs.push(b);
    }
    if (!recs.length) return Promise.resolve([]);
    return run(function (context: Any) {
      const fills: Any[] = [];
      for (let i = 0; i < recs.length; i++) {
        const f = context.workbook.worksheets.getItem(recs[i].s).getRange(recs[i].a).format.fill;
        f.load('color');
        fills.push(f);
      }
      return sync(context).then(function () {
        const out: Array<{ s: string; a: string; fill: string | null | undefined }> = [];
        for (let i = 0; i < recs.length; i++) if (normColor(fills[i].color) === normColor(recs[i].c)) out.push({ s: recs[i].s, a: recs[i].a, fill: previousFill(recs[i].fill, recs[i].s, recs[i].a) });
        return out;
      });
    });
  }

  function removeMarks(context: Any, marks: Array<{ sheet: string; address: string; ids: string[] }>): number {
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

  function clearFills(context: Any, fills: Array<{ s: string; a: string; fill: string | null | undefined }>): void {
    for (let i = 0; i < fills.length; i++) {
      const range = context.workbook.worksheets.getItem(fills[i].s).getRange(fills[i].a);
      if (fills[i].fill) range.format.fill.color = fills[i].fill;
      else range.format.fill.clear();
    }
  }

  function revertLastWrite(): Promise<RevertReport> {
    return readBackupAndMarks()
      .then(function (found) {
        const backup = found.backup;
        if (!backup || backup.length === 0) throw hostError('nothing-to-revert');
        const fillsStep = features.conditionalFormats ? Promise.resolve([]) : ownFillsStillShown(backup, found.names);
        return fillsStep.then(function (fills) {
          let restored = 0;
          let meta: Any = null;
          const deleted: string[] = [];
          writing++;
          return run(function (context: Any) {
            const sheets = context.workbook.worksheets;
            for (let i = 0; i < backup.length; i++) {
              const b = backup[i];
              if (b.k === 'meta') meta = b;
              if (b.k !== 'w' || indexOf(found.names, b.s) < 0) continue;
              const range = sheets.getItem(b.s).getRange(b.a);
              range.numberFormat = [[b.nf]];
              range.formulas = [[b.f === null ? '' : b.f]];
              restored++;
            }
            removeMarks(context, found.marks);
            clearFills(context, fills);
            if (indexOf(found.names, SUMMARY_SHEET_NAME) >= 0) {
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
            return sync(context);
          }).then(
            function () {
              writing--;
              state = null;
              const left: string[] = [];
              for (let i = 0; i < found.names.length; i++) if (indexOf(deleted, found.names[i]) < 0) left.push(found.names[i]);
              rememberNames(left);
              forgetFills();
              revertable = false;
              return { restored: restored };
            },
            function (e: Any) {
              writing--;
              throw e;
            },
          );
        });
      })
      .then(undefined, function (e: Any) {
        throw toHostError(e);
      });
  }

  function clearHighlights(): Promise<number> {
    return readBackupAndMarks()
      .then(function (found) {
        const fillsStep = features.conditionalFormats || !found.backup ? Promise.resolve([]) : ownFillsStillShown(found.backup, found.names);
        return fillsStep.then(function (fills) {
          if (!found.marks.length && !fills.length) return 0;
          let n = 0;
          writing++;
          return run(function (context: Any) {
            n = removeMarks(context, found.marks) + fills.length;
            clearFills(context, fills);
            return sync(context);
          }).then(
            function () {
              writing--;
              state = null;
              return n;
            },
            function (e: Any) {
              writing--;
              throw e;
            },
          );
        });
      })
      .then(undefined, function (e: Any) {
        throw toHostError(e);
      });
  }

  function selectCell(sheet: string, address: string): Promise<void> {
    return run(function (context: Any) {
      const ws = context.workbook.worksheets.getItem(sheet);
      ws.activate();
      ws.getRange(address).select();
      return sync(context);
    }).then(undefined, function (e: Any) {
      throw toHostError(e, sheet);
    });
  }

  /* ---------------------------------------------------------------- change events */

  function onUserEdit(listener: () => void): () => void {
    if (!features.changeEvents) return function () {};
    let disposed = false;
    let timer: Any = null;
    const handles: Any[] = [];
    const handler = function (event: Any): Promise<void> {
      if (disposed) return Promise.resolve();
      if (writing > 0) return Promise.resolve();
      if (features.triggerSource && event && event.triggerSource === 'ThisLocalAddin') return Promise.resolve();
      if (timer !== null) clearTimeout(timer);
      timer = setTimeout(function () {
        timer = null;
        if (!disposed) listener();
      }, debounceMs);
      return Promise.resolve();
    };
    const start = names ? Promise.resolve(names) : listNames();
    start
      .then(function (known) {
        return run(function (context: Any) {
          for (let i = 0; i < known.length; i++) {
            if (known[i] === BACKUP_SHEET_NAME || known[i] === SUMMARY_SHEET_NAME) continue;
            handles.push(context.workbook.worksheets.getItem(known[i]).onChanged.add(handler));
          }
          return sync(context);
        });
      })
      .then(undefined, function () {
        return undefined;
      });
    return function () {
      disposed = true;
      if (timer !== null) clearTimeout(timer);
      // All handlers were added in one batch, so they share one context: remove them in one sync.
      const first = handles[0];
      if (first && first.context && typeof first.remove === 'function') {
        excel
          .run(first.context, function (context: Any) {
            for (let i = 0; i < handles.length; i++) handles[i].remove();
            return context.sync();
          })
          .then(undefined, function () {
            return undefined;
          });
      }
    };
  }

  const host = {
    kind: 'excel' as const,
    capabilities: capabilities,
    features: features,
    lastSyncs: function () {
      return syncs;
    },
    readWorkbook: readWorkbook,
    applyPlan: function (plan: WritePlan, options: ApplyOptions): Promise<ApplyReport> {
      return applyPlan(plan, options).then(undefined, function (e: Any) {
        throw toHostError(e);
      });
    },
    revertLastWrite: revertLastWrite,
    canRevert: function (): boolean {
      return revertable;
    },
    clearHighlights: clearHighlights,
    selectCell: selectCell,
    onUserEdit: features.changeEvents ? onUserEdit : undefined,
    addSheets: addSheets,
    readColumnChoices: readColumnChoices,
    saveColumnChoices: saveColumnChoices,
  };
  return host;
}

