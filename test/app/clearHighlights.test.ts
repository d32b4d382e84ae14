import { clearHighlights } from '../../src/app/clearHighlights';
import { clearOutcome } from '../../src/app/outcome';
import { recalculate } from '../../src/app/recalculate';
import { TIER_SHEET_NAME } from '../../src/core/plan';
import { buildSampleGrid } from '../../src/core/sample/thanhXa2023';
import { PaneController } from '../../src/taskpane/model/paneController';
import { cellsOf, CellState, officeWorkbook } from './officeFixture';

/** "Xóa đánh dấu" (src/app/clearHighlights.ts): the tool's highlights go, nothing else changes. */

function withoutFills(sheets: ReturnType<typeof cellsOf>): Record<string, Record<string, Omit<CellState, 'fill'>>> {
  const out: Record<string, Record<string, Omit<CellState, 'fill'>>> = {};
  for (const name of Object.keys(sheets)) {
    out[name] = {};
    for (const k of Object.keys(sheets[name].cells)) {
      const c = sheets[name].cells[k];
      if ((c.v === null || c.v === '') && c.nf === 'General') continue; // a cell that held only a fill
      out[name][k] = { v: c.v, nf: c.nf };
    }
  }
  return out;
}

describe.each(['1.1', '1.9', '1.20'])('clear highlights on the Office fake at ExcelApi %s', (level) => {
  test("removes the tool's marks only: values, formulas, formats and the user's own fill stay", async () => {
    const grid = buildSampleGrid();
    const w = officeWorkbook(grid, level);
    w.fake.sheets[0].cells['1,1'] = { ...(w.fake.sheets[0].cells['1,1'] || { value: null }), fill: '#00FF00' }; // the user's own fill on B2
    const r = await recalculate(w.host, { lang: 'vi' });
    const painted = r.plan!.highlights;
    expect(painted.length).toBeGreaterThan(0);
    for (const h of painted) expect(w.fake.displayedFill(h.sheet, h.address)).toBe('#' + h.color.toUpperCase());
    const written = cellsOf(w.fake);

    const count = await clearHighlights(w.host);
    expect(count).toBeGreaterThan(0);
    for (const h of painted) expect(w.fake.displayedFill(h.sheet, h.address)).toBeNull();
    expect(w.fake.cell('Phụ lục 1', 'B2')!.fill).toBe('#00FF00');
    // From 1.8 the sheet rules are the tool's highlights too: the hidden sheet of levels goes with them.
    expect(w.fake.sheet(TIER_SHEET_NAME) === null).toBe(true);
    delete written[TIER_SHEET_NAME];
    expect(withoutFills(cellsOf(w.fake))).toEqual(withoutFills(written));
    // Again: nothing of the tool's is left.
    expect((await clearOutcome(w.host, 'vi')).message).toBe('Đã xóa 0 ô tô màu của công cụ.');
  });

  test("the pane's switch and the light pane's button run the same clear", async () => {
    const a = officeWorkbook(buildSampleGrid(), level);
    const b = officeWorkbook(buildSampleGrid(), level);
    const pane = new PaneController(a.host, 'vi');
    await pane.start();
    await pane.recalculate();
    await recalculate(b.host, { lang: 'vi' });
    await pane.setHighlights(false);
    const outcome = await clearOutcome(b.host, 'vi');
    expect(outcome.ok).toBe(true);
    expect(cellsOf(b.fake)).toEqual(cellsOf(a.fake));
    pane.dispose();
  });
});
