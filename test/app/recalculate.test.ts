import { recalculateOutcome } from '../../src/app/outcome';
import { recalculate } from '../../src/app/recalculate';
import { buildSampleGrid } from '../../src/core/sample/thanhXa2023';
import { SUMMARY_SHEET_NAME } from '../../src/core/plan/summarySheet';
import { recalculateWith } from '../../src/commands/recalculate';
import { PaneController } from '../../src/taskpane/model/paneController';
import { GridHost } from '../helpers/gridHost';
import { sheet, workbook } from '../helpers/gridBuilder';
import { twoSelfColumns, TWO_SELF_COLUMNS_SHEET } from '../helpers/twoSelfColumns';
import { cellsOf, officeWorkbook } from './officeFixture';

/**
 * "Tính lại điểm" means the same from every button: the pane (PaneController), the ribbon command
 * (recalculateWith) and the IE11 light pane (recalculateOutcome) run src/app/recalculate.ts, and the
 * cells they write are the same. The one difference is an option: the ribbon's status row.
 */

const LEVELS = ['1.1', '1.9', '1.20'] as const;

/** A workbook with no scoring table: a letter and a list of names. */
function noTableGrid() {
  return workbook(
    sheet('Công văn', [['Kính gửi: UBND huyện'], ['V/v báo cáo'], [null, 'Nội dung', 'Ghi chú']]),
    sheet('Danh sách', [
      ['STT', 'Họ tên'],
      [1, 'Nguyễn Văn A'],
    ]),
  );
}

describe.each(LEVELS)('one recalculation from every button, on the Office fake at ExcelApi %s', (level) => {
  async function byPane() {
    const w = officeWorkbook(buildSampleGrid(), level);
    const pane = new PaneController(w.host, 'vi');
    await pane.start();
    await pane.recalculate();
    expect(pane.getState().error).toBeNull();
    pane.dispose();
    return w;
  }

  test('the pane, the ribbon and the light pane write the same cells; the ribbon adds only its status row', async () => {
    const pane = await byPane();
    const ribbon = officeWorkbook(buildSampleGrid(), level);
    const ribbonOutcome = await recalculateWith(ribbon.host, 'vi', { choicesWarned: false });
    expect(ribbonOutcome.ok).toBe(true);
    const light = officeWorkbook(buildSampleGrid(), level);
    const lightOutcome = await recalculateOutcome(light.host, 'vi', { session: { choicesWarned: false } });
    expect(lightOutcome.ok).toBe(true);
    // Same words and figures on both pages without React.
    expect(lightOutcome.message).toBe(ribbonOutcome.message);
    expect(lightOutcome.total).toEqual(ribbonOutcome.total);
    expect(lightOutcome.sheets![0]).toEqual({ name: 'Phụ lục 1', self: '68,13', max: '74', percent: '92,07' });

    const byThePane = cellsOf(pane.fake);
    const byTheRibbon = cellsOf(ribbon.fake);
    const byTheLightPane = cellsOf(light.fake);
    expect(byTheLightPane).toEqual(byThePane);
    expect(Object.keys(byTheRibbon).sort()).toEqual(Object.keys(byThePane).sort());
    for (const name of Object.keys(byThePane)) {
      if (name === SUMMARY_SHEET_NAME) continue;
      expect(byTheRibbon[name]).toEqual(byThePane[name]);
    }
    // The summary sheet: the same, plus one cell holding the outcome sentence.
    const summaryByRibbon = byTheRibbon[SUMMARY_SHEET_NAME].cells;
    const extra = Object.keys(summaryByRibbon).filter((k) => !(k in byThePane[SUMMARY_SHEET_NAME].cells));
    expect(extra).toHaveLength(1);
    expect(summaryByRibbon[extra[0]].v).toBe(ribbonOutcome.message);
    expect(ribbonOutcome.message).toMatch(/^Đã tính lại: 70,13\/76 điểm \(92,28%\)/);
    for (const k of Object.keys(byThePane[SUMMARY_SHEET_NAME].cells)) expect(summaryByRibbon[k]).toEqual(byThePane[SUMMARY_SHEET_NAME].cells[k]);
  });

  test('no scoring table: nothing is written from any button, not even the summary sheet', async () => {
    const pane = officeWorkbook(noTableGrid(), level);
    const before = cellsOf(pane.fake);
    const c = new PaneController(pane.host, 'vi');
    await c.start();
    await c.recalculate();
    expect(c.getState().error!.text).toMatch(/Không tìm thấy bảng chấm điểm/);
    expect(c.getState().canRevert).toBe(false);
    c.dispose();
    expect(cellsOf(pane.fake)).toEqual(before);
    expect(pane.fake.sheet(SUMMARY_SHEET_NAME)).toBeNull();

    const ribbon = officeWorkbook(noTableGrid(), level);
    const outcome = await recalculateWith(ribbon.host, 'vi', { choicesWarned: false });
    expect(outcome.ok).toBe(false);
    expect(outcome.message).toBe('Không tìm thấy bảng chấm điểm (Phụ lục 1, 2) trong bảng tính này.');
    expect(cellsOf(ribbon.fake)).toEqual(before);
  });
});

describe('src/app/recalculate on the grid host', () => {
  test('read → analyse → plan → one write → the grid with the plan applied, analysed again (no second read)', async () => {
    const host = new GridHost(buildSampleGrid());
    const r = await recalculate(host, { lang: 'vi' });
    expect(r.written).toBe(true);
    expect(r.noTable).toBe(false);
    expect(host.reads).toBe(1);
    expect(host.writes).toHaveLength(1);
    expect(host.writes[0].plan).toBe(r.plan);
    expect(host.writes[0].options.highlights).toBe(true);
    expect(r.grid).toEqual(host.grid); // the plan applied to the grid read, as the host holds it now
    expect(r.analysis.flags.map((f) => f.kind)).not.toContain('hand-total-mismatch');
    expect(r.status).toBeNull();
    // The analysis returned is the written workbook's: run again, there is no cell left to write.
    const again = await recalculate(host, { lang: 'vi' });
    expect(again.plan!.writes).toEqual([]);
  });

  test('the pane and the ribbon hand the host the same plan and options, but for the status row', async () => {
    const paneHost = new GridHost(buildSampleGrid());
    const c = new PaneController(paneHost, 'vi');
    await c.start();
    await c.recalculate();
    const ribbonHost = new GridHost(buildSampleGrid());
    await recalculateWith(ribbonHost, 'vi', { choicesWarned: false });
    const fromPane = paneHost.writes[0];
    const fromRibbon = ribbonHost.writes[0];
    // The same options; the sheet rules' analyses are two equal ones.
    const { sheetRules: ribbonRules, ...ribbonOptions } = fromRibbon.options;
    const { sheetRules: paneRules, ...paneOptions } = fromPane.options;
    expect(ribbonOptions).toEqual(paneOptions);
    expect(ribbonRules!.lang).toBe(paneRules!.lang);
    expect(ribbonRules!.analysis.flags).toEqual(paneRules!.analysis.flags);
    expect(fromRibbon.plan.writes).toEqual(fromPane.plan.writes);
    expect(fromRibbon.plan.highlights).toEqual(fromPane.plan.highlights);
    expect(fromRibbon.plan.summary.rows.slice(0, fromPane.plan.summary.rows.length)).toEqual(fromPane.plan.summary.rows);
    expect(fromRibbon.plan.summary.rows.slice(fromPane.plan.summary.rows.length)).toEqual([[], [{ kind: 'text', text: expect.stringMatching(/^Đã tính lại/) }]]);
    c.dispose();
  });

  test('options: highlights off, a status line, and the assessment year', async () => {
    const host = new GridHost(buildSampleGrid());
    const r = await recalculate(host, { lang: 'en', highlights: false, assessmentYear: 2030, statusLine: (f) => 'done ' + f.plan.writes.length + ' ' + f.highlights });
    expect(host.writes[0].options.highlights).toBe(false);
    expect(r.status).toBe('done ' + r.plan!.writes.length + ' false');
    const rows = r.plan!.summary.rows;
    expect(rows[rows.length - 1]).toEqual([{ kind: 'text', text: r.status }]);
    expect(r.analyseOptions.assessmentYear).toBe(2030);
  });

  test('no scoring table: nothing written, the analysis of what was read is returned', async () => {
    const host = new GridHost(noTableGrid());
    const r = await recalculate(host, { lang: 'vi', statusLine: () => 'never' });
    expect(r).toMatchObject({ written: false, noTable: true, plan: null, report: null, status: null });
    expect(r.analysis.sheets).toEqual([]);
    expect(host.writes).toHaveLength(0);
  });

  test("the choice of columns: the caller's when given (null: automatic), else the one kept with the workbook", async () => {
    const chosen = { [TWO_SELF_COLUMNS_SHEET]: { self: 3 } };
    const total = (r: { plan: { writes: Array<{ sheet: string; address: string; formula?: string }> } | null }) =>
      r.plan!.writes.find((w) => w.sheet === TWO_SELF_COLUMNS_SHEET && (w.address === 'D3' || w.address === 'E3'))!.address;

    const kept = new GridHost(twoSelfColumns());
    kept.columnChoices = chosen;
    expect(total(await recalculate(kept, { lang: 'vi' }))).toBe('D3');
    // null: read automatically although a choice is kept (the pane's own state wins).
    const auto = new GridHost(twoSelfColumns());
    auto.columnChoices = chosen;
    expect(total(await recalculate(auto, { lang: 'vi', columns: null }))).toBe('E3');
    // Given by the caller: the store is not asked.
    const given = new GridHost(twoSelfColumns());
    given.failChoicesRead = { code: 'unknown', detail: 'must not be read' };
    const r = await recalculate(given, { lang: 'vi', columns: chosen });
    expect(total(r)).toBe('D3');
    expect(r.choicesUnreadable).toBe(false);
    // Kept but unreadable: automatic, and said.
    const broken = new GridHost(twoSelfColumns());
    broken.failChoicesRead = { code: 'unknown', detail: 'settings' };
    const b = await recalculate(broken, { lang: 'vi' });
    expect(total(b)).toBe('E3');
    expect(b.choicesUnreadable).toBe(true);
  });

  test("a failed write rejects with the host's error; the pages without React turn it into an Outcome", async () => {
    const host = new GridHost(buildSampleGrid());
    host.failWrite = { code: 'sheet-protected', sheet: 'Phụ lục 1' };
    await expect(recalculate(host, { lang: 'vi' })).rejects.toEqual(host.failWrite);
    const outcome = await recalculateOutcome(host, 'vi', { session: { choicesWarned: false } });
    expect(outcome.ok).toBe(false);
    expect(outcome.message).toContain('Trang tính "Phụ lục 1" đang được bảo vệ');
  });
});
