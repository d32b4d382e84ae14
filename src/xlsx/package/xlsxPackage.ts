import JSZip from 'jszip';
import { WorkbookInputError } from '../workbookInputError';
import { inspectXlsxBytes, isLegacyContainer, resolveLimits, ZipLimits } from '../zipGuard';
import { xlsBytesToXlsx } from '../legacyXls';
import { REL_TYPE_STEM } from './namespaces';
import { MalformedPart, normaliseXmlPart } from './normaliseXml';

/**
 * An .xlsx package as both readers see it: the zip opened once, every part inflated on demand
 * with the inflated bytes counted as they arrive (a zip's declared sizes are never trusted), XML
 * parts in one canonical spelling (normaliseXml.ts), and parts that other generators name
 * differently (a worksheet at xl/ws/data.xml, styles at xl/Styles.xml) under the names ExcelJS
 * looks for, so that no sheet is dropped in silence.
 *
 * Errors: WorkbookInputError 'too-large' when inflating passes the limits; MalformedPart for a
 * damaged part (the caller turns it into 'corrupt' for its file).
 */

export interface XlsxPackage {
  readonly fileName: string;
  /** Part names in zip order, canonical names for renamed parts. */
  readonly names: string[];
  has(name: string): boolean;
  /** An XML part, inflated, decoded and normalised. */
  text(name: string): Promise<string>;
  /** A part's inflated bytes, as stored. */
  bytes(name: string): Promise<Uint8Array>;
  /** Canonical name → the part's name in the file, for the parts that were renamed. */
  readonly renamed: Record<string, string>;
}

/** Small entries may compress extremely well (a run of empty cells); only big ones can hurt. */
const RATIO_CHECK_MIN_BYTES = 1024 * 1024;

const WORKSHEET_NAME_RX = /^xl\/worksheets\/sheet\d+[.]xml$/;

interface Budget {
  used: number;
  readonly limits: ZipLimits;
}

interface Entry {
  file: JSZip.JSZipObject;
  /** Compressed size from jszip's directory, when it exposes it (for the ratio check). */
  compressed: number | undefined;
}

function compressedSize(file: JSZip.JSZipObject): number | undefined {
  const data = (file as unknown as { _data?: { compressedSize?: unknown } })._data;
  return data && typeof data.compressedSize === 'number' ? data.compressedSize : undefined;
}

function concat(chunks: Uint8Array[], size: number): Uint8Array {
  if (chunks.length === 1) return chunks[0];
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

/** Inflates one entry, counting every chunk against the package's budget; stops at the limit. */
function inflateCounted(entry: Entry, budget: Budget, fileName: string): Promise<Uint8Array> {
  return new Promise<Uint8Array>((resolve, reject) => {
    const chunks: Uint8Array[] = [];
    let size = 0;
    let settled = false;
    // jszip's streaming reader (public at runtime, missing from its typings): chunks as they inflate.
    const stream = (entry.file as unknown as { internalStream(type: 'uint8array'): JSZip.JSZipStreamHelper<Uint8Array> }).internalStream('uint8array');
    const fail = (error: Error) => {
      if (settled) return;
      settled = true;
      stream.pause();
      reject(error);
    };
    stream
      .on('data', (chunk: Uint8Array) => {
        if (settled) return;
        size += chunk.length;
        budget.used += chunk.length;
        if (budget.used > budget.limits.maxUncompressedBytes) {
          fail(new WorkbookInputError('too-large', fileName, { limitBytes: budget.limits.maxUncompressedBytes, detail: 'inflated more than the limit' }));
          return;
        }
        if (entry.compressed !== undefined && size > RATIO_CHECK_MIN_BYTES && size > budget.limits.maxCompressionRatio * Math.max(1, entry.compressed)) {
          fail(new WorkbookInputError('too-large', fileName, { detail: 'compression ratio above ' + budget.limits.maxCompressionRatio }));
          return;
        }
        chunks.push(chunk);
      })
      .on('error', (error: Error) => fail(new MalformedPart(error && error.message ? error.message : String(error))))
      .on('end', () => {
        if (settled) return;
        settled = true;
        resolve(concat(chunks, size));
      })
      .resume();
  });
}

const decoder = typeof TextDecoder !== 'undefined' ? new TextDecoder('utf-8') : null;

/**
 * A part's text: XML parts are UTF-8, or UTF-16 with a byte-order mark (both allowed by the package
 * format); `utf16` tells a writer that the part must be re-declared when written back as UTF-8.
 */
export function decodePart(bytes: Uint8Array): { text: string; utf16: boolean } {
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) {
    return { text: new TextDecoder(bytes[0] === 0xff ? 'utf-16le' : 'utf-16be').decode(bytes), utf16: true };
  }
  if (decoder) return { text: decoder.decode(bytes), utf16: false };
  return { text: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8'), utf16: false };
}

/** A relationship target resolved against the folder of the part that owns the rels. */
export function resolveTarget(baseFolder: string, target: string): string {
  const t = target.trim();
  const parts = (t.charAt(0) === '/' ? t.slice(1) : baseFolder + t).split('/');
  const out: string[] = [];
  for (const p of parts) {
    if (p === '' || p === '.') continue;
    if (p === '..') out.pop();
    else out.push(p);
  }
  return out.join('/');
}

interface RelLine {
  type: string;
  target: string;
  external: boolean;
}

const REL_RX = /<Relationship\b([^>]*)>/g;
const ATTR_RX = /([A-Za-z_:][\w.:-]*)\s*=\s*("([^"]*)"|'([^']*)')/g;

function relationships(xml: string): RelLine[] {
  const out: RelLine[] = [];
  REL_RX.lastIndex = 0;
  for (let m = REL_RX.exec(xml); m; m = REL_RX.exec(xml)) {
    const attrs: Record<string, string> = {};
    ATTR_RX.lastIndex = 0;
    for (let a = ATTR_RX.exec(m[1]); a; a = ATTR_RX.exec(m[1])) attrs[a[1]] = a[3] !== undefined ? a[3] : a[4];
    if (attrs.Type === undefined || attrs.Target === undefined) continue;
    out.push({ type: attrs.Type, target: attrs.Target.replace(/&amp;/g, '&'), external: attrs.TargetMode === 'External' });
  }
  return out;
}

/** The relationships part of a part: xl/_rels/workbook.xml.rels for xl/workbook.xml. */
export function relsNameOf(part: string): string {
  const slash = part.lastIndexOf('/');
  return part.slice(0, slash + 1) + '_rels/' + part.slice(slash + 1) + '.rels';
}

export async function openXlsxPackage(input: Uint8Array, fileName: string, limits?: Partial<ZipLimits>): Promise<XlsxPackage> {
  const lim = resolveLimits(limits);
  // An Excel 97-2003 .xls becomes the equivalent .xlsx first (SheetJS, loaded only then).
  const bytes = isLegacyContainer(input) ? await xlsBytesToXlsx(input, fileName) : input;
  inspectXlsxBytes(bytes, fileName, lim);
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch (error) {
    throw new MalformedPart(error instanceof Error ? error.message : String(error));
  }
  const budget: Budget = { used: 0, limits: lim };
  // Entry names as ExcelJS sees them (one leading "/" dropped); the last of a duplicated name wins.
  const entries: Record<string, Entry> = Object.create(null);
  const names: string[] = [];
  for (const key of Object.keys(zip.files)) {
    const file = zip.files[key];
    if (file.dir) continue;
    const name = file.name.charAt(0) === '/' ? file.name.slice(1) : file.name;
    if (!(name in entries)) names.push(name);
    entries[name] = { file, compressed: compressedSize(file) };
  }

  const rawBytes: Record<string, Promise<Uint8Array>> = Object.create(null);
  const texts: Record<string, Promise<string>> = Object.create(null);
  const overrides: Record<string, string> = Object.create(null);
  const renamed: Record<string, string> = Object.create(null);
  const partOf = (name: string): string => (name in renamed ? renamed[name] : name);

  const pkg: XlsxPackage = {
    fileName,
    names,
    renamed,
    has: (name) => name in entries || name in renamed,
    bytes(name) {
      const real = partOf(name);
      if (!(real in entries)) return Promise.reject(new MalformedPart('missing part ' + name));
      if (!(real in rawBytes)) rawBytes[real] = inflateCounted(entries[real], budget, fileName);
      return rawBytes[real];
    },
    text(name) {
      if (name in overrides) return Promise.resolve(overrides[name]);
      if (!(name in texts)) texts[name] = pkg.bytes(name).then((b) => normaliseXmlPart(decodePart(b).text));
      return texts[name];
    },
  };

  // Parts other generators name differently, renamed to where ExcelJS looks for them.
  if ('xl/workbook.xml' in entries && 'xl/_rels/workbook.xml.rels' in entries) {
    const relsXml = await pkg.text('xl/_rels/workbook.xml.rels');
    const rels = relationships(relsXml);
    const taken: Record<string, boolean> = Object.create(null);
    for (const n of names) taken[n] = true;
    let next = 1;
    let rewritten = relsXml;
    for (const rel of rels) {
      if (rel.external) continue;
      const kind = rel.type.indexOf(REL_TYPE_STEM) === 0 ? rel.type.slice(REL_TYPE_STEM.length) : '';
      const path = resolveTarget('xl/', rel.target);
      if (!(path in entries)) continue;
      let canonical: string | null = null;
      if (kind === 'worksheet' && !WORKSHEET_NAME_RX.test(path)) {
        while (taken['xl/worksheets/sheet' + next + '.xml']) next++;
        canonical = 'xl/worksheets/sheet' + next + '.xml';
      } else if (kind === 'styles' && path !== 'xl/styles.xml' && !taken['xl/styles.xml']) {
        canonical = 'xl/styles.xml';
      } else if (kind === 'sharedStrings' && path !== 'xl/sharedStrings.xml' && !taken['xl/sharedStrings.xml']) {
        canonical = 'xl/sharedStrings.xml';
      } else if (kind === 'worksheet' && excelJsTarget(rel.target) !== path) {
        // A target ExcelJS would resolve elsewhere ("../xl/…", "./…"): point it at the part itself.
        rewritten = rewritten.split('"' + rel.target + '"').join('"' + path.slice(3) + '"');
      }
      if (!canonical) continue;
      taken[canonical] = true;
      renamed[canonical] = path;
      names.push(canonical);
      names.splice(names.indexOf(path), 1);
      const ownRels = relsNameOf(path);
      if (ownRels in entries) {
        const canonicalRels = relsNameOf(canonical);
        renamed[canonicalRels] = ownRels;
        names.push(canonicalRels);
        names.splice(names.indexOf(ownRels), 1);
      }
      rewritten = rewritten.split('"' + rel.target + '"').join('"' + canonical.slice(3) + '"');
    }
    if (rewritten !== relsXml) overrides['xl/_rels/workbook.xml.rels'] = rewritten;
  }
  return pkg;
}

/** Where ExcelJS (and src/xlsx/read, reproducing it) looks for a workbook relationship's target. */
export function excelJsTarget(target: string): string {
  return 'xl/' + target.replace(/^(\s|\/xl\/)+/, '');
}

/** Every part, as ExcelJS must receive it: normalised XML, renamed parts, uncompressed (already counted). */
export async function storedZip(pkg: XlsxPackage, replaced: Record<string, string> = {}): Promise<Uint8Array> {
  const out = new JSZip();
  for (const name of pkg.names) {
    if (name in replaced) out.file(name, replaced[name]);
    else if (/[.](xml|rels)$/i.test(name)) out.file(name, await pkg.text(name));
    else out.file(name, await pkg.bytes(name));
  }
  return out.generateAsync({ type: 'uint8array', compression: 'STORE' });
}
