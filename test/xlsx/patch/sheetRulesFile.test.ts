import JSZip from 'jszip';
import { analyseWorkbook } from '../../../src/core/analyse';
import { parseRange } from '../../../src/core/address';
import { planWorkbook } from '../../../src/core/plan';
import { buildSheetRules, SheetRules, TIER_SHEET_NAME } from '../../../src/core/plan/sheetRules';
import { sampleWorkbookBytes } from '../../../src/xlsx/gridToWorkbook';
import { patchWorkbook } from '../../../src/xlsx/patch/patchPackage';
import { markedFormula, RULE_MARKER, sheetRulesInput, SheetRulesInput } from '../../../src/xlsx/patch/rulesPart';
import { readGridFromXlsxBytes } from '../../../src/xlsx/read/readGrid';
import { expectOnlyOwnedPartsChanged, expectSameTotals, partsOf, runPipeline } from './patchHelpers';
import { excelJsRichBytes, handBuiltRichBytes } from './richWorkbooks';

/**
 * Issue 13, item 4, in the file: the annotated copy checks itself as the official types. Each leaf's
 * self-score cell has a data validation (a drop-down of the levels from the hidden sheet "Mức điểm CCHC"
 * through a CCHC_MUC_n name, or a decimal 0..max), missing evidence and off-tier scores are
 * formula-based conditional formats (fills appended to styles.xml's dxfs), and the user's own
 * validations, conditional formats and names are kept as written. Scoring the copy again replaces the
 * tool's rules, never duplicates them.
 */

const text = (b: Uint8Array | undefined) => new TextDecoder().decode(b);
const decode = (s: string) =>
  s
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&#10;/g, '\n')
    .replace(/&amp;/g, '&');

function sheetPartOf(parts: Map<string, Uint8Array>, name: string): string {
  const wb = text(parts.get('xl/workbook.xml'));
  const rels = text(parts.get('xl/_rels/workbook.xml.rels'));
  const id = new RegExp('<sheet [^>]*name="' + name + '"[^>]*r:id="(rId\\d+)"').exec(wb)![1];
  const target = new RegExp('Id="' + id + '"[^>]*Target="([^"]+)"').exec(rels) || new RegExp('Target="([^"]+)"[^>]*Id="' + id + '"').exec(rels);
  return 'xl/' + target![1].replace(/^\/?xl\//, '');
}

interface FileValidation {
  type: string;
  operator?: string;
  sqref: string;
  formula1: string;
  formula2?: string;
  promptTitle: string;
  prompt: string;
  error: string;
}

function validationsOf(xml: string): FileValidation[] {
  const out: FileValidation[] = [];
  const rx = /<dataValidation ([^>]*)>([\s\S]*?)<\/dataValidation>/g;
  for (let m = rx.exec(xml); m; m = rx.exec(xml)) {
    const a: Record<string, string> = {};
    for (const x of m[1].matchAll(/(\w+)="([^"]*)"/g)) a[x[1]] = decode(x[2]);
    const f1 = /<formula1>([^<]*)<\/formula1>/.exec(m[2]);
    const f2 = /<formula2>([^<]*)<\/formula2>/.exec(m[2]);
    out.push({
      type: a.type,
      operator: a.operator,
      sqref: a.sqref,
      formula1: f1 ? decode(f1[1]) : '',
      formula2: f2 ? decode(f2[1]) : undefined,
      promptTitle: a.promptTitle,
      prompt: a.prompt,
      error: a.error,
    });
  }
  return out;
}

function conditionalOf(xml: string): Array<{ sqref: string; dxfId: number; priority: number; formula: string }> {
  const out: Array<{ sqref: string; dxfId: number; priority: number; formula: string }> = [];
  const rx = /<conditionalFormatting sqref="([^"]*)">([\s\S]*?)<\/conditionalFormatting>/g;
  for (let m = rx.exec(xml); m; m = rx.exec(xml)) {
    for (const r of m[2].matchAll(/<cfRule type="expression" dxfId="(\d+)" priority="(\d+)"><formula>([^<]*)<\/formula><\/cfRule>/g)) {
      out.push({ sqref: m[1], dxfId: Number(r[1]), priority: Number(r[2]), formula: decode(r[3]) });
    }
  }
  return out;
}

/** The dxfs' fill colours (ARGB), by index. */
function dxfColours(styles: string): string[] {
  const dxfs = /<dxfs [^>]*>([\s\S]*?)<\/dxfs>/.exec(styles);
  return dxfs ? Array.from(dxfs[1].matchAll(/<dxf>[\s\S]*?<\/dxf>/g)).map((d) => (/<bgColor rgb="([0-9A-F]{8})"/.exec(d[0]) || ['', ''])[1]) : [];
}

/** The rules the CLI would install on `bytes`, and their spec (the user's validations read from the file). */
async function scoreWithRules(bytes: Uint8Array, fileName: string, change?: (input: SheetRulesInput) => SheetRulesInput) {
  const grid = await readGridFromXlsxBytes(bytes, fileName);
  const analysis = analyseWorkbook(grid);
  const plan = planWorkbook(analysis, grid, 'vi');
  let spec: SheetRules | null = null;
  const base = sheetRulesInput(analysis, 'vi');
  const input = change ? change(base) : base;
  const recording: SheetRulesInput = { ...input, build: (uv) => (spec = input.build(uv)) };
  const patched = await patchWorkbook(bytes, plan, { fileName, rules: recording });
  return { analysis, plan, spec: spec as unknown as SheetRules, output: patched.bytes };
}

let sample: Uint8Array;
let first: Awaited<ReturnType<typeof scoreWithRules>>;
beforeAll(async () => {
  sample = await sampleWorkbookBytes();
  first = await scoreWithRules(sample, 'mau.xlsx');
});

test("the sample's copy: one validation per leaf self-score cell, of the spec's kind and levels; the levels' names resolve to the hidden sheet's numbers", async () => {
  const parts = await partsOf(first.output);
  const wb = text(parts.get('xl/workbook.xml'));
  // The hidden sheet of levels, after the summary.
  expect(wb).toMatch(/<sheet name="Tổng hợp điểm" sheetId="3" r:id="rId\d+"\/><sheet name="Mức điểm CCHC" sheetId="4" state="hidden" r:id="rId\d+"\/><\/sheets>/);
  const tierXml = text(parts.get(sheetPartOf(parts, TIER_SHEET_NAME)));
  const tierCells = new Map(Array.from(tierXml.matchAll(/<c r="([A-Z]+\d+)"><v>([^<]*)<\/v><\/c>/g)).map((m) => [m[1], Number(m[2])]));
  const names = new Map(Array.from(wb.matchAll(/<definedName name="(CCHC_MUC_\d+)">([^<]*)<\/definedName>/g)).map((m) => [m[1], decode(m[2])]));
  expect(first.spec.tierTable).not.toBeNull();
  expect(names.size).toBe(first.spec.tierTable!.rows.length);
  const valuesOfName = (name: string): number[] => {
    const ref = names.get(name)!;
    expect(ref.startsWith("'Mức điểm CCHC'!")).toBe(true);
    const r = parseRange(ref.slice(ref.indexOf('!') + 1))!;
    const values: number[] = [];
    for (let c = r.left; c <= r.right; c++) values.push(tierCells.get(String.fromCharCode(65 + c) + (r.top + 1))!);
    return values;
  };

  let total = 0;
  for (const spec of first.spec.sheets) {
    const xml = text(parts.get(sheetPartOf(parts, spec.sheet)));
    const found = validationsOf(xml);
    const leaves = first.analysis.sheets.filter((s) => s.name === spec.sheet);
    expect(found.length).toBe(spec.validations.length);
    total += found.length;
    const bySqref = new Map(found.map((v) => [v.sqref, v]));
    for (const v of spec.validations) {
      const f = bySqref.get(v.address)!;
      expect(f).toBeDefined();
      expect(f.type).toBe(v.kind);
      expect(f.promptTitle).toBe(v.inputTitle);
      expect(f.prompt).toBe(v.inputMessage);
      expect(f.error).toBe(v.errorMessage);
      if (v.kind === 'list') {
        expect(f.formula1).toBe(v.definedName);
        expect(valuesOfName(f.formula1)).toEqual(v.values);
      } else {
        expect([f.operator, f.formula1, f.formula2]).toEqual([v.operator, v.formula1, v.formula2]);
      }
    }
    expect(leaves.length).toBeGreaterThan(0);
    // The validations sit where CT_Worksheet puts them: after the conditional formats, before the hyperlinks and page margins.
    const order = ['sheetData', 'mergeCells', 'conditionalFormatting', 'dataValidations', 'hyperlinks', 'pageMargins', 'pageSetup', 'legacyDrawing'].map((n) => xml.indexOf('<' + n));
    const present = order.filter((i) => i >= 0);
    expect(present).toEqual(present.slice().sort((a, b) => a - b));
  }
  expect(total).toBe(first.spec.sheets.reduce((n, s) => n + s.validations.length, 0));
  expect(first.spec.skipped).toEqual([]);
});

test("the sample's copy: the formula highlights as conditional formats, marked as the tool's, in the highlight colours; live highlights carry no static fill, their notes stay", async () => {
  const parts = await partsOf(first.output);
  const colours = dxfColours(text(parts.get('xl/styles.xml')));
  for (const spec of first.spec.sheets) {
    const xml = text(parts.get(sheetPartOf(parts, spec.sheet)));
    const rules = conditionalOf(xml);
    expect(rules.map((r) => r.sqref)).toEqual(spec.rules.map((r) => r.sqref));
    expect(rules.map((r) => r.formula)).toEqual(spec.rules.map((r) => markedFormula(r.formula)));
    expect(rules.every((r) => r.formula.indexOf('AND(' + RULE_MARKER + ',') === 0)).toBe(true);
    expect(rules.map((r) => colours[r.dxfId])).toEqual(spec.rules.map((r) => 'FF' + r.fill));
    expect(new Set(rules.map((r) => r.priority)).size).toBe(rules.length);
  }
  // The flags the rules show live: their cells keep the style they had (no static fill), and keep the note.
  const live = first.analysis.flags.filter((f) => f.kind === 'missing-evidence' || f.kind === 'off-tier');
  expect(live.length).toBeGreaterThan(0);
  const before = await partsOf(sample);
  for (const f of live) {
    const part = sheetPartOf(parts, f.sheet);
    const styleOf = (xml: string) => (new RegExp('<c r="' + f.cell + '"(?: s="(\\d+)")?').exec(xml) || [])[1];
    expect([f.cell, styleOf(text(parts.get(part)))]).toEqual([f.cell, styleOf(text(before.get(part)))]);
  }
  const comments = Array.from(parts.keys()).filter((n) => /comments\d*\.xml$/.test(n));
  const refs = comments.flatMap((n) => Array.from(text(parts.get(n)).matchAll(/<comment ref="([A-Z]+\d+)"/g)).map((m) => m[1]));
  for (const f of live) expect(refs).toContain(f.cell);
  // Kinds the rules do not see (a score typed as text, a wrong hand total) keep their static fill.
  const stat = first.plan.highlights.filter((h) => !live.some((f) => f.sheet === h.sheet && f.cell === h.address));
  expect(stat.length).toBeGreaterThan(0);
  for (const h of stat) expect(text(parts.get(sheetPartOf(parts, h.sheet)))).toMatch(new RegExp('<c r="' + h.address + '" s="\\d+"'));
});

test('the parts the tool does not own are byte for byte; the totals read back the same', async () => {
  const run = await runPipeline(sample, 'mau.xlsx', { rules: true });
  await expectOnlyOwnedPartsChanged(run);
  expectSameTotals(run);
  expect(run.outAnalysis.skipped).toContainEqual({ name: TIER_SHEET_NAME, reason: 'tool-owned' });
  expect(run.outAnalysis.flags.filter((f) => f.kind === 'not-a-scoring-table')).toEqual([]);
});

test('scoring the copy again gives the same package; once more, byte for byte', async () => {
  const second = await scoreWithRules(first.output, 'mau-da-cham.xlsx');
  const third = await scoreWithRules(second.output, 'mau-da-cham.xlsx');
  const a = await partsOf(second.output);
  const b = await partsOf(third.output);
  expect(Array.from(b.keys())).toEqual(Array.from(a.keys()));
  for (const [name, bytes] of a) expect([name, text(b.get(name))]).toEqual([name, text(bytes)]);
  // The second run changed only what the first run's own fixes changed (the hand total it replaced is no
  // longer flagged): the rules, validations, names and the sheet of levels are the first run's.
  const p1 = await partsOf(first.output);
  expect(text(a.get('xl/workbook.xml'))).toBe(text(p1.get('xl/workbook.xml')));
  expect(text(a.get('xl/styles.xml'))).toBe(text(p1.get('xl/styles.xml')));
  for (const spec of first.spec.sheets) {
    const part = sheetPartOf(a, spec.sheet);
    expect(validationsOf(text(a.get(part)))).toEqual(validationsOf(text(p1.get(part))));
    expect(conditionalOf(text(a.get(part)))).toEqual(conditionalOf(text(p1.get(part))));
  }
});

/** The sample with the user's own validation on a leaf self-score cell, and a conditional format of theirs. */
async function withUserRules(): Promise<{ bytes: Uint8Array; validation: string; conditional: string; cell: string }> {
  const zip = await JSZip.loadAsync(sample);
  const parts = await partsOf(sample);
  const part = sheetPartOf(parts, 'Phụ lục 1');
  const cell = first.spec.sheets[0].validations[1].address;
  const validation =
    '<dataValidations count="1"><dataValidation type="whole" allowBlank="1" showErrorMessage="1" errorTitle="Của xã" sqref="' +
    cell +
    ' H20:H22"><formula1>0</formula1><formula2>5</formula2></dataValidation></dataValidations>';
  const conditional = '<conditionalFormatting sqref="B12:B20"><cfRule type="expression" dxfId="0" priority="1"><formula>LEN(B12)&gt;200</formula></cfRule></conditionalFormatting>';
  let xml = text(parts.get(part));
  const at = xml.indexOf('<hyperlinks');
  xml = xml.slice(0, at) + conditional + validation + xml.slice(at);
  zip.file(part, xml);
  // ExcelJS writes an empty <dxfs count="0"/>: the user's bold format takes index 0.
  const styles = text(parts.get('xl/styles.xml')).replace('<dxfs count="0"/>', '<dxfs count="1"><dxf><font><b/></font></dxf></dxfs>');
  expect(styles).toContain('<dxfs count="1"><dxf><font><b/>');
  zip.file('xl/styles.xml', styles);
  return { bytes: await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' }), validation, conditional, cell };
}

test("the user's own validation and conditional format are kept as written, no tool validation goes over their cell, and a second run replaces only the tool's", async () => {
  const user = await withUserRules();
  const once = await scoreWithRules(user.bytes, 'xa.xlsx');
  expect(once.spec.skipped.map((s) => s.address)).toEqual([user.cell]);
  const twice = await scoreWithRules(once.output, 'xa.xlsx');
  for (const out of [once.output, twice.output]) {
    const parts = await partsOf(out);
    const xml = text(parts.get(sheetPartOf(parts, 'Phụ lục 1')));
    expect(xml).toContain(user.conditional);
    expect(xml).toContain(user.validation.replace('<dataValidations count="1">', '').replace('</dataValidations>', ''));
    const found = validationsOf(xml);
    expect(found.filter((v) => v.sqref.split(' ').indexOf(user.cell) >= 0).length).toBe(1);
    expect(found.length).toBe(once.spec.sheets[0].validations.length + 1);
    expect(xml).toContain('<dataValidations count="' + found.length + '">');
    // The tool's rules come after the user's (priority 1): theirs first, ours from 2, each once.
    const rules = conditionalOf(xml);
    expect(rules[0]).toEqual({ sqref: 'B12:B20', dxfId: 0, priority: 1, formula: 'LEN(B12)>200' });
    expect(rules.length).toBe(once.spec.sheets[0].rules.length + 1);
    expect(rules.slice(1).map((r) => r.priority)).toEqual(rules.slice(1).map((_, i) => i + 2));
    // The user's dxf keeps index 0; the tool's fills follow it.
    expect(dxfColours(text(parts.get('xl/styles.xml')))[0]).toBe('');
    expect(rules.slice(1).every((r) => r.dxfId >= 1)).toBe(true);
  }
  expect(text((await partsOf(twice.output)).get('xl/styles.xml'))).toBe(text((await partsOf(once.output)).get('xl/styles.xml')));
});

test('a copy whose reading changed drops the stale rules: a sheet no longer scored loses its validations and formats, names of levels no longer used go', async () => {
  const onlyFirst = (input: SheetRulesInput): SheetRulesInput => ({
    ...input,
    build: (uv) => {
      const all = input.build(uv);
      const sheets = all.sheets.filter((s) => s.sheet === 'Phụ lục 1');
      // Only the levels Phụ lục 1 uses: as buildSheetRules numbers them for that sheet alone.
      return { ...all, sheets, tierTable: all.tierTable && { ...all.tierTable, rows: all.tierTable.rows.slice(0, 1) } };
    },
  });
  const changed = await scoreWithRules(first.output, 'mau-da-cham.xlsx', onlyFirst);
  const parts = await partsOf(changed.output);
  const pl2 = text(parts.get(sheetPartOf(parts, 'Phụ lục 2')));
  expect(pl2).not.toContain('dataValidation');
  expect(pl2).not.toContain('conditionalFormatting');
  expect(pl2).not.toContain('CCHC');
  const wb = text(parts.get('xl/workbook.xml'));
  expect(Array.from(wb.matchAll(/<definedName name="(CCHC_MUC_\d+)"/g)).map((m) => m[1])).toEqual(['CCHC_MUC_1']);
  expect((wb.match(/name="Mức điểm CCHC"/g) || []).length).toBe(1);
  // The user's names (the official's print titles) are still there.
  expect((wb.match(/_xlnm\.Print_Titles/g) || []).length).toBe(3);
  // Without rules at all (nothing scored with levels): the sheet of levels keeps only its title, no names.
  const none = await scoreWithRules(first.output, 'mau-da-cham.xlsx', (input) => ({ ...input, build: (uv) => ({ ...input.build(uv), sheets: [], tierTable: null }) }));
  const p = await partsOf(none.output);
  expect(text(p.get('xl/workbook.xml'))).not.toContain('CCHC_MUC_');
  expect(text(p.get(sheetPartOf(p, TIER_SHEET_NAME)))).not.toContain('<v>');
  for (const name of ['Phụ lục 1', 'Phụ lục 2']) expect(text(p.get(sheetPartOf(p, name)))).not.toMatch(/dataValidation|conditionalFormatting/);
});

test('buildSheetRules is given the cells the official validates, read from the file', async () => {
  const user = await withUserRules();
  const grid = await readGridFromXlsxBytes(user.bytes, 'xa.xlsx');
  const analysis = analyseWorkbook(grid);
  const direct = buildSheetRules(analysis, 'vi', { userValidation: { 'Phụ lục 1': [parseRange(user.cell)!] } });
  const viaFile = await scoreWithRules(user.bytes, 'xa.xlsx');
  expect(viaFile.spec.skipped).toEqual(direct.skipped);
  expect(viaFile.spec.sheets[0].validations.length).toBe(direct.sheets[0].validations.length);
});

test('a sheet read only to look for earlier rules still loses the notes the tool no longer has to say', async () => {
  const grid = await readGridFromXlsxBytes(sample, 'mau.xlsx');
  const analysis = analyseWorkbook(grid);
  const plan = planWorkbook(analysis, grid, 'vi');
  const base = sheetRulesInput(analysis, 'vi');
  // Levels but no rule on any sheet: the sheet of levels is written, the scoring sheets get only notes.
  const levelsOnly: SheetRulesInput = { ...base, build: (uv) => ({ ...base.build(uv), sheets: [] }) };
  const noted = await patchWorkbook(sample, plan, { fileName: 'mau.xlsx', rules: levelsOnly });
  const before = await partsOf(noted.bytes);
  expect(Array.from(before.keys()).filter((n) => /comments\d*\.xml$/.test(n)).length).toBe(1);
  const cleared = await patchWorkbook(noted.bytes, { ...plan, writes: [], highlights: [] }, { fileName: 'mau-da-cham.xlsx', rules: levelsOnly });
  const after = await partsOf(cleared.bytes);
  expect(Array.from(after.keys()).filter((n) => /comments\d*\.xml$|vmlDrawing\d*\.vml$/.test(n))).toEqual([]);
  expect(text(after.get(sheetPartOf(after, 'Phụ lục 1')))).not.toContain('legacyDrawing');
  expect(text(after.get(sheetPartOf(after, TIER_SHEET_NAME)))).toContain('<v>');
});

describe.each([
  { name: 'ExcelJS: comment, image, table, defined names', file: 'exceljs.xlsx', bytes: excelJsRichBytes },
  { name: 'openpyxl-style: chart, pivot cache, custom XML, absolute targets', file: 'openpyxl.xlsx', bytes: async () => handBuiltRichBytes(await excelJsRichBytes(), { absoluteTargets: true }) },
  { name: '.xlsm with x: prefixes', file: 'macros.xlsm', bytes: async () => handBuiltRichBytes(await excelJsRichBytes(), { absoluteTargets: true, macros: true, prefixed: true }) },
])("the rules on other generators' packages: $name", (c) => {
  test("only owned parts change, the rules are written in the part's own prefix, and a second run gives the same rules", async () => {
    const input = await c.bytes();
    const run = await runPipeline(input, c.file, { rules: true });
    await expectOnlyOwnedPartsChanged(run);
    const once = await scoreWithRules(input, c.file);
    const twice = await scoreWithRules(once.output, c.file);
    const [p1, p2] = [await partsOf(once.output), await partsOf(twice.output)];
    for (const spec of once.spec.sheets) {
      const wb = text(p1.get('xl/workbook.xml'));
      const prefix = (/<(\w+:)?workbook\b/.exec(wb) || [])[1] || '';
      const rels = text(p1.get('xl/_rels/workbook.xml.rels'));
      const id = new RegExp('<' + prefix + 'sheet [^>]*name="' + spec.sheet + '"[^>]*:id="(rId\\d+)"').exec(wb)![1];
      const target = (new RegExp('Id="' + id + '"[^>]*Target="([^"]+)"').exec(rels) || new RegExp('Target="([^"]+)"[^>]*Id="' + id + '"').exec(rels))![1];
      const part = target.charAt(0) === '/' ? target.slice(1) : 'xl/' + target;
      const xml = text(p1.get(part));
      const p = (/<(\w+:)?worksheet\b/.exec(xml) || [])[1] || '';
      expect([spec.sheet, (xml.match(new RegExp('<' + p + 'dataValidation ', 'g')) || []).length]).toEqual([spec.sheet, spec.validations.length]);
      expect([spec.sheet, (xml.match(new RegExp('<' + p + 'cfRule type="expression"', 'g')) || []).length]).toEqual([spec.sheet, spec.rules.length]);
      expect(text(p2.get(part))).toBe(xml);
    }
  });
});
