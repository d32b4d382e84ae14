import { bad } from './malformed';

// XML scanning: a small pull tokenizer over a string, with the checks that make sax refuse
// garbage (names, nesting, quotes, entities), so a corrupt part fails as ExcelJS's load would.

/** Events returned by Scanner.next(). */
export const EV_END = 0;
export const EV_OPEN = 1;
export const EV_CLOSE = 2;
export const EV_TEXT = 3;

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
export function decodeText(raw: string): string {
  if (raw.indexOf('&') < 0 && raw.indexOf('\r') < 0) return raw;
  return raw.replace(ENTITY_RX, entity);
}

/** Attribute values: decoded, and tab / line breaks normalised to spaces as XML requires. */
export function decodeAttr(raw: string): string {
  const s = decodeText(raw);
  return /[\t\n]/.test(raw) ? s.replace(/[\t\n]/g, ' ') : s;
}

/** ExcelJS's utils.xmlDecode, applied by it on top of sax's decoding for some texts. */
export function xmlDecode(text: string): string {
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
export function unescapeX(text: string): string {
  if (text.indexOf('_x') < 0) return text;
  return text.replace(/_x([0-9A-F]{4})_/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

export type Attrs = Record<string, string>;

export class Scanner {
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
  constructor(
    private readonly xml: string,
    start = 0,
    private readonly partial = false,
  ) {
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

/** Skips the element just opened, with everything inside it. */
export function skipElement(s: Scanner): void {
  const d = s.level();
  for (let ev = s.next(); ev !== EV_END; ev = s.next()) if (ev === EV_CLOSE && s.level() === d - 1) return;
  bad('unterminated element');
}
