import { StylesEditor } from '../../../src/xlsx/patch/stylesPatch';

/** styles.xml only grows: what was at an index stays there; new entries are copies with one change. */

const STYLES =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
  '<numFmts count="1"><numFmt numFmtId="164" formatCode="0.000"/></numFmts>' +
  '<fonts count="2"><font><sz val="12"/><name val="Times New Roman"/></font><font><b/><sz val="12"/></font></fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>' +
  '<xf numFmtId="2" fontId="1" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"><alignment horizontal="center" wrapText="1"/></xf></cellXfs>' +
  '</styleSheet>';

test('a cell style is its own xf with the format or fill changed; the rest of the xf and the part kept', () => {
  const s = new StylesEditor(STYLES);
  expect(s.cellStyle(1, {})).toBe(1);
  expect(s.cellStyle(1, { numberFormat: '0.00%' })).toBe(2);
  expect(s.cellStyle(1, { numberFormat: '0.00%' })).toBe(2);
  expect(s.cellStyle(1, { numberFormat: '0.000' })).toBe(3); // the workbook's own custom format, reused
  expect(s.cellStyle(1, { numberFormat: '#,##0.0" đ"' })).toBe(4);
  expect(s.cellStyle(1, { fill: 'FFFFC7CE' })).toBe(5);
  expect(s.cellStyle(0, { fill: 'FFFFC7CE' })).toBe(6);
  const out = s.text();
  expect(out.startsWith(STYLES.slice(0, STYLES.indexOf('<numFmts')))).toBe(true);
  expect(out).toContain('<numFmts count="2"><numFmt numFmtId="164" formatCode="0.000"/><numFmt numFmtId="165" formatCode="#,##0.0&quot; đ&quot;"/></numFmts>');
  expect(out).toContain('<fills count="3">');
  expect(out).toContain('<fill><patternFill patternType="solid"><fgColor rgb="FFFFC7CE"/><bgColor indexed="64"/></patternFill></fill></fills>');
  expect(out).toContain(
    '<cellXfs count="7"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="2" fontId="1" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"><alignment horizontal="center" wrapText="1"/></xf>' +
      '<xf numFmtId="10" fontId="1" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"><alignment horizontal="center" wrapText="1"/></xf>' +
      '<xf numFmtId="164" fontId="1" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"><alignment horizontal="center" wrapText="1"/></xf>' +
      '<xf numFmtId="165" fontId="1" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"><alignment horizontal="center" wrapText="1"/></xf>' +
      '<xf numFmtId="2" fontId="1" fillId="2" borderId="0" xfId="0" applyNumberFormat="1" applyFill="1"><alignment horizontal="center" wrapText="1"/></xf>' +
      '<xf numFmtId="0" fontId="0" fillId="2" borderId="0" xfId="0" applyFill="1"/></cellXfs>',
  );
  // A second editor over the result finds everything again: nothing more is added.
  const again = new StylesEditor(out);
  expect(again.cellStyle(1, { fill: 'FFFFC7CE' })).toBe(5);
  expect(again.changed()).toBe(false);
});

test('summary styles: the workbook font made bold or a link; numFmts created first when the part has none; prefixes kept', () => {
  const prefixed = STYLES.replace(/<numFmts.*?<\/numFmts>/, '')
    .replace(/<(\/?)(\w)/g, '<$1x:$2')
    .replace('xmlns=', 'xmlns:x=')
    .replace('<x:?xml', '<?xml');
  const s = new StylesEditor(prefixed);
  const bold = s.summaryStyle({ bold: true, numberFormat: '0.00' });
  const link = s.summaryStyle({ link: true });
  expect([bold, link]).toEqual([2, 3]);
  const out = s.text();
  expect(out).toMatch(/<x:styleSheet xmlns:x="[^"]+"><x:fonts count="4">/);
  expect(out).toContain(
    '<x:font><x:b/><x:sz val="12"/><x:name val="Times New Roman"/></x:font><x:font><x:u/><x:color rgb="FF0563C1"/><x:sz val="12"/><x:name val="Times New Roman"/></x:font></x:fonts>',
  );
  expect(out).toContain(
    '<x:xf numFmtId="2" fontId="2" fillId="0" borderId="0" xfId="0" applyNumberFormat="1" applyFont="1"/><x:xf numFmtId="0" fontId="3" fillId="0" borderId="0" xfId="0" applyFont="1"/></x:cellXfs>',
  );
  const custom = new StylesEditor(STYLES.replace(/<numFmts.*?<\/numFmts>/, ''));
  custom.summaryStyle({ numberFormat: '0.0 "điểm"' });
  expect(custom.text()).toContain(
    '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="1"><numFmt numFmtId="164" formatCode="0.0 &quot;điểm&quot;"/></numFmts><fonts',
  );
});
