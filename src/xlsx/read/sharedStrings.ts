import { bad } from './malformed';
import { parseRun, RawValue, RichValue } from './richText';
import { EV_CLOSE, EV_END, EV_OPEN, EV_TEXT, Scanner, skipElement, unescapeX } from './xmlScanner';

/**
 * xl/sharedStrings.xml: one value per <si>, in order. A plain <t> gives its text (`_xHHHH_`
 * decoded), runs give { richText }, an <si> with neither gives {} (as ExcelJS models it).
 */
export function parseSharedStrings(xml: string): RawValue[] {
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
