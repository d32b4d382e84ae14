import { a1 } from '../../core/address';
import { attributesOf, isSelfClosing, TOKEN_RX, xmlDecode, xmlEscape } from './xmlText';

/**
 * The cell notes of the annotated copy: what each highlighted cell says is wrong, as legacy notes (a
 * comments part and its VML drawing, the form every Excel since 97 and LibreOffice read). The tool
 * owns the two parts it adds; it recognises them on a later run by their only author, NOTE_AUTHOR,
 * and rewrites them whole. A sheet that already has notes of someone else, or another legacy drawing
 * (form controls), keeps them untouched and gets no notes from the tool (see patchPackage.ts).
 */

/** The author of every note the tool writes: how its own comments part is told from a user's. */
export const NOTE_AUTHOR = 'CCHC';

export const COMMENTS_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml';
export const VML_TYPE = 'application/vnd.openxmlformats-officedocument.vmlDrawing';

export interface CellNote {
  row: number;
  col: number;
  text: string;
}

/** The comments part: one author, one comment per note, the text as typed (line breaks kept). */
export function commentsXml(notes: CellNote[], mainNamespace: string): string {
  let list = '';
  for (const n of notes) {
    list += '<comment ref="' + a1(n.row, n.col) + '" authorId="0"><text><r><rPr><sz val="9"/><rFont val="Tahoma"/></rPr><t xml:space="preserve">' + xmlEscape(n.text) + '</t></r></text></comment>';
  }
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<comments xmlns="' +
    mainNamespace +
    '"><authors><author>' +
    NOTE_AUTHOR +
    '</author></authors><commentList>' +
    list +
    '</commentList></comments>'
  );
}

/**
 * The VML drawing that shows the notes (hidden until the pointer rests on the cell, as Excel's own).
 * `block` is the drawing's shape id block (o:idmap): shape ids are block × 1024 + 1, + 2…
 */
export function vmlXml(notes: CellNote[], block: number): string {
  let shapes = '';
  for (let i = 0; i < notes.length; i++) {
    const n = notes[i];
    const lines = n.text.split('\n').length;
    const height = Math.min(12, 2 + Math.ceil(n.text.length / 40) + lines);
    shapes +=
      '<v:shape id="_x0000_s' +
      (block * 1024 + i + 1) +
      '" type="#_x0000_t202" style="position:absolute;margin-left:80pt;margin-top:2pt;width:216pt;height:' +
      height * 12 +
      'pt;z-index:' +
      (i + 1) +
      ';visibility:hidden" fillcolor="#ffffe1" o:insetmode="auto">' +
      '<v:fill color2="#ffffe1"/><v:shadow on="t" color="black" obscured="t"/><v:path o:connecttype="none"/>' +
      '<v:textbox style="mso-direction-alt:auto"><div style="text-align:left"></div></v:textbox>' +
      '<x:ClientData ObjectType="Note"><x:MoveWithCells/><x:SizeWithCells/><x:Anchor>' +
      [n.col + 1, 15, Math.max(0, n.row - 1), 10, n.col + 4, 15, Math.max(0, n.row - 1) + height, 4].join(', ') +
      '</x:Anchor><x:AutoFill>False</x:AutoFill><x:Row>' +
      n.row +
      '</x:Row><x:Column>' +
      n.col +
      '</x:Column></x:ClientData></v:shape>';
  }
  return (
    '<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel">' +
    '<o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="' +
    block +
    '"/></o:shapelayout>' +
    '<v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe"><v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype>' +
    shapes +
    '</xml>'
  );
}

/** Whether a comments part is the tool's own: every author is NOTE_AUTHOR (an empty list too). */
export function isOwnComments(xml: string): boolean {
  let authors = 0;
  let own = true;
  const rx = /<(?:[\w.-]+:)?author\b[^>]*?(\/)?>([\s\S]*?)(?:<\/(?:[\w.-]+:)?author>)?(?=<|$)/g;
  for (let m = rx.exec(xml); m; m = rx.exec(xml)) {
    if (/^<(?:[\w.-]+:)?authors\b/.test(m[0])) continue;
    authors++;
    if (m[1] || xmlDecode(m[2]) !== NOTE_AUTHOR) own = false;
  }
  return own && authors <= 1;
}

/** CT_Worksheet's elements after legacyDrawing: a new <legacyDrawing> goes before the first of them. */
const AFTER_LEGACY_DRAWING = ['legacyDrawingHF', 'drawingHF', 'picture', 'oleObjects', 'controls', 'webPublishItems', 'tableParts', 'extLst'];

export interface TopElement {
  local: string;
  prefix: string;
  start: number;
  /** Where the element ends (after its closing tag, or its own tag when empty). */
  end: number;
  attributes: Record<string, string>;
}

/** The root's child elements, in order (one level deep only). */
export function topElements(xml: string): { children: TopElement[]; rootPrefix: string; rootOpenEnd: number; rootClose: number } {
  TOKEN_RX.lastIndex = 0;
  let depth = -1;
  let rootPrefix = '';
  let rootOpenEnd = -1;
  let rootClose = -1;
  const children: TopElement[] = [];
  let current: TopElement | null = null;
  for (let m = TOKEN_RX.exec(xml); m; m = TOKEN_RX.exec(xml)) {
    if (m[3] === undefined) continue;
    if (m[1] === '/') {
      depth--;
      if (depth === 0 && current) {
        current.end = TOKEN_RX.lastIndex;
        current = null;
      }
      if (depth === -1) {
        rootClose = m.index;
        break;
      }
      continue;
    }
    const empty = isSelfClosing(m[4]);
    if (depth === -1) {
      rootPrefix = m[2] || '';
      rootOpenEnd = TOKEN_RX.lastIndex;
      depth = 0;
      continue;
    }
    if (depth === 0) {
      const el: TopElement = { local: m[3], prefix: m[2] || '', start: m.index, end: TOKEN_RX.lastIndex, attributes: attributesOf(m[4]) };
      children.push(el);
      if (!empty) current = el;
    }
    if (!empty) depth++;
  }
  return { children, rootPrefix, rootOpenEnd, rootClose };
}

/** Where a new <legacyDrawing> goes in a worksheet part: before the first element that must follow it. */
export function legacyDrawingPlace(xml: string): number {
  const top = topElements(xml);
  for (const el of top.children) if (AFTER_LEGACY_DRAWING.indexOf(el.local) >= 0) return el.start;
  return top.rootClose;
}
