import { bad } from './malformed';
import { EV_CLOSE, EV_END, EV_OPEN, Scanner } from './xmlScanner';

/** What the grid reads of a cell style: its font name and number format. */
export interface StyleModel {
  numFmt?: string;
  font?: { name?: string };
}

interface Xf {
  numFmtId: number;
  fontId: number;
}

/** Excel's built-in number formats, by numFmtId. */
const DEFAULT_FMT: Record<number, string> = {
  0: 'General',
  1: '0',
  2: '0.00',
  3: '#,##0',
  4: '#,##0.00',
  9: '0%',
  10: '0.00%',
  11: '0.00E+00',
  12: '# ?/?',
  13: '# ??/??',
  14: 'mm-dd-yy',
  15: 'd-mmm-yy',
  16: 'd-mmm',
  17: 'mmm-yy',
  18: 'h:mm AM/PM',
  19: 'h:mm:ss AM/PM',
  20: 'h:mm',
  21: 'h:mm:ss',
  22: 'm/d/yy "h":mm',
  37: '#,##0 ;(#,##0)',
  38: '#,##0 ;[Red](#,##0)',
  39: '#,##0.00 ;(#,##0.00)',
  40: '#,##0.00 ;[Red](#,##0.00)',
  45: 'mm:ss',
  46: '[h]:mm:ss',
  47: 'mmss.0',
  48: '##0.0E+0',
  49: '@',
};

export class Styles {
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

/** xl/styles.xml: fonts, cell formats (cellXfs) and custom number formats. */
export function parseStyles(xml: string): Styles {
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

/** Whether a number format shows a date or time (ExcelJS's test), once bracketed and quoted parts are dropped. */
export function isDateFmt(fmt: string | undefined): boolean {
  if (!fmt) return false;
  const f = fmt.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, '');
  return /[ymdhMsb]+/.test(f);
}
