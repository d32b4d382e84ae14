import { parseSharedStrings } from '../../../src/xlsx/read/sharedStrings';

const sst = (items: string): string => '<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' + items + '</sst>';

describe('shared strings', () => {
  test('plain texts in order, entities and _xHHHH_ escapes decoded', () => {
    expect(parseSharedStrings(sst('<si><t>Điểm tối đa</t></si><si><t xml:space="preserve"> A &amp; B </t></si><si><t>dòng 1_x000D_dòng 2</t></si>'))).toEqual([
      'Điểm tối đa',
      ' A & B ',
      'dòng 1\rdòng 2',
    ]);
  });

  test('runs keep their text and font; phonetic runs are skipped', () => {
    const xml = sst('<si><r><rPr><b/><rFont val=".VnTime"/></rPr><t>§iÓm</t></r><r><t> tù</t></r><rPh sb="0" eb="1"><t>x</t></rPh></si>');
    expect(parseSharedStrings(xml)).toEqual([{ richText: [{ font: { name: '.VnTime' }, text: '§iÓm' }, { text: ' tù' }] }]);
  });

  test('an empty <si> is an empty object (as ExcelJS models it), so indexes stay aligned', () => {
    expect(parseSharedStrings(sst('<si/><si><t>b</t></si>'))).toEqual([{}, 'b']);
  });

  test('refuses what ExcelJS cannot load', () => {
    expect(() => parseSharedStrings(sst('<si><t>a<b/></t></si>'))).toThrow('markup inside <t>');
    expect(() => parseSharedStrings(sst('<x/>'))).toThrow('unexpected <x> in shared strings');
    expect(() => parseSharedStrings(sst('<si><t>a</t><r><t>b</t></r></si>'))).toThrow('text and runs mixed in one shared string');
  });
});
