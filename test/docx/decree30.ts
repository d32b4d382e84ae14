import JSZip from 'jszip';
import { ReportBlock, ReportDocument, ReportLine, ReportRun } from '../../src/core/report/selfAssessmentReport';
import { boldTextWidth, headerColumnWidths } from '../../src/docx/selfAssessmentDocx';

/**
 * Helpers of the Decree 30/2020 layout tests: the Word package opened as Word reads it (parts,
 * paragraphs with their properties), and an estimate of how many pages the report needs, from the
 * report's own data and the type's metrics, that the LibreOffice rendering is compared with.
 */

export interface Package {
  zip: JSZip;
  document: string;
  part(name: string): Promise<string>;
}

export async function openPackage(bytes: Uint8Array): Promise<Package> {
  const zip = await JSZip.loadAsync(bytes);
  const part = async (name: string): Promise<string> => {
    const f = zip.file(name);
    if (!f) throw new Error('no ' + name);
    return f.async('string');
  };
  return { zip, document: await part('word/document.xml'), part };
}

/** XML text as written: the five entities back to their characters. */
export function decode(xml: string): string {
  return xml
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}

export interface XmlParagraph {
  xml: string;
  text: string;
  /** Properties of the paragraph (w:pPr) and of its runs. */
  pPr: string;
  runs: Array<{ rPr: string; text: string }>;
}

export function xmlParagraphs(xml: string): XmlParagraph[] {
  return (xml.match(/<w:p\b(?:(?!<w:p\b)[\s\S])*?<\/w:p>|<w:p\/>/g) || []).map((p) => {
    const pPr = (/<w:pPr>[\s\S]*?<\/w:pPr>/.exec(p) || [''])[0];
    const runs = (p.match(/<w:r>[\s\S]*?<\/w:r>/g) || []).map((r) => ({
      rPr: (/<w:rPr>[\s\S]*?<\/w:rPr>/.exec(r) || [''])[0],
      text: decode((r.match(/<w:t(?: [^>]*)?>[^<]*<\/w:t>/g) || []).map((t) => t.replace(/<[^>]+>/g, '')).join('')),
    }));
    return { xml: p, text: runs.map((r) => r.text).join(''), pPr, runs };
  });
}

export function tables(xml: string): string[] {
  return xml.match(/<w:tbl>[\s\S]*?<\/w:tbl>/g) || [];
}

export function cells(tableXml: string): string[] {
  return tableXml.match(/<w:tc>[\s\S]*?<\/w:tc>/g) || [];
}

export function attr(xml: string, element: string, name: string): string | null {
  const m = new RegExp('<' + element + '\\b[^>]*\\b' + name + '="([^"]*)"').exec(xml);
  return m ? m[1] : null;
}

/** Size in points of a run (w:sz is in half points). */
export function runPt(rPr: string): number | null {
  const v = attr(rPr, 'w:sz', 'w:val');
  return v === null ? null : Number(v) / 2;
}

// ---------------------------------------------------------------------------------------------
// How many pages the report needs.
//
// The page: A4 portrait 16838 twips high, 20 mm (1134 twips) top and bottom margins, so 14570
// twips of text; landscape 11906 - 2268 = 9638. Lines are set at 1.2 × single spacing (w:line
// 288, w:lineRule auto), and a single line of Times New Roman (and of Liberation Serif, with the
// same metrics) is its ascent, descent and line gap, 1825 + 443 + 87 = 2355 units of 2048, 1.15 em
// (13.8 pt at 12 pt, as Word's "Single" is known to be). A paragraph breaks between
// lines (no widow control is set, so neither renderer holds lines back), except where "keep with
// next" glues it to what follows: headings, the chart to its caption, the closing sentence to the
// signature block; table rows never split.

const PORTRAIT_TEXT_HEIGHT = 16838 - 2 * 1134;
const LANDSCAPE_TEXT_HEIGHT = 11906 - 2 * 1134;
const PORTRAIT_TEXT_WIDTH = 11906 - 1701 - 1134;
const LANDSCAPE_TEXT_WIDTH = 16838 - 1701 - 1134;

export function lineHeight(pt: number): number {
  return pt * 20 * (2355 / 2048) * 1.2;
}

/** Times Roman advance widths (Adobe's Times-Roman metrics; italic set close enough to them). */
// prettier-ignore
const REGULAR: { [ch: string]: number } = {
  ' ': 250, '-': 333, '.': 250, ',': 250, ':': 278, ';': 278, '/': 278, '(': 333, ')': 333, '[': 333, ']': 333, '%': 833, '…': 1000,
  A: 722, B: 667, C: 667, D: 722, E: 611, F: 556, G: 722, H: 722, I: 333, J: 389, K: 722, L: 611, M: 889,
  N: 722, O: 722, P: 556, Q: 722, R: 667, S: 556, T: 611, U: 722, V: 722, W: 944, X: 722, Y: 722, Z: 611,
  a: 444, b: 500, c: 444, d: 500, e: 444, f: 333, g: 500, h: 500, i: 278, j: 278, k: 500, l: 278, m: 778,
  n: 500, o: 500, p: 500, q: 500, r: 333, s: 389, t: 278, u: 500, v: 500, w: 722, x: 500, y: 500, z: 444,
};

function regularWidth(text: string, pt: number): number {
  const base = text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D');
  let em = 0;
  for (const ch of base) em += REGULAR[ch] !== undefined ? REGULAR[ch] : /[0-9]/.test(ch) ? 500 : 556;
  return (em * pt * 20) / 1000;
}

function width(text: string, pt: number, bold: boolean): number {
  return bold ? boldTextWidth(text, pt) : regularWidth(text, pt);
}

/** Lines a paragraph takes: words laid greedily, the first line shortened by its indent. */
export function lineCount(runs: ReportRun[], pt: number, available: number, firstIndent: number): number {
  const words: Array<{ w: number; space: number }> = [];
  for (const r of runs) {
    const bold = !!r.bold;
    const parts = r.text.split(' ');
    parts.forEach((part, i) => {
      const w = width(part, pt, bold);
      if (i === 0 && words.length && !/^\s/.test(r.text)) words[words.length - 1].w += w;
      else words.push({ w, space: width(' ', pt, bold) });
    });
  }
  let lines = 1;
  let x = firstIndent;
  let first = true;
  for (const word of words) {
    const needed = (first ? 0 : word.space) + word.w;
    if (!first && x + needed > available) {
      lines++;
      x = word.w;
    } else x += needed;
    first = false;
  }
  return lines;
}

function linesHeight(lines: ReportLine[], pt: number, available: number, ruleAfter: number): number {
  let h = 0;
  for (const l of lines) {
    const size = l.size || pt;
    h += lineCount(l.runs, size, available, 0) * lineHeight(size);
    if (l.rule) h += 60 + ruleAfter;
  }
  return h;
}

/** A piece that cannot be split, its height, and whether it must stay on the page of the next piece. */
interface Piece {
  height: number;
  after: number;
  keepNext: boolean;
  what: string;
}

function pieces(block: ReportBlock, next: ReportBlock | undefined, textWidth: number): Piece[] {
  const label = (l: ReportLine) => l.runs.map((r) => r.text).join('');
  const paragraphLines = (l: ReportLine, pt: number, after: number, keepNext: boolean, indent: boolean): Piece[] => {
    const n = lineCount(l.runs, l.size || pt, textWidth, indent ? 567 : 0);
    const out: Piece[] = [];
    for (let i = 0; i < n; i++) out.push({ height: lineHeight(l.size || pt), after: i === n - 1 ? after : 0, keepNext, what: label(l) });
    return out;
  };
  switch (block.kind) {
    case 'columns': {
      const widths = headerColumnWidths(block, textWidth);
      const pt = block.role === 'header' ? 13 : 14;
      const rows = block.rows.map((r) => ({
        height: Math.max(linesHeight(r.left, pt, widths[0] - 114, 120), linesHeight(r.right, pt, widths[1] - 114, 120)),
        after: 0,
        keepNext: false,
        what: block.role + ' ' + label(r.left[0] || r.right[0]),
      }));
      // The empty paragraph after the table.
      return rows.concat([{ height: lineHeight(14), after: block.role === 'header' ? 120 : 240, keepNext: false, what: block.role + ' end' }]);
    }
    case 'title':
      return block.lines.reduce(
        (all: Piece[], l, i) =>
          all.concat(paragraphLines(l, 14, i === block.lines.length - 1 && !l.rule ? 240 : 0, true, false)).concat(l.rule ? [{ height: 60, after: 240, keepNext: true, what: 'rule' }] : []),
        [],
      );
    case 'heading':
      return paragraphLines(block.line, 14, 120, true, !!block.line.indent);
    case 'paragraph':
      return paragraphLines(block.line, 14, 120, !!next && next.kind === 'columns', !!block.line.indent);
    case 'chart': {
      // The chart's own height (36 px a bar and 40 px, at 15 twips a pixel), its paragraph's 6 + 3 pt, and the caption.
      const chart = (40 + 36 * block.bars.length) * 15 + 120 + 60;
      return [{ height: chart, after: 0, keepNext: true, what: 'chart' }, ...paragraphLines(block.line, 13, 240, false, false)];
    }
    case 'table': {
      const total = block.widths.reduce((a, b) => a + b, 0);
      const cellWidths = block.widths.map((w) => Math.floor((textWidth * w) / total) - 160);
      const rowHeight = (lines: ReportLine[], bold: boolean) =>
        80 + Math.max(...lines.map((l, i) => lineCount(bold ? l.runs.map((r) => ({ ...r, bold: true })) : l.runs, 13, cellWidths[i], 0))) * lineHeight(13);
      const header = rowHeight(
        block.columns.map((c) => ({ runs: [{ text: c }] })),
        true,
      );
      return [{ height: header, after: 0, keepNext: true, what: 'table header' }].concat(block.rows.map((r) => ({ height: rowHeight(r, false), after: 0, keepNext: false, what: 'row' })));
    }
  }
}

export interface PageEstimate {
  /** Pages of each section. */
  pages: number[];
  /** What each page starts with, in order, for every page of the document. */
  firstOnPage: string[];
}

/**
 * Lays the report's pieces on pages: a piece goes on the current page if it fits (its spacing
 * after may fall off the page's foot), else on the next; a run of pieces kept together moves as one.
 */
export function estimatePages(doc: ReportDocument): PageEstimate {
  const pages: number[] = [];
  const firstOnPage: string[] = [];
  for (const section of doc.sections) {
    const landscape = section.orientation === 'landscape';
    const height = landscape ? LANDSCAPE_TEXT_HEIGHT : PORTRAIT_TEXT_HEIGHT;
    const textWidth = landscape ? LANDSCAPE_TEXT_WIDTH : PORTRAIT_TEXT_WIDTH;
    const all: Piece[] = [];
    section.blocks.forEach((b, i) => all.push(...pieces(b, section.blocks[i + 1], textWidth)));
    let count = 1;
    let y = 0;
    firstOnPage.push(all[0].what);
    for (let i = 0; i < all.length;) {
      // The group: this piece and every piece it is kept with.
      let j = i;
      let group = all[i].height;
      while (all[j].keepNext && j + 1 < all.length) {
        group += all[j].after + all[j + 1].height;
        j++;
      }
      if (y > 0 && y + group > height) {
        count++;
        y = 0;
        firstOnPage.push(all[i].what);
      }
      for (let k = i; k <= j; k++) y += all[k].height + all[k].after;
      i = j + 1;
    }
    pages.push(count);
  }
  return { pages, firstOnPage };
}
