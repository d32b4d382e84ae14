/**
 * Exact arithmetic for points. A score is held as an integer count of millionths of a point
 * ("units"), so 68,13 is 68130000 units and sums never drift (68.13000000000001 cannot happen).
 * Plain numbers keep this ES5-safe (no BigInt): integers stay exact up to 2^53, which is
 * ~9 billion points at this scale, far beyond any rubric.
 */

export type Points = number;

export const UNITS_PER_POINT = 1000000;
const DECIMALS = 6;

/** Exact integer units from a decimal string like "17.78", "-0,5", "1e-2" is not accepted. */
export function parseDecimalUnits(text: string): Points | null {
  const m = /^([+-]?)(\d+)(?:[.,](\d+))?$/.exec(text);
  if (!m) return null;
  const sign = m[1] === '-' ? -1 : 1;
  const whole = m[2];
  let frac = m[3] || '';
  // Round half-up at the 7th decimal: more precision than a rubric ever writes.
  let roundUp = false;
  if (frac.length > DECIMALS) {
    roundUp = frac.charCodeAt(DECIMALS) >= 53; // '5'
    frac = frac.substring(0, DECIMALS);
  }
  while (frac.length < DECIMALS) frac += '0';
  const units = parseInt(whole, 10) * UNITS_PER_POINT + parseInt(frac, 10) + (roundUp ? 1 : 0);
  if (!isFinite(units) || Math.abs(units) > 9007199254740991) return null;
  return sign * units === 0 ? 0 : sign * units;
}

/**
 * Exact units from a number as Excel stores it. Binary doubles such as 14.35 are really
 * 14.3499999…; 15 significant digits recover the decimal the user typed.
 */
export function unitsFromNumber(n: number): Points | null {
  if (typeof n !== 'number' || !isFinite(n)) return null;
  if (n > -1e9 && n < 1e9) {
    // Fast path: below a billion points a millionth is far above the double's rounding error.
    const scaled = n * UNITS_PER_POINT;
    const rounded = Math.round(scaled);
    if (Math.abs(scaled - rounded) < 1e-3) return rounded === 0 ? 0 : rounded;
  }
  const text = n.toPrecision(15);
  const plain = /e/i.test(text) ? expandExponent(text) : text;
  return parseDecimalUnits(plain);
}

function expandExponent(text: string): string {
  const value = parseFloat(text);
  // Numbers this small or large are not scores; fixed notation with our precision is enough.
  if (Math.abs(value) < 1e-6) return '0';
  return value.toFixed(DECIMALS);
}

/** Units back to a JSON/JS number (the nearest double to the exact decimal). */
export function unitsToNumber(units: Points): number {
  return parseFloat(unitsToPlainString(units));
}

/** Exact decimal text with "." and no trailing zeros: 68130000 -> "68.13". */
export function unitsToPlainString(units: Points): string {
  const negative = units < 0;
  const abs = Math.abs(units);
  const whole = Math.floor(abs / UNITS_PER_POINT);
  let frac = String(abs - whole * UNITS_PER_POINT);
  while (frac.length < DECIMALS) frac = '0' + frac;
  frac = frac.replace(/0+$/, '');
  return (negative ? '-' : '') + whole + (frac ? '.' + frac : '');
}

/** Integer division rounded half-up (away from zero for halves), exact for safe integers. */
export function divideHalfUp(numerator: number, denominator: number): number {
  if (denominator === 0) throw new Error('division by zero');
  const negative = numerator < 0 !== denominator < 0;
  const n = Math.abs(numerator);
  const d = Math.abs(denominator);
  const q = Math.floor(n / d);
  const r = n - q * d;
  const rounded = r * 2 >= d ? q + 1 : q;
  return negative ? -rounded : rounded;
}

/**
 * Percentage in hundredths of a percent, half-up: 68,13/74 -> 9207 (92,07%).
 * Null when the maximum is zero. Decide tiers on the exact ratio (compareRatio), never on this.
 */
export function percentHundredths(part: Points, whole: Points): number | null {
  if (whole === 0) return null;
  return divideHalfUp(part * 10000, whole);
}

/** Rounds units half-up to a number of decimals (for display only). */
export function roundUnits(units: Points, decimals: number): Points {
  const step = Math.pow(10, DECIMALS - decimals);
  return divideHalfUp(units, step) * step;
}
