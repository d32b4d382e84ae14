import { isDateFmt, parseStyles } from '../../../src/xlsx/read/styles';

const STYLES = `<?xml version="1.0" encoding="UTF-8"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">
  <numFmts count="2"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/><numFmt numFmtId="165" formatCode="0\\.00&quot; điểm&quot;"/></numFmts>
  <fonts count="2"><font><sz val="11"/><name val="Times New Roman"/></font><font><name val=".VnTime"/></font></fonts>
  <cellXfs count="5">
    <xf numFmtId="0" fontId="0"/>
    <xf numFmtId="14" fontId="1"/>
    <xf numFmtId="164" fontId="0"/>
    <xf numFmtId="165" fontId="1"/>
    <xf numFmtId="10" fontId="7"/>
  </cellXfs>
</styleSheet>`;

describe('styles: what the grid reads of a cell style', () => {
  const styles = parseStyles(STYLES);

  test('a built-in date format (14) and a font name', () => {
    expect(styles.get(1)).toEqual({ numFmt: 'mm-dd-yy', font: { name: '.VnTime' } });
  });

  test('a custom number format, backslash escapes dropped', () => {
    expect(styles.get(2)).toEqual({ numFmt: 'dd/mm/yyyy', font: { name: 'Times New Roman' } });
    expect(styles.get(3)).toEqual({ numFmt: '0.00" điểm"', font: { name: '.VnTime' } });
  });

  test('format 0 (General) gives no number format; a font index past the fonts gives no font', () => {
    expect(styles.get(0)).toEqual({ font: { name: 'Times New Roman' } });
    expect(styles.get(4)).toEqual({ numFmt: '0.00%' });
  });

  test('an index past cellXfs is no style', () => {
    expect(styles.get(5)).toBeNull();
  });

  test('a cell style in a part without cellXfs makes the file corrupt, as in ExcelJS', () => {
    expect(() => parseStyles('<styleSheet><fonts><font/></fonts></styleSheet>').get(1)).toThrow('cell style without cellXfs');
  });

  test('a numFmt without formatCode is refused', () => {
    expect(() => parseStyles('<styleSheet><numFmts><numFmt numFmtId="164"/></numFmts></styleSheet>')).toThrow('numFmt without formatCode');
  });
});

describe('isDateFmt', () => {
  test.each([
    ['mm-dd-yy', true],
    ['dd/mm/yyyy', true],
    ['h:mm AM/PM', true],
    ['[h]:mm:ss', true],
    ['0.00', false],
    ['#,##0', false],
    ['General', false],
    ['[Red]0.00', false],
    ['0" ngày"', false],
    ['"Số "0', false],
    [undefined, false],
  ])('%s -> %s', (fmt, expected) => {
    expect(isDateFmt(fmt)).toBe(expected);
  });
});
