import JSZip from 'jszip';
import { columnLetters, sheetQualified } from '../core/address';
import { SummaryCell, SummarySheet } from '../core/plan/types';

/**
 * A new .xlsx made of summary sheets only (the district's consolidation), written straight as
 * SpreadsheetML with JSZip. Built with ExcelJS, a 250-commune `cchc consolidate` peaked at ~1.24×
 * the memory of ExcelJS merely loading the same files; with this writer ~1.15× (bench
 * "consolidate-250"). It also runs in a browser without the ExcelJS chunk. Same
 * cell semantics as the "Tổng hợp điểm" sheet in applyPlan.ts: text is always an inline string
 * (never a formula), numbers keep their format, links point inside the workbook, row 1 is frozen.
 */

const LINK_COLOR = 'FF0563C1';

/** Excel's built-in number formats by code; anything else gets a custom id from 164. */
const BUILTIN_FORMATS: { [code: string]: number } = { General: 0, '0': 1, '0.00': 2, '#,##0': 3, '#,##0.00': 4, '0%': 9, '0.00%': 10 };

function escapeXml(text: string): string {
  // Control characters other than tab and newlines are not allowed in XML 1.0.
  return text
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

/** Cell styles (cellXfs) by the few things a summary cell can ask for. */
class Styles {
  private readonly formats: string[] = [];
  private readonly xfs: string[] = ['<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'];
  private readonly byKey: { [key: string]: number } = { '0|0': 0 };

  /** font 0 regular, 1 bold, 2 link */
  index(numberFormat: string | undefined, font: 0 | 1 | 2): number {
    const fmt = this.formatId(numberFormat);
    const key = fmt + '|' + font;
    if (this.byKey[key] === undefined) {
      this.byKey[key] = this.xfs.length;
      this.xfs.push('<xf numFmtId="' + fmt + '" fontId="' + font + '" fillId="0" borderId="0" xfId="0"' + (fmt ? ' applyNumberFormat="1"' : '') + (font ? ' applyFont="1"' : '') + '/>');
    }
    return this.byKey[key];
  }

  private formatId(code: string | undefined): number {
    if (!code) return 0;
    if (BUILTIN_FORMATS[code] !== undefined) return BUILTIN_FORMATS[code];
    let i = this.formats.indexOf(code);
    if (i < 0) {
      i = this.formats.length;
      this.formats.push(code);
    }
    return 164 + i;
  }

  xml(): string {
    const numFmts = this.formats.length
      ? '<numFmts count="' + this.formats.length + '">' + this.formats.map((f, i) => '<numFmt numFmtId="' + (164 + i) + '" formatCode="' + escapeXml(f) + '"/>').join('') + '</numFmts>'
      : '';
    return (
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
      '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
      numFmts +
      '<fonts count="3"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font><font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font>' +
      '<font><u/><sz val="11"/><color rgb="' + LINK_COLOR + '"/><name val="Calibri"/><family val="2"/></font></fonts>' +
      '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
      '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
      '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
      '<cellXfs count="' + this.xfs.length + '">' + this.xfs.join('') + '</cellXfs>' +
      '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
      '</styleSheet>'
    );
  }
}

function cellXml(ref: string, cell: SummaryCell, styles: Styles, links: string[]): string {
  switch (cell.kind) {
    case 'text': {
      if (cell.text === '' && !cell.bold) return '';
      const s = styles.index(undefined, cell.bold ? 1 : 0);
      return '<c r="' + ref + '"' + (s ? ' s="' + s + '"' : '') + ' t="inlineStr"><is><t xml:space="preserve">' + escapeXml(cell.text) + '</t></is></c>';
    }
    case 'number': {
      if (!isFinite(cell.value)) return '';
      const s = styles.index(cell.numberFormat, cell.bold ? 1 : 0);
      return '<c r="' + ref + '"' + (s ? ' s="' + s + '"' : '') + '><v>' + String(cell.value) + '</v></c>';
    }
    case 'link': {
      links.push('<hyperlink ref="' + ref + '" location="' + escapeXml(sheetQualified(cell.sheet, cell.address)) + '" display="' + escapeXml(cell.text) + '"/>');
      return '<c r="' + ref + '" s="' + styles.index(undefined, 2) + '" t="inlineStr"><is><t xml:space="preserve">' + escapeXml(cell.text) + '</t></is></c>';
    }
  }
}

function sheetXml(sheet: SummarySheet, styles: Styles): string {
  const parts: string[] = [];
  const links: string[] = [];
  for (let r = 0; r < sheet.rows.length; r++) {
    const cells = sheet.rows[r];
    let row = '';
    for (let c = 0; c < cells.length; c++) if (cells[c]) row += cellXml(columnLetters(c) + (r + 1), cells[c], styles, links);
    if (row) parts.push('<row r="' + (r + 1) + '">' + row + '</row>');
  }
  let cols = '';
  for (let c = 0; c < sheet.columnWidths.length; c++) {
    const w = sheet.columnWidths[c];
    if (w > 0) cols += '<col min="' + (c + 1) + '" max="' + (c + 1) + '" width="' + w + '" customWidth="1"/>';
  }
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
    '<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>' +
    '<sheetFormatPr defaultRowHeight="15"/>' +
    (cols ? '<cols>' + cols + '</cols>' : '') +
    '<sheetData>' + parts.join('') + '</sheetData>' +
    (links.length ? '<hyperlinks>' + links.join('') + '</hyperlinks>' : '') +
    '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>' +
    '</worksheet>'
  );
}

/** The sheets, in order, as the bytes of a new .xlsx (a Uint8Array; a Buffer under Node). */
export async function summarySheetsXlsxBytes(sheets: SummarySheet[]): Promise<Uint8Array> {
  const styles = new Styles();
  const zip = new JSZip();
  const worksheets = sheets.map((s) => sheetXml(s, styles));
  const overrides = sheets.map((_, i) => '<Override PartName="/xl/worksheets/sheet' + (i + 1) + '.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>').join('');
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
      sheets.map((s, i) => '<sheet name="' + escapeXml(s.name) + '" sheetId="' + (i + 1) + '" r:id="rId' + (i + 1) + '"/>').join('') +
      '</sheets></workbook>',
  );
  zip.file(
    'xl/_rels/workbook.xml.rels',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      sheets.map((_, i) => '<Relationship Id="rId' + (i + 1) + '" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet' + (i + 1) + '.xml"/>').join('') +
      '<Relationship Id="rId' + (sheets.length + 1) + '" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>',
  );
  worksheets.forEach((xml, i) => zip.file('xl/worksheets/sheet' + (i + 1) + '.xml', xml));
  // Styles last: every cell has registered its style by now.
  zip.file('xl/styles.xml', styles.xml());
  const type = typeof Buffer === 'undefined' ? 'uint8array' : 'nodebuffer';
  return (await zip.generateAsync({ type, compression: 'DEFLATE', compressionOptions: { level: 6 } })) as Uint8Array;
}
