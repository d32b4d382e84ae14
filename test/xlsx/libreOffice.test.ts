import { spawnSync } from 'child_process';
import * as fs from 'fs';
import JSZip from 'jszip';
import * as os from 'os';
import * as path from 'path';
import { findSoffice, libreOfficeProfile, runLibreOffice } from '../helpers/xlsFiles';

/**
 * A second spreadsheet program recalculates the annotated copy: LibreOffice Calc (Debian's
 * libreoffice-calc-nogui, installed by .ci/run) loads it headless, recalculates every formula and
 * exports each sheet as CSV, where no cell may hold an error value. A function stored without the
 * prefix the file format requires (NUMBERVALUE instead of _xlfn.NUMBERVALUE) shows #NAME? here,
 * as it does in Excel.
 */

const root = path.join(__dirname, '..', '..');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cchc-lo-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const soffice = findSoffice();
// CI installs LibreOffice; on a developer's machine without it the test says so and is skipped.
const maybe = soffice || process.env.CI ? test : test.skip;
if (!soffice && !process.env.CI) console.warn('LibreOffice (soffice) not found: the recalculation test is skipped.');

/** Every sheet of `file` as CSV text by sheet name, after LibreOffice recalculated it. */
async function recalculateToCsv(file: string, timeoutMs: number): Promise<{ [sheet: string]: string }> {
  const outDir = fs.mkdtempSync(path.join(tmp, 'csv-'));
  // A fresh profile that recalculates on load: LibreOffice's default for .xlsx shows the cached results.
  const profile = libreOfficeProfile(fs.mkdtempSync(path.join(tmp, 'profile-')), true);
  // 44,34,76: comma, double quote, UTF-8; the last token -1 writes every sheet to its own file.
  const filter = 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1';
  await runLibreOffice(soffice as string, profile, filter, outDir, [file], timeoutMs);
  const base = path.basename(file).replace(/\.xlsx$/, '');
  const sheets: { [sheet: string]: string } = {};
  for (const name of fs.readdirSync(outDir)) {
    if (name.startsWith(base + '-') && name.endsWith('.csv')) sheets[name.slice(base.length + 1, -4)] = fs.readFileSync(path.join(outDir, name), 'utf8');
  }
  if (Object.keys(sheets).length === 0) throw new Error('LibreOffice wrote no sheet of ' + file);
  return sheets;
}

/** The copy with every cached formula result replaced by a sentinel: only a recalculation removes it. */
async function withStaleResults(file: string, out: string): Promise<void> {
  const zip = await JSZip.loadAsync(fs.readFileSync(file));
  for (const name of Object.keys(zip.files)) {
    if (!/^xl\/worksheets\/sheet\d+\.xml$/.test(name)) continue;
    const xml = await zip.file(name)!.async('string');
    zip.file(name, xml.replace(/(<f(?:\s[^>]*)?>[^<]*<\/f>)<v>[^<]*<\/v>/g, '$1<v>-987654</v>').replace(/(<c [^>]*?) t="(?:str|e|b)"([^>]*><f)/g, '$1$2'));
  }
  fs.writeFileSync(out, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
}

const ERROR_VALUE = /#(NAME\?|VALUE!|REF!|DIV\/0!|N\/A|NUM!|NULL!)|Err:\d{3}/;

maybe(
  "LibreOffice recalculates the sample's annotated copy with no error value",
  async () => {
    const copy = path.join(tmp, 'mau-da-cham.xlsx');
    const r = spawnSync(process.execPath, [path.join(root, 'bin', 'cchc.js'), 'score', '--sample', '--out', copy], { cwd: tmp, encoding: 'utf8' });
    expect(r.status).toBe(0);
    const stale = path.join(tmp, 'mau-da-cham-stale.xlsx');
    await withStaleResults(copy, stale);

    const sheets = await recalculateToCsv(stale, 50000);
    // The hidden sheet of levels the drop-downs read (issue 13, item 4) is exported like any sheet.
    expect(Object.keys(sheets).sort()).toEqual(['Mức điểm CCHC', 'Phụ lục 1', 'Phụ lục 2', 'Tổng hợp điểm']);
    for (const name of Object.keys(sheets)) {
      const lines = sheets[name].split('\n');
      const bad = lines.filter((l) => ERROR_VALUE.test(l) || l.includes('-987654'));
      expect({ sheet: name, bad }).toEqual({ sheet: name, bad: [] });
    }
    // Recalculated, not cached: the totals are LibreOffice's own, and they match the tool's.
    const pl1 = sheets['Phụ lục 1'].split('\n');
    expect(pl1.find((l) => l.startsWith('1.2,'))).toMatch(/^1\.2,Báo cáo CCHC,2,1\.5,75%/);
    expect(pl1.find((l) => /^,Tổng cộng,/.test(l))).toMatch(/^,Tổng cộng,74,68\.13,/);
  },
  60000,
);
