import { a1 } from '../address';
import { CellRange } from '../grid';
import { Points } from '../number/points';
import { TIER_SHEET_NAME } from './tierSheet';

/**
 * The sheet rules' types and the marks by which a writer knows the tool's own rules (sheetRules.ts
 * builds the rules). Apart from the builder so a writer that only recognises or re-anchors rules (the
 * Office.js gateway's read and clear) does not load it: the builder arrives with the first write.
 */

export { TIER_SHEET_NAME };

/** Excel's limits for a data validation's prompt and alert. */
export const TITLE_LIMIT = 32;
export const MESSAGE_LIMIT = 255;

/**
 * More levels than this are not listed in the conditional format (the formula would be too long): levels
 * in steps are tested with MOD, any others as a range only (`exact: false`).
 */
export const MAX_LISTED_LEVELS = 40;

export type SheetRuleKind = 'missing-evidence' | 'off-tier';

/** One row of the hidden sheet of levels: the numbers of a list validation's drop-down. */
export interface TierListRow {
  /** 0-based row of the tier sheet; the levels are in columns A.. of it. */
  row: number;
  /** The levels as exact units, highest first, and as the numbers the cells hold. */
  units: Points[];
  values: number[];
  /** "A2:C2". */
  range: string;
  /** The list source without "=": "'Mức điểm CCHC'!$A$2:$C$2". */
  source: string;
  /** A workbook-level name for the same range (Excel 2007 needs a name for another sheet's range). */
  definedName: string;
}

/** The hidden, tool-owned sheet whose numeric cells are the drop-downs' sources. */
export interface TierTable {
  sheet: string;
  /** Hidden, not very hidden: a user who unhides it reads A1 saying whose it is. */
  visibility: 'hidden';
  /** The text of A1, saying whose sheet it is. */
  title: string;
  rows: TierListRow[];
}

interface ValidationBase {
  sheet: string;
  /** The criterion's normalised code. */
  code: string;
  /** The self-score cell (0-based) and its A1 address. */
  row: number;
  col: number;
  address: string;
  /** Shown when the cell is selected: ≤ 32 and ≤ 255 characters. */
  inputTitle: string;
  inputMessage: string;
  /** Shown when a value outside the rule is typed (style "stop": the value is refused). */
  errorTitle: string;
  errorMessage: string;
  errorStyle: 'stop';
  /** An empty cell is allowed (the criterion not yet scored, or scored with an "x" on a tier row). */
  ignoreBlanks: true;
}

/** Discrete levels: a drop-down of the tier sheet's row `tierRow`. */
export interface ListValidation extends ValidationBase {
  kind: 'list';
  tierRow: number;
  units: Points[];
  values: number[];
  source: string;
  definedName: string;
}

/** Any number from 0 to the maximum (proportional criteria, or none stated); from 0 up where no maximum is known. */
export interface DecimalValidation extends ValidationBase {
  kind: 'decimal';
  operator: 'between' | 'greaterThanOrEqual';
  min: number;
  max: number | null;
  /** Bounds as formula text with a dot ("0", "2.5"), as the file stores them. */
  formula1: string;
  formula2?: string;
}

export type ScoreValidation = ListValidation | DecimalValidation;

/** A contiguous run of cells in one column (0-based, inclusive). */
export interface CellRun {
  top: number;
  bottom: number;
  col: number;
  /** "F12" or "F12:F14". */
  address: string;
}

/** A formula-based conditional format: fill `fill` where `formula` is true. */
export interface ConditionalRule {
  sheet: string;
  kind: SheetRuleKind;
  /** Without "=", relative to `anchor`, the top-left cell of the first area. */
  formula: string;
  anchor: string;
  anchorRow: number;
  anchorCol: number;
  /** The cells, top to bottom, one column: runs of adjacent cells. `sqref` is them space-separated (the file's form). */
  areas: CellRun[];
  sqref: string;
  /** Background RRGGBB: the static highlight's colour for the same problem (plan/highlightColors.ts). */
  fill: string;
  /**
   * False for an off-tier rule of a criterion with more than MAX_LISTED_LEVELS levels that are no
   * progression of steps (with a few others): it checks the lowest..highest level only.
   */
  exact: boolean;
  /** The relative formula, for re-anchoring (`formulaAt`). */
  template: FormulaPart[];
}

/** A cell the validation left alone because the user has a validation of their own there. */
export interface SkippedCell {
  sheet: string;
  code: string;
  address: string;
  reason: 'user-validation';
}

export interface SheetRuleSpec {
  sheet: string;
  validations: ScoreValidation[];
  rules: ConditionalRule[];
}

export interface SheetRules {
  /** The hidden sheet of levels; null when no criterion has discrete levels. */
  tierTable: TierTable | null;
  /** Per scoring sheet, in sheet order (a sheet with two tables gives one spec). */
  sheets: SheetRuleSpec[];
  skipped: SkippedCell[];
}

export interface SheetRulesOptions {
  /**
   * Cells that already carry the user's own data validation, by sheet (the grid does not say: the writer
   * reads them). No validation is planned over them; the writer must still check at write time.
   */
  userValidation?: { [sheet: string]: CellRange[] };
  /** The tier sheet's name; default TIER_SHEET_NAME. */
  tierSheetName?: string;
}

/**
 * How every writer marks the rules as the tool's own, so that the file patcher and the Office.js gateway
 * recognise each other's (and replace them, never duplicate them):
 * - a conditional format's formula has RULE_MARKER, `N("CCHC")=0` (always true: N of a text is 0 in
 *   Excel and LibreOffice), as the first argument of its AND (`markedFormula`);
 * - a list validation's source is a CCHC_MUC_n name (TIER_NAME_RX); every validation carries the tool's
 *   error title and input title (ruleText 'errorTitle', 'inputTitle');
 * - the defined names CCHC_MUC_n (workbook-level) and the sheet named TIER_SHEET_NAME are the tool's.
 */
export const RULE_MARKER = 'N("CCHC")=0';

/** The defined names the tool owns: one per row of the tier sheet. */
export const TIER_NAME_RX = /^CCHC_MUC_\d+$/;

/** A rule's formula (without "=") with the tool's mark as the first condition of its AND. */
export function markedFormula(formula: string): string {
  return /^AND\(/.test(formula) ? 'AND(' + RULE_MARKER + ',' + formula.slice(4) : 'AND(' + RULE_MARKER + ',' + formula + ')';
}

/** Whether a conditional format's formula (with or without "=") is one a writer of the tool marked. */
export function isMarkedFormula(formula: string): boolean {
  return (
    String(formula)
      .replace(/^=/, '')
      .indexOf('AND(' + RULE_MARKER + ',') === 0
  );
}

/**
 * The flag kinds each rule shows by itself, as the cell changes: a highlighted cell whose every flag is
 * one of these, inside a rule of that kind, gets the rule instead of a static fill (a static fill would
 * stay after the official fixes the cell). Any other flag on the cell (a score typed as text, an error
 * value, two tiers marked) keeps today's static fill: no formula here sees it.
 */
export const LIVE_KINDS: { [kind in SheetRuleKind]: string[] } = {
  'off-tier': ['off-tier', 'over-max', 'negative'],
  'missing-evidence': ['missing-evidence'],
};

/** "sheet!row,col" of every cell a rule covers → the rule's kind. */
export function liveCells(rules: SheetRules): { [key: string]: SheetRuleKind } {
  const out: { [key: string]: SheetRuleKind } = {};
  for (let s = 0; s < rules.sheets.length; s++) {
    const spec = rules.sheets[s];
    for (let r = 0; r < spec.rules.length; r++) {
      const rule = spec.rules[r];
      for (let a = 0; a < rule.areas.length; a++) for (let row = rule.areas[a].top; row <= rule.areas[a].bottom; row++) out[spec.sheet + '!' + row + ',' + rule.areas[a].col] = rule.kind;
    }
  }
  return out;
}

/**
 * Whether a highlighted cell is shown live by a rule: every flag on it (`kinds`) is one its rule sees
 * (LIVE_KINDS). Such a cell gets the rule instead of a static fill.
 */
export function shownLive(live: { [key: string]: SheetRuleKind }, sheet: string, row: number, col: number, kinds: string[]): boolean {
  const key = sheet + '!' + row + ',' + col;
  const kind = Object.prototype.hasOwnProperty.call(live, key) ? live[key] : null;
  if (!kind || !kinds.length) return false;
  for (let i = 0; i < kinds.length; i++) if (LIVE_KINDS[kind].indexOf(kinds[i]) < 0) return false;
  return true;
}

/** A relative formula: text and references by row offset and absolute column. */
export type FormulaPart = string | { dr: number; col: number };

/** A rule's formula at another anchor row (same column): for writers adding one rule per area. */
export function formulaAt(template: FormulaPart[], anchorRow: number): string {
  let text = '';
  for (let i = 0; i < template.length; i++) {
    const p = template[i];
    text += typeof p === 'string' ? p : a1(anchorRow + p.dr, p.col);
  }
  return text;
}
