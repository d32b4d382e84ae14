import { SUMMARY_LINK_COLOR, SUMMARY_LINK_UNDERLINE } from '../../core/plan';
import { applySplices, attributesOf, isSelfClosing, setAttribute, Splice, TOKEN_RX, xmlDecode, xmlEscape } from './xmlText';

/**
 * styles.xml, append only: new number formats, fonts, fills and cell formats (xf) go at the end of
 * their lists, so every index the workbook already uses keeps its meaning. A new xf is a copy of the
 * cell's own xf with one thing changed (number format or fill): its font, border, alignment and
 * protection stay. Entries are shared: the same change to the same xf gives one new xf.
 */

/** Excel's built-in number formats by code (ECMA-376 18.8.30); anything else is custom from 164. */
const BUILTIN_FORMATS: Record<string, number> = {
  General: 0,
  '0': 1,
  '0.00': 2,
  '#,##0': 3,
  '#,##0.00': 4,
  '0%': 9,
  '0.00%': 10,
  '0.00E+00': 11,
  '# ?/?': 12,
  '# ??/??': 13,
  '@': 49,
};

const DEFAULT_XF = '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>';

/** A styles part for a package that has none (allowed: every cell then has the default format). */
export const MINIMAL_STYLES_XML =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
  '<fonts count="1"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="1">' +
  DEFAULT_XF +
  '</cellXfs>' +
  '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
  '</styleSheet>';

interface ListSection {
  /** Whole opening tag and where it is. */
  openTag: string;
  openStart: number;
  openEnd: number;
  /** Where the closing tag starts (new entries go there); -1 when the list is self-closing. */
  closeStart: number;
  /** Entries already there, as text (each child element whole). */
  items: string[];
}

export interface CellStyleChange {
  numberFormat?: string;
  /** Solid fill colour, ARGB. */
  fill?: string;
}

export interface SummaryStyle {
  bold?: boolean;
  link?: boolean;
  numberFormat?: string;
  /** Solid background, RRGGBB or ARGB (the legend's colour swatches). */
  fill?: string;
}

export class StylesEditor {
  private readonly xml: string;
  private readonly prefix: string;
  private readonly rootOpenEnd: number;
  private readonly sections: Record<string, ListSection> = Object.create(null);
  private readonly formatIdByCode: Record<string, number> = Object.create(null);
  private nextFormatId = 164;
  private readonly newFormats: string[] = [];
  private readonly added: Record<string, string[]> = { fonts: [], fills: [], cellXfs: [] };
  private readonly xfIndexByText: Record<string, number> = Object.create(null);
  private readonly fillIdByColor: Record<string, number> = Object.create(null);
  private readonly fillIndexByText: Record<string, number> = Object.create(null);
  private readonly fontIndexByText: Record<string, number> = Object.create(null);
  private readonly fontIdByKind: Record<string, number> = Object.create(null);
  private readonly changeCache: Record<string, number> = Object.create(null);
  /** Differential formats (conditional formats' fills): appended like the rest, found again by text. */
  private readonly newDxfs: string[] = [];
  private readonly dxfIndexByText: Record<string, number> = Object.create(null);
  /** Where a new <dxfs> goes when the part has none: before the first of tableStyles, colors, extLst. */
  private afterDxfs = -1;

  constructor(xml: string) {
    this.xml = xml;
    TOKEN_RX.lastIndex = 0;
    let root: RegExpExecArray | null = null;
    for (let m = TOKEN_RX.exec(xml); m; m = TOKEN_RX.exec(xml)) {
      if (m[3] !== undefined && m[1] === '') {
        root = m;
        break;
      }
    }
    if (!root || root[3] !== 'styleSheet') throw new Error('styles part without a styleSheet');
    this.prefix = root[2] || '';
    this.rootOpenEnd = TOKEN_RX.lastIndex;
    this.scan();
    for (const item of this.sections.numFmts ? this.sections.numFmts.items : []) {
      const a = attributesOf(item);
      const id = parseInt(a.numFmtId, 10);
      if (!isFinite(id)) continue;
      const code = xmlDecode(a.formatCode || '');
      if (!(code in this.formatIdByCode)) this.formatIdByCode[code] = id;
      if (id >= this.nextFormatId) this.nextFormatId = id + 1;
    }
    for (const name of ['fonts', 'fills', 'cellXfs']) if (!this.sections[name]) throw new Error('styles part without <' + name + '>');
    // What an earlier run added is found again by its text: a second run adds nothing.
    this.sections.cellXfs.items.forEach((text, i) => {
      if (!(text in this.xfIndexByText)) this.xfIndexByText[text] = i;
    });
    this.sections.fills.items.forEach((text, i) => {
      if (!(text in this.fillIndexByText)) this.fillIndexByText[text] = i;
    });
    this.sections.fonts.items.forEach((text, i) => {
      if (!(text in this.fontIndexByText)) this.fontIndexByText[text] = i;
    });
    (this.sections.dxfs ? this.sections.dxfs.items : []).forEach((text, i) => {
      if (!(text in this.dxfIndexByText)) this.dxfIndexByText[text] = i;
    });
  }

  /** One pass over the part: the direct lists of styleSheet and their direct children. */
  private scan(): void {
    const xml = this.xml;
    const wanted: Record<string, boolean> = { numFmts: true, fonts: true, fills: true, cellXfs: true, dxfs: true };
    let depth = 1;
    let current: ListSection | null = null;
    let itemStart = -1;
    TOKEN_RX.lastIndex = this.rootOpenEnd;
    for (let m = TOKEN_RX.exec(xml); m; m = TOKEN_RX.exec(xml)) {
      if (m[3] === undefined) continue;
      const closing = m[1] === '/';
      const empty = !closing && isSelfClosing(m[4]);
      if (closing) {
        depth--;
        if (depth === 0) break;
        if (current && depth === 1) {
          current.closeStart = m.index;
          current = null;
        } else if (current && depth === 2 && itemStart >= 0) {
          current.items.push(xml.slice(itemStart, TOKEN_RX.lastIndex));
          itemStart = -1;
        }
        continue;
      }
      if (depth === 1 && this.afterDxfs < 0 && (m[3] === 'tableStyles' || m[3] === 'colors' || m[3] === 'extLst')) this.afterDxfs = m.index;
      if (depth === 1 && wanted[m[3]] && (m[2] || '') === this.prefix && !this.sections[m[3]]) {
        const section: ListSection = { openTag: m[0], openStart: m.index, openEnd: TOKEN_RX.lastIndex, closeStart: -1, items: [] };
        this.sections[m[3]] = section;
        if (!empty) current = section;
      } else if (depth === 2 && current) {
        if (empty) current.items.push(m[0]);
        else itemStart = m.index;
      }
      if (!empty) depth++;
    }
  }

  private tag(name: string): string {
    return this.prefix + name;
  }

  private formatId(code: string): number {
    if (code in BUILTIN_FORMATS) return BUILTIN_FORMATS[code];
    if (code in this.formatIdByCode) return this.formatIdByCode[code];
    const id = this.nextFormatId++;
    this.formatIdByCode[code] = id;
    this.newFormats.push('<' + this.tag('numFmt') + ' numFmtId="' + id + '" formatCode="' + xmlEscape(code) + '"/>');
    return id;
  }

  private add(list: 'fonts' | 'fills' | 'cellXfs', text: string): number {
    this.added[list].push(text);
    return this.sections[list].items.length + this.added[list].length - 1;
  }

  private xfText(index: number): string {
    if (index < this.sections.cellXfs.items.length) return this.sections.cellXfs.items[index];
    const extra = index - this.sections.cellXfs.items.length;
    if (extra < this.added.cellXfs.length) return this.added.cellXfs[extra];
    const first = this.sections.cellXfs.items[0];
    return first !== undefined ? first : DEFAULT_XF.replace('<xf', '<' + this.tag('xf'));
  }

  private xfIndex(text: string): number {
    if (text in this.xfIndexByText) return this.xfIndexByText[text];
    const i = this.add('cellXfs', text);
    this.xfIndexByText[text] = i;
    return i;
  }

  /** An xf's text with attributes set on its opening tag only (children kept as they are). */
  private static withAttributes(xf: string, attrs: Array<[string, string]>): string {
    const open = /^<[^>]*>/.exec(xf) as RegExpExecArray;
    let tag = open[0];
    for (const [name, value] of attrs) tag = setAttribute(tag, name, value);
    return tag + xf.slice(open[0].length);
  }

  private fillId(argb: string): number {
    if (argb in this.fillIdByColor) return this.fillIdByColor[argb];
    const p = this.prefix;
    const text = '<' + p + 'fill><' + p + 'patternFill patternType="solid"><' + p + 'fgColor rgb="' + argb + '"/><' + p + 'bgColor indexed="64"/></' + p + 'patternFill></' + p + 'fill>';
    const id = text in this.fillIndexByText ? this.fillIndexByText[text] : this.add('fills', text);
    this.fillIdByColor[argb] = id;
    return id;
  }

  /** The xf index for a cell whose xf was `base` (its `s`, 0 when absent) after `change`. */
  cellStyle(base: number, change: CellStyleChange): number {
    const key = base + '|' + (change.numberFormat === undefined ? '' : change.numberFormat) + '|' + (change.fill || '');
    if (key in this.changeCache) return this.changeCache[key];
    const attrs: Array<[string, string]> = [];
    if (change.numberFormat !== undefined) attrs.push(['numFmtId', String(this.formatId(change.numberFormat))], ['applyNumberFormat', '1']);
    if (change.fill) attrs.push(['fillId', String(this.fillId(change.fill))], ['applyFill', '1']);
    const index = attrs.length ? this.xfIndex(StylesEditor.withAttributes(this.xfText(base), attrs)) : base;
    this.changeCache[key] = index;
    return index;
  }

  private fontId(kind: 'bold' | 'link'): number {
    if (kind in this.fontIdByKind) return this.fontIdByKind[kind];
    const p = this.prefix;
    // The workbook's default font (font 0) with bold, or with the link's underline and colour, so
    // the summary reads in the workbook's own typeface.
    let font = this.sections.fonts.items[0] || '<' + p + 'font/>';
    font = font.replace(/^<([^>]*?)\s*\/>$/, '<$1></' + p + 'font>');
    const open = /^<[^>]*>/.exec(font) as RegExpExecArray;
    let body = font.slice(open[0].length);
    let extra: string;
    if (kind === 'bold') {
      body = body.replace(new RegExp('<' + p + 'b\\b[^>]*/>', 'g'), '');
      extra = '<' + p + 'b/>';
    } else {
      body = body.replace(new RegExp('<' + p + '(u|color)\\b[^>]*/>', 'g'), '');
      extra = (SUMMARY_LINK_UNDERLINE ? '<' + p + 'u/>' : '') + '<' + p + 'color rgb="' + SUMMARY_LINK_COLOR + '"/>';
    }
    const text = open[0] + extra + body;
    const id = text in this.fontIndexByText ? this.fontIndexByText[text] : this.add('fonts', text);
    this.fontIdByKind[kind] = id;
    return id;
  }

  /** An xf for a summary-sheet cell: the default xf with its number format and bold or link font. */
  summaryStyle(style: SummaryStyle): number {
    const attrs: Array<[string, string]> = [];
    if (style.numberFormat) attrs.push(['numFmtId', String(this.formatId(style.numberFormat))], ['applyNumberFormat', '1']);
    if (style.link || style.bold) attrs.push(['fontId', String(this.fontId(style.link ? 'link' : 'bold'))], ['applyFont', '1']);
    if (style.fill) {
      const hex = style.fill.replace(/^#/, '').toUpperCase();
      attrs.push(['fillId', String(this.fillId(hex.length === 8 ? hex : 'FF' + hex))], ['applyFill', '1']);
    }
    if (!attrs.length) return 0;
    // Built from a plain xf, not the workbook's xf 0, which may carry a fill or a border.
    const base = '<' + this.tag('xf') + ' numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>';
    return this.xfIndex(StylesEditor.withAttributes(base, attrs));
  }

  /**
   * The dxf index of a conditional format's solid fill (RRGGBB or ARGB): Excel's own form, the colour
   * as the pattern's background. One per colour; an earlier run's is found again by its text.
   */
  dxfId(color: string): number {
    const hex = color.replace(/^#/, '').toUpperCase();
    const p = this.prefix;
    const text =
      '<' +
      p +
      'dxf><' +
      p +
      'fill><' +
      p +
      'patternFill patternType="solid"><' +
      p +
      'bgColor rgb="' +
      (hex.length === 8 ? hex : 'FF' + hex) +
      '"/></' +
      p +
      'patternFill></' +
      p +
      'fill></' +
      p +
      'dxf>';
    if (text in this.dxfIndexByText) return this.dxfIndexByText[text];
    this.newDxfs.push(text);
    const index = (this.sections.dxfs ? this.sections.dxfs.items.length : 0) + this.newDxfs.length - 1;
    this.dxfIndexByText[text] = index;
    return index;
  }

  changed(): boolean {
    return this.newFormats.length + this.added.fonts.length + this.added.fills.length + this.added.cellXfs.length + this.newDxfs.length > 0;
  }

  /** The part with the new entries appended and each list's count updated. */
  text(): string {
    const splices: Splice[] = [];
    const appendTo = (name: string, entries: string[]) => {
      if (!entries.length) return;
      const s = this.sections[name];
      const count = String(s.items.length + entries.length);
      if (s.closeStart < 0) {
        const open = setAttribute(s.openTag, 'count', count).replace(/\s*\/>$/, '>');
        splices.push({ start: s.openStart, end: s.openEnd, text: open + entries.join('') + '</' + this.tag(name) + '>' });
      } else {
        splices.push({ start: s.openStart, end: s.openEnd, text: setAttribute(s.openTag, 'count', count) });
        splices.push({ start: s.closeStart, end: s.closeStart, text: entries.join('') });
      }
    };
    if (this.newFormats.length) {
      if (this.sections.numFmts) appendTo('numFmts', this.newFormats);
      // numFmts is the first child of styleSheet in the schema.
      else
        splices.push({
          start: this.rootOpenEnd,
          end: this.rootOpenEnd,
          text: '<' + this.tag('numFmts') + ' count="' + this.newFormats.length + '">' + this.newFormats.join('') + '</' + this.tag('numFmts') + '>',
        });
    }
    appendTo('fonts', this.added.fonts);
    appendTo('fills', this.added.fills);
    appendTo('cellXfs', this.added.cellXfs);
    if (this.newDxfs.length) {
      if (this.sections.dxfs) appendTo('dxfs', this.newDxfs);
      else {
        const at = this.afterDxfs >= 0 ? this.afterDxfs : this.xml.lastIndexOf('</' + this.tag('styleSheet'));
        splices.push({ start: at, end: at, text: '<' + this.tag('dxfs') + ' count="' + this.newDxfs.length + '">' + this.newDxfs.join('') + '</' + this.tag('dxfs') + '>' });
      }
    }
    return applySplices(this.xml, splices);
  }
}
