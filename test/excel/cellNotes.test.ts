import { analyseAndPlan } from '../helpers/analyseAndPlan';
import { SUMMARY_SHEET_NAME } from '../../src/core/plan';
import { buildSampleGrid } from '../../src/core/sample/thanhXa2023';
import { createExcelHost } from '../../src/excel/officeGateway';
import { fakeInitFromGrid, FakeOfficeHandle, FakeWorkbookInit, installFakeOffice } from '../helpers/fakeExcel';

/**
 * Highlights that explain themselves in Excel (issue 13): from ExcelApi 1.18 every highlighted cell gets a
 * note saying what is wrong (worksheet.notes), except a cell with a note of the user's; a later run
 * updates its own notes, "clear highlights" and revert remove exactly them. Below 1.18 nothing is added.
 * The read lists each sheet's notes by content: on a sheet with only the tool's notes (or none) the write
 * changes them in its one sync, and revert and clear in theirs; a sheet with a note of the user's costs
 * one more sync, which looks at each cell's note first.
 */

const SHEET = 'Phụ lục 1';
const USER_ON_FLAG = 'F80'; // a flagged cell (missing evidence) with the user's own note
const USER_ELSEWHERE = 'B12';

function install(level: string): { fake: FakeOfficeHandle; host: ReturnType<typeof createExcelHost> } {
  const init: FakeWorkbookInit = fakeInitFromGrid(buildSampleGrid());
  init.sheets[0].notes = { [USER_ON_FLAG]: 'Đã xin bổ sung minh chứng', [USER_ELSEWHERE]: 'Ghi chú riêng' };
  const g: Record<string, unknown> = {};
  const fake = installFakeOffice(g, init, { apiLevel: level });
  return { fake, host: createExcelHost({ globals: g, debounceMs: 5 }) };
}

async function recalc(host: ReturnType<typeof createExcelHost>, highlights = true) {
  const analysis = analyseAndPlan(await host.readWorkbook());
  await host.applyPlan(analysis.plan, { highlights });
  return analysis;
}

const userNotes = { [USER_ON_FLAG]: 'Đã xin bổ sung minh chứng', [USER_ELSEWHERE]: 'Ghi chú riêng' };

describe.each(['1.1', '1.9', '1.20'])('cell notes at ExcelApi %s', (level) => {
  const supported = level === '1.20';

  test("each highlighted cell gets its note where supported, never over the user's; a second run keeps one note per cell", async () => {
    const { fake, host } = install(level);
    const analysis = await recalc(host);
    // A new two-sheet document: one read sync (two below 1.5), one write sync, and from 1.18 one more
    // for the notes of the sheet that has the user's (each cell's note looked at first).
    expect(fake.syncCount()).toBe((level === '1.1' ? 3 : 2) + (supported ? 1 : 0));
    expect(analysis.plan.highlights.length).toBe(9);
    const notes = fake.sheet(SHEET)!.notes!;
    if (!supported) {
      expect(notes).toEqual(userNotes);
      return;
    }
    for (const h of analysis.plan.highlights) {
      if (h.address === USER_ON_FLAG) expect(notes[h.address]).toBe(userNotes[USER_ON_FLAG]);
      else expect(notes[h.address]).toBe(h.note);
    }
    expect(Object.keys(notes).length).toBe(9 + 1); // nine highlighted cells (one of them the user's note) + the user's other note
    fake.resetCounters();
    const second = await recalc(host);
    expect(fake.syncCount()).toBe(3);
    const own = Object.keys(notes).filter((a) => notes[a].indexOf('CCHC:') === 0);
    expect(own.sort()).toEqual(
      second.plan.highlights
        .map((h) => h.address)
        .filter((a) => a !== USER_ON_FLAG)
        .sort(),
    );
    expect(notes[USER_ON_FLAG]).toBe(userNotes[USER_ON_FLAG]);
    expect(notes[USER_ELSEWHERE]).toBe(userNotes[USER_ELSEWHERE]);
  });

  test("clear highlights removes the tool's notes with its colours; the user's notes stay", async () => {
    const { fake, host } = install(level);
    await recalc(host);
    fake.resetCounters();
    expect(await host.clearHighlights()).toBeGreaterThan(0);
    expect(fake.sheet(SHEET)!.notes).toEqual(userNotes);
    // One read, one write; below 1.6 one more reads the fills, from 1.18 one more the highlighted cells' notes.
    expect(fake.syncCount()).toBe(level === '1.1' ? 3 : supported ? 3 : 2);
  });

  test("revert removes exactly the notes the write added; the user's notes stay", async () => {
    const { fake, host } = install(level);
    await recalc(host);
    fake.resetCounters();
    await host.revertLastWrite();
    expect(fake.sheet(SHEET)!.notes).toEqual(userNotes);
    // One read, one write; below 1.6 one more reads the fills, from 1.18 one more the highlighted cells' notes.
    expect(fake.syncCount()).toBe(level === '1.9' ? 2 : 3);
  });

  test("highlights switched off: the earlier run's notes go with its colours", async () => {
    const { fake, host } = install(level);
    await recalc(host);
    await recalc(host, false);
    expect(fake.sheet(SHEET)!.notes).toEqual(userNotes);
  });
});

describe('notes in the write sync itself (ExcelApi 1.20)', () => {
  const OTHER = 'Phụ lục 2';

  function plain(notes?: { [sheet: string]: { [address: string]: string } }): { fake: FakeOfficeHandle; host: ReturnType<typeof createExcelHost> } {
    const init: FakeWorkbookInit = fakeInitFromGrid(buildSampleGrid());
    for (const sheet of init.sheets) if (notes && notes[sheet.name]) sheet.notes = notes[sheet.name];
    const g: Record<string, unknown> = {};
    const fake = installFakeOffice(g, init, { apiLevel: '1.20' });
    return { fake, host: createExcelHost({ globals: g, debounceMs: 5 }) };
  }

  function noteMap(analysis: Awaited<ReturnType<typeof recalc>>): Record<string, string> {
    const out: Record<string, string> = {};
    for (const h of analysis.plan.highlights) out[h.address] = h.note!;
    return out;
  }

  test('the first recalculation in a new two-sheet document: 2 syncs, every highlighted cell noted, the summary print-ready', async () => {
    const { fake, host } = plain();
    const analysis = await recalc(host);
    expect(fake.syncCount()).toBe(2);
    expect(analysis.plan.highlights.length).toBe(9);
    expect(analysis.plan.highlights.every((h) => /^CCHC: /.test(h.note || ''))).toBe(true);
    expect(fake.sheet(SHEET)!.notes).toEqual(noteMap(analysis));
    expect(fake.sheet(SUMMARY_SHEET_NAME)!.pageLayout).toMatchObject({ paperSize: 'A4', orientation: 'Landscape', zoom: { scale: 58 }, centerFooter: 'Trang &P / &N' });
  });

  test("a later run: 2 syncs; a flag gone takes its note with it, the others' stay one per cell", async () => {
    const { fake, host } = plain();
    await recalc(host);
    // The official adds the evidence of 4.1.2: its missing-evidence flag goes.
    fake.edit(SHEET, USER_ON_FLAG, 'Quyết định số 48/QĐ-UBND ngày 22/3/2023 phân công nhiệm vụ');
    fake.resetCounters();
    const second = await recalc(host);
    expect(fake.syncCount()).toBe(2);
    expect(second.plan.highlights.map((h) => h.address)).not.toContain(USER_ON_FLAG);
    expect(fake.sheet(SHEET)!.notes).toEqual(noteMap(second));
    // Highlights switched off: the notes go with the colours, still in 2 syncs.
    fake.resetCounters();
    await recalc(host, false);
    expect(fake.syncCount()).toBe(2);
    expect(fake.sheet(SHEET)!.notes).toEqual({});
  });

  test("a note of the user's on the highlighted sheet: 3 syncs, the note intact, none of the tool's over it", async () => {
    const { fake, host } = plain({ [SHEET]: { [USER_ON_FLAG]: 'Đã xin bổ sung minh chứng' } });
    const analysis = await recalc(host);
    expect(fake.syncCount()).toBe(3);
    const expected = noteMap(analysis);
    expected[USER_ON_FLAG] = 'Đã xin bổ sung minh chứng';
    expect(fake.sheet(SHEET)!.notes).toEqual(expected);
  });

  test("clear and revert: one read and one write each, exactly the tool's notes go; the user's on another sheet stay", async () => {
    const theirs = { B12: 'Ghi chú riêng', D10: 'CCHC: ghi chú người dùng chép lại' };
    for (const action of ['clear', 'revert'] as const) {
      const { fake, host } = plain({ [OTHER]: theirs });
      await recalc(host);
      expect(Object.keys(fake.sheet(SHEET)!.notes!).length).toBe(9);
      fake.resetCounters();
      if (action === 'clear') expect(await host.clearHighlights()).toBe(9);
      else await host.revertLastWrite();
      expect(fake.syncCount()).toBe(2);
      expect(fake.sheet(SHEET)!.notes).toEqual({});
      // A sheet the backup never says was highlighted keeps its notes, even one that starts like the tool's.
      expect(fake.sheet(OTHER)!.notes).toEqual(theirs);
    }
  });

  test('a note someone adds between the read and the write is put back where a deletion by position took it (one more sync)', async () => {
    const { fake, host } = plain();
    const first = await recalc(host);
    // The official gives 7.1.4's evidence a number and date: its flag (F119, the last noted cell) goes.
    fake.edit(SHEET, 'F119', 'Danh sách số 15/DS-UBND ngày 10/02/2023 tài khoản thư điện tử công vụ');
    const analysis = analyseAndPlan(await host.readWorkbook());
    expect(analysis.plan.highlights.map((h) => h.address)).not.toContain('F119');
    // A co-author's note on a cell above every flag, just before the write: it sorts first among the
    // sheet's notes, so deleting the read's nine by position takes it and leaves F119's.
    fake.resetCounters();
    fake.beforeSync = (n) => {
      if (n === 1) fake.sheet(SHEET)!.notes!.A3 = 'Ghi chú của đồng tác giả';
    };
    await host.applyPlan(analysis.plan, { highlights: true });
    fake.beforeSync = null;
    expect(fake.syncCount()).toBe(2); // the write, and the note put back
    const expected = noteMap(analysis);
    expected.A3 = 'Ghi chú của đồng tác giả';
    // The tool's earlier note on F119 is left (the next run removes it).
    expected.F119 = first.plan.highlights.find((h) => h.address === 'F119')!.note!;
    expect(fake.sheet(SHEET)!.notes).toEqual(expected);
    fake.resetCounters();
    const third = await recalc(host);
    // A sheet with the co-author's note: each cell's note is looked at with the write's sync, and as none
    // needs changing, no more sync. F119's note stays: only the cells the tool highlighted are looked at.
    expect(fake.syncCount()).toBe(2);
    expect(fake.sheet(SHEET)!.notes).toEqual({ ...noteMap(third), A3: 'Ghi chú của đồng tác giả', F119: expected.F119 });
  });

  test("a co-author's edit between the read and the write: the write is put back, the tool's earlier notes with it", async () => {
    const { fake, host } = plain();
    const first = await recalc(host);
    fake.edit(SHEET, USER_ON_FLAG, 'Quyết định số 48/QĐ-UBND ngày 22/3/2023 phân công nhiệm vụ');
    const analysis = analyseAndPlan(await host.readWorkbook());
    fake.beforeSync = (n) => {
      if (n === 1) fake.edit(SHEET, 'H12', 'sửa của đồng tác giả');
    };
    fake.resetCounters();
    let error: unknown = null;
    await host.applyPlan(analysis.plan, { highlights: true }).catch((e) => (error = e));
    fake.beforeSync = null;
    expect(error).toMatchObject({ code: 'changed-since-read' });
    // The write deleted the nine notes by position and added eight: all put back as they were.
    expect(fake.sheet(SHEET)!.notes).toEqual(noteMap(first));
  });

  test("on a sheet of only the tool's notes, one the backup does not list (a copy scored by the command line) goes too", async () => {
    const { fake, host } = plain({ [SHEET]: { B12: 'CCHC: ghi chú cũ từ tệp đã chấm' } });
    const analysis = await recalc(host);
    expect(fake.syncCount()).toBe(2);
    expect(fake.sheet(SHEET)!.notes).toEqual(noteMap(analysis));
  });
});
