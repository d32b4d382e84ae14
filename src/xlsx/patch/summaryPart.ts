import { columnLetters, sheetQualified } from '../../core/address';
import { A4_PAPER_SIZE, headerFooterText, PRINT_MARGINS, printLayout, SUMMARY_FROZEN_ROWS, SummaryCell, SummarySheet, titleRowsReference } from '../../core/plan';
import { StylesEditor } from './stylesPatch';
import { RELATIONSHIPS } from '../package/namespaces';
import { xmlEscape } from './xmlText';

/**
 * The one renderer of a SummarySheet to worksheet XML, for both file writers: the annotated copy's
 * summary sheet (patchPackage.ts) and the consolidation workbook (summaryXlsx.ts). The tool's own
 * summary sheet as a worksheet part: text as inline strings (never parsed as a
 * formula, sharedStrings.xml untouched), numbers with their format, bold where asked, in-document
 * links as `<hyperlink ref location>` with no relationship (as Excel writes them), column widths,
 * the header row frozen (summaryStyle.ts). Styles come from the styles part being built, through
 * the StylesEditor (the workbook's own, appended to; or a minimal one for a new workbook).
 */

function cellXml(ref: string, cell: SummaryCell, styles: StylesEditor, links: string[]): string {
  const inline = (text: string) => ' t="inlineStr"><is><t xml:space="preserve">' + xmlEscape(text) + '</t></is></c>';
  const styled = (s: number) => (s ? ' s="' + s + '"' : '');
  switch (cell.kind) {
    case 'text': {
      if (cell.text === '' && !cell.bold && !cell.fill) return '';
      const s = styles.summaryStyle({ bold: cell.bold, fill: cell.fill });
      return cell.text === '' ? '<c r="' + ref + '"' + styled(s) + '/>' : '<c r="' + ref + '"' + styled(s) + inline(cell.text);
    }
    case 'number': {
      if (!isFinite(cell.value)) return '';
      const s = styles.summaryStyle({ bold: cell.bold, numberFormat: cell.numberFormat });
      return '<c r="' + ref + '"' + styled(s) + '><v>' + String(cell.value) + '</v></c>';
    }
    case 'link': {
      // No display attribute: the cell's own text is what shows.
      links.push('<hyperlink ref="' + ref + '" location="' + xmlEscape(sheetQualified(cell.sheet, cell.address)) + '"/>');
      return '<c r="' + ref + '"' + styled(styles.summaryStyle({ link: true })) + inline(cell.text);
    }
  }
}

/**
 * The `_xlnm.Print_Titles` defined name of a tool sheet at `index` in the workbook's <sheets> (its header
 * rows repeated on every printed page), or null when the sheet has no header row.
 */
export function printTitlesName(sheet: SummarySheet, index: number, prefix = ''): string | null {
  const rows = printLayout(sheet).titleRows;
  if (!rows) return null;
  const quoted = "'" + sheet.name.replace(/'/g, "''") + "'";
  return '<' + prefix + 'definedName name="_xlnm.Print_Titles" localSheetId="' + index + '">' + xmlEscape(quoted + '!' + titleRowsReference(rows)) + '</' + prefix + 'definedName>';
}

/**
 * The part's XML, in the workbook's main namespace (transitional or Strict). `drawing`: the id of the
 * part's relationship to the drawing that holds its chart (chartPart.ts), written as `<drawing r:id>`
 * with `r` bound to `drawing.namespace` (transitional by default); absent, the sheet names no drawing
 * (and no relationship at all).
 */
export function summarySheetXml(sheet: SummarySheet, styles: StylesEditor, mainNamespace: string, drawing?: { relId: string; namespace?: string }): string {
  const rows: string[] = [];
  const links: string[] = [];
  for (let r = 0; r < sheet.rows.length; r++) {
    const cells = sheet.rows[r] || [];
    let row = '';
    for (let c = 0; c < cells.length; c++) if (cells[c]) row += cellXml(columnLetters(c) + (r + 1), cells[c], styles, links);
    if (row) rows.push('<row r="' + (r + 1) + '">' + row + '</row>');
  }
  let cols = '';
  for (let c = 0; c < sheet.columnWidths.length; c++) {
    const w = sheet.columnWidths[c];
    if (w > 0 && isFinite(w)) cols += '<col min="' + (c + 1) + '" max="' + (c + 1) + '" width="' + w + '" customWidth="1"/>';
  }
  const frozen = SUMMARY_FROZEN_ROWS;
  // Print-ready (printLayout.ts): A4, one page wide, the orientation the columns need, page numbers.
  // The header rows repeated on each page are a defined name of the workbook (printTitlesName below).
  const print = printLayout(sheet);
  const m = PRINT_MARGINS;
  const pane = frozen > 0 ? '<pane ySplit="' + frozen + '" topLeftCell="A' + (frozen + 1) + '" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft"/>' : '';
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<worksheet xmlns="' +
    mainNamespace +
    '"' +
    (drawing ? ' xmlns:r="' + (drawing.namespace || RELATIONSHIPS) + '"' : '') +
    '>' +
    '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>' +
    '<sheetViews><sheetView workbookViewId="0">' +
    pane +
    '</sheetView></sheetViews>' +
    '<sheetFormatPr defaultRowHeight="15"/>' +
    (cols ? '<cols>' + cols + '</cols>' : '') +
    '<sheetData>' +
    rows.join('') +
    '</sheetData>' +
    (links.length ? '<hyperlinks>' + links.join('') + '</hyperlinks>' : '') +
    '<pageMargins left="' +
    m.left +
    '" right="' +
    m.right +
    '" top="' +
    m.top +
    '" bottom="' +
    m.bottom +
    '" header="' +
    m.header +
    '" footer="' +
    m.footer +
    '"/>' +
    '<pageSetup paperSize="' +
    A4_PAPER_SIZE +
    '" orientation="' +
    print.orientation +
    '" fitToWidth="1" fitToHeight="0"/>' +
    '<headerFooter><oddHeader>' +
    xmlEscape(headerFooterText(print.header)) +
    '</oddHeader><oddFooter>' +
    xmlEscape(headerFooterText(print.footer)) +
    '</oddFooter></headerFooter>' +
    // CT_Worksheet: <drawing> after headerFooter (and the breaks, ignoredErrors… the sheet has none).
    (drawing ? '<drawing r:id="' + xmlEscape(drawing.relId) + '"/>' : '') +
    '</worksheet>'
  );
}
