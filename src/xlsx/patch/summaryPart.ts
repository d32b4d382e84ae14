import { columnLetters, sheetQualified } from '../../core/address';
import { SUMMARY_FROZEN_ROWS, SummaryCell, SummarySheet } from '../../core/plan';
import { StylesEditor } from './stylesPatch';
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

/** The part's XML, in the workbook's main namespace (transitional or Strict). */
export function summarySheetXml(sheet: SummarySheet, styles: StylesEditor, mainNamespace: string): string {
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
  const pane = frozen > 0 ? '<pane ySplit="' + frozen + '" topLeftCell="A' + (frozen + 1) + '" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft"/>' : '';
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<worksheet xmlns="' +
    mainNamespace +
    '">' +
    '<sheetViews><sheetView workbookViewId="0">' +
    pane +
    '</sheetView></sheetViews>' +
    '<sheetFormatPr defaultRowHeight="15"/>' +
    (cols ? '<cols>' + cols + '</cols>' : '') +
    '<sheetData>' +
    rows.join('') +
    '</sheetData>' +
    (links.length ? '<hyperlinks>' + links.join('') + '</hyperlinks>' : '') +
    '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>' +
    '</worksheet>'
  );
}
