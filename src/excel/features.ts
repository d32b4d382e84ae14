/// <reference types="office-js" />
/** ExcelApi features the gateway uses, found with Office.context.requirements.isSetSupported, never by version. ES5. */

const LEVELS = ['1.1', '1.2', '1.3', '1.4', '1.5', '1.6', '1.7', '1.8', '1.9', '1.10', '1.11', '1.12', '1.13', '1.14', '1.15', '1.16', '1.17', '1.18', '1.19', '1.20'];

/** Which ExcelApi features are used; all by isSetSupported, never by version sniffing. */
export interface ExcelFeatures {
  level: string;
  usedRangeValuesOnly: boolean; // 1.2
  setVisibility: boolean; // 1.2
  protection: boolean; // 1.2
  columnWidth: boolean; // 1.2
  /** Range.rowHidden / columnHidden: whether all, none or some lines of a range are hidden. */
  lineHidden: boolean; // 1.2
  /** WorksheetCollection.getFirst and Worksheet.getNextOrNullObject: sheets reached without their names. */
  sheetWalk: boolean; // 1.5
  conditionalFormats: boolean; // 1.6
  rangeHyperlink: boolean; // 1.7
  /** ChartAxis.reversePlotOrder: the tool's bar charts read top to bottom in the table's order. */
  chartCategoryOrder: boolean; // 1.7
  changeEvents: boolean; // 1.7
  /**
   * The sheet rules (sheetRules.ts): Range.dataValidation (1.8), workbook.names.add and NamedItem.delete
   * (1.4), the rules' formula conditional formats (1.6) and the hidden sheet of levels (1.2), all from 1.8.
   */
  sheetRules: boolean; // 1.8
  /** ChartAxis.numberFormat and position: the value axis in percent, under the bars. */
  chartAxisFormat: boolean; // 1.8
  cellProperties: boolean; // 1.9
  /** Range.getSpecialCellsOrNullObject('Visible'): which cells of a range are visible, as areas. */
  visibleCells: boolean; // 1.9
  /** Worksheet.pageLayout: A4, orientation, fit to width, print titles, header and footer of the tool's sheets. */
  pageLayout: boolean; // 1.9
  triggerSource: boolean; // 1.14
  /** Worksheet.notes: the note on each highlighted cell saying what is wrong. */
  notes: boolean; // 1.18
  mergeUndoGroup: boolean; // 1.20
}

function compareLevel(a: string, b: string): number {
  const pa = a.split('.');
  const pb = b.split('.');
  return Number(pa[0]) - Number(pb[0]) || Number(pa[1]) - Number(pb[1]);
}

/** `office` is the global Office object (typed unknown: tests hand in a fake from an untyped holder). */
export function detectFeatures(officeObject: unknown): ExcelFeatures {
  const office = officeObject as typeof Office | null | undefined;
  let level = '';
  for (let i = 0; i < LEVELS.length; i++) {
    let ok = false;
    try {
      ok = !!(office && office.context && office.context.requirements && office.context.requirements.isSetSupported('ExcelApi', LEVELS[i]));
    } catch (e) {
      ok = false;
    }
    if (!ok) break;
    level = LEVELS[i];
  }
  const at = function (v: string): boolean {
    return level !== '' && compareLevel(level, v) >= 0;
  };
  return {
    level: level || '0',
    usedRangeValuesOnly: at('1.2'),
    setVisibility: at('1.2'),
    protection: at('1.2'),
    columnWidth: at('1.2'),
    lineHidden: at('1.2'),
    sheetWalk: at('1.5'),
    conditionalFormats: at('1.6'),
    rangeHyperlink: at('1.7'),
    chartCategoryOrder: at('1.7'),
    changeEvents: at('1.7'),
    sheetRules: at('1.8'),
    chartAxisFormat: at('1.8'),
    cellProperties: at('1.9'),
    visibleCells: at('1.9'),
    pageLayout: at('1.9'),
    triggerSource: at('1.14'),
    notes: at('1.18'),
    mergeUndoGroup: at('1.20'),
  };
}
