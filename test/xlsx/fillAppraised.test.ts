import { analyseWorkbook } from '../../src/core/analyse';
import { planFillAndRecalculate } from '../../src/app/fillAppraised';
import { cellAt, WorkbookGrid } from '../../src/core/grid';
import { unitsToNumber } from '../../src/core/number/points';
import { createBrowserHost } from '../../src/xlsx/browserHost';
import { gridToWorkbook } from '../../src/xlsx/gridToWorkbook';
import { patchWorkbookBytes } from '../../src/xlsx/patch/patchPackage';
import { readGridFromXlsxBytes } from '../../src/xlsx/read/readGrid';
import { excelJsWorkbook } from '../helpers/excelJsOracle';
import { fillSheet } from '../core/appraisal/appraisalGrid';
import { workbook } from '../helpers/gridBuilder';

/** The fill on real .xlsx files: the patched copy (the command line's) and the browser page's in-memory workbook. */

async function inputBytes(): Promise<Uint8Array> {
  const buffer = await gridToWorkbook(workbook(fillSheet())).xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}

function value(grid: WorkbookGrid, address: string): unknown {
  const m = /^([A-Z])(\d+)$/.exec(address)!;
  const cell = cellAt(
    grid.sheets.find((s) => s.name === 'PL1')!,
    Number(m[2]) - 1,
    m[1].charCodeAt(0) - 65,
  );
  return cell ? (cell.formula ? '=' + cell.formula : cell.value) : null;
}

describe("appraiser's fill in an .xlsx file", () => {
  test('the copy holds constants (number or "x"), never a formula, and leaves the merged and filled cells alone', async () => {
    const input = await inputBytes();
    const grid = await readGridFromXlsxBytes(input, 'tham-dinh.xlsx');
    const { plan, fill } = planFillAndRecalculate(grid, { profile: null });
    // E18 lies inside the merge D18:E18 of the real file: not written.
    expect(fill).toEqual({ cells: 4, criteria: 4 });
    const saved = await patchWorkbookBytes(input, plan);
    const wb = await excelJsWorkbook(saved);
    const ws = wb.getWorksheet('PL1')!;
    expect(ws.getCell('E4').value).toBe(1);
    expect(ws.getCell('E7').value).toBe('x');
    expect(ws.getCell('E9').value).toBe(0.5);
    expect(ws.getCell('E19').value).toBe(0);
    expect(ws.getCell('E5').value).toBe(0.5);
    expect(ws.getCell('E10').value).toBe('-');
    expect(ws.getCell('D18').isMerged && ws.getCell('E18').isMerged).toBe(true);
    expect(ws.getCell('E3').formula).toMatch(/^SUM\(/);
    const again = analyseWorkbook(await readGridFromXlsxBytes(saved, 'x.xlsx'), { profile: null });
    expect(unitsToNumber(again.sheets[0].fields[0].appraised!)).toBe(3);
    expect(again.differences.map((d) => d.code)).toEqual(['1.2', '1.8']);
  });

  test('the browser host writes the fill into a new state and "revert" gives back the workbook as it was', async () => {
    const host = await createBrowserHost({ bytes: await inputBytes(), fileName: 'tham-dinh.xlsx' });
    const before = await host.readWorkbook();
    const { plan } = planFillAndRecalculate(before, { profile: null });
    const report = await host.applyPlan(plan, { highlights: true });
    expect(report.written).toBe(plan.writes.length);
    const after = await host.readWorkbook();
    expect([value(after, 'E4'), value(after, 'E7'), value(after, 'E9'), value(after, 'E19')]).toEqual([1, 'x', 0.5, 0]);
    expect(value(after, 'E3')).toMatch(/^=SUM\(/);
    // The annotated download keeps the fill.
    const download = await host.downloadAnnotated();
    const downloaded = analyseWorkbook(await readGridFromXlsxBytes(download.bytes, download.fileName), { profile: null });
    expect(unitsToNumber(downloaded.sheets[0].fields[0].appraised!)).toBe(3);
    expect(host.canRevert!()).toBe(true);
    await host.revertLastWrite();
    const reverted = await host.readWorkbook();
    for (const a of ['E3', 'E4', 'E7', 'E9', 'E19']) expect(value(reverted, a)).toBe(value(before, a));
    expect(value(reverted, 'E4')).toBeNull();
  });
});
