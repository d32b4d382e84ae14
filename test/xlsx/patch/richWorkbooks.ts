import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { sampleWorkbook } from '../../../src/xlsx/gridToWorkbook';

/**
 * Workbooks with what ExcelJS does not keep or cannot read, built from the sample scoring workbook:
 *  - by ExcelJS: a cell comment, an image, an Excel Table with its filter buttons, defined names;
 *  - by hand with jszip, the way openpyxl and Excel write them: a chart on another sheet (drawing +
 *    chart parts), a pivot cache, a macro part (.xlsm), custom XML, a calcChain, and (on request)
 *    absolute relationship targets.
 */

/** A 1×1 PNG. */
export const PNG_1x1 = Uint8Array.from(Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==', 'base64'));

export async function excelJsRichBytes(): Promise<Uint8Array> {
  const wb = sampleWorkbook();
  const first = wb.worksheets[0];
  // A comment on a cell the tool never writes (the criterion name of row 12).
  first.getCell('B12').note = 'Ghi chú của cán bộ: kiểm tra lại tài liệu';
  const notes = wb.addWorksheet('Ghi chú');
  notes.addTable({
    name: 'BangTaiLieu',
    ref: 'A1',
    headerRow: true,
    style: { theme: 'TableStyleMedium2', showRowStripes: true },
    columns: [
      { name: 'Tài liệu', filterButton: true },
      { name: 'Số', filterButton: true },
    ],
    rows: [
      ['Kế hoạch 12/KH-UBND', 12],
      ['Quyết định 45/QĐ-UBND', 45],
    ],
  });
  const image = wb.addImage({ buffer: Buffer.from(PNG_1x1) as unknown as ExcelJS.Buffer, extension: 'png' });
  notes.addImage(image, 'D2:E5');
  wb.definedNames.add("'Ghi chú'!$A$1:$B$3", 'DanhSachTaiLieu');
  wb.definedNames.add("'" + first.name + "'!$A$1", 'TieuDe');
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

const CHART_XML =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  '<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
  '<c:chart><c:plotArea><c:layout/><c:barChart><c:barDir val="col"/><c:grouping val="clustered"/>' +
  '<c:ser><c:idx val="0"/><c:order val="0"/><c:val><c:numRef><c:f>\'Biểu đồ\'!$B$1:$B$3</c:f></c:numRef></c:val></c:ser>' +
  '<c:axId val="10"/><c:axId val="20"/></c:barChart>' +
  '<c:catAx><c:axId val="10"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="b"/><c:crossAx val="20"/></c:catAx>' +
  '<c:valAx><c:axId val="20"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="l"/><c:crossAx val="10"/></c:valAx>' +
  '</c:plotArea></c:chart></c:chartSpace>';

const DRAWING_XML =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  '<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">' +
  '<xdr:twoCellAnchor><xdr:from><xdr:col>3</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>0</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from>' +
  '<xdr:to><xdr:col>9</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>15</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to>' +
  '<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="2" name="Biểu đồ 1"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>' +
  '<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart">' +
  '<c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:id="rId1"/>' +
  '</a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor></xdr:wsDr>';

const PIVOT_CACHE_XML =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  '<pivotCacheDefinition xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:id="rId1" refreshOnLoad="1" recordCount="2">' +
  '<cacheSource type="worksheet"><worksheetSource ref="A1:B3" sheet="Biểu đồ"/></cacheSource>' +
  '<cacheFields count="2"><cacheField name="Mục" numFmtId="0"><sharedItems/></cacheField><cacheField name="Điểm" numFmtId="0"><sharedItems containsSemiMixedTypes="0" containsString="0" containsNumber="1" minValue="1" maxValue="2"/></cacheField></cacheFields>' +
  '</pivotCacheDefinition>';

const PIVOT_RECORDS_XML =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  '<pivotCacheRecords xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="2"><r><s v="a"/><n v="1"/></r><r><s v="b"/><n v="2"/></r></pivotCacheRecords>';

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

function insertBefore(xml: string, closing: string, text: string): string {
  const i = xml.lastIndexOf(closing);
  if (i < 0) throw new Error('no ' + closing);
  return xml.slice(0, i) + text + xml.slice(i);
}

export interface HandBuiltOptions {
  /** Relationship targets as "/xl/…" (openpyxl writes them so). */
  absoluteTargets?: boolean;
  /** The workbook saved as .xlsm with a VBA project part. */
  macros?: boolean;
  /** Every SpreadsheetML part's main namespace under the prefix x: (Open XML SDK). */
  prefixed?: boolean;
}

/**
 * The given package plus a chart sheet part ("Biểu đồ": a worksheet with a drawing holding a bar
 * chart), a pivot cache, custom XML, a calcChain listing the formula cells, and optionally a VBA part;
 * written the way openpyxl writes packages (its own part names, absolute targets on request).
 */
export async function handBuiltRichBytes(base: Uint8Array, options: HandBuiltOptions = {}): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(base);
  const text = async (n: string) => zip.file(n)!.async('string');
  const abs = (folder: string, target: string) => (options.absoluteTargets ? '/' + folder + target : target);
  let ct = await text('[Content_Types].xml');
  let wb = await text('xl/workbook.xml');
  let rels = await text('xl/_rels/workbook.xml.rels');
  const ids = (rels.match(/Id="rId(\d+)"/g) || []).map((m) => parseInt(m.slice(7), 10));
  let next = Math.max(0, ...ids) + 1;
  const rid = () => 'rId' + next++;
  const sheetCount = (wb.match(/<sheet\b/g) || []).length;
  const maxSheetId = Math.max(...(wb.match(/sheetId="(\d+)"/g) || []).map((m) => parseInt(m.slice(9), 10)));

  // A worksheet with data and a drawing that holds a chart.
  const chartSheet = 'xl/worksheets/sheet' + (sheetCount + 10) + '.xml';
  zip.file(
    chartSheet,
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="' +
      MAIN +
      '" xmlns:r="' +
      REL +
      '"><sheetData>' +
      '<row r="1"><c r="A1" t="inlineStr"><is><t>Mục</t></is></c><c r="B1" t="inlineStr"><is><t>Điểm</t></is></c></row>' +
      '<row r="2"><c r="A2" t="inlineStr"><is><t>a</t></is></c><c r="B2"><v>1</v></c></row>' +
      '<row r="3"><c r="A3" t="inlineStr"><is><t>b</t></is></c><c r="B3"><v>2</v></c></row>' +
      '</sheetData><drawing r:id="rId1"/></worksheet>',
  );
  zip.file(
    'xl/worksheets/_rels/' + chartSheet.slice(14) + '.rels',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="' +
      REL +
      '/drawing" Target="' +
      abs('xl/drawings/', 'drawing9.xml').replace(/^(?!\/)/, '../drawings/') +
      '"/></Relationships>',
  );
  zip.file('xl/drawings/drawing9.xml', DRAWING_XML);
  zip.file(
    'xl/drawings/_rels/drawing9.xml.rels',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="' +
      REL +
      '/chart" Target="' +
      (options.absoluteTargets ? '/xl/charts/chart1.xml' : '../charts/chart1.xml') +
      '"/></Relationships>',
  );
  zip.file('xl/charts/chart1.xml', CHART_XML);
  const chartRid = rid();
  wb = insertBefore(wb, '</sheets>', '<sheet name="Biểu đồ" sheetId="' + (maxSheetId + 1) + '" r:id="' + chartRid + '"/>');
  rels = insertBefore(rels, '</Relationships>', '<Relationship Id="' + chartRid + '" Type="' + REL + '/worksheet" Target="' + abs('xl/', chartSheet.slice(3)) + '"/>');
  ct = insertBefore(
    ct,
    '</Types>',
    '<Override PartName="/' +
      chartSheet +
      '" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' +
      '<Override PartName="/xl/drawings/drawing9.xml" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"/>' +
      '<Override PartName="/xl/charts/chart1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/>',
  );

  // A pivot cache (definition and records) named by the workbook.
  zip.file('xl/pivotCache/pivotCacheDefinition1.xml', PIVOT_CACHE_XML);
  zip.file(
    'xl/pivotCache/_rels/pivotCacheDefinition1.xml.rels',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="' +
      REL +
      '/pivotCacheRecords" Target="pivotCacheRecords1.xml"/></Relationships>',
  );
  zip.file('xl/pivotCache/pivotCacheRecords1.xml', PIVOT_RECORDS_XML);
  const pivotRid = rid();
  rels = insertBefore(rels, '</Relationships>', '<Relationship Id="' + pivotRid + '" Type="' + REL + '/pivotCacheDefinition" Target="' + abs('xl/', 'pivotCache/pivotCacheDefinition1.xml') + '"/>');
  const pivotCaches = '<pivotCaches><pivotCache cacheId="1" r:id="' + pivotRid + '"/></pivotCaches>';
  wb = wb.indexOf('<calcPr') >= 0 ? wb.replace('<calcPr', pivotCaches + '<calcPr') : insertBefore(wb, '</workbook>', pivotCaches);
  ct = insertBefore(
    ct,
    '</Types>',
    '<Override PartName="/xl/pivotCache/pivotCacheDefinition1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.pivotCacheDefinition+xml"/>' +
      '<Override PartName="/xl/pivotCache/pivotCacheRecords1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.pivotCacheRecords+xml"/>',
  );

  // Custom XML (as SharePoint and document-management systems add it).
  zip.file('customXml/item1.xml', '<?xml version="1.0" encoding="UTF-8" standalone="no"?><ho-so xmlns="urn:vn:ho-so"><ma>HS-2023-001</ma></ho-so>');
  zip.file(
    'customXml/itemProps1.xml',
    '<?xml version="1.0" encoding="UTF-8" standalone="no"?><ds:datastoreItem ds:itemID="{6A1F0C1E-0000-4000-8000-000000000001}" xmlns:ds="http://schemas.openxmlformats.org/officeDocument/2006/customXml"><ds:schemaRefs/></ds:datastoreItem>',
  );
  zip.file(
    'customXml/_rels/item1.xml.rels',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="' +
      REL +
      '/customXmlProps" Target="itemProps1.xml"/></Relationships>',
  );
  rels = insertBefore(
    rels,
    '</Relationships>',
    '<Relationship Id="' + rid() + '" Type="' + REL + '/customXml" Target="' + (options.absoluteTargets ? '/customXml/item1.xml' : '../customXml/item1.xml') + '"/>',
  );
  ct = insertBefore(ct, '</Types>', '<Override PartName="/customXml/itemProps1.xml" ContentType="application/vnd.openxmlformats-officedocument.customXmlProperties+xml"/>');

  // calcChain.xml listing the formula cells of the first sheet (as Excel keeps it).
  const firstSheet = await text('xl/worksheets/sheet1.xml');
  const formulaCells = (firstSheet.match(/<c r="([A-Z]+\d+)"[^>]*>(?:(?!<\/c>).)*<f[ >]/g) || []).map((m) => /r="([A-Z]+\d+)"/.exec(m)![1]);
  zip.file(
    'xl/calcChain.xml',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<calcChain xmlns="' +
      MAIN +
      '">' +
      formulaCells.map((r, i) => '<c r="' + r + '"' + (i === 0 ? ' i="1"' : '') + '/>').join('') +
      '</calcChain>',
  );
  rels = insertBefore(rels, '</Relationships>', '<Relationship Id="' + rid() + '" Type="' + REL + '/calcChain" Target="' + abs('xl/', 'calcChain.xml') + '"/>');
  ct = insertBefore(ct, '</Types>', '<Override PartName="/xl/calcChain.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.calcChain+xml"/>');

  if (options.macros) {
    zip.file('xl/vbaProject.bin', Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 1, 2, 3, 4, 5, 6, 7, 8]));
    rels = insertBefore(
      rels,
      '</Relationships>',
      '<Relationship Id="' + rid() + '" Type="http://schemas.microsoft.com/office/2006/relationships/vbaProject" Target="' + abs('xl/', 'vbaProject.bin') + '"/>',
    );
    ct = ct.replace('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml', 'application/vnd.ms-excel.sheet.macroEnabled.main+xml');
    ct = ct.replace('<Default Extension="xml"', '<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/><Default Extension="xml"');
  }

  if (options.absoluteTargets) {
    rels = rels.replace(/Target="(?!\/|\.\.)([^"]+)"/g, 'Target="/xl/$1"');
    // Every worksheet's own relationships too (comments, VML, drawings, tables): "../x" → "/xl/x".
    for (const name of Object.keys(zip.files)) {
      if (!/^xl\/worksheets\/_rels\/.*\.rels$/.test(name)) continue;
      const sheetRels = await text(name);
      zip.file(name, sheetRels.replace(/Target="\.\.\/([^"]+)"/g, 'Target="/xl/$1"'));
    }
  }
  zip.file('[Content_Types].xml', ct);
  zip.file('xl/workbook.xml', wb);
  zip.file('xl/_rels/workbook.xml.rels', rels);
  let bytes = await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
  if (options.prefixed) {
    const { transformXlsx, prefixSpreadsheetML } = await import('../../helpers/foreignXlsx');
    bytes = await transformXlsx(bytes, [prefixSpreadsheetML('x')]);
  }
  return bytes;
}
