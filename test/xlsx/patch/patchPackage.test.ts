import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { cellAt, WorkbookGrid } from '../../../src/core/grid';
import { CellWrite, Highlight, SummarySheet, WritePlan } from '../../../src/core/plan/types';
import { readGridFromXlsxBytes } from '../../../src/xlsx/read/readGrid';
import { patchWorkbookBytes } from '../../../src/xlsx/patch/patchPackage';
import { expectOnlyOwnedPartsChanged, partsOf } from './patchHelpers';

/**
 * The behaviours test/xlsx/applyPlan.test.ts asks of the ExcelJS writer, asked of the package
 * patcher: same input workbook, same plan, read back through the fast reader (cells) and ExcelJS
 * (styles), plus what only the patcher promises (untouched parts, zip order).
 */

const SHEET = 'Phụ lục 1';
const SUMMARY = 'Tổng hợp điểm';

async function inputBytes(extra?: (ws: ExcelJS.Worksheet, wb: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(SHEET);
  const header = { font: { name: 'Times New Roman', bold: true }, border: { bottom: { style: 'thin' } } } as Partial<ExcelJS.Style>;
  const body = { font: { name: '.VnTime', size: 12 }, border: { left: { style: 'thin' } }, numFmt: '0.00' } as Partial<ExcelJS.Style>;
  ws.getCell('A1').value = 'PHỤ LỤC 1';
  ws.mergeCells('A1:F1');
  ['STT', 'Tiêu chí', 'Tối đa', 'Tự đánh giá', 'Tài liệu kiểm chứng', 'Nhân đôi'].forEach((h, i) => {
    const c = ws.getCell(2, i + 1);
    c.value = h;
    c.style = header;
  });
  const rows: ExcelJS.CellValue[][] = [
    ['I', 'Lĩnh vực một', 3, 99, null],
    ['1.1', 'Tiêu chí', 1, 1, { text: 'KH 1', hyperlink: 'https://x.vn/kh1.pdf' }],
    ['1.2', '=cmd|calc', 2, '1,5', { formula: 'HYPERLINK("https://x.vn/a.pdf","BC 2")', result: 'BC 2' } as ExcelJS.CellValue],
    ['Tổng cộng', null, 3, null, null],
  ];
  rows.forEach((row, r) =>
    row.forEach((v, c) => {
      const cell = ws.getCell(r + 3, c + 1);
      if (v !== null) cell.value = v;
      cell.style = body;
    }),
  );
  // A formula filled down, stored as a shared formula with its master in F3.
  ws.fillFormula('F3:F6', 'C3*2', [6, 2, 4, 6]);
  ws.getColumn(2).width = 40;
  if (extra) extra(ws, wb);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

function write(row: number, col: number, address: string, formula: string, result: number, numberFormat?: string): CellWrite {
  const w: CellWrite = { sheet: SHEET, row, col, address, formula, result, purpose: 'parent-total', previous: { value: null } };
  if (numberFormat) w.numberFormat = numberFormat;
  return w;
}

function summary(): SummarySheet {
  return {
    name: SUMMARY,
    columnWidths: [30, 12, 14],
    rows: [
      [
        { kind: 'text', text: 'BẢNG TỔNG HỢP', bold: true },
        { kind: 'text', text: 'Điểm', bold: true },
      ],
      [
        { kind: 'text', text: '=1+1' },
        { kind: 'number', value: 2.5, numberFormat: '0.00', bold: true },
      ],
      [
        { kind: 'text', text: '=cmd|calc' },
        { kind: 'number', value: 0.8333, numberFormat: '0.00%' },
      ],
      [
        { kind: 'link', text: 'Xem D3', sheet: SHEET, address: 'D3' },
        { kind: 'link', text: "Bà's", sheet: "Bà's sheet", address: 'B12' },
      ],
    ],
  };
}

const highlight = (row: number, col: number, address: string, color = 'FFC7CE'): Highlight => ({
  sheet: SHEET,
  row,
  col,
  address,
  kind: 'missing-evidence',
  color,
  note: 'CCHC: thiếu tài liệu kiểm chứng',
});

function plan(): WritePlan {
  return {
    writes: [
      write(2, 3, 'D3', 'SUM(D4,NUMBERVALUE(D5,",","."))', 2.5),
      write(5, 3, 'D6', 'D3', 2.5, '0.0'),
      write(2, 5, 'F3', 'D3/C3', 0.8333, '0.00%'), // the shared formula's master
      // A cell that does not exist yet, in a row that does not exist yet.
      write(7, 3, 'D8', 'D6/C6', 0.8333, '0.00%'),
    ],
    // E4 exists; H4 does not (created in its row, after F4); B10 is in no row yet.
    highlights: [highlight(3, 4, 'E4'), highlight(4, 1, 'B5', '#ffeb9c'), highlight(3, 7, 'H4'), highlight(9, 1, 'B10')],
    summary: summary(),
  };
}

function sheetOf(grid: WorkbookGrid, name: string) {
  const s = grid.sheets.find((x) => x.name === name);
  if (!s) throw new Error('no sheet ' + name);
  return s;
}

async function excelJs(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  return wb;
}

describe('patchWorkbookBytes', () => {
  let input: Uint8Array;
  let inputCopy: Uint8Array;
  let output: Uint8Array;
  let before: WorkbookGrid;
  let after: WorkbookGrid;
  let reread: ExcelJS.Workbook;
  beforeAll(async () => {
    input = await inputBytes();
    inputCopy = input.slice();
    output = await patchWorkbookBytes(input, plan());
    before = await readGridFromXlsxBytes(input, 'in.xlsx');
    after = await readGridFromXlsxBytes(output, 'out.xlsx');
    reread = await excelJs(output);
  });

  test('a Node Buffer under Node, and the input bytes are not modified', () => {
    expect(Buffer.isBuffer(output)).toBe(true);
    expect(Buffer.compare(Buffer.from(input), Buffer.from(inputCopy))).toBe(0);
  });

  test('only the parts the tool owns change; the zip keeps its order', async () => {
    const changed = await expectOnlyOwnedPartsChanged({ input, plan: plan(), output });
    // The sheet's relationships gain the notes of its highlighted cells (comments part + VML drawing, both added).
    expect(changed.sort()).toEqual(['[Content_Types].xml', 'xl/_rels/workbook.xml.rels', 'xl/styles.xml', 'xl/workbook.xml', 'xl/worksheets/_rels/sheet1.xml.rels', 'xl/worksheets/sheet1.xml']);
  });

  test('formulas and their results are in the saved file', () => {
    const s = sheetOf(after, SHEET);
    expect(cellAt(s, 2, 3)).toMatchObject({ value: 2.5, formula: 'SUM(D4,NUMBERVALUE(D5,",","."))' });
    expect(cellAt(s, 5, 3)).toMatchObject({ value: 2.5, formula: 'D3' });
    expect(cellAt(s, 2, 5)).toMatchObject({ value: 0.8333, formula: 'D3/C3' });
    expect(cellAt(s, 7, 3)).toMatchObject({ value: 0.8333, formula: 'D6/C6' });
  });

  test('future functions are stored with their prefix, as Excel needs them', async () => {
    const zip = await JSZip.loadAsync(output);
    const xml = await zip.file('xl/worksheets/sheet1.xml')!.async('string');
    expect(xml).toContain('<f>SUM(D4,_xlfn.NUMBERVALUE(D5,&quot;,&quot;,&quot;.&quot;))</f><v>2.5</v>');
  });

  test('number format only where the plan gives one; the shared style is not touched', () => {
    const ws = reread.getWorksheet(SHEET)!;
    expect(ws.getCell('F3').numFmt).toBe('0.00%');
    expect(ws.getCell('D6').numFmt).toBe('0.0');
    expect(ws.getCell('D8').numFmt).toBe('0.00%');
    expect(ws.getCell('D3').numFmt).toBe('0.00'); // written without a format: keeps its own
    for (const a of ['D4', 'D5', 'C6', 'E6']) expect([a, ws.getCell(a).numFmt]).toEqual([a, '0.00']);
    expect(ws.getCell('D6').font).toMatchObject({ name: '.VnTime' });
    expect(ws.getCell('D6').border).toMatchObject({ left: { style: 'thin' } });
  });

  test('clones of an overwritten shared formula keep their own formulas', () => {
    const s = sheetOf(after, SHEET);
    expect(cellAt(s, 3, 5)).toMatchObject({ value: 2, formula: 'C4*2' });
    expect(cellAt(s, 4, 5)).toMatchObject({ value: 4, formula: 'C5*2' });
    expect(cellAt(s, 5, 5)).toMatchObject({ value: 6, formula: 'C6*2' });
  });

  test('fills only on highlighted cells, keeping their other style; missing cells are created', () => {
    const ws = reread.getWorksheet(SHEET)!;
    const solid = (argb: string) => ({ type: 'pattern', pattern: 'solid', fgColor: { argb } });
    expect(ws.getCell('E4').fill).toMatchObject(solid('FFFFC7CE'));
    expect(ws.getCell('B5').fill).toMatchObject(solid('FFFFEB9C'));
    expect(ws.getCell('H4').fill).toMatchObject(solid('FFFFC7CE'));
    expect(ws.getCell('B10').fill).toMatchObject(solid('FFFFC7CE'));
    expect(ws.getCell('E4').font).toMatchObject({ name: '.VnTime', size: 12 });
    expect(ws.getCell('E4').border).toMatchObject({ left: { style: 'thin' } });
    for (const a of ['E3', 'E5', 'E6', 'B4', 'B6', 'D3', 'A5', 'C5']) {
      const fill = ws.getCell(a).fill as ExcelJS.FillPattern | undefined;
      expect([a, fill && fill.pattern === 'solid']).toEqual([a, false]);
    }
  });

  test('every cell the plan does not name is unchanged', () => {
    const b = sheetOf(before, SHEET);
    const a = sheetOf(after, SHEET);
    const written = new Set(plan().writes.map((w) => w.row + ',' + w.col));
    let compared = 0;
    for (let row = 0; row < 12; row++) {
      for (let col = 0; col < 10; col++) {
        if (written.has(row + ',' + col)) continue;
        expect([row, col, cellAt(a, row, col)]).toEqual([row, col, cellAt(b, row, col)]);
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(100);
    expect(a.merges).toEqual(b.merges);
    expect(reread.getWorksheet(SHEET)!.getColumn(2).width).toBe(40);
  });

  test('text stays text in the summary, "=1+1" included', () => {
    const ws = reread.getWorksheet(SUMMARY)!;
    for (const [a, text] of [
      ['A2', '=1+1'],
      ['A3', '=cmd|calc'],
    ]) {
      const cell = ws.getCell(a);
      expect(cell.type).toBe(ExcelJS.ValueType.String);
      expect(cell.value).toBe(text);
      expect(cell.formula).toBeUndefined();
    }
  });

  test('summary numbers, formats, bold, widths, frozen header row', () => {
    const ws = reread.getWorksheet(SUMMARY)!;
    expect(ws.getCell('B2').value).toBe(2.5);
    expect(ws.getCell('B2').numFmt).toBe('0.00');
    expect(ws.getCell('B2').font).toMatchObject({ bold: true });
    expect(ws.getCell('B3').numFmt).toBe('0.00%');
    expect(ws.getCell('A1').font).toMatchObject({ bold: true });
    expect(ws.getCell('A2').font?.bold).toBeFalsy();
    expect(ws.getCell('A4').font).toMatchObject({ underline: true, color: { argb: 'FF0563C1' } });
    expect([1, 2, 3].map((c) => ws.getColumn(c).width)).toEqual([30, 12, 14]);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
  });

  test('links are in-document links to the right cell, written as Excel writes them', async () => {
    const zip = await JSZip.loadAsync(output);
    const workbookXml = await zip.file('xl/workbook.xml')!.async('string');
    const rels = await zip.file('xl/_rels/workbook.xml.rels')!.async('string');
    const rid = new RegExp('<sheet [^>]*name="' + SUMMARY + '"[^>]*r:id="(rId\\d+)"').exec(workbookXml)![1];
    const target = new RegExp('Id="' + rid + '"[^>]*Target="([^"]+)"').exec(rels)![1];
    const sheetXml = await zip.file('xl/' + target)!.async('string');
    expect(sheetXml.match(/<hyperlink\b[^>]*\/>/g)).toEqual(['<hyperlink ref="A4" location="\'Phụ lục 1\'!D3"/>', '<hyperlink ref="B4" location="\'Bà\'\'s sheet\'!B12"/>']);
    expect(zip.file('xl/worksheets/_rels/' + target.replace(/^.*\//, '') + '.rels')).toBeNull();
    expect(cellAt(sheetOf(after, SHEET), 3, 4)).toMatchObject({ value: 'KH 1', hyperlink: 'https://x.vn/kh1.pdf' });
    expect(reread.getWorksheet(SUMMARY)!.getCell('A4').text).toBe('Xem D3');
  });

  test('the summary sheet is replaced in place, not duplicated, on a second run', async () => {
    const second = await patchWorkbookBytes(output, { ...plan(), writes: [], highlights: [] });
    const grid = await readGridFromXlsxBytes(second, 'second.xlsx');
    expect(grid.sheets.map((s) => s.name)).toEqual([SHEET, SUMMARY]);
    // The same part, rewritten; nothing else in the package added. With no highlight left, the notes the
    // first run added (its comments part and VML drawing) go with them.
    const notesParts = (n: string) => /^xl\/comments\d+\.xml$|^xl\/drawings\/vmlDrawing\d+\.vml$/.test(n);
    expect([...(await partsOf(second)).keys()]).toEqual([...(await partsOf(output)).keys()].filter((n) => !notesParts(n)));
    // Running the same plan twice changes nothing.
    const again = await patchWorkbookBytes(output, plan());
    const b = await partsOf(output);
    const a = await partsOf(again);
    const differing = [...b.keys()].filter((k) => Buffer.compare(Buffer.from(b.get(k)!), Buffer.from(a.get(k)!)) !== 0);
    expect(differing).toEqual([]);
  });

  test('a sheet of the same name in other letter case is the summary: replaced where it stands', async () => {
    const bytes = await inputBytes((_ws, wb) => {
      const old = wb.addWorksheet(SUMMARY.toUpperCase());
      old.getCell('A1').value = 'cũ';
      // An earlier copy's summary with relationships of its own: a link and a comment.
      old.getCell('A2').value = { text: 'web', hyperlink: 'https://x.vn/' };
      old.getCell('A3').note = 'ghi chú';
      wb.addWorksheet('Sau');
    });
    expect(Object.keys((await JSZip.loadAsync(bytes)).files)).toContain('xl/worksheets/_rels/sheet2.xml.rels');
    const p = { ...plan(), writes: [], highlights: [] };
    const out = await patchWorkbookBytes(bytes, p);
    expect(await expectOnlyOwnedPartsChanged({ input: bytes, plan: p, output: out })).toContain('xl/worksheets/sheet2.xml');
    // Its relationships went with its content; the parts they named stay, unreferenced.
    const files = Object.keys((await JSZip.loadAsync(out)).files);
    expect(files).not.toContain('xl/worksheets/_rels/sheet2.xml.rels');
    expect(files).toContain('xl/comments2.xml');
    const grid = await readGridFromXlsxBytes(out, 'x.xlsx');
    expect(grid.sheets.map((s) => s.name)).toEqual([SHEET, SUMMARY.toUpperCase(), 'Sau']);
    expect(cellAt(grid.sheets[1], 0, 0)).toMatchObject({ value: 'BẢNG TỔNG HỢP' });
  });
});

describe('one full calculation on opening, only when a write changes a value', () => {
  const workbookXml = async (bytes: Uint8Array) => (await JSZip.loadAsync(bytes)).file('xl/workbook.xml')!.async('string');

  test("a total that was wrong: the official's own formulas reading it are recalculated on opening", async () => {
    const input = await inputBytes();
    expect(await workbookXml(input)).not.toContain('fullCalcOnLoad');
    const out = await patchWorkbookBytes(input, plan());
    expect(await workbookXml(out)).toMatch(/<calcPr [^>]*fullCalcOnLoad="1"/);
  });

  test('a workbook without calcPr gets one, in its place after definedNames', async () => {
    const zip = await JSZip.loadAsync(await inputBytes((_ws, wb) => wb.definedNames.add("'" + SHEET + "'!$A$1", 'TieuDe')));
    const xml = (await zip.file('xl/workbook.xml')!.async('string')).replace(/<calcPr[^>]*\/>/, '');
    zip.file('xl/workbook.xml', xml);
    const out = await patchWorkbookBytes(await zip.generateAsync({ type: 'uint8array' }), plan());
    expect(await workbookXml(out)).toContain('</definedNames><calcPr fullCalcOnLoad="1"/>');
    expect((await readGridFromXlsxBytes(out, 'x.xlsx')).sheets.map((s) => s.name)).toEqual([SHEET, SUMMARY]);
  });

  test('writes that keep every value (a hand total made a formula): nothing asked', async () => {
    const input = await inputBytes();
    const same = { ...write(2, 3, 'D3', 'SUM(D4,NUMBERVALUE(D5,",","."))', 99), previous: { value: 99 } };
    const out = await patchWorkbookBytes(input, { writes: [same], highlights: [], summary: summary() });
    expect(await workbookXml(out)).not.toContain('fullCalcOnLoad');
  });
});

describe('patchWorkbookBytes refuses plans that do not fit the workbook', () => {
  const only = (w: CellWrite): WritePlan => ({ writes: [w], highlights: [], summary: summary() });

  test('unknown sheet, or a cell hidden inside a merge (its top-left cell may be written)', async () => {
    const input = await inputBytes();
    await expect(patchWorkbookBytes(input, only({ ...write(2, 3, 'D3', '1', 1), sheet: 'Không có' }))).rejects.toThrow(/Không có/);
    await expect(patchWorkbookBytes(input, only(write(0, 2, 'C1', '1', 1)))).rejects.toThrow(/merged/);
    const topLeft = await readGridFromXlsxBytes(await patchWorkbookBytes(input, only(write(0, 0, 'A1', '1+1', 2))), 'x.xlsx');
    expect(cellAt(topLeft.sheets[0], 0, 0)).toMatchObject({ value: 2, formula: '1+1' });
  });

  test('a cell of an array formula', async () => {
    const input = await inputBytes((ws) => {
      ws.getCell('H3').value = { formula: 'C3:C5*2', result: 6, shareType: 'array', ref: 'H3:H5' } as unknown as ExcelJS.CellValue;
    });
    const xml = await (await JSZip.loadAsync(input)).file('xl/worksheets/sheet1.xml')!.async('string');
    expect(xml).toMatch(/<f t="array" ref="H3:H5">/);
    await expect(patchWorkbookBytes(input, only(write(3, 7, 'H4', '1', 1)))).rejects.toThrow(/array formula/);
    await expect(patchWorkbookBytes(input, only(write(2, 7, 'H3', '1', 1)))).rejects.toThrow(/array formula/);
  });
});

describe('parts in UTF-16 (allowed by the package format)', () => {
  test('a UTF-16 worksheet part is patched and written back as UTF-8, saying so', async () => {
    const zip = await JSZip.loadAsync(await inputBytes());
    const xml = (await zip.file('xl/worksheets/sheet1.xml')!.async('string')).replace(/^<\?xml[^>]*\?>/, '<?xml version="1.0" encoding="UTF-16" standalone="yes"?>');
    zip.file('xl/worksheets/sheet1.xml', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(xml, 'utf16le')]));
    const input = await zip.generateAsync({ type: 'uint8array' });
    const out = await patchWorkbookBytes(input, plan());
    const text = await (await JSZip.loadAsync(out)).file('xl/worksheets/sheet1.xml')!.async('string');
    expect(text.startsWith('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>')).toBe(true);
    const s = sheetOf(await readGridFromXlsxBytes(out, 'x.xlsx'), SHEET);
    expect(cellAt(s, 2, 3)).toMatchObject({ value: 2.5, formula: 'SUM(D4,NUMBERVALUE(D5,",","."))' });
    expect(cellAt(s, 3, 1)).toMatchObject({ value: 'Tiêu chí' });
  });
});

describe("value writes (the appraiser's fill)", () => {
  test('numbers as numbers, text as inline text, never a formula', async () => {
    const input = await inputBytes();
    const fill = (address: string, row: number, value: number | string): CellWrite => ({ sheet: SHEET, row, col: 6, address, purpose: 'appraised-fill', value, previous: { value: null } });
    const out = await patchWorkbookBytes(input, { writes: [fill('G3', 2, 1.25), fill('G4', 3, '=1+1'), fill('G5', 4, 'x')], highlights: [], summary: summary() });
    const s = sheetOf(await readGridFromXlsxBytes(out, 'x.xlsx'), SHEET);
    expect(cellAt(s, 2, 6)).toEqual({ value: 1.25 });
    expect(cellAt(s, 3, 6)).toEqual({ value: '=1+1' });
    expect(cellAt(s, 4, 6)).toEqual({ value: 'x' });
    // sharedStrings.xml is not touched by text written into cells.
    const b = await partsOf(input);
    const a = await partsOf(out);
    expect(Buffer.compare(Buffer.from(b.get('xl/sharedStrings.xml')!), Buffer.from(a.get('xl/sharedStrings.xml')!))).toBe(0);
  });
});
