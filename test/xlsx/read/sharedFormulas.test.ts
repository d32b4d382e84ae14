import { FormulaOffSheet, slideFormulaAsExcelJs, translateSharedFormula } from '../../../src/xlsx/read/sharedFormulas';
// ExcelJS's own translation, which the reader must reproduce (not part of its public API, hence the path).
const { slideFormula: excelJsSlide } = require('exceljs/lib/utils/shared-formula') as { slideFormula: (f: string, from: string, to: string) => string };

describe('translateSharedFormula: the master cell formula as it reads in another cell of the group', () => {
  test.each([
    ['down a column', 'C3*2', 'G3', 'G10', 'C10*2'],
    ['across a row', 'C3*2', 'G3', 'J3', 'F3*2'],
    ['down and across', 'A1+B2', 'C3', 'E7', 'C5+D6'],
    ['up and left', 'D10-E11', 'F12', 'E9', 'C7-D8'],
    ['absolute references stay', '$A$1+A1', 'B2', 'D5', '$A$1+C4'],
    ['an absolute column moves only its row', '$A1*2', 'B2', 'D5', '$A4*2'],
    ['an absolute row moves only its column', 'A$1*2', 'B2', 'D5', 'C$1*2'],
    ['a range moves end by end', 'SUM(D4:D9)', 'D10', 'E10', 'SUM(E4:E9)'],
    ['a mixed range', 'SUM($D4:D$9)', 'D10', 'F12', 'SUM($D6:F$9)'],
    ['a sheet-qualified reference', 'Sheet2!B3+PL1!$C$4', 'A1', 'B2', 'Sheet2!C4+PL1!$C$4'],
    ["a quoted sheet name's reference still moves", "'Phụ lục 1'!B3", 'A1', 'A3', "'Phụ lục 1'!B5"],
    ['a whole-row formula with several functions', 'IF(ISBLANK(D5),"",ROUND(D5/C5*100,2))', 'E5', 'E6', 'IF(ISBLANK(D6),"",ROUND(D6/C6*100,2))'],
    ['function names followed by "(" are left alone (LOG10 is not a cell)', 'LOG10(A1)', 'B1', 'B2', 'LOG10(A2)'],
    ['letters beyond XFD are a name, not a cell', 'XFE1+TOTAL2022+A1', 'B1', 'B2', 'XFE1+TOTAL2022+A2'],
    ['lower-case references come back upper-case', 'b3+$c$4', 'A1', 'A2', 'B4+$C$4'],
    ['the last column and row are reachable', 'XFC1048575', 'A1', 'B2', 'XFD1048576'],
    ['the same cell changes nothing', 'SUM(A1:B2)', 'C3', 'C3', 'SUM(A1:B2)'],
    ['master addresses may carry $', 'A1', '$B$2', 'B3', 'A2'],
  ])('%s', (_what, formula, master, cell, expected) => {
    expect(translateSharedFormula(formula, master, cell)).toBe(expected);
  });

  test.each([
    ['right of XFD', 'XFD1', 'A1', 'B1', /column out of range/],
    ['left of column A', 'A1', 'B1', 'A1', /column out of range/],
    ['below row 1,048,576', 'A1048576', 'A1', 'A2', /row out of range/],
    ['above row 1', 'A1', 'A2', 'A1', /row out of range/],
    ['a range end only', 'SUM(A1:XFD1)', 'A1', 'B1', /column out of range/],
  ])('a reference moved off the sheet (%s) is an error, not a wrong formula', (_what, formula, master, cell, message) => {
    expect(() => translateSharedFormula(formula, master, cell)).toThrow(FormulaOffSheet);
    expect(() => translateSharedFormula(formula, master, cell)).toThrow(message);
  });

  test('an absolute reference never goes off the sheet', () => {
    expect(translateSharedFormula('$XFD$1048576+$A$1', 'A1', 'XFD1048576')).toBe('$XFD$1048576+$A$1');
  });

  test('addresses that are not cells are refused', () => {
    expect(() => translateSharedFormula('A1', 'B', 'B2')).toThrow(FormulaOffSheet);
    expect(() => translateSharedFormula('A1', 'B2', '7')).toThrow('not a cell address: 7');
  });
});

describe("slideFormulaAsExcelJs: the reader's translation is ExcelJS 4.4's", () => {
  const cases: Array<[string, string, string]> = [
    ['C3*2+$D$1', 'G3', 'G22515'],
    ['SUM($D4:D$9)/Sheet2!B3', 'D10', 'F12'],
    ['\'Phụ lục 1\'!B3&"A1"', 'A1', 'C3'],
    ['LOG10(a1)+XFE1+TOTAL2022', 'B1', 'B2'],
    ['IF(ISBLANK(D5),"",ROUND(D5/C5*100,2))', 'E5', 'E9'],
    ['A1', 'A2', 'A1'],
    ['A1048576', 'A1', 'A3'],
  ];
  test.each(cases)('%s from %s to %s', (formula, from, to) => {
    expect(slideFormulaAsExcelJs(formula, from, to)).toBe(excelJsSlide(formula, from, to));
  });

  test('rows off the sheet are kept as ExcelJS writes them (row 0, row 1,048,577); columns off the sheet throw as in ExcelJS', () => {
    expect(slideFormulaAsExcelJs('A1', 'A2', 'A1')).toBe('A0');
    expect(slideFormulaAsExcelJs('A1048576', 'A1', 'A2')).toBe('A1048577');
    expect(() => slideFormulaAsExcelJs('XFD1', 'A1', 'B1')).toThrow('column out of range after translating a shared formula');
    expect(() => excelJsSlide('XFD1', 'A1', 'B1')).toThrow();
  });
});
