import { CellWrite } from '../../../src/core/plan/types';
import { CellEdit, patchSheetXml, RefusedWrite } from '../../../src/xlsx/patch/sheetPatch';
import { CellStyleChange } from '../../../src/xlsx/patch/stylesPatch';

/** One worksheet part patched on its text: the spellings other generators use, and what must not move. */

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
const sheet = (data: string, before = '', after = '') => '<?xml version="1.0"?><worksheet ' + NS + '>' + before + data + after + '</worksheet>';

/** Style indexes made visible: base*10 + 1 for a fill, + 2 for a number format; base when nothing changes. */
const ctx = { sheetName: 'S', cellStyle: (base: number, change: CellStyleChange) => (change.fill || change.numberFormat ? base * 10 + (change.fill ? 1 : 0) + (change.numberFormat ? 2 : 0) : base) };

const at = (address: string) => {
  const m = /^([A-Z]+)(\d+)$/.exec(address)!;
  return { row: parseInt(m[2], 10) - 1, col: m[1].charCodeAt(0) - 65, address };
};
const formula = (address: string, f: string, result: number | string, numberFormat?: string): CellEdit => {
  const w: CellWrite = { sheet: 'S', ...at(address), purpose: 'parent-total', formula: f, result, previous: { value: null } };
  if (numberFormat) w.numberFormat = numberFormat;
  return { ...at(address), write: w };
};
const fill = (address: string): CellEdit => ({ ...at(address), fill: 'FFFFC7CE' });

test('rows and cells without r: positions counted as Excel counts them', () => {
  const xml = sheet('<sheetData><row><c><v>1</v></c><c><v>2</v></c></row><row><c><v>3</v></c><c><v>4</v></c></row></sheetData>');
  const out = patchSheetXml(xml, [formula('B2', 'A2*2', 6), fill('D2'), formula('A5', 'B2', 6)], ctx);
  expect(out).toBe(
    sheet(
      '<sheetData><row><c><v>1</v></c><c><v>2</v></c></row><row><c><v>3</v></c><c r="B2"><f>A2*2</f><v>6</v></c><c r="D2" s="1"/></row><row r="5"><c r="A5"><f>B2</f><v>6</v></c></row></sheetData>',
    ),
  );
});

test('a self-closing row opens; spans and the dimension grow to the created cells', () => {
  const xml = sheet('<sheetData><row r="1" spans="1:2"><c r="A1" s="3"><v>1</v></c></row><row r="3" spans="1:2"/></sheetData>', '<dimension ref="A1:B3"/>');
  const out = patchSheetXml(xml, [fill('A1'), fill('C3'), fill('E1')], ctx);
  expect(out).toBe(
    sheet('<sheetData><row r="1" spans="1:5"><c r="A1" s="31"><v>1</v></c><c r="E1" s="1"/></row><row r="3" spans="1:3"><c r="C3" s="1"/></row></sheetData>', '<dimension ref="A1:E3"/>'),
  );
});

test("a created cell starts from its row's format, else its column's", () => {
  const xml = sheet('<sheetData><row r="1" s="7" customFormat="1"><c r="A1"><v>1</v></c></row></sheetData>', '<cols><col min="2" max="3" width="9" style="4" customWidth="1"/></cols>');
  expect(patchSheetXml(xml, [fill('B1'), fill('C2'), fill('D2')], ctx)).toBe(
    sheet(
      '<sheetData><row r="1" s="7" customFormat="1"><c r="A1"><v>1</v></c><c r="B1" s="71"/></row><row r="2"><c r="C2" s="41"/><c r="D2" s="1"/></row></sheetData>',
      '<cols><col min="2" max="3" width="9" style="4" customWidth="1"/></cols>',
    ),
  );
});

test('an empty sheetData gets its rows; a prefixed part gets prefixed elements', () => {
  expect(patchSheetXml(sheet('<sheetData/>'), [fill('B2')], ctx)).toBe(sheet('<sheetData><row r="2"><c r="B2" s="1"/></row></sheetData>'));
  const prefixed = '<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData><x:row r="1"><x:c r="A1"><x:v>1</x:v></x:c></x:row></x:sheetData></x:worksheet>';
  expect(patchSheetXml(prefixed, [formula('B1', 'A1', 1, '0.00%'), formula('A2', 'A1', 1)], ctx)).toBe(
    '<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData><x:row r="1"><x:c r="A1"><x:v>1</x:v></x:c><x:c r="B1" s="2"><x:f>A1</x:f><x:v>1</x:v></x:c></x:row><x:row r="2"><x:c r="A2"><x:f>A1</x:f><x:v>1</x:v></x:c></x:row></x:sheetData></x:worksheet>',
  );
});

test('an owned cell loses its old type, keeps its style; text results are t="str"', () => {
  const xml = sheet('<sheetData><row r="1"><c r="A1" s="4" t="s" cm="1"><v>0</v></c><c r="B1" t="e"><v>#DIV/0!</v></c></row></sheetData>');
  expect(patchSheetXml(xml, [formula('A1', 'B1', 2), formula('B1', 'IF(1,"x")', 'x')], ctx)).toBe(
    sheet('<sheetData><row r="1"><c r="A1" s="4"><f>B1</f><v>2</v></c><c r="B1" t="str"><f>IF(1,&quot;x&quot;)</f><v>x</v></c></row></sheetData>'),
  );
});

test('a written shared-formula master: each clone gets its translated formula, its value and style kept', () => {
  const xml = sheet(
    '<sheetData><row r="1"><c r="C1"><f t="shared" ref="C1:C3" si="0"><![CDATA[A1*2]]></f><v>2</v></c></row>' +
      '<row r="2"><c r="C2" s="5"><f t="shared" si="0"/><v>4</v></c></row><row r="3"><c r="C3"><f t="shared" si="0"></f><v>6</v></c><c r="D3"><f t="shared" si="1"/><v>0</v></c></row></sheetData>',
  );
  const out = patchSheetXml(xml, [formula('C1', 'SUM(A1:B1)', 3), fill('C2')], ctx);
  expect(out).toBe(
    sheet(
      '<sheetData><row r="1"><c r="C1"><f>SUM(A1:B1)</f><v>3</v></c></row>' +
        '<row r="2"><c r="C2" s="51"><f>A2*2</f><v>4</v></c></row><row r="3"><c r="C3"><f>A3*2</f><v>6</v></c><c r="D3"><f t="shared" si="1"/><v>0</v></c></row></sheetData>',
    ),
  );
});

test('comments and CDATA that look like cells are not cells', () => {
  const xml = sheet('<sheetData><!-- <c r="A1"><v>9</v></c> --><row r="1"><c r="A1" t="inlineStr"><is><t><![CDATA[<c r="B1">]]></t></is></c></row></sheetData>');
  expect(patchSheetXml(xml, [fill('B1')], ctx)).toBe(
    sheet('<sheetData><!-- <c r="A1"><v>9</v></c> --><row r="1"><c r="A1" t="inlineStr"><is><t><![CDATA[<c r="B1">]]></t></is></c><c r="B1" s="1"/></row></sheetData>'),
  );
});

test('refuses a cell inside a merge (not its top-left) and any cell of an array formula', () => {
  const xml = sheet('<sheetData><row r="1"><c r="A1"><f t="array" ref="A1:A2">B1:B2</f><v>1</v></c></row></sheetData>', '', '<mergeCells count="1"><mergeCell ref="C1:D2"/></mergeCells>');
  expect(() => patchSheetXml(xml, [formula('D1', '1', 1)], ctx)).toThrow(RefusedWrite);
  expect(() => patchSheetXml(xml, [formula('D1', '1', 1)], ctx)).toThrow(/S!D1, which is inside a merged range/);
  expect(() => patchSheetXml(xml, [formula('A2', '1', 1)], ctx)).toThrow(/array formula A1:A2/);
  expect(patchSheetXml(xml, [formula('C1', '1', 1)], ctx)).toContain('<c r="C1"><f>1</f><v>1</v></c>');
  // Highlights may fall anywhere: a fill changes no value.
  expect(patchSheetXml(xml, [fill('A2'), fill('D2')], ctx)).toContain('<row r="2"><c r="A2" s="1"/><c r="D2" s="1"/></row>');
});

test('linear: a 10,000-row part is patched in well under a second', () => {
  let rows = '';
  for (let r = 1; r <= 10000; r++)
    rows += '<row r="' + r + '"><c r="A' + r + '"><v>' + r + '</v></c><c r="B' + r + '" t="s"><v>1</v></c><c r="C' + r + '"><f>A' + r + '*2</f><v>' + 2 * r + '</v></c></row>';
  const xml = sheet('<sheetData>' + rows + '</sheetData>');
  const edits: CellEdit[] = [];
  for (let r = 1; r <= 10000; r += 10) edits.push(formula('D' + r, 'C' + r + '/2', r), fill('B' + r));
  const started = Date.now();
  const out = patchSheetXml(xml, edits, ctx);
  const ms = Date.now() - started;
  expect(out.length).toBeGreaterThan(xml.length);
  expect(ms).toBeLessThan(1500);
});
