import * as fs from 'fs';
import * as path from 'path';

/**
 * ExcelJS only where the tool makes a workbook from nothing (the sample, gridToWorkbook.ts): reading
 * is src/xlsx/read, the annotated copy is src/xlsx/patch, the consolidation is summaryXlsx.ts. And no
 * private ExcelJS field anywhere in the product or in the oracle the tests compare the reader with.
 */

const root = path.resolve(__dirname, '../..');

function files(dir: string): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...files(full));
    else if (/\.(ts|tsx|js)$/.test(entry.name)) out.push(full);
  }
  return out;
}

const rel = (f: string) => path.relative(root, f).split(path.sep).join('/');
const EXCELJS = /(?:from\s+|import\(\s*|require\(\s*)['"]exceljs(?:\/[^'"]*)?['"]/;
const PRIVATE = /\._(?:cells|merges|value|rows|columns|mergeCellsInternal|worksheets|definedNames|keys)\b/;

test('only src/xlsx/gridToWorkbook.ts imports ExcelJS in src', () => {
  const importers = files(path.join(root, 'src'))
    .filter((f) => EXCELJS.test(fs.readFileSync(f, 'utf8')))
    .map(rel);
  expect(importers).toEqual(['src/xlsx/gridToWorkbook.ts']);
});

test('no private ExcelJS field in src or in the test oracle', () => {
  const candidates = [...files(path.join(root, 'src')), path.join(root, 'test/helpers/excelJsOracle.ts')];
  const users = candidates.filter((f) => PRIVATE.test(fs.readFileSync(f, 'utf8'))).map(rel);
  expect(users).toEqual([]);
});

test('the checks see what they look for', () => {
  expect(EXCELJS.test("import ExcelJS from 'exceljs';")).toBe(true);
  expect(EXCELJS.test("const m = await import('exceljs');")).toBe(true);
  expect(EXCELJS.test("require('exceljs/dist/exceljs.min.js')")).toBe(true);
  expect(PRIVATE.test('ws._merges[key]')).toBe(true);
  expect(PRIVATE.test('cell._value.model')).toBe(true);
});
