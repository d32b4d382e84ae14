import { analyseAndPlan } from '../helpers/analyseAndPlan';
import { buildSampleGrid } from '../../src/core/sample/thanhXa2023';
import { createExcelHost } from '../../src/excel/officeGateway';
import { fakeInitFromGrid, FakeOfficeHandle, FakeWorkbookInit, installFakeOffice } from '../helpers/fakeExcel';

/**
 * Highlights that explain themselves in Excel (issue 13): from ExcelApi 1.18 every highlighted cell gets a
 * note saying what is wrong (worksheet.notes), except a cell with a note of the user's; a later run
 * updates its own notes, "clear highlights" and revert remove exactly them. Below 1.18 nothing is added.
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
    const second = await recalc(host);
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
    expect(await host.clearHighlights()).toBeGreaterThan(0);
    expect(fake.sheet(SHEET)!.notes).toEqual(userNotes);
  });

  test("revert removes exactly the notes the write added; the user's notes stay", async () => {
    const { fake, host } = install(level);
    await recalc(host);
    await host.revertLastWrite();
    expect(fake.sheet(SHEET)!.notes).toEqual(userNotes);
  });

  test("highlights switched off: the earlier run's notes go with its colours", async () => {
    const { fake, host } = install(level);
    await recalc(host);
    await recalc(host, false);
    expect(fake.sheet(SHEET)!.notes).toEqual(userNotes);
  });
});
