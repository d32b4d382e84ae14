import { SheetGrid } from '../../src/core/grid';
import { parseTextNumber } from '../../src/core/number/readCell';

/**
 * Evaluates the formulas the tool writes (SUM over cells, ranges and numbers, nested; ROUND;
 * division; "" ) against a grid, following formula cells recursively the way Excel recalculates,
 * so tests check what a user would see after opening the file, not the cached results we wrote.
 * Like Excel's SUM, text and empty cells in a reference count as 0.
 */
export function evaluateCell(sheet: SheetGrid, row: number, col: number, depth = 0): number {
  if (depth > 200) throw new Error('circular reference');
  const cell = (sheet.rows[row] || [])[col];
  if (!cell) return 0;
  if (cell.formula) return evaluateFormula(sheet, cell.formula, depth + 1);
  return typeof cell.value === 'number' ? cell.value : 0;
}

function colIndex(letters: string): number {
  return letters.split('').reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
}

export function evaluateFormula(sheet: SheetGrid, formula: string, depth = 0): number {
  let pos = 0;
  const src = formula.replace(/^=/, '');
  const peek = () => src.charAt(pos);
  const expect = (ch: string) => {
    if (src.charAt(pos) !== ch) throw new Error(`expected ${ch} at ${pos} in ${src}`);
    pos++;
  };
  const ref = (): number[] | null => {
    const m = /^([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?/.exec(src.substring(pos));
    if (!m) return null;
    pos += m[0].length;
    const r1 = Number(m[2]) - 1;
    const c1 = colIndex(m[1]);
    const r2 = m[3] ? Number(m[4]) - 1 : r1;
    const c2 = m[3] ? colIndex(m[3]) : c1;
    const values: number[] = [];
    for (let r = r1; r <= r2; r++) for (let c = c1; c <= c2; c++) values.push(evaluateCell(sheet, r, c, depth));
    return values;
  };
  const primary = (): number => {
    if (src.startsWith('SUM(', pos)) {
      pos += 4;
      let total = 0;
      if (peek() !== ')') {
        for (;;) {
          const cells = ref();
          if (cells) total += cells.reduce((a, b) => a + b, 0);
          else total += expr();
          if (peek() === ',') pos++;
          else break;
        }
      }
      expect(')');
      return total;
    }
    if (src.startsWith('ROUND(', pos)) {
      pos += 6;
      const value = expr();
      expect(',');
      const digits = expr();
      expect(')');
      const f = Math.pow(10, digits);
      return Math.round(value * f + Math.sign(value) * 1e-9) / f;
    }
    if (src.startsWith('NUMBERVALUE(', pos)) {
      pos += 12;
      const m = /^([A-Z]+)(\d+),"([.,])","[.,]"\)/.exec(src.substring(pos));
      if (!m) throw new Error('bad NUMBERVALUE in ' + src);
      pos += m[0].length;
      const cell = (sheet.rows[Number(m[2]) - 1] || [])[colIndex(m[1])];
      const v = cell ? cell.value : null;
      if (typeof v === 'number') return v;
      const text = String(v === null || v === undefined ? '' : v).trim();
      const mark = m[3];
      if (mark === ',' ? !/^-?\d+(,\d+)?$/.test(text) : !/^-?\d+(\.\d+)?$/.test(text)) throw new Error('#VALUE! ' + text);
      return Number(text.replace(',', '.'));
    }
    if (src.startsWith('""', pos)) {
      pos += 2;
      return 0;
    }
    const cells = ref();
    if (cells) return cells[0];
    const m = /^-?\d+(\.\d+)?/.exec(src.substring(pos));
    if (!m) throw new Error(`cannot read ${src.substring(pos)}`);
    pos += m[0].length;
    return parseTextNumber(m[0])! / 1e6;
  };
  const expr = (): number => {
    let value = primary();
    while (peek() === '/' || peek() === '+' || peek() === '*') {
      const op = src.charAt(pos++);
      const rhs = primary();
      value = op === '/' ? value / rhs : op === '*' ? value * rhs : value + rhs;
    }
    return value;
  };
  const result = expr();
  if (pos !== src.length) throw new Error(`unparsed ${src.substring(pos)}`);
  return result;
}
