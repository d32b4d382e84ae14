import { execFileSync } from 'child_process';
import * as fs from 'fs';
import JSZip from 'jszip';
import * as os from 'os';
import * as path from 'path';
import { consolidationSheets, Consolidation } from '../../src/core/consolidate/consolidate';
import { SUMMARY_SHEET_NAME, SummarySheet } from '../../src/core/plan';
import { consolidateFiles } from '../../src/xlsx/consolidateFiles';
import { sampleWorkbookBytes } from '../../src/xlsx/gridToWorkbook';
import { summarySheetsXlsxBytes } from '../../src/xlsx/summaryXlsx';
import { findSoffice, libreOfficeConvert, libreOfficeProfile, runLibreOffice, hasProgram } from '../helpers/xlsFiles';
import { chartOfSheet, isToolDrawingXml, partNames, partText, referencedParts, seriesOf } from './chartFiles';
import { communeWorkbookBytes, CommuneSpec } from './fixtures/communes';
import { runPipeline } from './patch/patchHelpers';

/**
 * The tool sheets' bar chart (src/xlsx/patch/chartPart.ts) in a second spreadsheet program: LibreOffice
 * Calc opens TONG-HOP.xlsx and the annotated copy. Saved again as .xlsx, the chart is still a bar chart
 * over the ranking's cells; printed to PDF, its title is there, its bars' names read top to bottom in
 * rank order with the value axis under them (pdftotext's word boxes); the copy LibreOffice saved, scored
 * again, still has one chart on its summary and no drawing or chart left over.
 */

const soffice = findSoffice();
const maybe = soffice || process.env.CI ? describe : describe.skip;
if (!soffice && !process.env.CI) console.warn('LibreOffice (soffice) not found: the chart round trip is skipped.');

const pdftotext = hasProgram('pdftotext');

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cchc-chart-lo-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const COMMUNES: Array<[string, CommuneSpec]> = [
  ['an-binh.xlsx', { commune: 'An Bình', self: '70', appraised: '66,6' }],
  ['bach-dang.xlsx', { commune: 'Bạch Đằng', self: '68', appraised: '66,59' }],
  ['cam-che.xlsx', { commune: 'Cẩm Chế', self: '67', appraised: '66,59' }],
  ['dong-lac.xlsx', { commune: 'Đồng Lạc', self: '60', appraised: '51,79' }],
];

interface Word {
  text: string;
  xMin: number;
  yMin: number;
}

/** pdftotext -bbox: every word of the first page with its box's top left corner, in points. */
function wordsOfFirstPage(pdf: string): Word[] {
  const html = execFileSync('pdftotext', ['-bbox', '-f', '1', '-l', '1', pdf, '-'], { encoding: 'utf8' });
  return Array.from(html.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)"[^>]*>([^<]*)<\/word>/g)).map((m) => ({ text: m[3].replace(/&amp;/g, '&'), xMin: Number(m[1]), yMin: Number(m[2]) }));
}

maybe('LibreOffice Calc and the tool chart', () => {
  let c: Consolidation;
  let sheets: SummarySheet[];
  let consolidationFile: string;
  let copyFile: string;
  let savedConsolidation: JSZip;
  let savedCopy: Uint8Array;
  beforeAll(async () => {
    const files: Array<{ name: string; bytes: Uint8Array }> = [];
    for (const [name, spec] of COMMUNES) files.push({ name, bytes: await communeWorkbookBytes(spec) });
    c = await consolidateFiles(files, { lang: 'vi' });
    sheets = consolidationSheets(c, 'vi');
    consolidationFile = path.join(tmp, 'TONG-HOP.xlsx');
    fs.writeFileSync(consolidationFile, await summarySheetsXlsxBytes(sheets));
    copyFile = path.join(tmp, 'mau-da-cham.xlsx');
    fs.writeFileSync(copyFile, (await runPipeline(await sampleWorkbookBytes(), 'mau.xlsx')).output);
    // One LibreOffice run saves both again as .xlsx.
    const [consolidation, copy] = await libreOfficeConvert(soffice as string, [consolidationFile, copyFile], 'xlsx', path.join(tmp, 'lo'), 120000);
    savedConsolidation = await JSZip.loadAsync(fs.readFileSync(consolidation));
    savedCopy = new Uint8Array(fs.readFileSync(copy));
  }, 240000);

  test('saved again by LibreOffice, TONG-HOP.xlsx still has its bar chart over the ranking: names and percentages, top down', async () => {
    const ranking = sheets[0];
    const parts = await chartOfSheet(savedConsolidation, ranking.name);
    expect(parts.chartXml).toMatch(/<c:barChart>\s*<c:barDir val="bar"\/>/);
    expect(/<c:catAx>[\s\S]*?<\/c:catAx>/.exec(parts.chartXml)![0]).toContain('<c:orientation val="maxMin"/>');
    expect(/<c:valAx>[\s\S]*?<\/c:valAx>/.exec(parts.chartXml)![0]).toContain('<c:crosses val="max"/>');
    const [series] = seriesOf(parts.chartXml);
    const d = ranking.chart!.data;
    expect(series.categoriesRef).toBe("'" + ranking.name + "'!$B$" + (d.row + 2) + ':$B$' + (d.row + d.rows));
    expect(series.valuesRef).toBe("'" + ranking.name + "'!$C$" + (d.row + 2) + ':$C$' + (d.row + d.rows));
    expect(series.categories).toEqual(c.rows.map((r) => r.commune));
    expect(series.values).toEqual([0.9, 0.8999, 0.8999, 0.6999]);
    expect(parts.chartXml).toContain(ranking.chart!.title);
  });

  (pdftotext || process.env.CI ? test : test.skip)(
    'printed by LibreOffice: the title, the bars named top to bottom in rank order, the percentages under them',
    async () => {
      const dir = fs.mkdtempSync(path.join(tmp, 'pdf-'));
      await runLibreOffice(soffice as string, libreOfficeProfile(fs.mkdtempSync(path.join(tmp, 'profile-')), false), 'pdf', dir, [consolidationFile], 120000);
      const pdf = path.join(dir, 'TONG-HOP.pdf');
      const text = execFileSync('pdftotext', ['-f', '1', '-l', '1', pdf, '-'], { encoding: 'utf8' });
      expect(text).toContain(sheets[0].chart!.title);
      const words = wordsOfFirstPage(pdf);
      // Each name's last word is in the ranking table, in the figures under it and on the chart: the chart's
      // is the rightmost (the chart stands beside the figures).
      const onChart = (word: string) => words.filter((w) => w.text === word).sort((a, b) => b.xMin - a.xMin)[0];
      const labels = ['Bình', 'Đằng', 'Chế', 'Lạc'].map(onChart);
      expect(labels.every(Boolean)).toBe(true);
      const tops = labels.map((w) => w.yMin);
      expect(tops).toEqual([...tops].sort((a, b) => a - b));
      expect(new Set(tops).size).toBe(4);
      // The value axis at the bottom, under the last bar: 0% left of 100%, both lower than the last name.
      const zero = words.filter((w) => w.text === '0%' && w.xMin > labels[3].xMin).sort((a, b) => a.xMin - b.xMin)[0];
      const full = words.filter((w) => w.text === '100%' && w.xMin > labels[3].xMin).sort((a, b) => b.yMin - a.yMin)[0];
      expect(zero && full).toBeTruthy();
      expect(zero.yMin).toBeGreaterThan(tops[3]);
      expect(full.yMin).toBeCloseTo(zero.yMin, 0);
      expect(full.xMin).toBeGreaterThan(zero.xMin);
    },
    180000,
  );

  test('the annotated copy saved by LibreOffice and scored again: one chart on the summary, no drawing or chart left over', async () => {
    const before = await JSZip.loadAsync(savedCopy);
    const again = await runPipeline(savedCopy, 'mau-lo.xlsx');
    const zip = await JSZip.loadAsync(again.output);
    // LibreOffice kept the frame's name: the tool knows its chart again and rewrites it where it is.
    const parts = await chartOfSheet(zip, SUMMARY_SHEET_NAME);
    expect(isToolDrawingXml(parts.drawingXml)).toBe(true);
    expect(partNames(zip, /^xl\/charts\/[^/]*\.xml$/)).toEqual(partNames(before, /^xl\/charts\/[^/]*\.xml$/));
    expect(partNames(zip, /^xl\/drawings\/[^/]*\.xml$/)).toEqual(partNames(before, /^xl\/drawings\/[^/]*\.xml$/));
    expect(partNames(zip, /^xl\/charts\/[^/]*\.xml$/)).toEqual([parts.chartPart]);
    const referenced = await referencedParts(zip);
    for (const p of partNames(zip, /^xl\/(drawings|charts)\/[^/]*\.(xml|vml)$/)) expect([p, referenced.has(p)]).toEqual([p, true]);
    const [series] = seriesOf(await partText(zip, parts.chartPart));
    expect(series.categoriesRef).toMatch(/^'Tổng hợp điểm'!\$C\$\d+:\$C\$\d+$/);
  }, 120000);
});
