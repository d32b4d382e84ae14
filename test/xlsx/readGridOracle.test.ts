import ExcelJS from 'exceljs';
import * as fs from 'fs';
import JSZip from 'jszip';
import * as os from 'os';
import * as path from 'path';
import { isDeepStrictEqual } from 'util';
import { analyseWorkbook } from '../../src/core/analyse';
import { cellAt, WorkbookGrid } from '../../src/core/grid';
import { toJsonResult } from '../../src/core/report/jsonResult';
import { planWorkbook } from '../../src/core/plan/planWorkbook';
import { encodeTcvn3, encodeVni } from '../../src/core/text/legacyEncodings';
import { sampleWorkbookBytes } from '../../src/xlsx/gridToWorkbook';
import { readGridFromXlsxFile } from '../../src/xlsx/node/readGridFile';
import { patchWorkbookBytes } from '../../src/xlsx/patch/patchPackage';
import { readGridFromXlsxBytes } from '../../src/xlsx/read/readGrid';
import { WorkbookInputError } from '../../src/xlsx/workbookInputError';
import { excelJsGrid, excelJsGridFromFile, inMergeOrder, rawExcelJsGrid } from '../helpers/excelJsOracle';
import { everyKindWorkbook } from './fixtures/everyKind';
import { annotatedInputSheets, body, MERGES, specWorkbook } from './fixtures/smallAppendix';

/**
 * The reader (src/xlsx/read) must give exactly the grid ExcelJS's public API gives on the same
 * workbook (test/helpers/excelJsOracle.ts: same cells, same row lengths and holes, same merges, same
 * sheets) and so exactly the same scoring result.
 */

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cchc-fast-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

/**
 * The other path: ExcelJS loading the same package (normalised spelling, merges clipped to the
 * cells), read through its public API. Raw ExcelJS on the raw bytes differs on purpose where it
 * misreads what Excel reads (CDATA, prefixes): see the raw comparison below.
 */
async function viaExcelJS(bytes: Uint8Array): Promise<WorkbookGrid> {
  return excelJsGrid(bytes, 'f.xlsx');
}

async function viaRawExcelJS(bytes: Uint8Array): Promise<WorkbookGrid> {
  return rawExcelJsGrid(bytes, 'f.xlsx');
}

async function expectSameGrid(bytes: Uint8Array, options: { rawAgrees?: boolean } = {}): Promise<WorkbookGrid> {
  const slow = await viaExcelJS(bytes);
  // Workbooks ExcelJS itself wrote need no normalising: raw ExcelJS reads them the same.
  if (options.rawAgrees !== false) expect(await viaRawExcelJS(bytes)).toStrictEqual(slow);
  const fast = await readGridFromXlsxBytes(bytes, 'f.xlsx');
  // toStrictEqual: holes, lengths and undefined fields count; isDeepStrictEqual double-checks.
  expect(inMergeOrder(fast)).toStrictEqual(slow);
  expect(isDeepStrictEqual(inMergeOrder(fast), slow)).toBe(true);
  for (const lang of ['vi', 'en'] as const) {
    const a = JSON.stringify(toJsonResult(analyseWorkbook(fast), fast, lang));
    const b = JSON.stringify(toJsonResult(analyseWorkbook(slow), slow, lang));
    expect(a).toBe(b);
  }
  // Without a profile too, and the write plan the annotated copy would get.
  const pick = (g: WorkbookGrid) => {
    const a = analyseWorkbook(g, { profile: null });
    return JSON.stringify({ json: toJsonResult(a, g, 'vi'), plan: planWorkbook(a, g, 'vi'), flags: a.flags, skipped: a.skipped });
  };
  expect(pick(fast)).toBe(pick(slow));
  return fast;
}

async function toBytes(wb: ExcelJS.Workbook): Promise<Uint8Array> {
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

// ---------------------------------------------------------------------------------------------
// Workbooks as the other tests build them

const annotatedInput = () => specWorkbook(annotatedInputSheets());

/** The sheet with every kind of value ExcelJS writes (shared with readWorkbook.test.ts). */
function everyKind(): ExcelJS.Workbook {
  return everyKindWorkbook();
}

describe('same grid as ExcelJS on the workbooks the other tests build', () => {
  test.each([
    ['TCVN3 with .VnTime fonts', encodeTcvn3, '.VnTime'],
    ['VNI with VNI-Times fonts', encodeVni, 'VNI-Times'],
    ['TCVN3 without font information', encodeTcvn3, undefined],
    ['Unicode NFD', (s: string) => s.normalize('NFD'), undefined],
  ] as Array<[string, (s: string) => string, string | undefined]>)('%s', async (_label, encode, font) => {
    const grid = await expectSameGrid(await toBytes(specWorkbook([{ name: 'Sheet1', rows: body(encode), merges: MERGES, font }])));
    if (font) expect(cellAt(grid.sheets[0], 3, 1)!.font).toBe(font);
    expect(grid.sheets[0].merges).toHaveLength(4);
  });

  test('hyperlinks, HYPERLINK formulas, text numbers, roman codes; and the annotated copy cchc writes', async () => {
    await expectSameGrid(await toBytes(annotatedInput()));
    const input = await toBytes(annotatedInput());
    const grid = await readGridFromXlsxBytes(input, 'in.xlsx');
    const patched = await patchWorkbookBytes(input, planWorkbook(analyseWorkbook(grid, { profile: null }), grid, 'vi'));
    // The copy has live formulas, a summary sheet and in-document links (location=).
    const copy = await expectSameGrid(patched);
    expect(copy.sheets.map((s) => s.name)).toContain('Tổng hợp điểm');
  });

  test('every kind of value (dates, rich text, shared formulas, errors, merges, far cells)', async () => {
    const grid = await expectSameGrid(await toBytes(everyKind()));
    const s = grid.sheets[0];
    expect(cellAt(s, 3, 5)).toEqual({ value: 4, formula: 'A4*2' });
    expect(cellAt(s, 1, 0)).toMatchObject({ value: 44931 });
    expect(cellAt(s, 1, 1)).toEqual({ value: 'KÕ ho¹ch', font: '.VnTime' });
    expect(s.rows.length).toBe(20);
  });

  test('1904 date system', async () => {
    const wb = new ExcelJS.Workbook();
    wb.properties.date1904 = true;
    const ws = wb.addWorksheet('S');
    ws.getCell('A1').value = new Date(Date.UTC(2023, 0, 5));
    ws.getCell('A1').numFmt = 'dd/mm/yyyy';
    const grid = await expectSameGrid(await toBytes(wb));
    expect(cellAt(grid.sheets[0], 0, 0)!.value).toBe(44931 - 1462);
  });

  test('the embedded sample', async () => {
    const grid = await expectSameGrid(await sampleWorkbookBytes());
    expect(grid.sheets.map((s) => s.name)).toEqual(['Phụ lục 1', 'Phụ lục 2']);
  });

  test("the benchmark's generated commune workbooks", async () => {
    // bench/communeWorkbooks.js loads dist/, built by the jest global setup.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { writeCommuneWorkbooks } = require('../../bench/communeWorkbooks');
    const dir = fs.mkdtempSync(path.join(tmp, 'bench-'));
    await writeCommuneWorkbooks(dir, 10);
    const files = fs.readdirSync(dir).sort();
    expect(files).toHaveLength(10);
    for (const f of files) await expectSameGrid(new Uint8Array(fs.readFileSync(path.join(dir, f))));
  });
});

// ---------------------------------------------------------------------------------------------
// A workbook written the way other producers write them

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

function rels(list: Array<[string, string, string, boolean?]>): string {
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\r\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
    list.map(([id, type, target, ext]) => '<Relationship Target="' + target + '" Type="' + REL + '/' + type + '" Id="' + id + '"' + (ext ? ' TargetMode="External"' : '') + '/>').join('') +
    '</Relationships>'
  );
}

const STYLES =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet ' +
  NS +
  '>\n' +
  '<numFmts count="3"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/><numFmt formatCode="&quot;Ngày&quot; 0" numFmtId="165"/><numFmt numFmtId="166" formatCode="[Red]0.00"/></numFmts>\n' +
  '<fonts count="3"><font><sz val="11"/><name val="Calibri"/></font><font><b/><name val=".VnTime"/><family val="2"/></font><font><sz val="9"/></font></fonts>\n' +
  '<fills count="1"><fill><patternFill patternType="none"/></fill></fills><borders count="1"><border/></borders>\n' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="1" fillId="0" borderId="0"/></cellStyleXfs>\n' +
  '<cellXfs count="9">' +
  '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>' + // 0
  '<xf fontId="1" numFmtId="0" fillId="0" borderId="0" xfId="0" applyFont="1"/>' + // 1 .VnTime
  '<xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>' + // 2 date
  '<xf numFmtId="164" fontId="1" fillId="0" borderId="0" xfId="0"><alignment wrapText="1"/></xf>' + // 3 date + .VnTime
  '<xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0"/>' + // 4 quoted text: not a date
  '<xf numFmtId="0" fontId="2" fillId="0" borderId="0" xfId="0"/>' + // 5 font without a name
  '<xf numFmtId="22" fontId="0" fillId="0" borderId="0" xfId="0"/>' + // 6 date time
  '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>' + // 7 Calibri
  '<xf numFmtId="166" fontId="9" fillId="0" borderId="0" xfId="0"/>' + // 8 missing font, not a date
  '</cellXfs>\n<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>\n' +
  '<dxfs count="1"><dxf><font><name val="Arial"/></font><numFmt numFmtId="200" formatCode="yyyy"/></dxf></dxfs>\n</styleSheet>';

const SHARED =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst ' +
  NS +
  ' count="8" uniqueCount="8">' +
  '<si><t>Tiêu chí_x000D_\nmột &amp; hai</t></si>' + // 0
  '<si><r><rPr><rFont val=".VnTime"/><sz val="12"/></rPr><t xml:space="preserve">KÕ </t></r><r><t>ho¹ch</t></r></si>' + // 1
  '<si><r><t>không </t></r><r><rPr><b/><rFont val="VNI-Times"/></rPr><t>font</t></r></si>' + // 2
  '<si/>' + // 3
  '<si><t/></si>' + // 4
  '<si><t>Phiên âm</t><rPh sb="0" eb="1"><t>x</t></rPh><phoneticPr fontId="1" type="noConversion"/></si>' + // 5
  '<si><t>&#7842;nh &#x1EA2;nh _x0041__x00e9_</t></si>' + // 6  (lower-case hex stays)
  '<si>\n  <t>  cách  </t>\n</si>' + // 7
  '</sst>';

const SHEET1 =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<worksheet ' +
  NS +
  '>\r\n' +
  '  <dimension ref="A1:J16"/>\r\n  <sheetViews><sheetView workbookViewId="0"/></sheetViews>\r\n  <sheetFormatPr defaultRowHeight="15"/>\r\n' +
  '  <cols><col min="1" max="1" width="9" style="1" customWidth="1"/></cols>\r\n' +
  '  <sheetData>\r\n' +
  '    <row r="1" spans="1:8">\r\n' +
  '      <c t="inlineStr" r="A1" s="1"><is><t xml:space="preserve"> Kế hoạch &amp; báo cáo _x000D_ </t></is></c>\r\n' +
  '      <c r="B1" t="inlineStr"><is><r><rPr><b/><rFont val="VNI-Times"/></rPr><t>Ke&#x302; </t></r><r><t>hoa&#803;ch_x0041_</t></r></is></c>\r\n' +
  '      <c r="C1" t="s"><v>0</v></c><c r="D1" t="s" s="7"><v>1</v></c><c r="E1" t="s"><v>2</v></c><c r="F1" t="s"><v>3</v></c>\r\n' +
  '      <c r="G1" t="s"><v>4</v></c><c r="H1" t="s"><v>5</v></c><c r="I1" t="s"><v>6</v></c><c r="J1" t="s"><v>7</v></c>\r\n' +
  '    </row>\r\n' +
  '    <!-- a comment between rows -->\r\n' +
  '    <row r="2">' +
  '<c r="A2" t="str"><v>a &amp;amp; b &amp;lt;c&amp;gt;</v></c><c r="B2" t="b"><v>1</v></c><c r="C2" t="b"><v>0</v></c><c r="D2" t="e"><v>#N/A</v></c>' +
  '<c r="E2"><v>1.5E+2</v></c><c r="F2" t="n"><v>-0.25</v></c><c r="G2" s="2"><v>44931.5</v></c><c r="H2" s="3"><v>45000.123456789</v></c>' +
  '<c r="I2" s="4"><v>7</v></c><c r="J2" s="6"><v>45000.9999999</v></c><c r="K2" s="8"><v>3</v></c>' +
  '</row>\r\n' +
  '    <row r="4">' +
  '<c r="A4"><v>1</v></c><c r="B4"><f>A4*2</f><v>2</v></c><c r="C4"><f t="shared" ref="C4:C6" si="0">$A4+A$4+B4+SUM(B4:B5)+Sheet2!A1</f><v>4</v></c>' +
  '<c r="D4" t="str"><f>IF(A4&gt;0,"có","không")</f><v>có</v></c><c r="E4" t="b"><f>A4&gt;0</f><v>1</v></c><c r="F4" t="e"><f>1/0</f><v>#DIV/0!</v></c>' +
  '<c r="G4"><f>NOW()</f></c><c r="H4" s="2"><f>TODAY()</f><v>45000</v></c><c r="I4" t="str" s="2"><f>"x"</f><v>abc</v></c>' +
  '<c r="J4" t="e" s="2"><f>1/0</f><v>#DIV/0!</v></c><c r="K4"><f t="shared" ref="K4:L4" si="1">ROUND(J4,2)</f><v>0</v></c><c r="L4"><f t="shared" si="1"/><v>0</v></c>' +
  '</row>\r\n' +
  '    <row r="5"><c r="A5"><v>2</v></c><c r="C5"><f t="shared" si="0"/><v>6</v></c></row>\r\n' +
  '    <row r="6"><c r="A6"><v>3</v></c><c r="C6"><f t="shared" si="0"/><v>8</v></c><c r="D6" s="5"><v>9</v></c><c r="E6" s="0"/><c r="F6" s="1"/></row>\r\n' +
  '    <row r="7"><c r="A7" s="1"/><c r="B7"/></row>\r\n' +
  '    <row r="8"><c r="B8"><v>1</v></c><c><v>2</v></c><c t="inlineStr"><is><t>ba</t></is></c></row>\r\n' +
  '    <row r="10">' +
  '<c r="A10" t="inlineStr"><is><t>Mục lục</t></is></c><c r="B10"><f>C10*2</f><v>10</v></c><c r="C10" s="2"><v>44931</v></c><c r="D10"/>' +
  '<c r="E10" t="inlineStr"><is><t>KH &lt;1&gt;</t></is></c><c r="F10" t="inlineStr"><is><t>dòng 1&#13;&#10;dòng 2\r\ndòng 3</t></is></c>' +
  '<c r="G10" t="inlineStr"><is><t><![CDATA[bỏ qua]]></t></is></c><c r="H10" t="inlineStr"><is><t></t></is></c>' +
  '</row>\r\n' +
  '    <row r="12"><c r="A12" t="inlineStr"><is><t>STT</t></is></c><c r="B12"><v>5</v></c><c r="C12" t="inlineStr"><is><t>Điểm</t></is></c><c r="D12"><v>1</v></c></row>\r\n' +
  '    <row r="13"><c r="C13" t="inlineStr"><is><t>Tối đa</t></is></c></row>\r\n' +
  '    <row r="15"><c r="A15"><v>1</v></c></row>\r\n' +
  '  </sheetData>\r\n' +
  '  <mergeCells count="4"><mergeCell ref="A12:B13"/><mergeCell ref="C12:D12"/><mergeCell ref="G16:E15"/><mergeCell ref="J20"/></mergeCells>\r\n' +
  '  <hyperlinks>' +
  '<hyperlink ref="A10" location="\'Trang &amp; 2\'!A1" display="Mục lục"/><hyperlink display="x" r:id="rId1" ref="B10"/><hyperlink ref="C10" r:id="rId2"/>' +
  '<hyperlink ref="D10" r:id="rId3"/><hyperlink ref="E10" r:id="rId4" tooltip="a &amp; b"/>' +
  '</hyperlinks>\r\n' +
  '  <pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>\r\n' +
  '</worksheet>';

const SHEET2 = '<worksheet ' + NS + '><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>PHỤ LỤC 2</t></is></c></row><row r="3" customHeight="1"/></sheetData></worksheet>';

async function crafted(options: { date1904?: boolean } = {}): Promise<Uint8Array> {
  const zip = new JSZip();
  zip.file('[Content_Types].xml', '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>');
  zip.file('_rels/.rels', rels([['rId1', 'officeDocument', 'xl/workbook.xml']]));
  zip.file(
    'xl/workbook.xml',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook ' +
      NS +
      '>' +
      (options.date1904 ? '<workbookPr date1904="1"/>' : '<workbookPr defaultThemeVersion="124226"/>') +
      '<sheets><sheet r:id="rId2" sheetId="2" name="Trang &amp;amp; 2"/><sheet name="Phụ lục 1" sheetId="1" r:id="rId1"/><sheet name="Biểu đồ" sheetId="3" r:id="rId9"/></sheets>' +
      '<definedNames><definedName name="_xlnm.Print_Titles" localSheetId="1">\'Phụ lục 1\'!$2:$3</definedName></definedNames></workbook>',
  );
  zip.file(
    'xl/_rels/workbook.xml.rels',
    rels([
      ['rId1', 'worksheet', 'worksheets/sheet1.xml'],
      ['rId2', 'worksheet', '/xl/worksheets/sheet2.xml'],
      ['rId9', 'chartsheet', 'chartsheets/sheet1.xml'],
      ['rId3', 'styles', 'styles.xml'],
      ['rId4', 'sharedStrings', 'sharedStrings.xml'],
    ]),
  );
  zip.file('xl/styles.xml', STYLES);
  zip.file('xl/sharedStrings.xml', SHARED);
  zip.file('xl/worksheets/sheet1.xml', SHEET1);
  zip.file('xl/worksheets/sheet2.xml', SHEET2);
  zip.file(
    'xl/worksheets/_rels/sheet1.xml.rels',
    rels([
      ['rId1', 'hyperlink', 'https://x.vn/b', true],
      ['rId2', 'hyperlink', 'https://x.vn/c?a=1&amp;b=2', true],
      ['rId3', 'hyperlink', 'file:///C:/TL/kh.pdf', true],
      ['rId4', 'hyperlink', 'https://x.vn/e', true],
    ]),
  );
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

describe("same grid as ExcelJS on a hand-written workbook (other producers' XML)", () => {
  test('inline and rich strings, entities, _x000D_, shared formulas, links, merges, sheet order', async () => {
    // CDATA (read as Excel reads it) and merges past the cells (clipped) are where raw ExcelJS differs.
    const grid = await expectSameGrid(await crafted(), { rawAgrees: false });
    // A few absolute facts too, so the pair cannot be wrong together unnoticed.
    expect(grid.sheets.map((s) => s.name)).toEqual(['Trang & 2', 'Phụ lục 1']);
    const s = grid.sheets[1];
    expect(cellAt(s, 0, 0)).toEqual({ value: ' Kế hoạch & báo cáo _x000D_ ', font: '.VnTime' });
    expect(cellAt(s, 0, 1)).toEqual({ value: 'Ke\u0302 hoa\u0323chA', font: 'VNI-Times' });
    expect(cellAt(s, 0, 2)).toEqual({ value: 'Tiêu chí\r\nmột & hai' });
    expect(cellAt(s, 0, 3)).toEqual({ value: 'KÕ ho¹ch', font: 'Calibri' });
    expect(cellAt(s, 0, 5)).toEqual({ value: null });
    expect(cellAt(s, 1, 0)).toEqual({ value: 'a & b <c>' });
    expect(cellAt(s, 1, 6)).toEqual({ value: 44931.5, font: 'Calibri' });
    expect(cellAt(s, 3, 2)).toEqual({ value: 4, formula: '$A4+A$4+B4+SUM(B4:B5)+Sheet2!A1' });
    expect(cellAt(s, 5, 2)).toEqual({ value: 8, formula: '$A6+A$4+B6+SUM(B6:B7)+Sheet2!A3' });
    expect(cellAt(s, 3, 11)).toEqual({ value: 0, formula: 'ROUND(K4,2)' });
    expect(cellAt(s, 9, 0)).toEqual({ value: 'Mục lục' });
    expect(cellAt(s, 9, 1)).toEqual({ value: 10, hyperlink: 'https://x.vn/b' });
    expect(cellAt(s, 9, 3)).toEqual({ value: null, hyperlink: 'file:///C:/TL/kh.pdf' });
    expect(cellAt(s, 9, 5)).toEqual({ value: 'dòng 1\r\ndòng 2\ndòng 3' });
    // CDATA is text to Excel (raw ExcelJS drops it).
    expect(cellAt(s, 9, 6)).toEqual({ value: 'bỏ qua' });
    expect(cellAt(s, 11, 1)).toBeNull();
    expect(s.rows[14]!.length).toBe(7);
    expect(s.merges).toEqual([
      { top: 11, left: 0, bottom: 12, right: 1 },
      { top: 11, left: 2, bottom: 11, right: 3 },
      // Clipped to the sheet's cells (row 15 is the last): G16:E15 keeps row 15, J20 lies beyond.
      { top: 14, left: 4, bottom: 14, right: 6 },
    ]);
  });

  test('1904 dates in a hand-written workbook', async () => {
    await expectSameGrid(await crafted({ date1904: true }), { rawAgrees: false });
  });
});

// ---------------------------------------------------------------------------------------------
// Bad input: the same error codes through both paths

describe('bad input gives the same WorkbookInputError codes through the reader and the ExcelJS oracle', () => {
  async function codes(p: string, limits?: { maxEntries?: number; maxUncompressedBytes?: number }): Promise<[string, string]> {
    const codeOf = async (fn: () => Promise<unknown>) => {
      try {
        await fn();
        return 'ok';
      } catch (error) {
        expect(error).toBeInstanceOf(WorkbookInputError);
        expect((error as WorkbookInputError).fileName).toBe(p);
        return (error as WorkbookInputError).code;
      }
    };
    return [await codeOf(() => readGridFromXlsxFile(p, limits)), await codeOf(() => excelJsGridFromFile(p, limits))];
  }
  const write = (name: string, bytes: Uint8Array | string) => {
    const p = path.join(tmp, name);
    fs.writeFileSync(p, bytes);
    return p;
  };

  test('a good file: base name on the grid', async () => {
    const grid = await readGridFromXlsxFile(write('tot.xlsx', await toBytes(everyKind())));
    expect(grid.fileName).toBe('tot.xlsx');
    expect(inMergeOrder(grid)).toStrictEqual(await excelJsGridFromFile(path.join(tmp, 'tot.xlsx')));
  });

  test('missing, folder, text, empty, other zip, OLE', async () => {
    expect(await codes(path.join(tmp, 'khong-co.xlsx'))).toEqual(['not-found', 'not-found']);
    fs.mkdirSync(path.join(tmp, 'thu-muc.xlsx'));
    expect(await codes(path.join(tmp, 'thu-muc.xlsx'))).toEqual(['not-a-file', 'not-a-file']);
    expect(await codes(write('van-ban.xlsx', 'chỉ là văn bản'))).toEqual(['not-xlsx', 'not-xlsx']);
    expect(await codes(write('rong.xlsx', ''))).toEqual(['not-xlsx', 'not-xlsx']);
    const zip = new JSZip();
    zip.file('word/document.xml', '<w:document/>');
    expect(await codes(write('docx.xlsx', await zip.generateAsync({ type: 'uint8array' })))).toEqual(['not-xlsx', 'not-xlsx']);
    const magic = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    expect(await codes(write('cu.xls', Buffer.concat([magic, Buffer.alloc(2000, 1)])))).toEqual(['corrupt', 'corrupt']);
    expect(await codes(write('mk.xlsx', Buffer.concat([magic, Buffer.alloc(504), Buffer.from('EncryptionInfo', 'utf16le')])))).toEqual(['encrypted', 'encrypted']);
  });

  test('truncated, garbled, not XML, no sheets, broken sheet XML: "corrupt"', async () => {
    const good = Buffer.from(await toBytes(everyKind()));
    expect(await codes(write('cut.xlsx', good.subarray(0, 3000)))).toEqual(['corrupt', 'corrupt']);
    expect(await codes(write('cut-tail.xlsx', good.subarray(0, good.length - 10)))).toEqual(['corrupt', 'corrupt']);
    const garbled = Buffer.from(good);
    for (let i = 200; i < garbled.length / 2; i += 7) garbled[i] ^= 0x5a;
    expect(await codes(write('garbled.xlsx', garbled))).toEqual(['corrupt', 'corrupt']);
    const notXml = new JSZip();
    notXml.file('xl/workbook.xml', 'đây không phải XML <<<');
    expect(await codes(write('not-xml.xlsx', await notXml.generateAsync({ type: 'uint8array' })))).toEqual(['corrupt', 'corrupt']);
    const empty = new JSZip();
    empty.file('xl/workbook.xml', '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheets/></workbook>');
    expect(await codes(write('no-sheets.xlsx', await empty.generateAsync({ type: 'uint8array' })))).toEqual(['corrupt', 'corrupt']);
    for (const [name, broken] of [
      ['mismatch', SHEET1.replace('</row>', '</rows>')],
      ['entity', SHEET1.replace('&amp; báo', '&nbsp; báo')],
      ['unclosed-tag', SHEET1.replace('<c r="A4">', '<c r="A4"')],
      ['row-without-number', SHEET1.replace('<row r="13">', '<row>')],
      ['overlapping-merges', SHEET1.replace('<mergeCell ref="J20"/>', '<mergeCell ref="B13:C13"/>')],
      ['missing-link-target', SHEET1.replace('r:id="rId4"', 'r:id="rId44"')],
    ]) {
      const zip = await JSZip.loadAsync(await crafted());
      zip.file('xl/worksheets/sheet1.xml', broken);
      expect([name, ...(await codes(write(name + '.xlsx', await zip.generateAsync({ type: 'uint8array' }))))]).toEqual([name, 'corrupt', 'corrupt']);
    }
  });

  test('limits pass through to the zip guard', async () => {
    const p = write('lim.xlsx', await toBytes(everyKind()));
    expect(await codes(p, { maxEntries: 3 })).toEqual(['too-many-entries', 'too-many-entries']);
    expect(await codes(p, { maxUncompressedBytes: 1000 })).toEqual(['too-large', 'too-large']);
  });
});

// ---------------------------------------------------------------------------------------------
// Hidden rows and columns, and functions stored with _xlfn.

describe('hidden lines and future functions, as ExcelJS reads them', () => {
  async function oneSheet(sheetXml: string): Promise<Uint8Array> {
    const zip = new JSZip();
    zip.file('[Content_Types].xml', '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>');
    zip.file('_rels/.rels', rels([['rId1', 'officeDocument', 'xl/workbook.xml']]));
    zip.file('xl/workbook.xml', '<workbook ' + NS + '><sheets><sheet name="Ẩn" sheetId="1" r:id="rId1"/></sheets></workbook>');
    zip.file('xl/_rels/workbook.xml.rels', rels([['rId1', 'worksheet', 'worksheets/sheet1.xml']]));
    zip.file('xl/worksheets/sheet1.xml', sheetXml);
    return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
  }

  test('<col hidden> ranges (overlapping, "true", to the last column) and <row hidden>, limited to the grid', async () => {
    const row = (r: number, attrs: string, cols: string) =>
      '<row r="' +
      r +
      '"' +
      attrs +
      '>' +
      cols
        .split('')
        .map((c) => '<c r="' + c + r + '"><v>' + r + '</v></c>')
        .join('') +
      '</row>';
    const xml =
      '<worksheet ' +
      NS +
      '><sheetFormatPr defaultRowHeight="15"/>' +
      // B hidden; C..D from the first of two overlapping <col>s (ExcelJS keeps the one starting first);
      // F onwards hidden to XFD, listed only as far as the grid goes (column G).
      '<cols><col min="2" max="2" width="0" hidden="1"/><col min="3" max="4" hidden="true"/><col min="4" max="5" hidden="0"/><col min="6" max="16384" hidden="1"/></cols>' +
      '<sheetData>' +
      row(1, '', 'ABCDEFG') +
      row(2, ' hidden="1"', 'AB') +
      row(3, ' hidden="true" ht="0" customHeight="1"', 'A') +
      row(4, ' hidden="0"', 'A') +
      '<row r="5" hidden="1"/>' +
      row(6, '', 'A') +
      '<row r="9" hidden="1"/>' +
      '</sheetData></worksheet>';
    const grid = await expectSameGrid(await oneSheet(xml));
    expect(grid.sheets[0].hidden).toEqual({ rows: [1, 2, 4], columns: [1, 2, 3, 5, 6] });
  });

  test('nothing hidden is an empty list, not "cannot tell"', async () => {
    const grid = await expectSameGrid(await oneSheet('<worksheet ' + NS + '><sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData></worksheet>'));
    expect(grid.sheets[0].hidden).toEqual({ rows: [], columns: [] });
  });

  test('_xlfn. and _xlws. are dropped from function names, shared formulas included', async () => {
    const xml =
      '<worksheet ' +
      NS +
      '><sheetData>' +
      '<row r="1"><c r="A1" t="str"><v>1,5</v></c><c r="B1"><f t="shared" ref="B1:B2" si="0">_xlfn.NUMBERVALUE(A1,",",".")+_xlfn._xlws.SORT(A1)</f><v>1.5</v></c></row>' +
      '<row r="2"><c r="A2" t="str"><v>2</v></c><c r="B2"><f t="shared" si="0"/><v>2</v></c><c r="C2" t="str"><f>"_xlfn.IFS("&amp;A2</f><v>x</v></c></row>' +
      '</sheetData></worksheet>';
    const grid = await expectSameGrid(await oneSheet(xml));
    const s = grid.sheets[0];
    expect(cellAt(s, 0, 1)!.formula).toBe('NUMBERVALUE(A1,",",".")+SORT(A1)');
    expect(cellAt(s, 1, 1)!.formula).toBe('NUMBERVALUE(A2,",",".")+SORT(A2)');
    expect(cellAt(s, 1, 2)!.formula).toBe('"_xlfn.IFS("&A2');
  });
});
