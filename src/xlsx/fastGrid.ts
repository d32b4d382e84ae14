import { CellRange, CellScalar, GridCell, HiddenLines, SheetGrid, WorkbookGrid } from '../core/grid';
import { readWorkbookFileBytes } from './workbookFile';
import { BeyondLimitsWhat, WorkbookInputError } from './workbookInputError';
import { ZipLimits } from './zipGuard';
import { excelJsTarget, openXlsxPackage, XlsxPackage } from './package/xlsxPackage';
import { T_BOOLEAN, T_DATE, T_ERROR, T_FORMULA, T_HYPERLINK, T_MERGE, T_NULL, T_NUMBER, T_RICH_TEXT, T_STRING } from './cellTypes';
import { columnIndex, columnLetters } from '../core/address';
import { fromFileFormula } from './futureFunctions';

/**
 * The read-only files-side gateway: .xlsx bytes -> plain grid for the core, without ExcelJS.
 * `cchc score` / `report` only need the grid; building ExcelJS's whole workbook model (every
 * part inflated and sax-parsed, a Cell object per cell, styles resolved) costs more than the
 * scoring itself. This reader unzips only the parts the grid needs and scans their XML by hand.
 *
 * Contract: the grid is the one `workbookToGrid(ExcelJS load of the same bytes)` gives, field by
 * field (test/xlsx/fastGrid.test.ts compares both on every workbook the tests build). ExcelJS
 * 4.4's reading rules are therefore reproduced on purpose, quirks included:
 *  - style index 0 (or none) means "no style": no font and no date format;
 *  - an empty `<c>` without a style is not a cell; with a style it is an empty one;
 *  - t="str" texts and sheet names are entity-decoded twice (ExcelJS runs xmlDecode after sax);
 *  - `_xHHHH_` escapes are decoded in shared strings and rich-text runs, not in inline `<t>`;
 *  - numbers under a date format go through a millisecond-rounded Date and back to a serial;
 *  - a cell with an r:id hyperlink becomes a link (a formula on it is dropped), location-only
 *    links are dropped; merged-away cells are empty; shared formulas are translated per clone;
 *  - sheet order and names as ExcelJS's workbook gives them (sheetId, workbook.xml order).
 * Where ExcelJS fails to load a file the reader throws WorkbookInputError 'corrupt' too.
 * Uint8Array in, no Node Buffer needed: usable in the browser build as well.
 */

// ---------------------------------------------------------------------------------------------
// Errors

class Bad extends Error {}

function bad(detail: string): never {
  throw new Bad(detail);
}

/** A sheet beyond what Excel can hold, or merges too large to apply: refused, never worked through. */
class BeyondLimits extends Error {
  constructor(readonly what: BeyondLimitsWhat, readonly found: number, readonly limit?: number) {
    super(what + ' ' + found);
  }
}

// ---------------------------------------------------------------------------------------------
// XML scanning: a small pull tokenizer over a string, with the checks that make sax refuse
// garbage (names, nesting, quotes, entities), so a corrupt part fails as ExcelJS's load would.

const EV_END = 0;
const EV_OPEN = 1;
const EV_CLOSE = 2;
const EV_TEXT = 3;

function isNameStart(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95 || c === 58 || c > 127;
}

function isNameChar(c: number): boolean {
  return isNameStart(c) || (c >= 48 && c <= 57) || c === 45 || c === 46;
}

function isSpace(c: number): boolean {
  return c === 32 || c === 10 || c === 9 || c === 13;
}

const NAMED_ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
const ENTITY_RX = /&([^;&<]*);|&|\r\n?/g;

function entity(m: string, body: string | undefined): string {
  if (m.charCodeAt(0) === 13) return '\n';
  if (body === undefined) bad('bare & in XML');
  if (body.charCodeAt(0) === 35) {
    const code = body.charCodeAt(1) === 120 ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
    const digits = body.charCodeAt(1) === 120 ? /^#x[0-9a-fA-F]+$/ : /^#[0-9]+$/;
    if (!digits.test(body) || !(code >= 0 && code <= 0x10ffff)) bad('bad character reference &' + body + ';');
    return String.fromCodePoint(code);
  }
  const named = NAMED_ENTITIES[body];
  if (named === undefined) bad('undefined entity &' + body + ';');
  return named;
}

/** XML text as sax reports it: entities and character references decoded, line ends normalised. */
function decodeText(raw: string): string {
  if (raw.indexOf('&') < 0 && raw.indexOf('\r') < 0) return raw;
  return raw.replace(ENTITY_RX, entity);
}

/** Attribute values: decoded, and tab / line breaks normalised to spaces as XML requires. */
function decodeAttr(raw: string): string {
  const s = decodeText(raw);
  return /[\t\n]/.test(raw) ? s.replace(/[\t\n]/g, ' ') : s;
}

/** ExcelJS's utils.xmlDecode, applied by it on top of sax's decoding for some texts. */
function xmlDecode(text: string): string {
  if (text.indexOf('&') < 0) return text;
  return text.replace(/&([a-z]*);/g, (c) => {
    switch (c) {
      case '&lt;':
        return '<';
      case '&gt;':
        return '>';
      case '&amp;':
        return '&';
      case '&apos;':
        return "'";
      case '&quot;':
        return '"';
      default:
        return c;
    }
  });
}

/** ExcelJS's TextXform: Excel's _xHHHH_ escapes (upper-case hex only, as ExcelJS matches). */
function unescapeX(text: string): string {
  if (text.indexOf('_x') < 0) return text;
  return text.replace(/_x([0-9A-F]{4})_/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

type Attrs = Record<string, string>;

class Scanner {
  private pos = 0;
  private pendingClose = false;
  private readonly stack: string[] = [];
  private rootClosed = false;
  /** Current element name (EV_OPEN / EV_CLOSE). */
  name = '';
  /** EV_OPEN: whether the tag is self-closing (an EV_CLOSE follows at once). */
  selfClosing = false;
  private attrStart = 0;
  private attrEnd = 0;
  private textStart = 0;
  private textEnd = 0;

  /** partial: a scan starting inside the document (closing tags of outer elements are fine). */
  constructor(private readonly xml: string, start = 0, private readonly partial = false) {
    this.pos = start;
    if (start === 0 && xml.charCodeAt(0) === 0xfeff) this.pos = 1;
  }

  /** Open elements, the current one included after EV_OPEN (methods, so TS does not narrow them). */
  level(): number {
    return this.stack.length;
  }

  tag(): string {
    return this.name;
  }

  next(): number {
    const xml = this.xml;
    if (this.pendingClose) {
      this.pendingClose = false;
      this.stack.pop();
      if (this.stack.length === 0 && !this.partial) this.rootClosed = true;
      return EV_CLOSE;
    }
    for (;;) {
      const start = this.pos;
      if (start >= xml.length) return EV_END;
      if (xml.charCodeAt(start) !== 60) {
        let lt = xml.indexOf('<', start);
        if (lt < 0) lt = xml.length;
        this.pos = lt;
        this.textStart = start;
        this.textEnd = lt;
        if (this.stack.length === 0 && !this.partial) {
          // Outside the root only white space may appear.
          for (let i = start; i < lt; i++) if (!isSpace(xml.charCodeAt(i))) bad('text outside the root element');
          continue;
        }
        return EV_TEXT;
      }
      const c1 = xml.charCodeAt(start + 1);
      if (c1 === 63) {
        // <? ... ?>
        const end = xml.indexOf('?>', start + 2);
        if (end < 0) bad('unterminated processing instruction');
        this.pos = end + 2;
        continue;
      }
      if (c1 === 33) {
        if (xml.startsWith('<!--', start)) {
          const end = xml.indexOf('-->', start + 4);
          if (end < 0) bad('unterminated comment');
          this.pos = end + 3;
          continue;
        }
        if (xml.startsWith('<![CDATA[', start)) {
          // ExcelJS listens to text events only: CDATA content never reaches it.
          const end = xml.indexOf(']]>', start + 9);
          if (end < 0) bad('unterminated CDATA');
          this.pos = end + 3;
          continue;
        }
        if (xml.startsWith('<!DOCTYPE', start)) {
          const end = xml.indexOf('>', start);
          if (end < 0 || xml.indexOf('[', start) < end) bad('DOCTYPE not supported');
          this.pos = end + 1;
          continue;
        }
        bad('bad markup');
      }
      if (c1 === 47) {
        // </name>
        let i = start + 2;
        if (!isNameStart(xml.charCodeAt(i))) bad('bad closing tag');
        while (isNameChar(xml.charCodeAt(i))) i++;
        const name = xml.slice(start + 2, i);
        while (isSpace(xml.charCodeAt(i))) i++;
        if (xml.charCodeAt(i) !== 62) bad('bad closing tag');
        const open = this.stack.pop();
        if (open !== name && !(this.partial && open === undefined)) bad('mismatched closing tag </' + name + '>');
        if (this.stack.length === 0 && !this.partial) this.rootClosed = true;
        this.pos = i + 1;
        this.name = name;
        return EV_CLOSE;
      }
      // <name attr="v" ...> or />
      if (!isNameStart(c1)) bad('bad tag');
      if (this.rootClosed) bad('content after the root element');
      let i = start + 2;
      while (isNameChar(xml.charCodeAt(i))) i++;
      this.name = xml.slice(start + 1, i);
      this.attrStart = i;
      for (;;) {
        const c = xml.charCodeAt(i);
        if (c === 62) {
          this.attrEnd = i;
          this.selfClosing = false;
          this.pos = i + 1;
          break;
        }
        if (c === 47 && xml.charCodeAt(i + 1) === 62) {
          this.attrEnd = i;
          this.selfClosing = true;
          this.pendingClose = true;
          this.pos = i + 2;
          break;
        }
        if (c === 34 || c === 39) {
          const q = xml.indexOf(c === 34 ? '"' : "'", i + 1);
          if (q < 0) bad('unterminated attribute value');
          i = q + 1;
          continue;
        }
        if (c === 60 || i >= xml.length) bad('unterminated tag');
        i++;
      }
      this.stack.push(this.tag());
      return EV_OPEN;
    }
  }

  /** Decoded text of the last EV_TEXT. */
  text(): string {
    return decodeText(this.xml.slice(this.textStart, this.textEnd));
  }

  /** All attributes of the last EV_OPEN tag, decoded. */
  attrs(): Attrs {
    const out: Attrs = {};
    const xml = this.xml;
    let i = this.attrStart;
    const end = this.attrEnd;
    for (;;) {
      while (i < end && isSpace(xml.charCodeAt(i))) i++;
      if (i >= end) return out;
      const ns = i;
      if (!isNameStart(xml.charCodeAt(i))) bad('bad attribute');
      while (i < end && isNameChar(xml.charCodeAt(i))) i++;
      const name = xml.slice(ns, i);
      while (i < end && isSpace(xml.charCodeAt(i))) i++;
      if (xml.charCodeAt(i) !== 61) bad('attribute without value');
      i++;
      while (i < end && isSpace(xml.charCodeAt(i))) i++;
      const q = xml.charCodeAt(i);
      if (q !== 34 && q !== 39) bad('unquoted attribute');
      const close = xml.indexOf(q === 34 ? '"' : "'", i + 1);
      const raw = xml.slice(i + 1, close);
      if (raw.indexOf('<') >= 0) bad('< in attribute value');
      out[name] = decodeAttr(raw);
      i = close + 1;
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Small parts: relationships, workbook, styles, shared strings.

interface Rel {
  Id?: string;
  Target?: string;
  Type?: string;
}

function parseRels(xml: string): Record<string, Rel> {
  const map: Record<string, Rel> = {};
  const s = new Scanner(xml);
  for (let ev = s.next(); ev !== EV_END; ev = s.next()) {
    if (ev === EV_OPEN && s.tag() === 'Relationship') {
      const a = s.attrs();
      map[a.Id] = a;
    }
  }
  return map;
}

interface SheetDef {
  name: string | undefined;
  id: number;
  rId: string | undefined;
}

function parseWorkbookXml(xml: string): { sheets: SheetDef[]; date1904: boolean } {
  const sheets: SheetDef[] = [];
  let date1904 = false;
  let sawRoot = false;
  const s = new Scanner(xml);
  for (let ev = s.next(); ev !== EV_END; ev = s.next()) {
    if (ev !== EV_OPEN) continue;
    sawRoot = true;
    if (s.tag() === 'sheet') {
      const a = s.attrs();
      sheets.push({ name: a.name === undefined ? undefined : xmlDecode(a.name), id: parseInt(a.sheetId, 10), rId: a['r:id'] });
    } else if (s.tag() === 'workbookPr') {
      date1904 = s.attrs().date1904 === '1';
    }
  }
  if (!sawRoot) bad('workbook part is empty');
  return { sheets, date1904 };
}

interface StyleModel {
  numFmt?: string;
  font?: { name?: string };
}

interface Xf {
  numFmtId: number;
  fontId: number;
}

const DEFAULT_FMT: Record<number, string> = {
  0: 'General', 1: '0', 2: '0.00', 3: '#,##0', 4: '#,##0.00', 9: '0%', 10: '0.00%', 11: '0.00E+00', 12: '# ?/?', 13: '# ??/??',
  14: 'mm-dd-yy', 15: 'd-mmm-yy', 16: 'd-mmm', 17: 'mmm-yy', 18: 'h:mm AM/PM', 19: 'h:mm:ss AM/PM', 20: 'h:mm', 21: 'h:mm:ss', 22: 'm/d/yy "h":mm',
  37: '#,##0 ;(#,##0)', 38: '#,##0 ;[Red](#,##0)', 39: '#,##0.00 ;(#,##0.00)', 40: '#,##0.00 ;[Red](#,##0.00)', 45: 'mm:ss', 46: '[h]:mm:ss', 47: 'mmss.0', 48: '##0.0E+0', 49: '@',
};

class Styles {
  private readonly cache: Array<StyleModel | undefined> = [];
  constructor(
    private readonly xfs: Xf[] | undefined,
    private readonly fonts: Array<{ name?: string }> | undefined,
    private readonly numFmts: Record<number, string>,
  ) {}

  /** ExcelJS's StylesXform.getStyleModel, restricted to what the grid reads (font, number format). */
  get(id: number): StyleModel | null {
    if (!this.xfs) bad('cell style without cellXfs');
    const xf = this.xfs[id];
    if (!xf) return null;
    let model = this.cache[id];
    if (model) return model;
    model = this.cache[id] = {};
    if (xf.numFmtId) {
      const fmt = this.numFmts[xf.numFmtId] || DEFAULT_FMT[xf.numFmtId];
      if (fmt) model.numFmt = fmt;
    }
    if (xf.fontId || xf.fontId === 0) {
      if (!this.fonts) bad('cell style without fonts');
      const font = this.fonts[xf.fontId];
      if (font) model.font = font;
    }
    return model;
  }
}

function parseStyles(xml: string): Styles {
  const fonts: Array<{ name?: string }> = [];
  const xfs: Xf[] = [];
  const numFmts: Record<number, string> = {};
  let section = '';
  let font: { name?: string } | null = null;
  const s = new Scanner(xml);
  for (let ev = s.next(); ev !== EV_END; ev = s.next()) {
    if (ev === EV_OPEN) {
      const d = s.level();
      if (d === 2) section = s.tag();
      else if (d === 3) {
        if (section === 'fonts' && s.tag() === 'font') {
          font = {};
          fonts.push(font);
        } else if (section === 'cellXfs' && s.tag() === 'xf') {
          const a = s.attrs();
          xfs.push({ numFmtId: parseInt(a.numFmtId, 10), fontId: parseInt(a.fontId, 10) });
        } else if (section === 'numFmts' && s.tag() === 'numFmt') {
          const a = s.attrs();
          if (a.formatCode === undefined) bad('numFmt without formatCode');
          numFmts[parseInt(a.numFmtId, 10)] = a.formatCode.replace(/[\\](.)/g, '$1');
        }
      } else if (d === 4 && font && s.tag() === 'name') {
        const v = s.attrs().val;
        if (v !== undefined) font.name = v;
      }
    } else if (ev === EV_CLOSE && s.level() === 2) {
      font = null;
    }
  }
  return new Styles(xfs.length ? xfs : undefined, fonts.length ? fonts : undefined, numFmts);
}

interface Run {
  text?: string;
  font?: { name?: string };
}

type RichValue = { richText: Run[] };
/** A cell value before conversion: shared-string objects ({} for an empty <si>), rich text, errors. */
type RawValue = string | number | boolean | null | undefined | RichValue | { error: string } | Record<string, never>;

/**
 * Reads one <r> run (the scanner is just past its open tag) the way ExcelJS's RichTextXform does:
 * <rPr><rFont val=".."/></rPr> gives the font name, <t> the text (with _xHHHH_ decoded).
 */
function parseRun(s: Scanner): Run {
  const run: Run = {};
  const base = s.level(); // depth of <r>
  let inT = false;
  let text: string[] | null = null;
  for (let ev = s.next(); ev !== EV_END; ev = s.next()) {
    if (ev === EV_OPEN) {
      if (s.level() === base + 1) {
        if (s.tag() === 't') {
          inT = true;
          text = [];
        } else if (s.tag() === 'rPr') run.font = {};
      } else if (s.level() === base + 2 && run.font && s.tag() === 'rFont' && !inT) {
        const v = s.attrs().val;
        if (v !== undefined) run.font.name = v;
      }
    } else if (ev === EV_TEXT) {
      if (inT && text) text.push(s.text());
    } else if (ev === EV_CLOSE) {
      if (s.level() === base - 1) return run; // </r>
      if (s.level() === base && inT) {
        run.text = unescapeX((text as string[]).join(''));
        inT = false;
      }
    }
  }
  return bad('unterminated run');
}

function parseSharedStrings(xml: string): RawValue[] {
  const values: RawValue[] = [];
  const s = new Scanner(xml);
  for (let ev = s.next(); ev !== EV_END; ev = s.next()) {
    if (ev === EV_OPEN) {
      if (s.level() === 1) continue; // <sst>
      if (s.tag() !== 'si' || s.level() !== 2) bad('unexpected <' + s.tag() + '> in shared strings');
      // One <si>: plain <t>, or runs <r>; phonetic runs (<rPh>) and their text are skipped.
      let value: RawValue = {};
      for (ev = s.next(); ev !== EV_END; ev = s.next()) {
        if (ev === EV_CLOSE) {
          if (s.level() === 1) break; // </si>
          continue;
        }
        if (ev !== EV_OPEN || s.level() !== 3) continue;
        if (s.tag() === 't') {
          const parts: string[] = [];
          for (ev = s.next(); ev === EV_TEXT; ev = s.next()) parts.push(s.text());
          if (ev !== EV_CLOSE) bad('markup inside <t>');
          value = unescapeX(parts.join(''));
        } else if (s.tag() === 'r') {
          if (typeof value === 'string') bad('text and runs mixed in one shared string');
          const rich = value as unknown as RichValue;
          if (!rich.richText) rich.richText = [];
          rich.richText.push(parseRun(s));
        } else {
          skipElement(s);
        }
      }
      values.push(value);
    }
  }
  return values;
}

/** Skips the element just opened, with everything inside it. */
function skipElement(s: Scanner): void {
  const d = s.level();
  for (let ev = s.next(); ev !== EV_END; ev = s.next()) if (ev === EV_CLOSE && s.level() === d - 1) return;
  bad('unterminated element');
}

// ---------------------------------------------------------------------------------------------
// Addresses (ExcelJS's colCache rules)

const MAX_COL = 16384;
const MAX_ROW = 1048576;
/**
 * Per sheet: merges, and cells they cover once clipped to the sheet's cells. Far above any real
 * form (the official templates have a few hundred merges), low enough that ExcelJS, which builds
 * a cell object for each merged cell, loads and writes the annotated copy in seconds.
 */
export const MAX_MERGES = 10000;
export const MAX_MERGED_CELLS = 100000;

interface Addr {
  col: number | undefined;
  row: number | undefined;
  /** Normalised "B3" ("$" dropped). */
  address: string;
}

function decodeAddress(value: string, cellLimits = false): Addr {
  let hasCol = false;
  let col = '';
  let colNumber = 0;
  let hasRow = false;
  let row = '';
  let rowNumber = 0;
  for (let i = 0; i < value.length; i++) {
    const ch = value.charCodeAt(i);
    if (!hasRow && ch >= 65 && ch <= 90) {
      hasCol = true;
      col += value[i];
      colNumber = colNumber * 26 + ch - 64;
    } else if (ch >= 48 && ch <= 57) {
      hasRow = true;
      row += value[i];
      rowNumber = rowNumber * 10 + ch - 48;
    } else if (hasRow && hasCol && ch !== 36) {
      break;
    }
  }
  if (hasCol && colNumber > MAX_COL) {
    if (cellLimits) throw new BeyondLimits('columns', colNumber);
    bad('column out of range: ' + col);
  }
  if (cellLimits && hasRow && rowNumber > MAX_ROW) throw new BeyondLimits('rows', rowNumber);
  return { col: hasCol ? colNumber : undefined, row: hasRow ? rowNumber : undefined, address: col + row };
}

/** 1-based column number to letters, refusing what ExcelJS refuses. */
function n2l(n: number): string {
  if (n < 1 || n > MAX_COL) bad('column out of range after translating a shared formula');
  return columnLetters(n - 1);
}


const REPLACEMENT_CANDIDATE_RX = /(([a-z_\-0-9]*)!)?([a-z0-9_$]{2,})([(])?/gi;
const CELL_REF_RX = /^([$])?([a-z]+)([$])?([1-9][0-9]*)$/i;

/** ExcelJS's slideFormula: the master's formula moved to a clone's address. */
function slideFormula(formula: string, fromCell: string, toCell: string): string {
  const offset = decodeAddress(fromCell);
  const to = decodeAddress(toCell);
  return formula.replace(REPLACEMENT_CANDIDATE_RX, (refMatch: string, sheet: string | undefined, _sheetMaybe: string, addrPart: string, trailingParen: string | undefined) => {
    if (trailingParen) return refMatch;
    const match = CELL_REF_RX.exec(addrPart);
    if (!match) return refMatch;
    const colDollar = match[1];
    const colStr = match[2].toUpperCase();
    const rowDollar = match[3];
    const rowStr = match[4];
    if (colStr.length > 3 || (colStr.length === 3 && colStr > 'XFD')) return refMatch;
    let col = columnIndex(colStr) + 1;
    let row = parseInt(rowStr, 10);
    if (!colDollar) col += (to.col as number) - (offset.col as number);
    if (!rowDollar) row += (to.row as number) - (offset.row as number);
    return (sheet || '') + (colDollar || '') + n2l(col) + (rowDollar || '') + row;
  });
}

// ---------------------------------------------------------------------------------------------
// Cells


/** One <c> as ExcelJS's CellXform models it after reconcile (dates already serial numbers). */
interface CellModel {
  address: string | undefined;
  type: number;
  value: RawValue;
  formula?: string;
  shareType?: string;
  si?: string;
  ref?: string;
  sharedFormula?: string;
  result?: RawValue;
  text?: RawValue;
  hyperlink?: string;
  style: StyleModel | null;
  /** The ExcelJS Cell's own address (from r, "$" dropped), once placed. */
  cellAddress?: string;
  translated?: string | null;
}

const MS_PER_DAY = 86400000;
const UNIX_EPOCH_SERIAL = 25569;
const DATE1904_OFFSET = 1462;
const MAX_DATE_MS = 8.64e15;

/** ExcelJS's excelToDate followed by workbookToGrid's dateSerial, without the Date object. */
function dateRoundTrip(v: unknown, date1904: boolean): number | null {
  const n = typeof v === 'number' ? v : Number(v);
  const ms = Math.round((n - 25569 + (date1904 ? 1462 : 0)) * 24 * 3600 * 1000);
  if (!(Math.abs(ms) <= MAX_DATE_MS)) return null; // Invalid Date
  return (ms === 0 ? 0 : ms) / MS_PER_DAY + UNIX_EPOCH_SERIAL - (date1904 ? DATE1904_OFFSET : 0);
}

function isDateFmt(fmt: string | undefined): boolean {
  if (!fmt) return false;
  const f = fmt.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, '');
  return /[ymdhMsb]+/.test(f);
}

function richText(runs: Run[]): string {
  let s = '';
  for (let i = 0; i < runs.length; i++) {
    const t = runs[i].text;
    if (t !== undefined && t !== null) s += t;
  }
  return s;
}

interface Scalarised {
  value: CellScalar;
  error?: string;
}

function scalarise(v: unknown): Scalarised {
  if (v === null || v === undefined) return { value: null };
  const t = typeof v;
  if (t === 'number' || t === 'string' || t === 'boolean') return { value: v as CellScalar };
  if (t === 'object') {
    const o = v as { error?: string; richText?: Run[]; text?: unknown };
    if (typeof o.error === 'string') return { value: null, error: o.error };
    if (Array.isArray(o.richText)) return { value: richText(o.richText) };
    if (o.text !== undefined) return scalarise(o.text);
  }
  return { value: null };
}

function fontOf(m: CellModel): string | undefined {
  const font = m.style && m.style.font;
  return font && font.name ? font.name : undefined;
}

interface SheetState {
  rows: Array<Array<CellModel | undefined> | undefined>;
  /** Whether each row's (last) <row> element says hidden, by 0-based row. */
  hiddenRows: boolean[];
}

/** ExcelJS's utils.parseBoolean, which reads `hidden` on <row> and <col>. */
function xmlTrue(v: string | undefined): boolean {
  return v === 'true' || v === '1';
}

interface ColSpec {
  min: number;
  max: number;
  hidden: boolean;
}

/**
 * Hidden lines as readWorkbook.ts sheetHidden gives them from ExcelJS: <col> elements sorted by min,
 * where two overlap the one starting first wins (ExcelJS's Column.fromModel); both lists limited to
 * the grid's extent.
 */
function hiddenLines(cols: ColSpec[], hiddenRows: boolean[], rows: SheetGrid['rows']): HiddenLines {
  const hidden: HiddenLines = { rows: [], columns: [] };
  let width = 0;
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r];
    if (row && row.length > width) width = row.length;
  }
  const n = Math.min(hiddenRows.length, rows.length);
  for (let r = 0; r < n; r++) if (hiddenRows[r]) hidden.rows.push(r);
  cols.sort((a, b) => a.min - b.min);
  let count = 1;
  for (const col of cols) {
    if (count < col.min) count = col.min;
    for (; count <= col.max && count <= width; count++) if (col.hidden) hidden.columns.push(count - 1);
    if (count > width) break;
  }
  return hidden;
}

/** Mirrors readWorkbook.ts convertCell over an ExcelJS cell of this model. */
function toGridCell(m: CellModel, sheet: SheetState): GridCell | null {
  const type = m.type;
  if (type === T_NULL || type === T_MERGE) return null;
  let out: GridCell;
  switch (type) {
    case T_NUMBER:
    case T_STRING:
    case T_BOOLEAN:
    case T_DATE: {
      const v = m.value;
      if (v !== null && typeof v === 'object') {
        const s = scalarise(v);
        out = s.error !== undefined ? { value: null, error: s.error } : { value: s.value };
      } else {
        out = { value: v === undefined ? null : (v as CellScalar) };
      }
      break;
    }
    case T_RICH_TEXT: {
      const v = m.value as RichValue;
      const runs = v && Array.isArray(v.richText) ? v.richText : [];
      out = { value: richText(runs) };
      const font = fontOf(m) || (runs.length && runs[0].font && runs[0].font.name) || undefined;
      if (font) out.font = font;
      return out;
    }
    case T_FORMULA: {
      const formula = m.formula || translatedFormula(m, sheet);
      const s = scalarise(m.result);
      out = { value: s.value };
      // As readWorkbook.ts: the core sees "NUMBERVALUE", not the file's "_xlfn.NUMBERVALUE".
      if (formula) out.formula = fromFileFormula(formula);
      if (s.error !== undefined) out.error = s.error;
      break;
    }
    case T_HYPERLINK: {
      const s = scalarise(m.text);
      out = { value: s.value };
      if (m.hyperlink) out.hyperlink = m.hyperlink;
      if (s.error !== undefined) out.error = s.error;
      break;
    }
    default: {
      // T_ERROR
      const s = scalarise(m.value);
      out = s.error !== undefined ? { value: null, error: s.error } : { value: s.value };
    }
  }
  const font = fontOf(m);
  if (font) out.font = font;
  return out;
}

/** A shared-formula clone's text: the master's formula slid to this cell (ExcelJS's FormulaValue). */
function translatedFormula(m: CellModel, sheet: SheetState): string | undefined {
  if (m.translated !== undefined) return m.translated || undefined;
  let result: string | null = null;
  if (m.sharedFormula) {
    const a = decodeAddress(m.sharedFormula);
    const row = a.row !== undefined ? sheet.rows[a.row - 1] : undefined;
    const master = row && a.col !== undefined ? row[a.col - 1] : undefined;
    if (master && master.type === T_FORMULA) {
      const f = master.formula || translatedFormula(master, sheet);
      // ExcelJS slides from the master cell's own address to this model's address.
      if (f) result = slideFormula(f, master.cellAddress as string, m.address as string);
    }
  }
  m.translated = result;
  return result || undefined;
}

// ---------------------------------------------------------------------------------------------
// Worksheet

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

interface ParseOptions {
  styles: Styles | null;
  sharedStrings: RawValue[] | null;
  date1904: boolean;
}

function reconcileCell(m: CellModel, styleId: number | undefined, opts: ParseOptions, formulae: Record<string, string>, hyperlinkMap: Record<string, string>): void {
  const style = styleId && opts.styles ? opts.styles.get(styleId) : null;
  m.style = style || null;
  switch (m.type) {
    case T_STRING:
      if (typeof m.value === 'number' && opts.sharedStrings) {
        m.value = opts.sharedStrings[m.value];
        if (m.value === undefined) bad('shared string index out of range');
      }
      if (m.value !== null && typeof m.value === 'object' && (m.value as RichValue).richText) m.type = T_RICH_TEXT;
      break;
    case T_NUMBER:
      if (style && isDateFmt(style.numFmt)) {
        m.type = T_DATE;
        m.value = dateRoundTrip(m.value, opts.date1904);
      }
      break;
    case T_FORMULA:
      if (m.result !== undefined && style && isDateFmt(style.numFmt)) m.result = dateRoundTrip(m.result, opts.date1904);
      if (m.shareType === 'shared') {
        if (m.ref) formulae[m.si as string] = m.address as string;
        else {
          m.sharedFormula = formulae[m.si as string];
          m.shareType = undefined;
        }
      }
      break;
    default:
      break;
  }
  const link = hyperlinkMap[m.address as string];
  if (link) {
    if (m.type === T_FORMULA) {
      m.text = m.result;
      m.result = undefined;
    } else {
      m.text = m.value;
      m.value = undefined;
    }
    m.type = T_HYPERLINK;
    m.hyperlink = link;
  }
}

/** sheetN.xml -> rows of cell models, merges applied; then the grid rows. */
function parseWorksheet(xml: string, rels: Record<string, Rel> | null, opts: ParseOptions): { rows: SheetGrid['rows']; merges: CellRange[]; hidden: HiddenLines; clipped: boolean } {
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

/**
 * Merges, as Worksheet._mergeCellsInternal: the master stays, every other cell becomes "merged".
 * Each merge is first clipped to the sheet's cells (what lies beyond them is empty either way), so
 * a few bytes naming A200:XFD1048576 cost nothing; what remains is applied cell by cell, overlaps
 * found through the cells already covered, and the whole is bounded by MAX_MERGED_CELLS: time and
 * memory linear in the merged cells of the sheet, not in the merges times each other.
 */
function applyMerges(sheet: SheetState, mergeRefs: Array<string | undefined>): { ranges: CellRange[]; clipped: boolean } {
  if (mergeRefs.length > MAX_MERGES) throw new BeyondLimits('merges', mergeRefs.length, MAX_MERGES);
  let lastRow = -1;
  let lastCol = -1;
  for (let r = 0; r < sheet.rows.length; r++) {
    const row = sheet.rows[r];
    if (!row || row.length === 0) continue;
    lastRow = r;
    if (row.length - 1 > lastCol) lastCol = row.length - 1;
  }
  const ranges: CellRange[] = [];
  const covered = new Set<number>();
  let clipped = false;
  let area = 0;
  for (const ref of mergeRefs) {
    if (ref === undefined) bad('mergeCell without ref');
    const whole = decodeRange(ref);
    if (whole.top > lastRow || whole.left > lastCol) {
      clipped = true;
      continue;
    }
    const r: CellRange = { top: whole.top, left: whole.left, bottom: Math.min(whole.bottom, lastRow), right: Math.min(whole.right, lastCol) };
    if (r.bottom !== whole.bottom || r.right !== whole.right) clipped = true;
    area += (r.bottom - r.top + 1) * (r.right - r.left + 1);
    if (area > MAX_MERGED_CELLS) throw new BeyondLimits('merged-cells', area);
    for (let i = r.top; i <= r.bottom; i++) {
      const row = sheet.rows[i];
      // ExcelJS gives every row of a merge its cells up to the merge's right edge: same row lengths.
      if (row && row.length <= r.right) row.length = r.right + 1;
      for (let j = r.left; j <= r.right; j++) {
        const key = i * MAX_COL + j;
        if (covered.has(key)) bad('overlapping merged cells');
        covered.add(key);
        if (i === r.top && j === r.left) continue;
        const existing = row ? row[j] : undefined;
        if (existing) existing.type = T_MERGE;
      }
    }
    ranges.push(r);
  }
  return { ranges, clipped };
}

function decodeRange(ref: string): CellRange {
  const bang = ref.lastIndexOf('!');
  const body = bang >= 0 ? ref.slice(bang + 1) : ref;
  const parts = body.split(':');
  const tl = decodeAddress(parts[0]);
  const br = parts.length === 2 ? decodeAddress(parts[1]) : tl;
  if (tl.row === undefined || tl.col === undefined || br.row === undefined || br.col === undefined || !tl.row || !tl.col || !br.row || !br.col) {
    bad('bad merge range ' + ref);
  }
  return {
    top: Math.min(tl.row, br.row) - 1,
    left: Math.min(tl.col, br.col) - 1,
    bottom: Math.max(tl.row, br.row) - 1,
    right: Math.max(tl.col, br.col) - 1,
  };
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
      m.cellAddress = n2l(col) + number;
    } else {
      bad('cell without an address');
    }
    prevCol = col;
    cells[col - 1] = m;
  }
  bad('unterminated row');
}

// ---------------------------------------------------------------------------------------------
// Workbook

const WORKSHEET_RX = /xl\/worksheets\/sheet(\d+)[.]xml/;
const WORKSHEET_RELS_RX = /xl\/worksheets\/_rels\/sheet(\d+)[.]xml.rels/;

/** ExcelJS's Worksheet name setter checks (a name it refuses makes the load fail). */
function checkSheetName(name: string, taken: string[]): string {
  if (name === '') bad("sheet name can't be empty");
  if (name === 'History') bad('sheet name "History" is reserved');
  if (/[*?:/\\[\]]/.test(name)) bad('sheet name with an illegal character');
  if (/(^')|('$)/.test(name)) bad('sheet name starting or ending with a quote');
  // ExcelJS 4.4 truncates a long name and then finds the truncated sheet "already exists".
  if (name.length > 31) bad('sheet name longer than 31 characters');
  const lower = name.toLowerCase();
  for (const t of taken) if (t.toLowerCase() === lower) bad('duplicate sheet name');
  return name;
}

/** The grid, and the merge lists to write back into parts whose merges were clipped (for ExcelJS). */
export interface PackageGrid {
  grid: WorkbookGrid;
  clippedMerges: Record<string, CellRange[]>;
}

async function gridFromPackage(pkg: XlsxPackage): Promise<PackageGrid> {
  if (!pkg.has('xl/workbook.xml')) bad('no xl/workbook.xml');
  const optional = (name: string): Promise<string | null> => (pkg.has(name) ? pkg.text(name) : Promise.resolve(null));
  const [workbookXml, workbookRelsXml, stylesXml, sharedXml] = await Promise.all([
    pkg.text('xl/workbook.xml'),
    optional('xl/_rels/workbook.xml.rels'),
    optional('xl/styles.xml'),
    optional('xl/sharedStrings.xml'),
  ]);
  const book = parseWorkbookXml(workbookXml);
  const workbookRels = workbookRelsXml !== null ? parseRels(workbookRelsXml) : {};

  // Which worksheet parts the workbook names (chartsheets and strays are not ExcelJS worksheets).
  const sheetNoOf: Record<string, string> = Object.create(null);
  const relsBySheetNo: Record<string, string> = Object.create(null);
  for (const name of pkg.names) {
    const m = WORKSHEET_RX.exec(name);
    if (m) {
      sheetNoOf[name] = m[1];
      continue;
    }
    const r = WORKSHEET_RELS_RX.exec(name);
    if (r) relsBySheetNo[r[1]] = name;
  }
  const defsByPath: Record<string, SheetDef> = Object.create(null);
  for (const def of book.sheets) {
    const rel = def.rId !== undefined && Object.prototype.hasOwnProperty.call(workbookRels, def.rId) ? workbookRels[def.rId] : undefined;
    // Excel refuses a sheet without its part; ExcelJS would drop it in silence.
    if (!rel) bad('sheet "' + def.name + '" has no relationship to its part');
    if (typeof rel.Target !== 'string') bad('workbook relationship without a target');
    const path = excelJsTarget(rel.Target);
    if (path in sheetNoOf) defsByPath[path] = def;
    else if (/\/worksheet$/.test(rel.Type || '')) bad('worksheet "' + def.name + '" names a part the file does not hold');
  }

  const opts: ParseOptions = {
    styles: stylesXml !== null ? parseStyles(stylesXml) : null,
    sharedStrings: sharedXml !== null ? parseSharedStrings(sharedXml) : null,
    date1904: book.date1904,
  };

  // Workbook.model: sheets indexed by sheetId, ordered by their place in workbook.xml.
  const slots: Array<{ orderNo: number; sheet: SheetGrid } | undefined> = [];
  const taken: string[] = [];
  const clippedMerges: Record<string, CellRange[]> = Object.create(null);
  // One sheet at a time: a sheet's XML is released before the next is inflated.
  for (const path of pkg.names) {
    const def = defsByPath[path];
    if (!def) continue;
    const name = checkSheetName(def.name === undefined ? 'sheet' + def.id : def.name, taken);
    taken.push(name);
    const sheet: SheetGrid = { name, rows: [] };
    const orderNo = book.sheets.findIndex((d) => d.id === def.id);
    (slots as unknown as Record<string, unknown>)[def.id as unknown as string] = { orderNo, sheet };
    const relsPath = relsBySheetNo[sheetNoOf[path]];
    const [xml, relsXml] = await Promise.all([pkg.text(path), relsPath ? pkg.text(relsPath) : Promise.resolve(null)]);
    const parsed = parseWorksheet(xml, relsXml !== null ? parseRels(relsXml) : null, opts);
    sheet.rows = parsed.rows;
    if (parsed.merges.length) sheet.merges = parsed.merges;
    sheet.hidden = parsed.hidden;
    if (parsed.clipped) clippedMerges[path] = parsed.merges;
  }
  const sheets = slots
    .slice(1)
    .sort((a, b) => (a as { orderNo: number }).orderNo - (b as { orderNo: number }).orderNo)
    .filter(Boolean)
    .map((x) => (x as { sheet: SheetGrid }).sheet);
  return { grid: { sheets }, clippedMerges };
}

/** Every failure while reading a package, as the one WorkbookInputError the user sees. */
export function asInputError(error: unknown, fileName: string): WorkbookInputError {
  if (error instanceof WorkbookInputError) return error;
  if (error instanceof BeyondLimits) return new WorkbookInputError('beyond-limits', fileName, { limitKind: error.what, found: error.found, limit: error.limit, detail: error.message });
  if (error instanceof RangeError && /Invalid (string|array|typed array) length|Array buffer allocation failed/i.test(error.message)) {
    return new WorkbookInputError('too-large', fileName, { detail: error.message });
  }
  return new WorkbookInputError('corrupt', fileName, { detail: error instanceof Error ? error.message : String(error) });
}

/** An opened package -> grid, with the merges clipped per part; every failure a WorkbookInputError. */
export async function readGridFromPackage(pkg: XlsxPackage): Promise<PackageGrid> {
  let read: PackageGrid;
  try {
    read = await gridFromPackage(pkg);
  } catch (error) {
    throw asInputError(error, pkg.fileName);
  }
  if (read.grid.sheets.length === 0) throw new WorkbookInputError('corrupt', pkg.fileName, { detail: 'no worksheets' });
  read.grid.fileName = pkg.fileName;
  return read;
}

/** Opens the package (zip guard, counted inflation), every failure a WorkbookInputError. */
export async function openPackage(bytes: Uint8Array, fileName: string, limits?: Partial<ZipLimits>): Promise<XlsxPackage> {
  try {
    return await openXlsxPackage(bytes, fileName, limits);
  } catch (error) {
    throw asInputError(error, fileName);
  }
}

/**
 * .xlsx bytes -> grid, as `workbookToGrid(ExcelJS load)` of the same package gives it, with the
 * same zip guard first and the same WorkbookInputError codes for bad input.
 */
export async function readGridFromXlsxBytes(bytes: Uint8Array, fileName: string, limits?: Partial<ZipLimits>): Promise<WorkbookGrid> {
  const pkg = await openPackage(bytes, fileName, limits);
  return (await readGridFromPackage(pkg)).grid;
}

/** Same as readWorkbookFile (stat, size limit, error codes), grid only. */
export async function readGridFromXlsxFile(path: string, limits?: Partial<ZipLimits>): Promise<WorkbookGrid> {
  const { bytes, limits: lim, baseName } = readWorkbookFileBytes(path, limits);
  const grid = await readGridFromXlsxBytes(bytes, path, lim);
  grid.fileName = baseName;
  return grid;
}
