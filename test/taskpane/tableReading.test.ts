import * as analyseModule from '../../src/core/analyse';
import { paneText } from '../../src/core/messages/paneText';
import { readingText } from '../../src/core/messages/readingText';
import { ColumnChoices } from '../../src/core/recognise/reading';
import { isEmptyChoices, withoutSheet, withPick } from '../../src/taskpane/model/columnChoices';
import { PaneController } from '../../src/taskpane/model/paneController';
import { buildReadingView, NONE_VALUE } from '../../src/taskpane/model/readingView';
import { createBrowserHost } from '../../src/xlsx/browserHost';
import { readGridFromXlsxBytes } from '../../src/xlsx/read/readGrid';
import { GridHost } from '../helpers/gridHost';
import { gridToXlsxBytes } from '../helpers/gridXlsx';
import { twoSelfColumns, TWO_SELF_COLUMNS_SHEET } from '../helpers/twoSelfColumns';

/**
 * "Cách đọc bảng" in the pane's controller: the user's choice of column per role re-scores the grid
 * already read (no read, no write), is kept through the host (document settings in Excel), is read
 * back before the first read of a later session, and a store that fails never stops the pane.
 */

const SHEET = TWO_SELF_COLUMNS_SHEET;

const flush = () => new Promise((r) => setImmediate(r));

function total(c: PaneController): string {
  return c.getState().view!.sheets[0].total.scoreOfMax;
}

function selfRole(c: PaneController) {
  return c.getState().analysis!.sheets[0].reading.roles.find((r) => r.role === 'self');
}

function ambiguous(c: PaneController) {
  return c.getState().analysis!.flags.filter((f) => f.kind === 'ambiguous-column');
}

afterEach(() => jest.restoreAllMocks());

describe('the choice of columns in the controller', () => {
  test('choosing the other self-score column re-scores the grid already read, keeps the choice, and "Đặt lại" forgets it', async () => {
    const host = new GridHost(twoSelfColumns());
    const c = new PaneController(host, 'vi');
    await c.start();
    expect(host.reads).toBe(1);
    expect(total(c)).toBe('1,5/2');
    expect(ambiguous(c).map((f) => f.params.role)).toEqual(['self']);
    expect(selfRole(c)).toMatchObject({ col: 4, reason: 'position' });

    const spy = jest.spyOn(analyseModule, 'analyseWorkbook');
    expect(c.setColumn(SHEET, 'self', 3)).toBe(true);
    expect(spy).toHaveBeenLastCalledWith(expect.anything(), expect.objectContaining({ columns: { [SHEET]: { self: 3 } } }));
    expect(total(c)).toBe('2/2');
    expect(selfRole(c)).toMatchObject({ col: 3, reason: 'user' });
    expect(ambiguous(c)).toEqual([]);
    expect(c.getState().columnChoices).toEqual({ [SHEET]: { self: 3 } });
    expect(host.reads).toBe(1); // no new read of the workbook
    expect(host.writes).toEqual([]); // and nothing written
    await c.choicesSaved();
    expect(host.choiceSaves).toEqual([{ [SHEET]: { self: 3 } }]);

    c.resetColumns(SHEET);
    expect(total(c)).toBe('1,5/2');
    expect(c.getState().columnChoices).toBeNull();
    expect(ambiguous(c)).toHaveLength(1);
    await c.choicesSaved();
    expect(host.choiceSaves[1]).toBeNull();
    expect(host.columnChoices).toBeNull();
    expect(host.reads).toBe(1);
    c.dispose();
  });

  test('a choice kept in the workbook is read before the first read and applies from the first result', async () => {
    const host = new GridHost(twoSelfColumns());
    host.columnChoices = { [SHEET]: { self: 3 } };
    const order: string[] = [];
    const read = host.readColumnChoices.bind(host);
    const readWorkbook = host.readWorkbook.bind(host);
    host.readColumnChoices = () => (order.push('choices'), read());
    host.readWorkbook = () => (order.push('grid'), readWorkbook());
    const c = new PaneController(host, 'vi');
    await c.start();
    expect(order).toEqual(['choices', 'grid']);
    expect(total(c)).toBe('2/2');
    expect(c.getState().columnChoices).toEqual({ [SHEET]: { self: 3 } });
    // Later reads (an edit, "Đọc lại") do not read the settings again: the pane holds the choice.
    await c.analyse();
    expect(order).toEqual(['choices', 'grid', 'grid']);
    expect(total(c)).toBe('2/2');
    c.dispose();
  });

  test('"Tính lại điểm" writes the totals of the chosen column', async () => {
    const host = new GridHost(twoSelfColumns());
    const c = new PaneController(host, 'vi');
    await c.start();
    c.setColumn(SHEET, 'self', 3);
    await c.recalculate();
    expect(host.writes).toHaveLength(1);
    const fieldTotal = host.writes[0].plan.writes.find((w) => w.sheet === SHEET && w.address === 'D3');
    expect(fieldTotal && fieldTotal.formula).toMatch(/SUM\(D4:D5\)/);
    expect(total(c)).toBe('2/2');
    c.dispose();
  });

  test('a choice that cannot be read: the tables are read automatically and the user is told once', async () => {
    const host = new GridHost(twoSelfColumns());
    host.failChoicesRead = { code: 'unknown', detail: 'settings' };
    const c = new PaneController(host, 'vi');
    await c.start();
    expect(c.getState().error).toBeNull();
    expect(total(c)).toBe('1,5/2');
    expect(c.getState().choicesWarning).toBe(paneText('readingChoicesUnreadable', 'vi'));
    c.dismissChoicesWarning();
    await c.recalculate();
    expect(c.getState().choicesWarning).toBeNull();
    expect(host.writes).toHaveLength(1);
    c.dispose();
  });

  test('a choice that cannot be saved still applies in this session, and is said once', async () => {
    const host = new GridHost(twoSelfColumns());
    host.failChoicesSave = { code: 'unknown', detail: 'saveAsync failed' };
    const c = new PaneController(host, 'vi');
    await c.start();
    c.setColumn(SHEET, 'self', 3);
    await c.choicesSaved();
    expect(total(c)).toBe('2/2');
    expect(c.getState().error).toBeNull();
    expect(c.getState().choicesWarning).toBe(paneText('readingChoicesUnsaved', 'vi'));
    c.dismissChoicesWarning();
    c.setColumn(SHEET, 'evidence', null);
    await c.choicesSaved();
    expect(c.getState().choicesWarning).toBeNull();
    c.dispose();
  });

  test('a pick while a read is under way applies to the grid that read leaves', async () => {
    const host = new GridHost(twoSelfColumns());
    const c = new PaneController(host, 'vi');
    await c.start();
    let release: () => void = () => undefined;
    const gate = new Promise<void>((r) => (release = r));
    const readWorkbook = host.readWorkbook.bind(host);
    host.readWorkbook = async () => {
      await gate;
      return readWorkbook();
    };
    const rereading = c.analyse();
    await flush();
    expect(c.getState().busy).toBe(true);
    c.setColumn(SHEET, 'self', 3);
    release();
    await rereading;
    expect(total(c)).toBe('2/2');
    c.dispose();
  });

  test('invalid picks are refused and change nothing', async () => {
    const host = new GridHost(twoSelfColumns());
    const c = new PaneController(host, 'vi');
    await c.start();
    expect(c.setColumn(SHEET, 'self', -1)).toBe(false);
    expect(c.setColumn(SHEET, 'self', 1.5)).toBe(false);
    expect(c.setColumn(SHEET, 'self', 20000)).toBe(false);
    expect(c.getState().columnChoices).toBeNull();
    await c.choicesSaved();
    expect(host.choiceSaves).toEqual([]);
    c.dispose();
  });

  test("browser mode: another file starts automatic, the earlier file's choice is not carried over", async () => {
    const host = new GridHost(twoSelfColumns());
    const c = new PaneController(host, 'vi');
    await c.start();
    c.setColumn(SHEET, 'self', 3);
    await c.choicesSaved();
    host.columnChoices = null; // what the browser host does when another file is opened
    await c.reset();
    expect(c.getState().columnChoices).toBeNull();
    expect(total(c)).toBe('1,5/2');
    c.dispose();
  });
});

describe('browser mode', () => {
  test('the choice is kept for the open file, used by the download, and forgotten when another file is opened', async () => {
    const host = await createBrowserHost({ bytes: await gridToXlsxBytes(twoSelfColumns()), fileName: 'hai-cot.xlsx' });
    const c = new PaneController(host, 'vi');
    await c.start();
    expect(total(c)).toBe('1,5/2');
    c.setColumn(SHEET, 'self', 3);
    await c.choicesSaved();
    expect(await host.readColumnChoices()).toEqual({ [SHEET]: { self: 3 } });
    const copy = await readGridFromXlsxBytes((await host.downloadAnnotated()).bytes, 'hai-cot-da-cham.xlsx');
    const d3 = copy.sheets.find((x) => x.name === SHEET)!.rows[2]![3]!;
    expect(d3.formula).toMatch(/SUM\(D4:D5\)/i);
    await host.openSample();
    await c.reset();
    expect(await host.readColumnChoices()).toBeNull();
    expect(c.getState().columnChoices).toBeNull();
    c.dispose();
  }, 30000);
});

describe('picks as data', () => {
  const readings = () => analyseModule.analyseWorkbook(twoSelfColumns()).sheets.map((s) => s.reading);

  test("a column holds one role: a role displaced by a pick takes the picked role's previous column, else its free alternative", () => {
    // appraised := E while self reads E: self moves to D, its alternative, not to "none".
    expect(withPick(null, SHEET, 'appraised', 4, readings())).toEqual({ [SHEET]: { appraised: 4, self: 3 } });
    // max := E (self's column): self takes the column max leaves, C (a swap).
    expect(withPick(null, SHEET, 'max', 4, readings())).toEqual({ [SHEET]: { max: 4, self: 2 } });
    // undefined: back to automatic for that role only; the last role removed drops the sheet.
    const chosen = withPick(null, SHEET, 'self', 3, readings());
    expect(withPick(chosen, SHEET, 'self', undefined, readings())).toBeNull();
    expect(withPick(chosen, SHEET, 'evidence', null, readings())).toEqual({ [SHEET]: { self: 3, evidence: null } });
  });

  test('"Đặt lại" clears only its sheet, and choices are never changed in place', () => {
    const choices: ColumnChoices = { [SHEET]: { self: 3 }, Khác: { max: 2 } };
    const frozen = JSON.stringify(choices);
    expect(withoutSheet(choices, SHEET)).toEqual({ Khác: { max: 2 } });
    expect(withPick(choices, SHEET, 'evidence', null, readings())).toEqual({ [SHEET]: { self: 3, evidence: null }, Khác: { max: 2 } });
    expect(JSON.stringify(choices)).toBe(frozen);
    expect(isEmptyChoices(withoutSheet({ [SHEET]: { self: 3 } }, SHEET))).toBe(true);
  });
});

describe("the section's view", () => {
  test('per table, per role: the header columns ("E — Điểm tự đánh giá"), "Không có", the column in use, why, and the unsure role', () => {
    const analysis = analyseModule.analyseWorkbook(twoSelfColumns());
    const [table] = buildReadingView(analysis, null, 'vi');
    expect(table.title).toBe('Trang "Bảng điểm"');
    expect(table.hasChoice).toBe(false);
    expect(table.pickers.map((p) => p.role)).toEqual(['code', 'name', 'max', 'self', 'appraised', 'evidence']);
    const self = table.pickers.find((p) => p.role === 'self')!;
    expect(self.label).toBe('Điểm tự đánh giá');
    expect(self.options.map((o) => o.text)).toEqual(['A — Mã', 'B — Nội dung', 'C — Điểm tối đa', 'D — Điểm tự đánh giá', 'E — Điểm tự đánh giá', 'F — Tài liệu kiểm chứng', 'Không có']);
    expect(self.value).toBe('4');
    expect(self.unsure).toBe(true);
    expect(self.why).toBe('Vì sao: ' + 'không phân biệt được các cột: đang lấy cột bên phải nhất, hãy kiểm tra');
    // How the rows were read, in the words of `cchc score --explain`.
    expect(table.rowsRead).toEqual(['Dòng tiêu đề: 2; bảng kết thúc ở dòng 5.', 'Các dòng đã đọc: 1 lĩnh vực, 2 tiêu chí.']);
    const appraised = table.pickers.find((p) => p.role === 'appraised')!;
    expect(appraised.value).toBe(NONE_VALUE);
    expect(appraised.unsure).toBe(false);

    const chosen = buildReadingView(analyseModule.analyseWorkbook(twoSelfColumns(), { columns: { [SHEET]: { self: 3 } } }), { [SHEET]: { self: 3 } }, 'en')[0];
    const picked = chosen.pickers.find((p) => p.role === 'self')!;
    expect(picked).toMatchObject({ value: '3', chosen: true, unsure: false, why: 'Why: chosen by you' });
    expect(chosen.hasChoice).toBe(true);
  });

  test('hidden columns are marked "(ẩn)"; a sheet whose choice leaves no table stays listed with "Đặt lại"', () => {
    const grid = twoSelfColumns();
    grid.sheets[0].hidden = { rows: [], columns: [3] };
    const view = buildReadingView(analyseModule.analyseWorkbook(grid), null, 'vi')[0];
    expect(view.pickers.find((p) => p.role === 'self')!.options[3].text).toBe('D — Điểm tự đánh giá (ẩn)');

    const lost = buildReadingView(analyseModule.analyseWorkbook(twoSelfColumns(), { columns: { [SHEET]: { self: null } } }), { [SHEET]: { self: null } }, 'vi');
    expect(lost).toHaveLength(1);
    expect(lost[0]).toMatchObject({ sheet: SHEET, hasChoice: true, pickers: [], lost: readingText('lost', 'vi') });
  });
});
