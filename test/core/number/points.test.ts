import { divideHalfUp, parseDecimalUnits, percentHundredths, unitsFromNumber, unitsToNumber, unitsToPlainString } from '../../../src/core/number/points';
import { formatPercentHundredths, formatPoints } from '../../../src/core/number/format';
import { parseTextNumber } from '../../../src/core/number/readCell';
import fc from 'fast-check';

const u = (text: string) => parseDecimalUnits(text) as number;

describe('exact points', () => {
  test('the seed field scores add up to exactly 68,13', () => {
    const fields = [14.35, 5, 17.78, 6, 8, 7, 10];
    const total = fields.map((n) => unitsFromNumber(n) as number).reduce((a, b) => a + b, 0);
    expect(unitsToPlainString(total)).toBe('68.13');
    expect(unitsToNumber(total)).toBe(68.13);
    // Plain doubles drift on sums like 17,78 + 0,1 + 0,2, which is why points are integers here.
    expect(17.78 + 0.1 + 0.2).not.toBe(18.08);
    const drifting = [17.78, 0.1, 0.2].map((n) => unitsFromNumber(n) as number).reduce((a, b) => a + b, 0);
    expect(unitsToNumber(drifting)).toBe(18.08);
  });

  test('the seed percentages, half-up to 2 decimals', () => {
    expect(percentHundredths(u('14.35'), u('15'))).toBe(9567);
    expect(percentHundredths(u('17.78'), u('18.5'))).toBe(9611);
    expect(percentHundredths(u('8'), u('11'))).toBe(7273);
    expect(percentHundredths(u('10'), u('11.5'))).toBe(8696);
    expect(percentHundredths(u('68.13'), u('74'))).toBe(9207);
    expect(percentHundredths(u('5'), u('5'))).toBe(10000);
    expect(percentHundredths(u('1'), u('0'))).toBeNull();
  });

  test('half-up, not half-even, on exact halves', () => {
    expect(divideHalfUp(5, 2)).toBe(3);
    expect(divideHalfUp(25, 10)).toBe(3);
    expect(divideHalfUp(-25, 10)).toBe(-3);
    // 0,00125/1 is 0,125%: exactly half a hundredth of a percent, which rounds up to 0,13%
    expect(percentHundredths(u('0.125'), u('1'))).toBe(1250);
    expect(percentHundredths(u('0.00125'), u('1'))).toBe(13);
  });

  test('Vietnamese text numbers', () => {
    expect(parseTextNumber('0,5')).toBe(u('0.5'));
    expect(parseTextNumber('0.5')).toBe(u('0.5'));
    expect(parseTextNumber('1,25 điểm')).toBe(u('1.25'));
    expect(parseTextNumber('18,5')).toBe(u('18.5'));
    expect(parseTextNumber('01 đ')).toBe(u('1'));
    expect(parseTextNumber('1.000,5')).toBeNull();
    expect(parseTextNumber('không')).toBeNull();
  });

  test('display in Vietnamese and English', () => {
    expect(formatPoints(u('68.13'), 'vi')).toBe('68,13');
    expect(formatPoints(u('5'), 'vi')).toBe('5');
    expect(formatPoints(u('18.5'), 'vi')).toBe('18,5');
    expect(formatPoints(u('1250.5'), 'vi')).toBe('1.250,5');
    expect(formatPoints(u('1250.5'), 'en')).toBe('1,250.5');
    expect(formatPoints(u('0.125'), 'vi')).toBe('0,13');
    expect(formatPercentHundredths(9207, 'vi')).toBe('92,07');
    expect(formatPercentHundredths(10000, 'vi')).toBe('100');
    expect(formatPercentHundredths(9050, 'vi')).toBe('90,5');
  });

  test('property: sums of numbers typed with up to 2 decimals are exact', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 100000 }), { maxLength: 200 }), (hundredths) => {
        const viaUnits = hundredths.map((h) => unitsFromNumber(h / 100) as number).reduce((a, b) => a + b, 0);
        const exact = hundredths.reduce((a, b) => a + b, 0);
        return viaUnits === exact * 10000;
      }),
    );
  });
});
