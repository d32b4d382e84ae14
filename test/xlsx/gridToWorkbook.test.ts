import ExcelJS from 'exceljs';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { buildSampleGrid } from '../../src/core/sample/thanhXa2023';
import { gridToWorkbook, sampleWorkbookBytes, writeSampleWorkbook } from '../../src/xlsx/gridToWorkbook';
import { sheet, workbook } from '../helpers/gridBuilder';

/** Writes with gridToWorkbook, then reads the bytes back with a fresh ExcelJS workbook. */
async function roundTrip(wb: ExcelJS.Workbook): Promise<ExcelJS.Workbook> {
  const bytes = await wb.xlsx.writeBuffer();
  const back = new ExcelJS.Workbook();
  await back.xlsx.load(bytes);
  return back;
}

describe('gridToWorkbook (generic)', () => {
  const grid = workbook(
    sheet(
      'Trang 1',
      [
        ['Tiêu đề gộp ô', null, null],
        ['STT', 'Nội dung', 'Điểm'],
        ['1', 'Lĩnh vực', 2.5],
        ['1.1', { v: 'Kế hoạch số 20/KH-UBND', f: 'HYPERLINK("https://example.gov.vn/kh-20.pdf","Kế hoạch số 20/KH-UBND")' }, { v: 2.5, f: 'SUM(C4:C5)' }],
        [null, { v: 'Báo cáo số 89/BC-UBND', link: 'https://example.gov.vn/bc-89.pdf' }, '0,5'],
        [null, { v: '§iÓm tèi ®a', font: '.VnTime' }, { v: '#REF!', err: '#REF!' }],
        [null, null, true],
      ],
      ['A1:C1', 'A4:A5'],
    ),
    sheet('Trang 2', [['chỉ một ô']]),
  );

  test('keeps values, formulas, hyperlinks, fonts, errors and merges', async () => {
    const back = await roundTrip(gridToWorkbook(grid));
    expect(back.worksheets.map((w) => w.name)).toEqual(['Trang 1', 'Trang 2']);
    const ws = back.getWorksheet('Trang 1')!;
    expect(ws.model.merges.sort()).toEqual(['A1:C1', 'A4:A5']);
    expect(ws.getCell('A1').value).toBe('Tiêu đề gộp ô');
    expect(ws.getCell('C3').value).toBe(2.5);
    expect(ws.getCell('A4').value).toBe('1.1');
    expect(ws.getCell('B4').value).toEqual({ formula: 'HYPERLINK("https://example.gov.vn/kh-20.pdf","Kế hoạch số 20/KH-UBND")', result: 'Kế hoạch số 20/KH-UBND' });
    expect(ws.getCell('C4').value).toEqual({ formula: 'SUM(C4:C5)', result: 2.5 });
    expect(ws.getCell('B5').value).toEqual({ text: 'Báo cáo số 89/BC-UBND', hyperlink: 'https://example.gov.vn/bc-89.pdf' });
    expect(ws.getCell('C5').value).toBe('0,5');
    expect(ws.getCell('B6').value).toBe('§iÓm tèi ®a');
    expect(ws.getCell('B6').font.name).toBe('.VnTime');
    expect(ws.getCell('C6').value).toEqual({ error: '#REF!' });
    expect(ws.getCell('C7').value).toBe(true);
    expect(back.getWorksheet('Trang 2')!.getCell('A1').value).toBe('chỉ một ô');
  });

  test('without styles it adds no formatting', async () => {
    const ws = (await roundTrip(gridToWorkbook(grid))).getWorksheet('Trang 1')!;
    expect(ws.getCell('C3').numFmt).toBeUndefined();
    expect(ws.getCell('B2').font?.bold).toBeFalsy();
    expect(ws.getCell('B2').border?.top).toBeUndefined();
  });
});

describe('the sample workbook', () => {
  const sample = buildSampleGrid();
  let back: ExcelJS.Workbook;
  beforeAll(async () => {
    back = new ExcelJS.Workbook();
    await back.xlsx.load((await sampleWorkbookBytes()) as unknown as ExcelJS.Buffer);
  });

  test('every grid cell reads back with its value, link or formula', () => {
    expect(back.worksheets.map((w) => w.name)).toEqual(['Phụ lục 1', 'Phụ lục 2']);
    let checked = 0;
    for (const s of sample.sheets) {
      const ws = back.getWorksheet(s.name)!;
      s.rows.forEach((row, r) =>
        (row || []).forEach((cell, c) => {
          if (!cell) return;
          const v = ws.getCell(r + 1, c + 1).value;
          if (cell.formula) expect(v).toEqual({ formula: cell.formula, result: cell.value });
          else if (cell.hyperlink) expect(v).toEqual({ text: cell.value, hyperlink: cell.hyperlink });
          else expect(v).toEqual(cell.value);
          checked++;
        }),
      );
    }
    expect(checked).toBeGreaterThan(500);
  });

  test('keeps the merges, including the two-row header', () => {
    for (const s of sample.sheets) {
      const ws = back.getWorksheet(s.name)!;
      const expected = (s.merges || []).map((m) => ws.getCell(m.top + 1, m.left + 1).address + ':' + ws.getCell(m.bottom + 1, m.right + 1).address);
      expect(ws.model.merges.slice().sort()).toEqual(expected.slice().sort());
    }
    expect(back.getWorksheet('Phụ lục 1')!.model.merges).toEqual(expect.arrayContaining(['A7:A8', 'C7:D7', 'H7:H8']));
    expect(back.getWorksheet('Phụ lục 2')!.model.merges).toEqual(expect.arrayContaining(['C7:C8', 'D7:E7']));
  });

  test('is styled: widths, bold header and fields, header fill, borders, wrap, "0.00" scores, Times New Roman', () => {
    const ws = back.getWorksheet('Phụ lục 1')!;
    expect(ws.getColumn(2).width).toBe(50);
    expect(ws.getCell('B7').font.bold).toBe(true);
    expect(ws.getCell('C8').font.bold).toBe(true);
    expect((ws.getCell('C8').fill as ExcelJS.FillPattern).fgColor!.argb).toBe('FFDDEBF7');
    expect(ws.getCell('B10').font.bold).toBe(true); // field 1
    expect(ws.getCell('B12').font.bold).toBeFalsy(); // leaf 1.1.1
    expect(ws.getCell('B13').font.italic).toBe(true); // its first tier row
    expect(ws.getCell('B12').alignment.wrapText).toBe(true);
    expect(ws.getCell('F12').font.underline).toBe(true); // hyperlink
    expect(ws.getCell('D12').numFmt).toBe('0.00');
    expect(ws.getCell('C10').numFmt).toBe('0.00');
    expect(ws.getCell('H12').border.right!.style).toBe('thin');
    expect(ws.getCell('A1').font.name).toBe('Times New Roman');
    expect(ws.getCell('A1').font.bold).toBe(true);
  });

  test('writeSampleWorkbook writes the same sheets to a file', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cchc-sample-'));
    try {
      const file = path.join(dir, 'mau.xlsx');
      await writeSampleWorkbook(file);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(file);
      expect(wb.worksheets.map((w) => w.name)).toEqual(['Phụ lục 1', 'Phụ lục 2']);
      expect(wb.getWorksheet('Phụ lục 1')!.getCell('D19').value).toBe('0,5');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
