import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import JSZip from 'jszip';
import { analyseWorkbook } from '../../../src/core/analyse';
import { sampleWorkbookBytes } from '../../../src/xlsx/gridToWorkbook';
import { xlsBytesToXlsx } from '../../../src/xlsx/legacyXls';
import { readGridFromXlsxBytes } from '../../../src/xlsx/read/readGrid';
import { foreignVariants, Transform, transformXlsx } from '../../helpers/foreignXlsx';
import { findSoffice, libreOfficeConvert } from '../../helpers/xlsFiles';
import { expectAppendOnly, expectOnlyOwnedPartsChanged, expectOtherCellsKept, expectOwnedCellsWritten, expectSameTotals, partsOf, PipelineRun, runPipeline, sameBytes } from './patchHelpers';
import { excelJsRichBytes, handBuiltRichBytes } from './richWorkbooks';

/**
 * The annotated copy of workbooks from several generators, through the real pipeline (fast reader →
 * analysis → plan → patcher): every part the tool does not own byte for byte as it was, the owned
 * cells written, every other cell as it was, the same totals when re-read, and LibreOffice opens every
 * copy and, recalculating our formulas itself, finds the same totals.
 */

const soffice = findSoffice();
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cchc-patch-gen-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

interface Case {
  name: string;
  file: string;
  bytes: () => Promise<Uint8Array>;
  /** Parts that must be in the input (what the case is about) and kept in the copy. */
  mustHold: RegExp[];
}

let libreOfficeInput: Uint8Array | null = null;
let xlsInput: Uint8Array | null = null;

const cases: Case[] = [
  {
    name: 'ExcelJS: comment, image, table with filter buttons, defined names',
    file: 'exceljs.xlsx',
    bytes: excelJsRichBytes,
    mustHold: [/^xl\/comments1\.xml$/, /^xl\/drawings\/vmlDrawing1\.vml$/, /^xl\/tables\/table1\.xml$/, /^xl\/media\/image1\.png$/, /^xl\/drawings\/drawing1\.xml$/],
  },
  {
    name: 'openpyxl-style by hand: chart, pivot cache, custom XML, calcChain, absolute targets, on top of the ExcelJS one',
    file: 'openpyxl.xlsx',
    bytes: async () => handBuiltRichBytes(await excelJsRichBytes(), { absoluteTargets: true }),
    mustHold: [/^xl\/charts\/chart1\.xml$/, /^xl\/pivotCache\/pivotCacheDefinition1\.xml$/, /^customXml\/item1\.xml$/, /^xl\/tables\/table1\.xml$/, /^xl\/comments1\.xml$/],
  },
  {
    name: '.xlsm with a VBA project, x: prefixes, absolute targets',
    file: 'macros.xlsm',
    bytes: async () => handBuiltRichBytes(await excelJsRichBytes(), { absoluteTargets: true, macros: true, prefixed: true }),
    mustHold: [/^xl\/vbaProject\.bin$/, /^xl\/charts\/chart1\.xml$/],
  },
  {
    name: 'LibreOffice Calc: the ExcelJS workbook saved again by LibreOffice',
    file: 'libreoffice.xlsx',
    bytes: async () => libreOfficeInput as Uint8Array,
    mustHold: [/^xl\/comments\d*\.xml$/, /^xl\/media\/image\d+\.png$/],
  },
  {
    name: 'Excel 97-2003 .xls (made by LibreOffice), patched as the .xlsx the reader converts it to',
    file: 'legacy.xls',
    bytes: async () => xlsInput as Uint8Array,
    mustHold: [],
  },
];

const runs = new Map<string, PipelineRun>();

beforeAll(async () => {
  if (!soffice) return;
  // Two LibreOffice runs, each converting in one call.
  const rich = path.join(tmp, 'rich-for-lo.xlsx');
  fs.writeFileSync(rich, await excelJsRichBytes());
  const [loXlsx] = await libreOfficeConvert(soffice, [rich], 'xlsx', path.join(tmp, 'lo-xlsx'), 120000);
  libreOfficeInput = new Uint8Array(fs.readFileSync(loXlsx));
  const sample = path.join(tmp, 'sample-for-xls.xlsx');
  fs.writeFileSync(sample, await sampleWorkbookBytes());
  const [xls] = await libreOfficeConvert(soffice, [sample], 'xls', path.join(tmp, 'lo-xls'), 120000);
  xlsInput = new Uint8Array(fs.readFileSync(xls));
}, 240000);

describe.each(cases)('$name', (c) => {
  const available = () => !!soffice || (c.file !== 'libreoffice.xlsx' && c.file !== 'legacy.xls');
  let run: PipelineRun;
  beforeAll(async () => {
    if (!available()) return;
    run = await runPipeline(await c.bytes(), c.file);
    runs.set(c.file, run);
  });

  test('every part the tool does not own is byte for byte the original', async () => {
    if (!available()) return;
    // For an .xls the original package is the converted one the reader scored.
    const base = c.file.endsWith('.xls') ? await xlsBytesToXlsx(run.input, c.file) : run.input;
    const changed = await expectOnlyOwnedPartsChanged({ input: base, plan: run.plan, output: run.output });
    expect(changed.length).toBeGreaterThan(0);
    await expectAppendOnly({ input: base, plan: run.plan, output: run.output });
    const parts = [...(await partsOf(run.output)).keys()];
    for (const rx of c.mustHold) expect([rx.source, parts.some((p) => rx.test(p))]).toEqual([rx.source, true]);
  });

  test('the owned cells hold the plan; every other cell is as it was; the same totals, hand totals agreeing', () => {
    if (!available()) return;
    expectOwnedCellsWritten(run);
    expect(expectOtherCellsKept(run)).toBeGreaterThan(200);
    expectSameTotals(run);
  });

  test('calcChain.xml goes with its relationship and content type', async () => {
    if (!available()) return;
    const zip = await JSZip.loadAsync(run.output);
    expect(zip.file('xl/calcChain.xml')).toBeNull();
    const names = Object.keys(zip.files);
    for (const n of ['[Content_Types].xml', 'xl/_rels/workbook.xml.rels']) {
      const key = names.find((k) => k.replace(/^\//, '') === n)!;
      expect(await zip.file(key)!.async('string')).not.toMatch(/calcChain/);
    }
  });
});

/** No styles part at all (allowed: every cell then has the default format); the patcher must add one. */
const withoutStyles: Transform = (pkg) => {
  pkg.parts = pkg.parts.filter((p) => p.name !== 'xl/styles.xml');
  for (const p of pkg.parts) {
    if (p.text === undefined) continue;
    if (p.name === 'xl/_rels/workbook.xml.rels') p.text = p.text.replace(/<Relationship [^>]*\/styles"[^>]*\/>/, '');
    else if (p.name === '[Content_Types].xml') p.text = p.text.replace(/<Override PartName="\/xl\/styles\.xml"[^>]*\/>/, '');
    else if (/^xl\/worksheets\/sheet\d+\.xml$/.test(p.name)) p.text = p.text.replace(/ s="\d+"/g, '');
  }
};

describe('Open XML shapes other generators write (test/helpers/foreignXlsx variants of the sample)', () => {
  const variants = foreignVariants().concat([{ name: 'no styles part', transforms: [withoutStyles] }]);
  test.each(variants.map((v) => [v.name, v]))('%s', async (_name, variant) => {
    const input = await transformXlsx(await sampleWorkbookBytes(), variant.transforms);
    const run = await runPipeline(input, 'variant.xlsx');
    await expectOnlyOwnedPartsChanged(run);
    await expectAppendOnly(run);
    expectOwnedCellsWritten(run);
    expectOtherCellsKept(run);
    expectSameTotals(run);
    runs.set('variant-' + variants.indexOf(variant) + '.xlsx', run);
  });
});

describe('what the ExcelJS writer lost is still there', () => {
  test('the table keeps its filter buttons, the defined names and the pivot cache their places, the chart its part', async () => {
    const run = runs.get('openpyxl.xlsx');
    if (!run) return;
    const zip = await JSZip.loadAsync(run.output);
    expect(await zip.file('xl/tables/table1.xml')!.async('string')).toMatch(/<autoFilter ref="A1:B3"/);
    const workbook = await zip.file('xl/workbook.xml')!.async('string');
    expect(workbook).toMatch(/<definedName name="DanhSachTaiLieu">&apos;Ghi chú&apos;!\$A\$1:\$B\$3<\/definedName>/);
    expect(workbook).toMatch(/<pivotCaches><pivotCache cacheId="1" r:id="rId\d+"\/><\/pivotCaches>/);
    expect(await zip.file('xl/charts/chart1.xml')!.async('string')).toContain('<c:barChart>');
  });
});

describe('the copy keeps the kind of its package', () => {
  test('an .xlsm stays an .xlsm (Excel refuses a macro-enabled package named .xlsx); .xlsx and .xls give .xlsx', async () => {
    const { patchWorkbook } = await import('../../../src/xlsx/patch/patchPackage');
    for (const [file, extension] of [
      ['macros.xlsm', 'xlsm'],
      ['openpyxl.xlsx', 'xlsx'],
      ['legacy.xls', 'xlsx'],
    ]) {
      const run = runs.get(file);
      if (!run) continue;
      expect([file, (await patchWorkbook(run.input, run.plan, { fileName: file })).extension]).toEqual([file, extension]);
    }
  });
});

describe('dropMacros: an .xlsm made a plain .xlsx, for a copy that must be named so', () => {
  test('the VBA project and its relationship go, the content type is the plain one, the rest is kept', async () => {
    const run = runs.get('macros.xlsm');
    if (!run) return;
    const { patchWorkbook } = await import('../../../src/xlsx/patch/patchPackage');
    const plain = await patchWorkbook(run.input, run.plan, { fileName: 'macros.xlsm', dropMacros: true });
    expect(plain.extension).toBe('xlsx');
    const before = await partsOf(run.output);
    const after = await partsOf(plain.bytes);
    expect([...before.keys()].filter((k) => !after.has(k))).toEqual(['xl/vbaProject.bin']);
    const text = (parts: Map<string, Uint8Array>, k: string) => Buffer.from(parts.get(k)!).toString('utf8');
    expect(text(after, '[Content_Types].xml')).toContain('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml');
    expect(text(after, '[Content_Types].xml')).not.toContain('macroEnabled');
    expect(text(after, 'xl/_rels/workbook.xml.rels')).not.toContain('vbaProject');
    const differing = [...after.keys()].filter((k) => !sameBytes(before.get(k)!, after.get(k)!));
    expect(differing.sort()).toEqual(['[Content_Types].xml', 'xl/_rels/workbook.xml.rels']);
    const copy = { ...run, output: plain.bytes, outGrid: await readGridFromXlsxBytes(plain.bytes, 'plain.xlsx') };
    expect(copy.outGrid.sheets.map((s) => s.name)).toEqual(run.outGrid.sheets.map((s) => s.name));
    runs.set('macros-dropped.xlsx', { ...copy, outAnalysis: analyseWorkbook(copy.outGrid) });
  });
});

describe('a second run, on the annotated copy itself', () => {
  test('the summary is replaced in place, nothing else changes, the totals stay', async () => {
    const first = runs.get('openpyxl.xlsx');
    if (!first) return;
    const run = await runPipeline(first.output, 'second.xlsx');
    const changed = await expectOnlyOwnedPartsChanged(run);
    await expectAppendOnly(run);
    expect(changed.filter((n) => /worksheets\/sheet\d+\.xml$/.test(n)).length).toBeLessThanOrEqual(1);
    expect(run.outGrid.sheets.map((s) => s.name)).toEqual(first.outGrid.sheets.map((s) => s.name));
    expectOtherCellsKept(run);
    expectSameTotals(run);
    runs.set('second-run.xlsx', run);
  });
});

describe('LibreOffice opens every copy and, recalculating, finds the same totals', () => {
  test('one LibreOffice run over all the copies', async () => {
    if (!soffice) return;
    const dir = path.join(tmp, 'copies');
    fs.mkdirSync(dir, { recursive: true });
    const files: string[] = [];
    for (const [name, run] of runs) {
      const file = path.join(dir, name.replace(/\.xls$/, '.xlsx').replace(/\.xlsm$/, '.xlsm'));
      fs.writeFileSync(file, run.output);
      files.push(file);
    }
    expect(files.length).toBeGreaterThanOrEqual(5);
    const converted = await libreOfficeConvert(soffice, files, 'xlsx', path.join(dir, 'out'), 300000, { recalculate: true });
    const names = [...runs.keys()];
    for (let i = 0; i < converted.length; i++) {
      const run = runs.get(names[i])!;
      const grid = await readGridFromXlsxBytes(new Uint8Array(fs.readFileSync(converted[i])), converted[i]);
      const analysis = analyseWorkbook(grid);
      expect([names[i], analysis.total]).toEqual([names[i], run.outAnalysis.total]);
      expect([names[i], analysis.flags.filter((f) => f.kind === 'hand-total-mismatch').length]).toEqual([names[i], 0]);
    }
  }, 400000);
});
