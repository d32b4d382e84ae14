import { revertOutcome } from '../../src/app/outcome';
import { recalculate } from '../../src/app/recalculate';
import { revert } from '../../src/app/revert';
import { buildSampleGrid } from '../../src/core/sample/thanhXa2023';
import { BACKUP_SHEET_NAME } from '../../src/excel/officeGateway';
import { GridHost } from '../helpers/gridHost';
import { cellsOf, officeWorkbook } from './officeFixture';

/** "Hoàn tác lần ghi gần nhất" (src/app/revert.ts): the workbook as it was before the last write. */

describe.each(['1.1', '1.9', '1.20'])('revert on the Office fake at ExcelApi %s', (level) => {
  test('after a recalculation, every written cell and fill is as before; the re-read shows the restored workbook', async () => {
    const w = officeWorkbook(buildSampleGrid(), level);
    const before = cellsOf(w.fake);
    const written = await recalculate(w.host, { lang: 'vi' });
    expect(written.written).toBe(true);
    expect(cellsOf(w.fake)).not.toEqual(before);

    const r = await revert(w.host, { reread: true, columns: null });
    expect(r.nothingToRevert).toBe(false);
    expect(r.restored).toBeGreaterThan(0);
    const after = cellsOf(w.fake);
    delete after[BACKUP_SHEET_NAME];
    // The tool's summary sheet stays (it is the tool's own), the scoring sheets are as they were.
    for (const name of Object.keys(before)) expect(after[name]).toEqual(before[name]);
    // Read again: the wrong hand total the write had corrected is back.
    expect(r.analysis!.flags.map((f) => f.kind)).toContain('hand-total-mismatch');
  });

  test("nothing to revert: the gateway refuses, and the pages without React say so in the catalogue's words", async () => {
    const w = officeWorkbook(buildSampleGrid(), level);
    await expect(revert(w.host)).rejects.toMatchObject({ code: 'nothing-to-revert' });
    const outcome = await revertOutcome(w.host, 'vi');
    expect(outcome).toMatchObject({ ok: false, message: 'Chưa có lần ghi nào để hoàn tác.' });
  });
});

describe('revert on the grid host', () => {
  test('without reread no read is spent; with it, one read and the analysis of the restored grid', async () => {
    const original = buildSampleGrid();
    const host = new GridHost(original);
    await recalculate(host, { lang: 'vi' });
    const reads = host.reads;
    const quiet = await revert(host);
    expect(host.reads).toBe(reads);
    expect(quiet.grid).toBeNull();
    expect(host.grid).toBe(original);
    const none = await revert(host, { reread: true });
    expect(none.nothingToRevert).toBe(true);
    expect(host.reads).toBe(reads + 1);
    expect(none.grid).toBe(original);
    expect((await revertOutcome(host, 'en')).message).toBe('There is no write to revert.');
  });
});
