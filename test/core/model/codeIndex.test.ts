import { CodeIndex } from '../../../src/core/model/codeIndex';

/** The build's code index: the latest node per code, exact under hash collisions and duplicates. */
describe('CodeIndex', () => {
  test('finds each code added, and nothing else', () => {
    const codes: string[] = [];
    const index = new CodeIndex(codes, 2000);
    for (let i = 0; i < 2000; i++) {
      codes.push(`${(i % 7) + 1}.${Math.floor(i / 7) + 1}`);
      expect(index.add(codes[i], i)).toBe(-1);
    }
    for (let i = 0; i < 2000; i++) expect(index.find(codes[i])).toBe(i);
    expect(index.find('8.1')).toBe(-1);
    expect(index.find('1.1.1')).toBe(-1);
  });

  test('a duplicate code takes over, and adding it tells which node it repeats', () => {
    const codes = ['1', '1.1', '1.1'];
    const index = new CodeIndex(codes, 3);
    expect(index.add('1', 0)).toBe(-1);
    expect(index.add('1.1', 1)).toBe(-1);
    expect(index.add('1.1', 2)).toBe(1);
    expect(index.find('1.1')).toBe(2);
    expect(index.find('1')).toBe(0);
  });

  test('codes whose hashes collide stay apart ("Aa" and "BB" hash alike)', () => {
    const codes = ['Aa', 'BB', 'AaAa', 'BBBB', 'AaBB'];
    const index = new CodeIndex(codes, codes.length);
    codes.forEach((code, i) => expect(index.add(code, i)).toBe(-1));
    codes.forEach((code, i) => expect(index.find(code)).toBe(i));
  });

  test('a table filled to its capacity still finds every code', () => {
    const codes: string[] = [];
    const index = new CodeIndex(codes, 5);
    for (let i = 0; i < 5; i++) codes.push(String(i + 1));
    codes.forEach((code, i) => index.add(code, i));
    codes.forEach((code, i) => expect(index.find(code)).toBe(i));
  });
});
