import ExcelJS from 'exceljs';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import JSZip from 'jszip';
import { analyseAndPlan } from '../helpers/analyseAndPlan';
import { unitsToNumber } from '../../src/core/number/points';
import { encodeTcvn3, encodeVni } from '../../src/core/text/legacyEncodings';
import { patchWorkbookBytes } from '../../src/xlsx/patch/patchPackage';
import { readGridFromXlsxFile } from '../../src/xlsx/node/readGridFile';
import { excelJsGridFromFile, excelJsWorkbookFromFile, oracleGrid } from '../helpers/excelJsOracle';
import { evaluateCell } from '../helpers/formulaEvaluator';
import { annotatedInputSheets, body, MERGES, SheetSpec, specWorkbook } from './fixtures/smallAppendix';

/** Real .xlsx files, written with ExcelJS the way Excel stores them, read back through the reader (and the ExcelJS oracle). */

async function writeXlsx(file: string, sheets: SheetSpec[]): Promise<void> {
  await specWorkbook(sheets).xlsx.writeFile(file);
}

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cchc-real-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe('legacy encodings and Unicode forms in real files', () => {
  const cases: Array<[string, (s: string) => string, string | undefined]> = [
    ['TCVN3 with .VnTime fonts', encodeTcvn3, '.VnTime'],
    ['VNI with VNI-Times fonts', encodeVni, 'VNI-Times'],
    ['TCVN3 without font information', encodeTcvn3, undefined],
    ['Unicode NFD', (s) => s.normalize('NFD'), undefined],
  ];
  test.each(cases)('%s', async (label, encode, font) => {
    const file = path.join(tmp, label.replace(/\W+/g, '-') + '.xlsx');
    await writeXlsx(file, [{ name: 'Sheet1', rows: body(encode), merges: MERGES, font }]);
    const grid = await readGridFromXlsxFile(file);
    expect(grid.sheets.map((s) => s.rows)).toStrictEqual((await excelJsGridFromFile(file)).sheets.map((s) => s.rows));
    const analysis = analyseAndPlan(grid, { profile: null });
    expect(analysis.sheets).toHaveLength(1);
    const s = analysis.sheets[0];
    expect(s.fields[0].name.normalize('NFC')).toBe('Công tác chỉ đạo điều hành');
    expect(unitsToNumber(s.score.self)).toBe(2.5);
    expect(s.flags.map((f) => [f.kind, f.cell]).sort()).toEqual([
      ['missing-evidence', 'E6'],
      ['text-number', 'D6'],
    ]);
  });
});

describe('the annotated copy', () => {
  test('has live formulas that evaluate to the computed totals, and user cells unchanged', async () => {
    const input = path.join(tmp, 'input.xlsx');
    const out = path.join(tmp, 'out.xlsx');
    await writeXlsx(input, annotatedInputSheets());
    const before = fs.readFileSync(input);
    const analysis = analyseAndPlan(await readGridFromXlsxFile(input), { profile: null });
    fs.writeFileSync(out, await patchWorkbookBytes(new Uint8Array(before), analysis.plan));
    expect(fs.readFileSync(input).equals(before)).toBe(true);

    // Read back by ExcelJS over its public API (the independent reader).
    const reread = await excelJsWorkbookFromFile(out);
    const grid = oracleGrid(reread);
    const pl1 = grid.sheets.find((s) => s.name === 'Phụ lục 1')!;
    // D4 (field I), D7 (field II), D9 (total) hold formulas; evaluate them against the copy.
    // "1,5" typed as text stays live: Excel's SUM would skip text, NUMBERVALUE reads it.
    expect(pl1.rows[3]![3]!.formula).toBe('SUM(D5,NUMBERVALUE(D6,",","."))');
    expect(evaluateCell(pl1, 3, 3)).toBeCloseTo(2.5, 10);
    expect(evaluateCell(pl1, 8, 3)).toBeCloseTo(2.75, 10);
    expect(evaluateCell(pl1, 8, 5)).toBeCloseTo(0.6875, 10);
    // User cells are as they were.
    const original = (await readGridFromXlsxFile(input)).sheets[0];
    for (const [r, c] of [
      [4, 3],
      [5, 3],
      [5, 4],
      [4, 4],
      [6, 1],
      [7, 3],
      [3, 2],
    ]) {
      // A highlighted cell (D6, its score typed as text) gets a fill: ExcelJS then names its font too.
      const highlighted = analysis.plan.highlights.some((h) => h.sheet === 'Phụ lục 1' && h.row === r && h.col === c);
      if (highlighted) expect({ ...pl1.rows[r]![c], font: undefined }).toEqual({ ...original.rows[r]![c], font: undefined });
      else expect(pl1.rows[r]![c]).toEqual(original.rows[r]![c]);
    }
    // The summary sheet copies names as text: "=cmd|calc" never becomes a formula there.
    const summary = reread.getWorksheet('Tổng hợp điểm')!;
    expect(summary).toBeDefined();
    let found = false;
    summary.eachRow((row) =>
      row.eachCell((cell) => {
        if (cell.value === '=cmd|calc' && cell.type === ExcelJS.ValueType.String) found = true;
        expect(cell.type === ExcelJS.ValueType.Formula && String(cell.formula).includes('cmd')).toBe(false);
      }),
    );
    expect(found).toBe(true);
    // Scoring the copy again changes nothing, through either reader, although the file stores
    // the text-number total as _xlfn.NUMBERVALUE (a function newer than Excel 2007).
    const again = analyseAndPlan(grid, { profile: null });
    expect(again.plan.writes).toEqual([]);
    expect(again.sheets[0].score.self).toBe(analysis.sheets[0].score.self);
    expect(analyseAndPlan(await readGridFromXlsxFile(out), { profile: null }).plan.writes).toEqual([]);
    const sheetXml = await (await JSZip.loadAsync(fs.readFileSync(out))).file('xl/worksheets/sheet1.xml')!.async('string');
    expect(sheetXml).toContain('<f>SUM(D5,_xlfn.NUMBERVALUE(D6,&quot;,&quot;,&quot;.&quot;))</f>');
  });
});
