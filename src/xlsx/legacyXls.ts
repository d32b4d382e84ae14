import JSZip from 'jszip';
import { WorkbookInputError } from './workbookInputError';
import { hasEncryptionInfo, isCfbContainer } from './zipGuard';
import { quietlySync } from './quietConsole';
import { MAIN as NS_MAIN, PACKAGE_RELATIONSHIPS as NS_PKG_REL, RELATIONSHIPS as NS_R, REL_TYPE_STEM } from './package/namespaces';

/**
 * Excel 97-2003 (.xls, BIFF8; BIFF5 read as well) -> the bytes of an equivalent .xlsx, so that the
 * normal .xlsx pipeline reads, scores and annotates it (the annotated copy is an .xlsx).
 *
 * Reading is SheetJS Community Edition 0.20.3 (npm `@e965/xlsx`, Apache-2.0: the official build
 * republished unchanged but for its name; 0.20.3 has the fixes for CVE-2023-30533 and
 * CVE-2024-22363), loaded only when this function runs, read-only. SheetJS CE keeps from BIFF8 the
 * values (numbers, strings, booleans, errors), formulas as text with their cached results, merged
 * ranges, hidden rows (and, with `cellStyles`, columns and their widths), hyperlinks, sheet names,
 * order and visibility, and the 1904 date system; it drops the cell formats (fonts, borders,
 * alignment; only fills and number formats survive) after reading them. The font name matters to the
 * grid (".VnTime": TCVN3 text), so a small scanner of our own reads the workbook stream's FONT, XF
 * and FORMAT records and each cell's XF index; the .xlsx written here carries font, number format,
 * fill, borders and alignment per cell as Excel's own conversion would (the default cell format XF 15
 * becomes style 0).
 *
 * The .xlsx is written here (JSZip), not by SheetJS CE's writer: that one drops fonts and writes
 * formula string results as shared strings; ours is the plain SpreadsheetML both our readers and
 * ExcelJS read as they read Excel's files.
 *
 * Bounded work: the scanner walks the records once, before SheetJS, and refuses (as 'corrupt') a
 * file whose cells, column ranges, merges or hyperlink ranges go past Excel's limits, or whose
 * hyperlink / column ranges would make SheetJS loop over millions of cells (it walks every cell of
 * an HLINK range), or with more cells than any real workbook, or so many formulas and array formulas
 * that SheetJS's check of each formula against each array formula would take minutes. An encrypted .xls (FILEPASS) is
 * 'encrypted', found before SheetJS decrypts anything.
 */

/** Excel's own sheet size (.xlsx); BIFF8 files stop at 65,536 x 256. */
export const EXCEL_MAX_ROWS = 1048576;
export const EXCEL_MAX_COLUMNS = 16384;

export interface XlsLimits {
  /** Cells (values and formatted blanks) over all sheets. */
  maxCells: number;
  /** Cells covered by hyperlink ranges (SheetJS visits each), over the file. */
  maxLinkCells: number;
  /** Columns covered by column-format records (SheetJS makes an object per column), over the file. */
  maxColumnInfo: number;
  /** Merged ranges over the file. */
  maxMerges: number;
  /** Formula cells times array formulas: SheetJS checks every formula cell against every array formula. */
  maxArrayChecks: number;
}

export const DEFAULT_XLS_LIMITS: XlsLimits = {
  maxCells: 2000000,
  maxLinkCells: 1000000,
  maxColumnInfo: 1000000,
  maxMerges: 200000,
  maxArrayChecks: 50000000,
};

// ---------------------------------------------------------------------------------------------
// SheetJS, loaded on first use only

type SheetJs = typeof import('@e965/xlsx');
let sheetJsPromise: Promise<SheetJs> | null = null;

/** Whether SheetJS has been loaded by this module (for the lazy-load test and the bench). */
export function sheetJsLoaded(): boolean {
  return sheetJsPromise !== null;
}

function loadSheetJs(): Promise<SheetJs> {
  if (!sheetJsPromise) {
    sheetJsPromise = import(/* webpackChunkName: "sheetjs" */ '@e965/xlsx').then((m) => {
      // CommonJS interop: the namespace may be the module itself or hold it as `default`.
      const lib = (m as unknown as { read?: unknown; default?: SheetJs }).read ? (m as SheetJs) : (m as unknown as { default: SheetJs }).default;
      return lib;
    });
  }
  return sheetJsPromise;
}

// ---------------------------------------------------------------------------------------------
// Our own pass over the BIFF records: formats per cell, and the limits, before SheetJS runs

class Refused extends Error {
  constructor(
    readonly code: 'corrupt' | 'encrypted',
    detail: string,
  ) {
    super(detail);
  }
}

interface XlsFont {
  name: string;
  /** Points. */
  size: number;
  bold: boolean;
  italic: boolean;
  underline: number;
  strike: boolean;
}

interface XlsXf {
  font: number;
  format: number;
  /** Horizontal (0 general .. 7) and vertical (0 top .. 4) alignment, wrap. */
  horizontal: number;
  vertical: number;
  wrap: boolean;
  /** Line styles left, right, top, bottom (BIFF codes 0-13). */
  borders: [number, number, number, number];
}

interface ScannedSheet {
  name: string;
  /** Stream offset of the sheet's BOF (BoundSheet8.lbPlyPos). */
  pos: number;
  /** BIFF sheet type: 0 worksheet (or dialog), 1 macro sheet, 2 chart, 6 VB module. */
  type: number;
  /** xfs[row][col] = XF index of every cell record (values and formatted blanks). */
  xfs: number[][];
}

interface Scan {
  biff: 5 | 8;
  fonts: XlsFont[];
  xfs: XlsXf[];
  formats: Record<number, string>;
  sheets: ScannedSheet[];
}

function u16(b: Uint8Array, at: number): number {
  return b[at] | (b[at + 1] << 8);
}

function u32(b: Uint8Array, at: number): number {
  return (b[at] | (b[at + 1] << 8) | (b[at + 2] << 16)) + b[at + 3] * 0x1000000;
}

/** BIFF8 string: `cch` characters after a flags byte (bit 0: UTF-16LE, else one byte each). */
function biffString(b: Uint8Array, at: number, end: number, cch: number, biff: 5 | 8): string {
  let wide = false;
  if (biff === 8) {
    if (at >= end) return '';
    wide = (b[at] & 1) === 1;
    at++;
  }
  let out = '';
  for (let i = 0; i < cch; i++) {
    if (wide) {
      if (at + 2 > end) break;
      out += String.fromCharCode(u16(b, at));
      at += 2;
    } else {
      if (at >= end) break;
      out += String.fromCharCode(b[at]);
      at++;
    }
  }
  return out;
}

const CELL_RECORDS: Record<number, true> = {
  0x0006: true, // FORMULA
  0x00fd: true, // LABELSST
  0x0203: true, // NUMBER
  0x0204: true, // LABEL
  0x0205: true, // BOOLERR
  0x027e: true, // RK
  0x0201: true, // BLANK
  0x00d6: true, // RSTRING
};

function setXf(sheet: ScannedSheet, row: number, col: number, xf: number): void {
  if (col >= EXCEL_MAX_COLUMNS) throw new Refused('corrupt', 'cell in column ' + (col + 1) + ", beyond Excel's " + EXCEL_MAX_COLUMNS);
  let r = sheet.xfs[row];
  if (!r) r = sheet.xfs[row] = [];
  r[col] = xf;
}

function area(rowFirst: number, rowLast: number, colFirst: number, colLast: number): number {
  return rowLast < rowFirst || colLast < colFirst ? 0 : (rowLast - rowFirst + 1) * (colLast - colFirst + 1);
}

/** One pass over the workbook stream's records; throws Refused. */
function scanWorkbookStream(b: Uint8Array, limits: XlsLimits): Scan {
  const scan: Scan = { biff: 8, fonts: [], xfs: [], formats: {}, sheets: [] };
  const byPos: Record<number, ScannedSheet> = {};
  let current: ScannedSheet | null = null;
  let depth = 0;
  let cells = 0;
  let linkCells = 0;
  let columnInfo = 0;
  let merges = 0;
  let formulas = 0;
  let arrays = 0;
  let sawBof = false;
  const arrayChecks = () => {
    if (formulas * arrays > limits.maxArrayChecks) {
      throw new Refused('corrupt', formulas + ' formulas and ' + arrays + ' array formulas: more than ' + limits.maxArrayChecks + ' checks');
    }
  };
  const count = (n: number) => {
    cells += n;
    if (cells > limits.maxCells) throw new Refused('corrupt', 'more than ' + limits.maxCells + ' cells');
  };

  for (let pos = 0; pos + 4 <= b.length;) {
    const type = u16(b, pos);
    const size = u16(b, pos + 2);
    const at = pos + 4;
    const end = Math.min(at + size, b.length);
    const recordStart = pos;
    pos = at + size;
    if (type === 0 && size === 0 && sawBof && depth === 0) break; // padding after the last EOF
    switch (type) {
      case 0x0809: // BOF (BIFF5-8)
      case 0x0409:
      case 0x0209:
      case 0x0009: {
        if (!sawBof) {
          sawBof = true;
          if (type !== 0x0809) throw new Refused('corrupt', 'BIFF2-4 workbook stream');
          const vers = end - at >= 2 ? u16(b, at) : 0;
          scan.biff = vers === 0x0500 ? 5 : 8;
        }
        depth++;
        if (depth === 1) current = byPos[recordStart] || null;
        break;
      }
      case 0x000a: // EOF
        if (depth > 0) depth--;
        if (depth === 0) current = null;
        break;
      case 0x002f: // FILEPASS
        throw new Refused('encrypted', 'FILEPASS record: the workbook is encrypted');
      case 0x0085: {
        // BOUNDSHEET
        if (end - at < 8) break;
        const sheet: ScannedSheet = { name: biffString(b, at + 7, end, b[at + 6], scan.biff), pos: u32(b, at), type: b[at + 5] & 0x0f, xfs: [] };
        scan.sheets.push(sheet);
        byPos[sheet.pos] = sheet;
        break;
      }
      case 0x0031: {
        // FONT
        if (end - at < 15) break;
        const grbit = u16(b, at + 2);
        const name = scan.biff === 8 ? biffString(b, at + 15, end, b[at + 14], 8) : biffString(b, at + 15, end, b[at + 14], 5);
        scan.fonts.push({ name, size: u16(b, at) / 20, bold: u16(b, at + 6) >= 700, italic: (grbit & 2) !== 0, strike: (grbit & 8) !== 0, underline: b[at + 10] });
        break;
      }
      case 0x041e: {
        // FORMAT
        if (end - at < 3) break;
        const id = u16(b, at);
        scan.formats[id] = scan.biff === 8 ? biffString(b, at + 4, end, u16(b, at + 2), 8) : biffString(b, at + 3, end, b[at + 2], 5);
        break;
      }
      case 0x00e0: {
        // XF
        if (end - at < 16) break;
        const align = b[at + 6];
        const xf: XlsXf = { font: u16(b, at), format: u16(b, at + 2), horizontal: align & 7, vertical: (align >> 4) & 7, wrap: (align & 8) !== 0, borders: [0, 0, 0, 0] };
        if (scan.biff === 8 && end - at >= 20) {
          const line = u16(b, at + 10);
          xf.borders = [line & 15, (line >> 4) & 15, (line >> 8) & 15, (line >> 12) & 15];
        }
        scan.xfs.push(xf);
        break;
      }
      case 0x01b8: // HLINK: SheetJS visits each cell of its range
        if (end - at >= 8) {
          linkCells += area(u16(b, at), u16(b, at + 2), u16(b, at + 4), u16(b, at + 6));
          if (linkCells > limits.maxLinkCells) throw new Refused('corrupt', 'hyperlink ranges cover more than ' + limits.maxLinkCells + ' cells');
        }
        break;
      case 0x0800: // HLINKTOOLTIP: the same walk
        if (end - at >= 10) {
          linkCells += area(u16(b, at + 2), u16(b, at + 4), u16(b, at + 6), u16(b, at + 8));
          if (linkCells > limits.maxLinkCells) throw new Refused('corrupt', 'hyperlink ranges cover more than ' + limits.maxLinkCells + ' cells');
        }
        break;
      case 0x007d: // COLINFO: SheetJS makes an object per column of its range
        if (end - at >= 4) {
          const first = u16(b, at);
          const last = u16(b, at + 2);
          if (last >= EXCEL_MAX_COLUMNS) {
            throw new Refused('corrupt', 'column format up to column ' + (last + 1) + ", beyond Excel's " + EXCEL_MAX_COLUMNS);
          }
          columnInfo += last >= first ? last - first + 1 : 0;
          if (columnInfo > limits.maxColumnInfo) throw new Refused('corrupt', 'column formats cover more than ' + limits.maxColumnInfo + ' columns');
        }
        break;
      case 0x00e5: // MERGECELLS
        if (end - at >= 2) {
          merges += u16(b, at);
          if (merges > limits.maxMerges) throw new Refused('corrupt', 'more than ' + limits.maxMerges + ' merged ranges');
          for (let m = at + 2; m + 8 <= end; m += 8) {
            if (u16(b, m + 6) >= EXCEL_MAX_COLUMNS) throw new Refused('corrupt', 'merged range beyond column ' + EXCEL_MAX_COLUMNS);
          }
        }
        break;
      case 0x00bd: {
        // MULRK: row, first column, (XF, RK) pairs, last column
        if (!current || depth !== 1 || end - at < 6) break;
        const row = u16(b, at);
        const first = u16(b, at + 2);
        const n = Math.floor((end - at - 6) / 6);
        count(n);
        for (let i = 0; i < n; i++) setXf(current, row, first + i, u16(b, at + 4 + i * 6));
        break;
      }
      case 0x00be: {
        // MULBLANK: row, first column, XF per cell, last column
        if (!current || depth !== 1 || end - at < 6) break;
        const row = u16(b, at);
        const first = u16(b, at + 2);
        const n = Math.floor((end - at - 6) / 2);
        count(n);
        for (let i = 0; i < n; i++) setXf(current, row, first + i, u16(b, at + 4 + i * 2));
        break;
      }
      case 0x0221: // ARRAY
        arrays++;
        arrayChecks();
        break;
      default:
        if (type === 0x0006) {
          formulas++;
          arrayChecks();
        }
        if (CELL_RECORDS[type] && current && depth === 1 && end - at >= 6) {
          count(1);
          setXf(current, u16(b, at), u16(b, at + 2), u16(b, at + 4));
        }
    }
  }
  if (!sawBof) throw new Refused('corrupt', 'no BOF record in the workbook stream');
  return scan;
}

// ---------------------------------------------------------------------------------------------
// Writing the .xlsx

const REL_DOC = REL_TYPE_STEM + 'officeDocument';
const REL_SHEET = REL_TYPE_STEM + 'worksheet';
const REL_STYLES = REL_TYPE_STEM + 'styles';
const REL_SST = REL_TYPE_STEM + 'sharedStrings';
const REL_LINK = REL_TYPE_STEM + 'hyperlink';
const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/** Characters XML 1.0 cannot carry, and lone surrogates. */
// eslint-disable-next-line no-control-regex
const XML_INVALID = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?:^|[^\ud800-\udbff])[\udc00-\udfff]/g;

function escText(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\r/g, '&#13;');
}

function escAttr(s: string): string {
  return escText(s).replace(/"/g, '&quot;').replace(/\n/g, '&#10;').replace(/\t/g, '&#9;');
}

/** Plain text where no `_xHHHH_` escape applies (formulas, formula results, attributes). */
function clean(s: string): string {
  return s.replace(XML_INVALID, (m) => (m.length === 2 ? m.charAt(0) + '\ufffd' : '\ufffd'));
}

/** Shared-string text: a literal `_xHHHH_` keeps its underscore escaped; control characters as `_xHHHH_`. */
function sstText(s: string): string {
  const kept = s.replace(/_(x[0-9A-Fa-f]{4}_)/g, '_x005F_$1');
  // eslint-disable-next-line no-control-regex
  return clean(kept.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, (c) => '_x' + ('000' + c.charCodeAt(0).toString(16).toUpperCase()).slice(-4) + '_'));
}

const LETTERS: string[] = [];

function colLetters(c: number): string {
  const known = LETTERS[c];
  if (known !== undefined) return known;
  let s = '';
  for (let n = c + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return (LETTERS[c] = s);
}

function ref(r: number, c: number): string {
  return colLetters(c) + (r + 1);
}

const ERRORS: Record<number, string> = { 0x00: '#NULL!', 0x07: '#DIV/0!', 0x0f: '#VALUE!', 0x17: '#REF!', 0x1d: '#NAME?', 0x24: '#NUM!', 0x2a: '#N/A', 0x2b: '#GETTING_DATA' };

const BORDER_STYLES = ['', 'thin', 'medium', 'dashed', 'dotted', 'thick', 'double', 'hair', 'mediumDashed', 'dashDot', 'mediumDashDot', 'dashDotDot', 'mediumDashDotDot', 'slantDashDot'];
const HORIZONTAL = ['', 'left', 'center', 'right', 'fill', 'justify', 'centerContinuous', 'distributed'];
const VERTICAL = ['top', 'center', '', 'justify', 'distributed'];
const UNDERLINE: Record<number, string> = { 1: 'single', 2: 'double', 0x21: 'singleAccounting', 0x22: 'doubleAccounting' };

interface SheetJsCell {
  t: string;
  v?: unknown;
  f?: string;
  F?: string;
  z?: string | number;
  s?: { patternType?: string; fgColor?: { rgb?: string } };
  l?: { Target?: string; Tooltip?: string };
}

interface SheetJsSheet {
  '!data'?: Array<Array<SheetJsCell | undefined> | undefined>;
  '!merges'?: Array<{ s: { r: number; c: number }; e: { r: number; c: number } }>;
  '!rows'?: Array<{ hidden?: boolean; hpt?: number } | undefined>;
  '!cols'?: Array<{ hidden?: boolean; width?: number } | undefined>;
  '!type'?: string;
}

/** cellXfs, fonts, fills, borders and number formats, deduplicated by their XML. */
class Styles {
  private fonts: string[] = [];
  private fontIds: Record<string, number> = {};
  private fills: string[] = ['<fill><patternFill patternType="none"/></fill>', '<fill><patternFill patternType="gray125"/></fill>'];
  private fillIds: Record<string, number> = {};
  private borders: string[] = ['<border><left/><right/><top/><bottom/><diagonal/></border>'];
  private borderIds: Record<string, number> = { '<border><left/><right/><top/><bottom/><diagonal/></border>': 0 };
  private numFmts: string[] = [];
  private numFmtIds: Record<string, number> = {};
  private xfs: string[] = [];
  private xfIds: Record<string, number> = {};
  /** cellXfs index by the source's XF index and fill: one style lookup per distinct format, not per cell. */
  readonly cache: Record<string, number> = Object.create(null);

  constructor(readonly defaultFont: XlsFont | null) {
    this.font(defaultFont);
    this.xfIds['0|0|0|0|'] = 0;
    this.xfs.push('<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>');
  }

  private font(f: XlsFont | null): number {
    let xml = '<font>';
    if (f) {
      if (f.bold) xml += '<b/>';
      if (f.italic) xml += '<i/>';
      if (f.strike) xml += '<strike/>';
      if (UNDERLINE[f.underline]) xml += f.underline === 1 ? '<u/>' : '<u val="' + UNDERLINE[f.underline] + '"/>';
      xml += '<sz val="' + (f.size > 0 ? f.size : 10) + '"/><name val="' + escAttr(clean(f.name || 'Arial')) + '"/>';
    } else xml += '<sz val="10"/><name val="Arial"/>';
    xml += '</font>';
    let id = this.fontIds[xml];
    if (id === undefined) {
      id = this.fontIds[xml] = this.fonts.length;
      this.fonts.push(xml);
    }
    return id;
  }

  private fill(rgb: string | undefined): number {
    if (!rgb || !/^[0-9A-Fa-f]{6}$/.test(rgb)) return 0;
    const xml = '<fill><patternFill patternType="solid"><fgColor rgb="FF' + rgb.toUpperCase() + '"/><bgColor indexed="64"/></patternFill></fill>';
    let id = this.fillIds[xml];
    if (id === undefined) {
      id = this.fillIds[xml] = this.fills.length;
      this.fills.push(xml);
    }
    return id;
  }

  private border(lines: number[]): number {
    const side = (tag: string, code: number) => (BORDER_STYLES[code] ? '<' + tag + ' style="' + BORDER_STYLES[code] + '"><color indexed="64"/></' + tag + '>' : '<' + tag + '/>');
    const xml = '<border>' + side('left', lines[0]) + side('right', lines[1]) + side('top', lines[2]) + side('bottom', lines[3]) + '<diagonal/></border>';
    let id = this.borderIds[xml];
    if (id === undefined) {
      id = this.borderIds[xml] = this.borders.length;
      this.borders.push(xml);
    }
    return id;
  }

  /** Builtin format ids (below 164) stay; others get an id from 164 on. */
  private numFmt(id: number, code: string | undefined): number {
    if (id < 164 && (code === undefined || id === 0)) return id;
    if (code === undefined || code === 'General') return 0;
    let out = this.numFmtIds[code];
    if (out === undefined) {
      out = this.numFmtIds[code] = 164 + this.numFmts.length;
      this.numFmts.push('<numFmt numFmtId="' + out + '" formatCode="' + escAttr(clean(code)) + '"/>');
    }
    return out;
  }

  /** The cellXfs index for a cell; 0 for the workbook's default cell format. */
  style(font: XlsFont | null, fmtId: number, fmtCode: string | undefined, fillRgb: string | undefined, xf: XlsXf | null, isDefault: boolean): number {
    if (isDefault && !fillRgb) return 0;
    const fontId = this.font(font);
    const numFmtId = this.numFmt(fmtId, fmtCode);
    const fillId = this.fill(fillRgb);
    const borderId = xf ? this.border(xf.borders) : 0;
    let align = '';
    if (xf) {
      const h = HORIZONTAL[xf.horizontal] || '';
      const v = xf.vertical === 2 ? '' : VERTICAL[xf.vertical] || '';
      if (h || v || xf.wrap) align = '<alignment' + (h ? ' horizontal="' + h + '"' : '') + (v ? ' vertical="' + v + '"' : '') + (xf.wrap ? ' wrapText="1"' : '') + '/>';
    }
    const key = fontId + '|' + numFmtId + '|' + fillId + '|' + borderId + '|' + align;
    let id = this.xfIds[key];
    if (id === undefined) {
      id = this.xfIds[key] = this.xfs.length;
      this.xfs.push(
        '<xf numFmtId="' +
          numFmtId +
          '" fontId="' +
          fontId +
          '" fillId="' +
          fillId +
          '" borderId="' +
          borderId +
          '" xfId="0" applyNumberFormat="1" applyFont="1"' +
          (fillId ? ' applyFill="1"' : '') +
          (borderId ? ' applyBorder="1"' : '') +
          (align ? ' applyAlignment="1">' + align + '</xf>' : '/>'),
      );
    }
    return id;
  }

  xml(): string {
    return (
      XML_HEAD +
      '<styleSheet xmlns="' +
      NS_MAIN +
      '">' +
      (this.numFmts.length ? '<numFmts count="' + this.numFmts.length + '">' + this.numFmts.join('') + '</numFmts>' : '') +
      '<fonts count="' +
      this.fonts.length +
      '">' +
      this.fonts.join('') +
      '</fonts>' +
      '<fills count="' +
      this.fills.length +
      '">' +
      this.fills.join('') +
      '</fills>' +
      '<borders count="' +
      this.borders.length +
      '">' +
      this.borders.join('') +
      '</borders>' +
      '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
      '<cellXfs count="' +
      this.xfs.length +
      '">' +
      this.xfs.join('') +
      '</cellXfs>' +
      '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
      '</styleSheet>'
    );
  }
}

class SharedStrings {
  private list: string[] = [];
  private ids: Record<string, number> = Object.create(null);
  id(s: string): number {
    let id = this.ids[s];
    if (id === undefined) {
      id = this.ids[s] = this.list.length;
      this.list.push(s);
    }
    return id;
  }
  xml(): string {
    const items = this.list.map((s) => {
      const t = escText(sstText(s));
      return '<si><t' + (/^\s|\s$/.test(s) ? ' xml:space="preserve"' : '') + '>' + t + '</t></si>';
    });
    return XML_HEAD + '<sst xmlns="' + NS_MAIN + '" count="' + this.list.length + '" uniqueCount="' + this.list.length + '">' + items.join('') + '</sst>';
  }
}

interface StyleSource {
  scan: Scan | null;
  sheet: ScannedSheet | null;
}

function xfFont(scan: Scan, xf: XlsXf): XlsFont | null {
  // Font index 4 does not exist in BIFF: indexes above it are one more than the list position.
  const i = xf.font >= 4 ? xf.font - 1 : xf.font;
  return scan.fonts[i] || null;
}

function cellStyle(styles: Styles, src: StyleSource, row: number, col: number, cell: SheetJsCell | undefined): number {
  const fill = cell && cell.s && cell.s.patternType === 'solid' && cell.s.fgColor ? cell.s.fgColor.rgb : undefined;
  const scan = src.scan;
  const xfIndex = src.sheet && src.sheet.xfs[row] ? src.sheet.xfs[row][col] : undefined;
  const xf = scan && xfIndex !== undefined ? scan.xfs[xfIndex] : undefined;
  if (!scan || !xf) {
    // No format known: the number format SheetJS kept, the default font.
    const z = cell && typeof cell.z === 'string' && cell.z !== 'General' ? cell.z : undefined;
    if (!z && !fill) return 0;
    const key = 'z|' + z + '|' + fill;
    const known = styles.cache[key];
    return known !== undefined ? known : (styles.cache[key] = styles.style(styles.defaultFont, 164, z, fill, null, false));
  }
  const key = xfIndex + '|' + fill;
  const known = styles.cache[key];
  if (known !== undefined) return known;
  return (styles.cache[key] = styles.style(xfFont(scan, xf), xf.format, scan.formats[xf.format], fill, xf, xfIndex === 15));
}

function numberText(v: number): string | null {
  return isFinite(v) ? String(v) : null;
}

function cellXml(cell: SheetJsCell | undefined, r: number, c: number, s: number, strings: SharedStrings, date1904: boolean): string {
  const a = ' r="' + ref(r, c) + '"' + (s ? ' s="' + s + '"' : '');
  if (!cell || cell.t === 'z' || (cell.v === undefined && !cell.f)) return s ? '<c' + a + '/>' : '';
  let formula = typeof cell.f === 'string' && cell.f ? cell.f : null;
  // SheetJS writes a lone boolean constant (=TRUE) in lower case.
  if (formula === 'true' || formula === 'false') formula = formula.toUpperCase();
  let f = '';
  if (formula) {
    const array = cell.F && cell.F.split(':')[0] === ref(r, c) ? ' t="array" ref="' + cell.F + '"' : '';
    f = '<f' + array + '>' + escText(clean(formula)) + '</f>';
  }
  const v = cell.v;
  switch (cell.t) {
    case 'n': {
      // No value at all (SheetJS gives null for a number it could not read): the cell stays, empty.
      if (v === null || v === undefined) return f || s ? '<c' + a + '>' + f + '</c>' : '';
      const text = typeof v === 'number' ? numberText(v) : null;
      if (text === null) return '<c' + a + ' t="e">' + f + '<v>#NUM!</v></c>';
      return '<c' + a + '>' + f + '<v>' + text + '</v></c>';
    }
    case 'b':
      return '<c' + a + ' t="b">' + f + '<v>' + (v ? 1 : 0) + '</v></c>';
    case 'e':
      return '<c' + a + ' t="e">' + f + '<v>' + (ERRORS[v as number] || '#N/A') + '</v></c>';
    case 'd': {
      // Not produced with cellDates off; kept as a serial if a reader ever gives one.
      const d = v instanceof Date ? v : new Date(String(v));
      const serial = (d.getTime() - Date.UTC(1899, 11, 30)) / 86400000 - (date1904 ? 1462 : 0);
      return isFinite(serial) ? '<c' + a + '>' + f + '<v>' + serial + '</v></c>' : s ? '<c' + a + '/>' : '';
    }
    default: {
      const text = v === undefined || v === null ? '' : String(v);
      if (formula) return '<c' + a + ' t="str">' + f + '<v>' + escText(clean(text)) + '</v></c>';
      return '<c' + a + ' t="s"><v>' + strings.id(text) + '</v></c>';
    }
  }
}

interface WrittenSheet {
  xml: string;
  rels: string | null;
}

function sheetXml(ws: SheetJsSheet, src: StyleSource, styles: Styles, strings: SharedStrings, date1904: boolean, selected: boolean): WrittenSheet {
  const data = ws['!data'] || [];
  const scanned = src.sheet ? src.sheet.xfs : [];
  const rowInfo = ws['!rows'] || [];
  const nRows = Math.min(EXCEL_MAX_ROWS, Math.max(data.length, scanned.length, rowInfo.length));
  let maxRow = -1;
  let maxCol = -1;
  const links: string[] = [];
  const rels: string[] = [];
  const rows: string[] = [];

  for (let r = 0; r < nRows; r++) {
    const cells = data[r] || [];
    const xfRow = scanned[r] || [];
    const width = Math.max(cells.length, xfRow.length);
    let body = '';
    for (let c = 0; c < width; c++) {
      const cell = cells[c];
      if (!cell && xfRow[c] === undefined) continue;
      const s = cellStyle(styles, src, r, c, cell);
      const xml = cellXml(cell, r, c, s, strings, date1904);
      if (!xml) continue;
      body += xml;
      if (r > maxRow) maxRow = r;
      if (c > maxCol) maxCol = c;
      const link = cell && cell.l && typeof cell.l.Target === 'string' ? cell.l : null;
      if (link && link.Target) {
        const tip = link.Tooltip ? ' tooltip="' + escAttr(clean(link.Tooltip)) + '"' : '';
        if (link.Target.charAt(0) === '#') {
          links.push('<hyperlink ref="' + ref(r, c) + '" location="' + escAttr(clean(link.Target.slice(1))) + '"' + tip + '/>');
        } else {
          const id = 'rId' + (rels.length + 1);
          rels.push('<Relationship Id="' + id + '" Type="' + REL_LINK + '" Target="' + escAttr(clean(link.Target)) + '" TargetMode="External"/>');
          links.push('<hyperlink ref="' + ref(r, c) + '" r:id="' + id + '"' + tip + '/>');
        }
      }
    }
    const info = rowInfo[r];
    let attrs = '';
    if (info && info.hpt && info.hpt > 0 && info.hpt < 410) attrs += ' ht="' + info.hpt + '" customHeight="1"';
    if (info && info.hidden) attrs += ' hidden="1"';
    if (body || attrs) {
      rows.push('<row r="' + (r + 1) + '"' + attrs + (body ? '>' + body + '</row>' : '/>'));
      if (attrs && r > maxRow) maxRow = r;
    }
  }

  // Columns: runs of equal width / hidden state.
  const colInfo = ws['!cols'] || [];
  const cols: string[] = [];
  const nCols = Math.min(colInfo.length, EXCEL_MAX_COLUMNS);
  for (let c = 0; c < nCols;) {
    const info = colInfo[c];
    let last = c;
    const key = (i: { hidden?: boolean; width?: number } | undefined) => (i ? (i.hidden ? 'h' : '') + '|' + (i.width || '') : '');
    while (last + 1 < nCols && key(colInfo[last + 1]) === key(info)) last++;
    if (info && (info.hidden || (info.width && info.width > 0))) {
      cols.push(
        '<col min="' +
          (c + 1) +
          '" max="' +
          (last + 1) +
          '"' +
          (info.width && info.width > 0 ? ' width="' + Math.min(info.width, 255) + '" customWidth="1"' : ' width="0"') +
          (info.hidden ? ' hidden="1"' : '') +
          '/>',
      );
    }
    c = last + 1;
  }

  // Merges, clipped to the cells that exist (a merge over empty space has nothing to join).
  const merges: string[] = [];
  const ranges = ws['!merges'] || [];
  for (let i = 0; i < ranges.length; i++) {
    const m = ranges[i];
    const top = m.s.r;
    const left = m.s.c;
    const bottom = Math.min(m.e.r, maxRow);
    const right = Math.min(m.e.c, maxCol);
    if (bottom < top || right < left || (bottom === top && right === left)) continue;
    merges.push('<mergeCell ref="' + ref(top, left) + ':' + ref(bottom, right) + '"/>');
  }

  const xml =
    XML_HEAD +
    '<worksheet xmlns="' +
    NS_MAIN +
    '" xmlns:r="' +
    NS_R +
    '">' +
    '<dimension ref="' +
    (maxRow >= 0 && maxCol >= 0 ? 'A1:' + ref(maxRow, maxCol) : 'A1') +
    '"/>' +
    '<sheetViews><sheetView workbookViewId="0"' +
    (selected ? ' tabSelected="1"' : '') +
    '/></sheetViews>' +
    '<sheetFormatPr defaultRowHeight="15"/>' +
    (cols.length ? '<cols>' + cols.join('') + '</cols>' : '') +
    '<sheetData>' +
    rows.join('') +
    '</sheetData>' +
    (merges.length ? '<mergeCells count="' + merges.length + '">' + merges.join('') + '</mergeCells>' : '') +
    (links.length ? '<hyperlinks>' + links.join('') + '</hyperlinks>' : '') +
    '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>' +
    '</worksheet>';
  return {
    xml,
    rels: rels.length ? XML_HEAD + '<Relationships xmlns="' + NS_PKG_REL + '">' + rels.join('') + '</Relationships>' : null,
  };
}

interface SheetJsWorkbook {
  SheetNames: string[];
  Sheets: Record<string, SheetJsSheet>;
  Workbook?: { Sheets?: Array<{ name?: string; Hidden?: number }>; WBProps?: { date1904?: boolean } };
}

async function writeXlsx(wb: SheetJsWorkbook, scan: Scan | null): Promise<Uint8Array> {
  const date1904 = !!(wb.Workbook && wb.Workbook.WBProps && wb.Workbook.WBProps.date1904);
  const defaultXf = scan ? scan.xfs[15] || scan.xfs[0] : undefined;
  const styles = new Styles(scan && defaultXf ? xfFont(scan, defaultXf) : scan ? scan.fonts[0] || null : null);
  const strings = new SharedStrings();
  const zip = new JSZip();

  // Scanned worksheets by name, when our scan and SheetJS agree on the list of sheets.
  const scannedByName: Record<string, ScannedSheet> = Object.create(null);
  if (scan && scan.sheets.length === wb.SheetNames.length) {
    for (let i = 0; i < scan.sheets.length; i++) scannedByName[wb.SheetNames[i]] = scan.sheets[i];
  }

  // Worksheets only: chart, macro and dialog sheets have no cells for the grid.
  const names = wb.SheetNames.filter((n) => {
    const ws = wb.Sheets[n];
    return ws && (ws['!type'] === undefined || ws['!type'] === 'sheet');
  });
  if (names.length === 0) throw new Refused('corrupt', 'no worksheet');
  const states = names.map((n) => {
    const meta = wb.Workbook && wb.Workbook.Sheets ? wb.Workbook.Sheets[wb.SheetNames.indexOf(n)] : undefined;
    return meta && meta.Hidden === 2 ? 'veryHidden' : meta && meta.Hidden === 1 ? 'hidden' : '';
  });
  let active = states.indexOf('');
  if (active < 0) {
    active = 0;
    states[0] = '';
  }

  const sheetEntries: string[] = [];
  const wbRels: string[] = [];
  const types: string[] = [];
  for (let i = 0; i < names.length; i++) {
    const src: StyleSource = { scan, sheet: scannedByName[names[i]] || null };
    const written = sheetXml(wb.Sheets[names[i]], src, styles, strings, date1904, i === active);
    zip.file('xl/worksheets/sheet' + (i + 1) + '.xml', written.xml);
    if (written.rels) zip.file('xl/worksheets/_rels/sheet' + (i + 1) + '.xml.rels', written.rels);
    sheetEntries.push('<sheet name="' + escAttr(clean(names[i])) + '" sheetId="' + (i + 1) + '"' + (states[i] ? ' state="' + states[i] + '"' : '') + ' r:id="rId' + (i + 1) + '"/>');
    wbRels.push('<Relationship Id="rId' + (i + 1) + '" Type="' + REL_SHEET + '" Target="worksheets/sheet' + (i + 1) + '.xml"/>');
    types.push('<Override PartName="/xl/worksheets/sheet' + (i + 1) + '.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>');
  }
  const n = names.length;
  wbRels.push('<Relationship Id="rId' + (n + 1) + '" Type="' + REL_STYLES + '" Target="styles.xml"/>');
  wbRels.push('<Relationship Id="rId' + (n + 2) + '" Type="' + REL_SST + '" Target="sharedStrings.xml"/>');

  zip.file(
    '[Content_Types].xml',
    XML_HEAD +
      '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
      '<Default Extension="xml" ContentType="application/xml"/>' +
      '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
      types.join('') +
      '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
      '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>' +
      '</Types>',
  );
  zip.file('_rels/.rels', XML_HEAD + '<Relationships xmlns="' + NS_PKG_REL + '"><Relationship Id="rId1" Type="' + REL_DOC + '" Target="xl/workbook.xml"/></Relationships>');
  zip.file(
    'xl/workbook.xml',
    XML_HEAD +
      '<workbook xmlns="' +
      NS_MAIN +
      '" xmlns:r="' +
      NS_R +
      '">' +
      (date1904 ? '<workbookPr date1904="1"/>' : '<workbookPr/>') +
      '<bookViews><workbookView activeTab="' +
      active +
      '"/></bookViews>' +
      '<sheets>' +
      sheetEntries.join('') +
      '</sheets>' +
      '</workbook>',
  );
  zip.file('xl/_rels/workbook.xml.rels', XML_HEAD + '<Relationships xmlns="' + NS_PKG_REL + '">' + wbRels.join('') + '</Relationships>');
  zip.file('xl/styles.xml', styles.xml());
  zip.file('xl/sharedStrings.xml', strings.xml());
  // Level 1: the bytes go straight to our reader; deflate's slower levels cost more than they save.
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE', compressionOptions: { level: 1 } });
}

// ---------------------------------------------------------------------------------------------
// Entry point

/** An OLE2 container big enough to hold a directory (one 512-byte header at least). */
function isCfb(bytes: Uint8Array): boolean {
  return bytes.length >= 512 && isCfbContainer(bytes);
}

function message(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/**
 * The bytes of an .xls (an OLE2/CFB container holding a BIFF5/BIFF8 "Workbook"/"Book" stream) as
 * an equivalent .xlsx. Throws WorkbookInputError: 'encrypted' for a password-protected .xls (or an
 * encrypted .xlsx's container), 'corrupt' for anything else that cannot be read, and for a file
 * past Excel's limits or `limits`.
 */
export async function xlsBytesToXlsx(bytes: Uint8Array, fileName: string, limits?: Partial<XlsLimits>): Promise<Uint8Array> {
  const lim: XlsLimits = { ...DEFAULT_XLS_LIMITS, ...(limits || {}) };
  if (!isCfb(bytes)) throw new WorkbookInputError('corrupt', fileName, { detail: 'not an OLE2 (Excel 97-2003) container', legacyXls: true });
  const XLSX = await loadSheetJs();
  // In Node, SheetJS and its CFB reader keep Buffers as they are; given an 'array' they copy every
  // stream into plain JS arrays (several times slower, and garbage). The browser has no Buffer.
  const nodeBuffer = typeof Buffer !== 'undefined' && typeof Buffer.from === 'function';
  const input: Uint8Array = nodeBuffer ? Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) : bytes;
  const type = nodeBuffer ? 'buffer' : 'array';
  try {
    // The container: its directory and the workbook stream. js-cfb checks sector chains.
    let cfb;
    try {
      // SheetJS prints on odd input ("Missing Info for XLS Record 0x…"): muted, one clear line stays one.
      cfb = quietlySync(() => XLSX.CFB.read(input, { type }));
    } catch (e) {
      // As zipGuard: an unreadable container that names an EncryptionInfo stream is an encrypted .xlsx.
      if (hasEncryptionInfo(bytes)) throw new Refused('encrypted', 'EncryptionInfo in an unreadable OLE2 container');
      throw new Refused('corrupt', 'OLE2 container: ' + message(e));
    }
    if (XLSX.CFB.find(cfb, 'EncryptionInfo') || XLSX.CFB.find(cfb, 'EncryptedPackage')) throw new Refused('encrypted', 'encrypted OOXML package');
    const entry = XLSX.CFB.find(cfb, 'Workbook') || XLSX.CFB.find(cfb, 'Book');
    if (!entry || !entry.content || entry.content.length === 0) throw new Refused('corrupt', 'no Workbook stream: not an Excel 97-2003 workbook');
    const stream = entry.content instanceof Uint8Array ? entry.content : Uint8Array.from(entry.content as ArrayLike<number>);
    const scan = scanWorkbookStream(stream, lim);

    let wb: SheetJsWorkbook;
    try {
      wb = quietlySync(() =>
        XLSX.read(input, {
          type,
          dense: true,
          cellFormula: true,
          cellStyles: true,
          cellNF: false,
          cellText: false,
          cellHTML: false,
          cellDates: false,
          sheetStubs: false,
          bookVBA: false,
          bookDeps: false,
          WTF: false,
        }),
      ) as unknown as SheetJsWorkbook;
    } catch (e) {
      const text = message(e);
      if (/password|encrypt/i.test(text)) throw new Refused('encrypted', text);
      throw new Refused('corrupt', 'SheetJS: ' + text);
    }
    if (!wb || !Array.isArray(wb.SheetNames) || wb.SheetNames.length === 0) throw new Refused('corrupt', 'no sheets');
    return await writeXlsx(wb, scan);
  } catch (e) {
    if (e instanceof WorkbookInputError) throw e;
    if (e instanceof Refused) throw new WorkbookInputError(e.code, fileName, { detail: e.message, legacyXls: true });
    throw new WorkbookInputError('corrupt', fileName, { detail: message(e), legacyXls: true });
  }
}
