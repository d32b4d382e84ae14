import { DEFAULT_GROUPS, groupLabel, groupOf } from '../../src/core/consolidate';
import { Consolidation, CommuneRow } from '../../src/core/consolidate/consolidate';
import { WorkbookAnalysis } from '../../src/core/analyse';
import { buildSampleGrid } from '../../src/core/sample/thanhXa2023';
import { describeError } from '../../src/app/errors';
import { consolidationView } from '../../src/taskpane/components/Consolidation/consolidationView';
import { paneGroupOf, PANE_GROUPS } from '../../src/taskpane/model/groups';
import { HELP_URL } from '../../src/taskpane/model/help';
import { buildPaneView, groupText, scoreFigure } from '../../src/taskpane/model/paneModel';
import { WorkbookInputError } from '../../src/xlsx/workbookInputError';
import { analyseAndPlan } from '../helpers/analyseAndPlan';
import * as fs from 'fs';
import * as path from 'path';

/** The pane's view model for issue 13: groups by percentage, survey fields, the appendices' totals, the ranking chart, errors in words. */

const U = 1000000;

describe('groups, as the consolidation decides them', () => {
  test("on the exact ratio (89,995% is not A), with the consolidation's thresholds; no group without a maximum", () => {
    expect(PANE_GROUPS).toEqual({ a: 90, b: 80, c: 70 });
    expect(paneGroupOf(89995, 100000)).toBe('B');
    expect(paneGroupOf(90000, 100000)).toBe('A');
    expect(paneGroupOf(0, 0)).toBeNull();
    const strict = { a: 95, b: 90, c: 85 };
    expect(paneGroupOf(88 * U, 100 * U, strict)).toBe(groupOf(88 * U, 100 * U, strict));
  });

  test('each figure names its group in words, so colour is not the only cue', () => {
    expect(scoreFigure(14.35 * U, 15 * U, 'vi')).toMatchObject({ percent: '95,67%', group: 'A', groupText: 'Nhóm A' });
    expect(scoreFigure(10 * U, 11.5 * U, 'vi')).toMatchObject({ percent: '86,96%', group: 'B', groupText: 'Nhóm B' });
    expect(scoreFigure(8 * U, 11 * U, 'vi')).toMatchObject({ percent: '72,73%', group: 'C', groupText: 'Nhóm C' });
    expect(scoreFigure(5.5 * U, 10 * U, 'vi')).toMatchObject({ percent: '55%', group: 'D', groupText: 'Dưới 70%' });
    expect(scoreFigure(5.5 * U, 10 * U, 'en').groupText).toBe('Below 70%');
    // The consolidation says the same of a commune below the last threshold.
    expect(groupText('D', 'vi')).toBe(groupLabel('D', DEFAULT_GROUPS, 'vi'));
  });
});

describe('the pane view', () => {
  test('each appendix has its own total, percent and group (no sum over the appendices is shown)', () => {
    const view = buildPaneView(analyseAndPlan(buildSampleGrid()), 'vi');
    expect(view.sheets.map((s) => [s.name, s.total.scoreOfMax, s.total.percent, s.total.groupText])).toEqual([
      ['Phụ lục 1', '68,13/74', '92,07%', 'Nhóm A'],
      ['Phụ lục 2', '2/2', '100%', 'Nhóm A'],
    ]);
    expect(view.sheets[0].fields.map((f) => f.figure.group)).toEqual(['A', 'A', 'A', 'A', 'C', 'A', 'B']);
    expect(view.sheets[0].fields.map((f) => f.scoreText)).toEqual(['14,35/15', '5/5', '17,78/18,5', '6/6', '8/11', '7/7', '10/11,5']);
  });

  test('a survey field (ĐTXHH, not scored by the commune) says "không tự chấm", never 0/0', () => {
    const analysis = analyseAndPlan(buildSampleGrid()) as WorkbookAnalysis;
    const field = analysis.sheets[0].fields[6];
    const surveyed: WorkbookAnalysis = { ...analysis, sheets: [{ ...analysis.sheets[0], fields: [...analysis.sheets[0].fields.slice(0, 6), { ...field, max: 0, self: 0, surveyMax: 4 * U }] }] };
    const vi = buildPaneView(surveyed, 'vi').sheets[0].fields[6];
    expect(vi.survey).toBe(true);
    expect(vi.scoreText).toBe('không tự chấm');
    expect(vi.scoreText).not.toContain('0/0');
    expect(vi.note).toBe('Chấm qua điều tra xã hội học (ĐTXHH), tối đa 4 điểm');
    expect(vi.figure.ratio).toBeNull();
    expect(vi.figure.groupText).toBe('');
    const en = buildPaneView(surveyed, 'en').sheets[0].fields[6];
    expect(en.scoreText).toBe('not self-scored');
    // A field scored by the commune is unchanged.
    expect(buildPaneView(surveyed, 'vi').sheets[0].fields[0]).toMatchObject({ survey: false, scoreText: '14,35/15' });
  });
});

describe('the ranking as a chart', () => {
  function row(commune: string, selfPct: number, rank: number, group: CommuneRow['group'], appraisedPct: number | null = null): CommuneRow {
    return {
      commune,
      fileName: commune + '.xlsx',
      fields: [],
      max: 74 * U,
      self: Math.round((74 * U * selfPct) / 10000),
      selfPercentHundredths: selfPct,
      appraised: appraisedPct === null ? null : Math.round((74 * U * appraisedPct) / 10000),
      appraisedPercentHundredths: appraisedPct,
      rank,
      group,
      flagCounts: {},
    };
  }
  const c: Consolidation = {
    rows: [row('xã An Bình', 9500, 1, 'A'), row('xã Thanh Xá', 9207, 2, 'A'), row('xã Bình Minh có một cái tên rất dài để cắt bớt', 8500, 3, 'B'), row('xã Đông Hòa', 6500, 4, 'D')],
    failed: [],
    rankedBy: 'self',
    fieldColumns: [],
    flags: [],
    flagKinds: [],
  };

  test('one bar per commune in rank order, coloured by its group, named in words', () => {
    const v = consolidationView(c, 'vi');
    expect(v.chart.bars.map((b) => [b.label, b.ratio, b.group, b.value])).toEqual([
      ['1. xã An Bình', 0.95, 'A', '95% · A'],
      ['2. xã Thanh Xá', 0.9207, 'A', '92,07% · A'],
      ['3. xã Bình Minh có một cái tên…', 0.85, 'B', '85% · B'],
      ['4. xã Đông Hòa', 0.65, 'D', '65% · Dưới 70%'],
    ]);
    expect(v.chart.label).toBe(
      'Biểu đồ tỷ lệ điểm các xã: 1. xã An Bình: 95%, Nhóm A; 2. xã Thanh Xá: 92,07%, Nhóm A; 3. xã Bình Minh có một cái tên rất dài để cắt bớt: 85%, Nhóm B; 4. xã Đông Hòa: 65%, Dưới 70%.',
    );
    expect(v.chart.thresholds).toEqual({ a: '90', b: '80', c: '70' });
  });

  test('ranked by the appraised score, the bars show the appraised percentage', () => {
    const appraised: Consolidation = { ...c, rankedBy: 'appraised', rows: [row('xã An Bình', 9500, 1, 'A', 9324)] };
    expect(consolidationView(appraised, 'vi').chart.bars[0]).toMatchObject({ ratio: 0.9324, value: '93,24% · A' });
  });
});

describe('errors in the words of the catalogue, the raw text only as a technical detail', () => {
  test("the zip reader's English reason is the detail, never the sentence", () => {
    const m = describeError(new WorkbookInputError('not-xlsx', 'hong.xlsx', { detail: 'no zip local header at the start' }), 'vi');
    expect(m.text).not.toContain('no zip local header');
    expect(m.text).toMatch(/hong\.xlsx/);
    expect(m.detail).toBe('no zip local header at the start');
  });
});

describe('help', () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { helpPageHtml, HELP_PAGE } = require('../../scripts/helpPage');
  const readme = fs.readFileSync(path.join(__dirname, '../../README.md'), 'utf8');

  test("the link leads to the page the build makes from the README's section for the pane's users", () => {
    expect(HELP_URL).toBe(HELP_PAGE);
    const html: string = helpPageHtml(readme);
    // Every paragraph and list item of the section is there, as text a user reads (no Markdown left).
    const section = readme.split('\n## Add-in (task pane)\n')[1].split('\n## ')[0];
    const text = html
      .replace(/<[^>]+>/g, '')
      .replace(/&amp;/g, '&')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/\s+/g, ' ');
    for (const words of ['Tính lại điểm', 'Cách đọc bảng (how the table is read)', 'Tổng hợp nhiều xã', 'Chi tiết kỹ thuật', 'npm start']) expect(text).toContain(words);
    expect(section).toContain('**Tính lại điểm**');
    expect(html).toContain('<strong>Tính lại điểm</strong>');
    expect(html).not.toMatch(/\*\*|`/);
    // As many list items as the section has "- " lines, and every tag closed.
    expect((html.match(/<li>/g) || []).length).toBe((section.match(/^- /gm) || []).length);
    expect((html.match(/<li>/g) || []).length).toBe((html.match(/<\/li>/g) || []).length);
    expect((html.match(/<p>/g) || []).length).toBe((html.match(/<\/p>/g) || []).length);
  });

  test('a README without the section stops the build with a sentence saying which section', () => {
    expect(() => helpPageHtml('# Other\n\ntext\n')).toThrow(/Add-in \(task pane\)/);
  });
});
