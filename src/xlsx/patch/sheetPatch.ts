import { columnIndex, columnLetters, parseRange } from '../../core/address';
import { CellWrite } from '../../core/plan';
import { toFileFormula } from '../futureFunctions';
import { translateSharedFormula } from '../read/sharedFormulas';
import { CellStyleChange } from './stylesPatch';
import { applySplices, attributesOf, isSelfClosing, removeAttribute, setAttribute, Splice, TOKEN_RX, xmlDecode, xmlEscape } from './xmlText';

/**
 * One worksheet part patched in place: the cells the plan owns are rewritten, highlighted cells get
 * a new style index, missing cells and rows are created in order, and the clones of an overwritten
 * shared formula get their own formulas. Everything else in the part keeps its exact text.
 *
 * Work is linear in the part: one scan of sheetData records rows and only the cells the patch needs
 * (targets, shared and array formulas), then one splice pass writes the result.
 */

/** What the plan wants in one cell of this sheet. */
export interface CellEdit {
  row: number;
  col: number;
  address: string;
  write?: CellWrite;
  /** Solid fill colour (ARGB) of a highlight. */
  fill?: string;
}

export interface SheetPatchContext {
  sheetName: string;
  /** New xf index for a cell whose xf was `base` after `change`. */
  cellStyle(base: number, change: CellStyleChange): number;
}

interface RowInfo {
  index: number;
  start: number;
  openTag: string;
  openEnd: number;
  /** Where </row> starts; -1 for <row …/>. */
  closeStart: number;
}

interface FormulaInfo {
  start: number;
  end: number;
  type: string;
  si?: string;
  ref?: string;
  /** The formula as text (entities decoded, CDATA unwrapped); null for an empty <f …/>. */
  text: string | null;
}

interface CellInfo {
  row: number;
  col: number;
  start: number;
  openTag: string;
  end: number;
  f?: FormulaInfo;
}

const key = (row: number, col: number) => row * 16384 + col;

export class RefusedWrite extends Error {
  constructor(message: string) {
    super(message);
    Object.setPrototypeOf(this, RefusedWrite.prototype);
  }
}

function cellAddress(raw: string): { row: number; col: number } | null {
  const m = /^\s*\$?([A-Za-z]{1,3})\$?(\d+)\s*$/.exec(raw);
  return m ? { row: parseInt(m[2], 10) - 1, col: columnIndex(m[1]) } : null;
}

/** An element's content as text: entities decoded, CDATA sections (as some generators write) unwrapped. */
function formulaText(inner: string): string {
  if (inner.indexOf('<![CDATA[') < 0) return xmlDecode(inner);
  return inner
    .split(/(<!\[CDATA\[[\s\S]*?\]\]>)/)
    .map((piece) => (piece.indexOf('<![CDATA[') === 0 ? piece.slice(9, -3) : xmlDecode(piece)))
    .join('');
}

function numberText(n: number): string {
  // JavaScript's shortest round-trip form; Excel reads exponents ("1e-7") as well.
  return String(n);
}

/** Returns the patched part, or the same string when nothing in it changes. */
export function patchSheetXml(xml: string, edits: CellEdit[], ctx: SheetPatchContext): string {
  if (!edits.length) return xml;
  const wanted: Record<number, CellEdit> = Object.create(null);
  const rowsWanted: Record<number, boolean> = Object.create(null);
  for (const e of edits) {
    const k = key(e.row, e.col);
    const prev = wanted[k];
    wanted[k] = prev ? { row: e.row, col: e.col, address: e.address, write: e.write || prev.write, fill: e.fill || prev.fill } : e;
    rowsWanted[e.row] = true;
  }

  // --- Find sheetData (its prefix is the main namespace's prefix in this part).
  TOKEN_RX.lastIndex = 0;
  let dataOpen: RegExpExecArray | null = null;
  let dimension: { start: number; end: number; tag: string } | null = null;
  /** Whole-column formats (<col style>): what Excel gives a cell typed into an empty one there. */
  const columnStyles: Array<{ min: number; max: number; style: number }> = [];
  const columnStyleCache: Record<number, number> = Object.create(null);
  for (let m = TOKEN_RX.exec(xml); m; m = TOKEN_RX.exec(xml)) {
    if (m[3] === 'dimension' && m[1] === '') dimension = { start: m.index, end: TOKEN_RX.lastIndex, tag: m[0] };
    if (m[3] === 'col' && m[1] === '') {
      const a = attributesOf(m[4]);
      const style = a.style !== undefined ? parseInt(a.style, 10) : 0;
      if (style > 0) columnStyles.push({ min: parseInt(a.min, 10) - 1, max: parseInt(a.max, 10) - 1, style });
    }
    if (m[3] === 'sheetData' && m[1] === '') {
      dataOpen = m;
      break;
    }
  }
  if (!dataOpen) throw new Error('worksheet part of "' + ctx.sheetName + '" has no sheetData');
  const p = dataOpen[2] || '';
  const dataOpenEnd = TOKEN_RX.lastIndex;
  const dataEmpty = isSelfClosing(dataOpen[4]);

  // --- Scan rows and cells.
  const rows: RowInfo[] = [];
  const cells: Record<number, CellInfo> = Object.create(null);
  /** Cells already present per wanted row, in document order (for inserting new cells). */
  const rowCells: Record<number, CellInfo[]> = Object.create(null);
  const sharedClones: Array<CellInfo & { f: FormulaInfo }> = [];
  const arrayRanges: Array<{ top: number; left: number; bottom: number; right: number; address: string }> = [];
  let dataCloseStart = -1;
  if (!dataEmpty) {
    let rowIndex = -1;
    let colIndex = -1;
    let row: RowInfo | null = null;
    let cell: CellInfo | null = null;
    for (let m = TOKEN_RX.exec(xml); m; m = TOKEN_RX.exec(xml)) {
      const local = m[3];
      if (local === undefined || (m[2] || '') !== p) continue;
      const closing = m[1] === '/';
      if (local === 'sheetData' && closing) {
        dataCloseStart = m.index;
        break;
      }
      if (local === 'row') {
        if (closing) {
          if (row) row.closeStart = m.index;
          row = null;
          continue;
        }
        const a = attributesOf(m[4]);
        const r = a.r !== undefined ? parseInt(a.r, 10) : NaN;
        rowIndex = isFinite(r) ? r - 1 : rowIndex + 1;
        colIndex = -1;
        row = { index: rowIndex, start: m.index, openTag: m[0], openEnd: TOKEN_RX.lastIndex, closeStart: -1 };
        rows.push(row);
        if (isSelfClosing(m[4])) row = null;
        continue;
      }
      if (local === 'c' && !closing) {
        const a = attributesOf(m[4]);
        const at = a.r !== undefined ? cellAddress(a.r) : null;
        colIndex = at ? at.col : colIndex + 1;
        cell = { row: at ? at.row : rowIndex, col: colIndex, start: m.index, openTag: m[0], end: TOKEN_RX.lastIndex };
        if (isSelfClosing(m[4])) {
          record(cell);
          cell = null;
        }
        continue;
      }
      if (local === 'c' && closing && cell) {
        cell.end = TOKEN_RX.lastIndex;
        record(cell);
        cell = null;
        continue;
      }
      if (local === 'f' && !closing && cell) {
        const a = attributesOf(m[4]);
        const f: FormulaInfo = { start: m.index, end: TOKEN_RX.lastIndex, type: a.t || 'normal', si: a.si, ref: a.ref, text: null };
        if (!isSelfClosing(m[4])) {
          const closeTag = '</' + p + 'f>';
          const close = xml.indexOf(closeTag, f.end);
          if (close < 0) throw new Error('unterminated formula in "' + ctx.sheetName + '"');
          const inner = xml.slice(f.end, close);
          f.text = inner === '' ? null : formulaText(inner);
          f.end = close + closeTag.length;
          TOKEN_RX.lastIndex = f.end;
        }
        cell.f = f;
      }
    }
    if (dataCloseStart < 0) throw new Error('worksheet part of "' + ctx.sheetName + '" has no </sheetData>');
  }

  function record(c: CellInfo): void {
    const k = key(c.row, c.col);
    const f = c.f;
    if (f && f.type === 'shared' && f.text === null && f.si !== undefined) sharedClones.push(c as CellInfo & { f: FormulaInfo });
    if (f && (f.type === 'array' || f.type === 'dataTable') && f.ref) {
      const r = parseRange(f.ref);
      if (r) arrayRanges.push({ top: r.top, left: r.left, bottom: r.bottom, right: r.right, address: f.ref });
    }
    if (k in wanted) cells[k] = c;
    if (rowsWanted[c.row]) (rowCells[c.row] || (rowCells[c.row] = [])).push(c);
  }

  // --- Refusals: a write into a merged range (not its top-left cell) or into an array formula.
  const writes = edits.filter((e) => e.write);
  const mergeRx = new RegExp('<' + p.replace(/[.]/g, '\\.') + 'mergeCell\\b[^>]*>', 'g');
  const tail = dataCloseStart >= 0 ? xml.slice(dataCloseStart) : xml.slice(dataOpenEnd);
  if (writes.length) {
    // Each range is checked against the writes of its own rows, or against all writes when it spans
    // more rows than there are writes: bounded by min(rows, writes) per range, never ranges × cells.
    const writesByRow: Record<number, CellEdit[]> = Object.create(null);
    for (const w of writes) (writesByRow[w.row] || (writesByRow[w.row] = [])).push(w);
    const writesIn = (r: { top: number; left: number; bottom: number; right: number }): CellEdit[] => {
      const found: CellEdit[] = [];
      const inside = (w: CellEdit) => w.row >= r.top && w.row <= r.bottom && w.col >= r.left && w.col <= r.right;
      if (r.bottom - r.top + 1 > writes.length) {
        for (const w of writes) if (inside(w)) found.push(w);
      } else {
        for (let row = r.top; row <= r.bottom; row++) for (const w of writesByRow[row] || []) if (inside(w)) found.push(w);
      }
      return found;
    };
    for (let m = mergeRx.exec(tail); m; m = mergeRx.exec(tail)) {
      const r = parseRange(attributesOf(m[0]).ref || '');
      if (!r) continue;
      for (const w of writesIn(r)) {
        if (w.row !== r.top || w.col !== r.left) throw new RefusedWrite('The write plan targets ' + ctx.sheetName + '!' + w.address + ', which is inside a merged range');
      }
    }
    for (const r of arrayRanges) {
      const hit = writesIn(r)[0];
      if (hit) throw new RefusedWrite('The write plan targets ' + ctx.sheetName + '!' + hit.address + ', which is part of the array formula ' + r.address);
    }
  }

  const splices: Splice[] = [];

  // --- Shared formulas: a written master's clones get their own formula first.
  const mastersBySi: Record<string, { row: number; col: number; formula: string }> = Object.create(null);
  for (const w of writes) {
    const c = cells[key(w.row, w.col)];
    if (c && c.f && c.f.type === 'shared' && c.f.text !== null && c.f.si !== undefined) mastersBySi[c.f.si] = { row: c.row, col: c.col, formula: c.f.text };
  }
  for (const clone of sharedClones) {
    const master = clone.f.si !== undefined ? mastersBySi[clone.f.si] : undefined;
    if (!master) continue;
    const own = wanted[key(clone.row, clone.col)];
    if (own && own.write) continue; // rewritten whole below
    // The reader's own translation (strict: a reference moved off the sheet throws, never writes row 0).
    const formula = translateSharedFormula(master.formula, columnLetters(master.col) + (master.row + 1), columnLetters(clone.col) + (clone.row + 1));
    splices.push({ start: clone.f.start, end: clone.f.end, text: '<' + p + 'f>' + xmlEscape(formula) + '</' + p + 'f>' });
  }

  // --- The cells themselves.
  const styleOf = (openTag: string): number => {
    const s = attributesOf(openTag).s;
    const n = s === undefined ? 0 : parseInt(s, 10);
    return isFinite(n) && n >= 0 ? n : 0;
  };
  const newStyle = (base: number, e: CellEdit): number => {
    const change: CellStyleChange = {};
    if (e.write && e.write.numberFormat) change.numberFormat = e.write.numberFormat;
    if (e.fill) change.fill = e.fill;
    return ctx.cellStyle(base, change);
  };
  const cellXml = (e: CellEdit, r: string, style: number, keepTag: string | null): string => {
    let open = keepTag ? keepTag.replace(/\s*\/?>$/, '') : '<' + p + 'c r="' + r + '"';
    if (keepTag) {
      // The owned cell's content is replaced whole: its old type and cell metadata go with it.
      for (const attr of ['t', 'cm', 'vm']) open = removeAttribute(open, attr);
      if (attributesOf(open).r === undefined) open = setAttribute(open + '>', 'r', r).slice(0, -1);
    }
    open = style ? setAttribute(open + '>', 's', String(style)).slice(0, -1) : removeAttribute(open, 's');
    const w = e.write;
    if (!w) return open + '/>';
    if (w.purpose === 'appraised-fill') {
      if (typeof w.value === 'number') return open + '><' + p + 'v>' + numberText(w.value) + '</' + p + 'v></' + p + 'c>';
      // Text stays text: an inline string, never parsed, sharedStrings.xml left as it is.
      return open + ' t="inlineStr"><' + p + 'is><' + p + 't xml:space="preserve">' + xmlEscape(String(w.value)) + '</' + p + 't></' + p + 'is></' + p + 'c>';
    }
    const f = '<' + p + 'f>' + xmlEscape(toFileFormula(w.formula)) + '</' + p + 'f>';
    if (typeof w.result === 'string') return open + ' t="str">' + f + '<' + p + 'v>' + xmlEscape(w.result) + '</' + p + 'v></' + p + 'c>';
    const v = typeof w.result === 'number' && isFinite(w.result) ? '<' + p + 'v>' + numberText(w.result) + '</' + p + 'v>' : '';
    return open + '>' + f + v + '</' + p + 'c>';
  };

  const missing: CellEdit[] = [];
  for (const k in wanted) {
    const e = wanted[k];
    const c = cells[k];
    if (!c) {
      missing.push(e);
      continue;
    }
    const style = newStyle(styleOf(c.openTag), e);
    if (e.write) {
      splices.push({ start: c.start, end: c.end, text: cellXml(e, e.address, style, c.openTag) });
    } else {
      // A highlight changes the style index only; the cell's content stays as it was.
      splices.push({ start: c.start, end: c.start + c.openTag.length, text: setAttribute(c.openTag, 's', String(style)) });
    }
  }

  // --- Cells that do not exist yet, created in row and column order.
  let bounds: { top: number; left: number; bottom: number; right: number } | null = null;
  if (missing.length) {
    missing.sort((a, b) => a.row - b.row || a.col - b.col);
    const rowAt: Record<number, RowInfo> = Object.create(null);
    for (const r of rows) if (rowsWanted[r.index] && !(r.index in rowAt)) rowAt[r.index] = r;
    let rowCursor = 0;
    let i = 0;
    while (i < missing.length) {
      const rowNo = missing[i].row;
      const group: CellEdit[] = [];
      while (i < missing.length && missing[i].row === rowNo) group.push(missing[i++]);
      for (const e of group) {
        bounds = bounds
          ? { top: Math.min(bounds.top, e.row), left: Math.min(bounds.left, e.col), bottom: Math.max(bounds.bottom, e.row), right: Math.max(bounds.right, e.col) }
          : { top: e.row, left: e.col, bottom: e.row, right: e.col };
      }
      const row = rowAt[rowNo];
      const newCells = group.map((e) => ({ col: e.col, xml: cellXml(e, e.address, newStyle(inheritedStyle(row, e.col), e), null) }));
      if (row) {
        insertIntoRow(row, newCells, rowCells[rowNo] || []);
      } else {
        // The first existing row below, else the end of sheetData (rows are in order; scan once).
        while (rowCursor < rows.length && rows[rowCursor].index < rowNo) rowCursor++;
        const at = rowCursor < rows.length ? rows[rowCursor].start : dataCloseStart;
        const text = '<' + p + 'row r="' + (rowNo + 1) + '">' + newCells.map((c) => c.xml).join('') + '</' + p + 'row>';
        if (at >= 0) splices.push({ start: at, end: at, text });
        else splices.push({ start: dataOpen.index, end: dataOpenEnd, text: '<' + p + 'sheetData>' + text + '</' + p + 'sheetData>' });
      }
    }
  }

  /** A new cell starts from its row's format (customFormat rows), else its column's, as in Excel. */
  function inheritedStyle(row: RowInfo | undefined, col: number): number {
    if (row) {
      const a = attributesOf(row.openTag);
      if (a.customFormat === '1' || a.customFormat === 'true') {
        const s = parseInt(a.s, 10);
        if (s > 0) return s;
      }
    }
    if (!(col in columnStyleCache)) {
      // Looked up once per column that gets a new cell (those cluster in the score and evidence columns).
      let style = 0;
      for (const c of columnStyles) if (col >= c.min && col <= c.max) style = c.style;
      columnStyleCache[col] = style;
    }
    return columnStyleCache[col];
  }

  function insertIntoRow(row: RowInfo, newCells: Array<{ col: number; xml: string }>, existing: CellInfo[]): void {
    let openTag = row.openTag;
    const spans = attributesOf(openTag).spans;
    const sm = spans ? /^(\d+):(\d+)$/.exec(spans) : null;
    if (sm) {
      const lo = Math.min(parseInt(sm[1], 10), newCells[0].col + 1);
      const hi = Math.max(parseInt(sm[2], 10), newCells[newCells.length - 1].col + 1);
      openTag = setAttribute(openTag, 'spans', lo + ':' + hi);
    }
    if (row.closeStart < 0) {
      splices.push({ start: row.start, end: row.openEnd, text: openTag.replace(/\s*\/>$/, '>') + newCells.map((c) => c.xml).join('') + '</' + p + 'row>' });
      return;
    }
    if (openTag !== row.openTag) splices.push({ start: row.start, end: row.openEnd, text: openTag });
    let j = 0;
    for (const c of newCells) {
      while (j < existing.length && existing[j].col < c.col) j++;
      const at = j < existing.length ? existing[j].start : row.closeStart;
      splices.push({ start: at, end: at, text: c.xml });
    }
  }

  // --- The dimension grows to take in created cells.
  if (bounds && dimension) {
    const ref = attributesOf(dimension.tag).ref;
    const r = ref ? parseRange(ref.toUpperCase()) : null;
    if (r) {
      const u = { top: Math.min(r.top, bounds.top), left: Math.min(r.left, bounds.left), bottom: Math.max(r.bottom, bounds.bottom), right: Math.max(r.right, bounds.right) };
      if (u.top !== r.top || u.left !== r.left || u.bottom !== r.bottom || u.right !== r.right) {
        const text = columnLetters(u.left) + (u.top + 1) + ':' + columnLetters(u.right) + (u.bottom + 1);
        splices.push({ start: dimension.start, end: dimension.end, text: setAttribute(dimension.tag, 'ref', text) });
      }
    }
  }

  return applySplices(xml, splices);
}
