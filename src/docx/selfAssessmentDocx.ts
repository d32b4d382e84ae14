import { AlignmentType, BorderStyle, Document, Packer, PageOrientation, Paragraph, Table, TableCell, TableLayoutType, TableRow, TextRun, VerticalAlign, WidthType } from 'docx';
import { ReportBlock, ReportDocument, ReportLine, ReportSection } from '../core/report';

/**
 * Renders the self-assessment report (plain data from src/core/report/selfAssessmentReport.ts) as a
 * Word document with the `docx` library, laid out the way Decree 30/2020 sets administrative
 * documents: A4, Times New Roman, 14 pt body and 13 pt header, the header and signature as
 * borderless two-column tables, the appendix landscape with a bordered table whose header row
 * repeats. Prompts (what the official must fill in) are italic and highlighted so none is missed.
 * Runs in Node (the command line) and in the browser (the pane loads it in its own chunk).
 */

const FONT = 'Times New Roman';
const BODY_PT = 14;
const HEADER_PT = 13;
const TABLE_PT = 13;

// A4 in twentieths of a point; margins 20 mm top/bottom/right, 30 mm left (Decree 30/2020).
const A4_WIDTH = 11906;
const A4_HEIGHT = 16838;
const MARGIN = { top: 1134, bottom: 1134, left: 1701, right: 1134 };

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
    spacing: { before: 0, after: options && options.after !== undefined ? options.after : 120, line: 288 },
    keepNext: options && options.keepNext,
  });
}

function cell(lines: ReportLine[], width: number, pt: number, borders: boolean): TableCell {
  return new TableCell({
    children: lines.length ? lines.map((l) => paragraphOf(l, pt, { after: 0, indent: false })) : [new Paragraph('')],
    width: { size: width, type: WidthType.DXA },
    verticalAlign: borders ? VerticalAlign.CENTER : VerticalAlign.TOP,
    margins: borders ? { top: 40, bottom: 40, left: 80, right: 80 } : undefined,
    borders: borders ? undefined : { top: NO_BORDER, bottom: NO_BORDER, left: NO_BORDER, right: NO_BORDER },
  });
}

function blockChildren(block: ReportBlock, section: ReportSection): Array<Paragraph | Table> {
  const width = textWidth(section);
  switch (block.kind) {
    case 'columns': {
      // Header: the issuing body over a third of the width, the national motto over the rest.
      const left = Math.round(width * (block.role === 'header' ? 0.4 : 0.5));
      const widths = [left, width - left];
      const pt = block.role === 'header' ? HEADER_PT : BODY_PT;
      const table = new Table({
        rows: block.rows.map((r) => new TableRow({ children: [cell(r.left, widths[0], pt, false), cell(r.right, widths[1], pt, false)], cantSplit: true })),
        width: { size: width, type: WidthType.DXA },
        columnWidths: widths,
        layout: TableLayoutType.FIXED,
        borders: NO_BORDERS,
      });
      return [table, new Paragraph({ children: [], spacing: { after: 240 } })];
    }
    case 'title':
      return block.lines.map((l, i) => paragraphOf(l, BODY_PT, { keepNext: true, after: i === block.lines.length - 1 ? 240 : 0 }));
    case 'heading':
      return [paragraphOf(block.line, BODY_PT, { keepNext: true })];
    case 'paragraph':
      return [paragraphOf(block.line, BODY_PT)];
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

/** The document model as a docx `Document` (exported for tests that want the object itself). */
export function reportDocxDocument(doc: ReportDocument): Document {
  return new Document({
    creator: 'CCHC',
    title: doc.fileName.replace(/\.docx$/, ''),
    styles: { default: { document: { run: { font: FONT, size: BODY_PT * 2 } } } },
    sections: doc.sections.map((section) => ({
      properties: {
        page: {
          size: { width: A4_WIDTH, height: A4_HEIGHT, orientation: section.orientation === 'landscape' ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT },
          margin: MARGIN,
        },
      },
      children: section.blocks.reduce((all: Array<Paragraph | Table>, block) => all.concat(blockChildren(block, section)), []),
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
