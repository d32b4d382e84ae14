import { execFileSync } from 'child_process';
import * as fs from 'fs';
import JSZip from 'jszip';
import * as os from 'os';
import * as path from 'path';
import { printLayout, SUMMARY_SHEET_NAME, SummaryCell, SummarySheet } from '../../src/core/plan';
import { sampleWorkbookBytes } from '../../src/xlsx/gridToWorkbook';
import { summarySheetsXlsxBytes } from '../../src/xlsx/summaryXlsx';
import { findSoffice, hasProgram, libreOfficeProfile, runLibreOffice } from '../helpers/xlsFiles';
import { runPipeline } from './patch/patchHelpers';

/**
 * Print-ready tool sheets (issue 13 item 2), printed by a second program: LibreOffice Calc opens the
 * sample's annotated copy and writes "Tổng hợp điểm" as PDF. Every page is A4 (the MediaBox, in points:
 * 595 × 842 portrait, 842 × 595 landscape) in the orientation the columns need, and there are as many
 * pages as the rows need once the sheet is scaled to one page wide (reasoned below, not snapshotted).
 */

const soffice = findSoffice();
const maybe = soffice || process.env.CI ? test : test.skip;
if (!soffice && !process.env.CI) console.warn('LibreOffice (soffice) not found: the PDF test is skipped.');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cchc-pdf-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const POINTS_PER_INCH = 72;
const A4 = { short: 595.28, long: 841.89 };

/** The page boxes of a PDF: every /Type/Page object's MediaBox (LibreOffice writes them uncompressed). */
function pageBoxes(pdf: Buffer): Array<{ width: number; height: number }> {
  const text = pdf.toString('latin1');
  const out: Array<{ width: number; height: number }> = [];
  const rx = /\/Type\s*\/Page\b[^>]*?\/MediaBox\s*\[\s*([\d.]+)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)\s*\]/g;
  for (let m = rx.exec(text); m; m = rx.exec(text)) out.push({ width: Number(m[3]) - Number(m[1]), height: Number(m[4]) - Number(m[2]) });
  return out;
}

/** A workbook's sheets but `keep` hidden, `keep` the active one: LibreOffice prints only the visible sheet. */
async function onlySheet(bytes: Uint8Array, keep: string): Promise<Buffer> {
  const zip = await JSZip.loadAsync(bytes);
  const wb = await zip.file('xl/workbook.xml')!.async('string');
  const tags = wb.match(/<sheet [^>]*\/>/g)!;
  const index = tags.findIndex((t) => t.indexOf('name="' + keep + '"') >= 0);
  let out = wb.replace(/<sheet [^>]*\/>/g, (tag) => (tag.indexOf('name="' + keep + '"') >= 0 ? tag : tag.replace(/ state="[^"]*"/, '').replace('<sheet ', '<sheet state="hidden" ')));
  out = /<bookViews>/.test(out)
    ? out.replace(/<workbookView\b([^>]*?)(\/?)>/, (_, a, e) => '<workbookView' + a.replace(/ activeTab="\d+"/, '') + ' activeTab="' + index + '"' + e + '>')
    : out.replace('<sheets>', '<bookViews><workbookView activeTab="' + index + '"/></bookViews><sheets>');
  zip.file('xl/workbook.xml', out);
  return zip.generateAsync({ type: 'nodebuffer' });
}

async function toPdf(name: string, bytes: Uint8Array): Promise<Buffer> {
  const dir = fs.mkdtempSync(path.join(tmp, 'run-'));
  const file = path.join(dir, name + '.xlsx');
  fs.writeFileSync(file, bytes);
  await runLibreOffice(soffice as string, libreOfficeProfile(fs.mkdtempSync(path.join(dir, 'profile-')), false), 'pdf', dir, [file], 120000);
  return fs.readFileSync(path.join(dir, name + '.pdf'));
}

/**
 * The pages a sheet needs, reasoned from its layout: columns of width w take 7w + 5 px (the default
 * font's digit is 7 px wide, 96 px to the inch); fit to one page wide scales them into the page's width
 * inside the margins (0.7 in each side), never above 100%; rows are 15 pt each, scaled alike, into the
 * page's height inside the margins (0.75 in top and bottom); every page after the first repeats the
 * header rows.
 */
function pagesNeeded(sheet: SummarySheet): number {
  const layout = printLayout(sheet);
  let px = 0;
  for (let c = 0; c < layout.columns; c++) px += 7 * (sheet.columnWidths[c] || 8.43) + 5;
  const landscape = layout.orientation === 'landscape';
  const pageWidth = (landscape ? A4.long : A4.short) - 1.4 * POINTS_PER_INCH;
  const pageHeight = (landscape ? A4.short : A4.long) - 1.5 * POINTS_PER_INCH;
  const scale = Math.min(1, pageWidth / (px * 0.75));
  // Measured: LibreOffice puts 49 rows of 15 pt on a portrait page (734 pt ÷ 15 = 48.9), so a row that
  // overshoots the margin by a fraction of its height still fits: rounded, not floored.
  const rowsPerPage = Math.round(pageHeight / (15 * scale));
  const titles = layout.titleRows ? layout.titleRows.last - layout.titleRows.first + 1 : 0;
  let rows = sheet.rows.length;
  let pages = 1;
  rows -= rowsPerPage;
  while (rows > 0) {
    pages++;
    rows -= rowsPerPage - titles;
  }
  return pages;
}

maybe(
  "the sample's annotated copy: LibreOffice prints 'Tổng hợp điểm' on A4 landscape, as many pages as its rows need",
  async () => {
    const run = await runPipeline(await sampleWorkbookBytes(), 'mau.xlsx');
    const layout = printLayout(run.plan.summary);
    expect(layout.orientation).toBe('landscape'); // 8 columns, 180 characters: wider than a portrait page
    const pdf = await toPdf('tong-hop', await onlySheet(run.output, SUMMARY_SHEET_NAME));
    const boxes = pageBoxes(pdf);
    for (const b of boxes) {
      expect(b.width).toBeCloseTo(A4.long, 0);
      expect(b.height).toBeCloseTo(A4.short, 0);
    }
    // ~55 rows (the chart block's 16 among them) at ~76% (1,300 px of columns into 741 pt): two landscape
    // pages at Excel's 15 pt a row. LibreOffice draws this workbook's rows shorter (~8.7 pt apart once
    // scaled, measured) and prints them on one page: never more pages than the rows need, never a page
    // split by columns (every page is the one page wide the layout asks for).
    expect(run.plan.summary.rows.length).toBeLessThan(64);
    expect(pagesNeeded(run.plan.summary)).toBe(2);
    expect(boxes.length).toBeGreaterThanOrEqual(1);
    expect(boxes.length).toBeLessThanOrEqual(pagesNeeded(run.plan.summary));
    // The first column's words and the last column's header on the first page: no column pushed onto a page
    // of its own (read with poppler's pdftotext, which CI installs).
    if (!hasProgram('pdftotext') && !process.env.CI) return;
    const file = path.join(fs.mkdtempSync(path.join(tmp, 'text-')), 'tong-hop.pdf');
    fs.writeFileSync(file, pdf);
    const firstPage = execFileSync('pdftotext', ['-f', '1', '-l', '1', '-layout', file, '-'], { encoding: 'utf8' });
    expect(firstPage).toContain('Phụ lục 1');
    expect(firstPage).toContain('Tỷ lệ thẩm định');
    expect(firstPage).toContain('Tỷ lệ điểm đạt được theo lĩnh vực'); // the chart's title
  },
  180000,
);

maybe(
  'a long, narrow tool sheet prints portrait on several A4 pages, its header rows on each',
  async () => {
    const rows: SummaryCell[][] = [[{ kind: 'text', text: 'DANH SÁCH', bold: true }], [], ['STT', 'Xã', 'Vấn đề'].map((h): SummaryCell => ({ kind: 'text', text: h, bold: true }))];
    for (let i = 1; i <= 143; i++)
      rows.push([
        { kind: 'number', value: i },
        { kind: 'text', text: 'xã ' + i },
        { kind: 'text', text: 'Thiếu tài liệu kiểm chứng' },
      ]);
    const sheet: SummarySheet = { name: 'Danh sách', rows, columnWidths: [6, 24, 40] };
    const layout = printLayout(sheet);
    expect(layout.orientation).toBe('portrait'); // 70 characters
    expect(layout.titleRows).toEqual({ first: 2, last: 2 });
    const pdf = await toPdf('danh-sach', await summarySheetsXlsxBytes([sheet]));
    const boxes = pageBoxes(pdf);
    for (const b of boxes) {
      expect(b.width).toBeCloseTo(A4.short, 0);
      expect(b.height).toBeCloseTo(A4.long, 0);
    }
    // 146 rows of 15 pt at 100% (505 px of columns, 379 pt, fit the 495 pt inside the margins): 49 rows on
    // a page of 734 pt. Without the header repeated, 3 pages would hold 147 rows; with it, pages 2 and 3
    // hold 48 rows each, 145 in all, and the last row goes to a fourth page. Footer "Trang 1 / 4".
    expect(pagesNeeded(sheet)).toBe(4);
    expect(boxes.length).toBe(4);
  },
  180000,
);
