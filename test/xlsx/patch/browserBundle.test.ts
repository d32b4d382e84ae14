import * as vm from 'vm';
import { analyseWorkbook } from '../../../src/core/analyse';
import { sampleWorkbookBytes } from '../../../src/xlsx/gridToWorkbook';
import { readGridFromXlsxBytes } from '../../../src/xlsx/read/readGrid';
import { expectOnlyOwnedPartsChanged, expectSameTotals, planOf } from './patchHelpers';

/**
 * The browser contract: src/xlsx/patch bundled for the browser (esbuild, as the page's build would
 * pull it) and run where there is no Node Buffer, no require, no process — only what a page has.
 * It must hand back a plain Uint8Array, the same copy the Node run gives.
 */

test('bundled for the browser and run without Node globals, it returns a Uint8Array copy', async () => {
  // eslint-disable-next-line @typescript-eslint/no-var-requires
  const esbuild = require('esbuild') as typeof import('esbuild');
  const built = esbuild.buildSync({
    entryPoints: [require.resolve('../../../src/xlsx/patch/patchPackage')],
    bundle: true,
    platform: 'browser',
    format: 'iife',
    globalName: 'cchcPatch',
    write: false,
    logLevel: 'silent',
  });
  const code = built.outputFiles[0].text;
  const page: Record<string, unknown> = { TextDecoder, setTimeout, clearTimeout, queueMicrotask, console };
  page.self = page;
  page.window = page;
  page.globalThis = page;
  const context = vm.createContext(page);
  // The host's TextEncoder hands back the host realm's Uint8Array; a page's is its own.
  page.hostEncode = (text: string) => new TextEncoder().encode(text);
  vm.runInContext('TextEncoder = class { encode(text) { return Uint8Array.from(hostEncode(text)); } };', context);
  vm.runInContext(code, context);
  expect(vm.runInContext('typeof Buffer', context)).toBe('undefined');

  const input = await sampleWorkbookBytes();
  const grid = await readGridFromXlsxBytes(input, 'in.xlsx');
  const analysis = analyseWorkbook(grid);
  const plan = planOf(analysis, grid);
  const api = page.cchcPatch as { patchWorkbookBytes(bytes: Uint8Array, plan: unknown): Promise<Uint8Array> };
  // Bytes and plan as the page would hold them: a plain Uint8Array, plain data.
  let output: Uint8Array;
  try {
    // Made inside the page's realm: a page's bytes are its own Uint8Array.
    page.inputBytes = Array.from(input);
    page.planJson = JSON.stringify(plan);
    output = await api.patchWorkbookBytes(vm.runInContext('Uint8Array.from(inputBytes)', context), vm.runInContext('JSON.parse(planJson)', context));
  } catch (e) {
    throw new Error(String((e as { detail?: string }).detail) + ' ' + (e as Error).stack);
  }
  expect(Object.prototype.toString.call(output)).toBe('[object Uint8Array]');
  expect(vm.runInContext('Uint8Array', context).prototype.isPrototypeOf(output)).toBe(true);
  expect(Buffer.isBuffer(output)).toBe(false);
  const bytes = new Uint8Array(output.buffer, output.byteOffset, output.byteLength);
  await expectOnlyOwnedPartsChanged({ input, plan, output: bytes });
  const outGrid = await readGridFromXlsxBytes(bytes, 'out.xlsx');
  expectSameTotals({ input, grid, analysis, plan, output: bytes, outGrid, outAnalysis: analyseWorkbook(outGrid) });
}, 60000);
