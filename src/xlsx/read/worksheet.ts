import { CellRange, GridCell, HiddenLines, SheetGrid } from '../../core/grid';
import { columnLetters } from '../../core/address';
import { T_BOOLEAN, T_ERROR, T_FORMULA, T_MERGE, T_NULL, T_NUMBER, T_STRING } from '../cellTypes';
import { CellModel, ParseOptions, reconcileCell, SheetState, toGridCell } from './cells';
import { decodeAddress } from './cellAddress';
import { ColSpec, hiddenLines } from './hiddenLines';
import { BeyondLimits, MAX_COL, MAX_ROW } from './limits';
import { bad } from './malformed';
import { applyMerges } from './merges';
import { Rel } from './relationships';
import { parseRun, RichValue } from './richText';
import { EV_CLOSE, EV_END, EV_OPEN, EV_TEXT, Scanner, xmlDecode } from './xmlScanner';

// Worksheet: sheetN.xml -> grid rows, merges and hidden lines.

/** ExcelJS's utils.parseBoolean, which reads `hidden` on <row> and <col>. */
function xmlTrue(v: string | undefined): boolean {
  return v === 'true' || v === '1';
}

interface HyperlinkSpec {
  ref: string;
  rId: string | undefined;
}

function collectHyperlinksAndMerges(xml: string, from: number): { links: HyperlinkSpec[]; merges: string[] } {
  const links: HyperlinkSpec[] = [];
  const merges: string[] = [];
  // Both lists follow sheetData; scan only the tail of the part.
  const s = new Scanner(xml, from, true);
  for (let ev = s.next(); ev !== EV_END; ev = s.next()) {
    if (ev !== EV_OPEN) continue;
    if (s.tag() === 'mergeCell') merges.push(s.attrs().ref);
    else if (s.tag() === 'hyperlink') {
      const a = s.attrs();
      links.push({ ref: a.ref, rId: a['r:id'] });
    }
  }
  return { links, merges };
}

/** sheetN.xml -> rows of cell models, merges applied; then the grid rows. */
export function parseWorksheet(xml: string, rels: Record<string, Rel> | null, opts: ParseOptions): { rows: SheetGrid['rows']; merges: CellRange[]; hidden: HiddenLines; clipped: boolean } {
  // Hyperlinks and merges come after sheetData: read them first (the link map is needed per cell).
  const dataEnd = xml.lastIndexOf('</sheetData>');
  const { links, merges: mergeRefs } = collectHyperlinksAndMerges(xml, dataEnd >= 0 ? dataEnd + 12 : 0);
  const hyperlinkMap: Record<string, string> = Object.create(null);
  for (const h of links) {
    if (!h.rId) continue;
    const rel = rels ? rels[h.rId] : undefined;
    if (!rel || !Object.prototype.hasOwnProperty.call(rels, h.rId)) bad('hyperlink relationship ' + h.rId + ' missing');
    hyperlinkMap[h.ref] = rel.Target as string;
  }

  const sheet: SheetState = { rows: [], hiddenRows: [] };
  const cols: ColSpec[] = [];
  const formulae: Record<string, string> = Object.create(null);
  const s = new Scanner(xml);
  let inSheetData = false;
  for (let ev = s.next(); ev !== EV_END; ev = s.next()) {
    if (ev === EV_OPEN) {
      if (s.tag() === 'sheetData') {
        inSheetData = true;
        continue;
      }
      if (!inSheetData) {
        // <cols> comes before <sheetData>; only `hidden` matters to the grid.
        if (s.tag() === 'col' && s.level() === 3) {
          const a = s.attrs();
          cols.push({ min: parseInt(a.min || '0', 10), max: parseInt(a.max || '0', 10), hidden: xmlTrue(a.hidden) });
        }
        continue;
      }
      if (s.tag() !== 'row') continue;
      parseRow(s, sheet, opts, formulae, hyperlinkMap);
    } else if (ev === EV_CLOSE && s.tag() === 'sheetData') {
      break;
    }
  }

  const { ranges, clipped } = applyMerges(sheet, mergeRefs);

  const rows: SheetGrid['rows'] = [];
  for (let r = 0; r < sheet.rows.length; r++) {
    const cells = sheet.rows[r];
    if (!cells) continue;
    let out: Array<GridCell | null | undefined> | null = null;
    const n = cells.length;
    for (let c = 0; c < n; c++) {
      const m = cells[c];
      if (!m) continue;
      const g = toGridCell(m, sheet);
      if (!g) continue;
      if (!out) out = new Array(n);
      out[c] = g;
    }
    if (out) rows[r] = out;
  }
  return { rows, merges: ranges, hidden: hiddenLines(cols, sheet.hiddenRows, rows), clipped };
}

/** One <row> (the scanner is just past its open tag): cells parsed, reconciled and placed. */
function parseRow(s: Scanner, sheet: SheetState, opts: ParseOptions, formulae: Record<string, string>, hyperlinkMap: Record<string, string>): void {
  const ra = s.attrs();
  const number = parseInt(ra.r, 10);
  if (number !== number) bad('row without a number');
  if (number > MAX_ROW) throw new BeyondLimits('rows', number);
  // ExcelJS keeps the last <row> of a number, and rows below 1 land outside its row array.
  const cells: Array<CellModel | undefined> = [];
  if (number >= 1) {
    sheet.rows[number - 1] = cells;
    sheet.hiddenRows[number - 1] = xmlTrue(ra.hidden);
  }
  if (s.selfClosing) {
    s.next();
    return;
  }
  const rowDepth = s.level();
  let prevCol: number | undefined;
  for (let ev = s.next(); ev !== EV_END; ev = s.next()) {
    if (ev === EV_CLOSE) {
      if (s.level() < rowDepth) return; // </row>
      continue;
    }
    if (ev !== EV_OPEN || s.tag() !== 'c' || s.level() !== rowDepth + 1) continue;
    const ca = s.attrs();
    const m: CellModel = { address: ca.r, type: T_NULL, value: undefined, style: null };
    const t = ca.t;
    const styleId = ca.s ? parseInt(ca.s, 10) : undefined;
    let value: string | RichValue | undefined;
    let formula: string | undefined;
    if (!s.selfClosing) {
      const cellDepth = s.level();
      let current = '';
      for (ev = s.next(); ev !== EV_END; ev = s.next()) {
        if (ev === EV_TEXT) {
          if (current === 'v' || current === 't') {
            if (value === undefined || typeof value === 'string') value = value ? value + s.text() : s.text();
          } else if (current === 'f') {
            formula = formula ? formula + s.text() : s.text();
          }
        } else if (ev === EV_OPEN) {
          const name = s.tag();
          if (name === 'f') {
            current = 'f';
            const fa = s.attrs();
            m.si = fa.si;
            m.shareType = fa.t;
            m.ref = fa.ref;
          } else if (name === 'v' || name === 't') {
            current = name;
          } else if (name === 'r') {
            const run = parseRun(s);
            if (typeof value === 'string') bad('inline text and runs mixed');
            if (!value) value = { richText: [] };
            value.richText.push(run);
            current = '';
          }
        } else if (ev === EV_CLOSE) {
          if (s.level() < cellDepth) break; // </c>
          current = '';
        }
      }
    } else {
      s.next();
    }
    // ExcelJS's CellXform.parseClose: the first guess at the type.
    if (formula || m.shareType) {
      m.type = T_FORMULA;
      m.formula = formula;
      if (value) {
        if (typeof value !== 'string') bad('rich text in a formula cell');
        if (t === 'str') m.result = xmlDecode(value);
        else if (t === 'b') m.result = parseInt(value, 10) !== 0;
        else if (t === 'e') m.result = { error: value };
        else m.result = parseFloat(value);
      }
    } else if (value !== undefined) {
      if (typeof value !== 'string') {
        // Runs belong to inline strings; elsewhere ExcelJS would choke on (or misparse) them.
        if (t !== 'inlineStr') bad('rich text in a non-inline cell');
        m.type = T_STRING;
        m.value = value;
      } else {
        switch (t) {
          case 's':
            m.type = T_STRING;
            m.value = parseInt(value, 10);
            if (opts.sharedStrings && m.value !== m.value) bad('bad shared string index');
            break;
          case 'str':
            m.type = T_STRING;
            m.value = xmlDecode(value);
            break;
          case 'inlineStr':
            m.type = T_STRING;
            m.value = value;
            break;
          case 'b':
            m.type = T_BOOLEAN;
            m.value = parseInt(value, 10) !== 0;
            break;
          case 'e':
            m.type = T_ERROR;
            m.value = { error: value };
            break;
          default:
            m.type = T_NUMBER;
            m.value = parseFloat(value);
        }
      }
    } else if (styleId) {
      m.type = T_NULL;
    } else {
      m.type = T_MERGE;
    }
    reconcileCell(m, styleId, opts, formulae, hyperlinkMap);
    // Row.model: "merge" models are not cells; a <c> without r follows the previous cell.
    if (m.type === T_MERGE) continue;
    let col: number | undefined;
    if (m.address) {
      const a = decodeAddress(m.address, true);
      col = a.col;
      if (col === undefined) bad('cell address without a column: ' + m.address);
      m.cellAddress = a.address;
    } else if (prevCol !== undefined) {
      col = prevCol + 1;
      if (col > MAX_COL) throw new BeyondLimits('columns', col);
      m.cellAddress = columnLetters(col - 1) + number;
    } else {
      bad('cell without an address');
    }
    prevCol = col;
    cells[col - 1] = m;
  }
  bad('unterminated row');
}
