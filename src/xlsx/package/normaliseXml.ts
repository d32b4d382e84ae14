import { CONTENT_TYPES, MAIN, PACKAGE_RELATIONSHIPS, RELATIONSHIPS } from './namespaces';

/**
 * One canonical spelling of every SpreadsheetML part, so that both readers (the fast grid reader
 * and ExcelJS, which match element names literally) read what Excel reads:
 *  - namespace prefixes on SpreadsheetML, package-relationship and content-type elements dropped
 *    (`<x:worksheet xmlns:x=…>`, as the Open XML SDK and several government systems write);
 *  - the relationships namespace always spelled `r:` (`rel:id` → `r:id`);
 *  - Strict Open XML namespaces (http://purl.oclc.org/ooxml/…) mapped to the transitional ones;
 *  - CDATA sections turned into escaped text (ExcelJS ignores CDATA; Excel reads it);
 *  - a DOCTYPE without an internal subset dropped; one that declares anything refused (entity
 *    expansion is how a few kilobytes become gigabytes);
 *  - character references to characters XML 1.0 forbids (`&#0;`, `&#xFFFE;`) refused, as Excel does.
 * Plain parts (the common case) are returned unchanged after a few substring tests.
 */

export class MalformedPart extends Error {
  constructor(detail: string) {
    super(detail);
    Object.setPrototypeOf(this, MalformedPart.prototype);
  }
}

/** Strict → transitional namespace stems (ECMA-376 Part 1, Strict conformance class). */
const STRICT_STEMS: Array<[string, string]> = [
  ['http://purl.oclc.org/ooxml/spreadsheetml/main', MAIN],
  ['http://purl.oclc.org/ooxml/officeDocument/relationships', RELATIONSHIPS],
  ['http://purl.oclc.org/ooxml/officeDocument/extendedProperties', 'http://schemas.openxmlformats.org/officeDocument/2006/extended-properties'],
  ['http://purl.oclc.org/ooxml/officeDocument/docPropsVTypes', 'http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes'],
  ['http://purl.oclc.org/ooxml/officeDocument/sharedTypes', 'http://schemas.openxmlformats.org/officeDocument/2006/sharedTypes'],
  ['http://purl.oclc.org/ooxml/drawingml/main', 'http://schemas.openxmlformats.org/drawingml/2006/main'],
  ['http://purl.oclc.org/ooxml/drawingml/spreadsheetDrawing', 'http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing'],
  ['http://purl.oclc.org/ooxml/drawingml/chart', 'http://schemas.openxmlformats.org/drawingml/2006/chart'],
];

/** Namespaces whose elements are read without a prefix. */
const UNPREFIXED = [MAIN, PACKAGE_RELATIONSHIPS, CONTENT_TYPES];

const DECLARATION_RX = /\sxmlns:([A-Za-z_][\w.-]*)\s*=\s*(["'])([^"']*)\2/g;

function mapStrict(xml: string): string {
  if (xml.indexOf('purl.oclc.org/ooxml/') < 0) return xml;
  let out = xml;
  for (const [strict, transitional] of STRICT_STEMS) out = out.split(strict).join(transitional);
  return out;
}

function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** `<![CDATA[x]]>` → `x` escaped (sax would report CDATA separately; Excel reads it as text). */
function inlineCdata(xml: string): string {
  let out = '';
  let from = 0;
  for (;;) {
    const start = xml.indexOf('<![CDATA[', from);
    if (start < 0) break;
    const end = xml.indexOf(']]>', start + 9);
    if (end < 0) throw new MalformedPart('unterminated CDATA');
    out += xml.slice(from, start) + escapeText(xml.slice(start + 9, end));
    from = end + 3;
  }
  return out + xml.slice(from);
}

/** Drops `<!DOCTYPE name>`; refuses an internal subset (entities, billion laughs) or an external one. */
function dropDoctype(xml: string): string {
  const start = xml.indexOf('<!DOCTYPE');
  if (start < 0) return xml;
  const end = xml.indexOf('>', start);
  if (end < 0) throw new MalformedPart('unterminated DOCTYPE');
  const body = xml.slice(start, end);
  if (body.indexOf('[') >= 0 || /\s(SYSTEM|PUBLIC)\s/.test(body + ' ')) throw new MalformedPart('DOCTYPE with declarations');
  if (xml.indexOf('<!DOCTYPE', end) >= 0) throw new MalformedPart('two DOCTYPEs');
  return xml.slice(0, start) + xml.slice(end + 1);
}

/** XML 1.0's Char production: what a character reference may name. */
function isXmlChar(code: number): boolean {
  return code === 9 || code === 10 || code === 13 || (code >= 0x20 && code <= 0xd7ff) || (code >= 0xe000 && code <= 0xfffd) || (code >= 0x10000 && code <= 0x10ffff);
}

const CHAR_REF_RX = /&#(x[0-9a-fA-F]+|[0-9]+);/g;

function checkCharacterReferences(xml: string): void {
  if (xml.indexOf('&#') < 0) return;
  CHAR_REF_RX.lastIndex = 0;
  for (let m = CHAR_REF_RX.exec(xml); m; m = CHAR_REF_RX.exec(xml)) {
    const body = m[1];
    const code = body.charCodeAt(0) === 120 ? parseInt(body.slice(1), 16) : parseInt(body, 10);
    if (!isXmlChar(code)) throw new MalformedPart('character reference to a character XML forbids: &#' + body + ';');
  }
}

/**
 * Prefixes to rewrite: prefix → '' (drop) or → 'r'. Declarations are collected over the whole
 * part: generators bind them once on the root, and a prefix re-bound to another namespace inside
 * one part is not something any spreadsheet writer does (such a part is refused below).
 */
function prefixMap(xml: string): Record<string, string> | null {
  let map: Record<string, string> | null = null;
  const seen: Record<string, string> = Object.create(null);
  DECLARATION_RX.lastIndex = 0;
  for (let m = DECLARATION_RX.exec(xml); m; m = DECLARATION_RX.exec(xml)) {
    const prefix = m[1];
    const uri = m[3];
    if (prefix in seen && seen[prefix] !== uri) throw new MalformedPart('prefix ' + prefix + ' bound to two namespaces');
    seen[prefix] = uri;
    let to: string | null = null;
    if (UNPREFIXED.indexOf(uri) >= 0) to = '';
    else if (uri === RELATIONSHIPS && prefix !== 'r') to = 'r';
    if (to === null) continue;
    if (!map) map = Object.create(null) as Record<string, string>;
    map[prefix] = to;
  }
  // r: taken by another namespace is fine only when that prefix is itself renamed away (main as r:).
  if (map && 'r' in seen && seen.r !== RELATIONSHIPS && !('r' in map)) {
    for (const p in map) if (map[p] === 'r') throw new MalformedPart('prefix r already bound to another namespace');
  }
  return map;
}

const TAG_RX = /<(\/?)([A-Za-z_][\w.-]*):([A-Za-z_][\w.-]*)|(\s)([A-Za-z_][\w.-]*):([A-Za-z_][\w.-]*)(\s*=\s*)("[^"]*"|'[^']*')/g;

function renameInTag(tag: string, map: Record<string, string>): string {
  const hasDefault = /\sxmlns\s*=/.test(tag);
  return tag.replace(TAG_RX, (all, slash, p1, local1, space, p2, local2, eq, value) => {
    if (p1 !== undefined) {
      if (!(p1 in map)) return all;
      return '<' + slash + (map[p1] ? map[p1] + ':' : '') + local1;
    }
    if (p2 === 'xmlns') {
      if (!(local2 in map)) return all;
      if (map[local2]) return space + 'xmlns:' + map[local2] + eq + value;
      // Becomes the default namespace, unless the element already declares one.
      return hasDefault ? '' : space + 'xmlns' + eq + value;
    }
    if (!(p2 in map)) return all;
    // An attribute in the main namespace is the same as an unprefixed one.
    return space + (map[p2] ? map[p2] + ':' : '') + local2 + eq + value;
  });
}

function renamePrefixes(xml: string, map: Record<string, string>): string {
  // Only inside tags: split at '<' so text content ("a:b = c" in a cell) is never touched.
  const parts = xml.split('<');
  for (let i = 1; i < parts.length; i++) {
    const part = parts[i];
    const close = part.indexOf('>');
    const tag = close >= 0 ? part.slice(0, close) : part;
    if (tag.indexOf(':') < 0 || tag.charCodeAt(0) === 33 || tag.charCodeAt(0) === 63) continue;
    parts[i] = renameInTag('<' + tag, map).slice(1) + (close >= 0 ? part.slice(close) : '');
  }
  return parts.join('<');
}

/** The part in the spelling both readers expect; throws MalformedPart for what Excel refuses too. */
export function normaliseXmlPart(xml: string): string {
  let out = mapStrict(xml);
  if (out.indexOf('<!DOCTYPE') >= 0) out = dropDoctype(out);
  if (out.indexOf('<![CDATA[') >= 0) out = inlineCdata(out);
  checkCharacterReferences(out);
  if (out.indexOf('xmlns:') >= 0) {
    const map = prefixMap(out);
    if (map) out = renamePrefixes(out, map);
  }
  return out;
}
