import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { sampleWorkbookBytes } from '../../src/xlsx/gridToWorkbook';
import { handBuiltRichBytes } from '../xlsx/patch/richWorkbooks';
import { partsOf, sameBytes } from '../xlsx/patch/patchHelpers';

/**
 * `cchc score FILE --out COPY` through the real binary on workbooks other generators wrote: the copy is
 * the official's workbook plus only what the tool owns. (ExcelJS's load-and-save used to exit 2 "bị hỏng"
 * on an openpyxl-style workbook with a chart or a comment, and dropped charts everywhere.)
 */
const root = path.join(__dirname, '..', '..');
const tmp = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'cchc-copy-')));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

function cchc(args: string[]): { code: number | null; out: string; err: string } {
  const r = spawnSync(process.execPath, [path.join(root, 'bin', 'cchc.js'), ...args], { cwd: tmp, encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

async function write(name: string, bytes: Uint8Array): Promise<string> {
  const file = path.join(tmp, name);
  fs.writeFileSync(file, bytes);
  return file;
}

/** Parts the tool never owns: everything but the sheets it writes, styles, the workbook's list of sheets and what lists parts. */
function notOwned(name: string): boolean {
  return !/^xl\/worksheets\/sheet\d+\.xml$|^xl\/worksheets\/_rels\/sheet\d+\.xml\.rels$|^xl\/styles\.xml$|^xl\/workbook\.xml$|^xl\/_rels\/workbook\.xml\.rels$|^\[Content_Types\]\.xml$|calcChain/.test(
    name,
  );
}

test('an openpyxl-style workbook with a chart, pivot cache and custom XML: the copy is written and keeps them byte for byte', async () => {
  const input = await write('xa-bieu-do.xlsx', await handBuiltRichBytes(await sampleWorkbookBytes(), { absoluteTargets: true }));
  const before = fs.readFileSync(input);
  const r = cchc(['score', 'xa-bieu-do.xlsx', '--out', 'xa-bieu-do-da-cham.xlsx']);
  expect(r.err).not.toMatch(/hỏng|Lỗi/);
  expect(r.code).toBe(0);
  expect(r.out).toMatch(/Đã ghi bản có chú thích: xa-bieu-do-da-cham\.xlsx \(\d+ ô công thức/);
  expect(fs.readFileSync(input).equals(before)).toBe(true); // the input untouched
  const original = await partsOf(before);
  const copy = await partsOf(fs.readFileSync(path.join(tmp, 'xa-bieu-do-da-cham.xlsx')));
  const kept = Array.from(original.keys()).filter(notOwned);
  expect(kept.filter((n) => /chart|pivot|customXml|drawing/.test(n)).length).toBeGreaterThanOrEqual(4);
  for (const name of kept) expect({ name, same: copy.has(name) && sameBytes(copy.get(name)!, original.get(name)!) }).toEqual({ name, same: true });
  // A highlighted sheet's relationships: the original's, plus exactly the tool's notes (comments + VML), which are its own parts.
  for (const name of Array.from(original.keys()).filter((n) => /^xl\/worksheets\/_rels\/sheet\d+\.xml\.rels$/.test(n))) {
    const now = new TextDecoder().decode(copy.get(name));
    const added = /<Relationship Id="rId\d+" Type="[^"]*\/comments" Target="([^"]+)"\/><Relationship Id="rId\d+" Type="[^"]*\/vmlDrawing" Target="[^"]+"\/>/.exec(now);
    expect(now.replace(added ? added[0] : '', '')).toBe(new TextDecoder().decode(original.get(name)));
    if (added) expect(new TextDecoder().decode(copy.get('xl/' + added[1].replace(/^\.\.\//, '')))).toContain('<author>CCHC</author>');
  }
  // The copy scores with its totals written: no hand total left wrong.
  const again = cchc(['score', 'xa-bieu-do-da-cham.xlsx', '--json']);
  expect(again.code).toBe(0);
  const json = JSON.parse(again.out);
  expect(json.flags.filter((f: { kind: string }) => f.kind === 'hand-total-mismatch')).toEqual([]);
});

test('a macro-enabled workbook: --out .xlsm keeps the VBA project; --out .xlsx leaves it out and says so', async () => {
  await write('xa-macro.xlsm', await handBuiltRichBytes(await sampleWorkbookBytes(), { macros: true }));
  const original = await partsOf(fs.readFileSync(path.join(tmp, 'xa-macro.xlsm')));
  const vba = Array.from(original.keys()).filter((n) => /vbaProject/.test(n));
  expect(vba.length).toBe(1);

  const keep = cchc(['score', 'xa-macro.xlsm', '--out', 'xa-macro-da-cham.xlsm']);
  expect(keep.code).toBe(0);
  expect(keep.out).not.toContain('Tệp gốc có macro');
  const kept = await partsOf(fs.readFileSync(path.join(tmp, 'xa-macro-da-cham.xlsm')));
  expect(sameBytes(kept.get(vba[0])!, original.get(vba[0])!)).toBe(true);
  expect(new TextDecoder().decode(kept.get('[Content_Types].xml')!)).toContain('macroEnabled');

  const plain = cchc(['score', 'xa-macro.xlsm', '--out', 'xa-macro-da-cham.xlsx']);
  expect(plain.code).toBe(0);
  expect(plain.out).toContain('Tệp gốc có macro (VBA); bản .xlsx không giữ được macro nên đã bỏ ra.');
  const dropped = await partsOf(fs.readFileSync(path.join(tmp, 'xa-macro-da-cham.xlsx')));
  expect(Array.from(dropped.keys()).filter((n) => /vbaProject/.test(n))).toEqual([]);
  expect(new TextDecoder().decode(dropped.get('[Content_Types].xml')!)).not.toContain('macroEnabled');

  // With --json the note goes to standard error, so standard output stays JSON.
  const json = cchc(['score', 'xa-macro.xlsm', '--out', 'xa-macro-json.xlsx', '--json']);
  expect(json.code).toBe(0);
  expect(() => JSON.parse(json.out)).not.toThrow();
  expect(json.err).toContain('Tệp gốc có macro');
});

test('--out .xlsm for a workbook without macros is refused before anything is written; other endings too', async () => {
  await write('xa-thuong.xlsx', await sampleWorkbookBytes());
  const r = cchc(['score', 'xa-thuong.xlsx', '--out', 'xa-thuong-da-cham.xlsm']);
  expect(r.code).toBe(2);
  expect(r.err).toContain('Tệp gốc không có macro: bản sao phải có đuôi .xlsx, không phải .xlsm: xa-thuong-da-cham.xlsm');
  expect(fs.existsSync(path.join(tmp, 'xa-thuong-da-cham.xlsm'))).toBe(false);
  expect(fs.readdirSync(tmp).filter((n) => n.indexOf('xa-thuong-da-cham') === 0 || n.indexOf('.tmp') >= 0)).toEqual([]);
  const csv = cchc(['score', 'xa-thuong.xlsx', '--out', 'xa-thuong.csv']);
  expect(csv.code).toBe(2);
  expect(csv.err).toContain('Tệp ra phải có đuôi .xlsx (hoặc .xlsm để giữ macro của tệp gốc): xa-thuong.csv');
});

test('the copy checks itself as the official types: validations, formula highlights and the hidden sheet of levels; scored again, the same rules, once', async () => {
  await write('mau-quy-tac.xlsx', await sampleWorkbookBytes());
  expect(cchc(['score', 'mau-quy-tac.xlsx', '--out', 'mau-quy-tac-1.xlsx']).code).toBe(0);
  expect(cchc(['score', 'mau-quy-tac-1.xlsx', '--out', 'mau-quy-tac-2.xlsx']).code).toBe(0);
  const json = JSON.parse(cchc(['score', 'mau-quy-tac-1.xlsx', '--json']).out);
  expect(json.flags.filter((f: { kind: string }) => f.kind === 'not-a-scoring-table')).toEqual([]);
  const first = await partsOf(fs.readFileSync(path.join(tmp, 'mau-quy-tac-1.xlsx')));
  const second = await partsOf(fs.readFileSync(path.join(tmp, 'mau-quy-tac-2.xlsx')));
  const text = (parts: Map<string, Uint8Array>, name: string) => new TextDecoder().decode(parts.get(name));
  expect(text(first, 'xl/workbook.xml')).toMatch(/<sheet name="Mức điểm CCHC" sheetId="\d+" state="hidden" r:id="rId\d+"\/>/);
  expect(text(first, 'xl/workbook.xml')).toMatch(/<definedName name="CCHC_MUC_1">'Mức điểm CCHC'!\$A\$2:\$[A-Z]+\$2<\/definedName>/);
  const sheet = text(first, 'xl/worksheets/sheet1.xml');
  expect((sheet.match(/<dataValidation /g) || []).length).toBeGreaterThan(40);
  expect((sheet.match(/<cfRule type="expression"/g) || []).length).toBeGreaterThan(5);
  // The rules, validations, names and styles are the same on the copy scored again: replaced, not added.
  for (const name of ['xl/workbook.xml', 'xl/styles.xml', 'xl/worksheets/sheet1.xml', 'xl/worksheets/sheet2.xml']) expect([name, text(second, name) === text(first, name)]).toEqual([name, true]);
});
