import ExcelJS from 'exceljs';
import * as fs from 'fs';
import JSZip from 'jszip';
import * as os from 'os';
import * as path from 'path';
import { cellAt, WorkbookGrid } from '../../src/core/grid';
import { CellWrite, Highlight, SummarySheet, WritePlan } from '../../src/core/plan/types';
import { applyPlanToWorkbook, fixInternalHyperlinks, writeWorkbookFile } from '../../src/xlsx/applyPlan';
import { readWorkbookBytes, readWorkbookFile, workbookToGrid } from '../../src/xlsx/readWorkbook';

/** Apply a plan, save, read the saved file back: the plan's cells changed, nothing else did. */

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cchc-apply-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const SHEET = 'Phụ lục 1';
const SUMMARY = 'Tổng hợp điểm';

async function inputBytes(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(SHEET);
  const header = { font: { name: 'Times New Roman', bold: true }, border: { bottom: { style: 'thin' } } } as Partial<ExcelJS.Style>;
  const body = { font: { name: '.VnTime', size: 12 }, border: { left: { style: 'thin' } }, numFmt: '0.00' } as Partial<ExcelJS.Style>;
  ws.getCell('A1').value = 'PHỤ LỤC 1';
  ws.mergeCells('A1:F1');
  const heads = ['STT', 'Tiêu chí', 'Tối đa', 'Tự đánh giá', 'Tài liệu kiểm chứng', 'Nhân đôi'];
  heads.forEach((h, i) => {
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
      cell.style = body; // identical styles: ExcelJS will share one object per style id on load
    }),
  );
  // A formula filled down, stored as a shared formula with its master in F3.
  ws.fillFormula('F3:F6', 'C3*2', [6, 2, 4, 6]);
  ws.getColumn(2).width = 40;
  return Buffer.from(await wb.xlsx.writeBuffer());
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
      [{ kind: 'text', text: 'BẢNG TỔNG HỢP', bold: true }, { kind: 'text', text: 'Điểm', bold: true }],
      [{ kind: 'text', text: '=1+1' }, { kind: 'number', value: 2.5, numberFormat: '0.00', bold: true }],
      [{ kind: 'text', text: '=cmd|calc' }, { kind: 'number', value: 0.8333, numberFormat: '0.00%' }],
      [{ kind: 'link', text: 'Xem D3', sheet: SHEET, address: 'D3' }, { kind: 'link', text: "Bà's", sheet: "Bà's sheet", address: 'B12' }],
    ],
  };
}

const highlight = (row: number, col: number, address: string, color = 'FFC7CE'): Highlight => ({ sheet: SHEET, row, col, address, kind: 'missing-evidence', color });

function plan(): WritePlan {
  return {
    writes: [
      write(2, 3, 'D3', 'SUM(D4,NUMBERVALUE(D5,",","."))', 2.5),
      write(5, 3, 'D6', 'D3', 2.5, '0.0'),
      write(2, 5, 'F3', 'D3/C3', 0.8333, '0.00%'), // the shared formula's master
    ],
    highlights: [highlight(3, 4, 'E4'), highlight(4, 1, 'B5', '#ffeb9c')],
    summary: summary(),
  };
}

async function applyAndReread(bytes: Buffer, p: WritePlan = plan(), extra?: (wb: ExcelJS.Workbook) => void) {
  const loaded = await readWorkbookBytes(bytes, 'in.xlsx');
  if (extra) extra(loaded.workbook);
  applyPlanToWorkbook(loaded.workbook, p);
  const out = path.join(tmp, 'out-' + Math.random().toString(36).slice(2) + '.xlsx');
  await writeWorkbookFile(loaded.workbook, out);
  const reread = new ExcelJS.Workbook();
  await reread.xlsx.readFile(out);
  return { before: loaded.grid, out, reread, after: workbookToGrid(reread) };
}

function sheetOf(grid: WorkbookGrid, name: string) {
  const s = grid.sheets.find((x) => x.name === name);
  if (!s) throw new Error('no sheet ' + name);
  return s;
}

describe('applyPlanToWorkbook + writeWorkbookFile', () => {
  let r: Awaited<ReturnType<typeof applyAndReread>>;
  let input: Buffer;
  beforeAll(async () => {
    input = await inputBytes();
    r = await applyAndReread(input, plan(), (wb) => {
      // Precondition of the fill test: neighbours really do share one style object after loading.
      const ws = wb.getWorksheet(SHEET)!;
      expect(ws.getCell('E4').style).toBe(ws.getCell('E5').style);
      expect(ws.getCell('D3').style).toBe(ws.getCell('D4').style);
    });
  });

  test('formulas and their results are in the saved file', () => {
    const s = sheetOf(r.after, SHEET);
    expect(cellAt(s, 2, 3)).toMatchObject({ value: 2.5, formula: 'SUM(D4,NUMBERVALUE(D5,",","."))' });
    expect(cellAt(s, 5, 3)).toMatchObject({ value: 2.5, formula: 'D3' });
    expect(cellAt(s, 2, 5)).toMatchObject({ value: 0.8333, formula: 'D3/C3' });
  });

  test('number format only where the plan gives one; the shared style is not touched', () => {
    const ws = r.reread.getWorksheet(SHEET)!;
    expect(ws.getCell('F3').numFmt).toBe('0.00%');
    expect(ws.getCell('D6').numFmt).toBe('0.0');
    expect(ws.getCell('D3').numFmt).toBe('0.00'); // written without a format: keeps its own
    // D4, D5, C6 shared D6's style object when loaded; they keep the old format.
    for (const a of ['D4', 'D5', 'C6', 'E6']) expect([a, ws.getCell(a).numFmt]).toEqual([a, '0.00']);
    expect(ws.getCell('D6').font).toMatchObject({ name: '.VnTime' });
  });

  test('clones of an overwritten shared formula keep their own formulas', () => {
    const s = sheetOf(r.after, SHEET);
    expect(cellAt(s, 3, 5)).toMatchObject({ value: 2, formula: 'C4*2' });
    expect(cellAt(s, 4, 5)).toMatchObject({ value: 4, formula: 'C5*2' });
    expect(cellAt(s, 5, 5)).toMatchObject({ value: 6, formula: 'C6*2' });
  });

  test('fills only on highlighted cells, keeping their other style', () => {
    const ws = r.reread.getWorksheet(SHEET)!;
    const solid = (argb: string) => ({ type: 'pattern', pattern: 'solid', fgColor: { argb } });
    expect(ws.getCell('E4').fill).toMatchObject(solid('FFFFC7CE'));
    expect(ws.getCell('B5').fill).toMatchObject(solid('FFFFEB9C'));
    expect(ws.getCell('E4').font).toMatchObject({ name: '.VnTime', size: 12 });
    expect(ws.getCell('E4').border).toMatchObject({ left: { style: 'thin' } });
    for (const a of ['E3', 'E5', 'E6', 'B4', 'B6', 'D3', 'A5', 'C5']) {
      const fill = ws.getCell(a).fill as ExcelJS.FillPattern | undefined;
      expect([a, fill && fill.pattern === 'solid']).toEqual([a, false]);
    }
  });

  test('every cell the plan does not name is unchanged', () => {
    const before = sheetOf(r.before, SHEET);
    const after = sheetOf(r.after, SHEET);
    const written = new Set(plan().writes.map((w) => w.row + ',' + w.col));
    const rows = Math.max(before.rows.length, after.rows.length);
    let compared = 0;
    for (let row = 0; row < rows; row++) {
      for (let col = 0; col < 10; col++) {
        if (written.has(row + ',' + col)) continue;
        expect([row, col, cellAt(after, row, col)]).toEqual([row, col, cellAt(before, row, col)]);
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(50);
    expect(after.merges).toEqual(before.merges);
    expect(r.reread.getWorksheet(SHEET)!.getColumn(2).width).toBe(40);
  });

  test('text stays text in the summary, "=1+1" included', () => {
    const ws = r.reread.getWorksheet(SUMMARY)!;
    for (const [a, text] of [['A2', '=1+1'], ['A3', '=cmd|calc']]) {
      const cell = ws.getCell(a);
      expect(cell.type).toBe(ExcelJS.ValueType.String);
      expect(cell.value).toBe(text);
      expect(cell.formula).toBeUndefined();
    }
  });

  test('summary numbers, formats, bold, widths, frozen header row', () => {
    const ws = r.reread.getWorksheet(SUMMARY)!;
    expect(ws.getCell('B2').value).toBe(2.5);
    expect(ws.getCell('B2').numFmt).toBe('0.00');
    expect(ws.getCell('B2').font).toMatchObject({ bold: true });
    expect(ws.getCell('B3').numFmt).toBe('0.00%');
    expect(ws.getCell('A1').font).toMatchObject({ bold: true });
    expect(ws.getCell('A2').font?.bold).toBeFalsy();
    expect([1, 2, 3].map((c) => ws.getColumn(c).width)).toEqual([30, 12, 14]);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
  });

  test('links are in-document links to the right cell, written as Excel writes them', async () => {
    const zip = await JSZip.loadAsync(fs.readFileSync(r.out));
    const workbookXml = await zip.file('xl/workbook.xml')!.async('string');
    const rels = await zip.file('xl/_rels/workbook.xml.rels')!.async('string');
    // Find the summary sheet's part through the workbook, as Excel does.
    const rid = new RegExp('<sheet [^>]*name="' + SUMMARY + '"[^>]*r:id="(rId\\d+)"').exec(workbookXml)![1];
    const target = new RegExp('Id="' + rid + '"[^>]*Target="([^"]+)"').exec(rels)![1].replace(/^\/?(xl\/)?/, '');
    const sheetXml = await zip.file('xl/' + target)!.async('string');
    const links = sheetXml.match(/<hyperlink\b[^>]*\/>/g)!;
    expect(links).toEqual(['<hyperlink ref="A4" location="&apos;Phụ lục 1&apos;!D3"/>', '<hyperlink ref="B4" location="&apos;Bà&apos;&apos;s sheet&apos;!B12"/>'].map((s) => s.replace(/&apos;/g, "'")));
    const sheetRels = zip.file('xl/worksheets/_rels/' + path.basename(target) + '.rels');
    if (sheetRels) expect(await sheetRels.async('string')).not.toContain('Target="#');
    // The user's external link in the data sheet is still a normal external link.
    expect(cellAt(sheetOf(r.after, SHEET), 3, 4)).toMatchObject({ value: 'KH 1', hyperlink: 'https://x.vn/kh1.pdf' });
    // The link cells show their text.
    expect(r.reread.getWorksheet(SUMMARY)!.getCell('A4').text).toBe('Xem D3');
  });

  test('the summary sheet is replaced, not duplicated, and stays last', async () => {
    // Apply twice in memory, then once more on the saved copy that already has a summary.
    const loaded = await readWorkbookFile(r.out);
    applyPlanToWorkbook(loaded.workbook, plan());
    applyPlanToWorkbook(loaded.workbook, { ...plan(), writes: [], highlights: [] });
    const second = path.join(tmp, 'second.xlsx');
    await writeWorkbookFile(loaded.workbook, second);
    const grid = (await readWorkbookFile(second)).grid;
    expect(grid.sheets.map((s) => s.name)).toEqual([SHEET, SUMMARY]);
    // A sheet of the same name in other letter case is the same sheet to Excel.
    // (ExcelJS itself refuses two names that differ only in case, so the old one must go first.)
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet(SHEET);
    wb.addWorksheet(SUMMARY.toUpperCase());
    applyPlanToWorkbook(wb, { ...plan(), writes: [], highlights: [] });
    expect(wb.worksheets.map((s) => s.name)).toEqual([SHEET, SUMMARY]);
  });

  test('the input file is not modified', async () => {
    const p = path.join(tmp, 'input.xlsx');
    fs.writeFileSync(p, input);
    const loaded = await readWorkbookFile(p);
    applyPlanToWorkbook(loaded.workbook, plan());
    await writeWorkbookFile(loaded.workbook, path.join(tmp, 'input-out.xlsx'));
    expect(fs.readFileSync(p).equals(input)).toBe(true);
  });
});

describe('applyPlanToWorkbook refuses plans that do not fit the workbook', () => {
  test('unknown sheet, or a cell hidden inside a merge', async () => {
    const { workbook } = await readWorkbookBytes(await inputBytes(), 'in.xlsx');
    const bad = (w: CellWrite) => () => applyPlanToWorkbook(workbook, { writes: [w], highlights: [], summary: summary() });
    expect(bad({ ...write(2, 3, 'D3', '1', 1), sheet: 'Không có' })).toThrow(/Không có/);
    expect(bad(write(0, 2, 'C1', '1', 1))).toThrow(/merged/);
    // The merge's top-left cell was not clobbered on the way.
    expect(workbook.getWorksheet(SHEET)!.getCell('A1').value).toBe('PHỤ LỤC 1');
  });
});

describe('writeWorkbookFile: all or nothing', () => {
  const listTmp = (dir: string) => fs.readdirSync(dir).filter((f) => f.endsWith('.tmp'));

  test('replaces an existing file and leaves no temporary file', async () => {
    const dir = fs.mkdtempSync(path.join(tmp, 'w-'));
    const out = path.join(dir, 'ket-qua.xlsx');
    fs.writeFileSync(out, 'old');
    const { workbook } = await readWorkbookBytes(await inputBytes(), 'in.xlsx');
    await writeWorkbookFile(workbook, out);
    expect(fs.readFileSync(out).subarray(0, 2).toString()).toBe('PK');
    expect(listTmp(dir)).toEqual([]);
    expect((await readWorkbookFile(out)).grid.sheets[0].name).toBe(SHEET);
  });

  test('a failure while serialising leaves the old file as it was', async () => {
    const dir = fs.mkdtempSync(path.join(tmp, 'w-'));
    const out = path.join(dir, 'ket-qua.xlsx');
    fs.writeFileSync(out, 'old');
    const { workbook } = await readWorkbookBytes(await inputBytes(), 'in.xlsx');
    workbook.xlsx.writeBuffer = () => Promise.reject(new Error('disk on fire'));
    await expect(writeWorkbookFile(workbook, out)).rejects.toThrow('disk on fire');
    expect(fs.readFileSync(out, 'utf8')).toBe('old');
    expect(listTmp(dir)).toEqual([]);
  });

  test('a failure on rename removes the temporary file', async () => {
    const dir = fs.mkdtempSync(path.join(tmp, 'w-'));
    const out = path.join(dir, 'la-thu-muc.xlsx');
    fs.mkdirSync(out); // renaming a file over a folder fails
    const { workbook } = await readWorkbookBytes(await inputBytes(), 'in.xlsx');
    await expect(writeWorkbookFile(workbook, out)).rejects.toThrow();
    expect(fs.statSync(out).isDirectory()).toBe(true);
    expect(listTmp(dir)).toEqual([]);
  });

  test('a missing folder is an error, not a crash', async () => {
    const { workbook } = await readWorkbookBytes(await inputBytes(), 'in.xlsx');
    await expect(writeWorkbookFile(workbook, path.join(tmp, 'khong-co', 'x.xlsx'))).rejects.toThrow();
  });
});

describe('fixInternalHyperlinks', () => {
  test('leaves a workbook without in-document links byte for byte', async () => {
    const bytes = await inputBytes();
    expect(await fixInternalHyperlinks(bytes)).toBe(bytes);
  });
});
