import { EV_END, EV_OPEN, Scanner } from './xmlScanner';

/** One <Relationship> of a .rels part, attributes as written. */
export interface Rel {
  Id?: string;
  Target?: string;
  Type?: string;
}

/** A .rels part: its relationships by Id. */
export function parseRels(xml: string): Record<string, Rel> {
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
