import { spawnSync } from 'child_process';
import * as fs from 'fs';
import JSZip from 'jszip';
import * as os from 'os';
import * as path from 'path';
import { analyseAndPlan } from '../helpers/analyseAndPlan';
import { WorkbookGrid } from '../../src/core/grid';
import { applyPlanToGrid } from '../../src/core/plan/applyToGrid';
import { createBrowserHost } from '../../src/xlsx/browserHost';
import { readGridFromXlsxBytes } from '../../src/xlsx/read/readGrid';
import { readGridFromXlsxFile } from '../../src/xlsx/node/readGridFile';
import { gridToWorkbook } from '../../src/xlsx/gridToWorkbook';
import { excelJsGrid, excelJsGridFromFile, inMergeOrder } from '../helpers/excelJsOracle';
import { annotatedInputSheets, specWorkbook } from './fixtures/smallAppendix';

/**
 * Hidden rows and columns reach the core from both file readers (the same lists), and every
 * annotated copy (the CLI's, the browser page's) keeps them hidden.
 */

const root = path.join(__dirname, '..', '..');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cchc-hidden-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const HIDDEN = { rows: [9], columns: [6] };

/** The small Phụ lục with a note column G and a note row 10 below the table, both hidden as Excel hides them. */
async function inputFile(): Promise<string> {
  const wb = specWorkbook(annotatedInputSheets());
  const ws = wb.getWorksheet('Phụ lục 1')!;
  ws.getCell('G2').value = 'Ghi chú năm trước';
  ws.getCell('G5').value = 'đã nộp';
  ws.getCell('A10').value = 'Dòng ghi chú nội bộ';
  ws.getColumn(7).hidden = true;
  ws.getRow(10).hidden = true;
  const file = path.join(tmp, 'an.xlsx');
  await wb.xlsx.writeFile(file);
  return file;
}

function hiddenOf(grid: WorkbookGrid, sheet = 'Phụ lục 1') {
  return grid.sheets.find((s) => s.name === sheet)!.hidden;
}

test('both readers give the same hidden rows and columns', async () => {
  const file = await inputFile();
  const viaExcelJS = await excelJsGridFromFile(file);
  const fast = await readGridFromXlsxFile(file);
  expect(hiddenOf(viaExcelJS)).toEqual(HIDDEN);
  expect(hiddenOf(fast)).toEqual(HIDDEN);
  expect(inMergeOrder(fast).sheets[0]).toStrictEqual(viaExcelJS.sheets[0]);
});

test("the CLI's annotated copy keeps them hidden", async () => {
  const file = await inputFile();
  const out = path.join(tmp, 'an-da-cham.xlsx');
  const r = spawnSync(process.execPath, [path.join(root, 'bin', 'cchc.js'), 'score', file, '--out', out], { cwd: tmp, encoding: 'utf8' });
  expect(r.status).toBe(0);
  expect(hiddenOf(await readGridFromXlsxFile(out))).toEqual(HIDDEN);
  expect(hiddenOf(await excelJsGridFromFile(out))).toEqual(HIDDEN);
  // The tool's own summary sheet hides nothing.
  expect(hiddenOf(await readGridFromXlsxFile(out), 'Tổng hợp điểm')).toEqual({ rows: [], columns: [] });
});

test("the browser page's written state and downloaded copy keep them hidden", async () => {
  const bytes = new Uint8Array(fs.readFileSync(await inputFile()));
  const host = await createBrowserHost({ bytes, fileName: 'an.xlsx' });
  expect(hiddenOf(await host.readWorkbook())).toEqual(HIDDEN);
  const analysis = analyseAndPlan(await host.readWorkbook(), { profile: null });
  expect(analysis.plan.writes.length).toBeGreaterThan(0);
  await host.applyPlan(analysis.plan, { highlights: true });
  expect(hiddenOf(await host.readWorkbook())).toEqual(HIDDEN);
  // Its text-number total is stored as _xlfn.NUMBERVALUE and read back plain: a second run writes nothing.
  expect(analyseAndPlan(await host.readWorkbook(), { profile: null }).plan.writes).toEqual([]);
  const copy = await host.downloadAnnotated();
  const sheetXml = await (await JSZip.loadAsync(copy.bytes)).file('xl/worksheets/sheet1.xml')!.async('string');
  expect(sheetXml).toContain('_xlfn.NUMBERVALUE(');
  expect(hiddenOf(await readGridFromXlsxBytes(copy.bytes, copy.fileName))).toEqual(HIDDEN);
  expect(hiddenOf(await excelJsGrid(copy.bytes, copy.fileName))).toEqual(HIDDEN);
});

test('applyPlanToGrid and gridToWorkbook carry them', async () => {
  const grid = await readGridFromXlsxFile(await inputFile());
  const applied = applyPlanToGrid(grid, analyseAndPlan(grid, { profile: null }).plan);
  expect(hiddenOf(applied)).toEqual(HIDDEN);
  expect(hiddenOf(applied)).not.toBe(hiddenOf(grid)); // a copy, not shared
  const written = new Uint8Array(await gridToWorkbook(applied).xlsx.writeBuffer());
  expect(hiddenOf(await readGridFromXlsxBytes(written, 'g.xlsx'))).toEqual(HIDDEN);
});
