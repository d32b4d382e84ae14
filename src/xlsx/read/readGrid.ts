import { CellRange, SheetGrid, WorkbookGrid } from '../../core/grid';
import { WorkbookInputError } from '../workbookInputError';
import { ZipLimits } from '../zipGuard';
import { excelJsTarget, openXlsxPackage, XlsxPackage } from '../package/xlsxPackage';
import { ParseOptions } from './cells';
import { BeyondLimits } from './limits';
import { bad } from './malformed';
import { parseRels } from './relationships';
import { parseSharedStrings } from './sharedStrings';
import { parseStyles } from './styles';
import { checkSheetName, parseWorkbookXml, SheetDef } from './workbookPart';
import { parseWorksheet } from './worksheet';

/**
 * The read-only files-side gateway: .xlsx bytes -> plain grid for the core, without ExcelJS.
 * `cchc score` / `report` only need the grid; building ExcelJS's whole workbook model (every
 * part inflated and sax-parsed, a Cell object per cell, styles resolved) costs more than the
 * scoring itself. This reader unzips only the parts the grid needs and scans their XML by hand.
 *
 * Contract: the grid is the one ExcelJS's public API gives on a load of the same bytes, field by
 * field (test/helpers/excelJsOracle.ts; test/xlsx/readGridOracle.test.ts compares both on every
 * workbook the tests build; merges there in row-major order). ExcelJS
 * 4.4's reading rules are therefore reproduced on purpose, quirks included:
 *  - style index 0 (or none) means "no style": no font and no date format;
 *  - an empty `<c>` without a style is not a cell; with a style it is an empty one;
 *  - t="str" texts and sheet names are entity-decoded twice (ExcelJS runs xmlDecode after sax);
 *  - `_xHHHH_` escapes are decoded in shared strings and rich-text runs, not in inline `<t>`;
 *  - numbers under a date format go through a millisecond-rounded Date and back to a serial;
 *  - a cell with an r:id hyperlink becomes a link (a formula on it is dropped), location-only
 *    links are dropped; merged-away cells are empty; shared formulas are translated per clone;
 *  - sheet order and names as ExcelJS's workbook gives them (sheetId, workbook.xml order).
 * Where ExcelJS fails to load a file the reader throws WorkbookInputError 'corrupt' too.
 * Uint8Array in, no Node API: usable in the browser build as well (reading a file from disk is
 * src/xlsx/node/readGridFile.ts).
 */

const WORKSHEET_RX = /xl\/worksheets\/sheet(\d+)[.]xml/;
const WORKSHEET_RELS_RX = /xl\/worksheets\/_rels\/sheet(\d+)[.]xml.rels/;

/** The grid, and the merge lists to write back into parts whose merges were clipped (for ExcelJS). */
export interface PackageGrid {
  grid: WorkbookGrid;
  clippedMerges: Record<string, CellRange[]>;
}

/** An opened package -> grid; failures are thrown as they come (readGridFromPackage turns them into WorkbookInputError). */
export async function gridFromPackage(pkg: XlsxPackage): Promise<PackageGrid> {
  if (!pkg.has('xl/workbook.xml')) bad('no xl/workbook.xml');
  const optional = (name: string): Promise<string | null> => (pkg.has(name) ? pkg.text(name) : Promise.resolve(null));
  const [workbookXml, workbookRelsXml, stylesXml, sharedXml] = await Promise.all([
    pkg.text('xl/workbook.xml'),
    optional('xl/_rels/workbook.xml.rels'),
    optional('xl/styles.xml'),
    optional('xl/sharedStrings.xml'),
  ]);
  const book = parseWorkbookXml(workbookXml);
  const workbookRels = workbookRelsXml !== null ? parseRels(workbookRelsXml) : {};

  // Which worksheet parts the workbook names (chartsheets and strays are not ExcelJS worksheets).
  const sheetNoOf: Record<string, string> = Object.create(null);
  const relsBySheetNo: Record<string, string> = Object.create(null);
  for (const name of pkg.names) {
    const m = WORKSHEET_RX.exec(name);
    if (m) {
      sheetNoOf[name] = m[1];
      continue;
    }
    const r = WORKSHEET_RELS_RX.exec(name);
    if (r) relsBySheetNo[r[1]] = name;
  }
  const defsByPath: Record<string, SheetDef> = Object.create(null);
  for (const def of book.sheets) {
    const rel = def.rId !== undefined && Object.prototype.hasOwnProperty.call(workbookRels, def.rId) ? workbookRels[def.rId] : undefined;
    // Excel refuses a sheet without its part; ExcelJS would drop it in silence.
    if (!rel) bad('sheet "' + def.name + '" has no relationship to its part');
    if (typeof rel.Target !== 'string') bad('workbook relationship without a target');
    const path = excelJsTarget(rel.Target);
    if (path in sheetNoOf) defsByPath[path] = def;
    else if (/\/worksheet$/.test(rel.Type || '')) bad('worksheet "' + def.name + '" names a part the file does not hold');
  }

  const opts: ParseOptions = {
    styles: stylesXml !== null ? parseStyles(stylesXml) : null,
    sharedStrings: sharedXml !== null ? parseSharedStrings(sharedXml) : null,
    date1904: book.date1904,
  };

  // Workbook.model: sheets indexed by sheetId, ordered by their place in workbook.xml.
  const slots: Array<{ orderNo: number; sheet: SheetGrid } | undefined> = [];
  const taken: string[] = [];
  const clippedMerges: Record<string, CellRange[]> = Object.create(null);
  // One sheet at a time: a sheet's XML is released before the next is inflated.
  for (const path of pkg.names) {
    const def = defsByPath[path];
    if (!def) continue;
    const name = checkSheetName(def.name === undefined ? 'sheet' + def.id : def.name, taken);
    taken.push(name);
    const sheet: SheetGrid = { name, rows: [] };
    const orderNo = book.sheets.findIndex((d) => d.id === def.id);
    (slots as unknown as Record<string, unknown>)[def.id as unknown as string] = { orderNo, sheet };
    const relsPath = relsBySheetNo[sheetNoOf[path]];
    const [xml, relsXml] = await Promise.all([pkg.text(path), relsPath ? pkg.text(relsPath) : Promise.resolve(null)]);
    const parsed = parseWorksheet(xml, relsXml !== null ? parseRels(relsXml) : null, opts);
    sheet.rows = parsed.rows;
    if (parsed.merges.length) sheet.merges = parsed.merges;
    sheet.hidden = parsed.hidden;
    if (parsed.clipped) clippedMerges[path] = parsed.merges;
  }
  const sheets = slots
    .slice(1)
    .sort((a, b) => (a as { orderNo: number }).orderNo - (b as { orderNo: number }).orderNo)
    .filter(Boolean)
    .map((x) => (x as { sheet: SheetGrid }).sheet);
  return { grid: { sheets }, clippedMerges };
}

/** Every failure while reading a package, as the one WorkbookInputError the user sees. */
export function asInputError(error: unknown, fileName: string): WorkbookInputError {
  if (error instanceof WorkbookInputError) return error;
  if (error instanceof BeyondLimits) return new WorkbookInputError('beyond-limits', fileName, { limitKind: error.what, found: error.found, limit: error.limit, detail: error.message });
  if (error instanceof RangeError && /Invalid (string|array|typed array) length|Array buffer allocation failed/i.test(error.message)) {
    return new WorkbookInputError('too-large', fileName, { detail: error.message });
  }
  return new WorkbookInputError('corrupt', fileName, { detail: error instanceof Error ? error.message : String(error) });
}

/** An opened package -> grid, with the merges clipped per part; every failure a WorkbookInputError. */
export async function readGridFromPackage(pkg: XlsxPackage): Promise<PackageGrid> {
  let read: PackageGrid;
  try {
    read = await gridFromPackage(pkg);
  } catch (error) {
    throw asInputError(error, pkg.fileName);
  }
  if (read.grid.sheets.length === 0) throw new WorkbookInputError('corrupt', pkg.fileName, { detail: 'no worksheets' });
  read.grid.fileName = pkg.fileName;
  return read;
}

/** Opens the package (zip guard, counted inflation), every failure a WorkbookInputError. */
export async function openPackage(bytes: Uint8Array, fileName: string, limits?: Partial<ZipLimits>): Promise<XlsxPackage> {
  try {
    return await openXlsxPackage(bytes, fileName, limits);
  } catch (error) {
    throw asInputError(error, fileName);
  }
}

/**
 * .xlsx bytes -> grid, as ExcelJS's load of the same package gives it, with the
 * same zip guard first and the same WorkbookInputError codes for bad input.
 */
export async function readGridFromXlsxBytes(bytes: Uint8Array, fileName: string, limits?: Partial<ZipLimits>): Promise<WorkbookGrid> {
  const pkg = await openPackage(bytes, fileName, limits);
  return (await readGridFromPackage(pkg)).grid;
}
