/**
 * An in-memory fake of the Excel JavaScript API subset the gateway uses, installed as the globals
 * `Excel` and `Office`. It ENFORCES the Office.js rules the real host enforces:
 * - reading a property of a proxy before `load` + `context.sync()` throws PropertyNotLoaded;
 * - values/formulas/numberFormat whose shape does not match the range fail with InvalidArgument;
 * - APIs above the configured ExcelApi level are absent (undefined), so feature detection is real;
 *   properties above it cannot be loaded (Range.rowHidden / columnHidden need 1.2);
 * - hidden rows and columns answer as Excel does: rowHidden/columnHidden true, false or null (some),
 *   and getSpecialCellsOrNullObject('Visible') (1.9) gives the visible cells as areas, a null object
 *   when none is visible (its areas then cannot be read);
 * - a sync over 5 MB of request payload fails with RequestPayloadSizeLimitExceeded;
 * - writes to a protected sheet fail with AccessDenied (earlier operations of the batch stay applied,
 *   as in Excel, where a batch is not a transaction);
 * - while the user is editing a cell, a batch fails with InvalidOperationInCellEditMode unless it
 *   asked for `delayForCellEdit` and the level honours it (assumed 1.11 here).
 * It counts syncs and request payload bytes per sync, and lets a test edit the workbook between syncs
 * (a co-author). Written as ES5-friendly TypeScript without Node APIs and without imports, because
 * it is also bundled into a browser page and into the IE11 (ES5) commands test.
 */

/* eslint-disable @typescript-eslint/no-explicit-any */
type Any = any;
type Scalar = string | number | boolean | null;

export interface FakeCellInit {
  value: Scalar;
  formula?: string;
  hyperlink?: string;
  font?: string;
  error?: string;
}

export interface FakeSheetInit {
  name: string;
  rows: Array<Array<FakeCellInit | null | undefined> | null | undefined>;
  protected?: boolean;
  /** Fills by A1 address, "#RRGGBB". */
  fills?: { [address: string]: string };
  numberFormats?: { [address: string]: string };
  /** The user's own conditional formats: {address, formula, fill}. */
  conditionalFormats?: Array<{ address: string; formula: string; fill: string }>;
  /** Hidden rows and columns, 0-based. */
  hiddenRows?: number[];
  hiddenColumns?: number[];
  /** The user's own notes by A1 address (ExcelApi 1.18's worksheet.notes). */
  notes?: { [address: string]: string };
  /** The user's own data validations by A1 address of one cell (ExcelApi 1.8's range.dataValidation). */
  validations?: { [address: string]: FakeValidation };
}

/** One cell's data validation as range.dataValidation (ExcelApi 1.8) sets and reads it. */
export interface FakeValidation {
  /** Office's DataValidationRule: { list: { inCellDropDown, source } }, { decimal: { formula1, formula2, operator } }… */
  rule: { [kind: string]: Any };
  prompt?: { showPrompt?: boolean; title?: string; message?: string };
  errorAlert?: { showAlert?: boolean; style?: string; title?: string; message?: string };
  ignoreBlanks?: boolean;
}

/** A workbook-level defined name (workbook.names): its formula, "=Sheet!$A$1:$B$1". */
export interface FakeName {
  name: string;
  formula: string;
}

export interface FakeWorkbookInit {
  sheets: FakeSheetInit[];
  /** Document settings saved in the file (JSON text by name), e.g. from an earlier session. */
  settings?: { [name: string]: string };
  /**
   * The sheet the user is looking at when the add-in starts (default: the first). A name that is not one
   * of `sheets` stands for a chart sheet, which Office.js cannot reach as a worksheet: a batch that
   * reads the active worksheet then fails with ItemNotFound.
   */
  activeSheet?: string;
}

export type ApiLevel = '1.1' | '1.2' | '1.4' | '1.6' | '1.7' | '1.8' | '1.9' | '1.11' | '1.14' | '1.20';

export interface FakeOfficeOptions {
  apiLevel: ApiLevel | string;
  /** Request payload limit per sync (Excel on the web: 5 MB). */
  payloadLimit?: number;
  /** Office's display language (Office.context.displayLanguage); default vi-VN. */
  displayLanguage?: string;
  /**
   * What a batch does with a call on a null object (say, reading the used range of the sheet after the
   * last one). Office documents only that the object's isNullObject is true; its client accepts null
   * results for such calls (`_IsNull`), so 'propagate' (the default) answers null and goes on, and
   * 'reject' fails the whole batch, the other behaviour a host could have.
   */
  nullObjectCalls?: 'propagate' | 'reject';
}

/** The name a null worksheet (past the last sheet) carries in this fake: no sheet can have it. */
const NULL_SHEET = '\u0000null';

/** Thrown by a queued call on a null object; the sync decides what it means (FakeOfficeOptions.nullObjectCalls). */
const NULL_OBJECT_CALL = { nullObjectCall: true };

export interface FakeCell {
  value: Scalar;
  formula?: string;
  numberFormat?: string;
  fill?: string | null;
  hyperlink?: { address?: string; documentReference?: string; textToDisplay?: string };
  font?: string;
  bold?: boolean;
}

interface Rect {
  r0: number;
  c0: number;
  r1: number;
  c1: number;
}

interface FakeCf {
  id: string;
  rect: Rect;
  formula: string;
  fill: string;
}

export interface FakeSheet {
  name: string;
  cells: { [key: string]: FakeCell };
  protected: boolean;
  visibility: string;
  cfs: FakeCf[];
  handlers: Array<(e: Any) => Any>;
  /** Hidden rows and columns, 0-based (a test may change them between syncs, as a user would). */
  hiddenRows?: number[];
  hiddenColumns?: number[];
  /** Notes by A1 address (upper case), as worksheet.notes (1.18) sees them. */
  notes?: { [address: string]: string };
  /** Page layout (1.9) as set through worksheet.pageLayout; absent until something is set. */
  pageLayout?: FakePageLayout;
  /** Data validations by cell ("r,c" 0-based), as range.dataValidation (1.8) sets them. */
  validations?: { [key: string]: FakeValidation };
  /** Charts (1.1), in the order added, as worksheet.charts sets them. */
  charts?: FakeChart[];
}

/** What a chart of worksheet.charts (ExcelApi 1.1) holds in this fake: what the gateway sets. */
export interface FakeChart {
  name: string;
  type: string;
  /** The source data's address on its sheet ("C20:D27") and how series run. */
  source: string;
  sourceSheet: string;
  seriesBy: string;
  title?: string;
  legendVisible?: boolean;
  legendPosition?: string;
  /** setPosition's cells (A1), the end absent when only the start was given. */
  position?: { start: string; end?: string };
  valueMinimum?: number;
  valueMaximum?: number;
  /** The value axis's number format (1.8). */
  valueNumberFormat?: string;
  /** The category axis read from the last category to the first (1.7). */
  categoryReversed?: boolean;
  /** Where the value axis crosses the category axis (1.8). */
  categoryPosition?: string;
}

/** What worksheet.pageLayout (ExcelApi 1.9) holds in this fake. */
export interface FakePageLayout {
  orientation?: string;
  paperSize?: string;
  zoom?: { scale?: number; horizontalFitToPages?: number; verticalFitToPages?: number };
  printTitleRows?: string;
  leftHeader?: string;
  centerHeader?: string;
  rightHeader?: string;
  leftFooter?: string;
  centerFooter?: string;
  rightFooter?: string;
}

export interface SyncRecord {
  bytes: number;
  operations: number;
}

export interface FakeOfficeHandle {
  level: string;
  sheets: FakeSheet[];
  /** Workbook-level defined names (workbook.names), in the order added. */
  names: FakeName[];
  /** A cell's data validation (1.8), or null. */
  validation(sheet: string, address: string): FakeValidation | null;
  /** Every sync, in order: request payload bytes and number of operations. */
  syncLog: SyncRecord[];
  syncCount(): number;
  maxPayload(): number;
  resetCounters(): void;
  /** Undo records the host would hold (one per sync, one per run with mergeUndoGroup at 1.20). */
  undoSteps: number;
  /** Called before each sync executes (sync number from 1), e.g. to simulate a co-author's edit. */
  beforeSync: ((syncNumber: number) => void) | null;
  /** The user is typing in a cell. */
  cellEditing: boolean;
  sheet(name: string): FakeSheet | null;
  cell(sheet: string, address: string): FakeCell | null;
  /** Value shown: formulas evaluated (SUM, ROUND, NUMBERVALUE, HYPERLINK, + - * /). */
  displayed(sheet: string, address: string): Scalar;
  /** Fill shown: a conditional format's fill over the cell's own. */
  displayedFill(sheet: string, address: string): string | null;
  /** Sets a cell as a person would (co-author or user), firing change events. */
  edit(sheet: string, address: string, value: Scalar, formula?: string): void;
  setProtected(sheet: string, on: boolean): void;
  /** Functions registered with Office.actions.associate. */
  actions: { [name: string]: (event: Any) => Any };
  selection: { sheet: string; address: string } | null;
  /** Name of the active sheet (activate, select and delete change it as in Excel). */
  activeSheet(): string | null;
  readyCallbacks: number;
  /**
   * Makes the host refuse the next `times` (default 1) calls whose method starts with `method`
   * ("PageLayout.", "NoteCollection.add"…): each refused call fails its batch with GeneralException,
   * the calls queued before it staying applied (a batch is not a transaction), as a host that does not
   * support a call in some case would.
   */
  refuse(method: string, times?: number): void;
  /** Saved document settings (JSON text by name), as Office keeps them in the file. */
  settings: { [name: string]: string };
  /** Dialogs opened with Office.context.ui.displayDialogAsync. */
  dialogs: Array<{ url: string; closed: boolean }>;
  /** set() calls not yet saved with saveAsync. */
  pendingSettings: { [name: string]: string | null };
  /** settings.refreshAsync calls (a runtime re-reading the settings another runtime may have saved). */
  settingsRefreshes: number;
}

/* ------------------------------------------------------------------ helpers */

const MAX_ROWS = 1048576;
const MAX_COLS = 16384;

function levelAtLeast(level: string, v: string): boolean {
  const a = level.split('.');
  const b = v.split('.');
  return Number(a[0]) - Number(b[0]) > 0 || (Number(a[0]) === Number(b[0]) && Number(a[1]) >= Number(b[1]));
}

function officeError(code: string, message: string, location?: string): Any {
  const e: Any = new Error(message);
  e.name = 'RichApi.Error';
  e.code = code;
  e.debugInfo = { code: code, message: message, errorLocation: location || '' };
  return e;
}

function colLetters(col: number): string {
  let n = col + 1;
  let s = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    s = String.fromCharCode(65 + rem) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

function colIndex(letters: string): number {
  let n = 0;
  const up = letters.toUpperCase();
  for (let i = 0; i < up.length; i++) n = n * 26 + up.charCodeAt(i) - 64;
  return n - 1;
}

function cellKey(r: number, c: number): string {
  return r + ',' + c;
}

export function a1Of(r: number, c: number): string {
  return colLetters(c) + (r + 1);
}

function rectAddress(rect: Rect): string {
  const s = a1Of(rect.r0, rect.c0);
  return rect.r0 === rect.r1 && rect.c0 === rect.c1 ? s : s + ':' + a1Of(rect.r1, rect.c1);
}

function quoteName(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : "'" + name.replace(/'/g, "''") + "'";
}

/** "A1", "B2:C5", "A:A", "3:3" (sheet prefix ignored). */
function parseAddress(address: string): Rect {
  const a = address.replace(/^.*!/, '').replace(/\$/g, '').toUpperCase();
  let m = /^([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?$/.exec(a);
  if (m) {
    const r0 = Number(m[2]) - 1;
    const c0 = colIndex(m[1]);
    return m[3] ? { r0: r0, c0: c0, r1: Number(m[4]) - 1, c1: colIndex(m[3]) } : { r0: r0, c0: c0, r1: r0, c1: c0 };
  }
  m = /^([A-Z]+):([A-Z]+)$/.exec(a);
  if (m) return { r0: 0, c0: colIndex(m[1]), r1: MAX_ROWS - 1, c1: colIndex(m[2]) };
  m = /^(\d+):(\d+)$/.exec(a);
  if (m) return { r0: Number(m[1]) - 1, c0: 0, r1: Number(m[2]) - 1, c1: MAX_COLS - 1 };
  throw officeError('InvalidArgument', 'Bad address ' + address);
}

function intersects(a: Rect, b: Rect): boolean {
  return a.r0 <= b.r1 && b.r0 <= a.r1 && a.c0 <= b.c1 && b.c0 <= a.c1;
}

function inside(r: number, c: number, rect: Rect): boolean {
  return r >= rect.r0 && r <= rect.r1 && c >= rect.c0 && c <= rect.c1;
}

function size(rect: Rect): number {
  return (rect.r1 - rect.r0 + 1) * (rect.c1 - rect.c0 + 1);
}

/* ------------------------------------------------------------------ formula evaluation */

function evaluate(sheet: FakeSheet, formula: string, depth: number): Scalar {
  if (depth > 100) return '#REF!';
  const src = formula.replace(/^=/, '');
  let pos = 0;
  const isAt = function (word: string): boolean {
    return src.substr(pos, word.length).toUpperCase() === word;
  };
  const expect = function (ch: string): void {
    if (src.charAt(pos) !== ch) throw new Error('expected ' + ch + ' in ' + src);
    pos++;
  };
  const cellNumber = function (r: number, c: number): number {
    const v = cellValue(sheet, r, c, depth + 1);
    return typeof v === 'number' ? v : 0;
  };
  const ref = function (): number[] | null {
    const m = /^\$?([A-Z]+)\$?(\d+)(?::\$?([A-Z]+)\$?(\d+))?/.exec(src.substring(pos));
    if (!m) return null;
    pos += m[0].length;
    const r0 = Number(m[2]) - 1;
    const c0 = colIndex(m[1]);
    const r1 = m[3] ? Number(m[4]) - 1 : r0;
    const c1 = m[3] ? colIndex(m[3]) : c0;
    const out: number[] = [];
    for (let r = r0; r <= r1; r++) for (let c = c0; c <= c1; c++) out.push(cellNumber(r, c));
    return out;
  };
  const str = function (): string {
    expect('"');
    let s = '';
    for (;;) {
      const ch = src.charAt(pos++);
      if (ch === '"') {
        if (src.charAt(pos) === '"') {
          s += '"';
          pos++;
          continue;
        }
        return s;
      }
      if (pos > src.length) throw new Error('unterminated string');
      s += ch;
    }
  };
  let primary: () => Scalar;
  const expr = function (): Scalar {
    let value = primary();
    for (;;) {
      const op = src.charAt(pos);
      if (op !== '+' && op !== '-' && op !== '*' && op !== '/') return value;
      pos++;
      const rhs = Number(primary());
      const lhs = Number(value);
      value = op === '+' ? lhs + rhs : op === '-' ? lhs - rhs : op === '*' ? lhs * rhs : lhs / rhs;
    }
  };
  primary = function (): Scalar {
    if (isAt('SUM(')) {
      pos += 4;
      let total = 0;
      while (src.charAt(pos) !== ')') {
        const cells = ref();
        if (cells) for (let i = 0; i < cells.length; i++) total += cells[i];
        else total += Number(expr());
        if (src.charAt(pos) === ',') pos++;
      }
      expect(')');
      return total;
    }
    if (isAt('ROUND(')) {
      pos += 6;
      const v = Number(expr());
      expect(',');
      const d = Number(expr());
      expect(')');
      const f = Math.pow(10, d);
      return Math.round(v * f + (v >= 0 ? 1e-9 : -1e-9)) / f;
    }
    if (isAt('NUMBERVALUE(')) {
      pos += 12;
      const m = /^\$?([A-Z]+)\$?(\d+)/.exec(src.substring(pos));
      if (!m) throw new Error('bad NUMBERVALUE');
      pos += m[0].length;
      expect(',');
      const mark = str();
      expect(',');
      str();
      expect(')');
      const v = cellValue(sheet, Number(m[2]) - 1, colIndex(m[1]), depth + 1);
      if (typeof v === 'number') return v;
      const text = String(v === null ? '' : v).replace(/^\s+|\s+$/g, '');
      const n = Number(mark === ',' ? text.replace(/\./g, '').replace(',', '.') : text.replace(/,/g, ''));
      return isNaN(n) || text === '' ? '#VALUE!' : n;
    }
    if (isAt('HYPERLINK(')) {
      pos += 10;
      expr();
      let shown: Scalar = '';
      if (src.charAt(pos) === ',') {
        pos++;
        shown = expr();
      }
      expect(')');
      return shown;
    }
    if (src.charAt(pos) === '"') return str();
    if (src.charAt(pos) === '(') {
      pos++;
      const v = expr();
      expect(')');
      return v;
    }
    const cells = ref();
    if (cells) return cells[0];
    const m = /^-?\d+(\.\d+)?/.exec(src.substring(pos));
    if (!m) throw new Error('cannot read ' + src.substring(pos));
    pos += m[0].length;
    return Number(m[0]);
  };
  try {
    const result = expr();
    if (pos !== src.length) return '#NAME?';
    return result;
  } catch (e) {
    return '#NAME?';
  }
}

function cellValue(sheet: FakeSheet, r: number, c: number, depth: number): Scalar {
  const cell = sheet.cells[cellKey(r, c)];
  if (!cell) return null;
  if (cell.formula) return evaluate(sheet, cell.formula, depth);
  return cell.value;
}

/* ------------------------------------------------------------------ install */

export function installFakeOffice(target: Any, init: FakeWorkbookInit, options: FakeOfficeOptions): FakeOfficeHandle {
  const level = String(options.apiLevel);
  const payloadLimit = options.payloadLimit || 5 * 1024 * 1024;
  const nullObjectCalls = options.nullObjectCalls || 'propagate';
  const at = function (v: string): boolean {
    return levelAtLeast(level, v);
  };
  let cfCounter = 0;
  let totalSyncs = 0;

  const sheets: FakeSheet[] = [];
  for (let i = 0; i < init.sheets.length; i++) {
    const s = init.sheets[i];
    const sheet: FakeSheet = { name: s.name, cells: {}, protected: !!s.protected, visibility: 'Visible', cfs: [], handlers: [] };
    if (s.hiddenRows) sheet.hiddenRows = s.hiddenRows.slice();
    if (s.hiddenColumns) sheet.hiddenColumns = s.hiddenColumns.slice();
    if (s.notes) {
      sheet.notes = {};
      for (const a in s.notes) if (s.notes.hasOwnProperty(a)) sheet.notes[a.toUpperCase()] = s.notes[a];
    }
    for (let r = 0; r < s.rows.length; r++) {
      const row = s.rows[r];
      if (!row) continue;
      for (let c = 0; c < row.length; c++) {
        const g = row[c];
        if (!g) continue;
        const cell: FakeCell = { value: g.error ? g.error : g.value };
        if (g.formula) cell.formula = '=' + g.formula.replace(/^=/, '');
        if (g.hyperlink) cell.hyperlink = g.hyperlink.charAt(0) === '#' ? { documentReference: g.hyperlink.substring(1) } : { address: g.hyperlink };
        if (g.font) cell.font = g.font;
        sheet.cells[cellKey(r, c)] = cell;
      }
    }
    if (s.fills) for (const a in s.fills) if (s.fills.hasOwnProperty(a)) touch(sheet, parseAddress(a).r0, parseAddress(a).c0).fill = s.fills[a].toUpperCase();
    if (s.numberFormats) for (const a in s.numberFormats) if (s.numberFormats.hasOwnProperty(a)) touch(sheet, parseAddress(a).r0, parseAddress(a).c0).numberFormat = s.numberFormats[a];
    if (s.validations) {
      sheet.validations = {};
      for (const a in s.validations) if (s.validations.hasOwnProperty(a)) sheet.validations[cellKey(parseAddress(a).r0, parseAddress(a).c0)] = JSON.parse(JSON.stringify(s.validations[a]));
    }
    if (s.conditionalFormats) {
      for (let k = 0; k < s.conditionalFormats.length; k++) {
        const cf = s.conditionalFormats[k];
        sheet.cfs.push({ id: 'cf' + ++cfCounter, rect: parseAddress(cf.address), formula: cf.formula, fill: cf.fill.toUpperCase() });
      }
    }
    sheets.push(sheet);
  }

  // The active sheet: the first unless the init says otherwise, as when a workbook opens.
  let activeName: string | null = init.activeSheet || (sheets.length ? sheets[0].name : null);

  function touch(sheet: FakeSheet, r: number, c: number): FakeCell {
    const k = cellKey(r, c);
    return sheet.cells[k] || (sheet.cells[k] = { value: null });
  }

  function findSheet(name: string): FakeSheet | null {
    for (let i = 0; i < sheets.length; i++) if (sheets[i].name === name) return sheets[i];
    return null;
  }

  function sheetOrThrow(name: string): FakeSheet {
    if (name === NULL_SHEET) throw NULL_OBJECT_CALL;
    const s = findSheet(name);
    if (!s) throw officeError('ItemNotFound', 'The requested resource does not exist: ' + name, 'WorksheetCollection.getItem');
    return s;
  }

  function usedRect(sheet: FakeSheet, valuesOnly: boolean): Rect {
    let rect: Rect | null = null;
    for (const k in sheet.cells) {
      if (!sheet.cells.hasOwnProperty(k)) continue;
      const cell = sheet.cells[k];
      const hasValue = cell.formula || (cell.value !== null && cell.value !== '');
      const hasFormat = cell.fill || (cell.numberFormat && cell.numberFormat !== 'General') || cell.bold || cell.hyperlink;
      if (!hasValue && (valuesOnly || !hasFormat)) continue;
      const parts = k.split(',');
      const r = Number(parts[0]);
      const c = Number(parts[1]);
      if (!rect) rect = { r0: r, c0: c, r1: r, c1: c };
      else {
        if (r < rect.r0) rect.r0 = r;
        if (r > rect.r1) rect.r1 = r;
        if (c < rect.c0) rect.c0 = c;
        if (c > rect.c1) rect.c1 = c;
      }
    }
    return rect || { r0: 0, c0: 0, r1: 0, c1: 0 };
  }

  function assertWritable(sheet: FakeSheet, what: string): void {
    if (sheet.protected) throw officeError('AccessDenied', 'The cell or chart you are trying to change is on a protected sheet.', what);
  }

  function checkShape(rect: Rect, data: Any, what: string): void {
    const rows = rect.r1 - rect.r0 + 1;
    const cols = rect.c1 - rect.c0 + 1;
    if (!(data instanceof Array) || data.length !== rows) throw officeError('InvalidArgument', 'The number of rows in ' + what + ' does not match the size of the range.', 'Range.' + what);
    for (let r = 0; r < data.length; r++) {
      if (!(data[r] instanceof Array) || data[r].length !== cols) throw officeError('InvalidArgument', 'The number of columns in ' + what + ' does not match the size of the range.', 'Range.' + what);
    }
  }

  function setFromInput(cell: FakeCell, input: Scalar): void {
    if (typeof input === 'string' && input.charAt(0) === '=' && input.length > 1) {
      cell.formula = input;
      cell.value = null;
    } else if (typeof input === 'string' && input.charAt(0) === "'") {
      delete cell.formula;
      cell.value = input.substring(1);
    } else {
      delete cell.formula;
      cell.value = input === '' ? null : input;
    }
  }

  /* ---------------------------------------------------------------- request context */

  interface Op {
    payload: Any;
    run: () => void;
    /** Sheets whose cells this op changed (for change events). */
    changes?: () => Array<{ sheet: FakeSheet; address: string }>;
  }

  let currentRunOptions: Any = null;
  const definedNames: FakeName[] = [];
  const handle: FakeOfficeHandle = {
    level: level,
    sheets: sheets,
    names: definedNames,
    validation: function (sheet: string, address: string): FakeValidation | null {
      const s = findSheet(sheet);
      if (!s || !s.validations) return null;
      const rect = parseAddress(address);
      return s.validations[cellKey(rect.r0, rect.c0)] || null;
    },
    syncLog: [],
    syncCount: function () {
      return handle.syncLog.length;
    },
    maxPayload: function () {
      let m = 0;
      for (let i = 0; i < handle.syncLog.length; i++) if (handle.syncLog[i].bytes > m) m = handle.syncLog[i].bytes;
      return m;
    },
    resetCounters: function () {
      handle.syncLog = [];
      handle.undoSteps = 0;
    },
    undoSteps: 0,
    beforeSync: null,
    cellEditing: false,
    sheet: findSheet,
    cell: function (sheet: string, address: string): FakeCell | null {
      const s = findSheet(sheet);
      if (!s) return null;
      const rect = parseAddress(address);
      return s.cells[cellKey(rect.r0, rect.c0)] || null;
    },
    displayed: function (sheet: string, address: string): Scalar {
      const s = findSheet(sheet);
      if (!s) return null;
      const rect = parseAddress(address);
      return cellValue(s, rect.r0, rect.c0, 0);
    },
    displayedFill: function (sheet: string, address: string): string | null {
      const s = findSheet(sheet);
      if (!s) return null;
      const rect = parseAddress(address);
      for (let i = s.cfs.length - 1; i >= 0; i--) if (inside(rect.r0, rect.c0, s.cfs[i].rect)) return s.cfs[i].fill;
      const cell = s.cells[cellKey(rect.r0, rect.c0)];
      return cell && cell.fill ? cell.fill : null;
    },
    edit: function (sheet: string, address: string, value: Scalar, formula?: string): void {
      const s = sheetOrThrow(sheet);
      const rect = parseAddress(address);
      const cell = touch(s, rect.r0, rect.c0);
      if (formula) {
        cell.formula = '=' + formula.replace(/^=/, '');
        cell.value = null;
      } else setFromInput(cell, value);
      fire([{ sheet: s, address: address }], false);
    },
    setProtected: function (sheet: string, on: boolean): void {
      sheetOrThrow(sheet).protected = on;
    },
    actions: {},
    selection: null,
    activeSheet: function (): string | null {
      return activeName;
    },
    readyCallbacks: 0,
    settings: init.settings ? JSON.parse(JSON.stringify(init.settings)) : {},
    dialogs: [],
    pendingSettings: {},
    settingsRefreshes: 0,
    refuse: function (method: string, times?: number): void {
      refusals.push({ method: method, left: times === undefined ? 1 : times });
    },
  };
  const refusals: Array<{ method: string; left: number }> = [];

  /** Throws when the host was told to refuse this call (FakeOfficeHandle.refuse). */
  function refuseIfAsked(method: string): void {
    for (let i = 0; i < refusals.length; i++) {
      const r = refusals[i];
      if (r.left > 0 && method.indexOf(r.method) === 0) {
        r.left--;
        throw officeError('GeneralException', 'This host refuses ' + method + '.', method);
      }
    }
  }

  function fire(changes: Array<{ sheet: FakeSheet; address: string }>, byAddin: boolean): void {
    if (!at('1.7')) return;
    for (let i = 0; i < changes.length; i++) {
      const s = changes[i].sheet;
      for (let h = 0; h < s.handlers.length; h++) {
        const args: Any = { type: 'WorksheetChanged', worksheetId: '{' + s.name + '}', address: changes[i].address, changeType: 'RangeEdited', source: 'Local' };
        if (at('1.14')) args.triggerSource = byAddin ? 'ThisLocalAddin' : 'Unknown';
        s.handlers[h](args);
      }
    }
  }

  function RequestContext(this: Any): void {
    const ctx = this;
    const queue: Op[] = [];
    ctx._queue = queue;
    ctx.workbook = makeWorkbook(ctx);
    ctx.sync = function (): Promise<void> {
      return new Promise<void>(function (resolve, reject) {
        const ops = queue.splice(0, queue.length);
        let bytes = 0;
        for (let i = 0; i < ops.length; i++) bytes += JSON.stringify(ops[i].payload).length;
        handle.syncLog.push({ bytes: bytes, operations: ops.length });
        totalSyncs++;
        if (handle.beforeSync) handle.beforeSync(handle.syncLog.length);
        if (bytes > payloadLimit) return reject(officeError('RequestPayloadSizeLimitExceeded', 'The request payload size has exceeded the limit.'));
        if (handle.cellEditing) {
          if (ctx._runOptions && ctx._runOptions.delayForCellEdit && at('1.11')) handle.cellEditing = false;
          else return reject(officeError('InvalidOperationInCellEditMode', 'Excel is in cell-editing mode.'));
        }
        if (!(ctx._runOptions && ctx._runOptions.mergeUndoGroup && at('1.20') && ctx._undoCounted)) {
          handle.undoSteps++;
          ctx._undoCounted = true;
        }
        const changed: Array<{ sheet: FakeSheet; address: string }> = [];
        try {
          for (let i = 0; i < ops.length; i++) {
            try {
              refuseIfAsked(String(ops[i].payload && ops[i].payload.m));
              ops[i].run();
            } catch (e) {
              if (e !== NULL_OBJECT_CALL) throw e;
              // A call on a null object: its results stay unloaded (null), or the batch fails.
              if (nullObjectCalls === 'reject') throw officeError('GeneralException', 'This fake rejects a call on a null object.', String(ops[i].payload && ops[i].payload.m));
              continue;
            }
            if (ops[i].changes) {
              const c = ops[i].changes!();
              for (let k = 0; k < c.length; k++) changed.push(c[k]);
            }
          }
        } catch (e) {
          fire(changed, true);
          return reject(e);
        }
        fire(changed, true);
        resolve();
      });
    };
  }

  function enqueue(ctx: Any, op: Op): void {
    ctx._queue.push(op);
  }

  /** Excel resolves sheet navigation when the batch runs, this fake when the call is queued: refuse what could differ. */
  function refuseAfterSheetChanges(ctx: Any, method: string): void {
    for (let i = 0; i < ctx._queue.length; i++) {
      const m = ctx._queue[i].payload && ctx._queue[i].payload.m;
      if (m === 'Worksheet.activate' || m === 'Worksheet.delete' || m === 'Range.select' || m === 'Worksheets.add')
        throw officeError('InvalidOperation', 'This fake cannot resolve ' + method + ' after ' + m + ' in the same batch.', method);
    }
  }

  /** A loadable proxy: properties throw until loaded and synced. */
  function defineLoadable(obj: Any, props: string[], setters?: { [prop: string]: (value: Any) => void }): void {
    obj._loaded = {};
    obj._data = {};
    for (let i = 0; i < props.length; i++) {
      const p = props[i];
      Object.defineProperty(obj, p, {
        enumerable: true,
        configurable: true,
        get: function () {
          if (!obj._loaded[p])
            throw officeError(
              'PropertyNotLoaded',
              "The property '" +
                p +
                '\' is not available. Before reading the property\'s value, call the load method on the containing object and call "context.sync()" on the associated request context.',
            );
          return obj._data[p];
        },
        set:
          setters && setters[p]
            ? setters[p]
            : function () {
                throw officeError('InvalidOperation', 'The property ' + p + ' is read-only.');
              },
      });
    }
  }

  function parseLoad(spec: Any): string[] {
    if (!spec) return [];
    if (typeof spec === 'string')
      return spec.split(',').map(function (s) {
        return s.replace(/^\s+|\s+$/g, '');
      });
    if (spec instanceof Array) return spec;
    const out: string[] = [];
    for (const k in spec) if (spec.hasOwnProperty(k)) out.push(k);
    return out;
  }

  /* ---------------------------------------------------------------- workbook and sheets */

  function makeWorkbook(ctx: Any): Any {
    const wb: Any = {};
    wb.worksheets = makeWorksheets(ctx);
    wb.names = makeNames(ctx);
    return wb;
  }

  /* ---------------------------------------------------------------- defined names */

  function findName(name: string): FakeName | null {
    for (let i = 0; i < definedNames.length; i++) if (definedNames[i].name.toLowerCase() === name.toLowerCase()) return definedNames[i];
    return null;
  }

  /**
   * workbook.names: items with name/type/value/visible (ExcelApi 1.1), formula (1.7); add, getItemOrNullObject
   * and NamedItem.delete/getRange (1.4). A name is a reference "=Sheet!$A$1:$C$1"; a name's rules as Excel's:
   * letters, digits, "_" and ".", not a cell reference, unique (case-insensitive), else InvalidArgument/ItemAlreadyExists.
   */
  function makeNames(ctx: Any): Any {
    const col: Any = {};
    defineLoadable(col, ['items']);
    col.load = function (spec: Any): Any {
      const paths = parseLoad(spec);
      enqueue(ctx, {
        payload: { m: 'NamedItemCollection.load', a: paths },
        run: function () {
          const items: Any[] = [];
          for (let i = 0; i < definedNames.length; i++) {
            const item = makeNamedItem(ctx, definedNames[i].name, false);
            for (let k = 0; k < paths.length; k++) loadNamed(item, paths[k].replace(/^items\//, ''), definedNames[i]);
            items.push(item);
          }
          col._data.items = items;
          col._loaded.items = true;
        },
      });
      return col;
    };
    col.getItem = function (name: string): Any {
      return makeNamedItem(ctx, name, false);
    };
    if (at('1.4')) {
      col.getItemOrNullObject = function (name: string): Any {
        return makeNamedItem(ctx, name, true);
      };
      col.add = function (name: string, reference: Any, comment?: string): Any {
        const formula = typeof reference === 'string' ? (reference.charAt(0) === '=' ? reference : '=' + reference) : null;
        enqueue(ctx, {
          payload: { m: 'NamedItemCollection.add', a: [name, formula === null ? '(range)' : formula, comment || ''] },
          run: function () {
            if (!/^[A-Za-z_\\][A-Za-z0-9_.]*$/.test(name) || /^[A-Za-z]{1,3}[0-9]+$/.test(name)) throw officeError('InvalidArgument', 'Not a valid name: ' + name, 'NamedItemCollection.add');
            if (findName(name)) throw officeError('ItemAlreadyExists', 'The name ' + name + ' already exists.', 'NamedItemCollection.add');
            let f = formula;
            if (f === null) f = '=' + String(reference._fakeAddress());
            definedNames.push({ name: name, formula: f });
          },
        });
        return makeNamedItem(ctx, name, false);
      };
    }
    return col;
  }

  function loadNamed(item: Any, p: string, n: FakeName | null): void {
    if (p === 'name') item._data.name = n ? n.name : undefined;
    else if (p === 'type') item._data.type = n ? 'Range' : undefined;
    else if (p === 'visible') item._data.visible = n ? true : undefined;
    else if (p === 'value') item._data.value = n ? n.formula.replace(/^=/, '') : undefined;
    else if (p === 'formula' && at('1.7')) item._data.formula = n ? n.formula : undefined;
    else throw officeError('InvalidArgument', 'Cannot load ' + p + ' on NamedItem in this fake.');
    item._loaded[p] = true;
  }

  function makeNamedItem(ctx: Any, name: string, nullable: boolean): Any {
    const item: Any = {};
    defineLoadable(item, ['name', 'type', 'value', 'visible', 'formula', 'isNullObject']);
    const resolveName = function (method: string): FakeName | null {
      const n = findName(name);
      if (!n && !nullable) throw officeError('ItemNotFound', 'The requested resource does not exist: ' + name, method);
      return n;
    };
    item.load = function (spec: Any): Any {
      const paths = parseLoad(spec);
      enqueue(ctx, {
        payload: { m: 'NamedItem.load', n: name, a: paths },
        run: function () {
          const n = resolveName('NamedItem.load');
          item._data.isNullObject = !n;
          item._loaded.isNullObject = true;
          for (let i = 0; i < paths.length; i++) loadNamed(item, paths[i], n);
        },
      });
      return item;
    };
    if (at('1.4')) {
      item.delete = function (): void {
        enqueue(ctx, {
          payload: { m: 'NamedItem.delete', n: name },
          run: function () {
            const n = resolveName('NamedItem.delete');
            if (!n) throw NULL_OBJECT_CALL;
            definedNames.splice(definedNames.indexOf(n), 1);
          },
        });
      };
      item.getRange = function (): Any {
        let target: { sheet: string; rect: Rect } | null = null;
        const resolveTarget = function (): { sheet: string; rect: Rect } {
          if (target) return target;
          const n = resolveName('NamedItem.getRange');
          if (!n) throw NULL_OBJECT_CALL;
          const m = /^=(?:'((?:[^']|'')+)'|([^!]+))!(.+)$/.exec(n.formula);
          if (!m) throw officeError('InvalidOperation', 'The name ' + name + ' is not a range.', 'NamedItem.getRange');
          target = { sheet: m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2], rect: parseAddress(m[3].replace(/\$/g, '')) };
          sheetOrThrow(target.sheet);
          return target;
        };
        const n = findName(name);
        const m = n ? /^=(?:'((?:[^']|'')+)'|([^!]+))!/.exec(n.formula) : null;
        const sheetName = m ? (m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2]) : '';
        return makeRange(ctx, sheetName, function () {
          return resolveTarget().rect;
        });
      };
    }
    return item;
  }

  function makeWorksheets(ctx: Any): Any {
    const col: Any = {};
    defineLoadable(col, ['items']);
    col.load = function (spec: Any): Any {
      const paths = parseLoad(spec);
      enqueue(ctx, {
        payload: { m: 'Worksheets.load', a: paths },
        run: function () {
          const items: Any[] = [];
          for (let i = 0; i < sheets.length; i++) {
            const ws = makeWorksheet(ctx, sheets[i].name);
            for (let k = 0; k < paths.length; k++) {
              const p = paths[k].replace(/^items\//, '');
              if (p === 'name') {
                ws._loaded.name = true;
                ws._data.name = sheets[i].name;
              } else if (p === 'visibility') {
                ws._loaded.visibility = true;
                ws._data.visibility = sheets[i].visibility;
              }
            }
            items.push(ws);
          }
          col._data.items = items;
          col._loaded.items = true;
        },
      });
      return col;
    };
    col.getItem = function (name: string): Any {
      return makeWorksheet(ctx, name);
    };
    // ExcelApi 1.1. Excel resolves the active sheet when the batch runs; this fake resolves it when the
    // call is queued, so it refuses a batch that has already queued something that changes the active sheet.
    col.getActiveWorksheet = function (): Any {
      refuseAfterSheetChanges(ctx, 'WorksheetCollection.getActiveWorksheet');
      if (activeName === null) throw officeError('ItemNotFound', 'There is no active worksheet.', 'WorksheetCollection.getActiveWorksheet');
      return makeWorksheet(ctx, activeName);
    };
    if (at('1.5')) {
      // ExcelApi 1.5. Resolved when queued, like the active sheet above (nothing before them may move sheets).
      col.getFirst = function (): Any {
        refuseAfterSheetChanges(ctx, 'WorksheetCollection.getFirst');
        if (!sheets.length) throw officeError('ItemNotFound', 'There is no worksheet.', 'WorksheetCollection.getFirst');
        return makeWorksheet(ctx, sheets[0].name);
      };
    }
    if (at('1.4')) {
      col.getItemOrNullObject = function (name: string): Any {
        const ws = makeWorksheet(ctx, name);
        ws._nullable = true;
        return ws;
      };
    }
    col.add = function (name: string): Any {
      enqueue(ctx, {
        payload: { m: 'Worksheets.add', a: [name] },
        run: function () {
          if (findSheet(name)) throw officeError('ItemAlreadyExists', 'A sheet named ' + name + ' already exists.', 'WorksheetCollection.add');
          sheets.push({ name: name, cells: {}, protected: false, visibility: 'Visible', cfs: [], handlers: [] });
        },
      });
      return makeWorksheet(ctx, name);
    };
    return col;
  }

  function makeWorksheet(ctx: Any, name: string): Any {
    const ws: Any = {};
    defineLoadable(ws, ['name', 'visibility', 'isNullObject'], {
      visibility: function (v: Any) {
        enqueue(ctx, {
          payload: { m: 'Worksheet.visibility', s: name, v: v },
          run: function () {
            if (!at('1.2')) throw officeError('ApiNotFound', 'Setting visibility needs ExcelApi 1.2.', 'Worksheet.visibility');
            sheetOrThrow(name).visibility = v;
          },
        });
      },
    });
    ws.load = function (spec: Any): Any {
      const paths = parseLoad(spec);
      enqueue(ctx, {
        payload: { m: 'Worksheet.load', s: name, a: paths },
        run: function () {
          const s = findSheet(name);
          if (!s && !ws._nullable) throw officeError('ItemNotFound', 'The requested resource does not exist: ' + name, 'Worksheet.load');
          ws._loaded.isNullObject = true;
          ws._data.isNullObject = !s;
          for (let i = 0; i < paths.length; i++) {
            if (paths[i] === 'name') {
              ws._loaded.name = true;
              ws._data.name = s ? s.name : undefined;
            } else if (paths[i] === 'visibility') {
              ws._loaded.visibility = true;
              ws._data.visibility = s ? s.visibility : undefined;
            }
          }
        },
      });
      return ws;
    };
    const resolveSheet = function (): FakeSheet {
      return sheetOrThrow(name);
    };
    ws.getRange = function (address?: string): Any {
      return makeRange(ctx, name, function () {
        resolveSheet();
        return address ? parseAddress(address) : { r0: 0, c0: 0, r1: MAX_ROWS - 1, c1: MAX_COLS - 1 };
      });
    };
    if (at('1.5')) {
      const nextName = function (method: string): string | null {
        refuseAfterSheetChanges(ctx, method);
        if (name === NULL_SHEET) return null;
        for (let i = 0; i < sheets.length - 1; i++) if (sheets[i].name === name) return sheets[i + 1].name;
        return null;
      };
      ws.getNext = function (): Any {
        const next = nextName('Worksheet.getNext');
        if (next === null) throw officeError('ItemNotFound', 'There is no worksheet after ' + name + '.', 'Worksheet.getNext');
        return makeWorksheet(ctx, next);
      };
      ws.getNextOrNullObject = function (): Any {
        const next = nextName('Worksheet.getNextOrNullObject');
        if (next !== null) return makeWorksheet(ctx, next);
        const nothing = makeWorksheet(ctx, NULL_SHEET);
        nothing._nullable = true;
        return nothing;
      };
    }
    ws.getUsedRange = function (valuesOnly?: boolean): Any {
      const only = at('1.2') && !!valuesOnly;
      return makeRange(ctx, name, function () {
        return usedRect(resolveSheet(), only);
      });
    };
    if (at('1.4')) {
      ws.getUsedRangeOrNullObject = ws.getUsedRange;
    }
    ws.delete = function (): void {
      enqueue(ctx, {
        payload: { m: 'Worksheet.delete', s: name },
        run: function () {
          const s = resolveSheet();
          for (let i = 0; i < sheets.length; i++) {
            if (sheets[i] !== s) continue;
            sheets.splice(i, 1);
            // Deleting the active sheet activates its neighbour (the next, else the previous), as Excel does.
            if (activeName === name) activeName = sheets.length ? sheets[Math.min(i, sheets.length - 1)].name : null;
            break;
          }
        },
      });
    };
    ws.activate = function (): void {
      enqueue(ctx, {
        payload: { m: 'Worksheet.activate', s: name },
        run: function () {
          activeName = resolveSheet().name;
        },
      });
    };
    if (at('1.2')) {
      const protection: Any = {};
      defineLoadable(protection, ['protected']);
      protection.load = function (spec: Any): Any {
        enqueue(ctx, {
          payload: { m: 'WorksheetProtection.load', s: name, a: parseLoad(spec) },
          run: function () {
            protection._loaded.protected = true;
            protection._data.protected = resolveSheet().protected;
          },
        });
        return protection;
      };
      ws.protection = protection;
    }
    ws.charts = makeChartCollection(ctx, name);
    if (at('1.18')) ws.notes = makeNoteCollection(ctx, name);
    if (at('1.9')) ws.pageLayout = makePageLayout(ctx, name);
    if (at('1.7')) {
      ws.onChanged = {
        add: function (handler: (e: Any) => Any): Any {
          const result: Any = { context: ctx };
          enqueue(ctx, {
            payload: { m: 'Worksheet.onChanged.add', s: name },
            run: function () {
              resolveSheet().handlers.push(handler);
            },
          });
          result.remove = function () {
            enqueue(ctx, {
              payload: { m: 'Worksheet.onChanged.remove', s: name },
              run: function () {
                const s = findSheet(name);
                if (!s) return;
                for (let i = 0; i < s.handlers.length; i++) if (s.handlers[i] === handler) s.handlers.splice(i, 1);
              },
            });
          };
          return result;
        },
      };
    }
    return ws;
  }

  /* ---------------------------------------------------------------- ranges */

  function makeRange(ctx: Any, sheetName: string, resolve: () => Rect): Any {
    const range: Any = {};
    // What a chart's source data is, when the batch runs (charts.add takes a Range).
    range._sheetName = sheetName;
    range._resolve = resolve;
    const sheet = function (): FakeSheet {
      return sheetOrThrow(sheetName);
    };
    const grid = function (fn: (cell: FakeCell | undefined, r: number, c: number) => Any): Any[][] {
      const rect = resolve();
      if (size(rect) > 5000000) throw officeError('ResponsePayloadSizeLimitExceeded', 'Range too large to load.');
      const s = sheet();
      const out: Any[][] = [];
      for (let r = rect.r0; r <= rect.r1; r++) {
        const row: Any[] = [];
        for (let c = rect.c0; c <= rect.c1; c++) row.push(fn(s.cells[cellKey(r, c)], r, c));
        out.push(row);
      }
      return out;
    };
    const writeGrid = function (what: string, data: Any, apply: (cell: FakeCell, v: Any) => void): void {
      enqueue(ctx, {
        payload: { m: 'Range.' + what, s: sheetName, v: data },
        run: function () {
          const rect = resolve();
          const s = sheet();
          assertWritable(s, 'Range.' + what);
          checkShape(rect, data, what);
          for (let r = rect.r0; r <= rect.r1; r++) for (let c = rect.c0; c <= rect.c1; c++) apply(touch(s, r, c), data[r - rect.r0][c - rect.c0]);
        },
        changes: function () {
          return [{ sheet: sheet(), address: rectAddress(resolve()) }];
        },
      });
    };
    defineLoadable(range, ['address', 'rowIndex', 'columnIndex', 'rowCount', 'columnCount', 'values', 'formulas', 'numberFormat', 'text', 'rowHidden', 'columnHidden'], {
      values: function (v: Any) {
        writeGrid('values', v, setFromInput);
      },
      formulas: function (v: Any) {
        writeGrid('formulas', v, setFromInput);
      },
      numberFormat: function (v: Any) {
        writeGrid('numberFormat', v, function (cell, x) {
          cell.numberFormat = String(x);
        });
      },
    });
    const readers: { [p: string]: () => Any } = {
      address: function () {
        return quoteName(sheetName) + '!' + rectAddress(resolve());
      },
      rowIndex: function () {
        return resolve().r0;
      },
      columnIndex: function () {
        return resolve().c0;
      },
      rowCount: function () {
        const r = resolve();
        return r.r1 - r.r0 + 1;
      },
      columnCount: function () {
        const r = resolve();
        return r.c1 - r.c0 + 1;
      },
      values: function () {
        const s = sheet();
        return grid(function (cell, r, c) {
          if (!cell) return '';
          const v = cell.formula ? cellValue(s, r, c, 0) : cell.value;
          return v === null ? '' : v;
        });
      },
      text: function () {
        return grid(function (cell) {
          return cell && cell.value !== null ? String(cell.value) : '';
        });
      },
      formulas: function () {
        return grid(function (cell) {
          if (!cell) return '';
          if (cell.formula) return cell.formula;
          return cell.value === null ? '' : cell.value;
        });
      },
      numberFormat: function () {
        return grid(function (cell) {
          return cell && cell.numberFormat ? cell.numberFormat : 'General';
        });
      },
    };
    if (at('1.2')) {
      readers.rowHidden = function () {
        const r = resolve();
        return allOrNone(sheet().hiddenRows, r.r0, r.r1);
      };
      readers.columnHidden = function () {
        const r = resolve();
        return allOrNone(sheet().hiddenColumns, r.c0, r.c1);
      };
    }
    range.load = function (spec: Any): Any {
      const paths = parseLoad(spec);
      for (let i = 0; i < paths.length; i++) {
        if (paths[i].indexOf('/') >= 0 || !readers[paths[i]])
          throw officeError('InvalidArgument', 'Cannot load ' + paths[i] + ' on Range in this fake; load leaf properties of child objects instead.');
      }
      enqueue(ctx, {
        payload: { m: 'Range.load', s: sheetName, a: paths },
        run: function () {
          for (let i = 0; i < paths.length; i++) {
            range._data[paths[i]] = readers[paths[i]]();
            range._loaded[paths[i]] = true;
          }
        },
      });
      return range;
    };
    range.select = function (): void {
      enqueue(ctx, {
        payload: { m: 'Range.select', s: sheetName },
        run: function () {
          handle.selection = { sheet: sheetName, address: rectAddress(resolve()) };
          activeName = sheetName; // the selection's sheet is the active one
        },
      });
    };
    range.clear = function (): void {
      enqueue(ctx, {
        payload: { m: 'Range.clear', s: sheetName },
        run: function () {
          const rect = resolve();
          const s = sheet();
          assertWritable(s, 'Range.clear');
          for (const k in s.cells) {
            if (!s.cells.hasOwnProperty(k)) continue;
            const parts = k.split(',');
            if (inside(Number(parts[0]), Number(parts[1]), rect)) delete s.cells[k];
          }
          s.cfs = s.cfs.filter(function (cf) {
            return !intersects(cf.rect, rect);
          });
        },
      });
    };
    // format: fill (1.1), font (1.1), columnWidth (1.2)
    const fill: Any = {};
    defineLoadable(fill, ['color'], {
      color: function (v: Any) {
        enqueue(ctx, {
          payload: { m: 'RangeFill.color', s: sheetName, v: v },
          run: function () {
            const rect = resolve();
            const s = sheet();
            assertWritable(s, 'RangeFill.color');
            for (let r = rect.r0; r <= rect.r1; r++) for (let c = rect.c0; c <= rect.c1; c++) touch(s, r, c).fill = String(v).toUpperCase();
          },
        });
      },
    });
    fill.load = function (spec: Any): Any {
      enqueue(ctx, {
        payload: { m: 'RangeFill.load', s: sheetName, a: parseLoad(spec) },
        run: function () {
          const rect = resolve();
          const s = sheet();
          let color: Any = undefined;
          for (let r = rect.r0; r <= rect.r1; r++)
            for (let c = rect.c0; c <= rect.c1; c++) {
              const cell = s.cells[cellKey(r, c)];
              const x = cell && cell.fill ? cell.fill : '#FFFFFF';
              if (color === undefined) color = x;
              else if (color !== x) color = null;
            }
          fill._data.color = color;
          fill._loaded.color = true;
        },
      });
      return fill;
    };
    fill.clear = function (): void {
      enqueue(ctx, {
        payload: { m: 'RangeFill.clear', s: sheetName },
        run: function () {
          const rect = resolve();
          const s = sheet();
          assertWritable(s, 'RangeFill.clear');
          for (let r = rect.r0; r <= rect.r1; r++)
            for (let c = rect.c0; c <= rect.c1; c++) {
              const cell = s.cells[cellKey(r, c)];
              if (cell) delete cell.fill;
            }
        },
      });
    };
    const font: Any = {};
    defineLoadable(font, ['bold', 'name'], {
      bold: function (v: Any) {
        enqueue(ctx, {
          payload: { m: 'RangeFont.bold', s: sheetName, v: v },
          run: function () {
            const rect = resolve();
            const s = sheet();
            assertWritable(s, 'RangeFont.bold');
            for (let r = rect.r0; r <= rect.r1; r++) for (let c = rect.c0; c <= rect.c1; c++) touch(s, r, c).bold = !!v;
          },
        });
      },
    });
    const format: Any = { fill: fill, font: font };
    if (at('1.2')) {
      Object.defineProperty(format, 'columnWidth', {
        enumerable: true,
        set: function (v: Any) {
          enqueue(ctx, {
            payload: { m: 'RangeFormat.columnWidth', s: sheetName, v: v },
            run: function () {
              assertWritable(sheet(), 'RangeFormat.columnWidth');
            },
          });
        },
        get: function () {
          throw officeError('PropertyNotLoaded', 'columnWidth is not loaded');
        },
      });
    }
    range.format = format;

    if (at('1.7')) {
      Object.defineProperty(range, 'hyperlink', {
        enumerable: true,
        set: function (v: Any) {
          enqueue(ctx, {
            payload: { m: 'Range.hyperlink', s: sheetName, v: v },
            run: function () {
              const rect = resolve();
              const s = sheet();
              assertWritable(s, 'Range.hyperlink');
              const cell = touch(s, rect.r0, rect.c0);
              cell.hyperlink = { address: v.address, documentReference: v.documentReference, textToDisplay: v.textToDisplay };
              if (v.textToDisplay !== undefined && !cell.formula) cell.value = v.textToDisplay;
            },
          });
        },
        get: function () {
          throw officeError('PropertyNotLoaded', 'hyperlink is not loaded');
        },
      });
    }

    if (at('1.9')) {
      range.getCellProperties = function (opts: Any): Any {
        const result: Any = {};
        defineLoadable(result, ['value']);
        enqueue(ctx, {
          payload: { m: 'Range.getCellProperties', s: sheetName, a: opts },
          run: function () {
            result._data.value = grid(function (cell) {
              const p: Any = {};
              if (opts.hyperlink) p.hyperlink = cell && cell.hyperlink ? cell.hyperlink : null;
              if (opts.format) {
                p.format = {};
                if (opts.format.font) p.format.font = { name: cell && cell.font ? cell.font : 'Calibri' };
                if (opts.format.fill) p.format.fill = { color: cell && cell.fill ? cell.fill : '#FFFFFF' };
              }
              return p;
            });
            result._loaded.value = true;
          },
        });
        return result;
      };
    }

    if (at('1.6')) {
      range.conditionalFormats = makeCfCollection(ctx, sheetName, resolve);
    }
    if (at('1.8')) {
      range.dataValidation = makeDataValidation(ctx, sheetName, resolve);
    }
    // ExcelApi 1.1: one cell by its offset from the range's top-left; it may lie outside the range, inside the sheet.
    range.getCell = function (row: number, column: number): Any {
      return makeRange(ctx, sheetName, function () {
        const r = resolve();
        const at = { r0: r.r0 + row, c0: r.c0 + column, r1: r.r0 + row, c1: r.c0 + column };
        if (row < 0 || column < 0 || at.r0 >= MAX_ROWS || at.c0 >= MAX_COLS) throw officeError('InvalidArgument', 'The cell is outside the worksheet.', 'Range.getCell');
        return at;
      });
    };
    range._fakeAddress = function (): string {
      const r = resolve();
      const abs = '$' + colLetters(r.c0) + '$' + (r.r0 + 1) + (r.r0 === r.r1 && r.c0 === r.c1 ? '' : ':$' + colLetters(r.c1) + '$' + (r.r1 + 1));
      return quoteName(sheetName) + '!' + abs;
    };
    if (at('1.9')) {
      range.getSpecialCellsOrNullObject = function (cellType: string): Any {
        return makeVisibleAreas(ctx, sheetName, resolve, cellType);
      };
    }
    return range;
  }

  /** Range.rowHidden / columnHidden: true if every line of [first, last] is hidden, false if none, null if some. */
  function allOrNone(hidden: number[] | undefined, first: number, last: number): boolean | null {
    let count = 0;
    if (hidden) for (let i = 0; i < hidden.length; i++) if (hidden[i] >= first && hidden[i] <= last) count++;
    return count === 0 ? false : count === last - first + 1 ? true : null;
  }

  /** Runs [start, end] of the lines of [first, last] that are not hidden. */
  function visibleRuns(hidden: number[] | undefined, first: number, last: number): Array<[number, number]> {
    const off: { [line: number]: boolean } = {};
    if (hidden) for (let i = 0; i < hidden.length; i++) off[hidden[i]] = true;
    const runs: Array<[number, number]> = [];
    for (let i = first; i <= last; i++) {
      if (off[i]) continue;
      if (runs.length && runs[runs.length - 1][1] === i - 1) runs[runs.length - 1][1] = i;
      else runs.push([i, i]);
    }
    return runs;
  }

  /** The RangeAreas of getSpecialCellsOrNullObject('Visible'): one area per visible row run and column run. */
  function makeVisibleAreas(ctx: Any, sheetName: string, resolve: () => Rect, cellType: string): Any {
    if (cellType !== 'Visible') throw officeError('InvalidArgument', 'This fake supports the Visible special cells only.');
    const result: Any = {};
    defineLoadable(result, ['isNullObject', 'address', 'areaCount']);
    const areas: Any = {};
    defineLoadable(areas, ['items']);
    result.areas = areas;
    result.load = function (spec: Any): Any {
      const paths = parseLoad(spec);
      const itemProps: string[] = [];
      for (let i = 0; i < paths.length; i++) {
        const p = paths[i];
        const m = /^areas\/items\/(rowIndex|columnIndex|rowCount|columnCount|address)$/.exec(p);
        if (m) itemProps.push(m[1]);
        else if (p !== 'isNullObject' && p !== 'address' && p !== 'areaCount') throw officeError('InvalidArgument', 'Cannot load ' + p + ' on RangeAreas in this fake.');
      }
      enqueue(ctx, {
        payload: { m: 'Range.getSpecialCellsOrNullObject', s: sheetName, t: cellType, a: paths },
        run: function () {
          const rect = resolve();
          const s = sheetOrThrow(sheetName);
          const rowRuns = visibleRuns(s.hiddenRows, rect.r0, rect.r1);
          const columnRuns = visibleRuns(s.hiddenColumns, rect.c0, rect.c1);
          const rects: Rect[] = [];
          for (let r = 0; r < rowRuns.length; r++) for (let c = 0; c < columnRuns.length; c++) rects.push({ r0: rowRuns[r][0], r1: rowRuns[r][1], c0: columnRuns[c][0], c1: columnRuns[c][1] });
          result._loaded.isNullObject = true;
          result._data.isNullObject = rects.length === 0;
          // A null object has nothing else to read.
          if (!rects.length) return;
          const items: Any[] = [];
          for (let i = 0; i < rects.length; i++) {
            const item: Any = {};
            const x = rects[i];
            defineLoadable(item, ['rowIndex', 'columnIndex', 'rowCount', 'columnCount', 'address']);
            item._data = { rowIndex: x.r0, columnIndex: x.c0, rowCount: x.r1 - x.r0 + 1, columnCount: x.c1 - x.c0 + 1, address: quoteName(sheetName) + '!' + rectAddress(x) };
            for (let k = 0; k < itemProps.length; k++) item._loaded[itemProps[k]] = true;
            items.push(item);
          }
          if (itemProps.length) {
            areas._data.items = items;
            areas._loaded.items = true;
          }
          result._data.areaCount = items.length;
          result._data.address = items
            .map(function (it: Any) {
              return it._data.address;
            })
            .join(',');
          for (let i = 0; i < paths.length; i++) if (paths[i] === 'address' || paths[i] === 'areaCount') result._loaded[paths[i]] = true;
        },
      });
      return result;
    };
    return result;
  }

  function makeCf(ctx: Any, sheetName: string, id: () => string): Any {
    const cf: Any = {};
    defineLoadable(cf, ['id', 'type']);
    const rule: Any = {};
    const customFill: Any = {};
    let pendingFormula = '';
    let pendingFill = '';
    defineLoadable(rule, ['formula'], {
      formula: function (v: Any) {
        pendingFormula = String(v);
        enqueue(ctx, {
          payload: { m: 'ConditionalRangeFormatRule.formula', v: v },
          run: function () {
            const found = findCf(sheetName, id());
            if (found) found.formula = pendingFormula;
          },
        });
      },
    });
    defineLoadable(customFill, ['color'], {
      color: function (v: Any) {
        pendingFill = String(v).toUpperCase();
        enqueue(ctx, {
          payload: { m: 'ConditionalRangeFill.color', v: v },
          run: function () {
            const found = findCf(sheetName, id());
            if (found) found.fill = pendingFill;
          },
        });
      },
    });
    const custom: Any = { rule: rule, format: { fill: customFill } };
    cf.custom = custom;
    cf.load = function (spec: Any): Any {
      enqueue(ctx, {
        payload: { m: 'ConditionalFormat.load', a: parseLoad(spec) },
        run: function () {
          cf._data.id = id();
          cf._loaded.id = true;
          cf._data.type = 'Custom';
          cf._loaded.type = true;
        },
      });
      return cf;
    };
    cf.delete = function (): void {
      enqueue(ctx, {
        payload: { m: 'ConditionalFormat.delete' },
        run: function () {
          const s = sheetOrThrow(sheetName);
          assertWritable(s, 'ConditionalFormat.delete');
          const theId = id();
          let found = false;
          for (let i = 0; i < s.cfs.length; i++)
            if (s.cfs[i].id === theId) {
              s.cfs.splice(i, 1);
              found = true;
              break;
            }
          if (!found) throw officeError('ItemNotFound', 'Conditional format ' + theId + ' not found', 'ConditionalFormat.delete');
        },
      });
    };
    return cf;
  }

  function findCf(sheetName: string, id: string): FakeCf | null {
    const s = findSheet(sheetName);
    if (!s) return null;
    for (let i = 0; i < s.cfs.length; i++) if (s.cfs[i].id === id) return s.cfs[i];
    return null;
  }

  /**
   * worksheet.notes (ExcelApi 1.18): notes by cell address. Office.js's rules kept: getItem of a cell
   * without a note fails with ItemNotFound, getItemOrNullObject answers a null object, add on a cell that
   * already has a note fails (a cell holds one note), a note's content is read only after load and sync.
   * The collection's order is the sheet's (by row, then column); `load('items/content')` lists the notes
   * in it, and getItemAt(i) is resolved when the batch runs, at its place in the batch (past the last
   * note: ItemNotFound), so a batch that deletes notes by position sees the positions its earlier
   * deletions left. A note has no address of its own: getLocation() gives its cell.
   */
  /** Chart types the fake knows (a few of Office's Excel.ChartType); another name fails as Excel's would. */
  const CHART_TYPES = ['BarClustered', 'BarStacked', 'ColumnClustered', 'ColumnStacked', 'Line', 'Pie'];

  /**
   * worksheet.charts (ExcelApi 1.1): add, getItem, load of the names, and on a chart what the gateway
   * sets (name, title, legend, setPosition, the value axis's bounds at 1.1, its number format at 1.8,
   * the category axis's order at 1.7 and crossing at 1.8); a property above the level fails its batch.
   */
  function makeChartCollection(ctx: Any, sheetName: string): Any {
    const col: Any = {};
    defineLoadable(col, ['items', 'count']);
    const chartsOf = function (): FakeChart[] {
      const s = sheetOrThrow(sheetName);
      return s.charts || (s.charts = []);
    };
    const needs = function (level: string, what: string): void {
      if (!at(level)) throw officeError('ApiNotFound', what + ' needs ExcelApi ' + level + '.', what);
    };
    /** A chart proxy; `find` gives its record when the batch runs. */
    const makeChart = function (find: () => FakeChart): Any {
      const chart: Any = {};
      const set = function (what: string, level: string, apply: (c: FakeChart, v: Any) => void) {
        return function (v: Any) {
          enqueue(ctx, {
            payload: { m: what, s: sheetName, v: v },
            run: function () {
              needs(level, what);
              assertWritable(sheetOrThrow(sheetName), what);
              apply(find(), v);
            },
          });
        };
      };
      defineLoadable(chart, ['name'], {
        name: set('Chart.name', '1.1', function (c, v) {
          const list = chartsOf();
          for (let i = 0; i < list.length; i++) if (list[i] !== c && list[i].name === String(v)) throw officeError('InvalidArgument', 'A chart named ' + v + ' exists on the sheet.', 'Chart.name');
          c.name = String(v);
        }),
      });
      chart.title = {};
      defineLoadable(chart.title, ['text'], { text: set('ChartTitle.text', '1.1', (c, v) => (c.title = String(v))) });
      chart.legend = {};
      defineLoadable(chart.legend, ['visible', 'position'], {
        visible: set('ChartLegend.visible', '1.1', (c, v) => (c.legendVisible = !!v)),
        position: set('ChartLegend.position', '1.1', (c, v) => (c.legendPosition = String(v))),
      });
      const valueAxis: Any = {};
      defineLoadable(valueAxis, ['minimum', 'maximum', 'numberFormat'], {
        minimum: set('ChartAxis.minimum', '1.1', (c, v) => (c.valueMinimum = Number(v))),
        maximum: set('ChartAxis.maximum', '1.1', (c, v) => (c.valueMaximum = Number(v))),
        numberFormat: set('ChartAxis.numberFormat', '1.8', (c, v) => (c.valueNumberFormat = String(v))),
      });
      const categoryAxis: Any = {};
      defineLoadable(categoryAxis, ['reversePlotOrder', 'position'], {
        reversePlotOrder: set('ChartAxis.reversePlotOrder', '1.7', (c, v) => (c.categoryReversed = !!v)),
        position: set('ChartAxis.position', '1.8', (c, v) => (c.categoryPosition = String(v))),
      });
      chart.axes = { valueAxis: valueAxis, categoryAxis: categoryAxis };
      chart.setPosition = function (start: Any, end?: Any): void {
        const address = function (x: Any): string {
          return typeof x === 'string' ? x.replace(/\$/g, '').toUpperCase() : rectAddress(x._resolve());
        };
        enqueue(ctx, {
          payload: { m: 'Chart.setPosition', s: sheetName, a: [typeof start === 'string' ? start : 'range', typeof end === 'string' ? end : end ? 'range' : null] },
          run: function () {
            parseAddress(address(start));
            if (end !== undefined) parseAddress(address(end));
            find().position = end === undefined ? { start: address(start) } : { start: address(start), end: address(end) };
          },
        });
      };
      chart.delete = function (): void {
        enqueue(ctx, {
          payload: { m: 'Chart.delete', s: sheetName },
          run: function () {
            const c = find();
            assertWritable(sheetOrThrow(sheetName), 'Chart.delete');
            const list = chartsOf();
            list.splice(list.indexOf(c), 1);
          },
        });
      };
      return chart;
    };
    const byName = function (name: string): () => FakeChart {
      return function () {
        const list = chartsOf();
        for (let i = 0; i < list.length; i++) if (list[i].name === name) return list[i];
        throw officeError('ItemNotFound', 'There is no chart named ' + name + '.', 'ChartCollection.getItem');
      };
    };
    col.add = function (type: string, sourceData: Any, seriesBy?: string): Any {
      let made: FakeChart | null = null;
      enqueue(ctx, {
        payload: { m: 'ChartCollection.add', s: sheetName, a: [type, seriesBy || 'Auto'] },
        run: function () {
          if (CHART_TYPES.indexOf(type) < 0) throw officeError('InvalidArgument', 'Unknown chart type ' + type + '.', 'ChartCollection.add');
          if (!sourceData || typeof sourceData._resolve !== 'function') throw officeError('InvalidArgument', 'The source data is not a range.', 'ChartCollection.add');
          const s = sheetOrThrow(sheetName);
          assertWritable(s, 'ChartCollection.add');
          sheetOrThrow(sourceData._sheetName);
          const list = chartsOf();
          let n = list.length + 1;
          const taken = function (name: string): boolean {
            for (let i = 0; i < list.length; i++) if (list[i].name === name) return true;
            return false;
          };
          while (taken('Chart ' + n)) n++;
          made = { name: 'Chart ' + n, type: type, source: rectAddress(sourceData._resolve()), sourceSheet: sourceData._sheetName, seriesBy: seriesBy || 'Auto' };
          list.push(made);
        },
      });
      return makeChart(function () {
        if (!made) throw officeError('ItemNotFound', 'The chart was not added.', 'ChartCollection.add');
        return made;
      });
    };
    col.getItem = function (name: string): Any {
      return makeChart(byName(name));
    };
    col.load = function (spec: Any): Any {
      const paths = parseLoad(spec);
      enqueue(ctx, {
        payload: { m: 'ChartCollection.load', s: sheetName, a: paths },
        run: function () {
          const list = chartsOf();
          const items: Any[] = [];
          for (let i = 0; i < list.length; i++) {
            const record = list[i];
            const chart = makeChart(function () {
              return record;
            });
            chart._loaded.name = true;
            chart._data.name = record.name;
            items.push(chart);
          }
          col._loaded.items = true;
          col._data.items = items;
          col._loaded.count = true;
          col._data.count = items.length;
        },
      });
      return col;
    };
    return col;
  }

  function makeNoteCollection(ctx: Any, sheetName: string): Any {
    const col: Any = {};
    defineLoadable(col, ['items']);
    const key = function (address: string): string {
      return String(address).replace(/^.*!/, '').replace(/\$/g, '').toUpperCase();
    };
    const notesOf = function (): { [address: string]: string } {
      const s = sheetOrThrow(sheetName);
      return s.notes || (s.notes = {});
    };
    /** The addresses of the sheet's notes in the collection's order: by row, then column. */
    const ordered = function (): string[] {
      const notes = notesOf();
      const list: string[] = [];
      for (const a in notes) if (notes.hasOwnProperty(a)) list.push(a);
      return list.sort(function (x, y) {
        const a = parseAddress(x);
        const b = parseAddress(y);
        return a.r0 - b.r0 || a.c0 - b.c0;
      });
    };
    /** A note proxy; `addressOf` gives its cell when the batch runs (a note got by position is bound then). */
    const makeNote = function (addressOf: () => string, nullable: boolean): Any {
      const note: Any = {};
      defineLoadable(note, ['content', 'isNullObject'], {
        content: function (v: Any) {
          enqueue(ctx, {
            payload: { m: 'Note.content', s: sheetName, a: [v] },
            run: function () {
              const address = addressOf();
              const notes = notesOf();
              if (!(key(address) in notes)) throw officeError('ItemNotFound', 'There is no note at ' + address + '.', 'Note.content');
              assertWritable(sheetOrThrow(sheetName), 'Note.content');
              notes[key(address)] = String(v);
            },
          });
        },
      });
      note.load = function (spec: Any): Any {
        const paths = parseLoad(spec);
        enqueue(ctx, {
          payload: { m: 'Note.load', s: sheetName, a: paths },
          run: function () {
            const address = addressOf();
            const notes = notesOf();
            const has = key(address) in notes;
            if (!has && !nullable) throw officeError('ItemNotFound', 'There is no note at ' + address + '.', 'Note.load');
            note._loaded.isNullObject = true;
            note._data.isNullObject = !has;
            for (let i = 0; i < paths.length; i++) {
              if (paths[i] !== 'content') continue;
              note._loaded.content = true;
              note._data.content = has ? notes[key(address)] : undefined;
            }
          },
        });
        return note;
      };
      note.getLocation = function (): Any {
        return makeRange(ctx, sheetName, function () {
          const address = addressOf();
          if (!(key(address) in notesOf())) {
            if (nullable) throw NULL_OBJECT_CALL;
            throw officeError('ItemNotFound', 'There is no note at ' + address + '.', 'Note.getLocation');
          }
          return parseAddress(key(address));
        });
      };
      note.delete = function (): void {
        enqueue(ctx, {
          payload: { m: 'Note.delete', s: sheetName },
          run: function () {
            const address = addressOf();
            const notes = notesOf();
            if (!(key(address) in notes)) {
              if (nullable) throw NULL_OBJECT_CALL;
              throw officeError('ItemNotFound', 'There is no note at ' + address + '.', 'Note.delete');
            }
            assertWritable(sheetOrThrow(sheetName), 'Note.delete');
            delete notes[key(address)];
          },
        });
      };
      return note;
    };
    const at = function (address: string): () => string {
      return function () {
        return address;
      };
    };
    col.getItem = function (address: string): Any {
      return makeNote(at(address), false);
    };
    col.getItemOrNullObject = function (address: string): Any {
      return makeNote(at(address), true);
    };
    col.getItemAt = function (index: number): Any {
      let bound: string | null = null;
      enqueue(ctx, {
        payload: { m: 'NoteCollection.getItemAt', s: sheetName, a: [index] },
        run: function () {
          const list = ordered();
          if (!(index >= 0 && index < list.length)) throw officeError('ItemNotFound', 'There is no note at position ' + index + '.', 'NoteCollection.getItemAt');
          bound = list[index];
        },
      });
      return makeNote(function () {
        if (bound === null) throw officeError('ItemNotFound', 'The note at position ' + index + ' was not found.', 'NoteCollection.getItemAt');
        return bound;
      }, false);
    };
    col.load = function (spec: Any): Any {
      const paths = parseLoad(spec);
      enqueue(ctx, {
        payload: { m: 'NoteCollection.load', s: sheetName, a: paths },
        run: function () {
          const notes = notesOf();
          const list = ordered();
          const items: Any[] = [];
          for (let i = 0; i < list.length; i++) {
            const note = makeNote(at(list[i]), false);
            note._loaded.isNullObject = true;
            note._data.isNullObject = false;
            for (let k = 0; k < paths.length; k++) {
              if (paths[k].replace(/^items\//, '') !== 'content') continue;
              note._loaded.content = true;
              note._data.content = notes[list[i]];
            }
            items.push(note);
          }
          col._data.items = items;
          col._loaded.items = true;
        },
      });
      return col;
    };
    col.add = function (address: Any, content: Any): Any {
      const where = typeof address === 'string' ? address : String(address && address._address);
      enqueue(ctx, {
        payload: { m: 'NoteCollection.add', s: sheetName, a: [where, content] },
        run: function () {
          const rect = parseAddress(key(where));
          if (rect.r0 !== rect.r1 || rect.c0 !== rect.c1) throw officeError('InvalidCellAddress', 'A note goes on one cell.', 'NoteCollection.add');
          const s = sheetOrThrow(sheetName);
          assertWritable(s, 'NoteCollection.add');
          const notes = notesOf();
          if (key(where) in notes) throw officeError('InvalidArgument', 'The cell ' + where + ' already has a note.', 'NoteCollection.add');
          notes[key(where)] = String(content);
        },
      });
      return makeNote(at(where), false);
    };
    return col;
  }

  /**
   * worksheet.pageLayout (ExcelApi 1.9): the properties the gateway sets, kept on the sheet. The zoom
   * takes what Office documents (PageLayoutZoomOptions): a scale from 10 to 400, or pages to fit to
   * (a positive number); anything else fails with InvalidArgument.
   */
  function makePageLayout(ctx: Any, sheetName: string): Any {
    const layout: Any = {};
    const validZoom = function (v: Any): boolean {
      if (!v || typeof v !== 'object') return false;
      const ok = function (x: Any, min: number, max: number): boolean {
        return x === undefined || x === null || (typeof x === 'number' && x >= min && x <= max && Math.floor(x) === x);
      };
      return ok(v.scale, 10, 400) && ok(v.horizontalFitToPages, 1, 32767) && ok(v.verticalFitToPages, 1, 32767);
    };
    const setter = function (prop: string) {
      return function (v: Any) {
        enqueue(ctx, {
          payload: { m: 'PageLayout.' + prop, s: sheetName, v: v },
          run: function () {
            if (prop === 'zoom' && !validZoom(v)) throw officeError('InvalidArgument', 'The zoom ' + JSON.stringify(v) + ' is not one Office documents.', 'PageLayout.zoom');
            const s = sheetOrThrow(sheetName);
            const pl: Any = s.pageLayout || (s.pageLayout = {});
            pl[prop] = typeof v === 'object' && v !== null ? JSON.parse(JSON.stringify(v)) : v;
          },
        });
      };
    };
    defineLoadable(layout, ['orientation', 'paperSize', 'zoom'], { orientation: setter('orientation'), paperSize: setter('paperSize'), zoom: setter('zoom') });
    layout.setPrintTitleRows = function (rows: Any): void {
      enqueue(ctx, {
        payload: { m: 'PageLayout.setPrintTitleRows', s: sheetName, a: [String(rows)] },
        run: function () {
          const s = sheetOrThrow(sheetName);
          (s.pageLayout || (s.pageLayout = {})).printTitleRows = String(rows);
        },
      });
    };
    const hf: Any = {};
    const headerFooter: Any = { defaultForAllPages: hf };
    const parts = ['leftHeader', 'centerHeader', 'rightHeader', 'leftFooter', 'centerFooter', 'rightFooter'];
    const hfSetters: Any = {};
    for (let i = 0; i < parts.length; i++) hfSetters[parts[i]] = setter(parts[i]);
    defineLoadable(hf, parts, hfSetters);
    layout.headersFooters = headerFooter;
    return layout;
  }

  /** Office's DataValidationType of one cell's rule. */
  function validationType(v: FakeValidation | undefined): string {
    if (!v) return 'None';
    const kinds: { [k: string]: string } = { wholeNumber: 'WholeNumber', decimal: 'Decimal', list: 'List', textLength: 'TextLength', date: 'Date', time: 'Time', custom: 'Custom' };
    for (const k in v.rule) if (v.rule.hasOwnProperty(k) && kinds[k]) return kinds[k];
    return 'None';
  }

  /**
   * range.dataValidation (ExcelApi 1.8), cell by cell. Read over a range as Office documents it: `type`
   * is a cell's type where every cell has the same rule, 'None' where none has one, 'MixedCriteria'
   * where some cells have one and others none, 'Inconsistent' where the cells' rules differ; `rule`,
   * `prompt`, `errorAlert`, `ignoreBlanks` answer the top-left cell's (this fake's choice; load them on one
   * cell). Setting `rule` sets it on every cell of the range (a cell's earlier prompt and alert kept, as
   * Excel keeps them until cleared); a list's source "=Name" must be a defined name when the batch runs
   * (Excel refuses a source that evaluates to an error). `clear()` removes the cells' validation.
   * `valid` is not modelled (loading it fails here).
   */
  function makeDataValidation(ctx: Any, sheetName: string, resolve: () => Rect): Any {
    const dv: Any = {};
    const each = function (fn: (s: FakeSheet, key: string) => void): void {
      const rect = resolve();
      const s = sheetOrThrow(sheetName);
      if (size(rect) > 100000) throw officeError('InvalidArgument', 'This fake validates at most 100000 cells at once.');
      for (let r = rect.r0; r <= rect.r1; r++) for (let c = rect.c0; c <= rect.c1; c++) fn(s, cellKey(r, c));
    };
    const setter = function (prop: string) {
      return function (value: Any): void {
        const copy = JSON.parse(JSON.stringify(value));
        enqueue(ctx, {
          payload: { m: 'DataValidation.' + prop, s: sheetName, v: copy },
          run: function () {
            assertWritable(sheetOrThrow(sheetName), 'DataValidation.' + prop);
            if (prop === 'rule') {
              const list = copy.list;
              if (list && typeof list.source === 'string' && /^=[A-Za-z_][A-Za-z0-9_.]*$/.test(list.source) && !findName(list.source.substring(1)))
                throw officeError('InvalidArgument', 'The list source ' + list.source + ' is not a defined name.', 'DataValidation.rule');
              let kinds = 0;
              for (const k in copy) if (copy.hasOwnProperty(k) && copy[k]) kinds++;
              if (kinds !== 1) throw officeError('InvalidArgument', 'A data validation rule has exactly one kind.', 'DataValidation.rule');
            }
            each(function (s, key) {
              if (!s.validations) s.validations = {};
              const v: Any = s.validations[key];
              if (prop === 'rule') s.validations[key] = v ? { rule: copy, prompt: v.prompt, errorAlert: v.errorAlert, ignoreBlanks: v.ignoreBlanks } : { rule: copy };
              else if (v) v[prop] = copy;
              else throw officeError('InvalidOperation', 'Set the rule before ' + prop + ' on a cell with no data validation.', 'DataValidation.' + prop);
            });
          },
        });
      };
    };
    defineLoadable(dv, ['type', 'rule', 'prompt', 'errorAlert', 'ignoreBlanks', 'valid'], {
      rule: setter('rule'),
      prompt: setter('prompt'),
      errorAlert: setter('errorAlert'),
      ignoreBlanks: setter('ignoreBlanks'),
    });
    dv.load = function (spec: Any): Any {
      const paths = parseLoad(spec);
      for (let i = 0; i < paths.length; i++)
        if (['type', 'rule', 'prompt', 'errorAlert', 'ignoreBlanks'].indexOf(paths[i]) < 0) throw officeError('InvalidArgument', 'Cannot load ' + paths[i] + ' on DataValidation in this fake.');
      enqueue(ctx, {
        payload: { m: 'DataValidation.load', s: sheetName, a: paths },
        run: function () {
          const rect = resolve();
          const s = sheetOrThrow(sheetName);
          const all = s.validations || {};
          const first = all[cellKey(rect.r0, rect.c0)];
          let none = false;
          let some = '';
          let differ = false;
          each(function (_s, key) {
            const v = all[key];
            if (!v) none = true;
            else if (!some) some = JSON.stringify(v);
            else if (JSON.stringify(v) !== some) differ = true;
          });
          const type = !some ? 'None' : none ? 'MixedCriteria' : differ ? 'Inconsistent' : validationType(JSON.parse(some));
          for (let i = 0; i < paths.length; i++) {
            const p = paths[i];
            if (p === 'type') dv._data.type = type;
            else if (p === 'rule') dv._data.rule = first ? JSON.parse(JSON.stringify(first.rule)) : {};
            else if (p === 'prompt') dv._data.prompt = first && first.prompt ? JSON.parse(JSON.stringify(first.prompt)) : { showPrompt: false, title: '', message: '' };
            else if (p === 'errorAlert') dv._data.errorAlert = first && first.errorAlert ? JSON.parse(JSON.stringify(first.errorAlert)) : { showAlert: true, style: 'Stop', title: '', message: '' };
            else if (p === 'ignoreBlanks') dv._data.ignoreBlanks = first && first.ignoreBlanks !== undefined ? first.ignoreBlanks : true;
            dv._loaded[p] = true;
          }
        },
      });
      return dv;
    };
    dv.clear = function (): void {
      enqueue(ctx, {
        payload: { m: 'DataValidation.clear', s: sheetName },
        run: function () {
          assertWritable(sheetOrThrow(sheetName), 'DataValidation.clear');
          each(function (s, key) {
            if (s.validations) delete s.validations[key];
          });
        },
      });
    };
    return dv;
  }

  function makeCfCollection(ctx: Any, sheetName: string, resolve: () => Rect): Any {
    const col: Any = {};
    defineLoadable(col, ['items', 'count']);
    col.add = function (type: string): Any {
      let newId = '';
      enqueue(ctx, {
        payload: { m: 'ConditionalFormatCollection.add', s: sheetName, a: [type] },
        run: function () {
          if (type !== 'Custom') throw officeError('InvalidArgument', 'This fake supports Custom conditional formats only.');
          const s = sheetOrThrow(sheetName);
          assertWritable(s, 'ConditionalFormatCollection.add');
          newId = 'cf' + ++cfCounter;
          s.cfs.push({ id: newId, rect: resolve(), formula: '', fill: '' });
        },
      });
      return makeCf(ctx, sheetName, function () {
        return newId;
      });
    };
    col.getItem = function (id: string): Any {
      return makeCf(ctx, sheetName, function () {
        return id;
      });
    };
    col.clearAll = function (): void {
      enqueue(ctx, {
        payload: { m: 'ConditionalFormatCollection.clearAll', s: sheetName },
        run: function () {
          const rect = resolve();
          const s = sheetOrThrow(sheetName);
          assertWritable(s, 'ConditionalFormatCollection.clearAll');
          s.cfs = s.cfs.filter(function (cf) {
            return !intersects(cf.rect, rect);
          });
        },
      });
    };
    col.load = function (spec: Any): Any {
      const paths = parseLoad(spec);
      enqueue(ctx, {
        payload: { m: 'ConditionalFormatCollection.load', s: sheetName, a: paths },
        run: function () {
          const rect = resolve();
          const s = sheetOrThrow(sheetName);
          const items: Any[] = [];
          for (let i = 0; i < s.cfs.length; i++) {
            const f = s.cfs[i];
            if (!intersects(f.rect, rect)) continue;
            const item: Any = {};
            defineLoadable(item, ['id', 'type', 'customOrNullObject']);
            item._data.id = f.id;
            item._data.type = 'Custom';
            const ruleObj: Any = {};
            defineLoadable(ruleObj, ['formula']);
            ruleObj._data.formula = f.formula;
            item._data.customOrNullObject = { isNullObject: false, rule: ruleObj };
            for (let k = 0; k < paths.length; k++) {
              const p = paths[k].replace(/^items\//, '');
              if (p === 'id' || p === 'type') item._loaded[p] = true;
              if (p.indexOf('customOrNullObject') === 0) {
                item._loaded.customOrNullObject = true;
                if (p === 'customOrNullObject/rule/formula') ruleObj._loaded.formula = true;
              }
            }
            items.push(item);
          }
          col._data.items = items;
          col._loaded.items = true;
          col._data.count = items.length;
          col._loaded.count = true;
        },
      });
      return col;
    };
    return col;
  }

  /* ---------------------------------------------------------------- globals */

  const excel: Any = {
    run: function (a: Any, b?: Any): Promise<Any> {
      let batch: (ctx: Any) => Promise<Any> = b;
      let opts: Any = null;
      let ctx: Any = null;
      if (typeof a === 'function') batch = a;
      else if (a && a._queue) ctx = a;
      else opts = a;
      if (!ctx) {
        ctx = new (RequestContext as Any)();
        ctx._runOptions = opts;
      }
      return new Promise(function (resolve, reject) {
        const previous = currentRunOptions;
        currentRunOptions = opts;
        let p: Any;
        try {
          p = batch(ctx);
        } catch (e) {
          currentRunOptions = previous;
          return reject(e);
        }
        Promise.resolve(p)
          .then(
            function (v: Any) {
              // Excel.run syncs what is still queued when the batch returns.
              if (ctx._queue.length) {
                return ctx.sync().then(function () {
                  currentRunOptions = previous;
                  resolve(v);
                });
              }
              currentRunOptions = previous;
              resolve(v);
            },
            function (e: Any) {
              currentRunOptions = previous;
              reject(e);
            },
          )
          .then(undefined, function (e: Any) {
            currentRunOptions = previous;
            reject(e);
          });
      });
    },
    RequestContext: RequestContext,
    ConditionalFormatType: { custom: 'Custom' },
    SheetVisibility: { visible: 'Visible', hidden: 'Hidden', veryHidden: 'VeryHidden' },
    EventTriggerSource: { thisLocalAddin: 'ThisLocalAddin', unknown: 'Unknown' },
  };

  const office: Any = {
    HostType: { Excel: 'Excel' },
    context: {
      requirements: {
        isSetSupported: function (name: string, version?: string): boolean {
          if (name !== 'ExcelApi') return false;
          return levelAtLeast(level, version || '1.1');
        },
      },
      host: 'Excel',
      displayLanguage: options.displayLanguage || 'vi-VN',
      // Dialogs the ribbon command opens (DialogApi 1.1): recorded, answered as opened.
      ui: {
        displayDialogAsync: function (url: string, options: Any, callback?: (result: Any) => void): void {
          const dialog = {
            url: url,
            closed: false,
            close: function (): void {
              dialog.closed = true;
            },
            addEventHandler: function (): void {
              return undefined;
            },
          };
          handle.dialogs.push(dialog);
          if (callback) callback({ status: 'succeeded', value: dialog });
        },
      },
      // Document settings (Office common API, in every Excel that runs add-ins): kept with the workbook.
      document: {
        settings: {
          get: function (name: string): Any {
            return Object.prototype.hasOwnProperty.call(handle.settings, name) ? JSON.parse(handle.settings[name]) : null;
          },
          set: function (name: string, value: Any): void {
            handle.pendingSettings[name] = JSON.stringify(value);
          },
          remove: function (name: string): void {
            handle.pendingSettings[name] = null;
          },
          saveAsync: function (callback?: (result: Any) => void): void {
            for (const k in handle.pendingSettings) {
              if (!Object.prototype.hasOwnProperty.call(handle.pendingSettings, k)) continue;
              const v = handle.pendingSettings[k];
              if (v === null) delete handle.settings[k];
              else handle.settings[k] = v;
            }
            handle.pendingSettings = {};
            if (callback) callback({ status: 'succeeded' });
          },
          // The fake's get already reads what is saved in the document, so a refresh only drops unsaved sets.
          refreshAsync: function (callback?: (result: Any) => void): void {
            handle.settingsRefreshes++;
            handle.pendingSettings = {};
            if (callback) callback({ status: 'succeeded', value: office.context.document.settings });
          },
        },
      },
    },
    actions: {
      associate: function (name: string, fn: (event: Any) => Any): void {
        handle.actions[name] = fn;
      },
    },
    onReady: function (cb?: (info: Any) => void): Any {
      handle.readyCallbacks++;
      const info = { host: 'Excel', platform: 'PC' };
      if (cb) cb(info);
      return typeof Promise !== 'undefined' ? Promise.resolve(info) : undefined;
    },
  };

  target.Excel = excel;
  target.Office = office;
  void totalSyncs;
  return handle;
}

/** Converts a WorkbookGrid (src/core/grid) into the fake's init data. */
export function fakeInitFromGrid(grid: {
  sheets: Array<{ name: string; rows: Array<Array<FakeCellInit | null | undefined> | null | undefined>; hidden?: { rows: number[]; columns: number[] } }>;
}): FakeWorkbookInit {
  const sheets: FakeSheetInit[] = [];
  for (let i = 0; i < grid.sheets.length; i++) {
    const g = grid.sheets[i];
    const sheet: FakeSheetInit = { name: g.name, rows: g.rows };
    if (g.hidden) {
      sheet.hiddenRows = g.hidden.rows;
      sheet.hiddenColumns = g.hidden.columns;
    }
    sheets.push(sheet);
  }
  return { sheets: sheets };
}
