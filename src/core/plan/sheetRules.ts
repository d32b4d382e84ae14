import { a1, columnLetters, sheetQualified } from '../address';
import { CellRange } from '../grid';
import { ScoringTable } from '../model/types';
import { formatDecimalEn, formatDecimalVi, Lang } from '../number/format';
import { Points, unitsToNumber, unitsToPlainString } from '../number/points';
import { ruleText } from '../messages/ruleText';
import { WorkbookAnalysis } from '../result/types';
import { LEAF, NodeFigures } from '../score/scoreTable';
import { toNfc } from '../text/fold';
import { MISSING_EVIDENCE_COLOR, SCORE_PROBLEM_COLOR } from './highlightColors';
import {
  CellRun,
  ConditionalRule,
  DecimalValidation,
  FormulaPart,
  MAX_LISTED_LEVELS,
  MESSAGE_LIMIT,
  ScoreValidation,
  SheetRuleKind,
  SheetRuleSpec,
  SheetRules,
  SheetRulesOptions,
  SkippedCell,
  TITLE_LIMIT,
  TierListRow,
  formulaAt,
} from './sheetRuleMarks';
import { TIER_SHEET_NAME } from './tierSheet';

/**
 * A template that checks itself while the official types: the rules a writer installs on the scoring
 * sheets (data validation on every leaf's self-score cell, formula-based conditional formats for a
 * missing evidence and an off-tier score), as plain data. Nothing here writes to a workbook; the
 * Office.js gateway (ExcelApi 1.8: `range.dataValidation`, `conditionalFormats.add(custom)`) and the
 * file patcher (`<dataValidations>`, `<conditionalFormatting>`) apply the spec literally.
 *
 * Which cells. A leaf's self-score cell is the self column on the leaf's own row: where a number is
 * typed. Survey (ĐTXHH) criteria carry no self-score and deductions (điểm trừ) may be negative: neither
 * gets a rule. Tier rows under a leaf ("- Đúng hạn | 1 | x") take an "x" (or the level's points) and get
 * no validation of their own; a number typed on the leaf row is validated against the levels, and the
 * missing-evidence rule reads the tier rows' marks (see below). Parent and total rows are the tool's SUM
 * formulas: no rule.
 *
 * Levels as a drop-down. A list whose source is a literal string ("0,5;1") is text: in vi-VN Excel a
 * pick from "0.5,1" or "0,5;1" arrives as the TEXT "0,5" or is split at the wrong mark, depending on the
 * list separator of the machine that opens it. So a list validation's source is a RANGE of numeric cells
 * in a hidden, tool-owned sheet (`TIER_SHEET_NAME`): one row per distinct set of levels, the levels as
 * numbers from column A, highest first. A pick copies the cell's NUMBER, whatever the locale, and the
 * drop-down shows it in the user's own format ("0,5"). The range is absolute and sheet-qualified
 * (`'Mức điểm CCHC'!$A$2:$C$2`); Excel 2007 refuses another sheet's range in a list source, so each row
 * also has a workbook-level defined name (`CCHC_MUC_1`…) that a writer may use instead (`=CCHC_MUC_1`).
 *
 * Conditional formats. Formulas are A1 text without "=", relative to the top-left cell of the rule's
 * first area (how Excel and LibreOffice store them), and use only AND, OR, IF, ISNUMBER, ROUND, MOD, LEN
 * and TRIM (Excel 2007 and every LibreOffice), no array constants, no reference to another sheet, numbers
 * written with a dot (formulas in the file and in Office.js `formula` are locale-independent).
 * Every cell's formula is made relative to itself; cells whose relative formulas are the same text share
 * one rule over all their areas (contiguous runs, top to bottom, in one column). So the number of rules
 * is the number of distinct shapes (levels, tier rows) on the sheet, not the number of leaves, and a
 * sheet of 10,000 leaves is read once, in linear time. A writer that cannot add a multi-area rule
 * (Office.js before RangeAreas) adds one rule per area with the same formula re-anchored (`formulaAt`).
 *
 * Exact arithmetic. A score typed as 0.1+0.2 is 0.30000000000000004 in the cell; the core reads cells as
 * integer millionths of a point (number/points.ts), so every comparison is made on ROUND(x,6): the same
 * number the core judges, and equal to the literal tier (0.3) the formula compares it with.
 *
 * What the formulas read differently from the core's checks (kept out on purpose): a score typed as TEXT
 * ("0,7") is no number to a formula (ISNUMBER is false; VALUE depends on the locale and NUMBERVALUE is
 * Excel 2013), so neither rule fires on it: the validation keeps new text out and the core's text-number
 * flag still says it; an evidence cell holding only a hyperlink with no text, or only punctuation, is
 * read by its text (LEN(TRIM())); a score typed on a tier row, not the leaf row, is checked by the core only.
 */

export * from './sheetRuleMarks';

function templateKey(parts: FormulaPart[]): string {
  let key = '';
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i];
    key += typeof p === 'string' ? p : '\u0001' + p.dr + ',' + p.col + '\u0002';
  }
  return key;
}

/** Text cut to `limit` characters at a word boundary, ending "…". */
export function truncateText(text: string, limit: number): string {
  if (text.length <= limit) return text;
  let cut = text.substring(0, limit - 1);
  const space = cut.search(/\s\S*$/);
  if (space > limit / 2) cut = cut.substring(0, space);
  cut = cut.replace(/[\s,;:.\-–]+$/, '');
  return cut + '…';
}

function levelText(units: Points, lang: Lang): string {
  const plain = unitsToPlainString(units);
  return lang === 'vi' ? formatDecimalVi(plain) : formatDecimalEn(plain);
}

function levelsText(units: Points[], lang: Lang): string {
  const shown: string[] = [];
  for (let i = 0; i < units.length; i++) shown.push(levelText(units[i], lang));
  return shown.join('; ');
}

function cleanGuidance(text: string): string {
  return toNfc(text)
    .replace(/\s+/g, ' ')
    .replace(/^\s+|\s+$/g, '');
}

/** ROUND(ref,6): the cell as the core reads it, in millionths. */
function rounded(ref: FormulaPart): FormulaPart[] {
  return ['ROUND(', ref, ',6)'];
}

/** TRIM(ref) equals one of the marks that choose a level (number/readCell.ts MARKS); "=" ignores case. */
function isMark(ref: FormulaPart): FormulaPart[] {
  const marks = ['x', 'v', '\u2713', '\u2714', '\u00d7'];
  const parts: FormulaPart[] = ['OR('];
  for (let i = 0; i < marks.length; i++) parts.push(i ? ',TRIM(' : 'TRIM(', ref, ')="' + marks[i] + '"');
  parts.push(')');
  return parts;
}

/** At most this many levels outside the steps (0, a cap off the steps) are compared one by one. */
const MAX_EXTRA_LEVELS = 4;

/**
 * Many levels that are mostly an arithmetic progression (an increment rule: base, base + step … top),
 * the others (0, a cap off the steps) few: the off-tier formula tests the steps with MOD on millionths
 * instead of listing every level. Null when the levels are no such progression.
 */
function progression(allowed: Points[]): { base: Points; step: Points; top: Points; extras: Points[] } | null {
  const ascending = allowed.slice().sort(function (a, b) {
    return a - b;
  });
  // The longest run of equal steps, as indexes into `ascending` (inclusive).
  let bestStart = 0;
  let bestEnd = 0;
  let start = 0;
  for (let i = 1; i < ascending.length; i++) {
    if (i - start >= 2 && ascending[i] - ascending[i - 1] !== ascending[start + 1] - ascending[start]) start = i - 1;
    if (i - start > bestEnd - bestStart) {
      bestStart = start;
      bestEnd = i;
    }
  }
  if (bestEnd - bestStart < 2) return null;
  const best = { start: bestStart, end: bestEnd };
  const extras: Points[] = [];
  for (let i = 0; i < ascending.length; i++) if (i < best.start || i > best.end) extras.push(ascending[i]);
  if (extras.length > MAX_EXTRA_LEVELS) return null;
  return { base: ascending[best.start], step: ascending[best.start + 1] - ascending[best.start], top: ascending[best.end], extras: extras };
}

/** Pushes `more` onto `parts` (formula pieces are short; no spread in the core's ES5 output). */
function append(parts: FormulaPart[], more: FormulaPart[]): void {
  for (let i = 0; i < more.length; i++) parts.push(more[i]);
}

function blank(ref: FormulaPart): FormulaPart[] {
  return ['LEN(TRIM(', ref, '))=0'];
}

interface Group {
  rule: ConditionalRule;
  last: CellRun;
}

interface TierIndex {
  byKey: { [key: string]: TierListRow };
  rows: TierListRow[];
  sheet: string;
}

function tierRowFor(index: TierIndex, units: Points[]): TierListRow {
  const key = units.join(',');
  if (Object.prototype.hasOwnProperty.call(index.byKey, key)) return index.byKey[key];
  const row = index.rows.length + 1; // row 0 holds the title
  const values: number[] = [];
  for (let i = 0; i < units.length; i++) values.push(unitsToNumber(units[i]));
  const range = 'A' + (row + 1) + ':' + columnLetters(units.length - 1) + (row + 1);
  const absolute = '$A$' + (row + 1) + ':$' + columnLetters(units.length - 1) + '$' + (row + 1);
  const made: TierListRow = { row: row, units: units, values: values, range: range, source: sheetQualified(index.sheet, absolute), definedName: 'CCHC_MUC_' + row };
  index.byKey[key] = made;
  index.rows.push(made);
  return made;
}

function covered(ranges: CellRange[], row: number, col: number): boolean {
  for (let i = 0; i < ranges.length; i++) {
    const r = ranges[i];
    if (row >= r.top && row <= r.bottom && col >= r.left && col <= r.right) return true;
  }
  return false;
}

/**
 * The rules to install on every scoring sheet of `analysis` (made from `grid`, which the analysis read):
 * one validation per leaf self-score cell, and the conditional formats of missing evidence (on the
 * evidence cell, as the static highlight) and off-tier scores (on the score cell). Linear in the leaves.
 */
export function buildSheetRules(analysis: WorkbookAnalysis, lang: Lang, options?: SheetRulesOptions): SheetRules {
  const opts = options || {};
  const index: TierIndex = { byKey: {}, rows: [], sheet: opts.tierSheetName || TIER_SHEET_NAME };
  const specs: SheetRuleSpec[] = [];
  const bySheet: { [sheet: string]: { spec: SheetRuleSpec; groups: { [key: string]: Group } } } = {};
  const skipped: SkippedCell[] = [];
  for (let t = 0; t < analysis.sheets.length; t++) {
    const sheet = analysis.sheets[t];
    let entry = Object.prototype.hasOwnProperty.call(bySheet, sheet.name) ? bySheet[sheet.name] : null;
    if (!entry) {
      entry = { spec: { sheet: sheet.name, validations: [], rules: [] }, groups: {} };
      bySheet[sheet.name] = entry;
      specs.push(entry.spec);
    }
    const userRanges = opts.userValidation && Object.prototype.hasOwnProperty.call(opts.userValidation, sheet.name) ? relevantRanges(opts.userValidation[sheet.name], sheet.table.columns.self) : [];
    tableRules(sheet.table, sheet.score.figures, lang, index, entry.spec, entry.groups, userRanges, skipped);
  }
  const tierTable = index.rows.length ? { sheet: index.sheet, visibility: 'hidden' as const, title: ruleText('tierSheetTitle', lang), rows: index.rows } : null;
  return { tierTable: tierTable, sheets: specs, skipped: skipped };
}

/** Only the user's ranges over the self column can hold a score cell: the others are never looked at. */
function relevantRanges(ranges: CellRange[], col: number | undefined): CellRange[] {
  const kept: CellRange[] = [];
  if (col === undefined) return kept;
  for (let i = 0; i < ranges.length; i++) if (ranges[i].left <= col && ranges[i].right >= col) kept.push(ranges[i]);
  return kept;
}

function tableRules(table: ScoringTable, f: NodeFigures, lang: Lang, index: TierIndex, spec: SheetRuleSpec, groups: { [key: string]: Group }, userRanges: CellRange[], skipped: SkippedCell[]): void {
  const selfCol = table.columns.self;
  if (selfCol === undefined) return;
  const evidenceCol = table.columns.evidence;
  const k = table.criteria;
  const add = function (kind: SheetRuleKind, row: number, col: number, parts: FormulaPart[], exact: boolean): void {
    const key = kind + '\u0000' + col + '\u0000' + templateKey(parts);
    const group = Object.prototype.hasOwnProperty.call(groups, key) ? groups[key] : null;
    if (group && group.last.bottom === row - 1) {
      group.last.bottom = row;
      group.last.address = a1(group.last.top, col) + ':' + a1(row, col);
      return;
    }
    const run: CellRun = { top: row, bottom: row, col: col, address: a1(row, col) };
    if (group) {
      group.rule.areas.push(run);
      group.last = run;
      return;
    }
    const rule: ConditionalRule = {
      sheet: table.sheet,
      kind: kind,
      formula: formulaAt(parts, row),
      anchor: a1(row, col),
      anchorRow: row,
      anchorCol: col,
      areas: [run],
      sqref: '',
      fill: kind === 'off-tier' ? SCORE_PROBLEM_COLOR : MISSING_EVIDENCE_COLOR,
      exact: exact,
      template: parts,
    };
    groups[key] = { rule: rule, last: run };
    spec.rules.push(rule);
  };
  for (let i = 0; i < k.row.length; i++) {
    if (!(f.state[i] & LEAF) || k.survey[i] || k.deduction[i]) continue;
    const row = k.row[i];
    const self = { dr: 0, col: selfCol };
    const tiers = f.tiers[i];
    const max = f.max[i];
    const typed = f.typedMax[i] === f.typedMax[i];
    const allowed = tiers && tiers.allowed ? tiers.allowed : null;
    // Validation on the leaf's own score cell.
    if (userRanges.length && covered(userRanges, row, selfCol)) {
      skipped.push({ sheet: table.sheet, code: k.code[i], address: a1(row, selfCol), reason: 'user-validation' });
    } else {
      spec.validations.push(validationFor(table, i, selfCol, allowed, max, typed, lang, index));
    }
    // Off-tier: a number not one of the levels, or outside 0..max.
    const off: FormulaPart[] = ['AND(ISNUMBER(', self, '),'];
    let exact = true;
    if (allowed && allowed.length <= MAX_LISTED_LEVELS) {
      for (let a = 0; a < allowed.length; a++) append(off, (a ? [','] : ([] as FormulaPart[])).concat(rounded(self), ['<>' + unitsToPlainString(allowed[a])]));
    } else if (allowed) {
      const steps = progression(allowed);
      if (steps) {
        // Levels in steps ("cứ tăng thêm 1% được cộng 0,01 điểm"): between the ends, a whole number of steps, in millionths.
        for (let a = 0; a < steps.extras.length; a++) append(off, rounded(self).concat(['<>' + unitsToPlainString(steps.extras[a]) + ',']));
        append(
          off,
          (['OR('] as FormulaPart[]).concat(rounded(self), ['<' + unitsToPlainString(steps.base) + ','], rounded(self), [
            '>' + unitsToPlainString(steps.top) + ',MOD(ROUND(',
            self,
            '*1000000,0)-' + steps.base + ',' + steps.step + ')<>0)',
          ]),
        );
      } else {
        exact = false;
        append(off, (['OR('] as FormulaPart[]).concat(rounded(self), ['<' + unitsToPlainString(allowed[allowed.length - 1]) + ','], rounded(self), ['>' + unitsToPlainString(allowed[0]) + ')']));
      }
    } else if (typed || max > 0) {
      append(off, (['OR('] as FormulaPart[]).concat(rounded(self), ['<0,'], rounded(self), ['>' + unitsToPlainString(max) + ')']));
    } else {
      append(off, rounded(self).concat(['<0']));
    }
    off.push(')');
    add('off-tier', row, selfCol, off, exact);
    // Missing evidence: scored above 0 and no evidence text on the leaf row or its tier rows.
    if (evidenceCol !== undefined) add('missing-evidence', row, evidenceCol, missingEvidence(table, i, selfCol, evidenceCol), true);
  }
  for (let r = 0; r < spec.rules.length; r++) {
    const rule = spec.rules[r];
    const areas: string[] = [];
    for (let a = 0; a < rule.areas.length; a++) areas.push(rule.areas[a].address);
    rule.sqref = areas.join(' ');
  }
}

/**
 * AND(scored, every evidence cell blank). Scored: the leaf row's number above 0; with the leaf row empty,
 * the sum of its tier rows' entries (a number typed, or the level's points for an "x") above 0, as the
 * core scores it (score/scoreTable.ts leafFigures).
 */
function missingEvidence(table: ScoringTable, i: number, selfCol: number, evidenceCol: number): FormulaPart[] {
  const k = table.criteria;
  const t = table.tiers;
  const row = k.row[i];
  const self = { dr: 0, col: selfCol };
  const parts: FormulaPart[] = ['AND('];
  if (k.tierEnd[i] === k.tierStart[i]) {
    parts.push('ISNUMBER(', self, '),');
    append(parts, rounded(self).concat(['>0']));
  } else {
    parts.push('IF(ISNUMBER(', self, '),');
    append(parts, rounded(self).concat(['>0,AND('], blank(self), [',ROUND(']));
    for (let j = k.tierStart[i]; j < k.tierEnd[i]; j++) {
      const cell = { dr: t.row[j] - row, col: selfCol };
      const points = t.points[j] === t.points[j] ? unitsToPlainString(t.points[j]) : '0';
      if (j > k.tierStart[i]) parts.push('+');
      append(parts, (['IF(ISNUMBER(', cell, '),', cell, ',IF('] as FormulaPart[]).concat(isMark(cell), [',' + points + ',0))']));
    }
    parts.push(',6)>0))');
  }
  parts.push(',');
  append(parts, blank({ dr: 0, col: evidenceCol }));
  for (let j = k.tierStart[i]; j < k.tierEnd[i]; j++) {
    parts.push(',');
    append(parts, blank({ dr: t.row[j] - row, col: evidenceCol }));
  }
  parts.push(')');
  return parts;
}

function validationFor(table: ScoringTable, i: number, col: number, allowed: Points[] | null, max: Points, typed: boolean, lang: Lang, index: TierIndex): ScoreValidation {
  const k = table.criteria;
  const code = k.code[i];
  const guidance = cleanGuidance(k.guidance[i] || '');
  const base = {
    sheet: table.sheet,
    code: code,
    row: k.row[i],
    col: col,
    address: a1(k.row[i], col),
    inputTitle: truncateText(ruleText('inputTitle', lang, { code: code }), TITLE_LIMIT),
    errorTitle: truncateText(ruleText('errorTitle', lang), TITLE_LIMIT),
    errorStyle: 'stop' as const,
    ignoreBlanks: true as const,
  };
  const input = function (line: string): string {
    return truncateText(guidance ? line + '\n' + guidance : line, MESSAGE_LIMIT);
  };
  if (allowed) {
    const tierRow = tierRowFor(index, allowed);
    const levels = levelsText(allowed, lang);
    return {
      sheet: base.sheet,
      code: code,
      row: base.row,
      col: col,
      address: base.address,
      inputTitle: base.inputTitle,
      inputMessage: input(ruleText('inputList', lang, { levels: levels })),
      errorTitle: base.errorTitle,
      errorMessage: truncateText(ruleText('errorList', lang, { code: code, levels: levels }), MESSAGE_LIMIT),
      errorStyle: 'stop',
      ignoreBlanks: true,
      kind: 'list',
      tierRow: tierRow.row,
      units: tierRow.units,
      values: tierRow.values,
      source: tierRow.source,
      definedName: tierRow.definedName,
    };
  }
  const bounded = typed || max > 0;
  const maxText = levelText(max, lang);
  const validation: DecimalValidation = {
    sheet: base.sheet,
    code: code,
    row: base.row,
    col: col,
    address: base.address,
    inputTitle: base.inputTitle,
    inputMessage: input(bounded ? ruleText('inputDecimal', lang, { max: maxText }) : ruleText('inputMin', lang)),
    errorTitle: base.errorTitle,
    errorMessage: truncateText(bounded ? ruleText('errorDecimal', lang, { code: code, max: maxText }) : ruleText('errorMin', lang, { code: code }), MESSAGE_LIMIT),
    errorStyle: 'stop',
    ignoreBlanks: true,
    kind: 'decimal',
    operator: bounded ? 'between' : 'greaterThanOrEqual',
    min: 0,
    max: bounded ? unitsToNumber(max) : null,
    formula1: '0',
  };
  if (bounded) validation.formula2 = unitsToPlainString(max);
  return validation;
}
