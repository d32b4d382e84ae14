import { analyseWorkbook, AnalyseOptions } from '../../../src/core/analyse';
import { a1, columnIndex, parseRange } from '../../../src/core/address';
import { Flag } from '../../../src/core/check/flag';
import { GridCell, SheetGrid, WorkbookGrid } from '../../../src/core/grid';
import { readCell } from '../../../src/core/number/readCell';
import { unitsToNumber } from '../../../src/core/number/points';
import { buildSheetRules, ConditionalRule, formulaAt, MESSAGE_LIMIT, SheetRules, TITLE_LIMIT, TIER_SHEET_NAME, truncateText } from '../../../src/core/plan/sheetRules';
import { MISSING_EVIDENCE_COLOR, SCORE_PROBLEM_COLOR } from '../../../src/core/plan/highlightColors';
import { buildSampleGrid } from '../../../src/core/sample/thanhXa2023';
import { LEAF, SELF_CONFLICT } from '../../../src/core/score/scoreTable';
import { WorkbookAnalysis } from '../../../src/core/result/types';
import { generateShape } from '../shapes/generator';

const { syntheticSheet } = require('../../../bench/syntheticTable.js') as { syntheticSheet(leaves: number): WorkbookGrid };

/**
 * Issue 13, item 4: the rules that make a scoring sheet check itself as the official types, proved
 * the way a user would see them. The conditional formats are EVALUATED below by a small evaluator of
 * the functions they use (Excel semantics: empty cells are 0 or "", "=" ignores case, an error makes the
 * rule false), on the sample and on generated sheets, and must be true exactly on the cells the core's
 * own check flags; after the "official" fixes a cell, the rule is false and the core, run again on the
 * changed grid, agrees.
 */

// ---------------------------------------------------------------------------------------------
// A tiny evaluator of the conditional-format formulas (AND, OR, IF, ISNUMBER, ROUND, MOD, LEN, TRIM)
// ---------------------------------------------------------------------------------------------

type Value = number | string | boolean | null | { error: string };
const FUNCTIONS = ['AND', 'OR', 'IF', 'ISNUMBER', 'ROUND', 'MOD', 'LEN', 'TRIM'];

function isError(v: Value): v is { error: string } {
  return typeof v === 'object' && v !== null;
}

function tokenize(formula: string): string[] {
  const tokens: string[] = [];
  const re = /\s*("(?:[^"]|"")*"|\d+(?:\.\d+)?|[A-Z]+\d+|[A-Z]+(?=\()|<>|<=|>=|[-+*\/<>=(),])/gy;
  let m: RegExpExecArray | null;
  let at = 0;
  while (at < formula.length && (m = re.exec(formula)) !== null) {
    tokens.push(m[1]);
    at = re.lastIndex;
  }
  if (at !== formula.length) throw new Error('cannot read formula at ' + at + ': ' + formula);
  return tokens;
}

function evaluate(formula: string, sheet: SheetGrid): Value {
  const tokens = tokenize(formula);
  let p = 0;
  const peek = () => tokens[p];
  const take = (t?: string) => {
    const got = tokens[p++];
    if (t !== undefined && got !== t) throw new Error('expected ' + t + ', got ' + got + ' in ' + formula);
    return got;
  };
  const cellValue = (ref: string): Value => {
    const at = parseRange(ref)!;
    const row = sheet.rows[at.top];
    const cell = row ? row[at.left] : null;
    if (!cell) return null;
    if (cell.error) return { error: cell.error };
    return cell.value === undefined ? null : cell.value;
  };
  const num = (v: Value): number | { error: string } => {
    if (isError(v)) return v;
    if (v === null) return 0;
    if (typeof v === 'number') return v;
    if (typeof v === 'boolean') return v ? 1 : 0;
    return { error: '#VALUE!' }; // text is no number to these formulas (see sheetRules.ts)
  };
  const text = (v: Value): string | { error: string } => {
    if (isError(v)) return v;
    if (v === null) return '';
    if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
    return String(v);
  };
  const bool = (v: Value): boolean | { error: string } => {
    if (isError(v)) return v;
    if (typeof v === 'boolean') return v;
    if (typeof v === 'number') return v !== 0;
    if (v === null) return false;
    return { error: '#VALUE!' };
  };
  const compare = (op: string, a: Value, b: Value): Value => {
    if (isError(a)) return a;
    if (isError(b)) return b;
    // Excel: an empty cell is 0 against a number and "" against text; text sorts after numbers.
    if (a === null) a = typeof b === 'string' ? '' : 0;
    if (b === null) b = typeof a === 'string' ? '' : 0;
    let c: number;
    if (typeof a === 'number' && typeof b === 'number') c = a < b ? -1 : a > b ? 1 : 0;
    else if (typeof a === 'string' && typeof b === 'string') {
      const x = a.toLowerCase();
      const y = b.toLowerCase();
      c = x < y ? -1 : x > y ? 1 : 0;
    } else c = typeof a === 'number' ? -1 : typeof b === 'number' ? 1 : 0;
    switch (op) {
      case '=':
        return c === 0;
      case '<>':
        return c !== 0;
      case '<':
        return c < 0;
      case '>':
        return c > 0;
      case '<=':
        return c <= 0;
      default:
        return c >= 0;
    }
  };
  const call = (name: string, args: Array<() => Value>): Value => {
    switch (name) {
      case 'AND':
      case 'OR': {
        let result = name === 'AND';
        for (const arg of args) {
          const b = bool(arg()); // every argument is evaluated, as in Excel
          if (isError(b)) return b;
          result = name === 'AND' ? result && b : result || b;
        }
        return result;
      }
      case 'IF': {
        const b = bool(args[0]());
        if (isError(b)) return b;
        return b ? args[1]() : args[2] ? args[2]() : false;
      }
      case 'ISNUMBER':
        return typeof args[0]() === 'number';
      case 'ROUND': {
        const x = num(args[0]());
        const d = num(args[1]());
        if (isError(x)) return x;
        if (isError(d)) return d;
        const f = Math.pow(10, d);
        return (Math.sign(x) * Math.round(Math.abs(x) * f)) / f; // half away from zero
      }
      case 'MOD': {
        const n = num(args[0]());
        const d = num(args[1]());
        if (isError(n)) return n;
        if (isError(d)) return d;
        if (d === 0) return { error: '#DIV/0!' };
        return n - d * Math.floor(n / d); // the sign of the divisor, as Excel
      }
      case 'LEN': {
        const t = text(args[0]());
        return isError(t) ? t : t.length;
      }
      case 'TRIM': {
        const t = text(args[0]());
        return isError(t) ? t : t.replace(/ +/g, ' ').replace(/^ | $/g, '');
      }
      default:
        throw new Error('function not in the evaluator: ' + name);
    }
  };
  const primary = (): (() => Value) => {
    const t = take();
    if (t === '(') {
      const inner = comparison();
      take(')');
      return inner;
    }
    if (t === '-') {
      const inner = primary();
      return () => {
        const v = num(inner());
        return isError(v) ? v : -v;
      };
    }
    if (t.charAt(0) === '"') {
      const s = t.substring(1, t.length - 1).replace(/""/g, '"');
      return () => s;
    }
    if (/^\d/.test(t)) {
      const n = parseFloat(t);
      return () => n;
    }
    if (peek() === '(' && FUNCTIONS.indexOf(t) >= 0) {
      take('(');
      const args: Array<() => Value> = [];
      if (peek() !== ')') {
        args.push(comparison());
        while (peek() === ',') {
          take(',');
          args.push(comparison());
        }
      }
      take(')');
      return () => call(t, args);
    }
    if (/^[A-Z]+\d+$/.test(t)) return () => cellValue(t);
    throw new Error('unexpected ' + t + ' in ' + formula);
  };
  const multiplicative = (): (() => Value) => {
    let left = primary();
    while (peek() === '*' || peek() === '/') {
      const op = take();
      const l = left;
      const r = primary();
      left = () => {
        const a = num(l());
        const b = num(r());
        if (isError(a)) return a;
        if (isError(b)) return b;
        if (op === '/' && b === 0) return { error: '#DIV/0!' };
        return op === '*' ? a * b : a / b;
      };
    }
    return left;
  };
  const additive = (): (() => Value) => {
    let left = multiplicative();
    while (peek() === '+' || peek() === '-') {
      const op = take();
      const l = left;
      const r = multiplicative();
      left = () => {
        const a = num(l());
        const b = num(r());
        if (isError(a)) return a;
        if (isError(b)) return b;
        return op === '+' ? a + b : a - b;
      };
    }
    return left;
  };
  const comparison = (): (() => Value) => {
    const left = additive();
    const op = peek();
    if (op === '=' || op === '<>' || op === '<' || op === '>' || op === '<=' || op === '>=') {
      take();
      const right = additive();
      return () => compare(op, left(), right());
    }
    return left;
  };
  const expr = comparison();
  if (p !== tokens.length) throw new Error('trailing tokens in ' + formula);
  return expr();
}

/** Every cell a rule covers, with its formula re-anchored there as Excel shifts a relative formula. */
function cellsOf(rule: ConditionalRule): Array<{ row: number; col: number; formula: string }> {
  const cells: Array<{ row: number; col: number; formula: string }> = [];
  for (const area of rule.areas) for (let r = area.top; r <= area.bottom; r++) cells.push({ row: r, col: area.col, formula: formulaAt(rule.template, r) });
  return cells;
}

/** Shifts the rule's stored formula (relative to its anchor) to another cell of the same column, by text. */
function shiftedByText(rule: ConditionalRule, row: number): string {
  return rule.formula.replace(/([A-Z]+)(\d+)/g, (whole, col: string, r: string) => (FUNCTIONS.indexOf(col) >= 0 ? whole : col + (Number(r) + row - rule.anchorRow)));
}

/** The cells where each kind of rule is true on `grid`, as "sheet!A1". */
function highlighted(rules: SheetRules, grid: WorkbookGrid): { 'missing-evidence': Set<string>; 'off-tier': Set<string>; covered: { 'missing-evidence': Set<string>; 'off-tier': Set<string> } } {
  const out = { 'missing-evidence': new Set<string>(), 'off-tier': new Set<string>(), covered: { 'missing-evidence': new Set<string>(), 'off-tier': new Set<string>() } };
  for (const spec of rules.sheets) {
    const sheet = grid.sheets.find((s) => s.name === spec.sheet)!;
    for (const rule of spec.rules) {
      for (const cell of cellsOf(rule)) {
        const key = spec.sheet + '!' + a1(cell.row, cell.col);
        out.covered[rule.kind].add(key);
        if (evaluate(cell.formula, sheet) === true) out[rule.kind].add(key);
      }
    }
  }
  return out;
}

const SCORE_KINDS = ['off-tier', 'over-max', 'negative'];

/** The core's flags that the two rules stand for, by cell. */
function flaggedCells(analysis: WorkbookAnalysis): { 'missing-evidence': Set<string>; 'off-tier': Set<string>; flags: Flag[] } {
  const out = { 'missing-evidence': new Set<string>(), 'off-tier': new Set<string>(), flags: [] as Flag[] };
  for (const f of analysis.flags) {
    if (f.kind === 'missing-evidence') out['missing-evidence'].add(f.sheet + '!' + f.cell);
    else if (SCORE_KINDS.indexOf(f.kind) >= 0 && f.score === 'self') out['off-tier'].add(f.sheet + '!' + f.cell);
    else continue;
    out.flags.push(f);
  }
  return out;
}

/**
 * Cells where the formulas and the core read a cell differently by design (sheetRules.ts says why): a
 * score typed as text, on the leaf row or a tier row; a leaf scored twice (leaf row and a tier row).
 */
function byDesign(analysis: WorkbookAnalysis): Set<string> {
  const out = new Set<string>();
  for (const s of analysis.sheets) {
    const k = s.table.criteria;
    const f = s.score.figures;
    const c = s.table.columns;
    if (c.self === undefined) continue;
    for (let i = 0; i < k.row.length; i++) {
      if (!(f.state[i] & LEAF)) continue;
      let textual = k.self[i].kind !== 'empty' && (k.self[i].kind !== 'number' || (k.self[i] as { fromText: boolean }).fromText);
      for (let j = k.tierStart[i]; j < k.tierEnd[i]; j++) {
        const r = s.table.tiers.self[j];
        if (r.kind === 'number' && r.fromText) textual = true;
        if (r.kind === 'text') textual = true;
      }
      if (textual || f.state[i] & SELF_CONFLICT) {
        out.add(s.name + '!' + a1(k.row[i], c.self));
        if (c.evidence !== undefined) out.add(s.name + '!' + a1(k.row[i], c.evidence));
      }
    }
  }
  return out;
}

function without(set: Set<string>, drop: Set<string>): string[] {
  return Array.from(set)
    .filter((x) => !drop.has(x))
    .sort();
}

/**
 * The rules agree with the core on `grid`: each rule true exactly on the covered cells the core flags
 * for it (cells read differently by design left out), and every flag of those kinds is on a covered cell
 * unless it points at a tier row (a score typed there is the core's to check).
 */
function expectAgreement(rules: SheetRules, grid: WorkbookGrid, options?: AnalyseOptions, label = ''): { flagged: number; designed: number; reread: number } {
  const analysis = analyseWorkbook(grid, options);
  const shown = highlighted(rules, grid);
  const flagged = flaggedCells(analysis);
  const designed = byDesign(analysis);
  // Where what was typed made the core read the table otherwise (a part "a)" read as a level…), the spec
  // made now differs from the one installed: the next recalculation installs the new one. Those cells
  // are left out; everywhere else the installed rules must agree with the core.
  const now = formulasByCell(buildSheetRules(analysis, 'vi'));
  const then = formulasByCell(rules);
  let reread = 0;
  then.forEach((formula, key) => {
    if (now.get(key) !== formula) {
      designed.add(key.substring(key.indexOf(' ') + 1));
      reread++;
    }
  });
  now.forEach((formula, key) => {
    if (!then.has(key)) reread++; // a cell the installed rules do not cover yet: the next recalculation's
  });
  for (const kind of ['missing-evidence', 'off-tier'] as const) {
    const coveredFlags = new Set(Array.from(flagged[kind]).filter((c) => shown.covered[kind].has(c)));
    expect({ label, kind, cells: without(shown[kind], designed) }).toEqual({ label, kind, cells: without(coveredFlags, designed) });
  }
  const tierRows = new Set<string>();
  for (const s of analysis.sheets) for (let j = 0; j < s.table.tiers.row.length; j++) tierRows.add(s.name + '!' + s.table.tiers.row[j]);
  for (const f of flagged.flags) {
    const kind = f.kind === 'missing-evidence' ? 'missing-evidence' : 'off-tier';
    const key = f.sheet + '!' + f.cell;
    if (!shown.covered[kind].has(key) && !now.has(kind + ' ' + key))
      expect({ label, flag: key, kind: f.kind, onTierRow: tierRows.has(f.sheet + '!' + f.row) }).toEqual({ label, flag: key, kind: f.kind, onTierRow: true });
  }
  return { flagged: flagged.flags.length, designed: designed.size, reread };
}

/** "kind sheet!A1" → the rule's formula at that cell. */
function formulasByCell(rules: SheetRules): Map<string, string> {
  const out = new Map<string, string>();
  for (const spec of rules.sheets) for (const rule of spec.rules) for (const cell of cellsOf(rule)) out.set(rule.kind + ' ' + spec.sheet + '!' + a1(cell.row, cell.col), cell.formula);
  return out;
}

function copyGrid(grid: WorkbookGrid): WorkbookGrid {
  return JSON.parse(JSON.stringify(grid)) as WorkbookGrid;
}

function setCell(grid: WorkbookGrid, sheet: string, address: string, cell: GridCell | null): void {
  const s = grid.sheets.find((x) => x.name === sheet)!;
  const at = parseRange(address)!;
  while (s.rows.length <= at.top) s.rows.push([]);
  const row = s.rows[at.top] || (s.rows[at.top] = []);
  while (row.length <= at.left) row.push(null);
  row[at.left] = cell;
}

const EVIDENCE = { value: 'Kế hoạch số 99/KH-UBND ngày 15/02/2023 của UBND xã' };

// ---------------------------------------------------------------------------------------------
// The sample: Thanh Xá 2023
// ---------------------------------------------------------------------------------------------

describe('buildSheetRules on the sample (Thanh Xá 2023)', () => {
  const grid = buildSampleGrid();
  const analysis = analyseWorkbook(grid);
  const rules = buildSheetRules(analysis, 'vi');

  test('every leaf self-score cell gets exactly one validation, of the kind its levels call for', () => {
    let leaves = 0;
    for (const s of analysis.sheets) {
      const spec = rules.sheets.find((x) => x.sheet === s.name)!;
      const k = s.table.criteria;
      const f = s.score.figures;
      const expected: string[] = [];
      for (let i = 0; i < k.row.length; i++) {
        if (!(f.state[i] & LEAF) || k.survey[i] || k.deduction[i]) continue;
        leaves++;
        expected.push(a1(k.row[i], s.table.columns.self!));
        const mine = spec.validations.filter((v) => v.address === a1(k.row[i], s.table.columns.self!));
        expect(mine.length).toBe(1);
        const v = mine[0];
        const allowed = f.tiers[i]!.allowed;
        if (allowed) {
          expect(v.kind).toBe('list');
          if (v.kind !== 'list') continue;
          // The drop-down's numbers are the sheet's levels; the tier sheet's row holds them as numbers.
          expect(v.values).toEqual(allowed.map(unitsToNumber));
          const row = rules.tierTable!.rows.find((r) => r.row === v.tierRow)!;
          expect(row.values).toEqual(v.values);
          expect(row.values.every((n) => typeof n === 'number')).toBe(true);
          expect(v.source).toBe("'" + TIER_SHEET_NAME + "'!" + row.range.replace(/([A-Z]+)(\d+)/g, '$$$1$$$2'));
        } else {
          expect(v).toMatchObject({ kind: 'decimal', operator: 'between', min: 0, max: unitsToNumber(f.max[i]), formula1: '0', formula2: String(unitsToNumber(f.max[i])) });
        }
      }
      expect(spec.validations.map((v) => v.address)).toEqual(expected);
    }
    expect(leaves).toBe(65);
    // The survey criteria of Phụ lục 2 (ĐTXHH) get nothing: only I.1 is self-scored there.
    expect(rules.sheets[1].validations.map((v) => v.code)).toEqual(['1.1']);
  });

  test("3.1.2's drop-down is the sheet's two levels (1 and 0), not the 0,5 the commune asks for", () => {
    const v = rules.sheets[0].validations.find((x) => x.code === '3.1.2')!;
    expect(v).toMatchObject({ kind: 'list', address: 'D56', values: [1, 0] });
    const proportional = rules.sheets[0].validations.find((x) => x.code === '3.3.1')!;
    expect(proportional).toMatchObject({ kind: 'decimal', min: 0, max: 2 });
  });

  test('the tier sheet: one row per distinct set of levels, numbers only, each used', () => {
    const table = rules.tierTable!;
    expect(table.sheet).toBe(TIER_SHEET_NAME);
    expect(table.visibility).toBe('hidden');
    const keys = table.rows.map((r) => r.values.join(','));
    expect(new Set(keys).size).toBe(keys.length);
    expect(table.rows.map((r) => r.row)).toEqual(table.rows.map((_, i) => i + 1));
    expect(table.rows[0]).toMatchObject({ range: 'A2:C2', values: [1, 0.5, 0], definedName: 'CCHC_MUC_1' });
    const used = new Set<number>();
    for (const s of rules.sheets) for (const v of s.validations) if (v.kind === 'list') used.add(v.tierRow);
    expect(used.size).toBe(table.rows.length);
  });

  test("Excel's limits: titles ≤ 32, messages ≤ 255 characters; the guidance is the input message", () => {
    for (const s of rules.sheets) {
      for (const v of s.validations) {
        expect(v.inputTitle.length).toBeLessThanOrEqual(TITLE_LIMIT);
        expect(v.errorTitle.length).toBeLessThanOrEqual(TITLE_LIMIT);
        expect(v.inputMessage.length).toBeLessThanOrEqual(MESSAGE_LIMIT);
        expect(v.errorMessage.length).toBeLessThanOrEqual(MESSAGE_LIMIT);
        expect(v.errorStyle).toBe('stop');
      }
    }
    const v = rules.sheets[0].validations.find((x) => x.code === '1.3.1')!;
    expect(v.inputTitle).toBe('Điểm tiêu chí 1.3.1');
    expect(v.inputMessage).toBe('Chọn một mức điểm: 0,5; 0,25; 0.\nBan hành đúng thời hạn: 0,5 điểm; ban hành chậm: 0,25 điểm; không ban hành: 0 điểm');
    expect(v.errorMessage).toBe('Tiêu chí 1.3.1 chỉ nhận một trong các mức điểm: 0,5; 0,25; 0. Chọn từ danh sách thả xuống.');
    const en = buildSheetRules(analysis, 'en').sheets[0].validations.find((x) => x.code === '1.3.1')!;
    expect(en.errorMessage).toBe('Criterion 1.3.1 takes only one of the levels 0.5; 0.25; 0. Choose from the drop-down list.');
    // Truncation at a word, with "…".
    const long = 'Hoàn thành '.repeat(40);
    const cut = truncateText(long, MESSAGE_LIMIT);
    expect(cut.length).toBeLessThanOrEqual(MESSAGE_LIMIT);
    expect(cut).toMatch(/thành…$/);
    expect(truncateText('x'.repeat(40), TITLE_LIMIT)).toBe('x'.repeat(31) + '…');
  });

  test('the formulas: old functions only, no array constant, no other sheet, numbers with a dot, one colour each', () => {
    for (const s of rules.sheets) {
      for (const rule of s.rules) {
        const functions = rule.formula.match(/[A-Z]+(?=\()/g) || [];
        for (const fn of functions) expect(FUNCTIONS).toContain(fn);
        expect(rule.formula).not.toMatch(/[{}!]/);
        expect(rule.formula).not.toMatch(/[<>=]-?\d+,\d/); // no decimal comma in a constant
        expect(rule.fill).toBe(rule.kind === 'off-tier' ? SCORE_PROBLEM_COLOR : MISSING_EVIDENCE_COLOR);
        // The stored formula is relative to the anchor: shifting it by text is what formulaAt gives.
        for (const cell of cellsOf(rule)) expect(shiftedByText(rule, cell.row)).toBe(cell.formula);
        expect(rule.anchor).toBe(rule.areas[0].address.split(':')[0]);
        for (let a = 1; a < rule.areas.length; a++) expect(rule.areas[a].top).toBeGreaterThan(rule.areas[a - 1].bottom + 1);
        expect(rule.sqref).toBe(rule.areas.map((x) => x.address).join(' '));
      }
    }
    // Runs are merged: far fewer rules than leaves (65 leaves, 19 rules here).
    const count = rules.sheets.reduce((n, s) => n + s.rules.length, 0);
    expect(count).toBe(19);
    const plain = rules.sheets[0].rules.find((r) => r.kind === 'missing-evidence' && r.anchor === 'F16')!;
    expect(plain.formula).toBe('AND(ISNUMBER(D16),ROUND(D16,6)>0,LEN(TRIM(F16))=0)');
    expect(plain.sqref).toMatch(/^F16:F17 F19:F20 /);
  });

  test('the rules are true exactly where the core flags: missing evidence F80, F104; off-tier D56', () => {
    const shown = highlighted(rules, grid);
    expect(Array.from(shown['missing-evidence']).sort()).toEqual(['Phụ lục 1!F104', 'Phụ lục 1!F80']);
    expect(Array.from(shown['off-tier'])).toEqual(['Phụ lục 1!D56']);
    expectAgreement(rules, grid);
  });

  test('the official fixes the cells: the highlights go, and the core agrees', () => {
    const fixed = copyGrid(grid);
    setCell(fixed, 'Phụ lục 1', 'F80', EVIDENCE);
    setCell(fixed, 'Phụ lục 1', 'F104', { value: '  ' }); // blank text is no evidence
    const v = rules.sheets[0].validations.find((x) => x.code === '3.1.2')!;
    setCell(fixed, 'Phụ lục 1', 'D56', { value: v.kind === 'list' ? v.values[1] : 0 }); // picks 0 from the drop-down
    const shown = highlighted(rules, fixed);
    expect(Array.from(shown['missing-evidence'])).toEqual(['Phụ lục 1!F104']);
    expect(Array.from(shown['off-tier'])).toEqual([]);
    expectAgreement(rules, fixed);
    const again = analyseWorkbook(fixed).flags.filter((f) => f.kind === 'missing-evidence' || f.kind === 'off-tier');
    expect(again.map((f) => f.cell)).toEqual(['F104']);
    setCell(fixed, 'Phụ lục 1', 'F104', EVIDENCE);
    expect(highlighted(rules, fixed)['missing-evidence'].size).toBe(0);
    expect(analyseWorkbook(fixed).flags.filter((f) => f.kind === 'missing-evidence')).toEqual([]);
  });

  test('new problems typed later light up without the add-in, as the core would flag them', () => {
    const typed = copyGrid(grid);
    setCell(typed, 'Phụ lục 1', 'D17', { value: 0.3 }); // 1.1.3 takes 0,5 or 0
    setCell(typed, 'Phụ lục 1', 'D33', { value: 2.5 }); // 1.5.1 proportional, max 2
    setCell(typed, 'Phụ lục 1', 'D23', { value: -1 }); // negative
    setCell(typed, 'Phụ lục 1', 'F16', null); // 1.1.2 scored 1,5, evidence removed
    setCell(typed, 'Phụ lục 1', 'D13', null); // 1.1.1: the "x" moves from 1 point…
    setCell(typed, 'Phụ lục 1', 'D14', { value: 'X' }); // …to 0,5 on the next tier row
    setCell(typed, 'Phụ lục 1', 'F12', null); // and its evidence goes: scored 0,5 on a tier row, no evidence
    setCell(typed, 'Phụ lục 1', 'D74', null); // 3.4.2: the "x" moves to the 0-point tier…
    setCell(typed, 'Phụ lục 1', 'D76', { value: 'x' });
    setCell(typed, 'Phụ lục 1', 'F73', null); // …so no evidence is needed
    const shown = highlighted(rules, typed);
    expect(Array.from(shown['off-tier']).sort()).toEqual(['Phụ lục 1!D17', 'Phụ lục 1!D23', 'Phụ lục 1!D33', 'Phụ lục 1!D56']);
    expect(Array.from(shown['missing-evidence']).sort()).toEqual(['Phụ lục 1!F104', 'Phụ lục 1!F12', 'Phụ lục 1!F16', 'Phụ lục 1!F80']);
    expectAgreement(rules, typed);
  });

  test('no float drift: 0,7 − 0,45 typed where 0,25 is a level, 0,1 + 0,2 against a proportional maximum', () => {
    const drift = copyGrid(grid);
    expect(0.7 - 0.45).not.toBe(0.25);
    setCell(drift, 'Phụ lục 1', 'D22', { value: 0.7 - 0.45 }); // 1.3.1: levels 0,5; 0,25; 0
    setCell(drift, 'Phụ lục 1', 'D33', { value: 1.7 + 0.3 + 1e-12 }); // 1.5.1: 2 (max 2), typed with drift
    setCell(drift, 'Phụ lục 1', 'D66', { value: 0.1 + 0.2 }); // 3.3.1: proportional, 0,3
    const shown = highlighted(rules, drift);
    expect(Array.from(shown['off-tier'])).toEqual(['Phụ lục 1!D56']);
    expectAgreement(rules, drift);
  });

  test("never over the user's own validation: those cells are listed, not planned", () => {
    const own = buildSheetRules(analysis, 'vi', { userValidation: { 'Phụ lục 1': [{ top: 15, left: 3, bottom: 16, right: 5 }], Other: [{ top: 0, left: 0, bottom: 999, right: 9 }] } });
    expect(own.skipped).toEqual([
      { sheet: 'Phụ lục 1', code: '1.1.2', address: 'D16', reason: 'user-validation' },
      { sheet: 'Phụ lục 1', code: '1.1.3', address: 'D17', reason: 'user-validation' },
    ]);
    const addresses = own.sheets[0].validations.map((v) => v.address);
    expect(addresses).not.toContain('D16');
    expect(addresses.length).toBe(rules.sheets[0].validations.length - 2);
    // The conditional formats still cover them: they are no validation.
    expect(own.sheets[0].rules.map((r) => r.sqref)).toEqual(rules.sheets[0].rules.map((r) => r.sqref));
  });

  test('the same spec in English but for the words', () => {
    const en = buildSheetRules(analysis, 'en');
    expect(en.sheets.map((s) => s.rules)).toEqual(rules.sheets.map((s) => s.rules));
    expect(en.sheets[0].validations.map((v) => v.address)).toEqual(rules.sheets[0].validations.map((v) => v.address));
    expect(en.tierTable!.rows).toEqual(rules.tierTable!.rows);
  });
});

// ---------------------------------------------------------------------------------------------
// Generated sheets (test/core/shapes/generator.ts): many shapes, planted problems, fixes
// ---------------------------------------------------------------------------------------------

describe('buildSheetRules on generated sheets', () => {
  const SEEDS = Array.from({ length: 120 }, (_, i) => 7001 + i);

  test('each leaf score cell gets one validation whose list is its levels, on every shape', () => {
    let lists = 0;
    let decimals = 0;
    for (const seed of SEEDS) {
      const shape = generateShape(seed);
      const analysis = analyseWorkbook(shape.grid, shape.options);
      const rules = buildSheetRules(analysis, 'vi');
      const seen = new Map<string, number>();
      for (const spec of rules.sheets) for (const v of spec.validations) seen.set(spec.sheet + '!' + v.address, (seen.get(spec.sheet + '!' + v.address) || 0) + 1);
      for (const s of analysis.sheets) {
        const k = s.table.criteria;
        const f = s.score.figures;
        if (s.table.columns.self === undefined) continue;
        for (let i = 0; i < k.row.length; i++) {
          if (!(f.state[i] & LEAF) || k.survey[i] || k.deduction[i]) continue;
          const key = s.name + '!' + a1(k.row[i], s.table.columns.self);
          expect({ seed, key, count: seen.get(key) }).toEqual({ seed, key, count: 1 });
          const v = rules.sheets.find((x) => x.sheet === s.name)!.validations.find((x) => x.address === a1(k.row[i], s.table.columns.self!))!;
          const allowed = f.tiers[i]!.allowed;
          if (allowed) {
            lists++;
            expect({ seed, key, values: v.kind === 'list' ? v.values : v.kind }).toEqual({ seed, key, values: allowed.map(unitsToNumber) });
          } else {
            decimals++;
            expect({ seed, key, kind: v.kind }).toEqual({ seed, key, kind: 'decimal' });
          }
          expect(v.inputMessage.length).toBeLessThanOrEqual(MESSAGE_LIMIT);
          expect(v.errorMessage.length).toBeLessThanOrEqual(MESSAGE_LIMIT);
        }
      }
    }
    expect(lists).toBeGreaterThan(300);
    expect(decimals).toBeGreaterThan(50);
  });

  test('the rules light exactly the cells the core flags, before and after the official fixes them', () => {
    let planted = 0;
    let fixedCells = 0;
    let designed = 0;
    for (const seed of SEEDS) {
      const shape = generateShape(seed);
      const analysis = analyseWorkbook(shape.grid, shape.options);
      const rules = buildSheetRules(analysis, 'vi');
      const before = expectAgreement(rules, shape.grid, shape.options, 'seed ' + seed);
      planted += before.flagged;
      designed += before.designed;
      // The official fixes every lit cell: types evidence, or picks the first level of the drop-down.
      const shown = highlighted(rules, shape.grid);
      const fixed = copyGrid(shape.grid);
      shown['missing-evidence'].forEach((key) => {
        const [sheet, address] = key.split('!');
        setCell(fixed, sheet, address, EVIDENCE);
        fixedCells++;
      });
      shown['off-tier'].forEach((key) => {
        const [sheet, address] = key.split('!');
        const v = rules.sheets.find((x) => x.sheet === sheet)!.validations.find((x) => x.address === address);
        const value = v && v.kind === 'list' ? v.values[0] : v && v.kind === 'decimal' && v.max !== null ? v.max : 0;
        setCell(fixed, sheet, address, { value });
        fixedCells++;
      });
      const after = highlighted(rules, fixed);
      // What was lit is no longer lit (a level picked may need evidence it lacked: that one lights).
      shown['off-tier'].forEach((key) => expect({ seed, key, lit: after['off-tier'].has(key) }).toEqual({ seed, key, lit: false }));
      shown['missing-evidence'].forEach((key) => expect({ seed, key, lit: after['missing-evidence'].has(key) }).toEqual({ seed, key, lit: false }));
      expectAgreement(rules, fixed, shape.options, 'seed ' + seed + ' fixed');
    }
    expect(planted).toBeGreaterThan(40);
    expect(fixedCells).toBeGreaterThan(40);
    // Text scores and doubly scored leaves are the core's alone; they stay few.
    expect(designed).toBeLessThan(planted * 10);
  });

  test('random scores typed into every leaf: the formulas and the core still agree', () => {
    let lit = 0;
    let reread = 0;
    let cells = 0;
    for (const seed of SEEDS.slice(0, 60)) {
      const shape = generateShape(seed);
      // Two self-score columns nothing tells apart: the core picks by their content, which typing changes.
      if (shape.truth.ambiguous) continue;
      const analysis = analyseWorkbook(shape.grid, shape.options);
      const rules = buildSheetRules(analysis, 'vi');
      const typed = copyGrid(shape.grid);
      let state = seed;
      const random = () => (state = (state * 1103515245 + 12345) % 2147483648) / 2147483648;
      for (const spec of rules.sheets) {
        for (const v of spec.validations) {
          const roll = random();
          // A level, a level with float drift, a number off the levels, above the maximum, negative, or empty.
          let value: number | null;
          if (v.kind === 'list')
            value =
              roll < 0.4 ? v.values[Math.floor(random() * v.values.length)] : roll < 0.55 ? v.values[0] + 0.1 + 0.2 - 0.3 : roll < 0.7 ? 0.37 : roll < 0.8 ? v.values[0] + 1 : roll < 0.9 ? -0.5 : null;
          else value = roll < 0.5 ? Math.round(random() * (v.max || 1) * 100) / 100 : roll < 0.7 ? (v.max || 0) + 0.1 + 0.2 : roll < 0.85 ? -0.25 : null;
          setCell(typed, spec.sheet, v.address, value === null ? null : { value });
        }
        for (const rule of spec.rules)
          if (rule.kind === 'missing-evidence') for (const area of rule.areas) for (let r = area.top; r <= area.bottom; r++) if (random() < 0.3) setCell(typed, spec.sheet, a1(r, area.col), null);
      }
      reread += expectAgreement(rules, typed, shape.options, 'seed ' + seed + ' typed').reread;
      cells += formulasByCell(rules).size;
      const shown = highlighted(rules, typed);
      lit += shown['off-tier'].size + shown['missing-evidence'].size;
    }
    expect(lit).toBeGreaterThan(200);
    // Typing rarely changes how the table is read.
    expect(reread).toBeLessThan(cells / 20);
  });
});

describe('buildSheetRules on a criterion with many levels', () => {
  /** A small sheet whose criteria 1.1 and 1.2 have an increment rule of 52 levels (0; 0,5; 0,51 … 1). */
  function manyLevels(score11: number | string | null, score12: number | null): WorkbookGrid {
    const guidance = 'Đạt 50%: 0,5 điểm; cứ tăng thêm 1% được cộng 0,01 điểm; tối đa 1 điểm';
    const header = ['STT', 'Nội dung', 'Điểm tối đa', 'Điểm tự đánh giá', 'Tài liệu kiểm chứng', 'Hướng dẫn chấm điểm'].map((value) => ({ value }));
    const cell = (value: number | string | null) => (value === null ? null : { value });
    return {
      sheets: [
        {
          name: 'Phụ lục 1',
          rows: [
            [{ value: 'BẢNG TỰ ĐÁNH GIÁ CHỈ SỐ CCHC NĂM 2023' }],
            header,
            [{ value: '1' }, { value: 'Lĩnh vực một' }, { value: 3 }],
            [{ value: '1.1' }, { value: 'Tỷ lệ hồ sơ đúng hạn' }, { value: 1 }, cell(score11), { value: 'Báo cáo số 1/BC-UBND ngày 05/01/2023' }, { value: guidance }],
            [{ value: '1.2' }, { value: 'Tỷ lệ hồ sơ trực tuyến' }, { value: 1 }, cell(score12), null, { value: guidance }],
            [{ value: '1.3' }, { value: 'Có báo cáo' }, { value: 1 }, { value: 1 }, { value: 'Báo cáo số 2/BC-UBND ngày 05/02/2023' }, { value: 'Có: 1 điểm; không: 0 điểm' }],
            [{ value: 'Tổng cộng' }],
          ],
        },
      ],
    };
  }

  test('the drop-down lists every level; the conditional format tests the steps with MOD', () => {
    const grid = manyLevels(0.73, 0.6);
    const analysis = analyseWorkbook(grid);
    const rules = buildSheetRules(analysis, 'vi');
    const v = rules.sheets[0].validations[0];
    expect(v.kind).toBe('list');
    if (v.kind !== 'list') return;
    expect(v.values.length).toBe(52);
    expect(v.values.slice(0, 3)).toEqual([1, 0.99, 0.98]);
    expect(v.source).toBe("'Mức điểm CCHC'!$A$2:$AZ$2");
    expect(v.errorMessage.length).toBeLessThanOrEqual(MESSAGE_LIMIT);
    expect(v.errorMessage).toMatch(/…$/);
    const rule = rules.sheets[0].rules.find((r) => r.kind === 'off-tier' && r.anchor === 'D4')!;
    expect(rule).toMatchObject({ exact: true, sqref: 'D4:D5', formula: 'AND(ISNUMBER(D4),ROUND(D4,6)<>0,OR(ROUND(D4,6)<0.5,ROUND(D4,6)>1,MOD(ROUND(D4*1000000,0)-500000,10000)<>0))' });
    expect(rules.sheets[0].rules.find((r) => r.kind === 'off-tier' && r.anchor === 'D6')!.exact).toBe(true);
    // 1.2 is scored without evidence: lit, as the core flags it; over the maximum lights too.
    expect(Array.from(highlighted(rules, grid)['missing-evidence'])).toEqual(['Phụ lục 1!E5']);
    expectAgreement(rules, grid);
    const over = manyLevels(1.2, 0);
    expect(Array.from(highlighted(rules, over)['off-tier'])).toEqual(['Phụ lục 1!D4']);
    expectAgreement(rules, over);
    // Off the steps, below the first level, and a level typed with float drift.
    for (const [score, lit] of [
      [0.505, true],
      [0.3, true],
      [0.5 + 0.1 + 0.2 - 0.3, false],
      [0.87, false],
      [0, false],
    ] as Array<[number, boolean]>) {
      const typed = manyLevels(score, 0);
      expect({ score, lit: highlighted(rules, typed)['off-tier'].has('Phụ lục 1!D4') }).toEqual({ score, lit });
      expectAgreement(rules, typed);
    }
  });

  test('more than 40 levels that are no progression: the rule checks their range only, and says so (exact: false)', () => {
    const rows: WorkbookGrid['sheets'][0]['rows'] = [
      [{ value: 'BẢNG TỰ ĐÁNH GIÁ CHỈ SỐ CCHC NĂM 2023' }],
      ['STT', 'Nội dung', 'Điểm tối đa', 'Điểm tự đánh giá', 'Tài liệu kiểm chứng'].map((value) => ({ value })),
      [{ value: '1' }, { value: 'Lĩnh vực một' }, { value: 5 }],
      [{ value: '1.1' }, { value: 'Mức độ' }, { value: 5 }, { value: 1 }, { value: 'Báo cáo số 1/BC-UBND ngày 05/01/2023' }],
    ];
    for (let k = 1; k <= 45; k++) rows.push([{ value: '-' }, { value: 'Mức ' + k }, { value: (k * k) / 500 }]);
    rows.push([{ value: 'Tổng cộng' }]);
    const grid: WorkbookGrid = { sheets: [{ name: 'Phụ lục 1', rows }] };
    const analysis = analyseWorkbook(grid);
    const rules = buildSheetRules(analysis, 'vi');
    const v = rules.sheets[0].validations[0];
    expect(v.kind === 'list' && v.values.length).toBe(47); // 45 levels, the maximum 5 and 0
    const rule = rules.sheets[0].rules.find((r) => r.kind === 'off-tier')!;
    expect(rule).toMatchObject({ exact: false, formula: 'AND(ISNUMBER(D4),OR(ROUND(D4,6)<0,ROUND(D4,6)>5))' });
    // 1 is no level: the core flags it, this rule cannot; 6 is above every level: both do.
    expect(analysis.flags.filter((f) => f.kind === 'off-tier').map((f) => f.cell)).toEqual(['D4']);
    expect(highlighted(rules, grid)['off-tier'].size).toBe(0);
    const six = copyGrid(grid);
    setCell(six, 'Phụ lục 1', 'D4', { value: 6 });
    expect(Array.from(highlighted(rules, six)['off-tier'])).toEqual(['Phụ lục 1!D4']);
    expect(
      analyseWorkbook(six)
        .flags.filter((f) => f.cell === 'D4')
        .map((f) => f.kind),
    ).toEqual(['over-max']);
  });
});

// ---------------------------------------------------------------------------------------------
// Bounded: 10,000 leaves
// ---------------------------------------------------------------------------------------------

describe('buildSheetRules on big sheets', () => {
  test('10,000 leaves: one validation each, a bounded number of rules, linear time', () => {
    const small = syntheticSheet(1000);
    const big = syntheticSheet(10000);
    const smallAnalysis = analyseWorkbook(small);
    const bigAnalysis = analyseWorkbook(big);
    const time = (analysis: WorkbookAnalysis) => {
      const start = Date.now();
      let rules: SheetRules | null = null;
      for (let i = 0; i < 3; i++) rules = buildSheetRules(analysis, 'vi');
      return { ms: (Date.now() - start) / 3, rules: rules! };
    };
    time(smallAnalysis); // warm up
    const s = time(smallAnalysis);
    const b = time(bigAnalysis);
    expect(b.rules.sheets[0].validations.length).toBe(10000);
    // The rule count is the number of shapes on the sheet, the same for 1,000 and 10,000 leaves.
    expect(b.rules.sheets[0].rules.length).toBe(s.rules.sheets[0].rules.length);
    expect(b.rules.sheets[0].rules.length).toBeLessThanOrEqual(6);
    expect(b.rules.tierTable!.rows.length).toBeLessThanOrEqual(3);
    // Linear: ten times the leaves within twenty times the time (plus slack for a busy machine).
    expect(b.ms).toBeLessThan(s.ms * 20 + 200);
    // And the rules agree with the core there too.
    expectAgreement(b.rules, big);
    const columnE = columnIndex('E');
    expect(b.rules.sheets[0].rules.filter((r) => r.kind === 'missing-evidence').every((r) => r.anchorCol === columnE)).toBe(true);
  });
});

// Keeps readCell in the test's imports honest: the formulas' "empty" is the core's.
test('a dash or spaces are an empty score to the core; the rules never light on them', () => {
  expect(readCell({ value: '   ' }).kind).toBe('empty');
});
