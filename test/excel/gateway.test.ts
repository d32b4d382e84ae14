import { analyseAndPlan } from '../helpers/analyseAndPlan';
import { WorkbookGrid } from '../../src/core/grid';
import { isHostError } from '../../src/core/host';
import { SUMMARY_SHEET_NAME } from '../../src/core/plan/summarySheet';
import { buildSampleGrid, SAMPLE_EXPECTED } from '../../src/core/sample/thanhXa2023';
import { BACKUP_SHEET_NAME, createExcelHost, HIGHLIGHT_MARKER_FORMULA } from '../../src/excel/officeGateway';
import { fakeInitFromGrid, FakeOfficeHandle, FakeWorkbookInit, installFakeOffice } from '../helpers/fakeExcel';
import { HEADER, sheet, workbook } from '../helpers/gridBuilder';
import { rejection } from '../helpers/rejection';

const LEVELS = ['1.1', '1.9', '1.20'] as const;

function install(init: FakeWorkbookInit, level: string): { fake: FakeOfficeHandle; host: ReturnType<typeof createExcelHost>; g: Record<string, unknown> } {
  const g: Record<string, unknown> = {};
  const fake = installFakeOffice(g, init, { apiLevel: level });
  const host = createExcelHost({ globals: g, debounceMs: 5 });
  return { fake, host, g };
}

function sampleInit(): FakeWorkbookInit {
  return fakeInitFromGrid(buildSampleGrid());
}

/** Every cell of every sheet: formula-or-value, number format, fill. */
function snapshot(fake: FakeOfficeHandle): string {
  const out: Record<string, unknown> = {};
  for (const s of fake.sheets) {
    const cells: Record<string, unknown> = {};
    for (const k of Object.keys(s.cells).sort()) {
      const c = s.cells[k];
      const value = c.formula ? c.formula : c.value;
      if ((value === null || value === '') && !c.fill && (!c.numberFormat || c.numberFormat === 'General') && !c.hyperlink && !c.font && !c.bold) continue;
      cells[k] = { v: value, nf: c.numberFormat || 'General', fill: c.fill || null, link: c.hyperlink || null, font: c.font || null };
    }
    out[s.name] = { cells, cfs: s.cfs.map((cf) => ({ rect: cf.rect, formula: cf.formula, fill: cf.fill })) };
  }
  return JSON.stringify(out);
}

async function recalc(host: ReturnType<typeof createExcelHost>, highlights = true) {
  const grid = await host.readWorkbook();
  const analysis = analyseAndPlan(grid);
  const report = await host.applyPlan(analysis.plan, { highlights });
  return { grid, analysis, report };
}

describe.each(LEVELS)('Office.js gateway at ExcelApi %s', (level) => {
  test('capabilities come from isSetSupported', () => {
    const { host } = install(sampleInit(), level);
    expect(host.capabilities.apiLevel).toBe(level);
    expect(host.capabilities.readsHyperlinks).toBe(level !== '1.1');
    expect(host.capabilities.conditionalFormatHighlights).toBe(level !== '1.1');
    expect(host.capabilities.singleUndoStep).toBe(level === '1.20');
    expect(host.capabilities.changeEvents).toBe(level !== '1.1');
  });

  test('reads the sample, writes totals whose computed values are 68,13/74; 1 sync to read, 1 to write', async () => {
    const { fake, host } = install(sampleInit(), level);
    // The first read in a document the add-in has not seen learns the sheet names (one extra sync, once).
    await host.readWorkbook();
    fake.resetCounters();
    const grid = await host.readWorkbook();
    expect(fake.syncCount()).toBe(1);
    const analysis = analyseAndPlan(grid);
    expect(analysis.total.self).toBe(Math.round(SAMPLE_EXPECTED.total.self * 1e6));
    const leafBefore = snapshot(fake);
    void leafBefore;
    const report = await host.applyPlan(analysis.plan, { highlights: true });
    expect(fake.syncCount()).toBe(2);
    expect(report.syncs).toBe(1);
    expect(report.written).toBe(analysis.plan.writes.length);
    // every written formula computes the value the core expected
    for (const w of analysis.plan.writes) {
      const cell = fake.cell(w.sheet, w.address)!;
      expect(cell.formula).toBe('=' + w.formula);
      const shown = fake.displayed(w.sheet, w.address);
      if (typeof w.result === 'number') expect(shown as number).toBeCloseTo(w.result, 6);
    }
    // the sheet total of Phụ lục 1 reads 68,13 of 74
    const pl1 = analysis.sheets.find((s) => s.name === 'Phụ lục 1')!;
    const totalWrite = analysis.plan.writes.find((w) => w.sheet === 'Phụ lục 1' && w.purpose === 'sheet-total' && Math.abs(Number(w.result) - 68.13) < 1e-9);
    expect(totalWrite).toBeDefined();
    expect(fake.displayed('Phụ lục 1', totalWrite!.address)).toBeCloseTo(68.13, 9);
    expect(pl1.score.selfAssessableMax).toBe(74 * 1e6);
    // summary sheet exists, text stays text
    expect(fake.sheet(SUMMARY_SHEET_NAME)).not.toBeNull();
    expect(fake.sheet(BACKUP_SHEET_NAME)).not.toBeNull();
    expect(fake.sheet(BACKUP_SHEET_NAME)!.visibility).toBe(level === '1.1' ? 'Visible' : 'VeryHidden');
    // re-reading gives the same analysis (idempotent), leaf scores, names, maxima unchanged
    const again = analyseAndPlan(await host.readWorkbook());
    expect(again.total).toEqual(analysis.total);
    expect(again.plan.writes.length).toBe(0);
  });

  test('highlights: fills at 1.1, tagged conditional formats from 1.6', async () => {
    const { fake, host } = install(sampleInit(), level);
    const { analysis } = await recalc(host);
    expect(analysis.plan.highlights.length).toBeGreaterThan(0);
    const h = analysis.plan.highlights[0];
    expect(fake.displayedFill(h.sheet, h.address)).toBe('#' + h.color.toUpperCase());
    const s = fake.sheet(h.sheet)!;
    if (level === '1.1') {
      expect(s.cfs.length).toBe(0);
      expect(fake.cell(h.sheet, h.address)!.fill).toBe('#' + h.color.toUpperCase());
    } else {
      expect(s.cfs.length).toBeGreaterThan(0);
      expect(s.cfs.every((cf) => cf.formula === HIGHLIGHT_MARKER_FORMULA)).toBe(true);
      expect(fake.cell(h.sheet, h.address)?.fill).toBeFalsy();
    }
    // A second run does not pile up highlights: what shows is the second plan's, nothing of the first.
    expect(s.cfs.length === 0 ? true : s.cfs.length).toBe(level === '1.1' ? true : analysis.plan.highlights.length);
    const second = await recalc(host);
    if (level !== '1.1') expect(fake.sheet(h.sheet)!.cfs.length).toBe(second.analysis.plan.highlights.length);
  });

  test('sheet names are kept in the document settings: a later session recalculates in 2 syncs, the first ever run in 2 from 1.5 (3 below)', async () => {
    const init = sampleInit();
    const first = install(init, level);
    await recalc(first.host);
    // Two user sheets: from ExcelApi 1.5 the first read walks them with the names; below, a second read.
    expect(first.fake.syncCount()).toBe(Number(level.split('.')[1]) >= 5 ? 2 : 3);
    await first.host.revertLastWrite();
    // The workbook as saved now: the user's sheets, and the names the add-in last saw in its settings.
    expect(JSON.parse(first.fake.settings['cchc.sheetNames'])).toEqual(init.sheets.map((x) => x.name));
    const reopened: FakeWorkbookInit = { sheets: init.sheets, settings: first.fake.settings };
    const later = install(reopened, level);
    await recalc(later.host);
    expect(later.fake.syncCount()).toBe(2);
    // After a revert the host knows which sheets it deleted: the next recalculation is 2 syncs again.
    later.fake.resetCounters();
    await later.host.revertLastWrite();
    // Revert: one read (backup, marks and, from 1.18, the notes), one write; below 1.6 one more reads the fills.
    expect(later.fake.syncCount()).toBe(Number(level.split('.')[1]) >= 6 ? 2 : 3);
    later.fake.resetCounters();
    await recalc(later.host);
    expect(later.fake.syncCount()).toBe(2);
    // A write over the existing summary and the tool's own notes: 2 syncs too.
    later.fake.resetCounters();
    await recalc(later.host);
    expect(later.fake.syncCount()).toBe(2);
  });

  test('a write saved in the workbook can be reverted in a later session: canRevert says so after the read', async () => {
    const { host, g } = install(sampleInit(), level);
    await host.readWorkbook();
    expect(host.canRevert!()).toBe(false);
    await recalc(host);
    expect(host.canRevert!()).toBe(true);
    // The same open workbook, a new session of the add-in (the pane reopened): it finds the backup sheet.
    const later = createExcelHost({ globals: g, debounceMs: 5 });
    expect(later.canRevert!()).toBe(false);
    await later.readWorkbook();
    expect(later.canRevert!()).toBe(true);
    expect((await later.revertLastWrite()).restored).toBeGreaterThan(0);
    expect(later.canRevert!()).toBe(false);
  });

  test('a sheet renamed since the names were saved costs one more read, and nothing is missed', async () => {
    const init = sampleInit();
    const renamed: FakeWorkbookInit = { sheets: init.sheets, settings: { 'cchc.sheetNames': JSON.stringify(['Old name', init.sheets[1].name]) } };
    const { fake, host } = install(renamed, level);
    const { analysis } = await recalc(host);
    expect(analysis.total.self).toBe(Math.round(SAMPLE_EXPECTED.total.self * 1e6));
    expect(fake.syncCount()).toBeLessThanOrEqual(4);
  });

  test('revert restores every written cell exactly and removes the summary sheet it created', async () => {
    const init = sampleInit();
    // a user's own number format on a cell the tool writes is kept by the backup
    const { fake, host } = install(init, level);
    const before = snapshot(fake);
    await recalc(host);
    expect(snapshot(fake)).not.toBe(before);
    const report = await host.revertLastWrite();
    expect(report.restored).toBeGreaterThan(0);
    expect(snapshot(fake)).toBe(before);
    expect(fake.sheet(SUMMARY_SHEET_NAME)).toBeNull();
    expect(fake.sheet(BACKUP_SHEET_NAME)).toBeNull();
    const e = await rejection(host.revertLastWrite());
    expect(isHostError(e) && e.code).toBe('nothing-to-revert');
  });

  test("clearHighlights leaves the user's own fill and conditional format alone", async () => {
    const init = sampleInit();
    init.sheets[0].fills = { B2: '#00FF00' };
    init.sheets[0].conditionalFormats = [{ address: 'C3', formula: '=C3>0', fill: '#0000FF' }];
    const { fake, host } = install(init, level);
    const { analysis } = await recalc(host);
    const n = await host.clearHighlights();
    expect(n).toBeGreaterThan(0);
    for (const h of analysis.plan.highlights) expect(fake.displayedFill(h.sheet, h.address)).toBeNull();
    expect(fake.cell('Phụ lục 1', 'B2')!.fill).toBe('#00FF00');
    if (level !== '1.1') expect(fake.sheet('Phụ lục 1')!.cfs).toEqual([expect.objectContaining({ formula: '=C3>0', fill: '#0000FF' })]);
    // formulas stay
    expect(fake.cell(analysis.plan.writes[0].sheet, analysis.plan.writes[0].address)!.formula).toBe('=' + analysis.plan.writes[0].formula);
  });

  test("a user's own fill under a highlight comes back after clear and after revert, at every level", async () => {
    for (const action of ['clear', 'revert'] as const) {
      const init = sampleInit();
      init.sheets[0].fills = { F80: '#FFFF00', D56: '#FFC000' }; // a missing-evidence cell and an off-tier score
      const { fake, host } = install(init, level);
      const { analysis } = await recalc(host);
      const painted = analysis.plan.highlights.filter((h) => h.sheet === 'Phụ lục 1' && (h.address === 'F80' || h.address === 'D56'));
      expect(painted.map((h) => h.address).sort()).toEqual(['D56', 'F80']);
      for (const h of painted) expect(fake.displayedFill(h.sheet, h.address)).toBe('#' + h.color.toUpperCase());
      if (action === 'clear') await host.clearHighlights();
      else await host.revertLastWrite();
      expect([action, fake.displayedFill('Phụ lục 1', 'F80'), fake.displayedFill('Phụ lục 1', 'D56')]).toEqual([action, '#FFFF00', '#FFC000']);
      // cells that had no fill have none again
      const plain = analysis.plan.highlights.find((h) => h.address !== 'F80' && h.address !== 'D56')!;
      expect(fake.displayedFill(plain.sheet, plain.address)).toBeNull();
    }
  });

  test('protected sheet: sheet-protected, and the workbook is left as it was', async () => {
    const init = sampleInit();
    init.sheets[1].protected = true;
    const { fake, host } = install(init, level);
    const before = snapshot(fake);
    const grid = await host.readWorkbook();
    const analysis = analyseAndPlan(grid);
    expect(analysis.plan.writes.some((w) => w.sheet === init.sheets[1].name)).toBe(true);
    const e = await rejection(host.applyPlan(analysis.plan, { highlights: true }));
    expect(isHostError(e) && e.code).toBe('sheet-protected');
    // The message names the sheet to unprotect, at every level (below 1.2 found after the failed write).
    expect(isHostError(e) && e.sheet).toBe(init.sheets[1].name);
    expect(snapshot(fake)).toBe(before);
  });

  test('cell being edited: cell-editing where the host cannot wait, otherwise the batch waits', async () => {
    const { fake, host } = install(sampleInit(), level);
    const grid = await host.readWorkbook();
    const before = snapshot(fake);
    fake.cellEditing = true;
    const analysis = analyseAndPlan(grid);
    if (level === '1.1' || level === '1.9') {
      const e = await rejection(host.applyPlan(analysis.plan, { highlights: true }));
      expect(isHostError(e) && e.code).toBe('cell-editing');
      expect(snapshot(fake)).toBe(before);
    } else {
      await host.applyPlan(analysis.plan, { highlights: true });
      expect(fake.cellEditing).toBe(false);
    }
  });

  test('co-author change between read and write: changed-since-read, nothing lost', async () => {
    const { fake, host } = install(sampleInit(), level);
    const grid = await host.readWorkbook();
    const analysis = analyseAndPlan(grid);
    const target = analysis.plan.writes[0];
    let fired = false;
    fake.beforeSync = () => {
      if (fired) return;
      fired = true;
      fake.edit(target.sheet, target.address, 42);
    };
    const e = await rejection(host.applyPlan(analysis.plan, { highlights: true }));
    fake.beforeSync = null;
    expect(isHostError(e) && e.code).toBe('changed-since-read');
    // the co-author's value survived and nothing of ours remains
    expect(fake.cell(target.sheet, target.address)!.value).toBe(42);
    expect(fake.cell(target.sheet, target.address)!.formula).toBeUndefined();
    for (const w of analysis.plan.writes.slice(1)) {
      const c = fake.cell(w.sheet, w.address);
      expect(c ? c.formula : undefined).toBe(w.previous.formula !== undefined ? '=' + w.previous.formula : undefined);
    }
    expect(fake.sheet(SUMMARY_SHEET_NAME)).toBeNull();
    expect(fake.sheet(BACKUP_SHEET_NAME)).toBeNull();
    for (const s of fake.sheets) expect(s.cfs.length).toBe(0);
  });

  test('hyperlink-only evidence: flagged at 1.1 (text only), accepted from 1.9', async () => {
    const grid = workbook(
      sheet('PL1', [
        HEADER,
        ['1', 'Lĩnh vực', 2, null],
        ['1.1', 'Tiêu chí có minh chứng bằng liên kết', 1, 1, { v: null, link: 'https://example.org/kh-12.pdf' }],
        ['1.2', 'Tiêu chí', 1, 1, 'Kế hoạch số 12/KH-UBND'],
        ['Tổng cộng', null, 2, null],
      ]),
    );
    const { host } = install(fakeInitFromGrid(grid as WorkbookGrid as never), level);
    const read = await host.readWorkbook();
    const flags = analyseAndPlan(read).flags.filter((f) => f.kind === 'missing-evidence');
    if (level === '1.1') expect(flags.map((f) => f.cell)).toEqual(['E3']);
    else expect(flags).toEqual([]);
  });

  test('a 5,000-leaf sheet: still 1 read sync and 1 write sync, payload under 5 MB', async () => {
    const rows: unknown[][] = [HEADER, ['1', 'Lĩnh vực lớn', 5000, null]];
    for (let i = 1; i <= 5000; i++) rows.push(['1.' + i, 'Tiêu chí ' + i, 1, 1, 'Văn bản số ' + i]);
    rows.push(['Tổng cộng', null, 5000, null]);
    const grid = workbook(sheet('PL1', rows as never));
    const { fake, host } = install(fakeInitFromGrid(grid as never), level);
    await host.readWorkbook();
    fake.resetCounters();
    const { analysis } = await recalc(host);
    expect(analysis.plan.writes.length).toBeGreaterThan(0);
    expect(fake.syncCount()).toBe(2);
    expect(fake.maxPayload()).toBeLessThan(5 * 1024 * 1024);
    expect(fake.displayed('PL1', analysis.plan.writes.find((w) => w.purpose === 'sheet-total')!.address)).toBe(5000);
  });

  test('a plan over the payload limit is split into several syncs, each under the limit', async () => {
    const rows: unknown[][] = [HEADER];
    for (let f = 1; f <= 40; f++) {
      rows.push([String(f), 'Lĩnh vực ' + f, 10, null]);
      for (let i = 1; i <= 10; i++) rows.push([f + '.' + i, 'Tiêu chí', 1, 1, 'VB ' + i]);
    }
    rows.push(['Tổng cộng', null, 400, null]);
    const grid = workbook(sheet('PL1', rows as never));
    const g: Record<string, unknown> = {};
    const fake = installFakeOffice(g, fakeInitFromGrid(grid as never), { apiLevel: level, payloadLimit: 20000 });
    const host = createExcelHost({ globals: g, payloadLimit: 8000 });
    await host.readWorkbook();
    fake.resetCounters();
    const { analysis, report } = await recalc(host);
    expect(report.syncs).toBeGreaterThan(1);
    expect(fake.maxPayload()).toBeLessThan(20000);
    expect(fake.displayed('PL1', analysis.plan.writes.find((w) => w.purpose === 'sheet-total')!.address)).toBe(400);
    if (level === '1.20') expect(fake.undoSteps).toBe(2); // the read, then the whole write as one undo step
  });

  test('selectCell activates and selects', async () => {
    const { fake, host } = install(sampleInit(), level);
    await host.selectCell('Phụ lục 1', 'D19');
    expect(fake.selection).toEqual({ sheet: 'Phụ lục 1', address: 'D19' });
  });

  test("user edits re-run (debounced); the tool's own writes do not", async () => {
    const { fake, host } = install(sampleInit(), level);
    if (level === '1.1') {
      expect(host.onUserEdit).toBeUndefined();
      return;
    }
    await host.readWorkbook();
    let calls = 0;
    const off = host.onUserEdit!(() => calls++);
    await new Promise((r) => setTimeout(r, 10));
    await recalc(host);
    await new Promise((r) => setTimeout(r, 30));
    expect(calls).toBe(0);
    fake.edit('Phụ lục 1', 'D19', 1);
    fake.edit('Phụ lục 1', 'D20', 1);
    await new Promise((r) => setTimeout(r, 30));
    expect(calls).toBe(1);
    off();
  });
});
