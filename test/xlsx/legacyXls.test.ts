import { spawnSync } from 'child_process';
import ExcelJS from 'exceljs';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as XLSX from '@e965/xlsx';
import { analyseWorkbook, WorkbookAnalysis } from '../../src/core/analyse';
import { WorkbookGrid } from '../../src/core/grid';
import { encodeTcvn3 } from '../../src/core/text/legacyEncodings';
import { readGridFromXlsxBytes } from '../../src/xlsx/read/readGrid';
import { sampleWorkbookBytes } from '../../src/xlsx/gridToWorkbook';
import { excelJsGrid, excelJsWorkbook } from '../helpers/excelJsOracle';
import { xlsBytesToXlsx } from '../../src/xlsx/legacyXls';
import { WorkbookInputError } from '../../src/xlsx/workbookInputError';
import { everyKindWorkbook } from './fixtures/everyKind';
import { body, MERGES, specWorkbook } from './fixtures/smallAppendix';
import { SAMPLE_EXPECTED } from '../../src/core/sample/thanhXa2023';
import { afterFirstRecord, findSoffice, firstRecord, insertRecords, le16, libreOfficeConvert, record, withWorkbookStream, workbookStream } from '../helpers/xlsFiles';
import { protectedWorkbookBytes } from './fixtures/communes';

/**
 * .xls (Excel 97-2003) through src/xlsx/legacyXls.ts: real .xls files made by LibreOffice from the
 * workbooks the tests build, converted to .xlsx by our converter and read by our reader, against
 * LibreOffice's own .xls -> .xlsx of the same file read by the same reader; scored like the original
 * .xlsx; damaged and hostile .xls refused quickly.
 */

const root = path.join(__dirname, '..', '..');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cchc-xls-'));
afterAll(() => (process.env.KEEP_XLS ? undefined : fs.rmSync(tmp, { recursive: true, force: true })));

const soffice = findSoffice();
// CI installs LibreOffice; without it (a developer's machine) the .xls tests say so and are skipped.
const withOffice = soffice || process.env.CI ? describe : describe.skip;
if (!soffice && !process.env.CI) console.warn('LibreOffice (soffice) not found: the .xls tests are skipped.');

// ---------------------------------------------------------------------------------------------
// The workbooks

/** everyKind plus hidden rows and columns, a hidden sheet and text that needs escaping. */
function richWorkbook(): ExcelJS.Workbook {
  const wb = everyKindWorkbook();
  const ws = wb.getWorksheet('Phụ lục 1')!;
  ws.getRow(4).hidden = true;
  ws.getColumn(5).hidden = true;
  ws.getCell('B12').value = 'a & b <c> "d" _x0041_ ';
  ws.getCell('B13').value = 'dòng 1\ndòng 2';
  ws.getCell('C12').value = 1e-7;
  ws.getCell('C13').value = -1234567.125;
  ws.getCell('D12').value = { formula: 'C8&"!"', result: 'Tối đa!' } as ExcelJS.CellValue;
  ws.getCell('D13').value = { formula: "'Phụ lục 2'!A1", result: 'PHỤ LỤC 2' } as ExcelJS.CellValue;
  // Results as Excel computes them (LibreOffice recalculates), no volatile NOW(), an error from a formula.
  ws.getCell('H2').value = { formula: 'DATE(2023,1,5)', result: new Date(Date.UTC(2023, 0, 5)) } as ExcelJS.CellValue;
  ws.getCell('G6').value = null;
  ws.getCell('G2').value = { formula: 'NA()', result: { error: '#N/A' } } as ExcelJS.CellValue;
  const hidden = wb.addWorksheet('Ẩn');
  hidden.state = 'hidden';
  hidden.getCell('A1').value = 'ẩn';
  return wb;
}

/** The small appendix in TCVN3 with .VnTime fonts (its text is only readable through the font). */
function tcvn3Workbook(): ExcelJS.Workbook {
  return specWorkbook([{ name: 'Sheet1', rows: body(encodeTcvn3), merges: MERGES, font: '.VnTime' }]);
}

interface Files {
  xlsx: string;
  xls: string;
  /** LibreOffice's .xls -> .xlsx. */
  reference: string;
}

const files: Record<string, Files> = {};

async function write(name: string, bytes: Uint8Array | ExcelJS.Buffer): Promise<string> {
  const file = path.join(tmp, name + '.xlsx');
  fs.writeFileSync(file, bytes as Uint8Array);
  return file;
}

// ---------------------------------------------------------------------------------------------
// Comparison

interface Seen {
  [address: string]: unknown;
}

/** Every non-empty cell's value, formula, error and link, by sheet and A1 address. */
function cellsOf(grid: WorkbookGrid): Record<string, Seen> {
  const out: Record<string, Seen> = {};
  for (const sheet of grid.sheets) {
    const seen: Seen = {};
    sheet.rows.forEach((row, r) =>
      (row || []).forEach((cell, c) => {
        if (!cell) return;
        const v: Record<string, unknown> = {};
        if (cell.value !== null && cell.value !== undefined) v.value = cell.value;
        if (cell.formula) v.formula = cell.formula;
        if (cell.error) v.error = cell.error;
        if (cell.hyperlink) v.hyperlink = cell.hyperlink;
        if (Object.keys(v).length) seen[XLSX.utils.encode_cell({ r, c })] = v;
      }),
    );
    out[sheet.name] = seen;
  }
  return out;
}

/**
 * LibreOffice's own reading differs from Excel's in two ways that are not the converter's: it turns a
 * TRUE/FALSE constant into the formula TRUE() when it writes the .xls, and writes a formula's
 * boolean result as the number 1/0 into an .xlsx. Both sides are brought to one spelling.
 */
function likeLibreOffice(cells: Record<string, Seen>): Record<string, Seen> {
  for (const sheet of Object.keys(cells)) {
    for (const address of Object.keys(cells[sheet])) {
      const v = cells[sheet][address] as Record<string, unknown>;
      if (typeof v.formula === 'string') {
        v.formula = v.formula.replace(/^(TRUE|FALSE)\(\)$/, '$1');
        if (typeof v.value === 'boolean') v.value = v.value ? 1 : 0;
      }
    }
  }
  return cells;
}

function shapeOf(grid: WorkbookGrid) {
  return grid.sheets.map((s) => ({
    name: s.name,
    merges: (s.merges || []).map((m) => XLSX.utils.encode_range({ s: { r: m.top, c: m.left }, e: { r: m.bottom, c: m.right } })).sort(),
    hidden: s.hidden,
  }));
}

function fontsOf(grid: WorkbookGrid): Record<string, string> {
  const out: Record<string, string> = {};
  for (const sheet of grid.sheets) {
    sheet.rows.forEach((row, r) =>
      (row || []).forEach((cell, c) => {
        if (cell && cell.font && cell.value !== null) out[sheet.name + '!' + XLSX.utils.encode_cell({ r, c })] = cell.font;
      }),
    );
  }
  return out;
}

/** What a score is: totals, per-field points, flags (kind, cell, severity). */
function scoreOf(a: WorkbookAnalysis) {
  return {
    total: a.total,
    sheets: a.sheets.map((s) => ({ name: s.name, fields: s.fields.map((f) => [f.code, f.max, f.self, f.appraised]) })),
    flags: a.flags.map((f) => [f.kind, f.severity, f.sheet, f.cell, f.code]),
  };
}

async function converted(name: string): Promise<WorkbookGrid> {
  const f = files[name];
  const bytes = await xlsBytesToXlsx(new Uint8Array(fs.readFileSync(f.xls)), path.basename(f.xls));
  return readGridFromXlsxBytes(bytes, path.basename(f.xls));
}

async function reference(name: string): Promise<WorkbookGrid> {
  const f = files[name];
  return readGridFromXlsxBytes(new Uint8Array(fs.readFileSync(f.reference)), path.basename(f.reference));
}

async function original(name: string): Promise<WorkbookGrid> {
  const f = files[name];
  return readGridFromXlsxBytes(new Uint8Array(fs.readFileSync(f.xlsx)), path.basename(f.xlsx));
}

withOffice('.xls files made by LibreOffice', () => {
  beforeAll(async () => {
    const sources: Record<string, string> = {
      sample: await write('sample', await sampleWorkbookBytes()),
      rich: await write('rich', await richWorkbook().xlsx.writeBuffer()),
      tcvn3: await write('tcvn3', await tcvn3Workbook().xlsx.writeBuffer()),
    };
    const names = Object.keys(sources);
    const xls = await libreOfficeConvert(
      soffice as string,
      names.map((n) => sources[n]),
      'xls',
      path.join(tmp, 'xls'),
      90000,
      { recalculate: true },
    );
    const back = await libreOfficeConvert(soffice as string, xls, 'xlsx', path.join(tmp, 'reference'), 90000);
    names.forEach((n, i) => (files[n] = { xlsx: sources[n], xls: xls[i], reference: back[i] }));
  }, 200000);

  describe.each(['sample', 'rich', 'tcvn3'])('%s', (name) => {
    test('same sheets, cells, merges and hidden lines as LibreOffice reads the .xls', async () => {
      const mine = await converted(name);
      const theirs = await reference(name);
      expect(shapeOf(mine)).toEqual(shapeOf(theirs));
      expect(likeLibreOffice(cellsOf(mine))).toEqual(likeLibreOffice(cellsOf(theirs)));
      // Fonts: every font the converter gives is the one LibreOffice reads (LibreOffice also gives a
      // style, so a font, to some cells whose .xls format is the default one: merged, boolean,
      // multi-line cells); the legacy-encoding fonts are exactly those of the original workbook.
      const myFonts = fontsOf(mine);
      const theirFonts = fontsOf(theirs);
      const same: Record<string, string> = {};
      for (const k of Object.keys(myFonts)) same[k] = theirFonts[k];
      expect(myFonts).toEqual(same);
      const legacy = (fonts: Record<string, string>) =>
        Object.keys(fonts)
          .filter((k) => /^(\.vn|vni)/i.test(fonts[k]))
          .sort();
      expect(legacy(myFonts)).toEqual(legacy(fontsOf(await original(name))));
      if (name !== 'rich') expect(myFonts).toEqual(theirFonts);
    });

    test('LibreOffice opens the converted .xlsx and sees the same', async () => {
      const bytes = await xlsBytesToXlsx(new Uint8Array(fs.readFileSync(files[name].xls)), name + '.xls');
      const dir = path.join(tmp, 'reopened-' + name);
      fs.mkdirSync(dir, { recursive: true });
      const mineFile = path.join(dir, name + '-converted.xlsx');
      fs.writeFileSync(mineFile, bytes);
      const [again] = await libreOfficeConvert(soffice as string, [mineFile], 'xlsx', path.join(dir, 'out'), 90000);
      const reopened = await readGridFromXlsxBytes(new Uint8Array(fs.readFileSync(again)), 'again.xlsx');
      const theirs = await reference(name);
      expect(shapeOf(reopened)).toEqual(shapeOf(theirs));
      expect(likeLibreOffice(cellsOf(reopened))).toEqual(likeLibreOffice(cellsOf(theirs)));
    }, 120000);
  });

  // The scoring workbooks hold nothing LibreOffice rewrites on the way to .xls (see likeLibreOffice).
  describe.each(['sample', 'tcvn3'])('%s', (name) => {
    test('the same cells as the .xlsx it was saved from', async () => {
      const mine = await converted(name);
      const first = await original(name);
      expect(mine.sheets.map((s) => s.name)).toEqual(first.sheets.map((s) => s.name));
      expect(shapeOf(mine)).toEqual(shapeOf(first));
      expect(cellsOf(mine)).toEqual(cellsOf(first));
    });
  });

  describe.each(['sample', 'rich', 'tcvn3'])('%s', (name) => {
    test('scored like the .xlsx it was saved from', async () => {
      const mine = analyseWorkbook(await converted(name));
      const first = analyseWorkbook(await original(name));
      expect(scoreOf(mine)).toEqual(scoreOf(first));
    });

    test('ExcelJS loads the converted .xlsx', async () => {
      const bytes = await xlsBytesToXlsx(new Uint8Array(fs.readFileSync(files[name].xls)), name + '.xls');
      const grid = await excelJsGrid(bytes, name + '.xls');
      expect(grid.sheets.map((w) => w.name)).toEqual((await original(name)).sheets.map((s) => s.name));
    });
  });

  test('sheet visibility is kept (the hidden sheet stays hidden in the copy)', async () => {
    const bytes = await xlsBytesToXlsx(new Uint8Array(fs.readFileSync(files.rich.xls)), 'rich.xls');
    const workbook = await excelJsWorkbook(bytes);
    expect(workbook.worksheets.map((w) => [w.name, w.state])).toEqual([
      ['Phụ lục 1', 'visible'],
      ['Phụ lục 2', 'visible'],
      ['Ẩn', 'hidden'],
    ]);
  });

  test("the sample scores Thanh Xá's 68,13 of 74 (Phụ lục 1) and finds its deliberate problems", async () => {
    const a = analyseWorkbook(await converted('sample'));
    const points = (units: number) => units / 1000000;
    for (const expected of SAMPLE_EXPECTED.sheets) {
      const s = a.sheets.filter((x) => x.name === expected.name)[0];
      expect(s.fields.map((f) => ({ code: f.code, name: f.name, max: points(f.max), self: points(f.self) }))).toEqual(
        expected.fields.map((f) => ({ code: f.code, name: f.name, max: f.max, self: f.self })),
      );
      expect([points(s.score.selfAssessableMax), points(s.score.self)]).toEqual([expected.total.max, expected.total.self]);
    }
    expect(points(a.sheets[0].score.self)).toBe(68.13);
    expect([points(a.total.max), points(a.total.self)]).toEqual([SAMPLE_EXPECTED.total.max, SAMPLE_EXPECTED.total.self]);
    for (const p of SAMPLE_EXPECTED.problems) {
      expect(a.flags.filter((f) => f.kind === p.kind && f.sheet === p.sheet && f.cell === p.cell).length).toBe(1);
    }
  });

  test('fonts are kept: the .VnTime cells, and the fonts LibreOffice reads', async () => {
    const mine = fontsOf(await converted('tcvn3'));
    expect(Object.values(mine).length).toBeGreaterThan(10);
    expect(new Set(Object.values(mine))).toEqual(new Set(['.VnTime']));
    expect(mine).toEqual(fontsOf(await reference('tcvn3')));
    const rich = await converted('rich');
    expect(rich.sheets[0].rows[0]![1]).toEqual({ value: 'Điểm', font: '.VnTime' });
  });

  test('the TCVN3 text is decoded as it is from the .xlsx', async () => {
    const a = analyseWorkbook(await converted('tcvn3'));
    expect(a.sheets.map((s) => s.fields.map((f) => f.name))).toEqual([['Công tác chỉ đạo điều hành']]);
  });
});

// ---------------------------------------------------------------------------------------------
// Damaged, encrypted and hostile .xls: WorkbookInputError, quickly

async function refusal(bytes: Uint8Array, limits?: Parameters<typeof xlsBytesToXlsx>[2]): Promise<{ error: WorkbookInputError; ms: number }> {
  const start = Date.now();
  try {
    await xlsBytesToXlsx(bytes, 'hỏng.xls', limits);
  } catch (e) {
    if (!(e instanceof WorkbookInputError)) throw e;
    return { error: e, ms: Date.now() - start };
  }
  throw new Error('converted without an error');
}

/** A fixed pseudo-random sequence (the tests stay reproducible). */
function noise(length: number, seed: number): Uint8Array {
  const out = new Uint8Array(length);
  let x = seed >>> 0 || 1;
  for (let i = 0; i < length; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out[i] = x & 0xff;
  }
  return out;
}

describe('input that is not a readable .xls', () => {
  test('not an OLE2 container', async () => {
    const { error } = await refusal(new TextEncoder().encode('STT,Nội dung\n1,Kế hoạch\n'));
    expect(error.code).toBe('corrupt');
    expect(error.fileName).toBe('hỏng.xls');
  });

  test('an OLE2 header followed by random bytes', async () => {
    const header = Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    for (const seed of [1, 2, 3, 4, 5]) {
      const bytes = noise(8192, seed);
      bytes.set(header, 0);
      const { error, ms } = await refusal(bytes);
      expect(error.code).toBe('corrupt');
      expect(ms).toBeLessThan(2000);
    }
  });

  test('an encrypted .xlsx (OLE2 with EncryptionInfo) is "encrypted"', async () => {
    expect((await refusal(new Uint8Array(protectedWorkbookBytes()))).error.code).toBe('encrypted');
    // A real container, as Excel writes it: EncryptionInfo and EncryptedPackage streams.
    const cfb = XLSX.CFB.utils.cfb_new();
    XLSX.CFB.utils.cfb_add(cfb, 'EncryptionInfo', Uint8Array.from(noise(600, 7)));
    XLSX.CFB.utils.cfb_add(cfb, 'EncryptedPackage', Uint8Array.from(noise(9000, 8)));
    const bytes = Uint8Array.from(XLSX.CFB.write(cfb, { type: 'array' }) as ArrayLike<number>);
    expect((await refusal(bytes)).error.code).toBe('encrypted');
  });

  test('an OLE2 file that is not a workbook (a Word 97 document) is "corrupt"', async () => {
    const cfb = XLSX.CFB.utils.cfb_new();
    XLSX.CFB.utils.cfb_add(cfb, 'WordDocument', Uint8Array.from(noise(5000, 9)));
    const { error } = await refusal(Uint8Array.from(XLSX.CFB.write(cfb, { type: 'array' }) as ArrayLike<number>));
    expect(error.code).toBe('corrupt');
    expect(error.detail).toMatch(/no Workbook stream/);
  });

  test('messages for an .xls, Vietnamese then English', () => {
    const { messageVi: vi, messageEn: en } = new WorkbookInputError('corrupt', 'a.xls', { legacyXls: true });
    expect(vi).toMatch(/^Tệp "a\.xls" \(Excel 97-2003, \.xls\) bị hỏng/);
    expect(en).toMatch(/^"a\.xls" \(Excel 97-2003, \.xls\) is damaged/);
    expect(new WorkbookInputError('encrypted', 'a.xls', { legacyXls: true }).messageVi).toMatch(/mật khẩu/);
    expect(new WorkbookInputError('too-large', 'a.xls', { legacyXls: true }).messageEn).toMatch(/Excel's limits/);
  });
});

withOffice('damaged and hostile .xls made from a real one', () => {
  let xls: Uint8Array;
  let stream: Uint8Array;
  beforeAll(async () => {
    const dir = path.join(tmp, 'hostile');
    fs.mkdirSync(dir, { recursive: true });
    const source = path.join(dir, 'mau.xlsx');
    fs.writeFileSync(source, await sampleWorkbookBytes());
    const [out] = await libreOfficeConvert(soffice as string, [source], 'xls', path.join(dir, 'xls'), 90000);
    xls = new Uint8Array(fs.readFileSync(out));
    stream = workbookStream(xls);
  }, 120000);

  test('the untouched file converts (the edits below are what fails)', async () => {
    const grid = await readGridFromXlsxBytes(await xlsBytesToXlsx(withWorkbookStream(xls, stream), 'mau.xls'), 'mau.xls');
    expect(grid.sheets.map((s) => s.name)).toEqual(['Phụ lục 1', 'Phụ lục 2']);
  });

  test.each([
    ['the first 4 KB', 4096],
    ['half the file', 0.5],
    ['all but the last 600 bytes', -600],
  ])('truncated: %s', async (_label, cut) => {
    const length = cut === 0.5 ? Math.floor(xls.length / 2) : cut < 0 ? xls.length + cut : cut;
    const { error, ms } = await refusal(xls.subarray(0, length));
    expect(error.code).toBe('corrupt');
    expect(ms).toBeLessThan(2000);
  });

  test('100 bytes missing from the last sector (its unused end): read whole, nothing lost', async () => {
    const whole = await readGridFromXlsxBytes(await xlsBytesToXlsx(xls, 'mau.xls'), 'mau.xls');
    const cut = await readGridFromXlsxBytes(await xlsBytesToXlsx(xls.subarray(0, xls.length - 100), 'mau.xls'), 'mau.xls');
    expect(cut.sheets).toEqual(whole.sheets);
  });

  test('random bytes in place of the workbook stream, or after its first record', async () => {
    for (const seed of [11, 12, 13, 14, 15, 16, 17, 18]) {
      const junk = noise(stream.length, seed);
      const start = Date.now();
      await expect(xlsBytesToXlsx(withWorkbookStream(xls, junk), 'x.xls')).rejects.toBeInstanceOf(WorkbookInputError);
      // A valid BOF, then noise: refused, or read as whatever SheetJS makes of it; never a crash or a hang.
      const tail = Uint8Array.from(stream);
      tail.set(junk.subarray(0, stream.length - afterFirstRecord(stream)), afterFirstRecord(stream));
      try {
        await xlsBytesToXlsx(withWorkbookStream(xls, tail), 'x.xls');
      } catch (e) {
        expect(e).toBeInstanceOf(WorkbookInputError);
      }
      expect(Date.now() - start).toBeLessThan(3000);
    }
  });

  test('random bytes over a third of the file, the container header kept', async () => {
    for (const seed of [21, 22, 23]) {
      const bytes = Uint8Array.from(xls);
      bytes.set(noise(Math.floor(xls.length / 3), seed), 512 + ((seed * 977) % 4096));
      const start = Date.now();
      try {
        await xlsBytesToXlsx(bytes, 'x.xls');
      } catch (e) {
        expect(e).toBeInstanceOf(WorkbookInputError);
      }
      expect(Date.now() - start).toBeLessThan(3000);
    }
  });

  test('a password-protected .xls (FILEPASS) is "encrypted", before anything is decrypted', async () => {
    // FILEPASS with RC4 CryptoAPI encryption, as Excel writes it right after the BOF.
    const filepass = record(0x002f, [1, 0].concat(le16(4), le16(2), new Array(48).fill(0)));
    const { error } = await refusal(withWorkbookStream(xls, insertRecords(stream, afterFirstRecord(stream), filepass)));
    expect(error.code).toBe('encrypted');
    expect(error.detail).toMatch(/FILEPASS/);
  });

  test('hyperlink ranges over the whole sheet (SheetJS would visit 16 million cells each) are refused at once', async () => {
    const link = record(0x01b8, le16(0).concat(le16(65535), le16(0), le16(255), new Array(16).fill(0), le16(2), le16(0), le16(0), le16(0)));
    const records: number[] = [];
    for (let i = 0; i < 200; i++) for (const b of link) records.push(b);
    const { error, ms } = await refusal(withWorkbookStream(xls, insertRecords(stream, afterFirstRecord(stream), records)));
    expect(error.code).toBe('corrupt');
    expect(error.detail).toMatch(/hyperlink/);
    expect(ms).toBeLessThan(1000);
  });

  test('column formats past column XFD, and cells past it, are refused', async () => {
    const colinfo = record(0x007d, le16(0).concat(le16(65535), le16(2048), le16(15), le16(0), le16(0)));
    const firstSheetBof = firstRecord(stream, 0x0809, afterFirstRecord(stream));
    const inSheet = firstRecord(stream, 0x0200, firstSheetBof); // after DIMENSIONS
    const withCols = insertRecords(stream, inSheet, colinfo);
    expect((await refusal(withWorkbookStream(xls, withCols))).error.detail).toMatch(/column/);
    const number = record(0x0203, le16(0).concat(le16(20000), le16(15), [0, 0, 0, 0, 0, 0, 0xf0, 0x3f]));
    const withCell = insertRecords(stream, inSheet, number);
    expect((await refusal(withWorkbookStream(xls, withCell))).error.detail).toMatch(/column 20001/);
  });

  test('formulas times array formulas past the bound (SheetJS compares each pair) are refused at once', async () => {
    const firstSheetBof = firstRecord(stream, 0x0809, afterFirstRecord(stream));
    const inSheet = firstRecord(stream, 0x0200, firstSheetBof);
    // FORMULA A1 = 1 (cached 1), then ARRAY records over A1:A1: 3,000 x 20,000 = 60 million pairs.
    const formula = record(0x0006, le16(0).concat(le16(0), le16(15), [0, 0, 0, 0, 0, 0, 0xf0, 0x3f], le16(0), [0, 0, 0, 0], le16(3), [0x1e, 1, 0]));
    const array = record(0x0221, le16(0).concat(le16(0), [0, 0], le16(0), [0, 0, 0, 0], le16(3), [0x1e, 1, 0]));
    const records: number[] = [];
    for (let i = 0; i < 3000; i++) for (const b of formula) records.push(b);
    for (let i = 0; i < 20000; i++) for (const b of array) records.push(b);
    const { error, ms } = await refusal(withWorkbookStream(xls, insertRecords(stream, inSheet, records)));
    expect(error.detail).toMatch(/array formulas/);
    expect(ms).toBeLessThan(1000);
  });

  test('limits: more cells than allowed', async () => {
    const { error } = await refusal(xls, { maxCells: 100 });
    expect(error.code).toBe('corrupt');
    expect(error.detail).toMatch(/more than 100 cells/);
  });
});

// ---------------------------------------------------------------------------------------------
// Cost: SheetJS loaded only when an .xls comes; time and memory of the sample

withOffice('cost', () => {
  test('SheetJS is not loaded until an .xls is converted; time and memory of converting the sample', async () => {
    const dir = path.join(tmp, 'cost');
    fs.mkdirSync(dir, { recursive: true });
    const source = path.join(dir, 'mau.xlsx');
    fs.writeFileSync(source, await sampleWorkbookBytes());
    const [file] = await libreOfficeConvert(soffice as string, [source], 'xls', path.join(dir, 'xls'), 90000);
    // The compiled module (test/globalSetup.js builds dist/), in a fresh node: what a `cchc` run pays.
    const script = [
      "const fs = require('fs');",
      'const loaded = () => Object.keys(require.cache).some((k) => k.includes("@e965"));',
      'const rss0 = process.memoryUsage().rss;',
      // Sampled, not getrusage's maxRSS: a child forked from a large jest worker starts with the
      // worker's high-water mark (414 MB measured in a CI run for a conversion that peaks near 100 MB).
      'let peak = rss0;',
      'const sample = () => { peak = Math.max(peak, process.memoryUsage().rss); };',
      'const timer = setInterval(sample, 2);',
      "const m = require(process.argv[1] + '/dist/xlsx/legacyXls.js');",
      "require(process.argv[1] + '/dist/xlsx/read/readGrid.js');",
      'const before = loaded() || m.sheetJsLoaded();',
      'const bytes = new Uint8Array(fs.readFileSync(process.argv[2]));',
      '(async () => {',
      '  let t = process.hrtime.bigint();',
      "  const out = await m.xlsBytesToXlsx(bytes, 'mau.xls');",
      '  const firstMs = Number(process.hrtime.bigint() - t) / 1e6;',
      '  const after = loaded();',
      '  const runs = [];',
      '  for (let i = 0; i < 5; i++) {',
      '    t = process.hrtime.bigint();',
      "    await m.xlsBytesToXlsx(bytes, 'mau.xls');",
      '    runs.push(Number(process.hrtime.bigint() - t) / 1e6);',
      '    sample();',
      '  }',
      '  clearInterval(timer);',
      '  sample();',
      '  runs.sort((a, b) => a - b);',
      '  console.log(JSON.stringify({ before, after, xlsBytes: bytes.length, xlsxBytes: out.length, firstMs, medianMs: runs[2],',
      '    rssBeforeMB: rss0 / 1048576, peakRssMB: peak / 1048576, heapUsedMB: process.memoryUsage().heapUsed / 1048576 }));',
      '})();',
    ].join('\n');
    const r = spawnSync(process.execPath, ['-e', script, root, file], { encoding: 'utf8', timeout: 60000 });
    expect(r.stderr).toBe('');
    const m = JSON.parse(r.stdout);
    console.log('xls conversion of the sample: ' + JSON.stringify(m));
    expect(m.before).toBe(false);
    expect(m.after).toBe(true);
    expect(m.medianMs).toBeLessThan(2000);
    expect(m.peakRssMB).toBeLessThan(400);
  }, 120000);
});

// ---------------------------------------------------------------------------------------------
// As a user runs it: the command line on an .xls

withOffice('cchc on an .xls', () => {
  const dir = path.join(tmp, 'cli');
  let xls: string;
  let xlsx: string;

  function cchc(...args: string[]) {
    const r = spawnSync(process.execPath, [path.join(root, 'bin', 'cchc.js'), ...args], { cwd: dir, encoding: 'utf8' });
    return { code: r.status, out: r.stdout, err: r.stderr };
  }

  beforeAll(async () => {
    fs.mkdirSync(dir, { recursive: true });
    xlsx = path.join(dir, 'thanh-xa.xlsx');
    fs.writeFileSync(xlsx, await sampleWorkbookBytes());
    [xls] = await libreOfficeConvert(soffice as string, [xlsx], 'xls', path.join(dir, 'xls'), 90000);
  }, 120000);

  test('score --json gives the .xlsx figures; --out writes an .xlsx copy that reads back the same', () => {
    const fromXlsx = JSON.parse(cchc('score', xlsx, '--json').out);
    const fromXls = JSON.parse(cchc('score', xls, '--json').out);
    expect(fromXls.total).toEqual(fromXlsx.total);
    expect(fromXls.sheets.map((s: { total: unknown }) => s.total)).toEqual(fromXlsx.sheets.map((s: { total: unknown }) => s.total));
    expect(fromXls.flags.map((f: { kind: string; cell: string }) => f.kind + '@' + f.cell)).toEqual(fromXlsx.flags.map((f: { kind: string; cell: string }) => f.kind + '@' + f.cell));
    const before = fs.readFileSync(xls);
    const copy = path.join(dir, 'da-cham.xlsx');
    const written = cchc('score', xls, '--out', copy);
    expect(written.code).toBe(0);
    expect(fs.readFileSync(copy).subarray(0, 2).toString('latin1')).toBe('PK');
    expect(JSON.parse(cchc('score', copy, '--json').out).total).toEqual(fromXlsx.total);
    // The .xls itself is never touched.
    expect(fs.readFileSync(xls).equals(before)).toBe(true);
  });

  test('consolidate takes .xls files in a folder beside .xlsx ones', () => {
    const folder = path.join(dir, 'thu-muc');
    fs.mkdirSync(folder, { recursive: true });
    fs.copyFileSync(xls, path.join(folder, 'thanh-xa.xls'));
    const r = cchc('consolidate', folder, '--json');
    expect(r.code).toBe(0);
    const result = JSON.parse(r.out);
    expect(JSON.stringify(result)).toContain('Thanh Xá');
    expect(JSON.stringify(result)).toContain('68.13');
  });

  test('a damaged .xls: one line that says .xls, exit 2', () => {
    const bad = path.join(dir, 'hong.xls');
    const bytes = fs.readFileSync(xls);
    fs.writeFileSync(bad, bytes.subarray(0, 3000));
    const r = cchc('score', bad);
    expect(r.code).toBe(2);
    const lines = r.err.split('\n').filter((l) => l.trim() && !/^Đang /.test(l));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('(Excel 97-2003, .xls)');
  });
});
