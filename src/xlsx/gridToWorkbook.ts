import ExcelJS from 'exceljs';
import { CellRange, GridCell, SheetGrid, WorkbookGrid } from '../core/grid';
import { buildSampleGrid, SampleSheetStyle } from '../core/sample';
import { SUMMARY_LINK_COLOR, SUMMARY_LINK_UNDERLINE } from '../core/plan';
import { toFileFormula } from './futureFunctions';

/**
 * Plain grid -> ExcelJS workbook: values, formulas ({formula, result}), hyperlinks ({text,
 * hyperlink}), font names, errors and merges; plus optional styling for the embedded sample
 * (borders, bold rows, wrapped text, column widths, header fill, "0.00" on score columns).
 */

const HEADER_FILL = 'FFDDEBF7';
const SCORE_FORMAT = '0.00';
/** A fixed date keeps the sample's document properties the same on every run. */
const SAMPLE_DATE = new Date(Date.UTC(2023, 10, 20));

type ErrorText = ExcelJS.CellErrorValue['error'];

function cellValue(cell: GridCell): ExcelJS.CellValue | undefined {
  if (cell.error) return { error: cell.error as ErrorText };
  if (cell.formula) {
    const result = cell.value === null || cell.value === undefined ? undefined : cell.value;
    // Grids hold the names Excel shows; the file needs future functions prefixed (`_xlfn.`).
    return { formula: toFileFormula(cell.formula.replace(/^=/, '')), result: result } as ExcelJS.CellFormulaValue;
  }
  if (cell.hyperlink) return { text: cell.value === null || cell.value === undefined ? cell.hyperlink : String(cell.value), hyperlink: cell.hyperlink };
  if (cell.value === null || cell.value === undefined) return undefined;
  return cell.value;
}

function isLink(cell: GridCell): boolean {
  return !!cell.hyperlink || (!!cell.formula && /^=?\s*HYPERLINK\s*\(/i.test(cell.formula));
}

function inRange(range: CellRange, row: number, col: number): boolean {
  return row >= range.top && row <= range.bottom && col >= range.left && col <= range.right;
}

function contains(list: number[], n: number): boolean {
  return list.indexOf(n) >= 0;
}

/** Fresh style objects per cell: ExcelJS may share style objects between cells otherwise. */
function styleCell(target: ExcelJS.Cell, style: SampleSheetStyle, row: number, col: number, gridCell: GridCell | null): void {
  const inTable = inRange(style.table, row, col);
  const isHeader = contains(style.headerRows, row);
  const isColumnNumbers = contains(style.columnNumberRows, row);
  const isBody = inTable && !isHeader && !isColumnNumbers;
  const bold =
    contains(style.titleRows, row) || isHeader || contains(style.fieldRows, row) || contains(style.criterionRows, row) || contains(style.totalRows, row) || contains(style.signatureRows, row);
  const italic = contains(style.noticeRows, row) || isColumnNumbers || contains(style.tierRows, row);

  const font: Partial<ExcelJS.Font> = { name: gridCell && gridCell.font ? gridCell.font : style.fontName, size: style.fontSize };
  if (bold) font.bold = true;
  if (italic) font.italic = true;
  if (gridCell && isLink(gridCell)) {
    // Drawn as the summary sheet draws its links (Excel's own hyperlink look).
    font.color = { argb: SUMMARY_LINK_COLOR };
    font.underline = SUMMARY_LINK_UNDERLINE;
  }
  target.font = font;

  const alignment: Partial<ExcelJS.Alignment> = {};
  if (contains(style.titleRows, row) || contains(style.signatureRows, row) || isHeader || isColumnNumbers) {
    alignment.horizontal = 'center';
    alignment.vertical = 'middle';
    if (isHeader) alignment.wrapText = true;
  } else if (isBody) {
    alignment.vertical = 'top';
    if (contains(style.wrapColumns, col)) alignment.wrapText = true;
    if (contains(style.scoreColumns, col) || contains(style.centerColumns, col)) alignment.horizontal = 'center';
  }
  if (alignment.horizontal || alignment.vertical || alignment.wrapText) target.alignment = alignment;

  if (inTable) {
    const thin: Partial<ExcelJS.Border> = { style: 'thin' };
    target.border = { top: thin, left: thin, bottom: thin, right: thin };
  }
  if (isHeader) target.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: HEADER_FILL } };
  if (isBody && contains(style.scoreColumns, col)) target.numFmt = SCORE_FORMAT;
}

function writeSheet(workbook: ExcelJS.Workbook, sheet: SheetGrid, style: SampleSheetStyle | null): void {
  const ws = workbook.addWorksheet(sheet.name);
  let width = 0;
  for (let r = 0; r < sheet.rows.length; r++) {
    const row = sheet.rows[r];
    if (row && row.length > width) width = row.length;
  }
  if (style) width = Math.max(width, style.columnWidths.length, style.table.right + 1);

  for (let r = 0; r < sheet.rows.length; r++) {
    const row = sheet.rows[r] || [];
    for (let c = 0; c < width; c++) {
      const gridCell = row[c] || null;
      const styled = !!style && (inRange(style.table, r, c) || gridCell !== null);
      if (!gridCell && !styled) continue;
      const target = ws.getCell(r + 1, c + 1);
      if (gridCell) {
        const value = cellValue(gridCell);
        if (value !== undefined) target.value = value;
      }
      if (style && styled) styleCell(target, style, r, c, gridCell);
      else if (gridCell && gridCell.font) target.font = { name: gridCell.font };
    }
  }

  // Hidden lines stay hidden, so a grid read from a file and written back reads the same.
  if (sheet.hidden) {
    for (let i = 0; i < sheet.hidden.rows.length; i++) ws.getRow(sheet.hidden.rows[i] + 1).hidden = true;
    for (let i = 0; i < sheet.hidden.columns.length; i++) ws.getColumn(sheet.hidden.columns[i] + 1).hidden = true;
  }

  // Merge after writing: the top-left value stays, and its style spreads over the merged cells.
  const merges = sheet.merges || [];
  for (let i = 0; i < merges.length; i++) {
    const m = merges[i];
    if (m.bottom === m.top && m.right === m.left) continue;
    ws.mergeCells(m.top + 1, m.left + 1, m.bottom + 1, m.right + 1);
  }

  if (style) {
    for (let c = 0; c < style.columnWidths.length; c++) ws.getColumn(c + 1).width = style.columnWidths[c];
    const header = style.headerRows.concat(style.columnNumberRows);
    ws.pageSetup.paperSize = 9; // A4
    ws.pageSetup.orientation = 'landscape';
    ws.pageSetup.fitToPage = true;
    ws.pageSetup.fitToWidth = 1;
    ws.pageSetup.fitToHeight = 0;
    if (header.length) ws.pageSetup.printTitlesRow = Math.min.apply(null, header) + 1 + ':' + (Math.max.apply(null, header) + 1);
  }
}

/** Writes a plain grid into a new ExcelJS workbook; `styles` (by sheet name) dress it. */
export function gridToWorkbook(grid: WorkbookGrid, styles?: SampleSheetStyle[]): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  for (let i = 0; i < grid.sheets.length; i++) {
    const sheet = grid.sheets[i];
    let style: SampleSheetStyle | null = null;
    if (styles) for (let s = 0; s < styles.length; s++) if (styles[s].sheet === sheet.name) style = styles[s];
    writeSheet(workbook, sheet, style);
  }
  return workbook;
}

/** The embedded sample (Phụ lục 1 and 2 of xã Thanh Xá, 2023) as a styled workbook. */
export function sampleWorkbook(): ExcelJS.Workbook {
  const sample = buildSampleGrid();
  const workbook = gridToWorkbook(sample, sample.styles);
  workbook.creator = 'CCHC';
  workbook.lastModifiedBy = 'CCHC';
  workbook.title = 'Mẫu Phụ lục 1, 2 tự đánh giá Chỉ số CCHC xã Thanh Xá năm 2023 (tiêu chí thành phần minh họa)';
  workbook.created = SAMPLE_DATE;
  workbook.modified = SAMPLE_DATE;
  return workbook;
}

export async function sampleWorkbookBytes(): Promise<Uint8Array> {
  // ExcelJS hands back a Node Buffer, itself a Uint8Array.
  const buffer = await sampleWorkbook().xlsx.writeBuffer();
  return buffer as unknown as Uint8Array;
}

export async function writeSampleWorkbook(path: string): Promise<void> {
  await sampleWorkbook().xlsx.writeFile(path);
}
