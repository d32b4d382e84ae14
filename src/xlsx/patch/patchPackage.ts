import JSZip from 'jszip';
import { CellWrite, SheetChart, SummarySheet, WritePlan } from '../../core/plan';
import { openPackage } from '../read/readGrid';
import { xlsBytesToXlsx } from '../legacyXls';
import { MAIN, RELATIONSHIPS } from '../package/namespaces';
import { decodePart, relsNameOf, resolveTarget, XlsxPackage } from '../package/xlsxPackage';
import { isLegacyContainer, ZipLimits } from '../zipGuard';
import { CellEdit, patchSheetXml } from './sheetPatch';

export { RefusedWrite } from './sheetPatch';
import { MINIMAL_STYLES_XML, StylesEditor } from './stylesPatch';
import { printTitlesName, summarySheetXml } from './summaryPart';
import { CHART_CONTENT_TYPE, CHART_REL_TYPE, chartXml, DRAWING_CONTENT_TYPE, DRAWING_REL_TYPE, drawingXml, isToolDrawing, singleRelationshipXml } from './chartPart';
import { CellNote, COMMENTS_TYPE, commentsXml, isOwnComments, legacyDrawingPlace, topElements, VML_TYPE, vmlXml } from './notesPart';
import { hasOwnRules, liveCells, LIVE_KINDS, patchSheetRules, SheetRulesInput, TIER_NAME_RX, tierNamesXml, tierSheetXml, userValidationRanges } from './rulesPart';
import { SheetRules, SheetRuleSpec, TIER_SHEET_NAME } from '../../core/plan';
import { CellRange } from '../../core/grid';
import { applySplices, attributesOf, encodePart, isSelfClosing, prefixesOf, setAttribute, Splice, TOKEN_RX, xmlDecode, xmlEscape } from './xmlText';

/**
 * The annotated copy, written by patching the official's own package: only the cells the plan owns
 * change in each sheet part, the summary sheet is added (or its earlier copy replaced in place), and
 * styles.xml only grows. Every other part — charts, drawings, comments, tables, pivot caches, images,
 * defined names, VBA, custom XML, document properties, shared strings — is copied as it was: jszip
 * hands on an untouched entry's compressed bytes without inflating them, and the zip keeps its order.
 *
 * Parts this writer may change: the worksheet parts the plan writes, the summary's part (with its chart's
 * drawing and chart parts and their relationships, see summaryChart), styles.xml,
 * workbook.xml (only to add the summary's <sheet> and its print titles), its rels, [Content_Types].xml,
 * and calcChain.xml (dropped, see below). With `rules` (rulesPart.ts), also the scoring sheets'
 * <conditionalFormatting> and <dataValidations> (only the tool's own entries), styles.xml's dxfs, the
 * hidden sheet of levels and its CCHC_MUC_n names in workbook.xml. Each is patched on its original
 * text, in its own namespace prefixes.
 *
 * Strict Open XML packages are patched the same way: the patcher never renames a namespace, takes the
 * worksheet relationship type from the package's own, and writes the summary in the workbook's main
 * namespace; nothing needs the normalised package. (Only the summary's chart is left out of a Strict
 * copy: see summaryChart.) An Excel 97-2003 .xls is converted to .xlsx first
 * (the same converter the readers use) and that package is patched.
 */

export interface PatchOptions {
  /** For error messages (WorkbookInputError names the file). */
  fileName?: string;
  limits?: Partial<ZipLimits>;
  /**
   * Make a macro-enabled package (.xlsm, .xltm) a plain one, for a copy that must be named .xlsx:
   * its VBA project (and signature) parts and their relationship go, the workbook's content type
   * becomes the plain one. Off by default: the copy then keeps its macros byte for byte and must be
   * named as `extension` says.
   */
  dropMacros?: boolean;
  /**
   * The rules that make the scoring sheets check themselves as the official types (rulesPart.ts): data
   * validations, formula highlights, the hidden sheet of levels and its names. Without it the copy's
   * validations, conditional formats and names are left exactly as they are (an earlier run's too).
   */
  rules?: SheetRulesInput;
}

const STRICT_MAIN = 'http://purl.oclc.org/ooxml/spreadsheetml/main';
const STRICT_RELATIONSHIPS = 'http://purl.oclc.org/ooxml/officeDocument/relationships';
const WORKSHEET_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml';
const STYLES_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml';

interface Rel {
  id: string;
  type: string;
  target: string;
  external: boolean;
  start: number;
  end: number;
}

interface RelsPart {
  name: string;
  text: string;
  utf16: boolean;
  prefix: string;
  rels: Rel[];
  closeStart: number;
}

function kindOf(type: string): string {
  return type.slice(type.lastIndexOf('/') + 1);
}

function folderOf(part: string): string {
  return part.slice(0, part.lastIndexOf('/') + 1);
}

/** The root element's local name, prefix and end of its opening tag; and a closing tag's start. */
function rootOf(xml: string): { local: string; prefix: string; openEnd: number } {
  TOKEN_RX.lastIndex = 0;
  for (let m = TOKEN_RX.exec(xml); m; m = TOKEN_RX.exec(xml)) {
    if (m[3] !== undefined && m[1] === '') return { local: m[3], prefix: m[2] || '', openEnd: TOKEN_RX.lastIndex };
  }
  throw new Error('empty XML part');
}

/** Where an element that opened at `openEnd` ends: there for <x/>, after its closing tag otherwise. */
function elementEnd(xml: string, attrText: string, openEnd: number): number {
  if (isSelfClosing(attrText)) return openEnd;
  const close = xml.indexOf('</', openEnd);
  const end = close < 0 ? -1 : xml.indexOf('>', close);
  return end < 0 ? openEnd : end + 1;
}

function lastClosingTag(xml: string, prefixedName: string): number {
  const i = xml.lastIndexOf('</' + prefixedName);
  if (i < 0) throw new Error('no </' + prefixedName + '>');
  return i;
}

function parseRels(name: string, text: string, utf16: boolean): RelsPart {
  const root = rootOf(text);
  const rels: Rel[] = [];
  TOKEN_RX.lastIndex = root.openEnd;
  for (let m = TOKEN_RX.exec(text); m; m = TOKEN_RX.exec(text)) {
    if (m[3] !== 'Relationship' || m[1] === '/') continue;
    const a = attributesOf(m[4]);
    if (a.Id === undefined || a.Target === undefined) continue;
    const end = elementEnd(text, m[4], TOKEN_RX.lastIndex);
    rels.push({ id: a.Id, type: a.Type || '', target: xmlDecode(a.Target), external: a.TargetMode === 'External', start: m.index, end });
    TOKEN_RX.lastIndex = end;
  }
  const closeStart = isSelfClosing(text.slice(0, root.openEnd - 1)) ? -1 : lastClosingTag(text, root.prefix + root.local);
  return { name, text, utf16, prefix: root.prefix, rels, closeStart };
}

/** The zip as it stays: entries by name, changed parts recorded, removals, additions at the end. */
class PackageWriter {
  private readonly keyByName: Record<string, string> = Object.create(null);
  private readonly keyByLowerName: Record<string, string> = Object.create(null);
  readonly changed: Record<string, Uint8Array> = Object.create(null);
  readonly removed: Record<string, boolean> = Object.create(null);

  constructor(
    readonly zip: JSZip,
    private readonly pkg: XlsxPackage,
  ) {
    for (const key of Object.keys(zip.files)) {
      if (zip.files[key].dir) continue;
      const name = key.charAt(0) === '/' ? key.slice(1) : key;
      this.keyByName[name] = key;
      if (!(name.toLowerCase() in this.keyByLowerName)) this.keyByLowerName[name.toLowerCase()] = name;
    }
  }

  /** The part's name as stored (part names are case-insensitive in a package), or null. */
  find(name: string): string | null {
    if (name in this.keyByName) return name;
    const lower = name.toLowerCase();
    return lower in this.keyByLowerName ? this.keyByLowerName[lower] : null;
  }

  taken(name: string): boolean {
    return this.find(name) !== null;
  }

  /** Inflated through the package's counted reader (zip guard limits apply). */
  async read(name: string): Promise<{ text: string; utf16: boolean }> {
    return decodePart(await this.pkg.bytes(name));
  }

  put(name: string, text: string, utf16 = false): void {
    this.changed[name] = encodePart(text, utf16);
  }

  remove(name: string): void {
    this.removed[name] = true;
  }

  async bytes(): Promise<Uint8Array> {
    const zip = this.zip;
    const anyDate =
      (Object.keys(zip.files)
        .map((k) => zip.files[k].date)
        .filter(Boolean)[0] as Date | undefined) || new Date(0);
    for (const name of Object.keys(this.removed)) zip.remove(this.keyByName[name]);
    for (const name of Object.keys(this.changed)) {
      const key = name in this.keyByName ? this.keyByName[name] : name;
      const old = zip.files[key];
      // Same key: jszip keeps the entry where it was in the zip; no folder entries are invented.
      zip.file(key, this.changed[name], {
        binary: true,
        createFolders: false,
        date: old ? old.date : anyDate,
        unixPermissions: old ? old.unixPermissions : undefined,
        dosPermissions: old ? old.dosPermissions : undefined,
      });
    }
    const type = typeof Buffer === 'undefined' ? 'uint8array' : 'nodebuffer';
    return (await zip.generateAsync({ type, compression: 'DEFLATE', compressionOptions: { level: 6 } })) as Uint8Array;
  }
}

function sameSheetName(a: string, b: string): boolean {
  // Excel compares sheet names without regard to case ("TỔNG HỢP ĐIỂM" is "Tổng hợp điểm").
  return a.toLowerCase() === b.toLowerCase();
}

function argb(color: string): string {
  const hex = color.replace(/^#/, '').toUpperCase();
  return hex.length === 8 ? hex : 'FF' + hex;
}

interface SheetEntry {
  name: string;
  sheetId: number;
  rId: string | undefined;
  /** Its <sheet> tag in workbook.xml. */
  start: number;
  end: number;
  tag: string;
}

/** The file name extension a package's kind needs: Excel refuses a macro-enabled package named .xlsx. */
export type CopyExtension = 'xlsx' | 'xlsm' | 'xltx' | 'xltm';

export interface PatchedWorkbook {
  /** A Node Buffer under Node, a Uint8Array in a browser. */
  bytes: Uint8Array;
  /**
   * What the copy must be named: the kind of the original package, kept (its VBA project and main
   * content type are copied as they were). An .xls input gives 'xlsx'.
   */
  extension: CopyExtension;
  /** dropMacros found a VBA project and left it out of the copy (the caller says so to the user). */
  macrosDropped: boolean;
  /**
   * Sheets whose highlighted cells got no note: the sheet already has notes of its own (a comments part
   * someone else wrote) or another legacy drawing, which the tool leaves exactly as they are.
   */
  notesSkipped: string[];
}

/** A macro-enabled workbook's content type → the plain one (dropMacros). */
const PLAIN_MAIN_TYPE: Record<string, string> = {
  'application/vnd.ms-excel.sheet.macroEnabled.main+xml': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml',
  'application/vnd.ms-excel.template.macroEnabled.main+xml': 'application/vnd.openxmlformats-officedocument.spreadsheetml.template.main+xml',
};

const EXTENSION_BY_MAIN_TYPE: Record<string, CopyExtension> = {
  'application/vnd.ms-excel.sheet.macroEnabled.main+xml': 'xlsm',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.template.main+xml': 'xltx',
  'application/vnd.ms-excel.template.macroEnabled.main+xml': 'xltm',
};

/**
 * The official's workbook (bytes as read: .xlsx, .xlsm, or .xls) with the plan applied: a Node Buffer
 * under Node, a Uint8Array in a browser — the same contract as workbookToXlsxBuffer.
 * Errors: WorkbookInputError for a package the readers refuse too; RefusedWrite (sheetPatch.ts) for a
 * write into a merged range or an array formula; Error for a plan naming a sheet the workbook lacks.
 */
export async function patchWorkbookBytes(original: Uint8Array, plan: WritePlan, options: PatchOptions = {}): Promise<Uint8Array> {
  return (await patchWorkbook(original, plan, options)).bytes;
}

/** As patchWorkbookBytes, with the extension the copy must have (an .xlsm stays an .xlsm). */
export async function patchWorkbook(original: Uint8Array, plan: WritePlan, options: PatchOptions = {}): Promise<PatchedWorkbook> {
  const fileName = options.fileName || 'workbook.xlsx';
  const bytes = isLegacyContainer(original) ? await xlsBytesToXlsx(original, fileName) : original;
  // The zip guard and counted inflation of the readers: every part this writer reads goes through it.
  const pkg = await openPackage(bytes, fileName, options.limits);
  const out = new PackageWriter(await JSZip.loadAsync(bytes), pkg);

  // --- The workbook part, through the package's root relationships (xl/workbook.xml by default).
  let workbookPart = 'xl/workbook.xml';
  const rootRels = out.find('_rels/.rels');
  if (rootRels) {
    const r = await out.read(rootRels);
    const doc = parseRels(rootRels, r.text, r.utf16).rels.filter((x) => !x.external && kindOf(x.type) === 'officeDocument')[0];
    if (doc) workbookPart = resolveTarget('', doc.target);
  }
  const wbName = out.find(workbookPart);
  if (!wbName) throw new Error('the package has no workbook part');
  const wbFolder = folderOf(wbName);
  const wbRelsName = out.find(relsNameOf(wbName));
  if (!wbRelsName) throw new Error('the workbook part has no relationships');
  const wb = await out.read(wbName);
  const wbRelsRead = await out.read(wbRelsName);
  const wbRels = parseRels(wbRelsName, wbRelsRead.text, wbRelsRead.utf16);
  const relById: Record<string, Rel> = Object.create(null);
  for (const r of wbRels.rels) relById[r.id] = r;
  const partOfRel = (rel: Rel | undefined): string | null => (rel && !rel.external ? out.find(resolveTarget(wbFolder, rel.target)) : null);

  // --- Sheets as workbook.xml lists them, and where the summary's <sheet> would go.
  const wbRoot = rootOf(wb.text);
  const namespaces = prefixesOf(wb.text);
  const mainNamespace = wbRoot.prefix ? findUri(namespaces, wbRoot.prefix.slice(0, -1)) || MAIN : findUri(namespaces, '') || MAIN;
  const relNamespace = RELATIONSHIPS in namespaces ? RELATIONSHIPS : STRICT_RELATIONSHIPS in namespaces ? STRICT_RELATIONSHIPS : mainNamespace === STRICT_MAIN ? STRICT_RELATIONSHIPS : RELATIONSHIPS;
  const relPrefix = relNamespace in namespaces ? namespaces[relNamespace] : null;
  const sheets: SheetEntry[] = [];
  let sheetsClose = -1;
  TOKEN_RX.lastIndex = wbRoot.openEnd;
  for (let m = TOKEN_RX.exec(wb.text); m; m = TOKEN_RX.exec(wb.text)) {
    if ((m[2] || '') !== wbRoot.prefix) continue;
    if (m[3] === 'sheet' && m[1] === '') {
      const a = attributesOf(m[4]);
      sheets.push({
        name: a.name !== undefined ? xmlDecode(a.name) : '',
        sheetId: parseInt(a.sheetId, 10),
        rId: relPrefix !== null ? a[(relPrefix ? relPrefix + ':' : '') + 'id'] : undefined,
        start: m.index,
        end: TOKEN_RX.lastIndex,
        tag: m[0],
      });
    } else if (m[3] === 'sheets' && m[1] === '/') {
      sheetsClose = m.index;
      break;
    }
  }
  const sheetNamed = (name: string) => sheets.filter((s) => s.name === name)[0];

  // --- Styles: the workbook's own part, or a new minimal one when it has none.
  const stylesRel = wbRels.rels.filter((r) => kindOf(r.type) === 'styles')[0];
  let stylesName = partOfRel(stylesRel);
  let stylesUtf16 = false;
  let styles: StylesEditor;
  let stylesIsNew = false;
  if (stylesName) {
    const s = await out.read(stylesName);
    stylesUtf16 = s.utf16;
    styles = new StylesEditor(s.text);
  } else {
    styles = new StylesEditor(mainNamespace === MAIN ? MINIMAL_STYLES_XML : MINIMAL_STYLES_XML.replace(MAIN, mainNamespace));
    stylesIsNew = true;
  }

  const summaryEntry = sheets.filter((s) => sameSheetName(s.name, plan.summary.name))[0];
  const worksheetPart = (entry: SheetEntry | undefined): string | null => {
    const rel = entry && entry.rId !== undefined ? relById[entry.rId] : undefined;
    const part = partOfRel(rel);
    return part && rel && kindOf(rel.type) === 'worksheet' ? part : null;
  };

  // --- The rules (issue 13, item 4): made once the user's own validations are read, so none goes over them.
  const tierEntry = options.rules ? sheets.filter((s) => sameSheetName(s.name, TIER_SHEET_NAME))[0] : undefined;
  // A scoring sheet's part is read once: for its validations here, then patched below.
  const partTexts: Record<string, { text: string; utf16: boolean }> = Object.create(null);
  const readPart = async (part: string) => partTexts[part] || (partTexts[part] = await out.read(part));
  const rules = options.rules ? await sheetRulesOf(options.rules, (name) => worksheetPart(sheetNamed(name)), readPart) : null;
  const specBySheet: Record<string, SheetRuleSpec> = Object.create(null);
  if (rules) for (const spec of rules.sheets) if (spec.validations.length || spec.rules.length) specBySheet[spec.sheet] = spec;
  const live = rules ? liveCells(rules) : null;
  const flagKinds: Record<string, string[]> = Object.create(null);
  if (options.rules) for (const f of options.rules.flags) (flagKinds[f.sheet + '!' + f.cell] || (flagKinds[f.sheet + '!' + f.cell] = [])).push(f.kind);
  /** A highlight the rules show live: every flag on its cell one its rule sees (rulesPart.ts LIVE_KINDS). */
  const shownLive = (h: WritePlan['highlights'][number]): boolean => {
    const kind = live ? live[h.sheet + '!' + h.row + ',' + h.col] : undefined;
    const kinds = flagKinds[h.sheet + '!' + h.address];
    return !!kind && !!kinds && kinds.every((k) => LIVE_KINDS[kind].indexOf(k) >= 0);
  };

  // --- The plan's cells, by sheet.
  const editsBySheet: Record<string, CellEdit[]> = Object.create(null);
  const editsOf = (sheet: string) => editsBySheet[sheet] || (editsBySheet[sheet] = []);
  for (const w of plan.writes) editsOf(w.sheet).push({ row: w.row, col: w.col, address: w.address, write: w });
  for (const h of plan.highlights) editsOf(h.sheet).push(shownLive(h) ? { row: h.row, col: h.col, address: h.address } : { row: h.row, col: h.col, address: h.address, fill: argb(h.color) });
  let formulasChanged = false;
  const notesSkipped: string[] = [];
  const typesAdditions: string[] = [];
  const typesRemovals: string[] = [];
  const relStem = (() => {
    const sample = wbRels.rels.filter((r) => kindOf(r.type) === 'worksheet')[0];
    return sample ? sample.type.slice(0, sample.type.lastIndexOf('/') + 1) : (relNamespace === STRICT_RELATIONSHIPS ? STRICT_RELATIONSHIPS : RELATIONSHIPS) + '/';
  })();
  // The sheets to patch: those the plan writes, those with rules, and, on a copy the tool wrote rules
  // into before (its sheet of levels is there), every worksheet, so rules a new reading no longer
  // gives are dropped.
  const toPatch: string[] = Object.keys(editsBySheet);
  for (const name of Object.keys(specBySheet)) if (toPatch.indexOf(name) < 0) toPatch.push(name);
  if (rules && tierEntry) for (const s of sheets) if (s !== summaryEntry && s !== tierEntry && toPatch.indexOf(s.name) < 0 && worksheetPart(s)) toPatch.push(s.name);
  const patchedSheets: Record<string, boolean> = Object.create(null);
  for (const sheetName of toPatch) {
    const entry = sheetNamed(sheetName);
    if (!entry) throw new Error('The write plan names a sheet the workbook does not have: "' + sheetName + '"');
    if (entry === summaryEntry || (tierEntry && entry === tierEntry)) continue; // replaced whole below, as the ExcelJS writer did
    const edits = editsBySheet[sheetName] || [];
    const part = worksheetPart(entry);
    if (!part) throw new Error('The write plan names "' + sheetName + '", which is not a worksheet the package holds');
    const sheet = await readPart(part);
    delete partTexts[part];
    // A sheet read only to look for the tool's earlier rules, with none: left to the notes' clean-up below.
    if (!edits.length && !specBySheet[sheetName] && !hasOwnRules(sheet.text)) continue;
    patchedSheets[sheetName] = true;
    let patched = patchSheetXml(sheet.text, edits, { sheetName, cellStyle: (base, change) => styles.cellStyle(base, change) });
    if (rules) patched = patchSheetRules(patched, specBySheet[sheetName] || null, (fill) => styles.dxfId(fill));
    const notes: CellNote[] = plan.highlights.filter((h) => h.sheet === sheetName && h.note).map((h) => ({ row: h.row, col: h.col, text: h.note }));
    const noted = await addNotes(out, part, patched, notes, { mainNamespace, relNamespace, relStem, block: 100 + sheets.indexOf(entry), wbFolder, typesAdditions, typesRemovals });
    if (noted !== null) patched = noted;
    else if (notes.length) notesSkipped.push(sheetName);
    if (patched !== sheet.text) out.put(part, patched, sheet.utf16);
    if (edits.some((e) => e.write)) formulasChanged = true;
  }

  // --- A sheet of a copy scored again that has nothing to highlight now: the tool's earlier notes go.
  for (const entry of sheets) {
    if (entry === summaryEntry || entry === tierEntry || patchedSheets[entry.name]) continue;
    const rel = entry.rId !== undefined ? relById[entry.rId] : undefined;
    const part = partOfRel(rel);
    if (!part || !rel || kindOf(rel.type) !== 'worksheet') continue;
    const relsName = out.find(relsNameOf(part));
    if (!relsName || !/\/comments["']/.test((await out.read(relsName)).text)) continue;
    const sheet = await out.read(part);
    const cleared = await addNotes(out, part, sheet.text, [], { mainNamespace, relNamespace, relStem, block: 100 + sheets.indexOf(entry), wbFolder, typesAdditions, typesRemovals });
    if (cleared !== null && cleared !== sheet.text) out.put(part, cleared, sheet.utf16);
  }

  // --- The summary sheet: its earlier copy's part replaced in place, else a new part.
  const wbSplices: Splice[] = [];
  const relsSplices: Splice[] = [];
  const freshRelId = (() => {
    let n = wbRels.rels.length + 1;
    const used: Record<string, boolean> = Object.create(null);
    for (const r of wbRels.rels) used[r.id] = true;
    return () => {
      while (used['rId' + n]) n++;
      used['rId' + n] = true;
      return 'rId' + n;
    };
  })();
  const relTag = (id: string, kind: string, target: string) => {
    const sample = wbRels.rels.filter((r) => kindOf(r.type) === 'worksheet')[0];
    const stem = sample ? sample.type.slice(0, sample.type.lastIndexOf('/') + 1) : (relNamespace === STRICT_RELATIONSHIPS ? STRICT_RELATIONSHIPS : RELATIONSHIPS) + '/';
    return '<' + wbRels.prefix + 'Relationship Id="' + id + '" Type="' + stem + kind + '" Target="' + xmlEscape(target) + '"/>';
  };
  // The tool's own sheets: an earlier copy's part rewritten in place, else a new part listed last.
  // The new content refers to no relationship (its links are `location` only) but its chart's drawing
  // (`relsText`, the part's whole relationships then); an earlier copy's relationships (ExcelJS's
  // hyperlink targets, a comment someone added) would point at nothing, and a comments relationship
  // without its sheet's legacyDrawing is what Excel "repairs". The parts they named stay in the
  // package, unreferenced, which Excel ignores (but the tool's own drawing and chart: summaryChart).
  const rewriteToolSheet = (part: string, text: string, relsText?: string): void => {
    out.put(part, text);
    const ownRels = out.find(relsNameOf(part));
    // Rewritten where it stands (the zip keeps its order), or added; else gone.
    if (relsText !== undefined) out.put(ownRels || relsNameOf(part), relsText);
    else if (ownRels) out.remove(ownRels);
  };
  let nextSheetId = sheets.reduce((max, s) => (isFinite(s.sheetId) && s.sheetId > max ? s.sheetId : max), 0) + 1;
  const appendToolSheet = (name: string, text: string, hidden: boolean, relsText?: string): void => {
    let n = sheets.length + 1;
    let part = wbFolder + 'worksheets/sheet' + n + '.xml';
    while (out.taken(part) || out.changed[part]) part = wbFolder + 'worksheets/sheet' + ++n + '.xml';
    const id = freshRelId();
    const idAttr = relPrefix ? relPrefix + ':id' : 'r:id';
    const declare = relPrefix ? '' : ' xmlns:r="' + relNamespace + '"';
    if (sheetsClose < 0) throw new Error('workbook part without </sheets>');
    wbSplices.push({
      start: sheetsClose,
      end: sheetsClose,
      text: '<' + wbRoot.prefix + 'sheet' + declare + ' name="' + xmlEscape(name) + '" sheetId="' + nextSheetId++ + '"' + (hidden ? ' state="hidden"' : '') + ' ' + idAttr + '="' + id + '"/>',
    });
    relsSplices.push({ start: wbRels.closeStart, end: wbRels.closeStart, text: relTag(id, 'worksheet', part.slice(wbFolder.length)) });
    typesAdditions.push('/' + part + '|' + WORKSHEET_TYPE);
    out.put(part, text);
    if (relsText !== undefined) out.put(relsNameOf(part), relsText);
  };

  let summaryPart: string | null = null;
  if (summaryEntry) {
    const rel = summaryEntry.rId !== undefined ? relById[summaryEntry.rId] : undefined;
    summaryPart = partOfRel(rel);
    if (!summaryPart || !rel || kindOf(rel.type) !== 'worksheet') throw new Error('"' + summaryEntry.name + '" exists and is not a worksheet: the summary sheet cannot replace it');
  }
  // Its chart (chartPart.ts) in a transitional package only: a Strict one would need the chart and
  // drawing parts in Strict's namespaces too, which no writer here has; its summary keeps the chart's
  // figures as cells, with no chart drawn over them.
  const chart = plan.summary.chart && mainNamespace === MAIN && relStem === RELATIONSHIPS + '/' ? plan.summary.chart : undefined;
  // A new summary part goes in the worksheets' folder (appendToolSheet).
  const summaryRels = await summaryChart(out, summaryPart, summaryPart ? folderOf(summaryPart) : wbFolder + 'worksheets/', plan.summary, chart, wbFolder, typesAdditions, typesRemovals);
  const summaryText = summarySheetXml(plan.summary, styles, mainNamespace, summaryRels ? { relId: SUMMARY_DRAWING_REL_ID, namespace: RELATIONSHIPS } : undefined);
  if (summaryPart) rewriteToolSheet(summaryPart, summaryText, summaryRels || undefined);
  else appendToolSheet(plan.summary.name, summaryText, false, summaryRels || undefined);

  // --- The hidden sheet of levels: an earlier copy's part rewritten in place (and hidden again), else a
  // new part after the summary. Written whenever rules are (only its title when no criterion has levels):
  // it is how a copy scored again is known to carry the tool's rules.
  const wantTier = !!rules && (!!rules.tierTable || Object.keys(specBySheet).length > 0 || !!tierEntry);
  if (rules && wantTier) {
    const tierText = tierSheetXml(rules.tierTable, options.rules ? options.rules.lang : 'vi', mainNamespace);
    if (tierEntry) {
      const part = worksheetPart(tierEntry);
      if (!part) throw new Error('"' + tierEntry.name + '" exists and is not a worksheet: the sheet of levels cannot replace it');
      rewriteToolSheet(part, tierText);
      if (attributesOf(tierEntry.tag).state !== 'hidden') wbSplices.push({ start: tierEntry.start, end: tierEntry.end, text: setAttribute(tierEntry.tag, 'state', 'hidden') });
    } else {
      appendToolSheet(TIER_SHEET_NAME, tierText, true);
    }
  }

  // --- The summary's header rows repeated on every printed page: its `_xlnm.Print_Titles`, the only
  // defined name the tool writes (an earlier one of the same sheet replaced; every other name kept).
  const summaryIndex = summaryEntry ? sheets.indexOf(summaryEntry) : sheets.length;
  const printTitles = printTitlesName(plan.summary, summaryIndex, wbRoot.prefix);
  // The tool's names for the rows of the sheet of levels (CCHC_MUC_n) replace an earlier run's; without
  // rules, names are not touched.
  const tierNames = rules ? tierNamesXml(rules.tierTable, wbRoot.prefix) : null;
  for (const splice of definedNamesSplices(wb.text, wbRoot.prefix, summaryIndex, printTitles, tierNames)) wbSplices.push(splice);

  // --- calcChain.xml is dropped when formulas change: it lists every formula cell in calculation
  // order, and an entry for a cell that is no longer a formula is "unreadable content" to Excel. Without
  // it Excel rebuilds the chain silently on load (as it does for openpyxl's files, which never have
  // one); keeping it exact would mean re-deriving Excel's order for cells we create.
  let macrosDropped = false;
  if (options.dropMacros) {
    for (const rel of wbRels.rels) {
      if (kindOf(rel.type) !== 'vbaProject') continue;
      macrosDropped = true;
      const part = partOfRel(rel);
      relsSplices.push({ start: rel.start, end: rel.end, text: '' });
      if (!part) continue;
      // The project, and what its own relationships name (the digital signatures).
      const ownRels = out.find(relsNameOf(part));
      if (ownRels) {
        const r = await out.read(ownRels);
        for (const signature of parseRels(ownRels, r.text, r.utf16).rels) {
          const target = signature.external ? null : out.find(resolveTarget(folderOf(part), signature.target));
          if (target) {
            out.remove(target);
            typesRemovals.push('/' + target);
          }
        }
        out.remove(ownRels);
      }
      out.remove(part);
      typesRemovals.push('/' + part);
    }
  }

  if (formulasChanged) {
    for (const rel of wbRels.rels) {
      if (kindOf(rel.type) !== 'calcChain') continue;
      const part = partOfRel(rel);
      relsSplices.push({ start: rel.start, end: rel.end, text: '' });
      if (part) {
        out.remove(part);
        typesRemovals.push('/' + part);
      }
    }
  }

  if (styles.changed() || stylesIsNew) {
    if (!stylesName) {
      let n = 1;
      stylesName = wbFolder + 'styles.xml';
      while (out.taken(stylesName)) stylesName = wbFolder + 'styles' + n++ + '.xml';
      relsSplices.push({ start: wbRels.closeStart, end: wbRels.closeStart, text: relTag(freshRelId(), 'styles', stylesName.slice(wbFolder.length)) });
      typesAdditions.push('/' + stylesName + '|' + STYLES_TYPE);
    }
    out.put(stylesName, styles.text(), stylesUtf16);
  }

  // fullCalcOnLoad: every written cell carries its cached result, so the tool's own cells show right
  // without it. But the official's own formulas that read them (a "Tổng hợp" sheet summing the field
  // totals) keep the values cached when the old, wrong hand total was there, and Excel recalculates on
  // opening only files last calculated by an older version (ExcelJS's copies always were; a file Excel
  // saved is not). So when a write changes a value, the copy asks for one full calculation on opening.
  if (plan.writes.some(changesValue)) {
    const calcPr = findElement(wb.text, wbRoot.openEnd, wbRoot.prefix, 'calcPr');
    if (calcPr) {
      if (attributesOf(calcPr.tag).fullCalcOnLoad !== '1') wbSplices.push({ start: calcPr.start, end: calcPr.end, text: setAttribute(calcPr.tag, 'fullCalcOnLoad', '1') });
    } else {
      // calcPr's place in CT_Workbook: after definedNames (else externalReferences, functionGroups, sheets).
      let at = -1;
      for (const name of ['sheets', 'functionGroups', 'externalReferences', 'definedNames']) {
        const closing = wb.text.lastIndexOf('</' + wbRoot.prefix + name + '>');
        const element = findElement(wb.text, wbRoot.openEnd, wbRoot.prefix, name);
        if (closing >= 0) at = Math.max(at, closing + name.length + wbRoot.prefix.length + 3);
        else if (element && isSelfClosing(element.tag.slice(1, -1))) at = Math.max(at, element.end);
      }
      if (at >= 0) wbSplices.push({ start: at, end: at, text: '<' + wbRoot.prefix + 'calcPr fullCalcOnLoad="1"/>' });
    }
  }

  if (wbSplices.length) out.put(wbName, applySplices(wb.text, wbSplices), wb.utf16);
  if (relsSplices.length) {
    if (wbRels.closeStart < 0) throw new Error('empty workbook relationships part');
    out.put(wbRelsName, applySplices(wbRels.text, relsSplices), wbRels.utf16);
  }
  const mainType = await patchContentTypes(out, wbName, typesAdditions, typesRemovals, !!options.dropMacros);
  return { bytes: await out.bytes(), extension: EXTENSION_BY_MAIN_TYPE[mainType] || 'xlsx', macrosDropped, notesSkipped };
}

/** The summary's relationship to its chart's drawing: the only one its relationships part holds. */
const SUMMARY_DRAWING_REL_ID = 'rId1';

/** A part's name `stem` + N + ".xml" no part of the package (nor one added) has: N from 1 up. */
function freshPartName(out: PackageWriter, stem: string): string {
  let n = 1;
  while (out.taken(stem + n + '.xml') || out.changed[stem + n + '.xml']) n++;
  return stem + n + '.xml';
}

/** A part gone with its relationships part (content types: an Override removed). */
function removeWithRels(out: PackageWriter, part: string, typesRemovals: string[]): void {
  out.remove(part);
  typesRemovals.push('/' + part);
  const rels = out.find(relsNameOf(part));
  if (rels) out.remove(rels);
}

/** The parts `part`'s relationships of the given kinds point at (internal targets, resolved, each once). */
async function relTargets(out: PackageWriter, part: string, kinds: string[]): Promise<string[]> {
  const relsName = out.find(relsNameOf(part));
  if (!relsName) return [];
  const r = await out.read(relsName);
  const targets: string[] = [];
  for (const rel of parseRels(relsName, r.text, r.utf16).rels) {
    if (rel.external || kinds.indexOf(kindOf(rel.type)) < 0) continue;
    const target = out.find(resolveTarget(folderOf(part), rel.target));
    if (target && targets.indexOf(target) < 0) targets.push(target);
  }
  return targets;
}

/**
 * The chart of the summary sheet (chartPart.ts) as a drawing part and a chart part; returns the text of
 * the summary's relationships part (its one relationship, SUMMARY_DRAWING_REL_ID, to the drawing), or
 * null without a chart.
 *
 * On a copy scored again, the tool's drawings on the earlier summary (`summaryPart`, found through its
 * relationships: a drawing holding a frame named CHART_NAME, isToolDrawing) are its own: the first one
 * and its first chart are rewritten where they stand (a copy scored twice with the same plan is the same
 * file), any other of them goes, with its chart (and the chart's style and colour parts Excel may have
 * added), so no drawing or chart is left behind unreferenced. New parts take the first free numbers in
 * the drawings' and charts' folders: the workbook's own drawings and charts are never touched.
 */
async function summaryChart(
  out: PackageWriter,
  summaryPart: string | null,
  summaryFolder: string,
  sheet: SummarySheet,
  chart: SheetChart | undefined,
  wbFolder: string,
  typesAdditions: string[],
  typesRemovals: string[],
): Promise<string | null> {
  const earlier: Array<{ drawing: string; charts: string[] }> = [];
  if (summaryPart) {
    for (const drawing of await relTargets(out, summaryPart, ['drawing'])) {
      if (isToolDrawing((await out.read(drawing)).text)) earlier.push({ drawing, charts: await relTargets(out, drawing, ['chart']) });
    }
  }
  const reuse = chart ? earlier[0] : undefined;
  let result: string | null = null;
  if (chart) {
    const drawingPart = reuse ? reuse.drawing : freshPartName(out, wbFolder + 'drawings/drawing');
    const chartPart = reuse && reuse.charts.length ? reuse.charts[0] : freshPartName(out, wbFolder + 'charts/chart');
    if (!reuse) typesAdditions.push('/' + drawingPart + '|' + DRAWING_CONTENT_TYPE);
    if (!reuse || !reuse.charts.length) typesAdditions.push('/' + chartPart + '|' + CHART_CONTENT_TYPE);
    out.put(drawingPart, drawingXml(chart, 'rId1'));
    out.put(out.find(relsNameOf(drawingPart)) || relsNameOf(drawingPart), singleRelationshipXml('rId1', CHART_REL_TYPE, relativeTarget(folderOf(drawingPart), chartPart)));
    out.put(chartPart, chartXml(sheet, chart));
    result = singleRelationshipXml(SUMMARY_DRAWING_REL_ID, DRAWING_REL_TYPE, relativeTarget(summaryFolder, drawingPart));
  }
  for (const e of earlier) {
    const keptChart = e === reuse ? e.charts[0] : undefined;
    for (const c of e.charts) {
      if (c === keptChart) continue;
      for (const extra of await relTargets(out, c, ['chartStyle', 'chartColorStyle', 'userShapes'])) removeWithRels(out, extra, typesRemovals);
      removeWithRels(out, c, typesRemovals);
    }
    if (e !== reuse) removeWithRels(out, e.drawing, typesRemovals);
  }
  return result;
}

/** A part's name relative to a folder, as Excel writes relationship targets ("../comments1.xml"). */
function relativeTarget(fromFolder: string, part: string): string {
  const from = fromFolder.split('/').filter(Boolean);
  const to = part.split('/');
  let common = 0;
  while (common < from.length && common < to.length - 1 && from[common] === to[common]) common++;
  const ups: string[] = [];
  for (let i = common; i < from.length; i++) ups.push('..');
  return ups.concat(to.slice(common)).join('/');
}

interface NotesContext {
  mainNamespace: string;
  relNamespace: string;
  /** The package's relationship type stem ("http://…/relationships/"). */
  relStem: string;
  /** The VML drawing's shape id block. */
  block: number;
  wbFolder: string;
  typesAdditions: string[];
  typesRemovals: string[];
}

/**
 * The highlighted cells' notes on one worksheet part (its XML as patched so far): a comments part and
 * a VML drawing added, with their relationships and the sheet's <legacyDrawing>; or, on a copy scored
 * again, the tool's own two parts rewritten. Null when the sheet has notes of someone else or another
 * legacy drawing: nothing is added, nothing of theirs is touched.
 */
async function addNotes(out: PackageWriter, part: string, sheetXml: string, notes: CellNote[], ctx: NotesContext): Promise<string | null> {
  const relsName = out.find(relsNameOf(part));
  const relsRead = relsName ? await out.read(relsName) : null;
  const rels = relsName && relsRead ? parseRels(relsName, relsRead.text, relsRead.utf16) : null;
  const sheetFolder = folderOf(part);
  const relPart = (rel: Rel | undefined) => (rel && !rel.external ? out.find(resolveTarget(sheetFolder, rel.target)) : null);
  const top = topElements(sheetXml);
  const legacy = top.children.filter((e) => e.local === 'legacyDrawing')[0];
  const commentsRel = rels ? rels.rels.filter((r) => kindOf(r.type) === 'comments')[0] : undefined;
  if (commentsRel) {
    const commentsPart = relPart(commentsRel);
    if (!commentsPart || !legacy) return null;
    const existing = await out.read(commentsPart);
    if (!isOwnComments(existing.text)) return null;
    const legacyId = Object.keys(legacy.attributes).filter((k) => /(^|:)id$/.test(k))[0];
    const vmlRel = rels && legacyId ? rels.rels.filter((r) => r.id === legacy.attributes[legacyId])[0] : undefined;
    const vmlPart = relPart(vmlRel);
    if (!vmlPart || !vmlRel || !rels || !relsName || !relsRead) return null;
    if (notes.length) {
      out.put(commentsPart, commentsXml(notes, ctx.mainNamespace));
      out.put(vmlPart, vmlXml(notes, ctx.block));
      return sheetXml;
    }
    // Nothing to say any more: the tool's two parts, their relationships and the sheet's <legacyDrawing> go.
    out.remove(commentsPart);
    out.remove(vmlPart);
    ctx.typesRemovals.push('/' + commentsPart, '/' + vmlPart);
    const gone = [commentsRel, vmlRel].sort((a, b) => a.start - b.start);
    out.put(
      relsName,
      applySplices(
        relsRead.text,
        gone.map((r) => ({ start: r.start, end: r.end, text: '' })),
      ),
      relsRead.utf16,
    );
    return sheetXml.slice(0, legacy.start) + sheetXml.slice(legacy.end);
  }
  if (legacy || !notes.length) return notes.length ? null : sheetXml;
  let n = 1;
  while (out.taken(ctx.wbFolder + 'comments' + n + '.xml') || out.taken(ctx.wbFolder + 'drawings/vmlDrawing' + n + '.vml')) n++;
  const commentsPart = ctx.wbFolder + 'comments' + n + '.xml';
  const vmlPart = ctx.wbFolder + 'drawings/vmlDrawing' + n + '.vml';
  const used: Record<string, boolean> = Object.create(null);
  if (rels) for (const r of rels.rels) used[r.id] = true;
  let k = 1;
  const fresh = () => {
    while (used['rId' + k]) k++;
    used['rId' + k] = true;
    return 'rId' + k;
  };
  const commentsId = fresh();
  const vmlId = fresh();
  const prefix = rels ? rels.prefix : '';
  const relTags =
    '<' +
    prefix +
    'Relationship Id="' +
    commentsId +
    '" Type="' +
    ctx.relStem +
    'comments" Target="' +
    xmlEscape(relativeTarget(sheetFolder, commentsPart)) +
    '"/>' +
    '<' +
    prefix +
    'Relationship Id="' +
    vmlId +
    '" Type="' +
    ctx.relStem +
    'vmlDrawing" Target="' +
    xmlEscape(relativeTarget(sheetFolder, vmlPart)) +
    '"/>';
  if (rels && relsName && relsRead) {
    if (rels.closeStart < 0) return null;
    out.put(relsName, applySplices(relsRead.text, [{ start: rels.closeStart, end: rels.closeStart, text: relTags }]), relsRead.utf16);
  } else {
    out.put(
      relsNameOf(part),
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' + relTags + '</Relationships>',
    );
  }
  out.put(commentsPart, commentsXml(notes, ctx.mainNamespace));
  out.put(vmlPart, vmlXml(notes, ctx.block));
  ctx.typesAdditions.push('/' + commentsPart + '|' + COMMENTS_TYPE, '/' + vmlPart + '|' + VML_TYPE);
  const namespaces = prefixesOf(sheetXml);
  const relPrefix = ctx.relNamespace in namespaces ? namespaces[ctx.relNamespace] : null;
  const tag =
    relPrefix !== null && relPrefix !== ''
      ? '<' + top.rootPrefix + 'legacyDrawing ' + relPrefix + ':id="' + vmlId + '"/>'
      : '<' + top.rootPrefix + 'legacyDrawing xmlns:r="' + ctx.relNamespace + '" r:id="' + vmlId + '"/>';
  const at = legacyDrawingPlace(sheetXml);
  return sheetXml.slice(0, at) + tag + sheetXml.slice(at);
}

/**
 * The rules' spec, given the cells each scoring sheet's own validations cover (read from its part as it
 * is in the input; the tool's earlier validations are not the user's).
 */
async function sheetRulesOf(input: SheetRulesInput, partOf: (sheet: string) => string | null, read: (part: string) => Promise<{ text: string }>): Promise<SheetRules> {
  const userValidation: { [sheet: string]: CellRange[] } = {};
  for (const name of input.sheets) {
    const part = partOf(name);
    if (!part) continue;
    const ranges = userValidationRanges((await read(part)).text);
    if (ranges.length) userValidation[name] = ranges;
  }
  return input.build(userValidation);
}

/**
 * workbook.xml's <definedNames>, the only names the tool writes: the summary's `_xlnm.Print_Titles`
 * (over an earlier one of the same sheet, else at the end) and, when `tierNames` is not null, the
 * workbook-level CCHC_MUC_n names (an earlier run's replaced: the first one's place takes the new set,
 * the others go). Every other name is kept as written. A new <definedNames> goes where CT_Workbook has
 * it (after sheets, functionGroups, externalReferences).
 */
function definedNamesSplices(xml: string, prefix: string, index: number, printTitles: string | null, tierNames: string | null): Splice[] {
  if (!printTitles && tierNames === null) return [];
  const top = topElements(xml);
  const names = top.children.filter((e) => e.local === 'definedNames' && e.prefix === prefix)[0];
  const splices: Splice[] = [];
  if (names) {
    TOKEN_RX.lastIndex = names.start;
    let close = -1;
    let titlesDone = !printTitles;
    let tierDone = tierNames === null;
    for (let m = TOKEN_RX.exec(xml); m && m.index < names.end; m = TOKEN_RX.exec(xml)) {
      if (m[3] === 'definedNames' && m[1] === '/') close = m.index;
      if (m[3] !== 'definedName' || m[1] === '/') continue;
      const a = attributesOf(m[4]);
      const end = elementEnd(xml, m[4], TOKEN_RX.lastIndex);
      if (printTitles && a.name === '_xlnm.Print_Titles' && a.localSheetId === String(index)) {
        splices.push({ start: m.index, end, text: printTitles });
        titlesDone = true;
      } else if (tierNames !== null && a.localSheetId === undefined && TIER_NAME_RX.test(a.name || '')) {
        splices.push({ start: m.index, end, text: tierDone ? '' : tierNames });
        tierDone = true;
      }
      TOKEN_RX.lastIndex = end;
    }
    const rest = (titlesDone ? '' : printTitles || '') + (tierDone ? '' : tierNames || '');
    if (!rest) return splices;
    if (close >= 0) splices.push({ start: close, end: close, text: rest });
    // <definedNames/>: empty, written open.
    else splices.push({ start: names.start, end: names.end, text: '<' + prefix + 'definedNames>' + rest + '</' + prefix + 'definedNames>' });
    return splices;
  }
  const all = (printTitles || '') + (tierNames || '');
  if (!all) return [];
  let at = -1;
  for (const e of top.children) if (e.prefix === prefix && (e.local === 'sheets' || e.local === 'functionGroups' || e.local === 'externalReferences')) at = Math.max(at, e.end);
  if (at < 0) at = top.rootClose;
  return [{ start: at, end: at, text: '<' + prefix + 'definedNames>' + all + '</' + prefix + 'definedNames>' }];
}

/** Whether a write gives its cell another value than it had (so formulas reading it are stale). */
function changesValue(w: CellWrite): boolean {
  const now = w.purpose === 'appraised-fill' ? w.value : w.result;
  const before = w.previous.value;
  if (typeof now === 'number' && typeof before === 'number') return Math.abs(now - before) > 1e-9 * Math.max(1, Math.abs(now));
  return now !== before;
}

/** The first element `prefix + local` after `from`, as its whole opening tag. */
function findElement(xml: string, from: number, prefix: string, local: string): { start: number; end: number; tag: string } | null {
  TOKEN_RX.lastIndex = from;
  for (let m = TOKEN_RX.exec(xml); m; m = TOKEN_RX.exec(xml)) {
    if (m[3] === local && m[1] === '' && (m[2] || '') === prefix) return { start: m.index, end: TOKEN_RX.lastIndex, tag: m[0] };
  }
  return null;
}

function findUri(namespaces: Record<string, string>, prefix: string): string | null {
  for (const uri in namespaces) if (namespaces[uri] === prefix) return uri;
  return null;
}

/**
 * [Content_Types].xml: Overrides added before </Types>, the dropped parts' Overrides removed (the part
 * left as it was when there is nothing to do). Returns the workbook part's content type.
 */
async function patchContentTypes(out: PackageWriter, workbookPart: string, additions: string[], removals: string[], dropMacros: boolean): Promise<string> {
  const name = out.find('[Content_Types].xml');
  if (!name) throw new Error('the package has no [Content_Types].xml');
  const ct = await out.read(name);
  const root = rootOf(ct.text);
  const splices: Splice[] = [];
  const removing: Record<string, boolean> = Object.create(null);
  for (const r of removals) removing[r.toLowerCase()] = true;
  TOKEN_RX.lastIndex = root.openEnd;
  let mainType = '';
  for (let m = TOKEN_RX.exec(ct.text); m; m = TOKEN_RX.exec(ct.text)) {
    if (m[3] !== 'Override' || m[1] === '/') continue;
    const a = attributesOf(m[4]);
    const partName = xmlDecode(a.PartName || '').toLowerCase();
    if (partName === '/' + workbookPart.toLowerCase()) {
      mainType = xmlDecode(a.ContentType || '');
      const plain = dropMacros ? PLAIN_MAIN_TYPE[mainType] : undefined;
      if (plain) {
        const tag = m[0].replace(/(\sContentType\s*=\s*)("[^"]*"|'[^']*')/, '$1"' + plain + '"');
        splices.push({ start: m.index, end: TOKEN_RX.lastIndex, text: tag });
        mainType = plain;
      }
    }
    if (removing[partName]) splices.push({ start: m.index, end: elementEnd(ct.text, m[4], TOKEN_RX.lastIndex), text: '' });
  }
  if (additions.length) {
    const close = lastClosingTag(ct.text, root.prefix + root.local);
    const text = additions
      .map((a) => {
        const [part, type] = a.split('|');
        return '<' + root.prefix + 'Override PartName="' + xmlEscape(part) + '" ContentType="' + type + '"/>';
      })
      .join('');
    splices.push({ start: close, end: close, text });
  }
  if (splices.length) out.put(name, applySplices(ct.text, splices), ct.utf16);
  return mainType;
}
