import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { analyseWorkbook } from '../../src/core/analyse';
import { GridCell, SheetGrid, WorkbookGrid } from '../../src/core/grid';
import { toJsonResult } from '../../src/core/report/jsonResult';
import { readGridFromXlsxBytes } from '../../src/xlsx/read/readGrid';
import { sampleWorkbookBytes } from '../../src/xlsx/gridToWorkbook';
import { excelJsGrid, inMergeOrder } from '../helpers/excelJsOracle';
import { WorkbookInputError } from '../../src/xlsx/workbookInputError';
import { foreignVariants, refusalVariants, transformXlsx } from '../helpers/foreignXlsx';
import { HEADER, sheet, workbook } from '../helpers/gridBuilder';
import { gridToXlsxBytes } from '../helpers/gridXlsx';
import { everyKindWorkbook } from './fixtures/everyKind';

/**
 * Issue 11, item 3 ("Read what Excel reads"): a workbook written by another producer — namespace
 * prefixes (Open XML SDK), Strict Open XML, CDATA values, a DOCTYPE without entities, worksheet
 * parts under other names — reads as the same grid as the ordinary file, in BOTH readers (the
 * product's reader and the ExcelJS oracle over its public API, test/helpers/excelJsOracle.ts), with the same scores. A sheet
 * dropped, a cell changed, or the two readers disagreeing fails the test. And what must be
 * refused (forbidden character references, DOCTYPEs declaring entities) is refused by both alike.
 */

type Reader = { name: string; read: (bytes: Uint8Array) => Promise<WorkbookGrid> };

const READERS: Reader[] = [
  { name: 'reader (readGridFromXlsxBytes)', read: (bytes) => readGridFromXlsxBytes(bytes, 'f.xlsx') },
  { name: 'ExcelJS oracle (excelJsGrid, public API)', read: (bytes) => excelJsGrid(bytes, 'f.xlsx') },
];

// ---------------------------------------------------------------------------------------------
// Base workbooks: the sample, every kind of value, a grid with hidden lines and merges.

async function hiddenAndMergesBytes(): Promise<Uint8Array> {
  const s1 = sheet(
    'Phụ lục 1',
    [
      ['UBND XÃ AN BÌNH'],
      HEADER,
      ['1', 'Công tác chỉ đạo điều hành', 3, 2.5, { v: 'KH 12/KH-UBND', link: 'https://x.vn/kh12.pdf' }, 'Có kế hoạch: 1 điểm'],
      ['1.1', 'Ban hành kế hoạch', 1, 1, 'QĐ 45/QĐ-UBND 20/3/2023', { v: 'ghi chú', font: '.VnTime' }],
      ['1.2', 'Báo cáo <định kỳ> & "đúng hạn"', 2, { v: 1.5, f: 'SUM(D6:D7)' }, null, ' khoảng trắng '],
      [null, 'a) Quý I', 1, 0.75],
      [null, 'b) Quý II', 1, 0.75],
      ['', 'Cộng', 3, { v: 2.5, f: 'SUM(D3)' }],
    ],
    ['A1:F1', 'E6:E7'],
  );
  s1.hidden = { rows: [6], columns: [5] };
  const s2 = sheet('Trang 2', [[1, 2, 3], [true, false, 'x'], [{ v: null, err: '#N/A' }]]);
  s2.hidden = { rows: [], columns: [] };
  return gridToXlsxBytes(workbook(s1, s2));
}

const BASES: Array<[string, () => Promise<Uint8Array>]> = [
  ['the Thanh Xá sample', () => sampleWorkbookBytes()],
  ['every kind of value', async () => new Uint8Array(await everyKindWorkbook().xlsx.writeBuffer())],
  ['hidden lines, merges, links, fonts', hiddenAndMergesBytes],
];

const baseBytes = new Map<string, Promise<Uint8Array>>();
function bytesOf(base: string): Promise<Uint8Array> {
  if (!baseBytes.has(base)) baseBytes.set(base, (BASES.find((b) => b[0] === base) as [string, () => Promise<Uint8Array>])[1]());
  return baseBytes.get(base) as Promise<Uint8Array>;
}
const originals = new Map<string, Promise<WorkbookGrid>>();
function originalOf(base: string, reader: Reader): Promise<WorkbookGrid> {
  const key = base + '|' + reader.name;
  if (!originals.has(key)) originals.set(key, bytesOf(base).then(reader.read));
  return originals.get(key) as Promise<WorkbookGrid>;
}

// ---------------------------------------------------------------------------------------------
// Differences between two grids, in words (the first 20), so a failure says what went wrong.

function a1(row: number, col: number): string {
  let s = '';
  for (let c = col + 1; c > 0; c = Math.floor((c - 1) / 26)) s = String.fromCharCode(65 + ((c - 1) % 26)) + s;
  return s + (row + 1);
}

function cellText(c: GridCell | null | undefined): string {
  return c ? JSON.stringify(c) : 'empty';
}

function diffSheets(a: SheetGrid, b: SheetGrid, out: string[]): void {
  const rows = Math.max(a.rows.length, b.rows.length);
  for (let r = 0; r < rows; r++) {
    const ra = a.rows[r] || [];
    const rb = b.rows[r] || [];
    for (let c = 0; c < Math.max(ra.length, rb.length); c++) {
      const x = ra[c] || null;
      const y = rb[c] || null;
      if (JSON.stringify(x) !== JSON.stringify(y)) out.push(a.name + '!' + a1(r, c) + ': ' + cellText(x) + ' instead of ' + cellText(y));
    }
  }
  if (JSON.stringify(a.merges || []) !== JSON.stringify(b.merges || [])) out.push(a.name + ': merges ' + JSON.stringify(a.merges) + ' instead of ' + JSON.stringify(b.merges));
  if (JSON.stringify(a.hidden) !== JSON.stringify(b.hidden)) out.push(a.name + ': hidden ' + JSON.stringify(a.hidden) + ' instead of ' + JSON.stringify(b.hidden));
}

/** What differs between `got` and `want` (sheet names and order, every cell, merges, hidden lines). */
export function diffGrids(got: WorkbookGrid, want: WorkbookGrid): string[] {
  const out: string[] = [];
  const names = (g: WorkbookGrid) => g.sheets.map((s) => s.name);
  if (JSON.stringify(names(got)) !== JSON.stringify(names(want))) out.push('sheets ' + JSON.stringify(names(got)) + ' instead of ' + JSON.stringify(names(want)));
  for (const s of want.sheets) {
    const t = got.sheets.find((x) => x.name === s.name);
    if (t) diffSheets(t, s, out);
  }
  return out.slice(0, 20);
}

type Outcome = { grid: WorkbookGrid } | { code: string; detail?: string; notInputError?: string };

async function outcome(reader: Reader, bytes: Uint8Array): Promise<Outcome> {
  try {
    return { grid: await reader.read(bytes) };
  } catch (error) {
    if (error instanceof WorkbookInputError) return { code: error.code, detail: error.detail };
    return { code: 'unexpected', notInputError: String(error && (error as Error).stack ? (error as Error).stack : error).slice(0, 400) };
  }
}

function describeOutcome(o: Outcome): string {
  return 'grid' in o ? 'read ' + o.grid.sheets.length + ' sheet(s): ' + o.grid.sheets.map((s) => s.name).join(', ') : 'refused (' + o.code + ': ' + (o.detail || o.notInputError || '') + ')';
}

// ---------------------------------------------------------------------------------------------

const CASES: Array<[string, string]> = [];
for (const [base] of BASES) for (const v of foreignVariants()) CASES.push([base, v.name]);

describe("a foreign producer's file reads as the same grid in both readers", () => {
  test.each(CASES)('%s — %s', async (base, variantName) => {
    const variant = foreignVariants().find((v) => v.name === variantName)!;
    const bytes = await transformXlsx(await bytesOf(base), variant.transforms);
    const problems: string[] = [];
    const got: WorkbookGrid[] = [];
    for (const reader of READERS) {
      const o = await outcome(reader, bytes);
      if (!('grid' in o)) {
        problems.push(reader.name + ': ' + describeOutcome(o));
        continue;
      }
      got.push(o.grid);
      for (const d of diffGrids(o.grid, await originalOf(base, reader))) problems.push(reader.name + ' vs the original: ' + d);
    }
    if (got.length === 2) for (const d of diffGrids(inMergeOrder(got[0]), got[1])) problems.push('fast vs ExcelJS on the variant: ' + d);
    expect(problems).toEqual([]);
    // Nothing the word-by-word diff could miss: the whole grid, holes and lengths included.
    for (let i = 0; i < READERS.length; i++) expect(got[i]).toStrictEqual(await originalOf(base, READERS[i]));
  });
});

describe('the sample written by a foreign producer scores 68,13/74 as the original does', () => {
  const json = (g: WorkbookGrid) => JSON.stringify(toJsonResult(analyseWorkbook(g), g, 'vi'));

  test('the original (control)', async () => {
    for (const reader of READERS) {
      const result = JSON.parse(json(await originalOf('the Thanh Xá sample', reader)));
      const pl1 = result.sheets.find((s: { name: string }) => s.name === 'Phụ lục 1');
      expect(pl1.total).toMatchObject({ max: 74, self: 68.13, selfPercent: 92.07 });
      expect(result.total).toMatchObject({ max: 76, self: 70.13 });
    }
  });

  test.each(foreignVariants().map((v) => [v.name]))('%s', async (variantName) => {
    const variant = foreignVariants().find((v) => v.name === variantName)!;
    const bytes = await transformXlsx(await bytesOf('the Thanh Xá sample'), variant.transforms);
    const problems: string[] = [];
    for (const reader of READERS) {
      const o = await outcome(reader, bytes);
      if (!('grid' in o)) {
        problems.push(reader.name + ': ' + describeOutcome(o));
        continue;
      }
      const result = JSON.parse(json(o.grid));
      const pl1 = (result.sheets as Array<{ name: string; total: { self: number; max: number } }>).find((s) => s.name === 'Phụ lục 1');
      if (!pl1 || pl1.total.self !== 68.13 || pl1.total.max !== 74)
        problems.push(reader.name + ': Phụ lục 1 ' + (pl1 ? pl1.total.self + '/' + pl1.total.max : 'not scored') + ', total ' + result.total.self + '/' + result.total.max);
      if (json(o.grid) !== json(await originalOf('the Thanh Xá sample', reader))) problems.push(reader.name + ": the JSON result differs from the original's");
    }
    expect(problems).toEqual([]);
  });
});

describe('what must be refused is refused by both readers alike', () => {
  const REFUSAL_BASES = ['the Thanh Xá sample', 'every kind of value'];
  const cases: Array<[string, string]> = [];
  for (const base of REFUSAL_BASES) for (const v of refusalVariants()) cases.push([base, v.name]);

  test.each(cases)('%s — %s', async (base, variantName) => {
    const variant = refusalVariants().find((v) => v.name === variantName)!;
    const bytes = await transformXlsx(await bytesOf(base), variant.transforms);
    const [fast, slow] = [await outcome(READERS[0], bytes), await outcome(READERS[1], bytes)];
    const both = 'fast reader ' + describeOutcome(fast) + ' / ExcelJS reader ' + describeOutcome(slow);
    const refused = (o: Outcome) => !('grid' in o) && o.code !== 'unexpected';
    if (variant.mustRefuse) {
      // Both refuse, each with a WorkbookInputError, with the same code ("corrupt" today).
      const same = refused(fast) && refused(slow) && (fast as { code: string }).code === (slow as { code: string }).code;
      expect(same ? 'both refused alike' : both).toBe('both refused alike');
    } else {
      // Either both refuse alike or both read the same grid.
      let verdict = both;
      if ('grid' in fast && 'grid' in slow) verdict = diffGrids(fast.grid, slow.grid).length === 0 ? 'agree' : both + ': ' + diffGrids(fast.grid, slow.grid).join('; ');
      else if (refused(fast) && refused(slow) && (fast as { code: string }).code === (slow as { code: string }).code) verdict = 'agree';
      expect(verdict).toBe('agree');
    }
  });
});

describe('cchc score and score --out on the sample written by a foreign producer', () => {
  const root = path.join(__dirname, '..', '..');
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cchc-foreign-'));
  afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));
  const cchc = (...args: string[]) => {
    const r = spawnSync(process.execPath, [path.join(root, 'bin', 'cchc.js'), ...args], { cwd: tmp, encoding: 'utf8', timeout: 55000, killSignal: 'SIGKILL' });
    // stderr without the progress lines a slow step prints ("Đang đọc X…", "Đang đọc X: xong (1.1 s)").
    const err = (r.stderr || '').split('\n').filter((l) => l.trim() !== '' && !/^(Đang |Reading |Scoring|Writing ).*(…|: (xong|done) \([\d.,]+ ?s\))$/.test(l));
    return { code: r.status, out: r.stdout || '', err: err.join('\n') };
  };
  const picked = [
    'x: prefix on every SpreadsheetML part (Open XML SDK)',
    'Strict Open XML with x: prefixes',
    'CDATA in <v> and <t>',
    'everything: Strict, x:/pr:/ct: prefixes, rel:id, CDATA, DOCTYPE, renamed parts with absolute targets',
  ];

  test.each(picked.map((n, i) => [n, i]))('%s', async (variantName, i) => {
    const variant = foreignVariants().find((v) => v.name === variantName)!;
    const file = path.join(tmp, 'ngoai-' + i + '.xlsx');
    fs.writeFileSync(file, await transformXlsx(await bytesOf('the Thanh Xá sample'), variant.transforms));
    const score = cchc('score', file);
    expect({ code: score.code, err: score.err }).toEqual({ code: 0, err: '' });
    expect(score.out).toMatch(/Cộng\s+74\s+68,13\s+92,07%/);
    const out = path.join(tmp, 'ngoai-' + i + '-da-cham.xlsx');
    const annotated = cchc('score', file, '--out', out);
    expect({ code: annotated.code, err: annotated.err }).toEqual({ code: 0, err: '' });
    expect(annotated.out).toMatch(/Cộng\s+74\s+68,13\s+92,07%/);
    // The copy reads back, scores the same and plans no more writes.
    const again = cchc('score', out, '--json');
    expect(again.code).toBe(0);
    const json = JSON.parse(again.out);
    expect(json.total.self).toBe(70.13);
    expect(json.writes).toBe(0);
  });
});
