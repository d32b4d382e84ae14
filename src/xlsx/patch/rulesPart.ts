import { columnLetters, parseRange } from '../../core/address';
import { CellRange } from '../../core/grid';
import { Lang } from '../../core/number';
import { ruleText } from '../../core/messages';
import { buildSheetRules, ConditionalRule, LIVE_KINDS, liveCells, markedFormula, RULE_MARKER, ScoreValidation, SheetRules, SheetRuleSpec, TIER_NAME_RX, TierTable } from '../../core/plan';
import { WorkbookAnalysis } from '../../core/result';
import { topElements, TopElement } from './notesPart';
import { applySplices, attributesOf, Splice, TOKEN_RX, xmlDecode, xmlEscape } from './xmlText';

/**
 * A template that checks itself while the official types (issue 13, item 4), in the annotated copy:
 * the spec of plan/sheetRules.ts written into the package. On each scoring sheet, a <dataValidation>
 * per leaf self-score cell (a drop-down of the levels through a CCHC_MUC_n name, else a decimal
 * 0..max) and formula-based <conditionalFormatting> (missing evidence, off-tier scores) whose fill is a
 * dxf appended to styles.xml; the hidden sheet of levels ("Mức điểm CCHC") and its workbook-level names.
 *
 * What the tool owns, recognised again on a copy scored again (and replaced, never duplicated):
 * - a conditional-format rule whose formula holds RULE_MARKER, `N("CCHC")=0` (always true: N of a text
 *   is 0 in Excel and LibreOffice), the first argument of the rule's AND. Formulas survive Excel's and
 *   LibreOffice's saves as written; dxf indexes and priorities do not, so they are no marker;
 * - a data validation whose list is a CCHC_MUC_n name, or whose error title is the tool's ("Điểm không
 *   hợp lệ" / "Score not allowed") and input title reads as the tool's ("Điểm tiêu chí …" / "Score of
 *   criterion …"): both titles the tool's own words, kept by every host;
 * - defined names CCHC_MUC_n (workbook-level), and the sheet named TIER_SHEET_NAME.
 * Everything else (the user's validations, their conditional formats, x14 ones in extLst) is kept as
 * written, and no validation is planned over a cell the user validates (buildSheetRules' userValidation).
 */

// The tool's marks are the spec's, shared with the Office.js gateway (plan/sheetRules.ts).
export { LIVE_KINDS, liveCells, markedFormula, RULE_MARKER, TIER_NAME_RX };

/** What the patcher needs to install the rules: made by the caller from its analysis (sheetRulesInput). */
export interface SheetRulesInput {
  /** The scoring sheets whose own validations must be read first. */
  sheets: string[];
  /** The spec, given the cells the user already validates, by sheet. */
  build(userValidation: { [sheet: string]: CellRange[] }): SheetRules;
  /** The flags that name a cell: a highlight the rules show live (see LIVE_KINDS) gets no static fill. */
  flags: Array<{ sheet: string; cell: string; kind: string }>;
  lang: Lang;
}

/** The rules of an analysis, for patchWorkbook's `rules` option (the CLI and tests). */
export function sheetRulesInput(analysis: WorkbookAnalysis, lang: Lang): SheetRulesInput {
  const sheets: string[] = [];
  for (const s of analysis.sheets) if (sheets.indexOf(s.name) < 0) sheets.push(s.name);
  return {
    sheets,
    build: (userValidation) => buildSheetRules(analysis, lang, { userValidation }),
    flags: analysis.flags.filter((f) => !!f.cell).map((f) => ({ sheet: f.sheet, cell: f.cell, kind: f.kind })),
    lang,
  };
}

/** An attribute value: escaped, line breaks kept as character references (a raw one reads as a space). */
function attr(text: string): string {
  return xmlEscape(text).replace(/\r/g, '&#13;').replace(/\n/g, '&#10;').replace(/\t/g, '&#9;');
}

const TOOL_ERROR_TITLES = [ruleText('errorTitle', 'vi'), ruleText('errorTitle', 'en')];
const TOOL_INPUT_TITLES = ['vi', 'en'].map((lang) => ruleText('inputTitle', lang as Lang, { code: '\u0000' }).split('\u0000')[0]);

/** Whether a <dataValidation> element (its whole text) is one the tool wrote. */
export function isOwnValidation(element: string): boolean {
  const open = /^<[^>]*>/.exec(element);
  const a = attributesOf(open ? open[0] : element);
  const f1 = /<(?:[\w.-]+:)?formula1>([\s\S]*?)<\/(?:[\w.-]+:)?formula1>/.exec(element);
  if (f1 && TIER_NAME_RX.test(xmlDecode(f1[1]).replace(/^=/, '').trim())) return true;
  const errorTitle = a.errorTitle !== undefined ? xmlDecode(a.errorTitle) : '';
  const promptTitle = a.promptTitle !== undefined ? xmlDecode(a.promptTitle) : '';
  return TOOL_ERROR_TITLES.indexOf(errorTitle) >= 0 && TOOL_INPUT_TITLES.some((t) => promptTitle.indexOf(t) === 0);
}

/** Whether a <cfRule> element (its whole text) is one the tool wrote: its formula carries RULE_MARKER. */
export function isOwnRule(element: string): boolean {
  const rx = /<(?:[\w.-]+:)?formula>([\s\S]*?)<\/(?:[\w.-]+:)?formula>/g;
  for (let m = rx.exec(element); m; m = rx.exec(element)) if (xmlDecode(m[1]).indexOf(RULE_MARKER) >= 0) return true;
  return false;
}

/** The direct children of an element (start..end of its text), each whole. */
function childrenOf(xml: string, el: TopElement): Array<{ local: string; start: number; end: number; text: string }> {
  const out: Array<{ local: string; start: number; end: number; text: string }> = [];
  const open = /^<[^>]*>/.exec(xml.slice(el.start, el.end));
  if (!open || /\/>$/.test(open[0])) return out;
  TOKEN_RX.lastIndex = el.start + open[0].length;
  let depth = 0;
  let start = -1;
  let local = '';
  for (let m = TOKEN_RX.exec(xml); m && m.index < el.end; m = TOKEN_RX.exec(xml)) {
    if (m[3] === undefined) continue;
    if (m[1] === '/') {
      if (depth === 0) break;
      depth--;
      if (depth === 0) out.push({ local, start, end: TOKEN_RX.lastIndex, text: xml.slice(start, TOKEN_RX.lastIndex) });
      continue;
    }
    const empty = /\/$/.test(m[4]);
    if (depth === 0) {
      if (empty) {
        out.push({ local: m[3], start: m.index, end: TOKEN_RX.lastIndex, text: m[0] });
        continue;
      }
      start = m.index;
      local = m[3];
    }
    if (!empty) depth++;
  }
  return out;
}

function rangesOf(sqref: string): CellRange[] {
  const out: CellRange[] = [];
  for (const piece of sqref.split(/\s+/)) {
    const r = piece ? parseRange(piece) : null;
    if (r) out.push(r);
  }
  return out;
}

/** The cells a worksheet part's own (not the tool's) validations cover, x14 ones in extLst included. */
export function userValidationRanges(xml: string): CellRange[] {
  const top = topElements(xml);
  const ranges: CellRange[] = [];
  for (const el of top.children) {
    if (el.local === 'dataValidations') {
      for (const child of childrenOf(xml, el)) {
        if (child.local !== 'dataValidation' || isOwnValidation(child.text)) continue;
        const a = attributesOf((/^<[^>]*>/.exec(child.text) as RegExpExecArray)[0]);
        for (const r of rangesOf(xmlDecode(a.sqref || ''))) ranges.push(r);
      }
    } else if (el.local === 'extLst') {
      const text = xml.slice(el.start, el.end);
      const rx = /<(?:[\w.-]+:)?dataValidation\b[\s\S]*?<(?:[\w.-]+:)?sqref>([^<]*)<\/(?:[\w.-]+:)?sqref>/g;
      for (let m = rx.exec(text); m; m = rx.exec(text)) for (const r of rangesOf(xmlDecode(m[1]))) ranges.push(r);
    }
  }
  return ranges;
}

/** CT_Worksheet's elements after the conditional formats, in order (ECMA-376 18.3.1.99). */
const AFTER_CONDITIONAL = [
  'dataValidations',
  'hyperlinks',
  'printOptions',
  'pageMargins',
  'pageSetup',
  'headerFooter',
  'rowBreaks',
  'colBreaks',
  'customProperties',
  'cellWatches',
  'ignoredErrors',
  'smartTags',
  'drawing',
  'legacyDrawing',
  'legacyDrawingHF',
  'drawingHF',
  'picture',
  'oleObjects',
  'controls',
  'webPublishItems',
  'tableParts',
  'extLst',
];

function validationXml(v: ScoreValidation, p: string): string {
  let open = '<' + p + 'dataValidation type="' + v.kind + '"';
  if (v.kind === 'decimal') open += ' operator="' + v.operator + '"';
  open += ' allowBlank="1" showInputMessage="1" showErrorMessage="1"';
  open += ' errorTitle="' + attr(v.errorTitle) + '" error="' + attr(v.errorMessage) + '" promptTitle="' + attr(v.inputTitle) + '" prompt="' + attr(v.inputMessage) + '"';
  open += ' sqref="' + v.address + '">';
  const f = (n: 1 | 2, text: string) => '<' + p + 'formula' + n + '>' + xmlEscape(text) + '</' + p + 'formula' + n + '>';
  const body = v.kind === 'list' ? f(1, v.definedName) : f(1, v.formula1) + (v.formula2 !== undefined ? f(2, v.formula2) : '');
  return open + body + '</' + p + 'dataValidation>';
}

function conditionalXml(rule: ConditionalRule, p: string, dxfId: number, priority: number): string {
  return (
    '<' +
    p +
    'conditionalFormatting sqref="' +
    rule.sqref +
    '"><' +
    p +
    'cfRule type="expression" dxfId="' +
    dxfId +
    '" priority="' +
    priority +
    '"><' +
    p +
    'formula>' +
    xmlEscape(markedFormula(rule.formula)) +
    '</' +
    p +
    'formula></' +
    p +
    'cfRule></' +
    p +
    'conditionalFormatting>'
  );
}

/**
 * One worksheet part with the tool's rules as `spec` says (null or empty: none): the tool's earlier
 * conditional formats and validations replaced, the user's kept byte for byte, new elements where
 * CT_Worksheet puts them. `dxfId` gives the styles' dxf index of a fill (RRGGBB). Returns the same string
 * when nothing changes.
 */
export function patchSheetRules(xml: string, spec: SheetRuleSpec | null, dxfId: (fill: string) => number): string {
  const top = topElements(xml);
  const p = top.rootPrefix;
  const splices: Splice[] = [];
  // --- Conditional formats: the tool's rules out (a whole element when all its rules are the tool's).
  let userMaxPriority = 0;
  let insertAt = top.rootClose;
  for (const el of top.children) {
    if (AFTER_CONDITIONAL.indexOf(el.local) >= 0) {
      insertAt = Math.min(insertAt, el.start);
    }
    if (el.local === 'extLst') {
      const rx = /<(?:[\w.-]+:)?cfRule\b[^>]*?\spriority="(\d+)"/g;
      const text = xml.slice(el.start, el.end);
      for (let m = rx.exec(text); m; m = rx.exec(text)) userMaxPriority = Math.max(userMaxPriority, parseInt(m[1], 10));
    }
    if (el.local !== 'conditionalFormatting') continue;
    const rules = childrenOf(xml, el).filter((c) => c.local === 'cfRule');
    const own = rules.filter((c) => isOwnRule(c.text));
    for (const c of rules) {
      if (own.indexOf(c) >= 0) continue;
      const priority = parseInt(attributesOf((/^<[^>]*>/.exec(c.text) as RegExpExecArray)[0]).priority, 10);
      if (isFinite(priority)) userMaxPriority = Math.max(userMaxPriority, priority);
    }
    if (!own.length) continue;
    if (own.length === rules.length) splices.push({ start: el.start, end: el.end, text: '' });
    else for (const c of own) splices.push({ start: c.start, end: c.end, text: '' });
  }
  const rules = spec ? spec.rules : [];
  const validations = spec ? spec.validations : [];
  let added = '';
  for (let i = 0; i < rules.length; i++) added += conditionalXml(rules[i], p, dxfId(rules[i].fill), userMaxPriority + 1 + i);
  if (added) splices.push({ start: insertAt, end: insertAt, text: added });

  // --- Validations: the tool's replaced, the user's kept as written.
  const existing = top.children.filter((e) => e.local === 'dataValidations')[0];
  let newValidations = '';
  for (const v of validations) newValidations += validationXml(v, p);
  if (existing) {
    const children = childrenOf(xml, existing);
    const kept = children.filter((c) => !(c.local === 'dataValidation' && isOwnValidation(c.text)));
    if (kept.length !== children.length || newValidations) {
      const count = kept.filter((c) => c.local === 'dataValidation').length + validations.length;
      const openTag = (/^<[^>]*>/.exec(xml.slice(existing.start, existing.end)) as RegExpExecArray)[0].replace(/\s*\/>$/, '>');
      const withCount = /\scount\s*=/.test(openTag) ? openTag.replace(/(\scount\s*=\s*)("[^"]*"|'[^']*')/, '$1"' + count + '"') : openTag.replace(/>$/, ' count="' + count + '">');
      const text = count ? withCount + kept.map((c) => c.text).join('') + newValidations + '</' + p + 'dataValidations>' : '';
      splices.push({ start: existing.start, end: existing.end, text });
    }
  } else if (newValidations) {
    let at = top.rootClose;
    for (const el of top.children) if (el.local !== 'dataValidations' && AFTER_CONDITIONAL.indexOf(el.local) >= 0) at = Math.min(at, el.start);
    splices.push({ start: at, end: at, text: '<' + p + 'dataValidations count="' + validations.length + '">' + newValidations + '</' + p + 'dataValidations>' });
  }
  if (!splices.length) return xml;
  return applySplices(xml, splices);
}

/** Whether a worksheet part holds any rule or validation the tool wrote (a copy scored before). */
export function hasOwnRules(xml: string): boolean {
  if (xml.indexOf('CCHC') < 0 && TOOL_ERROR_TITLES.every((t) => xml.indexOf(xmlEscape(t)) < 0)) return false;
  return patchSheetRules(xml, null, () => 0) !== xml;
}

/** The hidden sheet of levels: A1 says whose it is, then one row of numbers per set of levels. */
export function tierSheetXml(table: TierTable | null, lang: Lang, mainNamespace: string): string {
  const title = table ? table.title : ruleText('tierSheetTitle', lang);
  let rows = '<row r="1"><c r="A1" t="inlineStr"><is><t>' + xmlEscape(title) + '</t></is></c></row>';
  if (table) {
    for (const r of table.rows) {
      let cells = '';
      for (let i = 0; i < r.values.length; i++) cells += '<c r="' + columnLetters(i) + (r.row + 1) + '"><v>' + String(r.values[i]) + '</v></c>';
      rows += '<row r="' + (r.row + 1) + '">' + cells + '</row>';
    }
  }
  return '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="' + mainNamespace + '"><sheetData>' + rows + '</sheetData></worksheet>';
}

/** The tool's workbook-level names for the tier sheet's rows. */
export function tierNamesXml(table: TierTable | null, prefix: string): string {
  let out = '';
  if (table) for (const r of table.rows) out += '<' + prefix + 'definedName name="' + r.definedName + '">' + xmlEscape(r.source) + '</' + prefix + 'definedName>';
  return out;
}
