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

test("the download checks itself as the official types, as the command line's copy does; with highlights off it carries no rules", async () => {
  const text = (parts: Map<string, Uint8Array>, name: string) => Buffer.from(parts.get(name)!).toString('utf8');
  const host = await createBrowserHost(undefined, 'vi');
  const grid = await host.readWorkbook();
  await host.applyPlan(planWorkbook(analyseWorkbook(grid), grid, 'vi'), { highlights: true });
  const parts = await partsOf((await host.downloadAnnotated()).bytes);
  const workbook = text(parts, 'xl/workbook.xml');
  expect(workbook).toMatch(/<sheet [^>]*name="Mức điểm CCHC"[^>]*state="hidden"/);
  expect(workbook).toContain('CCHC_MUC_1');
  const sheets = Array.from(parts.keys()).filter((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n));
  const validations = sheets.reduce((n, name) => n + (text(parts, name).match(/<dataValidation /g) || []).length, 0);
  // One per leaf self-score cell of the sample's two appendices (64 + 1).
  expect(validations).toBe(65);
  expect(sheets.some((name) => /N\(("|&quot;)CCHC("|&quot;)\)=0/.test(text(parts, name)))).toBe(true);
  // The file scores the same after the rules: a drop-down is no score.
  expect(analyseWorkbook(await host.readWorkbook()).total.self).toBe(analyseWorkbook(grid).total.self);

  await host.clearHighlights();
  const cleared = await partsOf((await host.downloadAnnotated()).bytes);
  expect(text(cleared, 'xl/workbook.xml')).not.toContain('CCHC_MUC_');
});
