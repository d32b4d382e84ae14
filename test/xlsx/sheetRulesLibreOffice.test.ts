import * as fs from 'fs';
import JSZip from 'jszip';
import * as os from 'os';
import * as path from 'path';
import { analyseWorkbook } from '../../src/core/analyse';
import { columnIndex } from '../../src/core/address';
import { planWorkbook } from '../../src/core/plan';
import { ConditionalRule, formulaAt, SheetRules, TIER_SHEET_NAME } from '../../src/core/plan/sheetRules';
import { CellWrite } from '../../src/core/plan/types';
import { sampleWorkbookBytes } from '../../src/xlsx/gridToWorkbook';
import { patchWorkbook } from '../../src/xlsx/patch/patchPackage';
import { CellEdit, patchSheetXml } from '../../src/xlsx/patch/sheetPatch';
import { markedFormula, RULE_MARKER, sheetRulesInput, SheetRulesInput } from '../../src/xlsx/patch/rulesPart';
import { readGridFromXlsxBytes } from '../../src/xlsx/read/readGrid';
import { findSoffice, libreOfficeConvert, libreOfficeProfile, runLibreOffice } from '../helpers/xlsFiles';

/**
 * The sheet rules of the annotated copy (issue 13, item 4) in a second spreadsheet program.
 *
 * 1. Round trip: LibreOffice Calc opens the copy and saves it as .xlsx: the validations (drop-downs
 *    through CCHC_MUC_n, decimals), the conditional formats with the tool's mark, the hidden sheet of
 *    levels and its names are all still there, and the tool recognises them as its own when that file is
 *    scored again (replaced, not duplicated).
 * 2. Typing: the copy changed as an official would change it (evidence typed into a cell flagged for
 *    missing evidence, a valid level picked in a cell flagged off-tier). Whether a rule matches is read
 *    from what LibreOffice computes: a scratch copy gets, on the row of each cell, a helper cell in a free
 *    column holding the rule's own formula at that cell (the same text the conditional format holds,
 *    re-anchored with formulaAt, marker included); LibreOffice recalculates on load (a fresh profile with
 *    OOXMLRecalcMode "always") and exports the sheet as CSV, where the helper shows TRUE or FALSE. The
 *    helper is a plain formula reading the same cells, so this is exactly the rule's condition as Calc
 *    evaluates it, with no reading of rendered colours (which CSV, PDF text and HTML do not carry reliably).
 *    Before the change the rules match; after it they do not, and the core agrees (no flag left there).
 */

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cchc-rules-lo-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const soffice = findSoffice();
const maybe = soffice || process.env.CI ? test : test.skip;
if (!soffice && !process.env.CI) console.warn('LibreOffice (soffice) not found: the sheet rules round trip is skipped.');

const SHEET = 'Phụ lục 1';
/** The helper column: far right of the sample's columns (A..H). */
const HELPER_COL = columnIndex('Z');

async function scoreWithRules(bytes: Uint8Array, fileName: string): Promise<{ output: Uint8Array; spec: SheetRules }> {
  const grid = await readGridFromXlsxBytes(bytes, fileName);
  const analysis = analyseWorkbook(grid);
  let spec: SheetRules | null = null;
  const input = sheetRulesInput(analysis, 'vi');
  const recording: SheetRulesInput = { ...input, build: (uv) => (spec = input.build(uv)) };
  const patched = await patchWorkbook(bytes, planWorkbook(analysis, grid, 'vi'), { fileName, rules: recording });
  return { output: patched.bytes, spec: spec as unknown as SheetRules };
}

async function sheetPart(zip: JSZip, name: string): Promise<string> {
  const wb = await zip.file('xl/workbook.xml')!.async('string');
  const rels = await zip.file('xl/_rels/workbook.xml.rels')!.async('string');
  const tag = Array.from(wb.matchAll(/<sheet [^>]*\/>/g)).find((m) => m[0].indexOf('name="' + name + '"') >= 0)![0];
  const id = /r:id="([^"]+)"/.exec(tag)![1];
  const rel = Array.from(rels.matchAll(/<Relationship [^>]*\/>/g)).find((m) => m[0].indexOf('Id="' + id + '"') >= 0)![0];
  return 'xl/' + /Target="([^"]+)"/.exec(rel)![1].replace(/^\/?xl\//, '');
}

function write(row: number, col: number, address: string, value: number | string): CellWrite {
  return { sheet: SHEET, row, col, address, purpose: 'appraised-fill', value, previous: { value: null } };
}

function helper(row: number, formula: string): CellWrite {
  return { sheet: SHEET, row, col: HELPER_COL, address: 'Z' + (row + 1), purpose: 'parent-total', formula, result: 0, previous: { value: null } };
}

/** The copy with `edits` made to the scoring sheet's cells (as typed: numbers, inline text, helper formulas). */
async function edited(bytes: Uint8Array, edits: CellWrite[]): Promise<Buffer> {
  const zip = await JSZip.loadAsync(bytes);
  const part = await sheetPart(zip, SHEET);
  const xml = await zip.file(part)!.async('string');
  const cellEdits: CellEdit[] = edits.map((w) => ({ row: w.row, col: w.col, address: w.address, write: w }));
  zip.file(part, patchSheetXml(xml, cellEdits, { sheetName: SHEET, cellStyle: (base) => base }));
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

/** The scoring sheet as CSV rows after LibreOffice recalculated the file. */
async function recalculated(file: string): Promise<string[][]> {
  const outDir = fs.mkdtempSync(path.join(tmp, 'csv-'));
  const profile = libreOfficeProfile(fs.mkdtempSync(path.join(tmp, 'profile-')), true);
  await runLibreOffice(soffice as string, profile, 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1', outDir, [file], 90000);
  const base = path.basename(file).replace(/\.xlsx$/, '');
  const csv = fs.readFileSync(path.join(outDir, base + '-' + SHEET + '.csv'), 'utf8');
  return parseCsv(csv);
}

/** RFC 4180 rows: quoted fields may hold commas, quotes ("") and line breaks. */
function parseCsv(csv: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < csv.length; i++) {
    const ch = csv.charAt(i);
    if (quoted) {
      if (ch === '"' && csv.charAt(i + 1) === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && csv.charAt(i + 1) === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (field || row.length) rows.push(row.concat([field]));
  return rows;
}

function ruleAt(spec: SheetRules, address: string): ConditionalRule {
  const rules = spec.sheets.filter((s) => s.sheet === SHEET)[0].rules;
  const row = parseInt(address.replace(/^[A-Z]+/, ''), 10) - 1;
  const col = columnIndex(address.replace(/\d+$/, ''));
  return rules.filter((r) => r.areas.some((a) => a.col === col && row >= a.top && row <= a.bottom))[0];
}

maybe(
  'LibreOffice keeps the validations, formats, hidden sheet and names; the tool knows them again',
  async () => {
    const started = Date.now();
    const copy = await scoreWithRules(await sampleWorkbookBytes(), 'mau.xlsx');
    const file = path.join(tmp, 'mau-da-cham.xlsx');
    fs.writeFileSync(file, copy.output);
    const [saved] = await libreOfficeConvert(soffice as string, [file], 'xlsx', path.join(tmp, 'lo'), 90000);
    const zip = await JSZip.loadAsync(fs.readFileSync(saved));
    const wb = await zip.file('xl/workbook.xml')!.async('string');
    expect(wb).toMatch(new RegExp('<sheet name="' + TIER_SHEET_NAME + '"[^>]*state="hidden"'));
    for (const row of copy.spec.tierTable!.rows) expect(wb).toMatch(new RegExp('<definedName[^>]*name="' + row.definedName + '"[^>]*>'));
    for (const spec of copy.spec.sheets) {
      const xml = await zip.file(await sheetPart(zip, spec.sheet))!.async('string');
      const validations = Array.from(xml.matchAll(/<dataValidation [\s\S]*?<\/dataValidation>/g)).map((m) => m[0]);
      expect([spec.sheet, validations.length]).toEqual([spec.sheet, spec.validations.length]);
      const lists = spec.validations.filter((v) => v.kind === 'list').length;
      expect(validations.filter((v) => /<formula1>CCHC_MUC_\d+<\/formula1>/.test(v)).length).toBe(lists);
      expect(validations.filter((v) => /type="decimal"/.test(v)).length).toBe(spec.validations.length - lists);
      const formulas = Array.from(xml.matchAll(/<cfRule [^>]*type="expression"[\s\S]*?<formula>([^<]*)<\/formula>/g)).map((m) => m[1]);
      expect([spec.sheet, formulas.length]).toEqual([spec.sheet, spec.rules.length]);
      expect(formulas.every((f) => f.indexOf('N(&quot;CCHC&quot;)=0') >= 0)).toBe(true);
    }
    // Scored again from LibreOffice's file: the tool's validations and formats are recognised and replaced.
    const again = await scoreWithRules(new Uint8Array(fs.readFileSync(saved)), 'mau-lo.xlsx');
    expect(again.spec.skipped).toEqual([]);
    const z2 = await JSZip.loadAsync(again.output);
    for (const spec of again.spec.sheets) {
      const xml = await z2.file(await sheetPart(z2, spec.sheet))!.async('string');
      expect([spec.sheet, (xml.match(/<dataValidation /g) || []).length]).toEqual([spec.sheet, spec.validations.length]);
      expect([spec.sheet, (xml.match(/N\(&quot;CCHC&quot;\)=0/g) || []).length]).toEqual([spec.sheet, spec.rules.length]);
    }
    console.log('LibreOffice round trip of the sheet rules: ' + (Date.now() - started) + ' ms');
  },
  180000,
);

maybe(
  'typing as an official: evidence typed and a valid level picked, the rules match before and no longer after, in LibreOffice',
  async () => {
    const started = Date.now();
    const input = await sampleWorkbookBytes();
    const copy = await scoreWithRules(input, 'mau.xlsx');
    const grid = await readGridFromXlsxBytes(copy.output, 'mau-da-cham.xlsx');
    const analysis = analyseWorkbook(grid);
    const missing = analysis.flags.filter((f) => f.sheet === SHEET && f.kind === 'missing-evidence');
    const offTier = analysis.flags.filter((f) => f.sheet === SHEET && f.kind === 'off-tier');
    expect(missing.length).toBeGreaterThan(0);
    expect(offTier.length).toBeGreaterThan(0);
    const watched = missing.concat(offTier);
    // A control: a leaf's score cell no rule should match (scored on a level).
    const sheetSpec = copy.spec.sheets.filter((s) => s.sheet === SHEET)[0];
    const control = sheetSpec.validations.filter((v) => !watched.some((f) => f.cell === v.address) && v.kind === 'list' && analysis.flags.every((f) => f.cell !== v.address))[0];
    const cells = watched.map((f) => ({ address: f.cell, row: f.row })).concat([{ address: control.address, row: control.row }]);
    const helpers = cells.map((c) => helper(c.row, markedFormula(formulaAt(ruleAt(copy.spec, c.address).template, c.row))));
    for (const h of helpers) expect((h as { formula: string }).formula.indexOf(RULE_MARKER)).toBeGreaterThan(0);

    // The official's typing: evidence in each flagged evidence cell, the highest level in each off-tier cell.
    const typing: CellWrite[] = [];
    for (const f of missing) typing.push(write(f.row, f.col, f.cell, 'Kế hoạch số 5/KH-UBND ngày 10/01/2023'));
    for (const f of offTier) {
      const v = sheetSpec.validations.filter((x) => x.address === f.cell)[0];
      const level = v.kind === 'list' ? v.values[0] : (v.max as number);
      typing.push(write(f.row, f.col, f.cell, level));
    }
    const beforeFile = path.join(tmp, 'truoc.xlsx');
    const afterFile = path.join(tmp, 'sau.xlsx');
    fs.writeFileSync(beforeFile, await edited(copy.output, helpers));
    fs.writeFileSync(afterFile, await edited(copy.output, typing.concat(helpers)));
    const [before, after] = [await recalculated(beforeFile), await recalculated(afterFile)];
    const helperValue = (rows: string[][], row: number) => (rows[row] || [])[HELPER_COL];
    expect(watched.map((f) => [f.cell, helperValue(before, f.row)])).toEqual(watched.map((f) => [f.cell, 'TRUE']));
    expect(watched.map((f) => [f.cell, helperValue(after, f.row)])).toEqual(watched.map((f) => [f.cell, 'FALSE']));
    expect([control.address, helperValue(before, control.row), helperValue(after, control.row)]).toEqual([control.address, 'FALSE', 'FALSE']);
    // The typed file still holds the rules over those cells (a new mistake there colours again).
    const typedZip = await JSZip.loadAsync(fs.readFileSync(afterFile));
    const typedXml = await typedZip.file(await sheetPart(typedZip, SHEET))!.async('string');
    for (const f of watched) expect([f.cell, typedXml.indexOf('<conditionalFormatting sqref="' + ruleAt(copy.spec, f.cell).sqref + '">') >= 0]).toEqual([f.cell, true]);
    // The core agrees: scored again, the typed file has no flag left on those cells.
    const typedGrid = await readGridFromXlsxBytes(new Uint8Array(fs.readFileSync(afterFile)), 'sau.xlsx');
    const left = analyseWorkbook(typedGrid).flags.filter((f) => watched.some((w) => w.sheet === f.sheet && w.cell === f.cell && w.kind === f.kind));
    expect(left).toEqual([]);
    console.log('LibreOffice typing test (two recalculations): ' + (Date.now() - started) + ' ms');
  },
  240000,
);
