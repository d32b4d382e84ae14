import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { spawnSync } from 'child_process';
import * as zlib from 'zlib';

/* eslint-disable @typescript-eslint/no-require-imports */
const { validateManifest } = require('../../scripts/manifest/validateManifest') as {
  validateManifest(xml: string, options?: { commandSourceDir?: string }): Promise<{ schemaErrors: string[]; ruleErrors: string[] }>;
};
const { rewriteManifestUrls } = require('../../scripts/manifest/productionManifest') as { rewriteManifestUrls(xml: string, url: string): string };

/**
 * manifest.xml as Office would judge it, offline: Microsoft's XSD (through libxml2 in WebAssembly)
 * and the rules the schema cannot express. Each broken variant below must be caught by name.
 */

const ROOT = path.resolve(__dirname, '../..');
const MANIFEST = fs.readFileSync(path.join(ROOT, 'manifest.xml'), 'utf8');

async function problems(xml: string, options?: { commandSourceDir?: string }): Promise<string> {
  const r = await validateManifest(xml, options);
  return r.schemaErrors.concat(r.ruleErrors).join('\n');
}

describe('manifest.xml', () => {
  test('validates against the XSD set and the rules, with no error', async () => {
    const r = await validateManifest(MANIFEST);
    expect(r.schemaErrors).toEqual([]);
    expect(r.ruleErrors).toEqual([]);
  });

  test('an element the schema does not allow is caught', async () => {
    expect(await problems(MANIFEST.replace('<ProviderName>CCHC</ProviderName>', '<ProviderName>CCHC</ProviderName><Vendor>x</Vendor>'))).toMatch(/Vendor.*not expected/);
  });

  test('a resid with no resource is caught', async () => {
    expect(await problems(MANIFEST.replace('resid="Recalc.Tooltip"', 'resid="Recalc.Tooltip2"'))).toMatch(/resid "Recalc\.Tooltip2" is not defined/);
  });

  test('a resource id over 32 characters is caught', async () => {
    const long = 'Recalc.Tooltip.That.Is.Far.Too.Long';
    expect(long.length).toBeGreaterThan(32);
    expect(await problems(MANIFEST.split('Recalc.Tooltip').join(long))).toMatch(/more than 32|longer than 32/);
  });

  test('an http URL is caught', async () => {
    expect(await problems(MANIFEST.replace('https://localhost:3000/commands.html', 'http://localhost:3000/commands.html'))).toMatch(/commands\.html" is not https/);
  });

  test('a FunctionName without Office.actions.associate is caught; the real one is associated', async () => {
    expect(await problems(MANIFEST.replace('<FunctionName>recalculateScores</FunctionName>', '<FunctionName>recalcEverything</FunctionName>'))).toMatch(
      /FunctionName "recalcEverything" has no Office\.actions\.associate/,
    );
    const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'cchc-no-commands-'));
    expect(await problems(MANIFEST, { commandSourceDir: empty })).toMatch(/FunctionName "recalculateScores" has no/);
    fs.rmSync(empty, { recursive: true, force: true });
  });

  test('a commented-out Office.actions.associate does not count', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cchc-commands-'));
    fs.writeFileSync(path.join(dir, 'commands.ts'), '// Office.actions.associate(\'recalculateScores\', run);\n/* Office.actions.associate("recalculateScores", run); */\n');
    expect(await problems(MANIFEST, { commandSourceDir: dir })).toMatch(/FunctionName "recalculateScores" has no/);
    fs.writeFileSync(path.join(dir, 'commands.ts'), 'Office.onReady(() => {\n  Office.actions.associate(\n    "recalculateScores", run);\n});\n');
    expect(await problems(MANIFEST, { commandSourceDir: dir })).toBe('');
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test('a resid pointing at the wrong kind of resource is caught', async () => {
    // A label must be a short string; the tooltip is a long string.
    const broken = MANIFEST.replace('<Label resid="Recalc.Label"/>', '<Label resid="Recalc.Tooltip"/>');
    expect(broken).not.toBe(MANIFEST);
    expect(await problems(broken)).toMatch(/<Label resid="Recalc\.Tooltip"> needs a resource in bt:ShortStrings, but "Recalc\.Tooltip" is in bt:LongStrings/);
    const pane = MANIFEST.replace('<SourceLocation resid="Taskpane.Url"/>', '<SourceLocation resid="Icon.32"/>');
    expect(await problems(pane)).toMatch(/<SourceLocation resid="Icon\.32"> needs a resource in bt:Urls/);
  });

  test('XML comments are not read as manifest content', async () => {
    const r = await validateManifest(MANIFEST.replace('<Hosts>', '<!-- <Label resid="Nowhere"/> http://old.example --><Hosts>'));
    expect(r.schemaErrors.concat(r.ruleErrors)).toEqual([]);
    // ...and a resource that exists only inside a comment is still missing.
    const commented = MANIFEST.replace(/(<bt:String id="Recalc\.Tooltip"[\s\S]*?<\/bt:String>)/, '<!-- $1 -->');
    expect(commented).not.toBe(MANIFEST);
    expect(await problems(commented)).toMatch(/resid "Recalc\.Tooltip" is not defined/);
  });

  test('the ribbon: group CCHC on the Home tab, a pane button and "Tính lại điểm" (ExecuteFunction)', () => {
    expect(MANIFEST).toMatch(/<OfficeTab id="TabHome">/);
    expect(MANIFEST).toMatch(/<Action xsi:type="ShowTaskpane">[\s\S]*?<SourceLocation resid="Taskpane.Url"\/>/);
    expect(MANIFEST).toMatch(/<Action xsi:type="ExecuteFunction">\s*<FunctionName>recalculateScores<\/FunctionName>/);
    expect(MANIFEST).toMatch(/<DefaultLocale>vi-VN<\/DefaultLocale>/);
    expect(MANIFEST).toMatch(/<Set Name="ExcelApi" MinVersion="1.1"\/>/);
  });

  test('every button label is Vietnamese by default with an English override', () => {
    const strings: { [id: string]: { vi: string; en: string } } = {};
    const re = /<bt:String id="([^"]+)" DefaultValue="([^"]*)">\s*<bt:Override Locale="en-US" Value="([^"]*)"\/>/g;
    let m: RegExpExecArray | null;
    while ((m = re.exec(MANIFEST)) !== null) strings[m[1]] = { vi: m[2], en: m[3] };
    expect(strings['Recalc.Label']).toEqual({ vi: 'Tính lại điểm', en: 'Recalculate scores' });
    expect(strings['OpenPane.Label'].en).toBe('Open CCHC');
    for (const labelId of Array.from(MANIFEST.matchAll(/<Label resid="([^"]+)"\/>/g)).map((x) => x[1])) {
      expect(strings[labelId]).toBeDefined();
      expect(strings[labelId].en.length).toBeGreaterThan(0);
    }
  });
});

function pngInfo(file: string): { width: number; height: number; colours: number; opaqueShare: number } {
  const b = fs.readFileSync(file);
  expect(b.subarray(0, 8)).toEqual(Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]));
  let o = 8;
  let width = 0;
  let height = 0;
  const idat: Buffer[] = [];
  while (o < b.length) {
    const len = b.readUInt32BE(o);
    const type = b.toString('ascii', o + 4, o + 8);
    const data = b.subarray(o + 8, o + 8 + len);
    if (type === 'IHDR') {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
      expect(data[8]).toBe(8);
      expect(data[9]).toBe(6); // RGBA
    }
    if (type === 'IDAT') idat.push(data);
    o += 12 + len;
  }
  const raw = zlib.inflateSync(Buffer.concat(idat));
  const colours = new Set<string>();
  let opaque = 0;
  for (let y = 0; y < height; y++) {
    expect(raw[y * (width * 4 + 1)]).toBe(0); // filter type none, as written
    for (let x = 0; x < width; x++) {
      const p = y * (width * 4 + 1) + 1 + x * 4;
      colours.add(raw.subarray(p, p + 4).toString('hex'));
      if (raw[p + 3] === 255) opaque++;
    }
  }
  return { width, height, colours: colours.size, opaqueShare: opaque / (width * height) };
}

describe('icons', () => {
  test('every icon the manifest names exists at its stated size and is a drawn picture, not a flat square', () => {
    const refs = Array.from(MANIFEST.matchAll(/https:\/\/localhost:3000\/assets\/([a-z]+-(\d+)\.png)/g));
    const sizes = new Set(refs.map((r) => Number(r[2])));
    for (const s of [16, 32, 64, 80]) expect(sizes.has(s)).toBe(true);
    for (const [, name, size] of refs) {
      const info = pngInfo(path.join(ROOT, 'assets', name));
      expect([name, info.width, info.height]).toEqual([name, Number(size), Number(size)]);
      expect(info.colours).toBeGreaterThan(4);
      expect(info.opaqueShare).toBeGreaterThan(0.5);
    }
    const big = pngInfo(path.join(ROOT, 'assets', 'icon-128.png'));
    expect([big.width, big.height]).toEqual([128, 128]);
  });

  test('each <bt:Image size="N"> and IconUrl (32) / HighResolutionIconUrl (64) points at an N×N picture', () => {
    const urlOf: { [id: string]: string } = {};
    for (const m of MANIFEST.matchAll(/<bt:Image id="([^"]+)" DefaultValue="([^"]+)"\/>/g)) urlOf[m[1]] = m[2];
    const wanted: Array<[string, number]> = [];
    for (const m of MANIFEST.matchAll(/<bt:Image size="(\d+)" resid="([^"]+)"\/>/g)) wanted.push([urlOf[m[2]], Number(m[1])]);
    wanted.push([(/<IconUrl DefaultValue="([^"]+)"/.exec(MANIFEST) || [])[1], 32]);
    wanted.push([(/<HighResolutionIconUrl DefaultValue="([^"]+)"/.exec(MANIFEST) || [])[1], 64]);
    expect(wanted.length).toBeGreaterThanOrEqual(2 * 3 + 3 + 2); // group + two buttons, 3 sizes each
    for (const [url, size] of wanted) {
      expect(url).toMatch(/^https:\/\/localhost:3000\/assets\/[\w-]+\.png$/);
      const info = pngInfo(path.join(ROOT, url.replace('https://localhost:3000/', '')));
      expect([url, info.width, info.height]).toEqual([url, size, size]);
    }
  });

  test('the recalculate button has its own picture, different from the pane button', () => {
    const a = fs.readFileSync(path.join(ROOT, 'assets', 'icon-32.png'));
    const b = fs.readFileSync(path.join(ROOT, 'assets', 'recalc-32.png'));
    expect(a.equals(b)).toBe(false);
  });
});

describe('production manifest', () => {
  test('points every URL at the production address and still validates', async () => {
    const prod = rewriteManifestUrls(MANIFEST, 'https://cchc.example.gov.vn/addin/');
    expect(prod).not.toMatch(/localhost/);
    expect(prod).toMatch(/https:\/\/cchc\.example\.gov\.vn\/addin\/commands\.html/);
    const r = await validateManifest(prod);
    expect(r.schemaErrors).toEqual([]);
    expect(r.ruleErrors).toEqual([]);
  });

  test('refuses an address that is not https, in Vietnamese', () => {
    expect(() => rewriteManifestUrls(MANIFEST, 'http://cchc.example.gov.vn')).toThrow(/phải là https/);
    expect(() => rewriteManifestUrls(MANIFEST, 'cchc.example.gov.vn')).toThrow(/phải là https/);
  });

  test('an AppDomain gets the production origin, not its path', () => {
    const prod = rewriteManifestUrls(MANIFEST, 'https://cchc.example.gov.vn:8443/addin');
    expect(prod).toMatch(/<AppDomain>https:\/\/cchc\.example\.gov\.vn:8443<\/AppDomain>/);
    expect(prod).toMatch(/"https:\/\/cchc\.example\.gov\.vn:8443\/addin\/taskpane\.html"/);
  });

  test('the command lines: build:manifest writes a valid production manifest, validate:manifest exits 1 on errors', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cchc-manifest-'));
    const out = path.join(dir, 'manifest.xml');
    const env = { ...process.env, CCHC_PRODUCTION_URL: '' };
    const refused = spawnSync(process.execPath, ['scripts/manifest/productionManifest.js', '--url', 'http://cchc.example.gov.vn', '--out', out], { cwd: ROOT, env, encoding: 'utf8' });
    expect(refused.status).not.toBe(0);
    expect(refused.stderr).toMatch(/phải là https[\s\S]*must be https/);
    expect(fs.existsSync(out)).toBe(false);

    const built = spawnSync(process.execPath, ['scripts/manifest/productionManifest.js', '--out', out], {
      cwd: ROOT,
      env: { ...env, CCHC_PRODUCTION_URL: 'https://cchc.example.gov.vn' },
      encoding: 'utf8',
    });
    expect(built.status).toBe(0);
    expect(fs.readFileSync(out, 'utf8')).not.toMatch(/localhost/);
    const ok = spawnSync(process.execPath, ['scripts/manifest/validate-cli.js', out], { cwd: ROOT, encoding: 'utf8' });
    expect([ok.status, ok.stderr]).toEqual([0, '']);

    fs.writeFileSync(out, MANIFEST.replace('resid="Recalc.Tooltip"', 'resid="Recalc.Tip"'));
    const bad = spawnSync(process.execPath, ['scripts/manifest/validate-cli.js', out], { cwd: ROOT, encoding: 'utf8' });
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(/rule: .*resid "Recalc\.Tip" is not defined/);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
