import * as acorn from 'acorn';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vm from 'vm';
import webpack from 'webpack';
import { STRIP_MODERN } from '../helpers/ie11Globals';
import { analyseWorkbook } from '../../src/core/analyse';
import { planWorkbook } from '../../src/core/plan/planWorkbook';
import { buildSampleGrid } from '../../src/core/sample/thanhXa2023';
import { twoSelfColumnsRows, TWO_SELF_COLUMNS_SHEET } from '../helpers/twoSelfColumns';

/**
 * Excel 2016/2019 on Windows run the ribbon command in Internet Explorer 11. Build the commands
 * bundle with the project's config, prove it parses as ES5, then run the recalculation in a context
 * stripped of every later built-in (no Promise, Map, Set, Symbol, Object.assign, normalize…), against
 * the Office fake at ExcelApi 1.1 (itself bundled as ES5).
 */
const commandsConfig = require('../../build/webpack.commands.js');
const root = path.resolve(__dirname, '../..');

function run(config: webpack.Configuration): Promise<void> {
  return new Promise((resolve, reject) => {
    webpack(config, (err, stats) => {
      if (err) return reject(err);
      if (stats && stats.hasErrors()) return reject(new Error(stats.toString('errors-only')));
      resolve();
    });
  });
}

function fakeConfig(outDir: string): webpack.Configuration {
  return {
    mode: 'production',
    context: root,
    target: ['web', 'es5'],
    entry: { fakeoffice: './test/helpers/fakeExcel/index.ts' },
    output: { path: outDir, filename: '[name].js', library: { name: 'FakeOffice', type: 'var' } },
    resolve: { extensions: ['.ts', '.js'] },
    module: { rules: [{ test: /\.ts$/, loader: 'ts-loader', options: { configFile: path.join(root, 'tsconfig.commands-es5.json'), transpileOnly: true, instance: 'fake-es5' } }] },
    devtool: false,
    performance: { hints: false },
  };
}

/** Loads the fake Office (at ExcelApi 1.1, IE11 built-ins only) and commands.js in a VM, presses the ribbon button, waits for completed(). */
async function pressRibbon(
  fake: string,
  commands: string,
  protectFirstSheet: boolean,
  displayLanguage?: string,
  apiLevel?: string,
): Promise<{ context: vm.Context; grid: ReturnType<typeof buildSampleGrid> }> {
  const context = vm.createContext({ setTimeout, clearTimeout });
  vm.runInContext(STRIP_MODERN, context);
  vm.runInContext('var window = this;', context); // IE11 has window, not globalThis
  vm.runInContext(fake, context);
  const grid = buildSampleGrid();
  context.init = JSON.parse(JSON.stringify({ sheets: grid.sheets.map((s, i) => ({ name: s.name, rows: s.rows, protected: protectFirstSheet && i === 0 })) }));
  context.options = { apiLevel: apiLevel || '1.1', displayLanguage: displayLanguage || 'vi-VN' };
  vm.runInContext('var handle = FakeOffice.installFakeOffice(this, init, options);', context);
  vm.runInContext(commands, context);
  vm.runInContext('var completed = 0; handle.actions.recalculateScores({ completed: function () { completed++; } });', context);
  for (let i = 0; i < 200 && vm.runInContext('completed', context) === 0; i++) await new Promise((r) => setTimeout(r, 10));
  return { context, grid };
}

describe('the ES5 commands bundle (Excel 2016/2019, Internet Explorer 11)', () => {
  let outDir = '';
  let commands = '';
  let lightpane = '';
  let fake = '';
  beforeAll(async () => {
    outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cchc-commands-'));
    await run(commandsConfig({ outDir }, { mode: 'production' }));
    await run(fakeConfig(outDir));
    commands = fs.readFileSync(path.join(outDir, 'commands.js'), 'utf8');
    lightpane = fs.readFileSync(path.join(outDir, 'lightpane.js'), 'utf8');
    fake = fs.readFileSync(path.join(outDir, 'fakeoffice.js'), 'utf8');
  }, 180000);

  test('commands.js and lightpane.js parse as ECMAScript 5', () => {
    expect(() => acorn.parse(commands, { ecmaVersion: 5 })).not.toThrow();
    expect(() => acorn.parse(lightpane, { ecmaVersion: 5 })).not.toThrow();
    expect(commands).not.toMatch(/\bBigInt\b/);
  });

  test('the ribbon command recalculates, writes and highlights at ExcelApi 1.1 with only ES5 built-ins', async () => {
    const context = vm.createContext({ setTimeout, clearTimeout });
    vm.runInContext(STRIP_MODERN, context);
    vm.runInContext('var window = this;', context); // IE11 has window, not globalThis
    expect(vm.runInContext('typeof Promise + typeof Map + typeof Object.assign + typeof String.prototype.normalize', context)).toBe('undefinedundefinedundefinedundefined');
    vm.runInContext(fake, context);
    const grid = buildSampleGrid();
    context.init = JSON.parse(JSON.stringify({ sheets: grid.sheets.map((s) => ({ name: s.name, rows: s.rows })) }));
    vm.runInContext('var handle = FakeOffice.installFakeOffice(this, init, { apiLevel: "1.1" });', context);
    vm.runInContext(commands, context);
    expect(vm.runInContext('typeof handle.actions.recalculateScores', context)).toBe('function');
    expect(vm.runInContext('typeof Map', context)).toBe('undefined');
    vm.runInContext('var completed = 0; handle.actions.recalculateScores({ completed: function () { completed++; } });', context);
    for (let i = 0; i < 200 && vm.runInContext('completed', context) === 0; i++) await new Promise((r) => setTimeout(r, 10));
    expect(vm.runInContext('completed', context)).toBe(1);

    const plan = planWorkbook(analyseWorkbook(grid), grid, 'vi');
    const total = plan.writes.find((w) => w.sheet === 'Phụ lục 1' && w.purpose === 'sheet-total' && Math.abs(Number(w.result) - 68.13) < 1e-9)!;
    expect(total).toBeDefined();
    context.addr = total.address;
    expect(vm.runInContext('handle.cell("Phụ lục 1", addr).formula', context)).toBe('=' + total.formula);
    expect(vm.runInContext('handle.displayed("Phụ lục 1", addr)', context)).toBeCloseTo(68.13, 9);
    const h = plan.highlights[0];
    context.h = h;
    expect(vm.runInContext('handle.displayedFill(h.sheet, h.address)', context)).toBe('#' + h.color.toUpperCase());
    expect(vm.runInContext('handle.sheet("Tổng hợp điểm") !== null', context)).toBe(true);
    // The first run in this document at 1.1: the names with the active sheet, the other sheet, the write.
    expect(vm.runInContext('handle.syncCount()', context)).toBe(3);
    expect(vm.runInContext('handle.dialogs.length', context)).toBe(0); // success needs no dialog
  });

  test('at ExcelApi 1.8 (Excel 2019) the first run in a document is one read sync and one write sync', async () => {
    const { context, grid } = await pressRibbon(fake, commands, false, undefined, '1.8');
    expect(vm.runInContext('completed', context)).toBe(1);
    expect(vm.runInContext('handle.dialogs.length', context)).toBe(0);
    const plan = planWorkbook(analyseWorkbook(grid), grid, 'vi');
    context.addr = plan.writes.find((w) => w.sheet === 'Phụ lục 1' && w.purpose === 'sheet-total')!.address;
    expect(vm.runInContext('handle.displayed("Phụ lục 1", addr)', context)).toBeCloseTo(68.13, 9);
    expect(vm.runInContext('handle.syncCount()', context)).toBe(2);
  });

  test('event.completed() is called even when the write fails (protected sheet)', async () => {
    const { context, grid } = await pressRibbon(fake, commands, true);
    expect(vm.runInContext('completed', context)).toBe(1);
    expect(vm.runInContext('handle.sheet("Tổng hợp điểm")', context)).toBeNull();
    // No pane to speak through: the message opens in a dialog, in Vietnamese, naming the sheet.
    expect(vm.runInContext('handle.dialogs.length', context)).toBe(1);
    const url = new URL(vm.runInContext('handle.dialogs[0].url', context));
    expect(url.pathname).toMatch(/\/message\.html$/);
    expect(url.searchParams.get('text')).toContain('đang được bảo vệ');
    expect(url.searchParams.get('text')).toContain(grid.sheets[0].name);
  });

  /** The ribbon on two self-score columns (D: 2/2, E inferred: 1,5/2), with the document's settings as given. */
  async function pressOnTwoSelfColumns(settings: { [name: string]: string }, breakSettings: boolean, presses: number) {
    const context = vm.createContext({ setTimeout, clearTimeout });
    vm.runInContext(STRIP_MODERN, context);
    vm.runInContext('var window = this;', context);
    vm.runInContext(fake, context);
    const rows = twoSelfColumnsRows();
    context.init = { sheets: [{ name: TWO_SELF_COLUMNS_SHEET, rows }], settings };
    vm.runInContext('var handle = FakeOffice.installFakeOffice(this, init, { apiLevel: "1.1" });', context);
    if (breakSettings) vm.runInContext('Office.context.document.settings.get = function () { throw new Error("settings unavailable"); };', context);
    vm.runInContext(commands, context);
    vm.runInContext('var completed = 0;', context);
    for (let p = 1; p <= presses; p++) {
      vm.runInContext('handle.actions.recalculateScores({ completed: function () { completed++; } });', context);
      for (let i = 0; i < 200 && vm.runInContext('completed', context) < p; i++) await new Promise((r) => setTimeout(r, 10));
    }
    expect(vm.runInContext('completed', context)).toBe(presses);
    return context;
  }

  test('the ribbon reads the choice of columns the pane kept in the document settings (ES5, ExcelApi 1.1)', async () => {
    const context = await pressOnTwoSelfColumns({ 'cchc.columnChoices': JSON.stringify({ 'Bảng điểm': { self: 3 } }) }, false, 1);
    expect(vm.runInContext('handle.cell("Bảng điểm", "D3").formula', context)).toMatch(/SUM\(D4:D5\)/i);
    expect(vm.runInContext('handle.displayed("Bảng điểm", "D3")', context)).toBe(2);
    expect(vm.runInContext('handle.cell("Bảng điểm", "E3")', context)).toBeNull();
    expect(vm.runInContext('handle.dialogs.length', context)).toBe(0);
  });

  test('settings that cannot be read: the ribbon recalculates automatically and says so once, in a dialog', async () => {
    const context = await pressOnTwoSelfColumns({ 'cchc.columnChoices': JSON.stringify({ 'Bảng điểm': { self: 3 } }) }, true, 2);
    expect(vm.runInContext('handle.cell("Bảng điểm", "E3").formula', context)).toMatch(/SUM\(E4:E5\)/i);
    expect(vm.runInContext('handle.dialogs.length', context)).toBe(1);
    const url = new URL(vm.runInContext('handle.dialogs[0].url', context));
    expect(url.searchParams.get('text')).toMatch(/Đã tính lại: 1,5\/2 điểm/);
    expect(url.searchParams.get('text')).toMatch(/Không đọc được các cột đã chọn/);
  });

  test('in an English Office the message dialog of the ribbon is in English', async () => {
    const { context } = await pressRibbon(fake, commands, true, 'en-US');
    const url = new URL(vm.runInContext('handle.dialogs[0].url', context));
    expect(url.searchParams.get('lang')).toBe('en');
    expect(url.searchParams.get('text')).toMatch(/is protected/);
  });
});
