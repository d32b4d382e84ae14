import JSZip from 'jszip';
import { analyseWorkbook } from '../../src/core/analyse';
import { planWorkbook } from '../../src/core/plan/planWorkbook';
import { formatPoints } from '../../src/core/number/format';
import { readGridFromXlsxBytes } from '../../src/xlsx/read/readGrid';
import { MAX_MERGES } from '../../src/xlsx/read/limits';
import { sampleWorkbookBytes } from '../../src/xlsx/gridToWorkbook';
import { patchWorkbookBytes } from '../../src/xlsx/patch/patchPackage';
import { MalformedPart, normaliseXmlPart } from '../../src/xlsx/package/normaliseXml';
import { openXlsxPackage, resolveTarget } from '../../src/xlsx/package/xlsxPackage';
import { WorkbookInputError } from '../../src/xlsx/workbookInputError';
import { clipHugeRanges } from '../helpers/excelJsBounds';
import { excelJsGrid, inMergeOrder } from '../helpers/excelJsOracle';
import { lyingZipBomb } from '../helpers/hostileXlsx';

/**
 * The package layer under the reader (and the ExcelJS oracle): one spelling of SpreadsheetML,
 * counted inflation; the annotated copy of a hostile file costs seconds, not minutes; and what the
 * oracle hands ExcelJS so that its own load stays bounded too.
 */

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

describe('normaliseXmlPart: the spelling both readers match literally', () => {
  test('a plain part comes back as it was', () => {
    const xml = '<?xml version="1.0"?><worksheet xmlns="' + MAIN + '" xmlns:r="' + REL + '"><sheetData/></worksheet>';
    expect(normaliseXmlPart(xml)).toBe(xml);
  });

  test('x: prefixes dropped, rel: renamed r:, text with a colon untouched', () => {
    const xml =
      '<x:worksheet xmlns:x="' +
      MAIN +
      '" xmlns:rel="' +
      REL +
      '"><x:sheetData><x:row x:r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>x:a = 1</x:t></x:is></x:c></x:row></x:sheetData><x:hyperlinks><x:hyperlink ref="A1" rel:id="rId1"/></x:hyperlinks></x:worksheet>';
    expect(normaliseXmlPart(xml)).toBe(
      '<worksheet xmlns="' +
        MAIN +
        '" xmlns:r="' +
        REL +
        '"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>x:a = 1</t></is></c></row></sheetData><hyperlinks><hyperlink ref="A1" r:id="rId1"/></hyperlinks></worksheet>',
    );
  });

  test('main namespace under r: and relationships under r2: swap cleanly', () => {
    const xml = '<r:workbook xmlns:r="' + MAIN + '" xmlns:r2="' + REL + '"><r:sheets><r:sheet name="A" sheetId="1" r2:id="rId1"/></r:sheets></r:workbook>';
    expect(normaliseXmlPart(xml)).toBe('<workbook xmlns="' + MAIN + '" xmlns:r="' + REL + '"><sheets><sheet name="A" sheetId="1" r:id="rId1"/></sheets></workbook>');
  });

  test('a prefixed declaration next to the same default namespace is not duplicated', () => {
    const xml = '<worksheet xmlns="' + MAIN + '" xmlns:x="' + MAIN + '"><x:sheetData/></worksheet>';
    expect(normaliseXmlPart(xml)).toBe('<worksheet xmlns="' + MAIN + '"><sheetData/></worksheet>');
  });

  test('Strict namespaces become transitional ones', () => {
    const xml = '<worksheet xmlns="http://purl.oclc.org/ooxml/spreadsheetml/main" xmlns:r="http://purl.oclc.org/ooxml/officeDocument/relationships"/>';
    expect(normaliseXmlPart(xml)).toBe('<worksheet xmlns="' + MAIN + '" xmlns:r="' + REL + '"/>');
  });

  test('CDATA becomes escaped text; a DOCTYPE without declarations is dropped', () => {
    expect(normaliseXmlPart('<!DOCTYPE worksheet><v><![CDATA[1.5]]></v><t><![CDATA[a < b & c]]></t>')).toBe('<v>1.5</v><t>a &lt; b &amp; c</t>');
  });

  test.each([
    ['an entity declaration', '<!DOCTYPE t [<!ENTITY a "aaaa">]><t>&a;</t>'],
    ['an external DTD', '<!DOCTYPE t SYSTEM "http://x/t.dtd"><t/>'],
    ['&#0;', '<t>a&#0;b</t>'],
    ['&#xFFFE;', '<t>&#xFFFE;</t>'],
    ['a lone surrogate', '<t>&#xD800;</t>'],
    ['unterminated CDATA', '<t><![CDATA[abc</t>'],
    ['one prefix bound to two namespaces', '<a xmlns:x="' + MAIN + '"><b xmlns:x="urn:other"/></a>'],
  ])('refused: %s', (_what, xml) => {
    expect(() => normaliseXmlPart(xml)).toThrow(MalformedPart);
  });

  test('allowed character references pass', () => {
    expect(normaliseXmlPart('<t>a&#10;b&#x1F600;&#9;</t>')).toBe('<t>a&#10;b&#x1F600;&#9;</t>');
  });
});

describe('the package: parts renamed, inflation counted', () => {
  test('relationship targets resolve like a package does', () => {
    expect(resolveTarget('xl/', 'worksheets/sheet1.xml')).toBe('xl/worksheets/sheet1.xml');
    expect(resolveTarget('xl/', '/xl/ws/a.xml')).toBe('xl/ws/a.xml');
    expect(resolveTarget('xl/worksheets/', '../drawings/d1.xml')).toBe('xl/drawings/d1.xml');
    expect(resolveTarget('xl/', './ws/../ws/b.xml')).toBe('xl/ws/b.xml');
  });

  test('a sheet the workbook names but the file does not hold is refused, not dropped', async () => {
    const zip = await JSZip.loadAsync(await sampleWorkbookBytes());
    zip.remove('xl/worksheets/sheet2.xml');
    const bytes = await zip.generateAsync({ type: 'uint8array' });
    await expect(readGridFromXlsxBytes(bytes, 'thieu-trang.xlsx')).rejects.toMatchObject({ code: 'corrupt' });
    await expect(excelJsGrid(bytes, 'thieu-trang.xlsx')).rejects.toMatchObject({ code: 'corrupt' });
  });

  test('a zip that understates its sizes stops at the inflation limit, whatever it declares', async () => {
    const bomb = await lyingZipBomb(await sampleWorkbookBytes(), { inflatedMiB: 40 });
    const error = await readGridFromXlsxBytes(bomb, 'bom.xlsx', { maxUncompressedBytes: 8 * 1024 * 1024, maxCompressionRatio: 1e9 }).catch((e) => e);
    expect(error).toBeInstanceOf(WorkbookInputError);
    expect(error.code).toBe('too-large');
    expect(error.messageVi).toContain('vượt 8 MB');
    // Under the limit the same file is read far enough to find it damaged (its sizes lie).
    const pkg = await openXlsxPackage(bomb, 'bom.xlsx', { maxUncompressedBytes: 200 * 1024 * 1024, maxCompressionRatio: 1e9 });
    await expect(pkg.text('xl/worksheets/sheet1.xml')).rejects.toThrow();
  });
});

async function sampleWithSheet1(edit: (xml: string) => string): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(await sampleWorkbookBytes());
  const xml = await zip.file('xl/worksheets/sheet1.xml')!.async('string');
  zip.file('xl/worksheets/sheet1.xml', edit(xml));
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

function withMergeRefs(xml: string, refs: string[]): string {
  const list = refs.map((r) => '<mergeCell ref="' + r + '"/>').join('');
  return /<mergeCells/.test(xml) ? xml.replace(/<mergeCells[^>]*>/, (m) => m + list) : xml.replace(/<\/sheetData>/, '</sheetData><mergeCells count="' + refs.length + '">' + list + '</mergeCells>');
}

/** The grid's total for Phụ lục 1 and 2, as the user reads it. */
async function scoredTotal(bytes: Uint8Array): Promise<string> {
  const analysis = analyseWorkbook(await readGridFromXlsxBytes(bytes, 'x.xlsx'));
  return formatPoints(analysis.total.self, 'vi') + '/' + formatPoints(analysis.total.max, 'vi');
}

describe('merges: clipped to the cells, bounded, and the same for the annotated copy', () => {
  test('the sample scores 70,13/76 over its two sheets (the reference for every comparison below)', async () => {
    expect(await scoredTotal(await sampleWorkbookBytes())).toBe('70,13/76');
  });

  test('a merge naming the rest of the sheet is clipped; the score and the copy are the ones without it', async () => {
    const plain = await sampleWorkbookBytes();
    const hostile = await sampleWithSheet1((xml) => withMergeRefs(xml, ['A200:XFD1048576', 'J1:XFD3']));
    expect(await scoredTotal(hostile)).toBe(await scoredTotal(plain));
    const grid = await readGridFromXlsxBytes(hostile, 'x.xlsx');
    // ExcelJS, given the bounded package, reads the same grid.
    expect(inMergeOrder(grid)).toStrictEqual(await excelJsGrid(hostile, 'x.xlsx'));
    const sheet = grid.sheets[0];
    // A200 lies past the last row (dropped); J1:XFD3 is clipped to the last column with a cell.
    expect(sheet.merges!.some((m) => m.top === 199)).toBe(false);
    const clipped = sheet.merges!.find((m) => m.top === 0 && m.left === 9);
    const width = Math.max(...sheet.rows.map((r) => (r ? r.length : 0)));
    if (clipped) expect(clipped.right).toBeLessThan(width);
    // The copy (the package patched, its merges as the official wrote them) is made in bounded time,
    // reads back with the same clipped merges, every ordinary merge kept, and scores the same.
    const analysis = analyseWorkbook(grid);
    const started = Date.now();
    const copy = await patchWorkbookBytes(hostile, planWorkbook(analysis, grid, 'vi'));
    expect(Date.now() - started).toBeLessThan(10000);
    const copyGrid = await readGridFromXlsxBytes(copy, 'copy.xlsx');
    expect(copyGrid.sheets[0].merges).toEqual(sheet.merges);
    const original = (await readGridFromXlsxBytes(plain, 'p.xlsx')).sheets[0].merges!.length;
    expect(copyGrid.sheets[0].merges!.length).toBeGreaterThanOrEqual(original);
    expect(await scoredTotal(copy)).toBe(await scoredTotal(plain));
  });

  test(MAX_MERGES + ' merges on a sheet are read; one more is refused with its own sentence', async () => {
    // Two-cell merges in new rows under the table (G and H of rows 1001…), nothing overlapping.
    const rows = (n: number) => {
      let out = '';
      for (let r = 0; r < Math.ceil(n / 2); r++) out += '<row r="' + (1001 + r) + '"><c r="A' + (1001 + r) + '"/><c r="M' + (1001 + r) + '" s="1"/></row>';
      return out;
    };
    const refs = (n: number) => Array.from({ length: n }, (_v, i) => (i % 2 ? 'K' : 'G') + (1001 + (i >> 1)) + ':' + (i % 2 ? 'L' : 'H') + (1001 + (i >> 1)));
    const existing = (await readGridFromXlsxBytes(await sampleWorkbookBytes(), 'p.xlsx')).sheets[0].merges!.length;
    const build = (n: number) => sampleWithSheet1((xml) => withMergeRefs(xml.replace('</sheetData>', rows(n) + '</sheetData>'), refs(n)));
    const atLimit = await build(MAX_MERGES - existing);
    expect(await scoredTotal(atLimit)).toBe(await scoredTotal(await sampleWorkbookBytes()));
    const over = await build(MAX_MERGES - existing + 1);
    const error = await readGridFromXlsxBytes(over, 'nhieu-o-gop.xlsx').catch((e) => e);
    expect(error).toMatchObject({ code: 'beyond-limits' });
    expect(error.messageVi).toContain('10.001 vùng ô gộp');
    expect(error.messageVi).toContain('tối đa 10.000');
    await expect(excelJsGrid(over, 'nhieu-o-gop.xlsx')).rejects.toMatchObject({ code: 'beyond-limits' });
  });

  test('overlapping merges are refused as damaged (by the reader, before ExcelJS sees them), wherever the pair is', async () => {
    const bytes = await sampleWithSheet1((xml) => withMergeRefs(xml, ['B130:C131', 'C131:D132']));
    await expect(readGridFromXlsxBytes(bytes, 'x.xlsx')).rejects.toMatchObject({ code: 'corrupt' });
    await expect(excelJsGrid(bytes, 'x.xlsx')).rejects.toMatchObject({ code: 'corrupt' });
  });
});

describe('huge validations and names: the copy in bounded time; what the ExcelJS oracle is given clipped, ordinary ones untouched', () => {
  const extent = { rows: 136, columns: 8 };

  test('clipHugeRanges', () => {
    expect(clipHugeRanges('A1:XFD1048576', extent)).toBe('A1:H136');
    expect(clipHugeRanges("'Phụ lục 1'!$A$1:$XFD$1048576", extent)).toBe("'Phụ lục 1'!$A$1:$H$136");
    // A whole-column validation (a million cells) ends at the last row with content.
    expect(clipHugeRanges('D1:D1048576', extent)).toBe('D1:D136');
    // Ordinary areas are left as they are, even past the content.
    expect(clipHugeRanges('B2:C40 E5 A1:H5000', extent)).toBe('B2:C40 E5 A1:H5000');
    // Never clipped above its own top-left.
    expect(clipHugeRanges('Z500:XFD1048576', extent)).toBe('Z500:Z500');
  });

  test('a 19 KB file with a validation and a name over the whole sheet gives its annotated copy', async () => {
    const bytes = await sampleWithSheet1((xml) =>
      xml.replace(/(<pageMargins)/, '<dataValidations count="1"><dataValidation type="whole" sqref="A1:XFD1048576 D1:D1048576"><formula1>0</formula1></dataValidation></dataValidations>$1'),
    );
    const zip = await JSZip.loadAsync(bytes);
    const book = await zip.file('xl/workbook.xml')!.async('string');
    zip.file('xl/workbook.xml', book.replace('<definedNames>', '<definedNames><definedName name="vung">&apos;Phụ lục 1&apos;!$A$1:$XFD$1048576</definedName>'));
    const hostile = await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
    expect(hostile.length).toBeLessThan(40 * 1024);
    const grid = await readGridFromXlsxBytes(hostile, 'x.xlsx');
    const total = analyseWorkbook(grid).total;
    expect(formatPoints(total.self, 'vi') + '/' + formatPoints(total.max, 'vi')).toBe(await scoredTotal(await sampleWorkbookBytes()));
    // The copy leaves the official's validation and name as they were, and is made in bounded time.
    const started = Date.now();
    const copy = await patchWorkbookBytes(hostile, planWorkbook(analyseWorkbook(grid), grid, 'vi'));
    expect(Date.now() - started).toBeLessThan(10000);
    const written = await JSZip.loadAsync(copy);
    expect(await written.file('xl/worksheets/sheet1.xml')!.async('string')).toContain('sqref="A1:XFD1048576 D1:D1048576"');
    expect(await scoredTotal(copy)).toBe(await scoredTotal(await sampleWorkbookBytes()));
    // ExcelJS loads it only with both clipped (seconds, not minutes), and reads the same grid.
    expect(inMergeOrder(grid)).toStrictEqual(await excelJsGrid(hostile, 'x.xlsx'));
  });
});
