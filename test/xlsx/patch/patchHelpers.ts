import JSZip from 'jszip';
import { analyseWorkbook } from '../../../src/core/analyse';
import { cellAt, GridCell, WorkbookGrid } from '../../../src/core/grid';
import { WritePlan } from '../../../src/core/plan/types';
import { readGridFromXlsxBytes } from '../../../src/xlsx/read/readGrid';
import { patchWorkbookBytes } from '../../../src/xlsx/patch/patchPackage';
import { sheetRulesInput } from '../../../src/xlsx/patch/rulesPart';
import { TIER_SHEET_NAME } from '../../../src/core/plan/sheetRules';
import { CHART_NAME } from '../../../src/core/plan/chartBlock';

/**
 * The real pipeline for the patcher's tests: bytes → grid → analysis → plan → patched bytes, and
 * the checks every generator's workbook must pass (parts byte for byte, cells, totals).
 */

type Analysis = ReturnType<typeof analyseWorkbook>;

/**
 * The plan of an analysis. The core is moving `plan` off the analysis into planWorkbook() (issue 12
 * item 4) while this is written; take whichever this tree has, so the tests run on both sides of it.
 */
export function planOf(analysis: Analysis, grid: WorkbookGrid): WritePlan {
  let planWorkbook: ((a: Analysis, g: WorkbookGrid, lang: 'vi' | 'en') => WritePlan) | undefined;
  try {
    // eslint-disable-next-line @typescript-eslint/no-var-requires
    planWorkbook = require('../../../src/core/plan/planWorkbook').planWorkbook;
  } catch (e) {
    planWorkbook = undefined;
  }
  if (planWorkbook) return planWorkbook(analysis, grid, 'vi');
  return (analysis as unknown as { plan: WritePlan }).plan;
}

export interface PipelineRun {
  input: Uint8Array;
  grid: WorkbookGrid;
  analysis: Analysis;
  plan: WritePlan;
  output: Uint8Array;
  outGrid: WorkbookGrid;
  outAnalysis: Analysis;
}

/** `rules`: install the sheet rules too (validations, formula highlights, the hidden sheet of levels), as the CLI does. */
export async function runPipeline(input: Uint8Array, fileName = 'in.xlsx', options: { rules?: boolean } = {}): Promise<PipelineRun> {
  const grid = await readGridFromXlsxBytes(input, fileName);
  const analysis = analyseWorkbook(grid);
  const plan = planOf(analysis, grid);
  const output = await patchWorkbookBytes(input, plan, { fileName, rules: options.rules ? sheetRulesInput(analysis, 'vi') : undefined });
  const outGrid = await readGridFromXlsxBytes(output, fileName);
  const outAnalysis = analyseWorkbook(outGrid);
  return { input, grid, analysis, plan, output, outGrid, outAnalysis };
}

/** Every part's uncompressed bytes by name, in zip order. */
export async function partsOf(bytes: Uint8Array): Promise<Map<string, Uint8Array>> {
  const zip = await JSZip.loadAsync(bytes);
  const out = new Map<string, Uint8Array>();
  for (const key of Object.keys(zip.files)) {
    if (zip.files[key].dir) continue;
    out.set(key, await zip.files[key].async('uint8array'));
  }
  return out;
}

export function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * Part names the patcher may change: the written sheets, the summary, styles, workbook, its rels, content
 * types, and the hidden sheet of levels of the sheet rules (issue 13, item 4).
 */
export async function ownedParts(input: Uint8Array, plan: WritePlan, output: Uint8Array): Promise<Set<string>> {
  const zip = await JSZip.loadAsync(output);
  const text = async (name: string) => (zip.file(name) ? await zip.file(name)!.async('string') : '');
  const rootRels = await text('_rels/.rels');
  const wbTarget = (/Type="[^"]*\/officeDocument"[^>]*Target="([^"]+)"|Target="([^"]+)"[^>]*Type="[^"]*\/officeDocument"/.exec(rootRels) || []).slice(1).filter(Boolean)[0] as string | undefined;
  const wbName = wbTarget ? wbTarget.replace(/^\//, '') : 'xl/workbook.xml';
  const folder = wbName.slice(0, wbName.lastIndexOf('/') + 1);
  const wbRelsName = folder + '_rels/' + wbName.slice(folder.length) + '.rels';
  const wb = await text(wbName);
  const rels = await text(wbRelsName);
  const owned = new Set<string>([wbName, wbRelsName, '[Content_Types].xml']);
  const targetOf = (id: string) => {
    const m = new RegExp('<(?:\\w+:)?Relationship\\b[^>]*?(?:Id="' + id + '"[^>]*Target="([^"]+)"|Target="([^"]+)"[^>]*Id="' + id + '")').exec(rels);
    const t = m ? m[1] || m[2] : '';
    return t.charAt(0) === '/' ? t.slice(1) : folder + t;
  };
  const styles = /<(?:\w+:)?Relationship\b[^>]*\/styles"[^>]*>|<(?:\w+:)?Relationship\b[^>]*Type="[^"]*\/styles"[^>]*>/.exec(rels);
  if (styles) {
    const t = /Target="([^"]+)"/.exec(styles[0])![1];
    owned.add(t.charAt(0) === '/' ? t.slice(1) : folder + t);
  }
  const sheetRx = /<(?:\w+:)?sheet\b([^>]*)\/>/g;
  const written = new Set(plan.writes.map((w) => w.sheet).concat(plan.highlights.map((h) => h.sheet)));
  for (let m = sheetRx.exec(wb); m; m = sheetRx.exec(wb)) {
    const name = decode(/\sname="([^"]*)"/.exec(m[1])![1]);
    const id = /\s\w+:id="([^"]*)"/.exec(m[1])![1];
    if (written.has(name)) {
      owned.add(targetOf(id));
      for (const part of await ownNotesParts(zip, targetOf(id))) owned.add(part);
    }
    if (name === TIER_SHEET_NAME) owned.add(targetOf(id));
    if (name.toLowerCase() === plan.summary.name.toLowerCase()) {
      // The summary's part, and the relationships of an earlier copy of it (dropped with its content).
      const target = targetOf(id);
      owned.add(target);
      owned.add(target.slice(0, target.lastIndexOf('/') + 1) + '_rels/' + target.slice(target.lastIndexOf('/') + 1) + '.rels');
      for (const part of await ownChartParts(zip, target)) owned.add(part);
    }
  }
  return owned;
}

/**
 * The notes the tool adds to a highlighted sheet (issue 13): its comments part and VML drawing, when the
 * comments part is the tool's own (its only author "CCHC"), and the sheet's relationships that name them.
 */
async function ownNotesParts(zip: JSZip, sheetPart: string): Promise<string[]> {
  const folder = sheetPart.slice(0, sheetPart.lastIndexOf('/') + 1);
  const relsName = folder + '_rels/' + sheetPart.slice(folder.length) + '.rels';
  const file = zip.file(relsName);
  if (!file) return [];
  const rels = await file.async('string');
  const resolve = (t: string) => {
    const parts = (t.charAt(0) === '/' ? t.slice(1) : folder + t).split('/');
    const out: string[] = [];
    for (const p of parts)
      if (p === '..') out.pop();
      else if (p && p !== '.') out.push(p);
    return out.join('/');
  };
  const comments = /Type="[^"]*\/comments" Target="([^"]+)"/.exec(rels);
  const vml = /Type="[^"]*\/vmlDrawing" Target="([^"]+)"/.exec(rels);
  if (!comments || !vml) return [];
  const commentsFile = zip.file(resolve(comments[1]));
  if (!commentsFile || !/<authors><author>CCHC<\/author><\/authors>/.test(await commentsFile.async('string'))) return [];
  return [relsName, resolve(comments[1]), resolve(vml[1])];
}

/**
 * The summary's chart (src/xlsx/patch/chartPart.ts): the drawing its relationships name when it holds
 * the tool's frame (named CHART_NAME), the drawing's relationships and the chart parts they name.
 */
async function ownChartParts(zip: JSZip, sheetPart: string): Promise<string[]> {
  const relsOf = (part: string) => part.slice(0, part.lastIndexOf('/') + 1) + '_rels/' + part.slice(part.lastIndexOf('/') + 1) + '.rels';
  const targets = async (part: string, kind: string): Promise<string[]> => {
    const file = zip.file(relsOf(part));
    if (!file) return [];
    const folder = part.slice(0, part.lastIndexOf('/') + 1);
    const found = Array.from((await file.async('string')).matchAll(new RegExp('Type="[^"]*/' + kind + '" Target="([^"]+)"', 'g')));
    return found.map((m) => {
      const out: string[] = [];
      for (const p of (m[1].charAt(0) === '/' ? m[1].slice(1) : folder + m[1]).split('/'))
        if (p === '..') out.pop();
        else if (p && p !== '.') out.push(p);
      return out.join('/');
    });
  };
  const parts: string[] = [];
  for (const drawing of await targets(sheetPart, 'drawing')) {
    const file = zip.file(drawing);
    if (!file || !new RegExp('<xdr:cNvPr [^>]*name="' + CHART_NAME + '"').test(await file.async('string'))) continue;
    parts.push(drawing, relsOf(drawing), ...(await targets(drawing, 'chart')));
  }
  return parts;
}

function decode(s: string): string {
  return s
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'");
}

/**
 * The promise of the patcher: every part the tool does not own is byte for byte what it was, in the
 * same zip order; nothing disappears except calcChain.xml. Returns the names of the changed parts.
 */
export async function expectOnlyOwnedPartsChanged(run: { input: Uint8Array; plan: WritePlan; output: Uint8Array }): Promise<string[]> {
  const before = await partsOf(run.input);
  const after = await partsOf(run.output);
  const owned = await ownedParts(run.input, run.plan, run.output);
  const changed: string[] = [];
  const problems: string[] = [];
  for (const [name, bytes] of before) {
    const bare = name.replace(/^\//, '');
    const now = after.get(name);
    if (!now) {
      if (!/calcChain\.xml$/i.test(bare) && !owned.has(bare)) problems.push('lost ' + name);
      continue;
    }
    if (sameBytes(bytes, now)) continue;
    changed.push(bare);
    if (!owned.has(bare)) problems.push('changed a part the tool does not own: ' + name);
  }
  // Zip order: the original entries first, in their order; new parts only after them.
  const oldOrder = [...before.keys()].filter((n) => after.has(n));
  expect([...after.keys()].slice(0, oldOrder.length)).toEqual(oldOrder);
  for (const name of [...after.keys()].slice(oldOrder.length)) if (!owned.has(name.replace(/^\//, ''))) problems.push('added a part the tool does not own: ' + name);
  expect(problems).toEqual([]);
  return changed;
}

function meaningful(c: GridCell | null): GridCell | null {
  // A cell the patcher created only to carry a fill is empty: the same as no cell.
  return c && (c.value !== null || c.formula !== undefined || c.error !== undefined || c.hyperlink !== undefined) ? c : null;
}

/** The plan's cells read back with its formulas (or values) and results. */
export function expectOwnedCellsWritten(run: PipelineRun): void {
  expect(run.plan.writes.length).toBeGreaterThan(0);
  for (const w of run.plan.writes) {
    const sheet = run.outGrid.sheets.find((s) => s.name === w.sheet)!;
    const cell = cellAt(sheet, w.row, w.col);
    const expected = w.purpose === 'appraised-fill' ? { value: w.value } : { value: w.result, formula: w.formula };
    expect([w.sheet, w.address, cell && { value: cell.value, formula: cell.formula }]).toEqual([
      w.sheet,
      w.address,
      expected.formula === undefined ? { value: expected.value, formula: undefined } : expected,
    ]);
  }
}

/** Every cell of every sheet but the summary, outside the plan's writes: value, formula, link as before. */
export function expectOtherCellsKept(run: PipelineRun): number {
  const written = new Set(run.plan.writes.map((w) => w.sheet + '!' + w.row + ',' + w.col));
  const highlighted = new Set(run.plan.highlights.map((h) => h.sheet + '!' + h.row + ',' + h.col));
  let compared = 0;
  for (const before of run.grid.sheets) {
    if (before.name.toLowerCase() === run.plan.summary.name.toLowerCase()) continue;
    const after = run.outGrid.sheets.find((s) => s.name === before.name)!;
    expect(after).toBeDefined();
    const rows = Math.max(before.rows.length, after.rows.length);
    for (let r = 0; r < rows; r++) {
      const width = Math.max((before.rows[r] || []).length, (after.rows[r] || []).length);
      for (let c = 0; c < width; c++) {
        if (written.has(before.name + '!' + r + ',' + c)) continue;
        let a = meaningful(cellAt(after, r, c));
        const b = meaningful(cellAt(before, r, c));
        // A highlighted cell that had no style (s="0") now has one: the fast reader, as ExcelJS, names
        // the font of a styled cell only, so it now reports the workbook's default font. Same text.
        if (a && b && highlighted.has(before.name + '!' + r + ',' + c) && b.font === undefined && a.font !== undefined) {
          a = { ...a };
          delete a.font;
        }
        if (JSON.stringify(a) !== JSON.stringify(b)) expect([before.name, r, c, a]).toEqual([before.name, r, c, b]);
        compared++;
      }
    }
    expect(after.merges).toEqual(before.merges);
  }
  // The sheets are the same, in the same order, plus the summary.
  const names = run.outGrid.sheets.map((s) => s.name.toLowerCase());
  expect(names.filter((n) => n !== run.plan.summary.name.toLowerCase())).toEqual(run.grid.sheets.map((s) => s.name.toLowerCase()).filter((n) => n !== run.plan.summary.name.toLowerCase()));
  expect(names).toContain(run.plan.summary.name.toLowerCase());
  return compared;
}

/** Re-analysed, the copy gives the same totals, and its totals now agree with the official's hand totals. */
export function expectSameTotals(run: PipelineRun): void {
  expect(run.outAnalysis.total).toEqual(run.analysis.total);
  expect(run.outAnalysis.sheets.map((s) => s.score.self)).toEqual(run.analysis.sheets.map((s) => s.score.self));
  expect(run.outAnalysis.flags.filter((f) => f.kind === 'hand-total-mismatch')).toEqual([]);
}

/**
 * The parts the tool does change, changed only by addition: workbook.xml is the original plus the
 * summary's <sheet>; styles.xml's lists (numFmts, fonts, fills, cellXfs) start with their original
 * entries, index for index; every original relationship and content-type entry is still there, as
 * written, but calcChain's.
 */
export async function expectAppendOnly(run: { input: Uint8Array; output: Uint8Array; plan: WritePlan }): Promise<void> {
  const before = await partsOf(run.input);
  const after = await partsOf(run.output);
  const text = (parts: Map<string, Uint8Array>, name: string) => {
    const key = [...parts.keys()].find((k) => k.replace(/^\//, '') === name);
    return key ? Buffer.from(parts.get(key)!).toString('utf8') : '';
  };
  const rootRels = text(before, '_rels/.rels');
  const wbTarget = /<(?:\w+:)?Relationship\b[^>]*\/officeDocument"[^>]*>/.exec(rootRels);
  const wbName = wbTarget ? /Target="\/?([^"]+)"/.exec(wbTarget[0])![1] : 'xl/workbook.xml';
  const folder = wbName.slice(0, wbName.lastIndexOf('/') + 1);
  const wbRels = folder + '_rels/' + wbName.slice(folder.length) + '.rels';

  // One full calculation on opening may be asked for (when a write changed a value): the only other change.
  const withoutFullCalc = (xml: string) => xml.replace(/<(\w+:)?calcPr fullCalcOnLoad="1"\/>/, '').replace(/(<(?:\w+:)?calcPr\b[^>]*?) fullCalcOnLoad="1"/, '$1');
  // And the summary's header rows repeated on every printed page: its `_xlnm.Print_Titles` (issue 13),
  // in the workbook's <definedNames>, or in one the tool adds.
  const summaryTitles = (xml: string) => {
    const quoted = "'" + run.plan.summary.name.replace(/'/g, "''") + "'!";
    const one = new RegExp('<(\\w+:)?definedName name="_xlnm\\.Print_Titles" localSheetId="\\d+">' + quoted.replace(/[.*+?^${}()|[\]\\]/g, '\\$&') + '\\$\\d+:\\$\\d+</(\\w+:)?definedName>');
    const found = one.exec(xml);
    if (!found) return xml;
    const rest = xml.slice(0, found.index) + xml.slice(found.index + found[0].length);
    return rest.replace(/<(\w+:)?definedNames><\/(\w+:)?definedNames>/, '');
  };
  const wbBefore = summaryTitles(withoutFullCalc(text(before, wbName)));
  const wbAfter = summaryTitles(withoutFullCalc(text(after, wbName)));
  if (wbAfter !== wbBefore) {
    const added = /<(?:\w+:)?sheet\b[^>]*\/>(?=<\/(?:\w+:)?sheets>)/.exec(wbAfter)!;
    expect(added[0]).toContain('name="' + run.plan.summary.name + '"');
    expect(wbAfter.slice(0, added.index) + wbAfter.slice(added.index + added[0].length)).toBe(wbBefore);
  }

  const stylesTarget = /<(?:\w+:)?Relationship\b[^>]*Type="[^"]*\/styles"[^>]*>/.exec(text(before, wbRels));
  if (stylesTarget) {
    const t = /Target="([^"]+)"/.exec(stylesTarget[0])![1];
    const name = t.charAt(0) === '/' ? t.slice(1) : folder + t;
    const sb = text(before, name);
    const sa = text(after, name);
    for (const list of ['numFmts', 'fonts', 'fills', 'cellXfs']) {
      const inner = (xml: string) => {
        const m = new RegExp('<((?:\\w+:)?)' + list + '\\b[^>]*>([\\s\\S]*?)</\\1' + list + '>').exec(xml);
        return m ? m[2] : '';
      };
      expect([list, inner(sa).slice(0, inner(sb).length)]).toEqual([list, inner(sb)]);
    }
  }

  for (const name of [wbRels, '[Content_Types].xml']) {
    const tags = (xml: string) => xml.match(/<(?:\w+:)?(?:Relationship|Override|Default)\b[^>]*>/g) || [];
    const now = new Set(tags(text(after, name)));
    const missing = tags(text(before, name)).filter((t) => !now.has(t) && !/calcChain/i.test(t));
    expect([name, missing]).toEqual([name, []]);
  }
}
