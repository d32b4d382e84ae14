import ExcelJS from 'exceljs';
import { CellRange, CellScalar, GridCell, HiddenLines, SheetGrid, WorkbookGrid } from '../core/grid';
import { readWorkbookFileBytes } from './workbookFile';
import { WorkbookInputError } from './workbookInputError';
import { resolveLimits, ZipLimits } from './zipGuard';
import { asInputError, openPackage, readGridFromPackage } from './fastGrid';
import { storedZip } from './package/xlsxPackage';
import { boundedPartsForExcelJs } from './package/excelJsBounds';
import { T_BOOLEAN, T_DATE, T_ERROR, T_FORMULA, T_HYPERLINK, T_MERGE, T_NULL, T_NUMBER, T_RICH_TEXT, T_STRING } from './cellTypes';
import { parseRange } from '../core/address';
import { fromFileFormula } from './futureFunctions';

/**
 * The files-side gateway, reading: .xlsx bytes -> ExcelJS workbook -> plain grid for the core.
 * The workbook is kept so the write plan can be applied to it and saved as an annotated copy.
 */

export interface LoadedWorkbook {
  grid: WorkbookGrid;
  workbook: ExcelJS.Workbook;
}

/** Reads a workbook from disk; every problem with the input becomes a WorkbookInputError. */
export async function readWorkbookFile(path: string, limits?: Partial<ZipLimits>): Promise<LoadedWorkbook> {
  const { bytes, limits: lim, baseName } = readWorkbookFileBytes(path, limits);
  const loaded = await loadChecked(bytes, path, lim);
  loaded.grid.fileName = baseName;
  return loaded;
}

/** Same as readWorkbookFile for bytes already in memory (the sample, an upload). */
export async function readWorkbookBytes(bytes: Uint8Array, fileName: string, limits?: Partial<ZipLimits>): Promise<LoadedWorkbook> {
  const loaded = await loadChecked(bytes, fileName, resolveLimits(limits));
  loaded.grid.fileName = fileName;
  return loaded;
}

interface MergingSheet {
  _merges: Record<string, unknown>;
  getCell(row: number, col: number): { address: string; merge(master: unknown, ignoreStyle?: boolean): void };
  _mergeCellsInternal(dimensions: { top: number; left: number; bottom: number; right: number }, ignoreStyle?: boolean): void;
}

/** Loads in progress whose merges the fast reader has already checked for overlaps. */
let trustedLoads = 0;
let mergePatched = false;

/**
 * ExcelJS 4.4 checks each new merge against every earlier one (100,000 merges: minutes). During our
 * own loads the fast reader has already refused overlaps in linear time, so the check is skipped
 * there; everywhere else ExcelJS's own method runs unchanged.
 */
function patchMergeCheck(): void {
  if (mergePatched) return;
  mergePatched = true;
  const proto = Object.getPrototypeOf(new ExcelJS.Workbook().addWorksheet('x')) as MergingSheet;
  const original = proto._mergeCellsInternal;
  proto._mergeCellsInternal = function (this: MergingSheet, dimensions, ignoreStyle) {
    if (trustedLoads === 0) return original.call(this, dimensions, ignoreStyle);
    // ExcelJS's own body, without the pairwise overlap scan.
    const master = this.getCell(dimensions.top, dimensions.left);
    for (let i = dimensions.top; i <= dimensions.bottom; i++) {
      for (let j = dimensions.left; j <= dimensions.right; j++) {
        if (i > dimensions.top || j > dimensions.left) this.getCell(i, j).merge(master, ignoreStyle);
      }
    }
    this._merges[master.address] = dimensions;
  };
}

async function loadChecked(bytes: Uint8Array, fileName: string, limits: ZipLimits): Promise<LoadedWorkbook> {
  // The fast reader goes first: it refuses what is hostile or beyond Excel's limits in bounded time,
  // and ExcelJS then loads the same normalised, already-counted package (stored, nothing to inflate).
  const pkg = await openPackage(bytes, fileName, limits);
  const checked = await readGridFromPackage(pkg);
  const replaced = await boundedPartsForExcelJs(pkg, checked.grid, checked.clippedMerges);
  const workbook = new ExcelJS.Workbook();
  try {
    const stored = await storedZip(pkg, replaced);
    // Node: a Buffer view of the same bytes; the browser build of ExcelJS takes the Uint8Array as is.
    const buffer = typeof Buffer === 'undefined' ? stored : Buffer.from(stored.buffer, stored.byteOffset, stored.byteLength);
    patchMergeCheck();
    trustedLoads++;
    try {
      await workbook.xlsx.load(buffer as unknown as ExcelJS.Buffer);
    } finally {
      trustedLoads--;
    }
  } catch (error) {
    // jszip and sax messages mean nothing to a user: one line, the reason kept for debugging.
    throw asInputError(error, fileName);
  }
  if (workbook.worksheets.length === 0) throw new WorkbookInputError('corrupt', fileName, { detail: 'no worksheets' });
  let grid: WorkbookGrid;
  try {
    grid = workbookToGrid(workbook, fileName);
  } catch (error) {
    throw asInputError(error, fileName);
  }
  return { grid, workbook };
}

// ---------------------------------------------------------------------------------------------
// Workbook -> grid. Runs on every file of a batch, so it walks ExcelJS's own row and cell arrays
// (no A1 parsing, no per-cell closures) and allocates one small object per non-empty cell.


const MS_PER_DAY = 86400000;
/** Days from 1899-12-30 (Excel's 1900-system day 0, leap-year bug included) to 1970-01-01. */
const UNIX_EPOCH_SERIAL = 25569;
/** The 1904 date system starts 1462 days later. */
const DATE1904_OFFSET = 1462;

interface RichRun {
  text?: string;
  font?: { name?: string };
}

/** Hyperlink text, formula results and rich text all reduce to a shown scalar (or an error). */
interface Scalarised {
  value: CellScalar;
  error?: string;
}

function richText(runs: RichRun[]): string {
  let s = '';
  for (let i = 0; i < runs.length; i++) {
    const t = runs[i].text;
    if (t !== undefined && t !== null) s += t;
  }
  return s;
}

function dateSerial(d: Date, date1904: boolean): number | null {
  const ms = d.getTime();
  if (ms !== ms) return null; // Invalid Date
  return ms / MS_PER_DAY + UNIX_EPOCH_SERIAL - (date1904 ? DATE1904_OFFSET : 0);
}

/** For the rarer shapes (formula results, hyperlink texts): anything ExcelJS may hand back. */
function scalarise(v: unknown, date1904: boolean): Scalarised {
  if (v === null || v === undefined) return { value: null };
  const t = typeof v;
  if (t === 'number' || t === 'string' || t === 'boolean') return { value: v as CellScalar };
  if (v instanceof Date) return { value: dateSerial(v, date1904) };
  if (t === 'object') {
    const o = v as { error?: string; richText?: RichRun[]; text?: unknown };
    if (typeof o.error === 'string') return { value: null, error: o.error };
    if (Array.isArray(o.richText)) return { value: richText(o.richText) };
    if (o.text !== undefined) return scalarise(o.text, date1904);
  }
  return { value: null };
}

/** The ExcelJS cell internals we read; guarded so a future ExcelJS falls back to public getters. */
interface CellLike {
  type: number;
  value: unknown;
  formula?: string;
  result?: unknown;
  hyperlink?: string;
  style?: { font?: { name?: string } };
  _value?: { model?: { value?: unknown; text?: unknown; hyperlink?: string; result?: unknown; formula?: string } };
}

function fontOf(cell: CellLike): string | undefined {
  const style = cell.style;
  const font = style && style.font;
  return font && font.name ? font.name : undefined;
}

function convertCell(cell: CellLike, date1904: boolean): GridCell | null {
  const type = cell.type;
  // Merged-away cells show nothing in Excel; the master carries the value and the merge is listed.
  if (type === T_NULL || type === T_MERGE) return null;
  const internal = cell._value && cell._value.model;
  let out: GridCell;
  switch (type) {
    case T_NUMBER:
    case T_STRING:
    case T_BOOLEAN: {
      // The model's own field, not the getter: same value, no copy.
      const v = internal ? internal.value : cell.value;
      if (v !== null && typeof v === 'object') {
        // Only odd files get here (a string cell holding rich text); reduce it like any other.
        const s = scalarise(v, date1904);
        out = s.error !== undefined ? { value: null, error: s.error } : { value: s.value };
      } else {
        out = { value: v === undefined ? null : (v as CellScalar) };
      }
      break;
    }
    case T_DATE: {
      const v = internal ? internal.value : cell.value;
      out = { value: v instanceof Date ? dateSerial(v, date1904) : (v as CellScalar) };
      break;
    }
    case T_RICH_TEXT: {
      const v = (internal ? internal.value : cell.value) as { richText?: RichRun[] };
      const runs = v && Array.isArray(v.richText) ? v.richText : [];
      out = { value: richText(runs) };
      const font = fontOf(cell) || (runs.length && runs[0].font && runs[0].font.name) || undefined;
      if (font) out.font = font;
      return out;
    }
    case T_FORMULA: {
      // Master formulas carry their text; shared-formula clones get it translated by ExcelJS.
      const formula = (internal && internal.formula) || cell.formula;
      const s = scalarise(internal ? internal.result : cell.result, date1904);
      out = { value: s.value };
      // The core sees the names Excel shows ("NUMBERVALUE"), not the file's "_xlfn.NUMBERVALUE".
      if (formula) out.formula = fromFileFormula(formula);
      if (s.error !== undefined) out.error = s.error;
      break;
    }
    case T_HYPERLINK: {
      const s = scalarise(internal ? internal.text : (cell.value as { text?: unknown }).text, date1904);
      out = { value: s.value };
      const link = (internal && internal.hyperlink) || cell.hyperlink;
      if (link) out.hyperlink = link;
      if (s.error !== undefined) out.error = s.error;
      break;
    }
    case T_ERROR: {
      const s = scalarise(internal ? internal.value : cell.value, date1904);
      out = s.error !== undefined ? { value: null, error: s.error } : { value: s.value };
      break;
    }
    default: {
      const s = scalarise(cell.value, date1904);
      out = { value: s.value };
      if (s.error !== undefined) out.error = s.error;
    }
  }
  const font = fontOf(cell);
  if (font) out.font = font;
  return out;
}

interface RowLike {
  number: number;
  hidden?: boolean;
  _cells?: Array<CellLike | undefined>;
}

type GridRow = Array<GridCell | null | undefined>;

function convertRowFast(cells: Array<CellLike | undefined>, date1904: boolean): GridRow | null {
  let out: GridRow | null = null;
  const n = cells.length;
  for (let c = 0; c < n; c++) {
    const cell = cells[c];
    if (!cell) continue;
    const g = convertCell(cell, date1904);
    if (!g) continue;
    // Sized once: the row never grows element by element.
    if (!out) out = new Array(n);
    out[c] = g;
  }
  return out;
}

function sheetMerges(ws: ExcelJS.Worksheet): CellRange[] {
  const merges: CellRange[] = [];
  const own = (ws as unknown as { _merges?: Record<string, { top: number; left: number; bottom: number; right: number }> })._merges;
  if (own && typeof own === 'object') {
    for (const key in own) {
      const m = own[key];
      if (m) merges.push({ top: m.top - 1, left: m.left - 1, bottom: m.bottom - 1, right: m.right - 1 });
    }
    return merges;
  }
  // Public route: builds the whole sheet model, so only when the internals are not there.
  for (const range of ((ws as unknown as { model: { merges?: string[] } }).model.merges || [])) {
    const r = parseRange(range.toUpperCase());
    if (r) merges.push(r);
  }
  return merges;
}

function sheetToGrid(ws: ExcelJS.Worksheet, date1904: boolean): SheetGrid {
  const rows: SheetGrid['rows'] = [];
  const own = (ws as unknown as { _rows?: Array<RowLike | undefined> })._rows;
  if (Array.isArray(own)) {
    for (let r = 0; r < own.length; r++) {
      const row = own[r];
      if (!row) continue;
      const cells = row._cells;
      if (!Array.isArray(cells)) continue;
      const out = convertRowFast(cells, date1904);
      if (out) rows[row.number - 1] = out;
    }
  } else {
    ws.eachRow((row, rowNumber) => {
      let out: GridRow | null = null;
      row.eachCell((cell, col) => {
        const g = convertCell(cell as unknown as CellLike, date1904);
        if (!g) return;
        if (!out) out = [];
        out[col - 1] = g;
      });
      if (out) rows[rowNumber - 1] = out;
    });
  }
  const grid: SheetGrid = { name: ws.name, rows };
  const merges = sheetMerges(ws);
  if (merges.length) grid.merges = merges;
  grid.hidden = sheetHidden(ws, own, rows);
  return grid;
}

/**
 * Hidden rows and columns (`<row hidden>`, `<col hidden>`), limited to the grid's extent: lines
 * with no cell cannot change a reading, and a `<col min="10" max="16384" hidden="1">` would
 * otherwise list thousands. fastGrid.ts gives the same lists (test/xlsx/fastGrid.test.ts).
 */
function sheetHidden(ws: ExcelJS.Worksheet, own: Array<RowLike | undefined> | undefined, rows: SheetGrid['rows']): HiddenLines {
  const hidden: HiddenLines = { rows: [], columns: [] };
  let width = 0;
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r];
    if (row && row.length > width) width = row.length;
  }
  if (Array.isArray(own)) {
    const n = Math.min(own.length, rows.length);
    for (let r = 0; r < n; r++) {
      const row = own[r];
      if (row && row.hidden) hidden.rows.push(row.number - 1);
    }
  } else {
    ws.eachRow((row, rowNumber) => {
      if (row.hidden && rowNumber <= rows.length) hidden.rows.push(rowNumber - 1);
    });
  }
  const columns = ws.columns as Array<{ hidden?: boolean } | undefined> | null;
  if (columns) {
    const n = Math.min(columns.length, width);
    for (let c = 0; c < n; c++) {
      const column = columns[c];
      if (column && column.hidden) hidden.columns.push(c);
    }
  }
  return hidden;
}

/**
 * Every worksheet as a plain grid (0-based rows and columns). Chartsheets never reach us:
 * ExcelJS does not load them. Dates become serial numbers in the workbook's own date system.
 */
export function workbookToGrid(workbook: ExcelJS.Workbook, fileName?: string): WorkbookGrid {
  const props = workbook.properties as unknown as { date1904?: boolean } | undefined;
  const date1904 = !!(props && props.date1904);
  const sheets: SheetGrid[] = [];
  for (const ws of workbook.worksheets) sheets.push(sheetToGrid(ws, date1904));
  const grid: WorkbookGrid = { sheets };
  if (fileName !== undefined) grid.fileName = fileName;
  return grid;
}
