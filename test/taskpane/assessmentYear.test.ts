import { WorkbookGrid } from '../../src/core/grid';
import { ApplyOptions, WorkbookHost } from '../../src/core/host';
import { applyPlanToGrid } from '../../src/core/plan/applyToGrid';
import { WritePlan } from '../../src/core/plan/types';
import { buildSampleGrid } from '../../src/core/sample/thanhXa2023';
import { parseAssessmentYear, PaneController, PaneState } from '../../src/taskpane/model/paneController';

/**
 * The assessment year set in the pane (issue 4): it re-checks the grid already read, never the
 * workbook again, changes the evidence-out-of-period flags and not the scores, and goes back to the
 * title rows' "năm 2023" when cleared.
 */

/** A host on a plain grid counting every read and write; `gate` holds a read until released. */
class CountingHost implements WorkbookHost {
  readonly kind = 'excel' as const;
  readonly capabilities = { apiLevel: '1.9', readsHyperlinks: true, readsFonts: true, conditionalFormatHighlights: true, singleUndoStep: false, changeEvents: false, download: false };
  reads = 0;
  writes: WritePlan[] = [];
  gate: Promise<void> | null = null;
  constructor(public grid: WorkbookGrid) {}
  async readWorkbook() {
    this.reads++;
    if (this.gate) await this.gate;
    return this.grid;
  }
  async applyPlan(plan: WritePlan, options: ApplyOptions) {
    this.writes.push(plan);
    this.grid = applyPlanToGrid(this.grid, plan);
    return { written: plan.writes.length, highlighted: options.highlights ? plan.highlights.length : 0, syncs: 1 };
  }
  canRevert() {
    return false;
  }
  async revertLastWrite() {
    return { restored: 0 };
  }
  async clearHighlights() {
    return 0;
  }
  async selectCell() {}
  async readColumnChoices() {
    return null;
  }
  async saveColumnChoices() {}
}

function outOfPeriod(state: PaneState) {
  const group = state.view!.flagGroups.find((g) => g.kind === 'evidence-out-of-period');
  return group ? group.items : [];
}

/** Every score the pane shows: sheet totals, field figures, the grand total. */
function scores(state: PaneState) {
  const view = state.view!;
  return { grand: view.grandTotal, sheets: view.sheets.map((s) => ({ total: s.total, fields: s.fields.map((f) => f.figure) })) };
}

/** The sample with "NĂM 2023" taken out of its title rows: no title states the year. */
function sampleWithoutYear(): WorkbookGrid {
  const grid = buildSampleGrid();
  for (const sheet of grid.sheets) for (const row of sheet.rows) for (const cell of row || []) if (cell && typeof cell.value === 'string') cell.value = cell.value.replace(/ NĂM 2023/g, '');
  return grid;
}

describe('assessment year set in the pane', () => {
  test('the sample: 2023 read from the titles, one flag (the report of January 2024)', async () => {
    const host = new CountingHost(buildSampleGrid());
    const c = new PaneController(host, 'vi');
    await c.start();
    const s = c.getState();
    expect(s.assessmentYear).toEqual({ year: 2023, source: 'titles', titleYear: 2023 });
    expect(s.view!.sheets[0].total.scoreOfMax).toBe('68,13/74');
    const flags = outOfPeriod(s);
    expect(flags).toHaveLength(1);
    expect(flags[0].message).toMatch(/01\/2024.*ngoài năm đánh giá 2023/);
  });

  test('2022 flags many evidence cells from the grid already read; no read, no write, the scores stay', async () => {
    const host = new CountingHost(buildSampleGrid());
    const c = new PaneController(host, 'vi');
    await c.start();
    const before = c.getState();
    expect(c.setAssessmentYear(2022)).toBe(true);
    const after = c.getState();
    expect(host.reads).toBe(1);
    expect(host.writes).toHaveLength(0);
    expect(after.assessmentYear).toEqual({ year: 2022, source: 'user', titleYear: 2023 });
    const flags = outOfPeriod(after);
    // The sample's evidence is dated 2023 (and one report 2024): nearly every cited document is now out of the year.
    expect(flags.length).toBeGreaterThan(20);
    expect(flags.every((f) => /ngoài năm đánh giá 2022/.test(f.message))).toBe(true);
    expect(new Set(flags.map((f) => f.sheet + '!' + f.cell)).size).toBe(flags.length);
    expect(after.view!.flagCount).toBe(before.view!.flagCount - 1 + flags.length);
    expect(scores(after)).toEqual(scores(before));
    expect(after.view!.sheets[0].total.scoreOfMax).toBe('68,13/74');
    // The other flags are untouched.
    const others = (st: PaneState) => st.view!.flagGroups.filter((g) => g.kind !== 'evidence-out-of-period').map((g) => [g.kind, g.count]);
    expect(others(after)).toEqual(others(before));
  });

  test("clearing returns to the titles' 2023 and its single flag, still without a read", async () => {
    const host = new CountingHost(buildSampleGrid());
    const c = new PaneController(host, 'vi');
    await c.start();
    const first = outOfPeriod(c.getState()).map((f) => f.cell);
    c.setAssessmentYear(2022);
    expect(c.setAssessmentYear(null)).toBe(true);
    const s = c.getState();
    expect(s.assessmentYear).toEqual({ year: 2023, source: 'titles', titleYear: 2023 });
    expect(outOfPeriod(s).map((f) => f.cell)).toEqual(first);
    expect(host.reads).toBe(1);
  });

  test('an invalid year is refused and changes nothing', async () => {
    const host = new CountingHost(buildSampleGrid());
    const c = new PaneController(host, 'vi');
    await c.start();
    c.setAssessmentYear(2022);
    const state = c.getState();
    for (const bad of [1999, 2101, 2022.5, 23, NaN, Infinity]) expect(c.setAssessmentYear(bad)).toBe(false);
    expect(c.getState()).toBe(state);
    expect(c.getState().assessmentYear.year).toBe(2022);
    expect(host.reads).toBe(1);
  });

  test("the field's text: four digits from 2000 to 2100, else invalid; empty is nothing typed", () => {
    expect(parseAssessmentYear('2022')).toBe(2022);
    expect(parseAssessmentYear(' 2100 ')).toBe(2100);
    expect(parseAssessmentYear('2000')).toBe(2000);
    for (const bad of ['1999', '2101', '202', '20222', '2022.5', '2022,0', 'năm 2022', '-2022', 'abcd']) expect(parseAssessmentYear(bad)).toBe('invalid');
    expect(parseAssessmentYear('  ')).toBe('');
  });

  test('the year set applies to every later read and write: "Tính lại điểm" writes the 2022 flags', async () => {
    const host = new CountingHost(buildSampleGrid());
    const c = new PaneController(host, 'vi');
    await c.start();
    c.setAssessmentYear(2022);
    const shown = outOfPeriod(c.getState()).length;
    await c.recalculate();
    expect(host.reads).toBe(2);
    expect(host.writes).toHaveLength(1);
    // The summary sheet written lists the flags of the year in use.
    const summary = JSON.stringify(host.writes[0].summary);
    expect(summary.match(/ngoài năm đánh giá 2022/g)!.length).toBe(shown);
    expect(summary).not.toMatch(/ngoài năm đánh giá 2023/);
    expect(outOfPeriod(c.getState())).toHaveLength(shown);
    await c.analyse();
    expect(outOfPeriod(c.getState())).toHaveLength(shown);
    expect(c.getState().assessmentYear.source).toBe('user');
  });

  test('titles without a year: unknown, no flag; a year typed flags out-of-year evidence', async () => {
    const host = new CountingHost(sampleWithoutYear());
    const c = new PaneController(host, 'en');
    await c.start();
    expect(c.getState().assessmentYear).toEqual({ year: null, source: 'unknown', titleYear: null });
    expect(outOfPeriod(c.getState())).toHaveLength(0);
    c.setAssessmentYear(2023);
    expect(c.getState().assessmentYear).toEqual({ year: 2023, source: 'user', titleYear: null });
    expect(outOfPeriod(c.getState())).toHaveLength(1);
    c.setAssessmentYear(null);
    expect(c.getState().assessmentYear.source).toBe('unknown');
    expect(host.reads).toBe(1);
  });

  test('set before the first read or during one: the analysis shown uses it', async () => {
    const host = new CountingHost(buildSampleGrid());
    const c = new PaneController(host, 'vi');
    c.setAssessmentYear(2022);
    expect(c.getState().assessmentYear).toEqual({ year: 2022, source: 'user', titleYear: null });
    await c.start();
    expect(c.getState().assessmentYear).toEqual({ year: 2022, source: 'user', titleYear: 2023 });
    expect(outOfPeriod(c.getState()).length).toBeGreaterThan(20);

    let release!: () => void;
    host.gate = new Promise((r) => (release = r));
    const reading = c.analyse();
    expect(c.getState().busy).toBe(true);
    expect(c.setAssessmentYear(null)).toBe(true);
    release();
    await reading;
    expect(c.getState().assessmentYear.source).toBe('titles');
    expect(outOfPeriod(c.getState())).toHaveLength(1);
    expect(host.reads).toBe(2);
  });

  test("opening another file (browser mode) goes back to its titles' year", async () => {
    const host = new CountingHost(buildSampleGrid());
    const c = new PaneController(host, 'vi');
    await c.start();
    c.setAssessmentYear(2022);
    host.grid = buildSampleGrid();
    await c.reset();
    expect(c.getState().assessmentYear).toEqual({ year: 2023, source: 'titles', titleYear: 2023 });
    expect(outOfPeriod(c.getState())).toHaveLength(1);
  });
});
