import { WorkbookGrid } from '../../src/core/grid';
import { ApplyOptions, HostError, WorkbookHost } from '../../src/core/host';
import { applyPlanToGrid } from '../../src/core/plan/applyToGrid';
import { WritePlan } from '../../src/core/plan/types';
import { ColumnChoices } from '../../src/core/recognise/reading';

/**
 * A host on a plain grid for the pane's tests: reads and writes counted like syncs, the plan applied
 * to the grid, a one-step revert, the write's own change event, and a write that can be made to fail.
 */
export class GridHost implements WorkbookHost {
  readonly kind = 'excel' as const;
  readonly capabilities = { apiLevel: '1.9', readsHyperlinks: true, readsFonts: true, conditionalFormatHighlights: true, singleUndoStep: false, changeEvents: true, download: false };
  reads = 0;
  writes: Array<{ plan: WritePlan; options: ApplyOptions }> = [];
  history: WorkbookGrid[] = [];
  failWrite: HostError | null = null;
  listener: (() => void) | null = null;
  selected: string[] = [];
  /** A write of the tool saved in the workbook by an earlier session. */
  savedWrite = false;
  /** The choice of columns kept in the workbook (document settings in Excel). */
  columnChoices: ColumnChoices | null = null;
  /** Every choice saved, in order. */
  choiceSaves: Array<ColumnChoices | null> = [];
  /** The stored choice cannot be read / saved (settings unavailable). */
  failChoicesRead: HostError | null = null;
  failChoicesSave: HostError | null = null;
  /**
   * `restored`, `cleared`: what revert and clear report, for tests of the pane's notices; by default
   * revert reports the last write's cells and clear reports none.
   */
  constructor(
    public grid: WorkbookGrid,
    private readonly reports: { restored?: number; cleared?: number } = {},
  ) {}
  async readWorkbook() {
    this.reads++;
    return this.grid;
  }
  async applyPlan(plan: WritePlan, options: ApplyOptions) {
    if (this.failWrite) throw this.failWrite;
    this.writes.push({ plan, options });
    this.history.push(this.grid);
    this.grid = applyPlanToGrid(this.grid, plan);
    this.listener?.(); // the host's own change event, echoing the write
    return { written: plan.writes.length, highlighted: options.highlights ? plan.highlights.length : 0, syncs: 1 };
  }
  canRevert() {
    return this.savedWrite || this.history.length > 0;
  }
  async revertLastWrite() {
    this.savedWrite = false;
    const before = this.history.pop();
    if (!before) return { restored: 0 };
    const restored = this.reports.restored !== undefined ? this.reports.restored : this.writes[this.writes.length - 1].plan.writes.length;
    this.grid = before;
    return { restored };
  }
  async clearHighlights() {
    return this.reports.cleared || 0;
  }
  async readColumnChoices() {
    if (this.failChoicesRead) throw this.failChoicesRead;
    return this.columnChoices ? (JSON.parse(JSON.stringify(this.columnChoices)) as ColumnChoices) : null;
  }
  async saveColumnChoices(choices: ColumnChoices | null) {
    if (this.failChoicesSave) throw this.failChoicesSave;
    this.choiceSaves.push(choices);
    this.columnChoices = choices && Object.keys(choices).length ? JSON.parse(JSON.stringify(choices)) : null;
  }
  async selectCell(sheet: string, address: string) {
    this.selected.push(sheet + '!' + address);
  }
  onUserEdit(listener: () => void) {
    this.listener = listener;
    return () => {
      this.listener = null;
    };
  }
}
