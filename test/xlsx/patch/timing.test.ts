import { analyseWorkbook } from '../../../src/core/analyse';
import { WorkbookGrid } from '../../../src/core/grid';
import ExcelJS from 'exceljs';
import { gridToWorkbook, sampleWorkbookBytes } from '../../../src/xlsx/gridToWorkbook';
import { patchWorkbookBytes } from '../../../src/xlsx/patch/patchPackage';
import { readGridFromXlsxBytes } from '../../../src/xlsx/read/readGrid';
import { WritePlan } from '../../../src/core/plan/types';
import { excelJsWorkbook } from '../../helpers/excelJsOracle';
import { partsOf, planOf, sameBytes } from './patchHelpers';

/**
 * What the patcher costs, beside an ExcelJS load, the same cells set and a save (its public API only): the sample, and a synthetic sheet of
 * about 10,000 rows (bench/syntheticTable.js). Figures are printed; the bounds only catch a blow-up.
 */

// eslint-disable-next-line @typescript-eslint/no-var-requires
const { syntheticSheet } = require('../../../bench/syntheticTable.js') as { syntheticSheet(leaves: number): WorkbookGrid };

/** The plan's cells and fills through ExcelJS's public API (no summary sheet): the cost to beat, not a product path. */
async function excelJsCopy(input: Uint8Array, plan: WritePlan): Promise<Uint8Array> {
  const wb = await excelJsWorkbook(input);
  for (const w of plan.writes) {
    const cell = wb.getWorksheet(w.sheet)!.getCell(w.address);
    cell.value = w.formula !== undefined ? ({ formula: w.formula, result: w.result } as ExcelJS.CellValue) : w.value;
  }
  for (const h of plan.highlights) {
    wb.getWorksheet(h.sheet)!.getCell(h.address).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF' + h.color.replace('#', '') } };
  }
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

async function measure(label: string, input: Uint8Array): Promise<number> {
  const grid = await readGridFromXlsxBytes(input, 'in.xlsx');
  const plan = planOf(analyseWorkbook(grid), grid);
  let started = Date.now();
  const patched = await patchWorkbookBytes(input, plan);
  const patchMs = Date.now() - started;
  started = Date.now();
  const viaExcelJs = await excelJsCopy(input, plan);
  const excelJsMs = Date.now() - started;
  const before = await partsOf(input);
  const after = await partsOf(patched);
  const changed = [...after.keys()].filter((k) => !before.has(k) || !sameBytes(before.get(k)!, after.get(k)!));
  const changedBytes = changed.map((k) => k + ' ' + (before.has(k) ? before.get(k)!.length + '→' : 'new ') + after.get(k)!.length).join(', ');
  // eslint-disable-next-line no-console
  console.log(
    label +
      ': ' +
      plan.writes.length +
      ' writes, ' +
      plan.highlights.length +
      ' highlights; patch ' +
      patchMs +
      ' ms (ExcelJS load+set+save ' +
      excelJsMs +
      ' ms); ' +
      'file ' +
      input.length +
      ' → ' +
      patched.length +
      ' B (ExcelJS ' +
      viaExcelJs.length +
      ' B); parts changed: ' +
      changedBytes,
  );
  return patchMs;
}

test('the sample', async () => {
  expect(await measure('sample', await sampleWorkbookBytes())).toBeLessThan(5000);
});

test('a sheet of about 10,000 rows', async () => {
  const grid = syntheticSheet(7000);
  expect(grid.sheets[0].rows.length).toBeGreaterThan(9000);
  const input = new Uint8Array(await gridToWorkbook(grid).xlsx.writeBuffer());
  expect(await measure(grid.sheets[0].rows.length + ' rows', input)).toBeLessThan(15000);
}, 120000);
