import ExcelJS from 'exceljs';
import * as fs from 'fs';
import { CellRange, CellScalar, GridCell, HiddenLines, SheetGrid, WorkbookGrid } from '../../src/core/grid';
import { fromFileFormula } from '../../src/xlsx/futureFunctions';
import { readWorkbookFileBytes } from '../../src/xlsx/node/workbookFile';
import { boundedPartsForExcelJs } from './excelJsBounds';
import { storedZip } from '../../src/xlsx/package/xlsxPackage';
import { asInputError, openPackage, readGridFromPackage } from '../../src/xlsx/read/readGrid';
import { WorkbookInputError } from '../../src/xlsx/workbookInputError';
import { resolveLimits, ZipLimits } from '../../src/xlsx/zipGuard';

/**
 * The independent oracle for the hand-written reader (src/xlsx/read): ExcelJS loads the workbook and
 * its public API only (eachRow, eachCell, cell.value/type/formula/result/font/master, row.hidden,
 * getColumn().hidden, properties.date1904) turns it into the grid the reader must give, field by field.
 * Nothing here is product code: the tool itself never reads through ExcelJS.
 */

const MS_PER_DAY = 86400000;
/** Days from 1899-12-30 (Excel's 1900-system day 0, leap-year bug included) to 1970-01-01. */
const UNIX_EPOCH_SERIAL = 25569;
/** The 1904 date system starts 1462 days later. */
const DATE1904_OFFSET = 1462;

const V = ExcelJS.ValueType;

interface RichRun {
  text?: string;
  font?: { name?: string };
}

function richText(runs: RichRun[]): string {
  let s = '';
  for (const run of runs) if (run.text !== undefined && run.text !== null) s += run.text;
  return s;
}

function dateSerial(d: Date, date1904: boolean): number | null {
  const ms = d.getTime();
  if (ms !== ms) return null; // Invalid Date
  return ms / MS_PER_DAY + UNIX_EPOCH_SERIAL - (date1904 ? DATE1904_OFFSET : 0);
}

/** Any value ExcelJS may hand back (a formula's result, a link's text) reduced to a shown scalar or an error. */
function scalarise(v: unknown, date1904: boolean): { value: CellScalar; error?: string } {
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

function withScalar(s: { value: CellScalar; error?: string }): GridCell {
  return s.error !== undefined ? { value: null, error: s.error } : { value: s.value };
}

function fontName(cell: ExcelJS.Cell): string | undefined {
  const font = cell.font;
  return font && font.name ? font.name : undefined;
}

/** One cell through its public getters; null for what shows nothing (empty, merged away). */
export function oracleCell(cell: ExcelJS.Cell, date1904: boolean): GridCell | null {
  const type = cell.type;
  if (type === V.Null || type === V.Merge) return null;
  const value = cell.value as unknown;
  let out: GridCell;
  switch (type) {
    case V.Number:
    case V.String:
    case V.Boolean:
      out = value !== null && typeof value === 'object' ? withScalar(scalarise(value, date1904)) : { value: value === undefined ? null : (value as CellScalar) };
      break;
    case V.Date:
      out = { value: value instanceof Date ? dateSerial(value, date1904) : (value as CellScalar) };
      break;
    case V.RichText: {
      const runs = value && Array.isArray((value as { richText?: RichRun[] }).richText) ? (value as { richText: RichRun[] }).richText : [];
      out = { value: richText(runs) };
      // A rich-text cell's font is its own, else its first run's.
      const font = fontName(cell) || (runs.length && runs[0].font && runs[0].font.name) || undefined;
      if (font) out.font = font;
      return out;
    }
    case V.Formula: {
      // cell.formula: a shared formula's clone comes back translated to its own cell.
      const s = scalarise(cell.result, date1904);
      out = { value: s.value };
      // The grid holds the names Excel shows ("NUMBERVALUE"), not the file's "_xlfn.NUMBERVALUE".
      if (cell.formula) out.formula = fromFileFormula(cell.formula);
      if (s.error !== undefined) out.error = s.error;
      break;
    }
    case V.Hyperlink: {
      const link = value as { text?: unknown; hyperlink?: string };
      const s = scalarise(link.text, date1904);
      out = { value: s.value };
      if (link.hyperlink) out.hyperlink = link.hyperlink;
      if (s.error !== undefined) out.error = s.error;
      break;
    }
    default:
      out = withScalar(scalarise(value, date1904));
  }
  const font = fontName(cell);
  if (font) out.font = font;
  return out;
}

/** Merges from the merged-away cells and their masters (the public view of a merge), in row-major order of masters. */
function oracleMerges(ws: ExcelJS.Worksheet): CellRange[] {
  const byMaster = new Map<string, CellRange>();
  ws.eachRow((row) => {
    row.eachCell((cell) => {
      if (cell.type !== V.Merge) return;
      const master = cell.master;
      // Typed as strings in ExcelJS's declarations; numbers at run time.
      const [mr, mc, r, c] = [Number(master.row) - 1, Number(master.col) - 1, Number(cell.row) - 1, Number(cell.col) - 1];
      let range = byMaster.get(master.address);
      if (!range) {
        range = { top: mr, left: mc, bottom: mr, right: mc };
        byMaster.set(master.address, range);
      }
      range.top = Math.min(range.top, r);
      range.left = Math.min(range.left, c);
      range.bottom = Math.max(range.bottom, r);
      range.right = Math.max(range.right, c);
    });
  });
  return [...byMaster.values()].sort((a, b) => a.top - b.top || a.left - b.left);
}

function oracleSheet(ws: ExcelJS.Worksheet, date1904: boolean): SheetGrid {
  const rows: SheetGrid['rows'] = [];
  let width = 0;
  ws.eachRow((row, rowNumber) => {
    let out: Array<GridCell | null | undefined> | null = null;
    row.eachCell((cell, col) => {
      const g = oracleCell(cell, date1904);
      if (!g) return;
      // A row as long as ExcelJS's row (cellCount), holes where nothing shows.
      if (!out) out = new Array(row.cellCount);
      out[col - 1] = g;
    });
    if (out) {
      rows[rowNumber - 1] = out;
      width = Math.max(width, (out as unknown[]).length);
    }
  });
  const grid: SheetGrid = { name: ws.name, rows };
  const merges = oracleMerges(ws);
  if (merges.length) grid.merges = merges;
  // Hidden lines within the grid's extent: a line with no cell cannot change a reading.
  const hidden: HiddenLines = { rows: [], columns: [] };
  ws.eachRow({ includeEmpty: true }, (row, rowNumber) => {
    if (rowNumber <= rows.length && row.hidden) hidden.rows.push(rowNumber - 1);
  });
  for (let c = 1; c <= width; c++) if (ws.getColumn(c).hidden) hidden.columns.push(c - 1);
  grid.hidden = hidden;
  return grid;
}

/** Every worksheet of a loaded ExcelJS workbook as a grid (0-based rows and columns). */
export function oracleGrid(workbook: ExcelJS.Workbook, fileName?: string): WorkbookGrid {
  const date1904 = !!workbook.properties.date1904;
  const grid: WorkbookGrid = { sheets: workbook.worksheets.map((ws) => oracleSheet(ws, date1904)) };
  if (fileName !== undefined) grid.fileName = fileName;
  return grid;
}

/** ExcelJS loading the raw bytes as they are (no normalising). */
export async function rawExcelJsGrid(bytes: Uint8Array, fileName?: string): Promise<WorkbookGrid> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ExcelJS.Buffer);
  return oracleGrid(wb, fileName);
}

/**
 * ExcelJS loading the same package the reader sees: the zip guard's checks and limits, one XML
 * spelling, merges and huge ranges bounded to the cells (so ExcelJS's own load stays bounded), then
 * the public-API grid. Every problem with the input becomes a WorkbookInputError, as for the reader.
 */
export async function excelJsGrid(bytes: Uint8Array, fileName: string, limits?: Partial<ZipLimits>): Promise<WorkbookGrid> {
  const pkg = await openPackage(bytes, fileName, resolveLimits(limits));
  const checked = await readGridFromPackage(pkg);
  const replaced = await boundedPartsForExcelJs(pkg, checked.grid, checked.clippedMerges);
  const workbook = new ExcelJS.Workbook();
  try {
    const stored = await storedZip(pkg, replaced);
    await workbook.xlsx.load(Buffer.from(stored.buffer, stored.byteOffset, stored.byteLength) as unknown as ExcelJS.Buffer);
  } catch (error) {
    throw asInputError(error, fileName);
  }
  if (workbook.worksheets.length === 0) throw new WorkbookInputError('corrupt', fileName, { detail: 'no worksheets' });
  let grid: WorkbookGrid;
  try {
    grid = oracleGrid(workbook, fileName);
  } catch (error) {
    throw asInputError(error, fileName);
  }
  return grid;
}

/** Same from a file on disk (stat, size limit, error codes as the reader's), the grid named by the file's base name. */
export async function excelJsGridFromFile(file: string, limits?: Partial<ZipLimits>): Promise<WorkbookGrid> {
  const { bytes, limits: lim, baseName } = readWorkbookFileBytes(file, limits);
  const grid = await excelJsGrid(bytes, file, lim);
  grid.fileName = baseName;
  return grid;
}

/** ExcelJS's own workbook from a file (for tests that look at styles the grid does not carry). */
export async function excelJsWorkbookFromFile(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(fs.readFileSync(file) as unknown as ExcelJS.Buffer);
  return wb;
}

/**
 * The grid with each sheet's merges in row-major order of their top-left cells. ExcelJS's public API
 * shows a merge only through its cells, not in the file's order, so comparisons with the oracle's
 * grid put the reader's merges (kept in file order) in this order first; everything else is as read.
 */
export function inMergeOrder(grid: WorkbookGrid): WorkbookGrid {
  return {
    ...grid,
    sheets: grid.sheets.map((s) => (s.merges ? { ...s, merges: s.merges.slice().sort((a, b) => a.top - b.top || a.left - b.left) } : s)),
  };
}

/** ExcelJS's own workbook from bytes, loaded as they are (for what the grid does not carry: styles, sheet state). */
export async function excelJsWorkbook(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ExcelJS.Buffer);
  return wb;
}
