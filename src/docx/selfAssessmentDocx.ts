import {
  AlignmentType,
  BorderStyle,
  Document,
  Header,
  LineRuleType,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
} from 'docx';
import { ChartRun } from 'docx/charts';
import { ReportBlock, ReportChartBar, ReportDocument, ReportLine, ReportSection } from '../core/report';

/**
 * Renders the self-assessment report (plain data from src/core/report/selfAssessmentReport.ts) as a
 * Word document with the `docx` library, laid out the way Decree 30/2020 sets administrative
 * documents (Appendix I, the layout of a report): A4, Times New Roman, 14 pt body and 13 pt header;
 * the header a borderless two-column table, the issuing body ("ỦY BAN NHÂN DÂN" over "XÃ …") left
 * with a short rule under it, the national title on one line and the motto with a rule as long as
 * it right, the number under the body and the place and date in italics under the motto; a short
 * rule under the subject; page numbers centred in the header from page 2 on; the signature block
 * and "Nơi nhận" side by side in a borderless table; the appendix landscape with a bordered table
 * whose header row repeats. Prompts (what the official must fill in) are italic and highlighted so
 * none is missed. Runs in Node (the command line) and in the browser (the pane loads it in its
 * own chunk, "docx", with docx/charts for the field chart: nothing of it is in the first load).
 */

const FONT = 'Times New Roman';
const BODY_PT = 14;
const HEADER_PT = 13;
const TABLE_PT = 13;

// A4 in twentieths of a point; margins 20 mm top/bottom/right, 30 mm left (Decree 30/2020).
const A4_WIDTH = 11906;
const A4_HEIGHT = 16838;
const MARGIN = { top: 1134, bottom: 1134, left: 1701, right: 1134 };

/** Distance of the page number from the top edge: 1 cm, inside the 2 cm top margin. */
const HEADER_DISTANCE = 567;
/** Cell padding left and right in the borderless header and signature tables. */
const COLUMN_PADDING = 57;

/**
 * Advance widths of Times New Roman Bold in thousandths of an em (the Adobe Times-Bold metrics,
 * which Times New Roman and LibreOffice's Liberation Serif share), to size the header's columns
 * and rules from the text itself. Vietnamese letters measure as their base letter.
 */
// prettier-ignore
const BOLD_WIDTHS: { [ch: string]: number } = {
  ' ': 250, '-': 333, '.': 250, ',': 250, ':': 333, ';': 333, '/': 278, '(': 333, ')': 333, '[': 333, ']': 333, '%': 1000, '…': 1000, "'": 278,
  A: 722, B: 667, C: 722, D: 722, E: 667, F: 611, G: 778, H: 778, I: 389, J: 500, K: 778, L: 667, M: 944,
  N: 722, O: 778, P: 611, Q: 778, R: 722, S: 556, T: 667, U: 722, V: 722, W: 1000, X: 722, Y: 722, Z: 667,
  a: 500, b: 556, c: 444, d: 556, e: 444, f: 333, g: 500, h: 556, i: 278, j: 333, k: 556, l: 278, m: 833,
  n: 556, o: 500, p: 556, q: 556, r: 444, s: 389, t: 333, u: 556, v: 500, w: 722, x: 500, y: 500, z: 444,
};

/** Width in twentieths of a point of `text` set in Times New Roman Bold at `pt`. */
export function boldTextWidth(text: string, pt: number): number {
  const base = text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D');
  let em = 0;
  for (let i = 0; i < base.length; i++) {
    const ch = base.charAt(i);
    em += BOLD_WIDTHS[ch] !== undefined ? BOLD_WIDTHS[ch] : /[0-9]/.test(ch) ? 500 : 611;
  }
  return Math.ceil((em * pt * 20) / 1000);
}

const NO_BORDER = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
const NO_BORDERS = { top: NO_BORDER, bottom: NO_BORDER, left: NO_BORDER, right: NO_BORDER, insideHorizontal: NO_BORDER, insideVertical: NO_BORDER };
const LINE = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
const GRID_BORDERS = { top: LINE, bottom: LINE, left: LINE, right: LINE, insideHorizontal: LINE, insideVertical: LINE };

const ALIGN = {
  left: AlignmentType.LEFT,
  center: AlignmentType.CENTER,
  right: AlignmentType.RIGHT,
  justify: AlignmentType.JUSTIFIED,
};

function textWidth(section: ReportSection): number {
  const pageWidth = section.orientation === 'landscape' ? A4_HEIGHT : A4_WIDTH;
  return pageWidth - MARGIN.left - MARGIN.right;
}

function lineText(l: ReportLine): string {
  return l.runs.map((r) => r.text).join('');
}

function paragraphOf(l: ReportLine, pt: number, options?: { keepNext?: boolean; after?: number; indent?: boolean }): Paragraph {
  const size = (l.size || pt) * 2;
  const children = l.runs.map(
    (r) =>
      new TextRun({
        text: r.text,
        bold: r.bold,
        italics: r.italic || r.prompt,
        highlight: r.prompt ? 'yellow' : undefined,
        font: FONT,
        size,
      }),
  );
  return new Paragraph({
    children,
    alignment: ALIGN[l.align || 'left'],
    indent: l.indent && (!options || options.indent !== false) ? { firstLine: 567 } : undefined,
    // 1.2 lines. The rule is written out: LibreOffice reads a w:line without w:lineRule as an exact
    // 14.4 pt (tighter than 14 pt type needs), where Word reads it as a multiple (the standard's default).
    spacing: {
      before: 0,
      after: options && options.after !== undefined ? options.after : 120,
      line: 288,
      lineRule: LineRuleType.AUTO,
    },
    keepNext: options && options.keepNext,
  });
}

/**
 * The rule under a line (Decree 30/2020: "đường kẻ ngang, nét liền"): an empty paragraph exactly
 * 3 pt high (its mark keeps the body's size, clipped by the exact spacing) whose bottom border is
 * the rule, narrowed by equal left and right indents so it is centred. A paragraph border is drawn
 * the same by Word and LibreOffice (a drawn line shape is anchored differently by each), and it
 * moves with the text.
 */
function ruleParagraph(l: ReportLine, widest: number, pt: number, available: number, after: number): Paragraph {
  // Short: 40% of the widest line over it ("ỦY BAN NHÂN DÂN" over "XÃ THANH XÁ"), within the
  // decree's third to half; full: the line's own length.
  const length = l.rule === 'full' ? Math.min(boldTextWidth(lineText(l), l.size || pt), available) : Math.round(Math.min(widest, available) * 0.4);
  const side = Math.max(0, Math.floor((available - length) / 2));
  return new Paragraph({
    children: [],
    indent: { left: side, right: side },
    spacing: { before: 0, after: after, line: 60, lineRule: LineRuleType.EXACT },
    border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 0 } },
    keepNext: true,
  });
}

/** A line, then its rule if it has one. */
function linesOf(lines: ReportLine[], pt: number, available: number, options: { after?: number; indent?: boolean; keepNext?: boolean }, ruleAfter: number): Paragraph[] {
  const out: Paragraph[] = [];
  let widest = 0;
  lines.forEach((l) => {
    widest = Math.max(widest, boldTextWidth(lineText(l), l.size || pt));
    out.push(paragraphOf(l, pt, options));
    if (l.rule) out.push(ruleParagraph(l, widest, pt, available, ruleAfter));
  });
  return out;
}

function cell(lines: ReportLine[], width: number, pt: number, borders: boolean): TableCell {
  const padding = borders ? 80 : COLUMN_PADDING;
  return new TableCell({
    // 6 pt under a rule, so the line below it (the number, the date) does not touch it.
    children: lines.length ? linesOf(lines, pt, width - 2 * padding, { after: 0, indent: false }, 120) : [new Paragraph('')],
    width: { size: width, type: WidthType.DXA },
    verticalAlign: borders ? VerticalAlign.CENTER : VerticalAlign.TOP,
    margins: borders ? { top: 40, bottom: 40, left: padding, right: padding } : { top: 0, bottom: 0, left: padding, right: padding },
    borders: borders ? undefined : { top: NO_BORDER, bottom: NO_BORDER, left: NO_BORDER, right: NO_BORDER },
  });
}

/**
 * Column widths of the two-column header: the issuing body on about 40%, the national title and
 * motto on the rest, widened if the national title would not hold on one line at its size.
 */
export function headerColumnWidths(block: Extract<ReportBlock, { kind: 'columns' }>, width: number): number[] {
  let right = Math.round(width * 0.6);
  if (block.role === 'header') {
    block.rows.forEach((r) =>
      r.right.forEach((l) => {
        // 3% over the measure, for rounding in the renderers' own layout.
        const needed = Math.ceil(boldTextWidth(lineText(l), l.size || HEADER_PT) * 1.03) + 2 * COLUMN_PADDING;
        if (needed > right) right = needed;
      }),
    );
  } else right = Math.round(width * 0.5);
  return [width - right, right];
}

/**
 * The field chart: a native Word bar chart (docx/charts, part of the docx library the report
 * already uses: no other chart library, no image encoder). Chosen over a drawn picture because Word
 * and LibreOffice both draw it from the cached values in the chart part, so it prints crisp at any
 * size, its labels are real text in Times New Roman, and an official can restyle it in Word. Each
 * bar's label is its own text ("95,67%"): a number format would print the decimal point of the
 * reader's locale, and the report writes a comma everywhere. Cost: docx/charts adds about 73 KB
 * minified (22 KB gzip) to the docx library's lazy chunk, fetched when "Báo cáo (.docx)" is pressed;
 * a hand-written chart part would be smaller, but an invalid one makes Word refuse the whole file,
 * and the library's is written for Word (with the workbook "Edit Data" opens).
 */
function chartParagraph(bars: ReportChartBar[], series: string, caption: string, width: number): Paragraph {
  // A percentage over 100 (a score over its maximum, flagged elsewhere) widens the axis.
  let highest = 100;
  bars.forEach((b) => {
    if (b.percent > highest) highest = b.percent;
  });
  const max = Math.ceil(highest / 20) * 20;
  // The text width in pixels (96 per inch) and a row of ~36 px per bar, enough for a two-line label.
  const px = Math.floor((width / 1440) * 96);
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    keepNext: true,
    keepLines: true,
    spacing: { before: 120, after: 60 },
    children: [
      new ChartRun({
        type: 'bar',
        categories: bars.map((b) => b.label),
        series: [{ name: series, values: bars.map((b) => b.percent), color: '2F5597', pointLabels: bars.map((b) => ({ text: b.text })) }],
        gapWidth: 60,
        legend: false,
        font: { name: FONT, color: '000000' },
        chartArea: { fill: 'FFFFFF', border: 'none' },
        dataLabels: { value: true, position: 'outsideEnd', font: { size: 11 } },
        // The first field on top, as the lines above list them; the value axis along the bottom.
        categoryAxis: { reverseOrder: true, font: { size: 11 } },
        valueAxis: { minimum: 0, maximum: max, interval: 20, numberFormat: '0', crossesAt: 'maximum', font: { size: 10 } },
        transformation: { width: px, height: 40 + 36 * bars.length },
        altText: { name: caption, description: caption + ': ' + bars.map((b) => b.label + ' ' + b.text).join('; ') + '.' },
      }),
    ],
  });
}

function blockChildren(block: ReportBlock, section: ReportSection, next: ReportBlock | undefined): Array<Paragraph | Table> {
  const width = textWidth(section);
  switch (block.kind) {
    case 'columns': {
      const widths = headerColumnWidths(block, width);
      const pt = block.role === 'header' ? HEADER_PT : BODY_PT;
      const table = new Table({
        rows: block.rows.map((r) => new TableRow({ children: [cell(r.left, widths[0], pt, false), cell(r.right, widths[1], pt, false)], cantSplit: true })),
        width: { size: width, type: WidthType.DXA },
        columnWidths: widths,
        layout: TableLayoutType.FIXED,
        borders: NO_BORDERS,
      });
      return [table, new Paragraph({ children: [], spacing: { after: block.role === 'header' ? 120 : 240 } })];
    }
    case 'title': {
      // 12 pt under the title block, under its rule when it has one (the subject's).
      const last = block.lines.length - 1;
      return block.lines.reduce((all: Paragraph[], l, i) => all.concat(linesOf([l], BODY_PT, width, { keepNext: true, after: i === last && !l.rule ? 240 : 0 }, 240)), []);
    }
    case 'heading':
      return [paragraphOf(block.line, BODY_PT, { keepNext: true })];
    case 'paragraph':
      // The closing paragraph stays on the page of the signature block (never a signature alone on a page).
      return [paragraphOf(block.line, BODY_PT, { keepNext: !!next && next.kind === 'columns' })];
    case 'chart':
      return [chartParagraph(block.bars, block.series, lineText(block.line), width), paragraphOf(block.line, HEADER_PT, { after: 240 })];
    case 'table': {
      const total = block.widths.reduce((a, b) => a + b, 0);
      const widths = block.widths.map((w) => Math.floor((width * w) / total));
      const header = new TableRow({
        tableHeader: true,
        cantSplit: true,
        children: block.columns.map((c, i) => cell([{ runs: [{ text: c, bold: true }], align: 'center' }], widths[i], TABLE_PT, true)),
      });
      const rows = block.rows.map((r) => new TableRow({ cantSplit: true, children: r.map((l, i) => cell([l], widths[i], TABLE_PT, true)) }));
      return [
        new Table({
          rows: [header].concat(rows),
          width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
          columnWidths: widths,
          layout: TableLayoutType.FIXED,
          borders: GRID_BORDERS,
        }),
      ];
    }
  }
}

/** The page number, centred in the header, Arabic, in the body's type (Decree 30/2020: 13-14 pt). */
function pageNumberHeader(): Header {
  return new Header({
    children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: [PageNumber.CURRENT], font: FONT, size: BODY_PT * 2 })] })],
  });
}

/** The document model as a docx `Document` (exported for tests that want the object itself). */
export function reportDocxDocument(doc: ReportDocument): Document {
  return new Document({
    creator: 'CCHC',
    title: doc.fileName.replace(/\.docx$/, ''),
    styles: { default: { document: { run: { font: FONT, size: BODY_PT * 2 } } } },
    sections: doc.sections.map((section, index) => ({
      properties: {
        page: {
          size: { width: A4_WIDTH, height: A4_HEIGHT, orientation: section.orientation === 'landscape' ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT },
          margin: { ...MARGIN, header: HEADER_DISTANCE },
        },
        // No number on the first page: it has a header of its own, left empty (Decree 30/2020).
        titlePage: index === 0,
      },
      headers: index === 0 ? { default: pageNumberHeader(), first: new Header({ children: [new Paragraph({ children: [] })] }) } : { default: pageNumberHeader() },
      children: section.blocks.reduce((all: Array<Paragraph | Table>, block, i) => all.concat(blockChildren(block, section, section.blocks[i + 1])), []),
    })),
  });
}

/**
 * The .docx bytes. `Packer.pack(…, 'uint8array')` goes through JSZip's own output and needs no
 * Node Buffer or browser Blob, so the same call serves the command line and the pane.
 */
export async function reportDocxBytes(doc: ReportDocument): Promise<Uint8Array> {
  return Packer.pack(reportDocxDocument(doc), 'uint8array');
}
