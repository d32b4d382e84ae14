import JSZip from 'jszip';

/**
 * Foreign .xlsx files: an ordinary workbook (bytes, as ExcelJS or Excel writes it) rewritten the
 * way other producers write the same content — the Open XML SDK's namespace prefixes, Excel's
 * "Strict Open XML Spreadsheet", CDATA sections, a DOCTYPE, worksheet parts under other names — so
 * a test can demand the same grid as the original's. Plus the shapes both readers must refuse
 * (forbidden character references, DOCTYPEs declaring entities).
 *
 * Only jszip here (no src/ import): bench/hostile.js and other scripts can transpile and reuse it.
 */

export const NS_MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
export const NS_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
export const NS_PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';
export const NS_CT = 'http://schemas.openxmlformats.org/package/2006/content-types';
export const STRICT_MAIN = 'http://purl.oclc.org/ooxml/spreadsheetml/main';
export const STRICT_REL = 'http://purl.oclc.org/ooxml/officeDocument/relationships';

/** Transitional -> Strict namespaces (ISO/IEC 29500 Strict, as Excel's "Strict Open XML Spreadsheet" writes). */
const STRICT_NAMESPACES: Array<[string, string]> = [
  [NS_MAIN, STRICT_MAIN],
  ['http://schemas.openxmlformats.org/drawingml/2006/main', 'http://purl.oclc.org/ooxml/drawingml/main'],
  ['http://schemas.openxmlformats.org/officeDocument/2006/extended-properties', 'http://purl.oclc.org/ooxml/officeDocument/extendedProperties'],
  ['http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes', 'http://purl.oclc.org/ooxml/officeDocument/docPropsVTypes'],
];
/** Relationship types whose Strict name differs from the transitional one (the rest keep their last segment). */
const STRICT_REL_TYPE_NAMES: Record<string, string> = { 'extended-properties': 'extendedProperties' };

// ---------------------------------------------------------------------------------------------
// A package in memory: parts in their zip order, XML parts as text.

export interface Part {
  name: string;
  text?: string;
  bytes?: Uint8Array;
}

export interface Package {
  parts: Part[];
}

const XML_PART = /(\.xml|\.rels|\.vml)$/i;

export async function readPackage(bytes: Uint8Array): Promise<Package> {
  const zip = await JSZip.loadAsync(bytes);
  const parts: Part[] = [];
  for (const key of Object.keys(zip.files)) {
    const f = zip.files[key];
    if (f.dir) continue;
    if (XML_PART.test(f.name)) parts.push({ name: f.name, text: await f.async('string') });
    else parts.push({ name: f.name, bytes: await f.async('uint8array') });
  }
  return { parts };
}

export async function writePackage(pkg: Package): Promise<Uint8Array> {
  const zip = new JSZip();
  for (const p of pkg.parts) zip.file(p.name, p.text !== undefined ? p.text : (p.bytes as Uint8Array), { createFolders: false });
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE', compressionOptions: { level: 6 } });
}

export function part(pkg: Package, name: string): Part {
  const p = pkg.parts.find((x) => x.name === name);
  if (!p) throw new Error('no part ' + name + ' in ' + pkg.parts.map((x) => x.name).join(', '));
  return p;
}

export function hasPart(pkg: Package, name: string): boolean {
  return pkg.parts.some((x) => x.name === name);
}

// ---------------------------------------------------------------------------------------------
// A tokenizer that keeps every byte it does not rewrite: enough for well-formed OOXML parts.

export interface Tok {
  kind: 'pi' | 'comment' | 'cdata' | 'doctype' | 'open' | 'close' | 'text';
  raw: string;
  /** open / close: the qualified name. */
  name?: string;
  /** open: attributes as written (value with its quotes). */
  attrs?: Array<{ name: string; quoted: string }>;
  selfClosing?: boolean;
}

export function tokenize(xml: string): Tok[] {
  const out: Tok[] = [];
  let i = 0;
  while (i < xml.length) {
    if (xml[i] !== '<') {
      let j = xml.indexOf('<', i);
      if (j < 0) j = xml.length;
      out.push({ kind: 'text', raw: xml.slice(i, j) });
      i = j;
      continue;
    }
    const end = (close: string, kind: Tok['kind']) => {
      const j = xml.indexOf(close, i);
      if (j < 0) throw new Error('unterminated ' + kind);
      out.push({ kind, raw: xml.slice(i, j + close.length) });
      i = j + close.length;
    };
    if (xml.startsWith('<?', i)) end('?>', 'pi');
    else if (xml.startsWith('<!--', i)) end('-->', 'comment');
    else if (xml.startsWith('<![CDATA[', i)) end(']]>', 'cdata');
    else if (xml.startsWith('<!DOCTYPE', i)) {
      const bracket = xml.indexOf('[', i);
      const gt = xml.indexOf('>', i);
      if (bracket >= 0 && bracket < gt) end(']>', 'doctype');
      else end('>', 'doctype');
    } else if (xml.startsWith('</', i)) {
      const j = xml.indexOf('>', i);
      out.push({ kind: 'close', raw: xml.slice(i, j + 1), name: xml.slice(i + 2, j).trim() });
      i = j + 1;
    } else {
      const m = /^<([^\s/>]+)((?:\s+[^\s=/>]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>/.exec(xml.slice(i, i + 200000));
      if (!m) throw new Error('cannot tokenize at ' + xml.slice(i, i + 60));
      const attrs: Array<{ name: string; quoted: string }> = [];
      const rx = /\s+([^\s=/>]+)\s*=\s*("[^"]*"|'[^']*')/g;
      for (let a = rx.exec(m[2]); a; a = rx.exec(m[2])) attrs.push({ name: a[1], quoted: a[2] });
      out.push({ kind: 'open', raw: m[0], name: m[1], attrs, selfClosing: m[3] === '/' });
      i += m[0].length;
    }
  }
  return out;
}

function openTag(t: Tok): string {
  return '<' + t.name + (t.attrs as Tok['attrs'] & object).map((a) => ' ' + a.name + '=' + a.quoted).join('') + (t.selfClosing ? '/>' : '>');
}

export function serialize(tokens: Tok[]): string {
  return tokens.map((t) => (t.kind === 'open' ? openTag(t) : t.kind === 'close' ? '</' + t.name + '>' : t.raw)).join('');
}

function attrValue(t: Tok, name: string): string | undefined {
  const a = (t.attrs || []).find((x) => x.name === name);
  return a ? a.quoted.slice(1, -1) : undefined;
}

function setAttr(t: Tok, name: string, value: string): void {
  const attrs = t.attrs as Array<{ name: string; quoted: string }>;
  const a = attrs.find((x) => x.name === name);
  if (a) a.quoted = '"' + value + '"';
  else attrs.push({ name, quoted: '"' + value + '"' });
}

function localName(q: string): string {
  const c = q.indexOf(':');
  return c < 0 ? q : q.slice(c + 1);
}

function rootOf(tokens: Tok[]): Tok {
  const t = tokens.find((x) => x.kind === 'open');
  if (!t) throw new Error('no root element');
  return t;
}

/** Decodes the five named entities and character references (XML text as a parser reports it). */
export function decodeXmlText(raw: string): string {
  return raw.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|lt|gt|amp|quot|apos);/g, (_m, body: string) => {
    if (body[0] === '#') return String.fromCodePoint(body[1] === 'x' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10));
    return ({ lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" } as Record<string, string>)[body];
  });
}

/** Default namespace of the root element, if any. */
function rootDefaultNs(text: string): string | undefined {
  return attrValue(rootOf(tokenize(text)), 'xmlns');
}

/** A SpreadsheetML part: its root is in the (transitional or strict) SpreadsheetML namespace. */
export function isSpreadsheetMLPart(p: Part): boolean {
  if (p.text === undefined || !/\.xml$/i.test(p.name)) return false;
  const root = rootOf(tokenize(p.text));
  const prefix = root.name!.indexOf(':') >= 0 ? root.name!.slice(0, root.name!.indexOf(':')) : null;
  const ns = attrValue(root, prefix ? 'xmlns:' + prefix : 'xmlns');
  return ns === NS_MAIN || ns === STRICT_MAIN;
}

function isRelsPart(p: Part): boolean {
  return p.text !== undefined && /\.rels$/i.test(p.name);
}

function isContentTypes(p: Part): boolean {
  return p.name === '[Content_Types].xml';
}

// ---------------------------------------------------------------------------------------------
// Transforms. Each rewrites the package in place; a variant is a list of them.

export type Transform = (pkg: Package) => void;

/**
 * Moves the default namespace of a part's root to `prefix`: `<worksheet xmlns="NS">` becomes
 * `<x:worksheet xmlns:x="NS">`, and every element that was in NS gets `x:` (attributes keep
 * theirs: unprefixed attributes are in no namespace either way).
 */
function prefixDefaultNamespace(text: string, prefix: string): string {
  const tokens = tokenize(text);
  const stack: Array<string | undefined> = [];
  let target: string | undefined;
  for (const t of tokens) {
    if (t.kind === 'open') {
      const declared = attrValue(t, 'xmlns');
      if (target === undefined) target = declared;
      const inScope = declared !== undefined ? declared : stack.length ? stack[stack.length - 1] : undefined;
      if (declared !== undefined && declared === target) {
        const attrs = t.attrs as Array<{ name: string; quoted: string }>;
        const i = attrs.findIndex((a) => a.name === 'xmlns');
        attrs[i] = { name: 'xmlns:' + prefix, quoted: attrs[i].quoted };
      }
      const renamed = inScope === target && t.name!.indexOf(':') < 0 ? prefix + ':' + t.name : t.name;
      if (!t.selfClosing) stack.push(inScope);
      t.name = renamed;
    } else if (t.kind === 'close') {
      const inScope = stack.pop();
      if (inScope === target && t.name!.indexOf(':') < 0) t.name = prefix + ':' + t.name;
    }
  }
  return serialize(tokens);
}

/** `<x:worksheet xmlns:x="…/spreadsheetml/2006/main">` on every SpreadsheetML part, as the Open XML SDK writes. */
export function prefixSpreadsheetML(prefix = 'x'): Transform {
  return (pkg) => {
    for (const p of pkg.parts) if (isSpreadsheetMLPart(p) && rootDefaultNs(p.text as string) !== undefined) p.text = prefixDefaultNamespace(p.text as string, prefix);
  };
}

/** Prefixes on the package parts too: `<pr:Relationships xmlns:pr=…>` in every .rels, `<ct:Types xmlns:ct=…>`. */
export function prefixPackageParts(relPrefix = 'pr', ctPrefix = 'ct'): Transform {
  return (pkg) => {
    for (const p of pkg.parts) {
      if (isRelsPart(p)) p.text = prefixDefaultNamespace(p.text as string, relPrefix);
      else if (isContentTypes(p)) p.text = prefixDefaultNamespace(p.text as string, ctPrefix);
    }
  };
}

/** The officeDocument relationships namespace under another prefix: `xmlns:rel="…"` and `rel:id`. */
export function renameRelationshipsPrefix(newPrefix = 'rel'): Transform {
  return (pkg) => {
    for (const p of pkg.parts) {
      if (!isSpreadsheetMLPart(p)) continue;
      const tokens = tokenize(p.text as string);
      // The prefix bound to the relationships namespace (transitional or strict) on the root.
      const root = rootOf(tokens);
      const decl = (root.attrs || []).find((a) => a.name.startsWith('xmlns:') && [NS_REL, STRICT_REL].indexOf(a.quoted.slice(1, -1)) >= 0);
      if (!decl) continue;
      const old = decl.name.slice(6);
      for (const t of tokens) {
        if (t.kind !== 'open') continue;
        for (const a of t.attrs || []) {
          if (a.name === 'xmlns:' + old) a.name = 'xmlns:' + newPrefix;
          else if (a.name.startsWith(old + ':')) a.name = newPrefix + ':' + a.name.slice(old.length + 1);
        }
      }
      p.text = serialize(tokens);
    }
  };
}

/** Strict Open XML: purl.oclc.org namespaces and relationship types, `conformance="strict"` on the workbook. */
export function strictNamespaces(): Transform {
  return (pkg) => {
    for (const p of pkg.parts) {
      if (p.text === undefined) continue;
      let text = p.text;
      text = text.replace(/http:\/\/schemas\.openxmlformats\.org\/officeDocument\/2006\/relationships\/([A-Za-z-]+)/g, (_m, type: string) => STRICT_REL + '/' + (STRICT_REL_TYPE_NAMES[type] || type));
      text = text.split(NS_REL).join(STRICT_REL);
      for (const [from, to] of STRICT_NAMESPACES) text = text.split(from).join(to);
      p.text = text;
    }
    const wb = pkg.parts.find((x) => /^\/?xl\/workbook\.xml$/.test(x.name));
    if (wb && wb.text !== undefined) {
      const tokens = tokenize(wb.text);
      setAttr(rootOf(tokens), 'conformance', 'strict');
      wb.text = serialize(tokens);
    }
  };
}

function cdata(text: string): string {
  return '<![CDATA[' + text.split(']]>').join(']]]]><![CDATA[>') + ']]>';
}

/**
 * Text of `<v>`, `<t>` (and `<f>` if asked) elements in SpreadsheetML parts as CDATA sections:
 * `<v><![CDATA[1.5]]></v>`. Texts holding a carriage return stay as they are (a CDATA section's
 * line ends are normalised by every parser, a `&#13;` reference is not: the value would change).
 */
export function cdataValues(elements: string[] = ['v', 't']): Transform {
  return (pkg) => {
    for (const p of pkg.parts) {
      if (!isSpreadsheetMLPart(p)) continue;
      const tokens = tokenize(p.text as string);
      for (let i = 0; i + 2 < tokens.length; i++) {
        const [o, t, c] = [tokens[i], tokens[i + 1], tokens[i + 2]];
        if (o.kind !== 'open' || o.selfClosing || t.kind !== 'text' || c.kind !== 'close') continue;
        if (elements.indexOf(localName(o.name as string)) < 0 || c.name !== o.name) continue;
        const decoded = decodeXmlText(t.raw);
        if (decoded.indexOf('\r') >= 0 || t.raw.indexOf('\r') >= 0) continue;
        t.raw = cdata(decoded);
      }
      p.text = serialize(tokens);
    }
  };
}

/** `<!DOCTYPE worksheet>` (no internal subset, no entities) after the XML declaration of each part. */
export function doctype(which: 'spreadsheetml' | 'all' = 'spreadsheetml'): Transform {
  return (pkg) => {
    for (const p of pkg.parts) {
      if (p.text === undefined || !(which === 'all' ? /\.(xml|rels)$/i.test(p.name) : isSpreadsheetMLPart(p))) continue;
      const tokens = tokenize(p.text);
      const root = rootOf(tokens);
      const at = tokens.indexOf(root);
      tokens.splice(at, 0, { kind: 'doctype', raw: '<!DOCTYPE ' + root.name + '>' });
      p.text = serialize(tokens);
    }
  };
}

// ---------------------------------------------------------------------------------------------
// Worksheet parts under other names.

interface RelRef {
  tok: Tok;
  target: string;
}

/** Resolves a relationship target against the folder of the part the .rels belongs to. */
export function resolveTarget(sourceDir: string, target: string): string {
  const parts = (target.startsWith('/') ? target.slice(1) : sourceDir + target).split('/');
  const out: string[] = [];
  for (const s of parts) {
    if (s === '..') out.pop();
    else if (s !== '.' && s !== '') out.push(s);
  }
  return out.join('/');
}

function relativeTo(fromDir: string, path: string): string {
  const from = fromDir.split('/').filter(Boolean);
  const to = path.split('/');
  let k = 0;
  while (k < from.length && k < to.length - 1 && from[k] === to[k]) k++;
  return '../'.repeat(from.length - k) + to.slice(k).join('/');
}

function relsPathOf(partName: string): string {
  const slash = partName.lastIndexOf('/');
  return partName.slice(0, slash + 1) + '_rels/' + partName.slice(slash + 1) + '.rels';
}

/** The workbook's worksheet relationships, in the order workbook.xml lists its sheets. */
function worksheetRels(pkg: Package): { relsPart: Part; tokens: Tok[]; refs: RelRef[] } {
  const relsPart = part(pkg, 'xl/_rels/workbook.xml.rels');
  const tokens = tokenize(relsPart.text as string);
  const byId: Record<string, Tok> = {};
  for (const t of tokens) if (t.kind === 'open' && localName(t.name as string) === 'Relationship') byId[attrValue(t, 'Id') as string] = t;
  const wbTokens = tokenize(part(pkg, 'xl/workbook.xml').text as string);
  const refs: RelRef[] = [];
  for (const t of wbTokens) {
    if (t.kind !== 'open' || localName(t.name as string) !== 'sheet') continue;
    const idAttr = (t.attrs || []).find((a) => /(^|:)id$/.test(a.name) && a.name !== 'sheetId');
    const rel = idAttr ? byId[idAttr.quoted.slice(1, -1)] : undefined;
    if (!rel || !/\/worksheet$/.test(attrValue(rel, 'Type') || '')) continue;
    refs.push({ tok: rel, target: attrValue(rel, 'Target') as string });
  }
  return { relsPart, tokens, refs };
}

/**
 * Renames the worksheet parts (in workbook.xml's sheet order) to `names` (package paths such as
 * "xl/ws/data.xml"), with their own .rels, the workbook's relationships (relative targets, or
 * absolute "/xl/…" ones) and [Content_Types].xml following. Two names may swap.
 */
export function renameWorksheetParts(names: string[], targets: 'relative' | 'absolute' = 'relative'): Transform {
  return (pkg) => {
    const { relsPart, tokens, refs } = worksheetRels(pkg);
    const moves: Array<[string, string]> = [];
    refs.forEach((ref, i) => {
      if (i >= names.length) return;
      const from = resolveTarget('xl/', ref.target);
      const to = names[i];
      moves.push([from, to]);
      setAttr(ref.tok, 'Target', targets === 'absolute' ? '/' + to : relativeTo('xl/', to));
    });
    relsPart.text = serialize(tokens);
    // Two phases so that names may swap.
    const moved = new Map<Part, string>();
    for (const [from, to] of moves) {
      moved.set(part(pkg, from), to);
      if (hasPart(pkg, relsPathOf(from))) moved.set(part(pkg, relsPathOf(from)), relsPathOf(to));
    }
    moved.forEach((to, p) => {
      p.name = to;
    });
    const ct = part(pkg, '[Content_Types].xml');
    const ctTokens = tokenize(ct.text as string);
    for (const t of ctTokens) {
      if (t.kind !== 'open' || localName(t.name as string) !== 'Override') continue;
      const name = (attrValue(t, 'PartName') || '').replace(/^\//, '');
      const move = moves.find(([from]) => from === name);
      if (move) setAttr(t, 'PartName', '/' + move[1]);
    }
    ct.text = serialize(ctTokens);
  };
}

// ---------------------------------------------------------------------------------------------
// Shapes both readers must refuse (or at least agree on).

/** The first SpreadsheetML part matching `which`. */
function firstPart(pkg: Package, which: 'sharedStrings' | 'sheet' | 'workbook'): Part {
  if (which === 'sharedStrings') return part(pkg, 'xl/sharedStrings.xml');
  if (which === 'workbook') return part(pkg, 'xl/workbook.xml');
  const { refs } = worksheetRels(pkg);
  return part(pkg, resolveTarget('xl/', refs[0].target));
}

/**
 * Puts `raw` (unescaped XML, e.g. "&#0;") at the end of the first non-empty `<t>` (shared strings),
 * the first `<v>` (a worksheet) or the first sheet's name (workbook.xml).
 */
export function injectRaw(raw: string, where: 'sharedStrings' | 'sheet' | 'workbook'): Transform {
  return (pkg) => {
    const p = firstPart(pkg, where);
    const tokens = tokenize(p.text as string);
    if (where === 'workbook') {
      const sheet = tokens.find((t) => t.kind === 'open' && localName(t.name as string) === 'sheet') as Tok;
      setAttr(sheet, 'name', (attrValue(sheet, 'name') as string) + raw);
    } else {
      const want = where === 'sharedStrings' ? 't' : 'v';
      const i = tokens.findIndex((t, k) => t.kind === 'open' && localName(t.name as string) === want && !t.selfClosing && tokens[k + 1].kind === 'text');
      if (i < 0) throw new Error('no <' + want + '> with text in ' + p.name);
      tokens[i + 1].raw += raw;
    }
    p.text = serialize(tokens);
  };
}

export type EntityShape = 'internal' | 'unused' | 'billion-laughs' | 'external' | 'parameter';

/**
 * A DOCTYPE with an internal subset that declares entities, on `where`'s part, and (except
 * 'unused' and 'parameter') a reference to the last one in its first text:
 *  - internal: `<!ENTITY x "Kế hoạch">` and `&x;`
 *  - billion-laughs: lol1 … lol9, each ten of the previous (10^9 "lol"s once expanded), `&lol9;`
 *  - external: `<!ENTITY xxe SYSTEM "file:///etc/hostname">` and `&xxe;`
 *  - parameter: `<!ENTITY % p "…"> %p;`
 */
export function entityDoctype(shape: EntityShape, where: 'sharedStrings' | 'sheet' | 'workbook' = 'sharedStrings'): Transform {
  return (pkg) => {
    const p = firstPart(pkg, where);
    const tokens = tokenize(p.text as string);
    const root = rootOf(tokens);
    let subset: string;
    let ref: string | null;
    switch (shape) {
      case 'internal':
        subset = '<!ENTITY x "Kế hoạch">';
        ref = '&x;';
        break;
      case 'unused':
        subset = '<!ENTITY x "Kế hoạch">';
        ref = null;
        break;
      case 'billion-laughs': {
        const lines = ['<!ENTITY lol "lol">'];
        for (let k = 1; k <= 9; k++) lines.push('<!ENTITY lol' + k + ' "' + ('&lol' + (k === 1 ? '' : k - 1) + ';').repeat(10) + '">');
        subset = lines.join('');
        ref = '&lol9;';
        break;
      }
      case 'external':
        subset = '<!ENTITY xxe SYSTEM "file:///etc/hostname">';
        ref = '&xxe;';
        break;
      case 'parameter':
        subset = '<!ENTITY % p "<!ENTITY y \'z\'>"> %p;';
        ref = null;
        break;
    }
    tokens.splice(tokens.indexOf(root), 0, { kind: 'doctype', raw: '<!DOCTYPE ' + root.name + ' [' + subset + ']>' });
    p.text = serialize(tokens);
    if (ref !== null) injectRaw(ref, where)(pkg);
  };
}

// ---------------------------------------------------------------------------------------------

export async function transformXlsx(bytes: Uint8Array, transforms: Transform[]): Promise<Uint8Array> {
  const pkg = await readPackage(bytes);
  for (const t of transforms) t(pkg);
  return writePackage(pkg);
}

export interface ForeignVariant {
  name: string;
  transforms: Transform[];
}

/** Every shape a foreign producer may write that must read as the original does. */
export function foreignVariants(): ForeignVariant[] {
  return [
    { name: 'x: prefix on every SpreadsheetML part (Open XML SDK)', transforms: [prefixSpreadsheetML('x')] },
    { name: 'x: prefix, and prefixes on the .rels parts and [Content_Types].xml', transforms: [prefixSpreadsheetML('x'), prefixPackageParts('pr', 'ct')] },
    { name: 'only the .rels parts and [Content_Types].xml prefixed', transforms: [prefixPackageParts('pr', 'ct')] },
    { name: 'relationships namespace under the prefix rel: (rel:id)', transforms: [renameRelationshipsPrefix('rel')] },
    { name: 'x: prefix and rel:id', transforms: [prefixSpreadsheetML('x'), renameRelationshipsPrefix('rel')] },
    { name: 'main namespace prefixed r: and relationships r2: (a prefix the reader may hard-code)', transforms: [renameRelationshipsPrefix('r2'), prefixSpreadsheetML('r')] },
    { name: 'Strict Open XML namespaces and relationship types', transforms: [strictNamespaces()] },
    { name: 'Strict Open XML with x: prefixes', transforms: [strictNamespaces(), prefixSpreadsheetML('x')] },
    { name: 'CDATA in <v> and <t>', transforms: [cdataValues(['v', 't'])] },
    { name: 'CDATA in <v>, <t> and <f>', transforms: [cdataValues(['v', 't', 'f'])] },
    { name: 'DOCTYPE without entities on the SpreadsheetML parts', transforms: [doctype('spreadsheetml')] },
    { name: 'DOCTYPE without entities on every part', transforms: [doctype('all')] },
    { name: 'worksheet parts named xl/worksheets/Sheet_A.xml and xl/ws/data.xml', transforms: [renameWorksheetParts(['xl/worksheets/Sheet_A.xml', 'xl/ws/data.xml'])] },
    { name: 'worksheet parts renamed, absolute targets /xl/…', transforms: [renameWorksheetParts(['xl/worksheets/Sheet_A.xml', 'xl/ws/data.xml'], 'absolute')] },
    { name: 'worksheet parts swapped (sheet2.xml holds the first sheet)', transforms: [renameWorksheetParts(['xl/worksheets/sheet2.xml', 'xl/worksheets/sheet1.xml'])] },
    {
      name: 'Open XML SDK shape: x: prefixes, renamed parts, CDATA values',
      transforms: [renameWorksheetParts(['xl/worksheets/Sheet_A.xml', 'xl/ws/data.xml'], 'absolute'), prefixSpreadsheetML('x'), cdataValues(['v', 't'])],
    },
    {
      name: 'everything: Strict, x:/pr:/ct: prefixes, rel:id, CDATA, DOCTYPE, renamed parts with absolute targets',
      transforms: [
        renameWorksheetParts(['xl/ws/data.xml', 'xl/worksheets/Sheet_A.xml'], 'absolute'),
        strictNamespaces(),
        prefixSpreadsheetML('x'),
        prefixPackageParts('pr', 'ct'),
        renameRelationshipsPrefix('rel'),
        cdataValues(['v', 't', 'f']),
        doctype('all'),
      ],
    },
  ];
}

export interface RefusalVariant {
  name: string;
  transforms: Transform[];
  /** true: both readers must refuse; false: they must agree (both refuse alike, or the same grid). */
  mustRefuse: boolean;
}

/** Not well-formed, or dangerous: both readers refuse these with the same WorkbookInputError code. */
export function refusalVariants(): RefusalVariant[] {
  const r = (name: string, transforms: Transform[], mustRefuse = true): RefusalVariant => ({ name, transforms, mustRefuse });
  return [
    r('&#0; in a shared string', [injectRaw('&#0;', 'sharedStrings')]),
    r('&#0; in a worksheet value', [injectRaw('&#0;', 'sheet')]),
    r('&#xFFFE; in a shared string', [injectRaw('&#xFFFE;', 'sharedStrings')]),
    r('&#xFFFE; in a sheet name', [injectRaw('&#xFFFE;', 'workbook')]),
    r('&#xFFFF; in a shared string', [injectRaw('&#xFFFF;', 'sharedStrings')]),
    r('&#xD800; (a lone surrogate) in a shared string', [injectRaw('&#xD800;', 'sharedStrings')]),
    r('&#x110000; (past Unicode) in a shared string', [injectRaw('&#x110000;', 'sharedStrings')]),
    r('&#1; (a C0 control, not allowed in XML 1.0) in a shared string', [injectRaw('&#1;', 'sharedStrings')], false),
    r('DOCTYPE declaring an entity, used in a shared string', [entityDoctype('internal', 'sharedStrings')]),
    r('DOCTYPE declaring an entity, used in a worksheet', [entityDoctype('internal', 'sheet')]),
    r('DOCTYPE declaring an entity, unused', [entityDoctype('unused', 'sheet')]),
    r('billion laughs in the shared strings', [entityDoctype('billion-laughs', 'sharedStrings')]),
    r('billion laughs in the workbook part', [entityDoctype('billion-laughs', 'workbook')]),
    r('external entity (XXE) in a worksheet', [entityDoctype('external', 'sheet')]),
    r('parameter entity in the shared strings', [entityDoctype('parameter', 'sharedStrings')]),
    r('DOCTYPE declaring an entity, on an x:-prefixed part', [prefixSpreadsheetML('x'), entityDoctype('internal', 'sheet')]),
  ];
}
