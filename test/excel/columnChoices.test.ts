import { WorkbookGrid } from '../../src/core/grid';
import { isHostError } from '../../src/core/host';
import { ColumnChoices } from '../../src/core/recognise/reading';
import { CommandSession, recalculateWith } from '../../src/commands/recalculate';
import { COLUMN_CHOICES_SETTING, columnChoicesFromSetting, createExcelHost } from '../../src/excel/officeGateway';
import { PaneController } from '../../src/taskpane/model/paneController';
import { fakeInitFromGrid, FakeOfficeHandle, FakeWorkbookInit, installFakeOffice } from '../helpers/fakeExcel';
import { twoSelfColumns, TWO_SELF_COLUMNS_SHEET } from '../helpers/twoSelfColumns';
import { rejection } from '../helpers/rejection';

/**
 * The user's choice of columns ("Cách đọc bảng") in the Office.js gateway: kept in the document's
 * settings (from ExcelApi 1.1), read back by the next session and by the ribbon command, without a
 * sync; settings that cannot be read or saved never stop a recalculation.
 */

const SHEET = TWO_SELF_COLUMNS_SHEET;
const LEVELS = ['1.1', '1.9', '1.20'] as const;

type Globals = { Office: { context: { document: { settings: Record<string, unknown> } } } };

function install(init: FakeWorkbookInit, level: string) {
  const g: Record<string, unknown> = {};
  const fake = installFakeOffice(g, init, { apiLevel: level });
  const host = createExcelHost({ globals: g, debounceMs: 5 });
  return { fake, host, settings: (g as unknown as Globals).Office.context.document.settings };
}

/** The same document opened again: its sheets as they are now, and its saved settings. */
function reopen(fake: FakeOfficeHandle, grid: WorkbookGrid): FakeWorkbookInit {
  return { ...fakeInitFromGrid(grid), settings: { ...fake.settings } };
}

describe.each(LEVELS)('the choice of columns in the document settings at ExcelApi %s', (level) => {
  test('saved as the ColumnChoices object under cchc.columnChoices, read back by the next session without a sync', async () => {
    const grid = twoSelfColumns();
    const first = install(fakeInitFromGrid(grid), level);
    expect(await first.host.readColumnChoices()).toBeNull();
    const choices: ColumnChoices = { [SHEET]: { self: 3, evidence: null } };
    await first.host.saveColumnChoices(choices);
    expect(JSON.parse(first.fake.settings[COLUMN_CHOICES_SETTING])).toEqual(choices);

    const next = install(reopen(first.fake, grid), level);
    next.fake.resetCounters();
    expect(await next.host.readColumnChoices()).toEqual(choices);
    expect(next.fake.syncCount()).toBe(0);
    // Refreshed first: the pane's runtime may have saved it after the ribbon's loaded its settings.
    expect(next.fake.settingsRefreshes).toBe(1);

    await next.host.saveColumnChoices(null);
    expect(next.fake.settings[COLUMN_CHOICES_SETTING]).toBeUndefined();
    expect(await next.host.readColumnChoices()).toBeNull();
    await next.host.saveColumnChoices({});
    expect(next.fake.settings[COLUMN_CHOICES_SETTING]).toBeUndefined();
  });

  test("the pane's pick is kept in the workbook and the next session's pane starts with it", async () => {
    const grid = twoSelfColumns();
    const first = install(fakeInitFromGrid(grid), level);
    const pane = new PaneController(first.host, 'vi');
    await pane.start();
    expect(pane.getState().view!.sheets[0].total.scoreOfMax).toBe('1,5/2');
    pane.setColumn(SHEET, 'self', 3);
    await pane.choicesSaved();
    expect(pane.getState().view!.sheets[0].total.scoreOfMax).toBe('2/2');
    expect(JSON.parse(first.fake.settings[COLUMN_CHOICES_SETTING])).toEqual({ [SHEET]: { self: 3 } });
    pane.dispose();

    const next = install(reopen(first.fake, grid), level);
    const later = new PaneController(next.host, 'vi');
    await later.start();
    expect(later.getState().view!.sheets[0].total.scoreOfMax).toBe('2/2');
    expect(later.getState().analysis!.flags.filter((f) => f.kind === 'ambiguous-column')).toEqual([]);
    later.dispose();
  });

  test('the ribbon command reads the stored choice: its write sums the chosen column, in one read and one write sync', async () => {
    const grid = twoSelfColumns();
    const init: FakeWorkbookInit = { ...fakeInitFromGrid(grid), settings: { [COLUMN_CHOICES_SETTING]: JSON.stringify({ [SHEET]: { self: 3 } }), 'cchc.sheetNames': JSON.stringify([SHEET]) } };
    const { fake, host } = install(init, level);
    fake.resetCounters();
    const outcome = await recalculateWith(host, 'vi', { choicesWarned: false });
    expect(outcome.ok).toBe(true);
    expect(outcome.notice).toBeUndefined();
    expect(outcome.total).toMatchObject({ self: '2', max: '2' });
    expect(fake.cell(SHEET, 'D3')!.formula).toMatch(/SUM\(D4:D5\)/i);
    expect(fake.cell(SHEET, 'E3')?.formula || null).toBeNull();
    expect(fake.syncCount()).toBeLessThanOrEqual(2);
  });
});

describe('settings that cannot be read or saved', () => {
  test('a read that throws rejects with a HostError; the ribbon then recalculates automatically and says so once per page', async () => {
    const grid = twoSelfColumns();
    const { fake, host, settings } = install({ ...fakeInitFromGrid(grid), settings: { [COLUMN_CHOICES_SETTING]: JSON.stringify({ [SHEET]: { self: 3 } }) } }, '1.1');
    settings.get = () => {
      throw new Error('settings are not available');
    };
    const e = await rejection(host.readColumnChoices());
    expect(isHostError(e)).toBe(true);

    const session: CommandSession = { choicesWarned: false };
    const first = await recalculateWith(host, 'vi', session);
    expect(first.ok).toBe(true);
    expect(first.total).toMatchObject({ self: '1,5', max: '2' });
    expect(first.notice).toMatch(/Không đọc được các cột đã chọn/);
    expect(first.message).toContain(first.notice!);
    expect(fake.cell(SHEET, 'D3')?.formula || null).toBeNull();
    expect(fake.cell(SHEET, 'E3')!.formula).toMatch(/SUM\(E4:E5\)/i);
    const second = await recalculateWith(host, 'vi', session);
    expect(second.ok).toBe(true);
    expect(second.notice).toBeUndefined();
    expect(second.message).not.toMatch(/Không đọc được/);
  });

  test('a save Office reports failed rejects with a HostError; no settings at all: nothing kept, nothing to read', async () => {
    const { host, settings } = install(fakeInitFromGrid(twoSelfColumns()), '1.9');
    settings.saveAsync = (callback: (r: unknown) => void) => callback({ status: 'failed', error: { message: 'The settings could not be saved.' } });
    const e = await rejection(host.saveColumnChoices({ [SHEET]: { self: 3 } }));
    expect(isHostError(e) && e.detail).toMatch(/could not be saved/);

    const g: Record<string, unknown> = {};
    installFakeOffice(g, fakeInitFromGrid(twoSelfColumns()), { apiLevel: '1.1' });
    delete (g as unknown as { Office: { context: { document?: unknown } } }).Office.context.document;
    const bare = createExcelHost({ globals: g });
    expect(await bare.readColumnChoices()).toBeNull();
    expect(isHostError(await rejection(bare.saveColumnChoices({ [SHEET]: { self: 3 } })))).toBe(true);
    const outcome = await recalculateWith(bare, 'vi', { choicesWarned: false });
    expect(outcome.ok).toBe(true);
    expect(outcome.notice).toBeUndefined();
  });

  test('a stored value is checked: unknown roles, columns outside A..XFD and non-objects are dropped; a value of another shape is unreadable', () => {
    expect(columnChoicesFromSetting(null)).toBeNull();
    expect(
      columnChoicesFromSetting({
        [SHEET]: { self: 3, evidence: null, bogus: 1, max: 'C', code: -1, name: 2.5, appraised: 16384 },
        Khác: 5,
        Rỗng: {},
        '*': { note: 7 },
      }),
    ).toEqual({ [SHEET]: { self: 3, evidence: null }, '*': { note: 7 } });
    expect(columnChoicesFromSetting({ Khác: { bogus: 1 } })).toBeNull();
    expect(() => columnChoicesFromSetting([{ self: 3 }])).toThrow();
    expect(() => columnChoicesFromSetting('self=D')).toThrow();
  });
});
