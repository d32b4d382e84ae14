import JSZip from 'jszip';
import { SummarySheet } from '../core/plan';
import { CHART_CONTENT_TYPE, CHART_REL_TYPE, chartXml, DRAWING_CONTENT_TYPE, DRAWING_REL_TYPE, drawingXml, singleRelationshipXml } from './patch/chartPart';
import { MINIMAL_STYLES_XML, StylesEditor } from './patch/stylesPatch';
import { printTitlesName, summarySheetXml } from './patch/summaryPart';
import { MAIN } from './package/namespaces';
import { xmlEscape } from './patch/xmlText';

/**
 * A new .xlsx made of summary sheets only (the district's consolidation): a minimal package built
 * with JSZip around the same worksheet renderer and styles editor the annotated copy's "Tổng hợp
 * điểm" sheet goes through (patch/summaryPart.ts, patch/stylesPatch.ts on a minimal styles part),
 * so both files draw a SummarySheet alike: text always an inline string (never a formula), numbers
 * with their format, links inside the workbook, the header row frozen. Built with ExcelJS, a
 * 250-commune `cchc consolidate` peaked at ~1.24x the memory of ExcelJS merely loading the same
 * files; written directly, ~1.15x (bench "consolidate-250"); no ExcelJS chunk in a browser either.
 * A sheet with a chart (the ranking's bars) gets its drawing and chart parts (patch/chartPart.ts):
 * xl/drawings/drawingN.xml and xl/charts/chartN.xml, N counting the charted sheets.
 */

/** Each sheet's header rows repeated on every printed page (`_xlnm.Print_Titles`). */
function definedNames(sheets: SummarySheet[]): string {
  const names = sheets.map((s, i) => printTitlesName(s, i)).filter((n): n is string => n !== null);
  return names.length ? '<definedNames>' + names.join('') + '</definedNames>' : '';
}

/** The sheets, in order, as the bytes of a new .xlsx (a Uint8Array; a Buffer under Node). */
export async function summarySheetsXlsxBytes(sheets: SummarySheet[]): Promise<Uint8Array> {
  const styles = new StylesEditor(MINIMAL_STYLES_XML);
  const zip = new JSZip();
  // The charted sheets' drawings and charts, numbered in sheet order: sheet index → N.
  const chartNumber: number[] = [];
  let charts = 0;
  sheets.forEach((s, i) => {
    if (s.chart) chartNumber[i] = ++charts;
  });
  const worksheets = sheets.map((s, i) => summarySheetXml(s, styles, MAIN, chartNumber[i] ? { relId: 'rId1' } : undefined));
  const override = (part: string, type: string) => '<Override PartName="' + part + '" ContentType="' + type + '"/>';
  let overrides = sheets.map((_, i) => override('/xl/worksheets/sheet' + (i + 1) + '.xml', 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml')).join('');
  for (let n = 1; n <= charts; n++) overrides += override('/xl/drawings/drawing' + n + '.xml', DRAWING_CONTENT_TYPE) + override('/xl/charts/chart' + n + '.xml', CHART_CONTENT_TYPE);
  zip.file(
    '[Content_Types].xml',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
      '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
      overrides +
      '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
      '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>' +
      '<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/></Types>',
  );
  zip.file(
    '_rels/.rels',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>' +
      '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>' +
      '<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/></Relationships>',
  );
  zip.file(
    'docProps/core.xml',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:creator>CCHC</dc:creator></cp:coreProperties>',
  );
  zip.file(
    'docProps/app.xml',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>CCHC</Application></Properties>',
  );
  zip.file(
    'xl/workbook.xml',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
      '<bookViews><workbookView/></bookViews><sheets>' +
      sheets.map((s, i) => '<sheet name="' + xmlEscape(s.name) + '" sheetId="' + (i + 1) + '" r:id="rId' + (i + 1) + '"/>').join('') +
      '</sheets>' +
      definedNames(sheets) +
      '</workbook>',
  );
  zip.file(
    'xl/_rels/workbook.xml.rels',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      sheets
        .map((_, i) => '<Relationship Id="rId' + (i + 1) + '" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet' + (i + 1) + '.xml"/>')
        .join('') +
      '<Relationship Id="rId' +
      (sheets.length + 1) +
      '" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>',
  );
  worksheets.forEach((xml, i) => zip.file('xl/worksheets/sheet' + (i + 1) + '.xml', xml));
  sheets.forEach((s, i) => {
    const n = chartNumber[i];
    if (!n || !s.chart) return;
    zip.file('xl/worksheets/_rels/sheet' + (i + 1) + '.xml.rels', singleRelationshipXml('rId1', DRAWING_REL_TYPE, '../drawings/drawing' + n + '.xml'));
    zip.file('xl/drawings/drawing' + n + '.xml', drawingXml(s.chart, 'rId1'));
    zip.file('xl/drawings/_rels/drawing' + n + '.xml.rels', singleRelationshipXml('rId1', CHART_REL_TYPE, '../charts/chart' + n + '.xml'));
    zip.file('xl/charts/chart' + n + '.xml', chartXml(s, s.chart));
  });
  // Styles last: every cell has registered its style by now.
  zip.file('xl/styles.xml', styles.text());
  const type = typeof Buffer === 'undefined' ? 'uint8array' : 'nodebuffer';
  return (await zip.generateAsync({ type, compression: 'DEFLATE', compressionOptions: { level: 6 } })) as Uint8Array;
}
