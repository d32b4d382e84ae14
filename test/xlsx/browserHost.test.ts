import { analyseWorkbook } from '../../src/core/analyse';
import { planWorkbook } from '../../src/core/plan/planWorkbook';
import { toJsonResult } from '../../src/core/report/jsonResult';
import { createBrowserHost, sampleGridAsShown, SAMPLE_FILE_NAME } from '../../src/xlsx/browserHost';
import { sampleWorkbookBytes } from '../../src/xlsx/gridToWorkbook';
import { readGridFromXlsxBytes } from '../../src/xlsx/read/readGrid';
import { excelJsRichBytes } from './patch/richWorkbooks';
import { partsOf, sameBytes } from './patch/patchHelpers';

/**
 * The standalone page's host: the sample shown before its file exists must score exactly as the file
 * the user downloads; a download keeps everything of the official's own workbook the tool does not own.
 */

test('the sample shown at first scores exactly as the sample file, read back, does', async () => {
  const shown = sampleGridAsShown();
  const asFile = await readGridFromXlsxBytes(await sampleWorkbookBytes(), SAMPLE_FILE_NAME);
  const a = toJsonResult(analyseWorkbook(shown), shown, 'vi', { explain: true });
  const b = toJsonResult(analyseWorkbook(asFile), asFile, 'vi', { explain: true });
  expect(a).toEqual(b);
  // The preview shows the same text in every cell.
  for (let s = 0; s < shown.sheets.length; s++) {
    const texts = (g: typeof shown) =>
      Array.from(g.sheets[s].rows, (row) =>
        (row || [])
          .map((c) => (c && c.value !== undefined && c.value !== null ? String(c.value) : ''))
          .join('|')
          .replace(/\|+$/, ''),
      );
    const shownTexts = texts(shown);
    const fileTexts = texts(asFile);
    while (shownTexts.length < fileTexts.length) shownTexts.push('');
    while (fileTexts.length < shownTexts.length) fileTexts.push('');
    expect(shownTexts).toEqual(fileTexts);
  }
});

test('a downloaded copy of an opened file keeps its comment, image, table and names byte for byte', async () => {
  const original = await excelJsRichBytes();
  const host = await createBrowserHost({ bytes: original, fileName: 'xa-co-ghi-chu.xlsx' }, 'vi');
  const grid = await host.readWorkbook();
  await host.applyPlan(planWorkbook(analyseWorkbook(grid), grid, 'vi'), { highlights: true });
  const { fileName, bytes } = await host.downloadAnnotated();
  expect(fileName).toBe('xa-co-ghi-chu-da-cham.xlsx');
  const before = await partsOf(original);
  const after = await partsOf(bytes);
  const kept = Array.from(before.keys()).filter((name) => /comments|vmlDrawing|media|drawings|tables/.test(name));
  expect(kept.length).toBeGreaterThanOrEqual(4);
  for (const name of kept) expect(sameBytes(after.get(name)!, before.get(name)!)).toBe(true);
  // Revert goes back to the file as opened.
  await host.revertLastWrite();
  const reverted = analyseWorkbook(await host.readWorkbook());
  expect(reverted.total.self).toBe(analyseWorkbook(grid).total.self);
});
