import ExcelJS from 'exceljs';
import * as fs from 'fs';
import JSZip from 'jszip';
import * as os from 'os';
import * as path from 'path';
import { cellAt, SheetGrid } from '../../src/core/grid';
import { readGridFromXlsxFile } from '../../src/xlsx/node/readGridFile';
import { readGridFromXlsxBytes } from '../../src/xlsx/read/readGrid';
import { WorkbookInputError } from '../../src/xlsx/workbookInputError';
import { excelJsGrid, inMergeOrder } from '../helpers/excelJsOracle';
import { everyKindWorkbook } from './fixtures/everyKind';

/** Real .xlsx bytes written by ExcelJS, read back through the reader (src/xlsx/read); the ExcelJS oracle agrees. */

async function toBytes(wb: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cchc-read-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

async function everyKind(): Promise<Buffer> {
  return toBytes(everyKindWorkbook());
}

describe('the reader on every kind of value', () => {
  let sheet: SheetGrid;
  let names: string[];
  beforeAll(async () => {
    const bytes = await everyKind();
    const grid = await readGridFromXlsxBytes(bytes, 'moi-loai.xlsx');
    expect(inMergeOrder(grid)).toStrictEqual(await excelJsGrid(bytes, 'moi-loai.xlsx'));
    names = grid.sheets.map((s) => s.name);
    sheet = grid.sheets[0];
    expect(grid.fileName).toBe('moi-loai.xlsx');
  });
  const at = (a1: string) => {
    const m = /^([A-Z]+)(\d+)$/.exec(a1)!;
    const col = m[1].split('').reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
    return cellAt(sheet, Number(m[2]) - 1, col);
  };

  test('every worksheet, in order', () => expect(names).toEqual(['Phụ lục 1', 'Phụ lục 2']));
  test('numbers, strings, booleans, zero', () => {
    expect(at('A1')).toEqual({ value: 3.5 });
    expect(at('C1')).toEqual({ value: true });
    expect(at('D1')).toEqual({ value: false });
    expect(at('E1')).toEqual({ value: 0 });
  });
  test('font names', () => expect(at('B1')).toEqual({ value: 'Điểm', font: '.VnTime' }));
  test('dates become 1900-system serial numbers', () => {
    // A date format brings a style, and ExcelJS gives every style a font (Calibri by default).
    expect(at('A2')).toMatchObject({ value: 44931 });
    expect(at('H2')).toMatchObject({ value: 44931.5, formula: 'DATE(2023,1,5)' });
    expect(at('H2')!.error).toBeUndefined();
  });
  test('rich text is concatenated; the first run gives the font', () => {
    expect(at('B2')).toEqual({ value: 'KÕ ho¹ch', font: '.VnTime' });
  });
  test('hyperlinks and HYPERLINK() formulas', () => {
    expect(at('C2')).toEqual({ value: 'KH 1', hyperlink: 'https://x.vn/kh1.pdf' });
    expect(at('D2')).toEqual({ value: 'BC 2', formula: 'HYPERLINK("https://x.vn/a.pdf","BC 2")' });
  });
  test('formulas keep their text without "=" and their cached result', () => {
    expect(at('E2')).toEqual({ value: 7, formula: 'SUM(A1,A1)' });
    expect(at('G4')).toEqual({ value: 'đạt', formula: 'IF(A1>1,"đạt","")' });
    expect(at('G5')).toEqual({ value: true, formula: 'A1>1' });
    expect(at('G6')).toEqual({ value: null, formula: 'NOW()' });
  });
  test('shared formulas are translated for each clone', () => {
    expect(at('F3')).toEqual({ value: 2, formula: 'A3*2' });
    expect(at('F4')).toEqual({ value: 4, formula: 'A4*2' });
    expect(at('F5')).toEqual({ value: 6, formula: 'A5*2' });
  });
  test('errors, plain and as formula results', () => {
    expect(at('G2')).toEqual({ value: null, error: '#REF!' });
    expect(at('G3')).toEqual({ value: null, formula: '1/0', error: '#DIV/0!' });
  });
  test('merged two-row header: ranges 0-based inclusive, covered cells empty', () => {
    expect(sheet.merges).toEqual(
      expect.arrayContaining([
        { top: 6, left: 0, bottom: 7, right: 0 },
        { top: 6, left: 1, bottom: 7, right: 1 },
        { top: 6, left: 2, bottom: 6, right: 3 },
      ]),
    );
    expect(sheet.merges).toHaveLength(3);
    expect(at('A7')).toEqual({ value: 'STT' });
    expect(at('A8')).toBeNull();
    expect(at('D7')).toBeNull();
    expect(at('C8')).toEqual({ value: 'Tối đa' });
  });
  test('empty styled cells are empty; far cells land at their place', () => {
    expect(at('B10')).toBeNull();
    expect(at('AB20')).toEqual({ value: 'xa' });
    expect(sheet.rows.length).toBe(20);
  });
});

describe('workbooks built in memory', () => {
  test('1904 date system: serials as the file stores them', async () => {
    const wb = new ExcelJS.Workbook();
    wb.properties.date1904 = true;
    const ws = wb.addWorksheet('S');
    ws.getCell('A1').value = new Date(Date.UTC(2023, 0, 5));
    ws.getCell('A1').numFmt = 'dd/mm/yyyy';
    const grid = await readGridFromXlsxBytes(await toBytes(wb), 'd1904.xlsx');
    expect(cellAt(grid.sheets[0], 0, 0)!.value).toBe(44931 - 1462);
  });
});

describe('hyperlinks as Excel stores them (crafted sheet XML)', () => {
  test('links on numbers and formulas; what ExcelJS 4.4 loses (and the reader reproduces) is pinned here', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('S');
    ws.getCell('A1').value = 'Mục lục';
    ws.getCell('B1').value = { formula: 'C1*2', result: 10 } as ExcelJS.CellValue;
    ws.getCell('C1').value = 5;
    const zip = await JSZip.loadAsync(await toBytes(wb));
    const sheetXml = (await zip.file('xl/worksheets/sheet1.xml')!.async('string')).replace(
      '</sheetData>',
      '</sheetData><hyperlinks><hyperlink ref="A1" location="\'S\'!C1" display="Mục lục"/>' + '<hyperlink ref="B1" r:id="rId7"/><hyperlink ref="C1" r:id="rId8"/></hyperlinks>',
    );
    zip.file('xl/worksheets/sheet1.xml', sheetXml);
    zip.file(
      'xl/worksheets/_rels/sheet1.xml.rels',
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        '<Relationship Id="rId7" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="https://x.vn/b" TargetMode="External"/>' +
        '<Relationship Id="rId8" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="https://x.vn/c" TargetMode="External"/>' +
        '</Relationships>',
    );
    const bytes = await zip.generateAsync({ type: 'nodebuffer' });
    const grid = await readGridFromXlsxBytes(bytes, 'links.xlsx');
    expect(grid).toStrictEqual(await excelJsGrid(bytes, 'links.xlsx'));
    const s = grid.sheets[0];
    expect(cellAt(s, 0, 2)).toEqual({ value: 5, hyperlink: 'https://x.vn/c' });
    // ExcelJS drops in-document (location-only) links when loading...
    expect(cellAt(s, 0, 0)).toEqual({ value: 'Mục lục' });
    // ...and turns a formula cell that carries a link into a plain link: the formula is gone.
    expect(cellAt(s, 0, 1)).toEqual({ value: 10, hyperlink: 'https://x.vn/b' });
  });
});

describe('reading files: one clear error per problem', () => {
  async function code(p: string): Promise<string> {
    try {
      await readGridFromXlsxFile(p);
    } catch (error) {
      expect(error).toBeInstanceOf(WorkbookInputError);
      const e = error as WorkbookInputError;
      expect(e.message).toBe(e.messageVi);
      expect(e.messageVi.split('\n')).toHaveLength(1);
      expect(e.messageEn.split('\n')).toHaveLength(1);
      expect(e.messageVi).not.toMatch(/\bat .+:\d+:\d+/);
      expect(e.fileName).toBe(p);
      return e.code;
    }
    return 'ok';
  }
  const write = (name: string, bytes: Buffer | string) => {
    const p = path.join(tmp, name);
    fs.writeFileSync(p, bytes);
    return p;
  };

  test('a good file reads, with its base name on the grid', async () => {
    const p = write('tot.xlsx', await everyKind());
    const grid = await readGridFromXlsxFile(p);
    expect(grid.fileName).toBe('tot.xlsx');
    expect(grid.sheets).toHaveLength(2);
  });
  test('missing file', async () => {
    expect(await code(path.join(tmp, 'khong-co.xlsx'))).toBe('not-found');
    expect(await code(path.join(tmp, 'khong-co', 'x.xlsx'))).toBe('not-found');
  });
  test('a folder', async () => {
    const d = path.join(tmp, 'thu-muc.xlsx');
    fs.mkdirSync(d);
    expect(await code(d)).toBe('not-a-file');
  });
  test('text renamed to .xlsx, and an empty file', async () => {
    expect(await code(write('van-ban.xlsx', 'chỉ là văn bản'))).toBe('not-xlsx');
    expect(await code(write('rong.xlsx', ''))).toBe('not-xlsx');
  });
  test('a zip that is not a workbook (a .docx renamed)', async () => {
    const zip = new JSZip();
    zip.file('[Content_Types].xml', '<Types/>');
    zip.file('word/document.xml', '<w:document/>');
    expect(await code(write('van-ban.docx.xlsx', await zip.generateAsync({ type: 'nodebuffer' })))).toBe('not-xlsx');
  });
  test('old .xls and password-protected .xlsx (OLE2 containers)', async () => {
    const magic = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    // An OLE2 container is read as an .xls now: this one holds no workbook.
    expect(await code(write('cu.xls', Buffer.concat([magic, Buffer.alloc(2000, 1)])))).toBe('corrupt');
    const enc = Buffer.concat([magic, Buffer.alloc(504), Buffer.from('EncryptionInfo', 'utf16le'), Buffer.alloc(1024)]);
    const p = write('mat-khau.xlsx', enc);
    expect(await code(p)).toBe('encrypted');
    await readGridFromXlsxFile(p).catch((e: WorkbookInputError) => {
      expect(e.messageVi).toBe('Tệp "' + p + '" được bảo vệ bằng mật khẩu; hãy mở bằng Excel, bỏ mật khẩu rồi thử lại.');
    });
  });
  test('truncated and garbled workbooks are "corrupt"', async () => {
    const good = await everyKind();
    expect(await code(write('cut.xlsx', good.subarray(0, 3000)))).toBe('corrupt');
    expect(await code(write('cut-tail.xlsx', good.subarray(0, good.length - 10)))).toBe('corrupt');
    // Central directory intact, compressed data scrambled: only the inflater notices.
    const garbled = Buffer.from(good);
    for (let i = 200; i < garbled.length / 2; i += 7) garbled[i] ^= 0x5a;
    expect(await code(write('garbled.xlsx', garbled))).toBe('corrupt');
  });
  test('a zip whose workbook part is not XML, or has no sheets, is "corrupt"', async () => {
    const zip = new JSZip();
    zip.file('[Content_Types].xml', '<Types/>');
    zip.file('xl/workbook.xml', 'đây không phải XML <<<');
    expect(await code(write('not-xml.xlsx', await zip.generateAsync({ type: 'nodebuffer' })))).toBe('corrupt');
    const empty = new JSZip();
    empty.file('xl/workbook.xml', '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheets/></workbook>');
    expect(await code(write('no-sheets.xlsx', await empty.generateAsync({ type: 'nodebuffer' })))).toBe('corrupt');
  });
  test('limits pass through to the zip guard', async () => {
    const p = write('lim.xlsx', await everyKind());
    await expect(readGridFromXlsxFile(p, { maxEntries: 3 })).rejects.toMatchObject({ code: 'too-many-entries' });
    await expect(readGridFromXlsxFile(p, { maxUncompressedBytes: 1000 })).rejects.toMatchObject({ code: 'too-large' });
  });
});
