import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { analyseWorkbook } from '../../src/core/analyse';
import { buildSelfAssessmentReport } from '../../src/core/report/selfAssessmentReport';
import { buildSampleGrid } from '../../src/core/sample/thanhXa2023';
import { reportDocxBytes } from '../../src/docx/selfAssessmentDocx';
import { findSoffice, libreOfficeProfile, runLibreOffice, hasProgram } from '../helpers/xlsFiles';
import { estimatePages } from './decree30';

/**
 * The Word report of the sample printed by a second program: LibreOffice Writer (headless, a fresh
 * profile) converts it to PDF, and poppler's pdftotext and pdftoppm read the pages back, as a clerk
 * would check the printout: as many pages as the content needs, the national title on one line,
 * the rules under the issuing body, the motto and the subject, the page number at the top of every
 * page but the first, the field chart with its labels. The .docx, the PDF, its first page as PNG and the
 * measures (sizes, LibreOffice's time) stay in test-output/docx for a person to look at.
 */

const root = path.join(__dirname, '..', '..');
const ARTEFACTS = path.join(root, 'test-output', 'docx');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cchc-decree30-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const soffice = findSoffice();
const poppler = ['pdftotext', 'pdftoppm'].every(hasProgram);
// CI installs LibreOffice Writer and poppler-utils (.ci/run); elsewhere the test says what is missing and is skipped.
const maybe = (soffice && poppler) || process.env.CI ? describe : describe.skip;
if (!soffice && !process.env.CI) console.warn('LibreOffice (soffice) not found: the Decree 30 PDF test is skipped.');
else if (!poppler && !process.env.CI) console.warn('pdftotext/pdftoppm (poppler-utils) not found: the Decree 30 PDF test is skipped.');

interface Word {
  text: string;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}
interface Line extends Word {
  words: Word[];
}
interface Page {
  width: number;
  height: number;
  lines: Line[];
}

function decode(s: string): string {
  return s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}

/** pdftotext -bbox-layout: every page's lines and words with their boxes, in points from the top left. */
function readPages(pdf: string): Page[] {
  const html = execFileSync('pdftotext', ['-bbox-layout', pdf, '-'], { encoding: 'utf8' });
  const box = (attrs: string) => {
    const n = (name: string) => Number(new RegExp(name + '="([\\d.]+)"').exec(attrs)![1]);
    return { xMin: n('xMin'), yMin: n('yMin'), xMax: n('xMax'), yMax: n('yMax') };
  };
  return html
    .split(/<page /)
    .slice(1)
    .map((page) => {
      const lines: Line[] = [];
      const lineRe = /<line ([^>]*)>([\s\S]*?)<\/line>/g;
      let m: RegExpExecArray | null;
      while ((m = lineRe.exec(page)) !== null) {
        const words: Word[] = [];
        const wordRe = /<word ([^>]*)>([^<]*)<\/word>/g;
        let w: RegExpExecArray | null;
        while ((w = wordRe.exec(m[2])) !== null) words.push({ text: decode(w[2]), ...box(w[1]) });
        lines.push({ text: words.map((x) => x.text).join(' '), words, ...box(m[1]) });
      }
      return { width: Number(/width="([\d.]+)"/.exec(page)![1]), height: Number(/height="([\d.]+)"/.exec(page)![1]), lines };
    });
}

/** Horizontal dark segments at least `minPt` long on a greyscale PGM rendered at `dpi`, in points. */
function horizontalRules(pgm: Buffer, dpi: number, minPt: number): Array<{ x0: number; x1: number; y: number }> {
  const header = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(pgm.subarray(0, 64).toString('latin1'))!;
  const [w, h] = [Number(header[1]), Number(header[2])];
  const data = pgm.subarray(header[0].length);
  const scale = 72 / dpi;
  const found: Array<{ x0: number; x1: number; y: number }> = [];
  for (let y = 0; y < h; y++) {
    let start = -1;
    for (let x = 0; x <= w; x++) {
      const dark = x < w && data[y * w + x] < 110;
      if (dark && start < 0) start = x;
      if (!dark && start >= 0) {
        if ((x - start) * scale >= minPt) {
          // A rule a few pixels thick is one rule.
          const same = found.find((r) => Math.abs(r.x0 - start * scale) < 1.5 && Math.abs(r.x1 - x * scale) < 1.5 && y * scale - r.y < 2.5);
          if (!same) found.push({ x0: start * scale, x1: x * scale, y: y * scale });
        }
        start = -1;
      }
    }
  }
  return found;
}

maybe('the report printed by LibreOffice (PDF), as a clerk checks Decree 30/2020', () => {
  const doc = buildSelfAssessmentReport(analyseWorkbook(buildSampleGrid()), 'vi');
  const docx = path.join(ARTEFACTS, 'decree30-thanh-xa-2023.docx');
  const pdf = path.join(ARTEFACTS, 'decree30-thanh-xa-2023.pdf');
  const png = path.join(ARTEFACTS, 'decree30-thanh-xa-2023.png');
  let pages: Page[] = [];
  let rules: Array<{ x0: number; x1: number; y: number }> = [];

  beforeAll(async () => {
    fs.mkdirSync(ARTEFACTS, { recursive: true });
    for (const f of [docx, pdf, png]) fs.rmSync(f, { force: true });
    const bytes = await reportDocxBytes(doc);
    fs.writeFileSync(docx, bytes);
    // A fresh profile for each run, so no setting left by another run changes the layout.
    const started = Date.now();
    await runLibreOffice(soffice as string, libreOfficeProfile(fs.mkdtempSync(path.join(tmp, 'profile-')), false), 'pdf', ARTEFACTS, [docx], 120000);
    const pdfMs = Date.now() - started;
    pages = readPages(pdf);
    // Page 1 of LibreOffice's PDF as a picture. (LibreOffice's own "--convert-to png" needs its
    // graphic export filters, which the -nogui packages CI installs do not have: "no export filter".)
    execFileSync('pdftoppm', ['-png', '-r', '110', '-f', '1', '-l', '1', '-singlefile', pdf, png.replace(/\.png$/, '')]);
    const prefix = path.join(tmp, 'page1');
    execFileSync('pdftoppm', ['-gray', '-r', '144', '-f', '1', '-l', '1', '-singlefile', pdf, prefix]);
    rules = horizontalRules(fs.readFileSync(prefix + '.pgm'), 144, 15);
    fs.writeFileSync(
      path.join(ARTEFACTS, 'decree30-measures.json'),
      JSON.stringify({ docxBytes: bytes.length, pdfBytes: fs.statSync(pdf).size, pngBytes: fs.statSync(png).size, pages: pages.length, libreOfficePdfMs: pdfMs }, null, 2) + '\n',
    );
  }, 300000);

  const BODY_TOP = 56.7; // the 20 mm top margin, in points
  /** The page's lines below the header (the page number) in reading order. */
  const body = (p: Page) => p.lines.filter((l) => l.yMax > BODY_TOP - 2).sort((a, b) => a.yMin - b.yMin || a.xMin - b.xMin);
  const find = (p: Page, text: string) => p.lines.find((l) => l.text === text || l.text.indexOf(text) === 0);

  test('as many pages as the content needs: three portrait pages and the landscape appendix, each starting where the estimate says', () => {
    const estimate = estimatePages(doc);
    expect(pages).toHaveLength(estimate.pages.reduce((a, b) => a + b, 0));
    expect(pages.map((p) => (p.width > p.height ? 'landscape' : 'portrait'))).toEqual(doc.sections.reduce((all: string[], s, i) => all.concat(Array(estimate.pages[i]).fill(s.orientation)), []));
    pages.forEach((p, i) => {
      // The top row of the page (the header table's two columns are one row).
      const lines = body(p);
      const firstRow = lines.filter((l) => l.yMin < lines[0].yMin + 3).map((l) => l.text);
      const expected = estimate.firstOnPage[i].replace(/^header /, '');
      expect([i + 1, firstRow.some((first) => expected.indexOf(first) === 0 || first.indexOf(expected) === 0)]).toEqual([i + 1, true]);
    });
  });

  test('"CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" on one line, inside the text area, level with the issuing body', () => {
    const page = pages[0];
    const line = find(page, 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(line).toBeDefined();
    const words = line!.words.slice(0, 8);
    expect(words.map((w) => w.text).join(' ')).toBe('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(Math.max(...words.map((w) => w.yMin)) - Math.min(...words.map((w) => w.yMin))).toBeLessThan(1);
    // Right margin 20 mm: the text area ends 56.7 pt from the page's right edge.
    expect(words[words.length - 1].xMax).toBeLessThanOrEqual(page.width - 56.7);
    const issuer = find(page, 'ỦY BAN NHÂN DÂN')!;
    expect(Math.abs(issuer.yMin - line!.yMin)).toBeLessThan(3);
    expect(issuer.xMax).toBeLessThan(words[0].xMin);
    expect(find(page, 'XÃ THANH XÁ')!.yMin).toBeGreaterThan(issuer.yMax - 2);
  });

  test('the rules: under the issuing body a third to a half of it, centred; under the motto as long as it; under the subject', () => {
    const page = pages[0];
    const issuer = find(page, 'ỦY BAN NHÂN DÂN')!;
    const commune = find(page, 'XÃ THANH XÁ')!;
    const number = find(page, 'Số:')!;
    const motto = find(page, 'Độc lập - Tự do - Hạnh phúc')!;
    const date = find(page, 'Thanh Xá, ngày')!;
    const subjectLines = page.lines.filter((l) => l.yMin > find(page, 'BÁO CÁO')!.yMax - 2 && l.yMax < find(page, 'I. TÌNH HÌNH TRIỂN KHAI')!.yMin);
    expect(rules).toHaveLength(3);
    const under = (top: Line, below: Line) => rules.filter((r) => r.y > top.yMax - 3 && r.y < below.yMin && r.x1 > top.xMin - 20 && r.x0 < top.xMax + 20);
    const issuerRule = under(commune, number);
    expect(issuerRule).toHaveLength(1);
    const len = issuerRule[0].x1 - issuerRule[0].x0;
    const nameWidth = issuer.xMax - issuer.xMin;
    expect(len).toBeGreaterThanOrEqual(nameWidth / 3);
    expect(len).toBeLessThanOrEqual(nameWidth / 2);
    expect(Math.abs((issuerRule[0].x0 + issuerRule[0].x1) / 2 - (issuer.xMin + issuer.xMax) / 2)).toBeLessThan(3);
    const mottoRule = under(motto, date);
    expect(mottoRule).toHaveLength(1);
    const mottoWidth = motto.xMax - motto.xMin;
    expect(Math.abs(mottoRule[0].x0 - motto.xMin)).toBeLessThan(mottoWidth * 0.04);
    expect(Math.abs(mottoRule[0].x1 - motto.xMax)).toBeLessThan(mottoWidth * 0.04);
    const last = subjectLines[subjectLines.length - 1];
    const subjectRule = rules.filter((r) => r.y > last.yMax - 3 && r.y < find(page, 'I. TÌNH HÌNH TRIỂN KHAI')!.yMin);
    expect(subjectRule).toHaveLength(1);
    const widest = Math.max(...subjectLines.map((l) => l.xMax - l.xMin));
    expect(subjectRule[0].x1 - subjectRule[0].x0).toBeGreaterThanOrEqual(widest / 3);
    expect(subjectRule[0].x1 - subjectRule[0].x0).toBeLessThanOrEqual(widest / 2);
  });

  test('page numbers: none on page 1; from page 2 the number alone at the top, centred over the text', () => {
    const tops = pages.map((p) => p.lines.filter((l) => l.yMax < BODY_TOP - 5));
    expect(tops[0]).toEqual([]);
    pages.forEach((p, i) => {
      if (i === 0) return;
      expect([i + 1, tops[i].map((l) => l.text)]).toEqual([i + 1, [String(i + 1)]]);
      // The text area runs from the 30 mm left margin to the 20 mm right one.
      const centre = (85.05 + (p.width - 56.7)) / 2;
      expect(Math.abs((tops[i][0].xMin + tops[i][0].xMax) / 2 - centre)).toBeLessThan(4);
    });
  });

  test('the field chart: every field labelled by number and name, its percentage beside its bar, above the caption', () => {
    const at = pages.findIndex((p) => !!find(p, 'Biểu đồ: Tỷ lệ điểm tự đánh giá'));
    expect(at).toBeGreaterThanOrEqual(0);
    const page = pages[at];
    const caption = find(page, 'Biểu đồ: Tỷ lệ điểm tự đánh giá')!;
    const chart = page.lines.filter((l) => l.yMax <= caption.yMin && l.yMin > caption.yMin - 400);
    const bars: Array<[string, string]> = [
      ['1. Công tác chỉ đạo điều hành', '95,67%'],
      ['2. Cải cách thể chế', '100%'],
      ['3. Cải cách thủ tục hành chính', '96,11%'],
      ['4. Cải cách tổ chức bộ máy chính', '100%'],
      ['5. Cải cách chế độ công vụ', '72,73%'],
      ['6. Cải cách tài chính công', '100%'],
      ['7. Xây dựng và phát triển chính', '86,96%'],
    ];
    let previous = -1;
    for (const [label, pct] of bars) {
      const l = chart.find((x) => x.text.indexOf(label) === 0);
      expect([label, !!l]).toEqual([label, true]);
      // The first field on top, in the order of the lines above the chart.
      expect(l!.yMin).toBeGreaterThan(previous);
      previous = l!.yMin;
      // Its percentage to the right of the label, within its row (a wrapped label spans two lines).
      const value = chart.find((x) => x.text === pct && x.xMin > l!.xMax && Math.abs(x.yMin - l!.yMin) < 14);
      expect([label, pct, !!value]).toEqual([label, pct, true]);
    }
    // A value axis from 0 to 100.
    expect(chart.filter((l) => /^(0|20|40|60|80|100)$/.test(l.text)).map((l) => l.text)).toEqual(['0', '20', '40', '60', '80', '100']);
  });

  test('the artefacts a person looks at: the PDF, and its page 1 as PNG', () => {
    expect(fs.readFileSync(pdf).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const image = fs.readFileSync(png);
    expect(image.subarray(1, 4).toString('latin1')).toBe('PNG');
    const [w, h] = [image.readUInt32BE(16), image.readUInt32BE(20)];
    // A4 portrait: 210 × 297 mm.
    expect(h / w).toBeCloseTo(297 / 210, 1);
  });
});
