import { spawnSync } from 'child_process';
import ExcelJS from 'exceljs';
import * as fs from 'fs';
import JSZip from 'jszip';
import * as os from 'os';
import * as path from 'path';
import { AppraisedSample, appraisedSampleBytes, EXPLANATION } from '../xlsx/fixtures/appraisedSample';

/**
 * `cchc score` on a real .xlsx returned by the district: the sample's Phụ lục 1 with a "Điểm thẩm định"
 * column (column I) equal to the self-scores except for the two criteria scored without evidence,
 * which the district appraises at 0, one of them with an explanation.
 */
const root = path.join(__dirname, '..', '..');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cchc-appraisal-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

function cchc(...args: string[]) {
  const r = spawnSync(process.execPath, [path.join(root, 'bin', 'cchc.js'), ...args], { cwd: tmp, encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

const file = path.join(tmp, 'tham-dinh.xlsx');
let missing: AppraisedSample['zeroed'] = [];

beforeAll(async () => {
  const built = await appraisedSampleBytes();
  missing = built.zeroed;
  expect(missing.length).toBe(2);
  fs.writeFileSync(file, built.bytes);
});

describe('cchc score on a workbook with an appraised column', () => {
  test('--json: differences[], fields[].appraisedPercent and fields[].lost', () => {
    const r = cchc('score', file, '--json');
    expect(r.err).toBe('');
    const json = JSON.parse(r.out);
    const pl1 = json.sheets.find((s: { name: string }) => s.name === 'Phụ lục 1');
    // Self-scores as in the seed; appraised = self minus the two unproven criteria.
    expect(pl1.total).toMatchObject({ max: 74, self: 68.13 });
    const lostTotal = missing.reduce((a, m) => a + m.self, 0);
    expect(pl1.total.appraised).toBeCloseTo(68.13 - lostTotal, 9);
    // Workbook total: the appraised percentage is of the appraised sheets' maximum (74), not of 76 with Phụ lục 2.
    expect(json.total).toMatchObject({ max: 76, self: 70.13, appraisedMax: 74 });
    expect(json.total.appraised).toBeCloseTo(68.13 - lostTotal, 9);
    expect(json.total.appraisedPercent).toBe(pl1.total.appraisedPercent);
    expect(json.total.appraisedPercent).toBe(Math.round(((68.13 - lostTotal) / 74) * 10000) / 100);
    expect(json.differences).toHaveLength(2);
    expect(json.differences.map((d: { code: string }) => d.code)).toEqual(missing.map((m) => m.code));
    for (let i = 0; i < 2; i++) {
      const d = json.differences[i];
      expect(d).toMatchObject({ sheet: 'Phụ lục 1', self: missing[i].self, appraised: 0, difference: -missing[i].self, evidence: '' });
      expect(d.appraisedCell).toBe('I' + (missing[i].row + 1));
      expect(d.selfCell).toBe('D' + (missing[i].row + 1));
      expect(Object.keys(d).sort()).toEqual(['appraised', 'appraisedCell', 'code', 'difference', 'evidence', 'explanation', 'name', 'self', 'selfCell', 'sheet']);
    }
    expect(json.differences[0].explanation).toBe(EXPLANATION);
    // Per field: the appraised percentage and the points lost add up.
    let lostSum = 0;
    for (const f of pl1.fields) {
      expect(typeof f.appraisedPercent).toBe('number');
      expect(f.lost).toBeCloseTo(f.self - f.appraised, 9);
      lostSum += f.lost;
    }
    expect(lostSum).toBeCloseTo(lostTotal, 9);
    const field1 = pl1.fields[0];
    expect(field1.appraisedPercent).toBe(Math.round((field1.appraised / 15) * 10000) / 100);
    // Phụ lục 2 has no appraised column.
    const pl2 = json.sheets.find((s: { name: string }) => s.name === 'Phụ lục 2');
    expect(pl2.fields[0].lost).toBeNull();
    expect(pl2.fields[0].appraisedPercent).toBeNull();
    // The copied off-tier score is flagged for both scores, each saying which.
    const offTier = json.flags.filter((f: { kind: string }) => f.kind === 'off-tier');
    expect(offTier.map((f: { score: string }) => f.score).sort()).toEqual(['appraised', 'self']);
    expect(offTier.find((f: { score: string }) => f.score === 'appraised').message).toMatch(/^\[Điểm thẩm định\] /);
  });

  test('--out: the summary sheet lists the differences with links to the appraised cells, and the points lost per field', async () => {
    const out = path.join(tmp, 'da-cham.xlsx');
    const r = cchc('score', file, '--out', out);
    expect(r.code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const ws = wb.getWorksheet('Tổng hợp điểm')!;
    const rows: unknown[][] = [];
    ws.eachRow({ includeEmpty: true }, (row, n) => {
      rows[n - 1] = (row.values as unknown[]).slice(1);
    });
    const heading = rows.findIndex((r) => r && r[0] === 'CHÊNH LỆCH ĐIỂM THẨM ĐỊNH SO VỚI ĐIỂM TỰ ĐÁNH GIÁ');
    expect(heading).toBeGreaterThan(0);
    const first = rows[heading + 2];
    expect(first[0]).toBe('Phụ lục 1');
    expect(first[1]).toBe(missing[0].code);
    // The code links to the appraised cell: an in-document link, written as Excel writes them (location only).
    const zip = await JSZip.loadAsync(fs.readFileSync(out));
    let links: string[] = [];
    for (const name of Object.keys(zip.files).filter((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n))) {
      links = links.concat(((await zip.file(name)!.async('string')).match(/<hyperlink\b[^>]*\/>/g) || []).map((l) => l.replace(/&apos;/g, "'")));
    }
    expect(links).toContain('<hyperlink ref="B' + (heading + 3) + '" location="\'Phụ lục 1\'!I' + (missing[0].row + 1) + '"/>');
    expect(first[3]).toBe(missing[0].self);
    expect(first[4]).toBe(0);
    expect(first[7]).toBe(EXPLANATION);
    const lost = rows.findIndex((r) => r && r[0] === 'ĐIỂM BỊ TRỪ KHI THẨM ĐỊNH THEO LĨNH VỰC');
    expect(lost).toBeGreaterThan(heading);
    expect(rows[lost + 1]).toEqual(['Phụ lục', 'Mã', 'Lĩnh vực', 'Điểm bị trừ']);
    expect(rows.slice(lost + 2, lost + 9).map((r) => r[1])).toEqual(['1', '2', '3', '4', '5', '6', '7']);
    // The input file is untouched.
    expect(fs.statSync(file).size).toBeGreaterThan(0);
  });

  test('a field not yet appraised loses nothing: empty appraised cells are not differences', async () => {
    const partial = path.join(tmp, 'tham-dinh-do-dang.xlsx');
    fs.writeFileSync(partial, (await appraisedSampleBytes({ unappraisedField: '7' })).bytes);
    const json = JSON.parse(cchc('score', partial, '--json').out);
    const field7 = json.sheets[0].fields.find((f: { code: string }) => f.code === '7');
    expect(field7).toMatchObject({ self: 10, appraised: 0, appraisedPercent: 0, lost: 0 });
    expect(json.differences.map((d: { code: string }) => d.code)).toEqual(missing.map((m) => m.code));
    // No "unscored" flag for the empty appraised cells: they are simply not appraised yet.
    expect(json.flags.filter((f: { kind: string; score?: string }) => f.kind === 'unscored' && f.score === 'appraised')).toEqual([]);
  });
});
