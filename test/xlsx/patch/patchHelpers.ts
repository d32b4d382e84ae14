import JSZip from 'jszip';
import { analyseWorkbook } from '../../../src/core/analyse';
import { WorkbookGrid } from '../../../src/core/grid';
import { WritePlan } from '../../../src/core/plan/types';
import { readGridFromXlsxBytes } from '../../../src/xlsx/fastGrid';
import { patchWorkbookBytes } from '../../../src/xlsx/patch/patchPackage';

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

export async function runPipeline(input: Uint8Array, fileName = 'in.xlsx'): Promise<PipelineRun> {
  const grid = await readGridFromXlsxBytes(input, fileName);
  const analysis = analyseWorkbook(grid);
  const plan = planOf(analysis, grid);
  const output = await patchWorkbookBytes(input, plan, { fileName });
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

/** Part names the patcher may change: the written sheets, the summary, styles, workbook, its rels, content types. */
export async function ownedParts(input: Uint8Array, plan: WritePlan, output: Uint8Array): Promise<Set<string>> {
  const zip = await JSZip.loadAsync(output);
  const text = async (name: string) => (zip.file(name) ? await zip.file(name)!.async('string') : '');
  const rootRels = await text('_rels/.rels');
  const wbTarget = (/Type="[^"]*\/officeDocument"[^>]*Target="([^"]+)"|Target="([^"]+)"[^>]*Type="[^"]*\/officeDocument"/.exec(rootRels) || [])
    .slice(1)
    .filter(Boolean)[0] as string | undefined;
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
    if (written.has(name) || name.toLowerCase() === plan.summary.name.toLowerCase()) owned.add(targetOf(id));
  }
  return owned;
}

function decode(s: string): string {
  return s.replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'");
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
      if (!/calcChain\.xml$/i.test(bare)) problems.push('lost ' + name);
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
