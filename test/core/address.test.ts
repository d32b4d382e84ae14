import fc from 'fast-check';
import { a1, columnIndex, columnLetters, parseA1, parseRange } from '../../src/core/address';

describe('A1 addresses', () => {
  test('letters and indices round-trip over every Excel column', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 16383 }), (col) => {
        expect(columnIndex(columnLetters(col))).toBe(col);
      }),
    );
    expect([columnLetters(0), columnLetters(25), columnLetters(26), columnLetters(16383)]).toEqual(['A', 'Z', 'AA', 'XFD']);
  });

  test('parseA1 reads what a1 writes, with $ and a sheet prefix, and refuses the rest', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1048575 }), fc.integer({ min: 0, max: 16383 }), (row, col) => {
        expect(parseA1(a1(row, col))).toEqual({ row, col });
      }),
    );
    expect(parseA1("'Phụ lục 1'!$E$12")).toEqual({ row: 11, col: 4 });
    expect(parseA1('e12')).toEqual({ row: 11, col: 4 });
    expect(parseA1('E12:E13')).toBeNull();
    expect(parseA1('Tổng')).toBeNull();
  });

  test('parseRange: a range or a single cell, 0-based inclusive', () => {
    expect(parseRange('C5:D7')).toEqual({ top: 4, left: 2, bottom: 6, right: 3 });
    expect(parseRange('$B$2')).toEqual({ top: 1, left: 1, bottom: 1, right: 1 });
    expect(parseRange('C5:')).toBeNull();
  });
});
