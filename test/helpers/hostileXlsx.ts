import JSZip from 'jszip';
import * as zlib from 'zlib';

/**
 * Hostile .xlsx files (issue 11, item 4), each small on disk and built by code from an ordinary
 * workbook's bytes (the Thanh Xá sample: `sampleWorkbookBytes()`), whose first worksheet part is
 * xl/worksheets/sheet1.xml ("Phụ lục 1", rows 1-136, table total on row 129):
 *  - merges: A200:XFD1048576 on a normal sheet (the 19 KB file), 100,000 small merges, and the
 *    same with one overlapping pair;
 *  - rows and columns past the sheet's limits: <row r="2000000000">, <c r="XFE1">, row 1048577;
 *  - a zip whose central directory AND local headers understate a deflated part that inflates to
 *    about 1 GB of valid-looking XML (correct or wrong CRC; with a data descriptor), built by hand;
 *  - shared formulas whose clones slide past column XFD or row 1048576;
 *  - a 300,000-deep element chain (and 100,000 deep inside a cell), a 2 MB shared string (below
 *    the table, and as a criterion's evidence), all made of text that does not compress away;
 *  - 10,000 sheets declared (parts missing), 10,000 sheet parts, 2,000 real sheets;
 *  - zip entry names with "../" and absolute paths; a sheet relationship pointing out of the package;
 *  - file names holding a newline, ESC sequences and BEL.
 *
 * Only jszip and zlib here (no src/ import), so bench/hostile.js can transpile and reuse it.
 */

export type HostileExpectation =
  /** exit 2, one clear line, nothing written. */
  | 'refused'
  /**
   * Either scored exactly as the file without the hostile addition (exit 0, 68,13/74), or refused
   * as above; the same for `score` and `score --out`. For shapes Excel itself opens (a huge merge,
   * many merges, a shared formula whose clone becomes #REF!, a long text, extra zip entries).
   */
  | 'scored-or-refused'
  /** exit 0, scored as the original. */
  | 'scored';

export interface HostileCase {
  /** Short id, used in test names and bench lines. */
  id: string;
  /** File name to write it under (may hold control characters). */
  fileName: string;
  bytes: Uint8Array;
  expect: HostileExpectation;
  /** Issue 11: must finish under 5 s and 300 MB (merge, row and zip cases). */
  bounded: boolean;
  /** What the file is, in words. */
  about: string;
  /** Paths (absolute, or relative to the command's working directory) that must not exist after a run. */
  mustNotCreate?: string[];
}

const SHEET1 = 'xl/worksheets/sheet1.xml';
const SHARED = 'xl/sharedStrings.xml';
const WORKBOOK = 'xl/workbook.xml';
const WORKBOOK_RELS = 'xl/_rels/workbook.xml.rels';
const CONTENT_TYPES = '[Content_Types].xml';
const WORKSHEET_TYPE = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet';
const WORKSHEET_CT = 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml';
const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';

// ---------------------------------------------------------------------------------------------
// Editing parts

type Parts = Map<string, string | Uint8Array>;

async function load(bytes: Uint8Array): Promise<Parts> {
  const zip = await JSZip.loadAsync(bytes);
  const parts: Parts = new Map();
  for (const key of Object.keys(zip.files)) {
    const f = zip.files[key];
    if (f.dir) continue;
    parts.set(f.name, /\.(xml|rels)$/.test(f.name) ? await f.async('string') : await f.async('uint8array'));
  }
  return parts;
}

async function save(parts: Parts, extra?: (zip: JSZip) => void): Promise<Uint8Array> {
  const zip = new JSZip();
  parts.forEach((content, name) => {
    zip.file(name, content, { createFolders: false });
  });
  if (extra) extra(zip);
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE', compressionOptions: { level: 9 } });
}

function text(parts: Parts, name: string): string {
  const t = parts.get(name);
  if (typeof t !== 'string') throw new Error('no text part ' + name);
  return t;
}

async function editParts(bytes: Uint8Array, edit: (parts: Parts) => void, extra?: (zip: JSZip) => void): Promise<Uint8Array> {
  const parts = await load(bytes);
  edit(parts);
  return save(parts, extra);
}

function insertBefore(xml: string, marker: string, insert: string): string {
  const at = xml.indexOf(marker);
  if (at < 0) throw new Error('no ' + marker);
  return xml.slice(0, at) + insert + xml.slice(at);
}

/** Rows appended at the end of sheetData (row numbers above the sheet's last). */
function appendRows(sheetXml: string, rowsXml: string): string {
  return insertBefore(sheetXml, '</sheetData>', rowsXml);
}

/** Merges added to the sheet's <mergeCells> (count updated), created after sheetData if absent. */
function addMerges(sheetXml: string, refs: string[]): string {
  const cells = refs.map((r) => '<mergeCell ref="' + r + '"/>').join('');
  const m = /<mergeCells count="(\d+)">/.exec(sheetXml);
  if (!m) return sheetXml.replace('</sheetData>', '</sheetData><mergeCells count="' + refs.length + '">' + cells + '</mergeCells>');
  const withCount = sheetXml.replace(m[0], '<mergeCells count="' + (Number(m[1]) + refs.length) + '">');
  return insertBefore(withCount, '</mergeCells>', cells);
}

/** A deterministic pseudo-random generator (xorshift32), so the files are the same on every run. */
function random(seed: number): () => number {
  let x = seed >>> 0 || 1;
  return () => {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    return x / 0x100000000;
  };
}

const WORDS = [
  'Kế',
  'hoạch',
  'báo',
  'cáo',
  'quyết',
  'định',
  'số',
  'ngày',
  'tháng',
  'năm',
  'UBND',
  'xã',
  'thủ',
  'tục',
  'hành',
  'chính',
  'cải',
  'cách',
  'công',
  'vụ',
  'tài',
  'liệu',
  'kiểm',
  'chứng',
  'đạt',
  'chưa',
  'điểm',
  'tiêu',
  'chí',
  'lĩnh',
  'vực',
];

/**
 * Text that does not compress much (random words and numbers), so a big part stays under the
 * compression-ratio guard and reaches the XML reader.
 */
function looseText(bytes: number, seed: number): string {
  const next = random(seed);
  const out: string[] = [];
  let size = 0;
  while (size < bytes) {
    const w = next() < 0.3 ? String(Math.floor(next() * 100000)) + '/' + String(Math.floor(next() * 1000)) : WORDS[Math.floor(next() * WORDS.length)];
    out.push(w);
    size += Buffer.byteLength(w, 'utf8') + 1;
  }
  return out.join(' ').slice(0, bytes);
}

/** `depth` nested elements with pseudo-random names (so the chain does not compress away). */
function nestedChain(depth: number, seed: number): string {
  const next = random(seed);
  const names: string[] = [];
  for (let i = 0; i < depth; i++) names.push('d' + Math.floor(next() * 1296).toString(36));
  const open = names.map((n) => '<' + n + '>').join('');
  const close = names
    .reverse()
    .map((n) => '</' + n + '>')
    .join('');
  return open + close;
}

function column(n: number): string {
  let s = '';
  for (let c = n; c > 0; c = Math.floor((c - 1) / 26)) s = String.fromCharCode(65 + ((c - 1) % 26)) + s;
  return s;
}

// ---------------------------------------------------------------------------------------------
// A zip written by hand, so its sizes can lie.

export interface RawEntry {
  name: string;
  /** 0 stored, 8 deflated. */
  method: 0 | 8;
  /** The entry's data as stored (compressed for method 8). */
  data: Uint8Array;
  crc: number;
  /** Declared uncompressed size (central directory; the local header too unless localUncompressed). */
  uncompressed: number;
  localUncompressed?: number;
  /** General purpose bit 3: sizes and CRC zero in the local header, then a data descriptor with these. */
  dataDescriptor?: boolean;
}

function u16(n: number): Buffer {
  const b = Buffer.alloc(2);
  b.writeUInt16LE(n >>> 0, 0);
  return b;
}

function u32(n: number): Buffer {
  const b = Buffer.alloc(4);
  b.writeUInt32LE(n >>> 0, 0);
  return b;
}

/** Local headers, data, central directory and end record, exactly as declared (DOS time 2023-11-20). */
export function buildZip(entries: RawEntry[]): Uint8Array {
  const chunks: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  const time = 0;
  const date = ((2023 - 1980) << 9) | (11 << 5) | 20;
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    const flags = 0x0800 | (e.dataDescriptor ? 0x0008 : 0);
    const localUnc = e.localUncompressed !== undefined ? e.localUncompressed : e.uncompressed;
    const local = Buffer.concat([
      u32(0x04034b50),
      u16(20),
      u16(flags),
      u16(e.method),
      u16(time),
      u16(date),
      u32(e.dataDescriptor ? 0 : e.crc),
      u32(e.dataDescriptor ? 0 : e.data.length),
      u32(e.dataDescriptor ? 0 : localUnc),
      u16(name.length),
      u16(0),
      name,
    ]);
    const descriptor = e.dataDescriptor ? Buffer.concat([u32(0x08074b50), u32(e.crc), u32(e.data.length), u32(localUnc)]) : Buffer.alloc(0);
    central.push(
      Buffer.concat([
        u32(0x02014b50),
        u16(20),
        u16(20),
        u16(flags),
        u16(e.method),
        u16(time),
        u16(date),
        u32(e.crc),
        u32(e.data.length),
        u32(e.uncompressed),
        u16(name.length),
        u16(0),
        u16(0),
        u16(0),
        u16(0),
        u32(0),
        u32(offset),
        name,
      ]),
    );
    chunks.push(local, Buffer.from(e.data.buffer, e.data.byteOffset, e.data.byteLength), descriptor);
    offset += local.length + e.data.length + descriptor.length;
  }
  const dir = Buffer.concat(central);
  const end = Buffer.concat([u32(0x06054b50), u16(0), u16(0), u16(entries.length), u16(entries.length), u32(dir.length), u32(offset), u16(0)]);
  return new Uint8Array(Buffer.concat([...chunks, dir, end]));
}

function crc32(data: Uint8Array, previous = 0): number {
  return (zlib as unknown as { crc32: (d: Uint8Array, v?: number) => number }).crc32(data, previous);
}

/** An honest deflated entry. */
function honest(name: string, content: string | Uint8Array): RawEntry {
  const raw = typeof content === 'string' ? Buffer.from(content, 'utf8') : Buffer.from(content);
  return { name, method: 8, data: zlib.deflateRawSync(raw, { level: 6 }), crc: crc32(raw), uncompressed: raw.length };
}

export interface BombOptions {
  /** Inflated size of the bomb part, in MiB (default 1024: about 1 GB). */
  inflatedMiB?: number;
  crc?: 'correct' | 'wrong';
  dataDescriptor?: boolean;
}

/**
 * The sample with xl/worksheets/sheet1.xml replaced by a deflate stream that inflates to about
 * `inflatedMiB` MiB of valid-looking worksheet XML (the sample's own rows, then one filler row
 * repeated), while the central directory and the local header declare the sheet's ordinary size
 * (~37 KB) — below every size and ratio check that trusts declared sizes.
 * The stream is built from independent full-flush deflate blocks, so ~1 GB costs ~1 MB on disk
 * and no gigabyte is ever held in memory here.
 */
export async function lyingZipBomb(sampleBytes: Uint8Array, options: BombOptions = {}): Promise<Uint8Array> {
  const parts = await load(sampleBytes);
  const sheet = text(parts, SHEET1);
  const split = sheet.indexOf('</sheetData>');
  const head = Buffer.from(sheet.slice(0, split), 'utf8');
  const tail = Buffer.from(sheet.slice(split), 'utf8');
  const row = '<row r="137" spans="1:8"><c r="A137" t="inlineStr"><is><t>Tài liệu kiểm chứng bổ sung</t></is></c><c r="B137"><v>0.25</v></c></row>';
  const rowBytes = Buffer.byteLength(row, 'utf8');
  const chunk = Buffer.from(row.repeat(Math.floor((1024 * 1024) / rowBytes)), 'utf8');
  const full = { finishFlush: zlib.constants.Z_FULL_FLUSH, level: 9 };
  const headZ = zlib.deflateRawSync(head, full);
  const chunkZ = zlib.deflateRawSync(chunk, full);
  const tailZ = zlib.deflateRawSync(tail, { level: 9 });
  const repeats = options.inflatedMiB !== undefined ? options.inflatedMiB : 1024;
  let crc = crc32(head);
  for (let i = 0; i < repeats; i++) crc = crc32(chunk, crc);
  crc = crc32(tail, crc);
  const data = Buffer.concat([headZ, Buffer.alloc(chunkZ.length * repeats), tailZ]);
  for (let i = 0; i < repeats; i++) chunkZ.copy(data, headZ.length + i * chunkZ.length);

  const entries: RawEntry[] = [];
  parts.forEach((content, name) => {
    if (name !== SHEET1) {
      entries.push(honest(name, content));
      return;
    }
    entries.push({
      name,
      method: 8,
      data,
      crc: options.crc === 'wrong' ? (crc ^ 0x5a5a5a5a) >>> 0 : crc,
      // What the ordinary sheet declares: the truth is ~1 GB.
      uncompressed: Buffer.byteLength(sheet, 'utf8'),
      dataDescriptor: options.dataDescriptor,
    });
  });
  return buildZip(entries);
}

// ---------------------------------------------------------------------------------------------
// The cases

/** A truncated copy: no central directory (a broken download). */
function truncated(bytes: Uint8Array): Uint8Array {
  return bytes.slice(0, Math.floor(bytes.length / 2));
}

function tinySheet(i: number): string {
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet ' + NS + '><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Trang ' + i + '</t></is></c></row></sheetData></worksheet>'
  );
}

/** Adds `count` worksheets to workbook.xml and its rels; with parts when `withParts`. */
function addSheets(parts: Parts, count: number, withParts: boolean): void {
  const sheets: string[] = [];
  const rels: string[] = [];
  const overrides: string[] = [];
  for (let i = 1; i <= count; i++) {
    sheets.push('<sheet name="T' + i + '" sheetId="' + (100 + i) + '" r:id="rIdH' + i + '"/>');
    rels.push('<Relationship Id="rIdH' + i + '" Type="' + WORKSHEET_TYPE + '" Target="worksheets/h' + i + '.xml"/>');
    if (withParts) {
      overrides.push('<Override PartName="/xl/worksheets/h' + i + '.xml" ContentType="' + WORKSHEET_CT + '"/>');
      parts.set('xl/worksheets/h' + i + '.xml', tinySheet(i));
    }
  }
  parts.set(WORKBOOK, insertBefore(text(parts, WORKBOOK), '</sheets>', sheets.join('')));
  parts.set(WORKBOOK_RELS, insertBefore(text(parts, WORKBOOK_RELS), '</Relationships>', rels.join('')));
  if (overrides.length) parts.set(CONTENT_TYPES, insertBefore(text(parts, CONTENT_TYPES), '</Types>', overrides.join('')));
}

function editSheet1(bytes: Uint8Array, edit: (xml: string) => string): Promise<Uint8Array> {
  return editParts(bytes, (parts) => parts.set(SHEET1, edit(text(parts, SHEET1))));
}

/** 10 merges of two cells per row, rows 1001…, and a text in U(last row) so they lie in the used range. */
function manyMerges(count: number): { rows: string; refs: string[] } {
  const refs: string[] = [];
  const perRow = 10;
  const lastRow = 1000 + Math.ceil(count / perRow);
  for (let k = 0; k < count; k++) {
    const r = 1001 + Math.floor(k / perRow);
    const c = 1 + (k % perRow) * 2;
    refs.push(column(c) + r + ':' + column(c + 1) + r);
  }
  const rows = '<row r="1001"><c r="A1001" t="inlineStr"><is><t>vùng gộp ô</t></is></c></row><row r="' + lastRow + '"><c r="U' + lastRow + '" t="inlineStr"><is><t>hết</t></is></c></row>';
  return { rows, refs };
}

export const CONTROL_CHARS_NAME = 'hong\nx\u001b[31mđỏ\u001b[0m\u001b]0;tieu-de\u0007.xlsx';
export const CONTROL_CHARS_VALID_NAME = 'dep\nx\u001b[2J\u001b[31mxanh\u0007.xlsx';

export interface HostileOptions {
  /** Inflated size of the zip bombs in MiB (default 1024). */
  bombMiB?: number;
}

/** Every hostile case, built from the sample's bytes. */
export async function hostileCases(sampleBytes: Uint8Array, options: HostileOptions = {}): Promise<HostileCase[]> {
  const cases: HostileCase[] = [];
  const add = (c: HostileCase) => cases.push(c);
  const bombMiB = options.bombMiB;

  add({
    id: 'merge-A200-XFD1048576',
    fileName: 'gop-o-khong-lo.xlsx',
    bytes: await editSheet1(sampleBytes, (x) => addMerges(x, ['A200:XFD1048576'])),
    expect: 'scored-or-refused',
    bounded: true,
    about: 'the sample with <mergeCell ref="A200:XFD1048576"/> (19 KB)',
  });
  {
    const { rows, refs } = manyMerges(100000);
    add({
      id: 'merges-100000',
      fileName: 'gop-o-100000.xlsx',
      bytes: await editSheet1(sampleBytes, (x) => addMerges(appendRows(x, rows), refs)),
      expect: 'scored-or-refused',
      bounded: true,
      about: '100,000 non-overlapping two-cell merges in rows 1001-11000 (inside the used range)',
    });
    add({
      id: 'merges-100000-overlapping',
      fileName: 'gop-o-chong-nhau.xlsx',
      // The overlapping pair comes last: a quadratic overlap check meets it after 5·10^9 comparisons.
      bytes: await editSheet1(sampleBytes, (x) => addMerges(appendRows(x, rows), refs.concat(['B11000:C11000']))),
      expect: 'refused',
      bounded: true,
      about: 'the same 100,000 merges and, last, one overlapping another (Excel and ExcelJS call that damaged)',
    });
  }
  add({
    id: 'row-2000000000',
    fileName: 'dong-2-ty.xlsx',
    bytes: await editSheet1(sampleBytes, (x) => appendRows(x, '<row r="2000000000"><c r="A2000000000"><v>1</v></c></row>')),
    expect: 'refused',
    bounded: true,
    about: '<row r="2000000000"> with a cell, past row 1048576',
  });
  add({
    id: 'row-2000000000-empty',
    fileName: 'dong-2-ty-rong.xlsx',
    bytes: await editSheet1(sampleBytes, (x) => appendRows(x, '<row r="2000000000" customHeight="1" ht="30"/>')),
    expect: 'refused',
    bounded: true,
    about: 'an empty <row r="2000000000"/>',
  });
  add({
    id: 'row-1048577',
    fileName: 'dong-1048577.xlsx',
    bytes: await editSheet1(sampleBytes, (x) => appendRows(x, '<row r="1048577"><c r="A1048577"><v>1</v></c></row>')),
    expect: 'refused',
    bounded: true,
    about: 'a row one past the last (1048577)',
  });
  add({
    id: 'cell-XFE1',
    fileName: 'cot-XFE.xlsx',
    bytes: await editSheet1(sampleBytes, (x) => insertBefore(x, '</row>', '<c r="XFE1"><v>1</v></c>')),
    expect: 'refused',
    bounded: true,
    about: 'a cell <c r="XFE1"> one column past XFD',
  });
  add({
    id: 'cell-ZZZZZZ1',
    fileName: 'cot-ZZZZZZ.xlsx',
    bytes: await editSheet1(sampleBytes, (x) => insertBefore(x, '</row>', '<c r="ZZZZZZ1"><v>1</v></c>')),
    expect: 'refused',
    bounded: true,
    about: 'a cell in column ZZZZZZ (321,272,406)',
  });
  add({
    id: 'zip-bomb-lying-sizes',
    fileName: 'bom-nen.xlsx',
    bytes: await lyingZipBomb(sampleBytes, { inflatedMiB: bombMiB, crc: 'correct' }),
    expect: 'refused',
    bounded: true,
    about: 'sheet1.xml inflates to ~1 GB of rows; central directory and local header declare 37 KB; CRC correct',
  });
  add({
    id: 'zip-bomb-lying-sizes-bad-crc',
    fileName: 'bom-nen-crc-sai.xlsx',
    bytes: await lyingZipBomb(sampleBytes, { inflatedMiB: bombMiB, crc: 'wrong' }),
    expect: 'refused',
    bounded: true,
    about: 'the same with a wrong CRC (a reader checking the CRC only at the end has inflated it all)',
  });
  add({
    id: 'zip-bomb-data-descriptor',
    fileName: 'bom-nen-mo-ta.xlsx',
    bytes: await lyingZipBomb(sampleBytes, { inflatedMiB: bombMiB, crc: 'correct', dataDescriptor: true }),
    expect: 'refused',
    bounded: true,
    about: 'the same with sizes zero in the local header and a lying data descriptor',
  });
  add({
    id: 'shared-formula-past-XFD',
    fileName: 'cong-thuc-qua-XFD.xlsx',
    bytes: await editSheet1(sampleBytes, (x) =>
      appendRows(x, '<row r="1001"><c r="XFC1001"><f t="shared" ref="XFC1001:XFD1001" si="900">XFD1+1</f><v>1</v></c><c r="XFD1001"><f t="shared" si="900"/><v>1</v></c></row>'),
    ),
    expect: 'scored-or-refused',
    bounded: false,
    about: 'a shared formula on XFC1001:XFD1001 whose clone refers to XFE1 (Excel shows #REF!)',
  });
  add({
    id: 'shared-formula-past-row-1048576',
    fileName: 'cong-thuc-qua-dong-cuoi.xlsx',
    bytes: await editSheet1(sampleBytes, (x) =>
      appendRows(x, '<row r="1001"><c r="V1001"><f t="shared" ref="V1001:V1002" si="901">A1048576+1</f><v>1</v></c></row><row r="1002"><c r="V1002"><f t="shared" si="901"/><v>1</v></c></row>'),
    ),
    expect: 'scored-or-refused',
    bounded: false,
    about: 'a shared formula whose clone refers to A1048577',
  });
  add({
    id: 'deep-nesting',
    fileName: 'long-sau.xlsx',
    bytes: await editSheet1(sampleBytes, (x) => insertBefore(x, '</worksheet>', '<extLst><ext uri="{6A7B0E4F-CCHC-4D1B-9E55-000000000001}">' + nestedChain(300000, 11) + '</ext></extLst>')),
    expect: 'scored-or-refused',
    bounded: false,
    about: "a chain of 300,000 nested elements (pseudo-random names: under the ratio guard) in the worksheet's extLst",
  });
  add({
    id: 'deep-nesting-in-cell',
    fileName: 'long-sau-trong-o.xlsx',
    bytes: await editSheet1(sampleBytes, (x) => appendRows(x, '<row r="1001"><c r="B1001" t="inlineStr"><is>' + nestedChain(100000, 12) + '<t>x</t></is></c></row>')),
    expect: 'scored-or-refused',
    bounded: false,
    about: "a chain of 100,000 nested unknown elements inside a cell's inline string",
  });
  add({
    id: 'shared-string-2MB',
    fileName: 'chuoi-2MB.xlsx',
    bytes: await editParts(sampleBytes, (parts) => {
      const sst = text(parts, SHARED);
      const m = /count="(\d+)" uniqueCount="(\d+)"/.exec(sst) as RegExpExecArray;
      const index = Number(m[2]);
      const big = looseText(2 * 1024 * 1024, 7);
      parts.set(SHARED, insertBefore(sst.replace(m[0], 'count="' + (Number(m[1]) + 1) + '" uniqueCount="' + (index + 1) + '"'), '</sst>', '<si><t>' + big + '</t></si>'));
      parts.set(SHEET1, appendRows(text(parts, SHEET1), '<row r="1001"><c r="B1001" t="s"><v>' + index + '</v></c></row>'));
    }),
    expect: 'scored-or-refused',
    bounded: false,
    about: "a 2 MB shared string of words and numbers (Excel's cell limit is 32,767 characters) used in B1001",
  });
  add({
    id: 'shared-string-2MB-in-table',
    fileName: 'chuoi-2MB-trong-bang.xlsx',
    bytes: await editParts(sampleBytes, (parts) => {
      // The evidence cell of the first criterion (F12, a hyperlink) gets the 2 MB text instead.
      const sst = text(parts, SHARED);
      const m = /count="(\d+)" uniqueCount="(\d+)"/.exec(sst) as RegExpExecArray;
      const index = Number(m[2]);
      parts.set(SHARED, insertBefore(sst.replace(m[0], 'count="' + (Number(m[1]) + 1) + '" uniqueCount="' + (index + 1) + '"'), '</sst>', '<si><t>' + looseText(2 * 1024 * 1024, 8) + '</t></si>'));
      parts.set(SHEET1, text(parts, SHEET1).replace(/<c r="F12"([^>]*?) t="s"><v>\d+<\/v><\/c>/, '<c r="F12"$1 t="s"><v>' + index + '</v></c>'));
    }),
    expect: 'scored-or-refused',
    bounded: false,
    about: 'the same 2 MB text as the evidence of criterion 1.1.1 (F12), inside the table',
  });
  add({
    id: 'sheets-10000-declared',
    fileName: '10000-trang-khai.xlsx',
    bytes: await editParts(sampleBytes, (parts) => addSheets(parts, 10000, false)),
    expect: 'refused',
    bounded: false,
    about: '10,000 sheets declared in workbook.xml and its rels, their parts missing (never dropped silently)',
  });
  add({
    id: 'sheets-10000-parts',
    fileName: '10000-trang.xlsx',
    bytes: await editParts(sampleBytes, (parts) => addSheets(parts, 10000, true)),
    expect: 'refused',
    bounded: false,
    about: '10,000 real sheet parts (more zip entries than the limit)',
  });
  add({
    id: 'sheets-2000-parts',
    fileName: '2000-trang.xlsx',
    bytes: await editParts(sampleBytes, (parts) => addSheets(parts, 2000, true)),
    expect: 'scored-or-refused',
    bounded: false,
    about: '2,000 small real sheets besides the two appendices',
  });
  add({
    id: 'entry-names-traversal',
    fileName: 'ten-muc-nguy-hiem.xlsx',
    bytes: await editParts(
      sampleBytes,
      () => undefined,
      (zip) => {
        zip.file('../../cchc-hostile-escape.txt', 'thoát ra ngoài', { createFolders: false });
        zip.file('/tmp/cchc-hostile-absolute.txt', 'đường dẫn tuyệt đối', { createFolders: false });
        zip.file('..\\..\\cchc-hostile-windows.txt', 'kiểu Windows', { createFolders: false });
        zip.file('xl/../../cchc-hostile-up.xml', '<x/>', { createFolders: false });
      },
    ),
    expect: 'scored-or-refused',
    bounded: false,
    about: 'extra zip entries named ../../…, /tmp/…, ..\\..\\… and xl/../../…',
    mustNotCreate: ['../../cchc-hostile-escape.txt', '/tmp/cchc-hostile-absolute.txt', '../cchc-hostile-up.xml', '../../cchc-hostile-up.xml'],
  });
  add({
    id: 'sheet-target-outside-package',
    fileName: 'trang-ngoai-goi.xlsx',
    bytes: await editParts(sampleBytes, (parts) => {
      const rels = text(parts, WORKBOOK_RELS);
      parts.set(WORKBOOK_RELS, rels.replace('Target="worksheets/sheet1.xml"', 'Target="../../../../../etc/hostname"'));
    }),
    expect: 'refused',
    bounded: false,
    about: "Phụ lục 1's relationship pointing out of the package (../../../../../etc/hostname): never Phụ lục 2 alone at 2/2",
  });
  add({
    id: 'control-chars-in-name',
    fileName: CONTROL_CHARS_NAME,
    bytes: truncated(sampleBytes),
    expect: 'refused',
    bounded: false,
    about: 'a damaged file whose name holds a newline, ESC colour and title sequences and BEL',
  });
  add({
    id: 'control-chars-in-name-valid',
    fileName: CONTROL_CHARS_VALID_NAME,
    bytes: sampleBytes,
    expect: 'scored',
    bounded: false,
    about: 'the sample under a name holding a newline, ESC sequences (clear screen, colour) and BEL',
  });
  return cases;
}
