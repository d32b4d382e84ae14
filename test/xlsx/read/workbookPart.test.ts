import { checkSheetName, parseWorkbookXml } from '../../../src/xlsx/read/workbookPart';
import { parseRels } from '../../../src/xlsx/read/relationships';

describe('workbook part', () => {
  test('sheets in workbook order with their ids and relationships; names decoded twice as ExcelJS does', () => {
    const xml =
      '<workbook xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><workbookPr date1904="1"/><sheets>' +
      '<sheet name="Phụ lục 2" sheetId="3" r:id="rId2"/><sheet name="A &amp;amp; B" sheetId="1" r:id="rId1"/></sheets></workbook>';
    expect(parseWorkbookXml(xml)).toEqual({
      sheets: [
        { name: 'Phụ lục 2', id: 3, rId: 'rId2' },
        { name: 'A & B', id: 1, rId: 'rId1' },
      ],
      date1904: true,
    });
    expect(parseWorkbookXml('<workbook><workbookPr date1904="0"/></workbook>').date1904).toBe(false);
  });

  test('an empty workbook part is refused', () => {
    expect(() => parseWorkbookXml('<?xml version="1.0"?>')).toThrow('workbook part is empty');
  });

  test('sheet names ExcelJS refuses make the load fail', () => {
    expect(checkSheetName('Phụ lục 1', ['Tổng hợp'])).toBe('Phụ lục 1');
    expect(() => checkSheetName('', [])).toThrow("can't be empty");
    expect(() => checkSheetName('History', [])).toThrow('reserved');
    expect(() => checkSheetName('a/b', [])).toThrow('illegal character');
    expect(() => checkSheetName("'a", [])).toThrow('quote');
    expect(() => checkSheetName('x'.repeat(32), [])).toThrow('longer than 31');
    expect(() => checkSheetName('phụ LỤC 1', ['Phụ lục 1'])).toThrow('duplicate sheet name');
  });

  test('relationships by Id, attributes decoded', () => {
    const rels = parseRels(
      '<Relationships><Relationship Id="rId1" Type="http://x/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" TargetMode="External" Target="https://a.vn/?x=1&amp;y=2"/></Relationships>',
    );
    expect(rels.rId1).toEqual({ Id: 'rId1', Type: 'http://x/worksheet', Target: 'worksheets/sheet1.xml' });
    expect(rels.rId2.Target).toBe('https://a.vn/?x=1&y=2');
  });
});
