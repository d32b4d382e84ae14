import * as fs from 'fs';
import * as http from 'http';
import * as os from 'os';
import * as path from 'path';
import { chromiumAvailable, closeBrowser, launch, launchedPids, openBrowser } from './harness';

/**
 * The end-to-end harness itself: a suite whose beforeAll failed or timed out still closes its
 * Chromium and its server in afterAll (closeBrowser with nothing assigned), also a Chromium that
 * was still starting when afterAll ran, so that jest exits.
 */

const run = chromiumAvailable() ? describe : describe.skip;

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function gone(pid: number, ms = 15000): Promise<boolean> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (!alive(pid)) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return !alive(pid);
}

run('e2e harness cleanup', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cchc-e2e-harness-'));
  fs.writeFileSync(path.join(dir, 'standalone.html'), '<p>ok</p>');

  test('a setup whose result was never assigned: closeBrowser() closes its Chromium and server', async () => {
    const before = launchedPids.length;
    const opened = await openBrowser([dir]); // as if beforeAll then timed out before assigning it
    const pid = launchedPids[before];
    expect(alive(pid)).toBe(true);
    await closeBrowser({});
    expect(await gone(pid)).toBe(true);
    // The server no longer answers.
    await expect(new Promise((resolve, reject) => http.get(opened.server.url, resolve).on('error', reject))).rejects.toThrow();
  }, 60000);

  test('a Chromium still starting when afterAll runs closes itself as it arrives', async () => {
    const before = launchedPids.length;
    const starting = launch();
    await closeBrowser(); // afterAll of a beforeAll that timed out while Chromium was starting
    await expect(starting).rejects.toThrow(/ended before Chromium started/);
    const pid = launchedPids[before];
    expect(pid).toBeGreaterThan(0);
    expect(await gone(pid)).toBe(true);
  }, 60000);
});
