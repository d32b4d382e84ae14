/**
 * The little XML the patcher needs, on the original text of a part: tags found by one regular
 * expression (comments, CDATA and processing instructions skipped whole, so a "<c" inside them is
 * never taken for a cell), attributes read and rewritten in place, text escaped. No DOM: a part is
 * edited by splicing, so everything the patcher does not touch keeps its exact spelling.
 */

/**
 * One token: a comment / CDATA / PI (group 1..5 undefined), or a tag: 1 "/" for a closing tag,
 * 2 the prefix with its colon, 3 the local name, 4 the attribute text (ends with "/" when empty).
 */
export const TOKEN_RX = /<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>|<[?!][^>]*>|<(\/?)([A-Za-z_][\w.-]*:)?([A-Za-z_][\w.-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>/g;

const ATTR_RX = /([A-Za-z_][\w.:-]*)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

/** Attribute name (as spelled, prefix included) → raw (still escaped) value. */
export function attributesOf(attrText: string): Record<string, string> {
  const out: Record<string, string> = Object.create(null);
  ATTR_RX.lastIndex = 0;
  for (let m = ATTR_RX.exec(attrText); m; m = ATTR_RX.exec(attrText)) out[m[1]] = m[2] !== undefined ? m[2] : m[3];
  return out;
}

export function isSelfClosing(attrText: string): boolean {
  return attrText.charAt(attrText.length - 1) === '/';
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

export function xmlDecode(raw: string): string {
  if (raw.indexOf('&') < 0) return raw;
  return raw.replace(/&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g, (_, e: string) => {
    if (e.charAt(0) !== '#') return ENTITIES[e];
    const code = e.charAt(1) === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
    return String.fromCodePoint(code);
  });
}

/** Text or attribute value; characters XML 1.0 forbids are dropped (Excel would refuse the part). */
export function xmlEscape(text: string): string {
  return text
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

/**
 * The opening tag with `name` set to `value` (added before the end when absent). `tag` is the whole
 * "<x:c r=… s=…>" or "<c …/>" text; every other attribute keeps its spelling and order.
 */
export function setAttribute(tag: string, name: string, value: string): string {
  const rx = new RegExp('(\\s' + name.replace(/[.:]/g, '\\$&') + '\\s*=\\s*)("[^"]*"|\'[^\']*\')');
  if (rx.test(tag)) return tag.replace(rx, (_, head: string) => head + '"' + value + '"');
  const end = tag.charAt(tag.length - 2) === '/' ? tag.length - 2 : tag.length - 1;
  return tag.slice(0, end) + ' ' + name + '="' + value + '"' + tag.slice(end);
}

/** The opening tag without attribute `name`. */
export function removeAttribute(tag: string, name: string): string {
  const rx = new RegExp('\\s' + name.replace(/[.:]/g, '\\$&') + '\\s*=\\s*("[^"]*"|\'[^\']*\')');
  return tag.replace(rx, '');
}

/** Namespace URI → the first prefix a part binds to it ("" for a default declaration). */
export function prefixesOf(xml: string): Record<string, string> {
  const out: Record<string, string> = Object.create(null);
  const rx = /\sxmlns(?::([A-Za-z_][\w.-]*))?\s*=\s*(?:"([^"]*)"|'([^']*)')/g;
  for (let m = rx.exec(xml); m; m = rx.exec(xml)) {
    const uri = m[2] !== undefined ? m[2] : (m[3] as string);
    if (!(uri in out)) out[uri] = m[1] || '';
  }
  return out;
}

/** One replacement of [start, end) in a part's text; start === end inserts. */
export interface Splice {
  start: number;
  end: number;
  text: string;
}

/** Applies non-overlapping splices in one pass (sorted here; equal starts keep their given order). */
export function applySplices(xml: string, splices: Splice[]): string {
  if (!splices.length) return xml;
  const ordered = splices.map((s, i) => ({ s, i })).sort((a, b) => a.s.start - b.s.start || a.i - b.i);
  const out: string[] = [];
  let at = 0;
  for (const { s } of ordered) {
    if (s.start < at) throw new Error('overlapping edits in one part (' + s.start + ' < ' + at + ')');
    out.push(xml.slice(at, s.start), s.text);
    at = s.end;
  }
  out.push(xml.slice(at));
  return out.join('');
}

/** Text → UTF-8 bytes; a part read as UTF-16 has its declaration say UTF-8 now. */
export function encodePart(text: string, wasUtf16: boolean): Uint8Array {
  const body = wasUtf16 ? text.replace(/^(\s*<\?xml[^>]*encoding\s*=\s*)(["'])[^"']*\2/, '$1$2UTF-8$2') : text;
  return new TextEncoder().encode(body);
}
