import * as acorn from 'acorn';
import * as path from 'path';
import * as vm from 'vm';
import webpack from 'webpack';
import * as fs from 'fs';
import * as os from 'os';
import { HEADER, sheet, workbook } from '../helpers/gridBuilder';
import { STRIP_MODERN } from '../helpers/ie11Globals';

/**
 * Excel 2016/2019 run add-ins in Internet Explorer 11: the core must parse as ES5 and run with
 * only ES5 built-ins. Bundle it with the project's webpack config, parse it as ES5, then run it in a
 * context stripped of every later built-in (Map, Set, Promise, Symbol, normalize, includes, …).
 */
const config = require('../../webpack.config.js');

/**
 * The core bundle as the project builds it, and beside it the appraiser's fill (src/app/fillAppraised.ts,
 * a use case above the core, ES5 like it) bundled the same way as window.CchcApp.
 */
function build(outDir: string): Promise<{ core: string; app: string }> {
  const core = config({ outDir }, { mode: 'production' });
  const app = { ...core, name: 'app', entry: { 'cchc-app': './src/app/fillAppraised.ts' }, output: { ...core.output, library: { name: 'CchcApp', type: 'umd' } } };
  return new Promise((resolve, reject) => {
    webpack([core, app], (err, stats) => {
      if (err) return reject(err);
      if (stats && stats.hasErrors()) return reject(new Error(stats.toString('errors-only')));
      resolve({ core: fs.readFileSync(path.join(outDir, 'cchc-core.js'), 'utf8'), app: fs.readFileSync(path.join(outDir, 'cchc-app.js'), 'utf8') });
    });
  });
}

describe('the ES5 core bundle', () => {
  let code = '';
  let appCode = '';
  beforeAll(async () => {
    const built = await build(fs.mkdtempSync(path.join(os.tmpdir(), 'cchc-es5-')));
    code = built.core;
    appCode = built.app;
  }, 120000);

  test('parses as ECMAScript 5', () => {
    expect(() => acorn.parse(code, { ecmaVersion: 5 })).not.toThrow();
    expect(() => acorn.parse(appCode, { ecmaVersion: 5 })).not.toThrow();
  });

  test('scores a table with only ES5 built-ins, NFD text included', () => {
    const context = vm.createContext({});
    vm.runInContext(STRIP_MODERN, context);
    expect(vm.runInContext('typeof Map + typeof String.prototype.normalize + typeof Object.assign', context)).toBe('undefinedundefinedundefined');
    vm.runInContext(code, context);
    const grid = workbook(
      sheet('PL1', [
        HEADER,
        ['1', 'Lĩnh vực', 2, null],
        ['1.1', 'Tiêu chí'.normalize('NFD'), 1, '0,5', 'KH 1', 'Đạt: 1 điểm; chưa đạt: 0 điểm'],
        ['1.2', 'Tiêu chí', 1, 1, null],
        ['Tổng cộng', null, 2, null],
      ]),
    );
    context.input = JSON.parse(JSON.stringify(grid));
    const result = vm.runInContext(
      '(function(){ var a = CchcCore.analyseWorkbook(input); var plan = CchcCore.planWorkbook(a, input, "vi");' +
        ' return JSON.stringify({ json: CchcCore.toJsonResult(a, input, "vi"), writes: plan.writes.length, summary: plan.summary.name }); })()',
      context,
    );
    const { json, writes, summary } = JSON.parse(result);
    expect(json.total.self).toBe(1.5);
    expect(json.total.selfPercent).toBe(75);
    expect(json.flags.map((f: { kind: string }) => f.kind).sort()).toEqual(['missing-evidence', 'off-tier', 'text-number']);
    // The counts the JSON gives without a plan are the plan's.
    expect(json.writes).toBe(writes);
    expect(writes).toBeGreaterThan(0);
    expect(summary).toBe('Tổng hợp điểm');
  });

  test('scores the same on an engine without typed arrays (the numeric columns fall back to plain arrays)', () => {
    const run = (stripTypedArrays: boolean) => {
      const context = vm.createContext({});
      vm.runInContext(STRIP_MODERN, context);
      if (stripTypedArrays) vm.runInContext('delete this.Int32Array; delete this.Float64Array;', context);
      expect(vm.runInContext('typeof Int32Array', context)).toBe(stripTypedArrays ? 'undefined' : 'function');
      vm.runInContext(code, context);
      context.input = JSON.parse(
        JSON.stringify(
          workbook(
            sheet('PL1', [
              HEADER,
              ['I', 'Lĩnh vực', 3, null],
              ['1.1', 'Tiêu chí', 2, null, 'KH 1'],
              ['-', 'Đạt', 2, 'x'],
              ['-', 'Chưa đạt', 0, null],
              ['1.2', 'Tiêu chí', 1, 1, null],
              ['Tổng cộng', null, 3, null],
            ]),
          ),
        ),
      );
      return JSON.parse(vm.runInContext('JSON.stringify(CchcCore.toJsonResult(CchcCore.analyseWorkbook(input), input, "vi"))', context));
    };
    const plain = run(true);
    expect(plain).toEqual(run(false));
    expect(plain.total.self).toBe(3);
    expect(plain.flags.map((f: { kind: string }) => f.kind)).toEqual(['missing-evidence']);
  });

  test('ranks communes, reads citations and builds the report with only ES5 built-ins', () => {
    const context = vm.createContext({});
    vm.runInContext(STRIP_MODERN, context);
    vm.runInContext(code, context);
    const commune = (name: string, score: number) =>
      workbook(
        sheet('PL1', [['UBND XÃ ' + name.toUpperCase()], ['BẢNG TỰ CHẤM ĐIỂM NĂM 2023'], HEADER, ['1', 'Lĩnh vực', 2, null], ['1.1', 'Tiêu chí', 2, score, 'Kế hoạch số 12/KH-UBND ngày 05/01/2022']]),
      );
    context.inputs = JSON.parse(JSON.stringify([commune('An Bình', 1), commune('Hồng Lạc', 2)]));
    const result = vm.runInContext(
      '(function(){ var sources = []; for (var i = 0; i < inputs.length; i++) sources.push({ fileName: "x" + i + ".xlsx", analysis: CchcCore.analyseWorkbook(inputs[i]) });' +
        ' var c = CchcCore.consolidate(sources, { lang: "vi" });' +
        ' var report = CchcCore.buildSelfAssessmentReport(sources[0].analysis, "vi");' +
        ' return JSON.stringify({ ranking: c.rows.map(function (r) { return r.rank + " " + r.commune + " " + r.group; }), flags: sources[0].analysis.flags.map(function (f) { return f.kind; }), cited: CchcCore.parseCitations("QĐ 45/QĐ-UBND 20/3/2023")[0].date, sheets: CchcCore.consolidationSheets(c, "vi").length, explain: report.explanationCount }); })()',
      context,
    );
    const json = JSON.parse(result);
    expect(json.ranking).toEqual(['1 xã Hồng Lạc A', '2 xã An Bình D']);
    expect(json.flags).toContain('evidence-out-of-period');
    expect(json.cited).toEqual({ day: 20, month: 3, year: 2023 });
    expect(json.sheets).toBe(2);
    expect(json.explain).toBe(1);
  });

  test("the appraiser's fill (src/app) runs with only ES5 built-ins", () => {
    const context = vm.createContext({});
    vm.runInContext(STRIP_MODERN, context);
    vm.runInContext(appCode, context);
    context.input = JSON.parse(
      JSON.stringify(
        workbook(
          sheet('PL1', [
            ['STT', 'Nội dung tiêu chí', 'Điểm tối đa', 'Điểm tự đánh giá', 'Điểm thẩm định', 'Tài liệu kiểm chứng'],
            ['1', 'Lĩnh vực', 2, null, null],
            ['1.1', 'Tiêu chí', 1, 1, null, 'KH 1'],
            ['1.2', 'Tiêu chí', 1, '0,5', 0.5, 'KH 2'],
          ]),
        ),
      ),
    );
    const result = JSON.parse(
      vm.runInContext(
        '(function(){ var r = CchcApp.planFillAndRecalculate(input, { profile: null }); return JSON.stringify({ fill: r.fill, writes: r.plan.writes.map(function (w) { return w.address + " " + w.purpose; }) }); })()',
        context,
      ),
    );
    expect(result.fill).toEqual({ cells: 1, criteria: 1 });
    expect(result.writes).toEqual(['E3 appraised-fill', 'D2 parent-total', 'E2 parent-total']);
  });
});
