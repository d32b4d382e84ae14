import { spawnSync } from 'child_process';
import * as fs from 'fs';
import JSZip from 'jszip';
import * as os from 'os';
import * as path from 'path';
import { analyseAndPlan } from '../helpers/analyseAndPlan';
import { readGridFromXlsxFile } from '../../src/xlsx/node/readGridFile';
import { fromFileFormula, toFileFormula } from '../../src/xlsx/futureFunctions';
import { excelJsGridFromFile } from '../helpers/excelJsOracle';

/** Functions newer than Excel 2007 carry "_xlfn." in files; Office.js and the core use plain names. */

describe('toFileFormula / fromFileFormula', () => {
  test('prefixes future functions, and only function calls', () => {
    expect(toFileFormula('SUM(E5:E9,NUMBERVALUE(E7,",","."))')).toBe('SUM(E5:E9,_xlfn.NUMBERVALUE(E7,",","."))');
    expect(toFileFormula('IFNA(XLOOKUP(A1,B:B,C:C),0)+days(A2,A3)')).toBe('_xlfn.IFNA(_xlfn.XLOOKUP(A1,B:B,C:C),0)+_xlfn.days(A2,A3)');
    expect(toFileFormula('SUM(FILTER(A1:A9,B1:B9>0))')).toBe('SUM(_xlfn._xlws.FILTER(A1:A9,B1:B9>0))');
    expect(toFileFormula('T.DIST.2T(A1,2)+STDEV.S(A1:A3)+STDEV(A1:A3)')).toBe('_xlfn.T.DIST.2T(A1,2)+_xlfn.STDEV.S(A1:A3)+STDEV(A1:A3)');
    // Text, quoted sheet names, structured references and names without "(" stay as they are.
    expect(toFileFormula('CONCATENATE("NUMBERVALUE(",\'IFS (x)\'!A1,"say ""IFNA(""")')).toBe('CONCATENATE("NUMBERVALUE(",\'IFS (x)\'!A1,"say ""IFNA(""")');
    expect(toFileFormula("'It''s SWITCH('!B2+Table1[[#This Row],[IFS(]]+IFS")).toBe("'It''s SWITCH('!B2+Table1[[#This Row],[IFS(]]+IFS");
    expect(toFileFormula('MYNUMBERVALUE(A1)+A1')).toBe('MYNUMBERVALUE(A1)+A1');
    // Already in file form: never prefixed twice.
    expect(toFileFormula('_xlfn.NUMBERVALUE(A1)')).toBe('_xlfn.NUMBERVALUE(A1)');
    expect(toFileFormula('SUM(A1:A3)')).toBe('SUM(A1:A3)');
  });

  test('strips _xlfn. and _xlws. from function names, not from text', () => {
    expect(fromFileFormula('SUM(D20,_xlfn.NUMBERVALUE(D19,",","."))')).toBe('SUM(D20,NUMBERVALUE(D19,",","."))');
    expect(fromFileFormula('_xlfn._xlws.SORT(A1:A3)&"_xlfn.IFS("')).toBe('SORT(A1:A3)&"_xlfn.IFS("');
    expect(fromFileFormula('SUM(A1)')).toBe('SUM(A1)');
  });

  test('round trips', () => {
    const plain = ['SUM(E5:E9,NUMBERVALUE(E7,",","."))', 'IFS(A1>1,"a",TRUE,"b")&TEXTJOIN(",",TRUE,A1:A3)', 'SUM(\'Phụ lục 1\'!D4,MAXIFS(A:A,B:B,">0"))'];
    for (const f of plain) expect(fromFileFormula(toFileFormula(f))).toBe(f);
  });
});

const root = path.join(__dirname, '..', '..');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cchc-xlfn-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

function cchc(...args: string[]) {
  const r = spawnSync(process.execPath, [path.join(root, 'bin', 'cchc.js'), ...args], { cwd: tmp, encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe("the sample's annotated copy", () => {
  const copy = path.join(tmp, 'mau-da-cham.xlsx');
  beforeAll(() => {
    expect(cchc('score', '--sample', '--out', copy).code).toBe(0);
  });

  test('stores NUMBERVALUE as _xlfn.NUMBERVALUE in the sheet XML', async () => {
    const zip = await JSZip.loadAsync(fs.readFileSync(copy));
    const formulas: string[] = [];
    for (const name of Object.keys(zip.files)) {
      if (!/^xl\/worksheets\/sheet\d+\.xml$/.test(name)) continue;
      const xml = await zip.file(name)!.async('string');
      const rx = /<f(?:\s[^>]*)?>([^<]*)<\/f>/g;
      for (let m = rx.exec(xml); m; m = rx.exec(xml)) formulas.push(m[1]);
    }
    const withNumberValue = formulas.filter((f) => /NUMBERVALUE\(/.test(f));
    // The sample has a text-number score ("0,5" in D19), so at least one total reads it with NUMBERVALUE.
    expect(withNumberValue.length).toBeGreaterThan(0);
    for (const f of withNumberValue) {
      expect(f).toContain('_xlfn.NUMBERVALUE(');
      expect(f).not.toMatch(/(^|[^.])NUMBERVALUE\(/);
    }
  });

  test('reads back with plain names through both readers, and plans no new writes', async () => {
    const viaExcelJs = await excelJsGridFromFile(copy);
    const fast = await readGridFromXlsxFile(copy);
    for (const grid of [viaExcelJs, fast]) {
      const sheet = grid.sheets.find((s) => s.name === 'Phụ lục 1')!;
      const formulas = sheet.rows.flatMap((row) => (row || []).map((c) => (c && c.formula) || '')).filter((f) => f.includes('NUMBERVALUE'));
      expect(formulas.length).toBeGreaterThan(0);
      for (const f of formulas) expect(f).not.toContain('_xl');
      expect(analyseAndPlan(grid).plan.writes).toEqual([]);
    }
    const again = JSON.parse(cchc('score', copy, '--json').out);
    expect(again.writes).toBe(0);
  });
});
