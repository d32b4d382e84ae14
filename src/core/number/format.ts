import { Points, roundUnits, unitsToPlainString } from './points';

/**
 * Vietnamese number formatting: decimal comma, "." between thousands, trailing zeros dropped
 * ("14,35", "5", "18,5", "1.250"). One function for every figure the tool prints, so a report
 * never mixes "17.78" and "17,78" the way the hand-written seed does.
 */
export function formatDecimalVi(plain: string): string {
  return groupDecimal(plain, '.', ',');
}

export function formatDecimalEn(plain: string): string {
  return groupDecimal(plain, ',', '.');
}

function groupDecimal(plain: string, thousands: string, decimalMark: string): string {
  const negative = plain.charAt(0) === '-';
  const body = negative ? plain.substring(1) : plain;
  const dot = body.indexOf('.');
  const whole = dot < 0 ? body : body.substring(0, dot);
  const frac = dot < 0 ? '' : body.substring(dot + 1);
  let grouped = '';
  for (let i = 0; i < whole.length; i++) {
    if (i > 0 && (whole.length - i) % 3 === 0) grouped += thousands;
    grouped += whole.charAt(i);
  }
  return (negative ? '-' : '') + grouped + (frac ? decimalMark + frac : '');
}

export type Lang = 'vi' | 'en';

/** Points shown half-up to 2 decimals: 68130000 -> "68,13". */
export function formatPoints(units: Points, lang: Lang): string {
  const plain = unitsToPlainString(roundUnits(units, 2));
  return lang === 'vi' ? formatDecimalVi(plain) : formatDecimalEn(plain);
}

/** Percent from hundredths of a percent: 9207 -> "92,07" (no % sign). */
export function formatPercentHundredths(hundredths: number, lang: Lang): string {
  const negative = hundredths < 0;
  const abs = Math.abs(hundredths);
  const whole = Math.floor(abs / 100);
  let frac = String(abs - whole * 100);
  if (frac.length < 2) frac = '0' + frac;
  frac = frac.replace(/0+$/, '');
  const plain = (negative ? '-' : '') + whole + (frac ? '.' + frac : '');
  return lang === 'vi' ? formatDecimalVi(plain) : formatDecimalEn(plain);
}
