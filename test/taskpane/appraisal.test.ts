import * as React from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { analyseWorkbook } from '../../src/core/analyse';
import { WorkbookGrid } from '../../src/core/grid';
import { buildSampleGrid } from '../../src/core/sample/thanhXa2023';
import { DifferenceList } from '../../src/taskpane/components/DifferenceList/DifferenceList';
import { PaneController } from '../../src/taskpane/model/paneController';
import { buildPaneView, shorten } from '../../src/taskpane/model/paneModel';
import { appraisedSheet, fillSheet } from '../core/appraisal/appraisalGrid';
import { workbook } from '../helpers/gridBuilder';
import { GridHost } from '../helpers/gridHost';

function valueAt(grid: WorkbookGrid, address: string): unknown {
  const m = /^([A-Z])(\d+)$/.exec(address)!;
  const cell = (grid.sheets[0].rows[Number(m[2]) - 1] || [])[m[1].charCodeAt(0) - 65];
  return cell ? cell.value : null;
}

describe('pane view of the appraisal', () => {
  test('no appraised column: no appraisal section', () => {
    expect(buildPaneView(analyseWorkbook(buildSampleGrid()), 'vi').appraisal).toBeNull();
  });

  test('differences formatted for the list (signed, Vietnamese numbers), the loss per field and the appraised total', () => {
    const view = buildPaneView(analyseWorkbook(workbook(appraisedSheet()), { profile: null }), 'vi').appraisal!;
    expect(view.total.scoreOfMax).toBe('3,5/6');
    expect(view.total.percent).toBe('58,33%');
    expect(view.differences.map((d) => [d.code, d.self, d.appraised, d.difference, d.lost, d.cell])).toEqual([
      ['1.1', '1', '0,5', '-0,5', true, 'E4'],
      ['1.3', '2', '1', '-1', true, 'E8'],
      ['2.2', '0,5', '1', '+0,5', false, 'E11'],
    ]);
    expect(view.differences[0]).toMatchObject({ evidence: 'Kế hoạch số 12/KH-UBND ngày 05/01/2023', explanation: 'Ban hành chậm 10 ngày' });
    expect(view.lostByField.map((f) => [f.code, f.self, f.appraised, f.lost])).toEqual([
      ['1', '4', '2,5', '1,5'],
      ['2', '1,5', '1', '-0,5'],
    ]);
    expect(view.notAppraised).toBe(1);
    const en = buildPaneView(analyseWorkbook(workbook(appraisedSheet()), { profile: null }), 'en').appraisal!;
    expect(en.differences[2].difference).toBe('+0.5');
  });

  test('a long evidence text is shortened at a word for the list, kept whole for the tooltip', () => {
    const long = 'Kế hoạch số 12/KH-UBND ngày 05/01/2023 của UBND xã về cải cách hành chính năm 2023; Báo cáo số 45/BC-UBND ngày 20/12/2023 về kết quả thực hiện';
    const short = shorten(long);
    expect(short.length).toBeLessThanOrEqual(80);
    expect(short.endsWith('…')).toBe(true);
    expect(long.startsWith(short.slice(0, -1))).toBe(true);
    expect(shorten('Ngắn')).toBe('Ngắn');
  });

  test('the list renders each difference as a button with self → appraised, and the loss per field', () => {
    const view = buildPaneView(analyseWorkbook(workbook(appraisedSheet()), { profile: null }), 'vi').appraisal!;
    const html = renderToStaticMarkup(React.createElement(FluentProvider, { theme: webLightTheme }, React.createElement(DifferenceList, { appraisal: view, lang: 'vi', onSelect: () => undefined })));
    expect(html).toContain('Chênh lệch điểm thẩm định (3)');
    expect(html).toContain('Tự chấm 1 → thẩm định 0,5');
    expect(html).toContain('aria-label="Chênh lệch -0,5"');
    expect(html).toContain('Giải trình: Ban hành chậm 10 ngày');
    expect(html).toContain('Chọn ô điểm thẩm định E4 trên PL1');
    expect(html).toContain('Điểm bị trừ theo lĩnh vực');
    expect((html.match(/<button/g) || []).length).toBe(3);
  });
});

describe("PaneController: the appraiser's mode", () => {
  test('clicking a difference selects its appraised cell', async () => {
    const host = new GridHost(workbook(appraisedSheet()));
    const c = new PaneController(host, 'vi');
    await c.start();
    const d = c.getState().view!.appraisal!.differences[1];
    await c.selectCell(d.sheet, d.cell);
    expect(host.selected).toEqual(['PL1!E8']);
    c.dispose();
  });

  test('fill = one read and one write holding the fill and the recalculation; the view shows the result; revert undoes both', async () => {
    const grid = workbook(fillSheet());
    const host = new GridHost(grid);
    const c = new PaneController(host, 'vi');
    await c.start();
    expect(c.getState().appraiserMode).toBe(false);
    c.setAppraiserMode(true);
    expect(c.getState().appraiserMode).toBe(true);
    // Read as empty: 1.1, 1.3, 1.4, 1.6, 1.7, 1.9 (formula ""), 1.10 (spaces), 1.11, 1.12 and 1.5 ("-").
    expect(c.getState().view!.appraisal!.notAppraised).toBe(10);
    const reads = host.reads;
    await c.fillAppraised();
    expect(host.reads).toBe(reads + 1);
    expect(host.writes).toHaveLength(1);
    const plan = host.writes[0].plan;
    expect(plan.writes.filter((w) => w.purpose === 'appraised-fill').map((w) => w.address)).toEqual(['E4', 'E7', 'E9', 'E19']);
    expect(plan.writes.some((w) => w.purpose === 'parent-total' && w.address === 'E3')).toBe(true);
    const s = c.getState();
    expect(s.notice).toBe('Đã điền 4 ô điểm thẩm định (4 tiêu chí) và tính lại tổng.');
    expect(s.canRevert).toBe(true);
    expect(s.error).toBeNull();
    // The shown view is the filled workbook's, read from no further read.
    expect(host.reads).toBe(reads + 1);
    expect(s.view!.appraisal!.differences.map((d) => d.code)).toEqual(['1.2', '1.8']);
    expect(s.view!.appraisal!.lostByField[0].appraised).toBe('3');
    expect(s.view!.appraisal!.notAppraised).toBe(6);
    expect([valueAt(host.grid, 'E4'), valueAt(host.grid, 'E7'), valueAt(host.grid, 'E5'), valueAt(host.grid, 'E10')]).toEqual([1, 'x', 0.5, '-']);

    await c.revert();
    expect(host.grid).toBe(grid);
    expect(c.getState().view!.appraisal!.notAppraised).toBe(10);
    expect(c.getState().notice).toMatch(/^Đã khôi phục \d+ ô/);
    c.dispose();
  });

  test('nothing left to fill: nothing is written and the pane says so', async () => {
    const host = new GridHost(workbook(fillSheet()));
    const c = new PaneController(host, 'en');
    await c.start();
    await c.fillAppraised();
    expect(host.writes).toHaveLength(1);
    await c.fillAppraised();
    expect(host.writes).toHaveLength(1);
    expect(c.getState().notice).toBe('No empty appraised cell to fill.');
    c.dispose();
  });
});
