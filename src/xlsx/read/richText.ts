import { bad } from './malformed';
import { EV_CLOSE, EV_END, EV_OPEN, EV_TEXT, Scanner, unescapeX } from './xmlScanner';

/** One rich-text run: its text and font name (shared strings and inline strings alike). */
export interface Run {
  text?: string;
  font?: { name?: string };
}

export type RichValue = { richText: Run[] };
/** A cell value before conversion: shared-string objects ({} for an empty <si>), rich text, errors. */
export type RawValue = string | number | boolean | null | undefined | RichValue | { error: string } | Record<string, never>;

/**
 * Reads one <r> run (the scanner is just past its open tag) the way ExcelJS's RichTextXform does:
 * <rPr><rFont val=".."/></rPr> gives the font name, <t> the text (with _xHHHH_ decoded).
 */
export function parseRun(s: Scanner): Run {
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

/** The plain text of a rich-text value: its runs joined. */
export function richText(runs: Run[]): string {
  let s = '';
  for (let i = 0; i < runs.length; i++) {
    const t = runs[i].text;
    if (t !== undefined && t !== null) s += t;
  }
  return s;
}
