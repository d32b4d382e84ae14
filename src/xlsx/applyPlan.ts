import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { parseRange, sheetQualified } from '../core/address';
import { CellWrite, Highlight, SummaryCell, SummarySheet, WritePlan } from '../core/plan/types';
import { toFileFormula } from './futureFunctions';
import { writeOutputFile, WriteOutputOptions } from './outputFile';

/**
 * The files-side gateway, writing: applies a core WritePlan literally to an ExcelJS workbook and
 * saves it. Nothing outside the plan is touched: styles are cloned before a change because
 * ExcelJS shares one style object between every cell loaded with the same style id.
 */

const T_MERGE = 1;
const T_FORMULA = 6;

/** Excel's own colour for followed-by-click hyperlinks in the default theme. */
const LINK_COLOR = 'FF0563C1';

interface FormulaModel {
  formula?: string;
  sharedFormula?: string;
  shareType?: string;
  ref?: string;
  result?: unknown;
}

function sheetOf(workbook: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  const ws = workbook.getWorksheet(name);
  if (!ws) throw new Error('The write plan names a sheet the workbook does not have: "' + name + '"');
  return ws;
}

function modelOf(cell: ExcelJS.Cell): FormulaModel | undefined {
  const value = (cell as unknown as { _value?: { model?: FormulaModel } })._value;
  return value && value.model;
}

/**
 * Before a shared-formula master is overwritten, give each of its clones its own (translated)
 * formula: otherwise ExcelJS would re-attach the clones to the new formula on save and silently
 * change cells the plan never named.
 */
function detachSharedClones(ws: ExcelJS.Worksheet, master: ExcelJS.Cell): void {
  const model = modelOf(master);
  // Loaded masters always say so (t="shared" with a ref); plain formulas have no clones.
  if (!model || !model.formula || model.shareType !== 'shared') return;
  const address = master.address;
  const detach = (cell: ExcelJS.Cell) => {
    if (cell === master || cell.type !== T_FORMULA) return;
    const m = modelOf(cell);
    if (!m || m.sharedFormula !== address) return;
    const formula = cell.formula; // translated from the master while it is still there
    const v: { formula: string; result?: unknown } = { formula };
    if (m.result !== undefined) v.result = m.result;
    cell.value = v as ExcelJS.CellValue;
  };
  if (model.ref) {
    const range = parseRef(model.ref);
    if (range) {
      for (let r = range.top; r <= range.bottom; r++) {
        const row = ws.findRow(r);
        if (!row) continue;
        for (let c = range.left; c <= range.right; c++) {
          const cell = (row as unknown as { findCell(c: number): ExcelJS.Cell | undefined }).findCell(c);
          if (cell) detach(cell);
        }
      }
      return;
    }
  }
  // A shared master without its range (made in memory): look at every cell once.
  ws.eachRow((row) => row.eachCell(detach));
}

/** "D4:D10" -> 1-based inclusive bounds, as ExcelJS numbers rows and columns. */
function parseRef(ref: string): { top: number; left: number; bottom: number; right: number } | null {
  const r = parseRange(ref);
  return r ? { top: r.top + 1, left: r.left + 1, bottom: r.bottom + 1, right: r.right + 1 } : null;
}

function applyWrite(ws: ExcelJS.Worksheet, w: CellWrite): void {
  const cell = ws.getCell(w.row + 1, w.col + 1);
  if (cell.type === T_MERGE) {
    // ExcelJS would silently write the merge's top-left cell instead: refuse rather than clobber it.
    throw new Error('The write plan targets ' + w.sheet + '!' + w.address + ', which is inside a merged range');
  }
  detachSharedClones(ws, cell);
  // A value write (the appraiser's fill) is a plain constant, text staying text; the rest are formulas,
  // stored as the file format wants them (`_xlfn.NUMBERVALUE(`), or Excel would show #NAME?.
  cell.value = w.purpose === 'appraised-fill' ? w.value : ({ formula: toFileFormula(w.formula), result: w.result } as ExcelJS.CellValue);
  if (w.numberFormat) cell.style = { ...cell.style, numFmt: w.numberFormat };
}

function normaliseColor(color: string): string {
  const hex = color.replace(/^#/, '').toUpperCase();
  return hex.length === 8 ? hex : 'FF' + hex;
}

function applyHighlight(ws: ExcelJS.Worksheet, h: Highlight): void {
  const cell = ws.getCell(h.row + 1, h.col + 1);
  const fill: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: normaliseColor(h.color) } };
  // A fresh style object: the old one may be shared with neighbours that must keep their colour.
  cell.style = { ...cell.style, fill };
}

function sameName(a: string, b: string): boolean {
  // Excel sheet names are case-insensitive: "TỔNG HỢP ĐIỂM" is the same sheet.
  return a.toLowerCase() === b.toLowerCase(); // the comparison ExcelJS itself uses
}

function writeSummaryCell(cell: ExcelJS.Cell, spec: SummaryCell): void {
  switch (spec.kind) {
    case 'text':
      // Always a plain string: "=…" typed by a user must never become a formula here.
      if (spec.text !== '') cell.value = spec.text;
      if (spec.bold) cell.font = { bold: true };
      break;
    case 'number':
      cell.value = spec.value;
      if (spec.numberFormat) cell.numFmt = spec.numberFormat;
      if (spec.bold) cell.font = { bold: true };
      break;
    case 'link':
      cell.value = { text: spec.text, hyperlink: '#' + sheetQualified(spec.sheet, spec.address) };
      cell.font = { color: { argb: LINK_COLOR }, underline: true };
      break;
  }
}

function writeSummary(workbook: ExcelJS.Workbook, summary: SummarySheet): void {
  // The summary sheet is tool-owned: replace it whole so a second run never duplicates it.
  for (const ws of workbook.worksheets) {
    if (sameName(ws.name, summary.name)) workbook.removeWorksheet(ws.id);
  }
  const ws = workbook.addWorksheet(summary.name, { views: [{ state: 'frozen', xSplit: 0, ySplit: 1 }] });
  summary.rows.forEach((cells, r) => {
    cells.forEach((spec, c) => {
      if (spec) writeSummaryCell(ws.getCell(r + 1, c + 1), spec);
    });
  });
  summary.columnWidths.forEach((width, c) => {
    if (width > 0) ws.getColumn(c + 1).width = width;
  });
}

/** Applies the plan to the workbook in memory: formulas, number formats, fills, summary sheet. */
export function applyPlanToWorkbook(workbook: ExcelJS.Workbook, plan: WritePlan): void {
  for (const w of plan.writes) applyWrite(sheetOf(workbook, w.sheet), w);
  for (const h of plan.highlights) applyHighlight(sheetOf(workbook, h.sheet), h);
  writeSummary(workbook, plan.summary);
}

// ---------------------------------------------------------------------------------------------
// Saving

const XML_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function xmlUnescape(s: string): string {
  return s.replace(/&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g, (_, e: string) => {
    if (e[0] !== '#') return XML_ENTITIES[e];
    return String.fromCodePoint(e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
  });
}

function xmlEscape(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function attributes(tag: string): Record<string, string> {
  const out: Record<string, string> = {};
  const re = /([\w:]+)="([^"]*)"/g;
  for (let m = re.exec(tag); m; m = re.exec(tag)) out[m[1]] = m[2];
  return out;
}

/**
 * ExcelJS 4.4 saves a link to "#'Sheet'!E12" as an external relationship with the same text
 * repeated in `location` ("#'Sheet'!E12#'Sheet'!E12" to Excel, which fails on some hosts).
 * Excel itself writes in-document links as `location` only, with no relationship: rewrite so.
 * Returns the input untouched when it has no such link.
 */
export async function fixInternalHyperlinks(xlsx: Buffer): Promise<Buffer> {
  const zip = await JSZip.loadAsync(xlsx);
  let changed = false;
  for (const name of Object.keys(zip.files)) {
    const m = /^xl\/worksheets\/(sheet\d+\.xml)$/.exec(name);
    if (!m) continue;
    const relsName = 'xl/worksheets/_rels/' + m[1] + '.rels';
    const relsFile = zip.file(relsName);
    if (!relsFile) continue;
    const rels = await relsFile.async('string');
    const internal: Record<string, string> = {};
    let found = false;
    const keptRels = rels.replace(/<Relationship\b[^>]*?\/>/g, (tag) => {
      const a = attributes(tag);
      const target = a.Target !== undefined ? xmlUnescape(a.Target) : '';
      if (!/\/hyperlink$/.test(a.Type || '') || target[0] !== '#' || !a.Id) return tag;
      internal[a.Id] = target.slice(1);
      found = true;
      return '';
    });
    if (!found) continue;
    const sheetFile = zip.file(name);
    if (!sheetFile) continue;
    const sheet = (await sheetFile.async('string')).replace(/<hyperlink\b[^>]*?\/>/g, (tag) => {
      const a = attributes(tag);
      const location = a['r:id'] !== undefined ? internal[a['r:id']] : undefined;
      if (location === undefined) return tag;
      let out = '<hyperlink ref="' + a.ref + '" location="' + xmlEscape(location) + '"';
      if (a.tooltip !== undefined) out += ' tooltip="' + a.tooltip + '"';
      if (a.display !== undefined) out += ' display="' + a.display + '"';
      return out + '/>';
    });
    zip.file(name, sheet);
    zip.file(relsName, keptRels);
    changed = true;
  }
  if (!changed) return xlsx;
  // In a browser (no Node Buffer) jszip hands back a Uint8Array, which is what callers use there.
  const type = typeof Buffer === 'undefined' ? 'uint8array' : 'nodebuffer';
  return (await zip.generateAsync({ type, compression: 'DEFLATE', compressionOptions: { level: 6 } })) as Buffer;
}

/**
 * The workbook as .xlsx bytes, with in-document links written the way Excel writes them.
 * A Node Buffer under Node; a plain Uint8Array in a browser (the standalone page).
 */
export async function workbookToXlsxBuffer(workbook: ExcelJS.Workbook): Promise<Buffer> {
  const raw = await workbook.xlsx.writeBuffer();
  if (typeof Buffer === 'undefined') {
    // Browser: ExcelJS's own bundled Buffer is a Uint8Array already; an ArrayBuffer gets a view.
    const bytes = raw instanceof Uint8Array ? raw : new Uint8Array(raw as ArrayBuffer);
    return fixInternalHyperlinks(bytes as Buffer);
  }
  const buffer = Buffer.isBuffer(raw) ? raw : Buffer.from(raw as ArrayBuffer);
  return fixInternalHyperlinks(buffer);
}

/**
 * Saves to a temporary file beside outPath, flushed to disk, then renames it into place:
 * a failure at any point leaves either the old file or none, never half a workbook
 * (see outputFile.ts, which also removes the temporary file on Ctrl+C).
 */
export async function writeWorkbookFile(workbook: ExcelJS.Workbook, outPath: string, options: WriteOutputOptions = { overwrite: true }): Promise<void> {
  await writeOutputFile(outPath, await workbookToXlsxBuffer(workbook), options);
}

