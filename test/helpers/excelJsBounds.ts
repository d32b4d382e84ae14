import { columnIndex, columnLetters } from '../../src/core/address';
import { CellRange, WorkbookGrid } from '../../src/core/grid';
import { XlsxPackage } from '../../src/xlsx/package/xlsxPackage';

/**
 * ExcelJS builds an object per cell for what a few bytes can name: every cell of a merge, every
 * cell of a data validation's sqref, every cell of a defined name's range. A 19 KB file naming
 * A1:XFD1048576 in any of them would take minutes and gigabytes to load. Before ExcelJS sees the
 * package (the test oracle, excelJsOracle.ts), such areas are clipped to the cells the workbook holds:
 *  - merges: to the list the fast reader applied (already clipped to the sheet's cells);
 *  - validations and names: only an area above HUGE_AREA cells, clipped to the workbook's last
 *    row and column. No cell with content lies beyond them, so the score and the cells we write
 *    are the same; the copy's validation or name then ends at the last row with content instead
 *    of the sheet's end. A whole-column validation (a million cells) is such an area: ExcelJS
 *    spends about 25 s and hundreds of MB on one (measured here).
 */

const HUGE_AREA = 100000;

const RANGE_RX = /(\$?)([A-Za-z]{1,3})(\$?)([0-9]{1,7}):(\$?)([A-Za-z]{1,3})(\$?)([0-9]{1,7})/g;

function mergeRef(m: CellRange): string {
  return columnLetters(m.left) + (m.top + 1) + ':' + columnLetters(m.right) + (m.bottom + 1);
}

/** A worksheet part's <mergeCells> replaced by the clipped list the fast reader applied. */
export function withMerges(xml: string, merges: CellRange[]): string {
  const list = merges.map((m) => '<mergeCell ref="' + mergeRef(m) + '"/>').join('');
  const replacement = merges.length ? '<mergeCells count="' + merges.length + '">' + list + '</mergeCells>' : '';
  return xml.replace(/<mergeCells\b[^>]*?(\/>|>[\s\S]*?<\/mergeCells>)/, replacement);
}

interface Extent {
  /** 1-based last row and column holding a cell in any sheet (at least 1). */
  rows: number;
  columns: number;
}

function extentOf(grid: WorkbookGrid): Extent {
  let rows = 1;
  let columns = 1;
  for (const sheet of grid.sheets) {
    if (sheet.rows.length > rows) rows = sheet.rows.length;
    for (const row of sheet.rows) if (row && row.length > columns) columns = row.length;
  }
  return { rows, columns };
}

/** Every A1:B2 range in `text` whose area is huge, clipped to the extent (never below its own top-left). */
export function clipHugeRanges(text: string, extent: Extent): string {
  return text.replace(RANGE_RX, (all, d1: string, c1: string, d2: string, r1: string, d3: string, c2: string, d4: string, r2: string) => {
    const left = columnIndex(c1.toUpperCase()) + 1;
    const right = columnIndex(c2.toUpperCase()) + 1;
    const top = parseInt(r1, 10);
    const bottom = parseInt(r2, 10);
    if ((Math.abs(bottom - top) + 1) * (Math.abs(right - left) + 1) <= HUGE_AREA) return all;
    const newBottom = Math.max(Math.min(top, bottom), Math.min(Math.max(top, bottom), extent.rows));
    const newRight = Math.max(Math.min(left, right), Math.min(Math.max(left, right), extent.columns));
    return d1 + columnLetters(Math.min(left, right) - 1) + d2 + Math.min(top, bottom) + ':' + d3 + columnLetters(newRight - 1) + d4 + newBottom;
  });
}

const SQREF_RX = /(<dataValidation\b[^>]*?\ssqref\s*=\s*)("[^"]*"|'[^']*')/g;
const DEFINED_NAME_RX = /(<definedName\b[^>]*>)([^<]*)(<\/definedName>)/g;

/** The parts to hand ExcelJS in place of the package's own, so that its load stays bounded. */
export async function boundedPartsForExcelJs(pkg: XlsxPackage, grid: WorkbookGrid, clippedMerges: Record<string, CellRange[]>): Promise<Record<string, string>> {
  const extent = extentOf(grid);
  const replaced: Record<string, string> = {};
  for (const name of pkg.names) {
    const isSheet = /^xl\/worksheets\/sheet\d+[.]xml$/.test(name);
    if (!isSheet && name !== 'xl/workbook.xml') continue;
    const original = await pkg.text(name);
    let xml = original;
    if (isSheet) {
      if (name in clippedMerges) xml = withMerges(xml, clippedMerges[name]);
      if (xml.indexOf('<dataValidation') >= 0) xml = xml.replace(SQREF_RX, (_all, head: string, value: string) => head + clipHugeRanges(value, extent));
    } else if (xml.indexOf('<definedName') >= 0) {
      xml = xml.replace(DEFINED_NAME_RX, (_all, open: string, body: string, close: string) => open + clipHugeRanges(body, extent) + close);
    }
    if (xml !== original) replaced[name] = xml;
  }
  return replaced;
}
