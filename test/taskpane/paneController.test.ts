import { analyseAndPlan } from '../helpers/analyseAndPlan';
import { WorkbookGrid } from '../../src/core/grid';
import { langFromLocale, paneText } from '../../src/core/messages/paneText';
import { buildSampleGrid } from '../../src/core/sample/thanhXa2023';
import { GridHost as SharedGridHost } from '../helpers/gridHost';
import { chooseLang, detectOffice, WindowLike } from '../../src/taskpane/host/chooseHost';
import { canSaveFiles, describeError, PaneController } from '../../src/taskpane/model/paneController';
import { reportText } from '../../src/core/report/reportText';
import { buildPaneView, scoreFigure } from '../../src/taskpane/model/paneModel';
import { createBrowserHost } from '../../src/xlsx/browserHost';
import { WorkbookInputError } from '../../src/xlsx/workbookInputError';

/** The shared grid host, reporting fixed counts so the notices' words can be checked. */
class GridHost extends SharedGridHost {
  constructor(grid: WorkbookGrid) {
    super(grid, { restored: 3, cleared: 5 });
  }
}

function timers() {
  let now = 0;
  const queue: Array<{ at: number; fn: () => void; id: number }> = [];
  let id = 0;
  return {
    now: () => now,
    setTimer: (fn: () => void, ms: number) => {
      queue.push({ at: now + ms, fn, id: ++id });
      return id;
    },
    clearTimer: (h: unknown) => {
      const i = queue.findIndex((q) => q.id === h);
      if (i >= 0) queue.splice(i, 1);
    },
    advance(ms: number) {
      now += ms;
      for (const q of queue.filter((q) => q.at <= now)) {
        queue.splice(queue.indexOf(q), 1);
        q.fn();
      }
    },
    pending: () => queue.length,
  };
}

const flush = () => new Promise((r) => setImmediate(r));

describe('pane view model', () => {
  test('the sample reads 68,13/74 and 92,07% in Vietnamese, 68.13/74 and 92.07% in English', () => {
    const analysis = analyseAndPlan(buildSampleGrid());
    const vi = buildPaneView(analysis, 'vi');
    expect(vi.sheets[0].total.scoreOfMax).toBe('68,13/74');
    expect(vi.sheets[0].total.percent).toBe('92,07%');
    expect(vi.sheets[0].fields.map((f) => f.figure.scoreOfMax)).toEqual(['14,35/15', '5/5', '17,78/18,5', '6/6', '8/11', '7/7', '10/11,5']);
    expect(vi.sheets[0].fields[0].figure.percent).toBe('95,67%');
    const en = buildPaneView(analysis, 'en');
    expect(en.sheets[0].total.scoreOfMax).toBe('68.13/74');
    expect(en.sheets[0].total.percent).toBe('92.07%');
  });

  test('flags are grouped by kind with counts, errors first', () => {
    const view = buildPaneView(analyseAndPlan(buildSampleGrid()), 'vi', reportText);
    const groups = view.flagGroups.map((g) => [g.kind, g.count]);
    expect(groups).toEqual([
      ['off-tier', 1],
      ['missing-evidence', 2],
      ['hand-total-mismatch', 1],
      ['evidence-out-of-period', 1],
      ['text-number', 1],
      ['evidence-unparsed', 3],
    ]);
    expect(view.flagGroups[1].items.map((i) => i.cell)).toEqual(['F80', 'F104']);
    expect(view.flagGroups[1].label).toBe('Thiếu tài liệu kiểm chứng');
    // The 5 deliberate problems, the report dated 08/01/2024 and three evidence descriptions citing no document.
    expect(view.flagCount).toBe(9);
    expect(view.report).toContain('68,13 điểm/74 điểm, đạt 92,07%');
  });

  test('a field without a self-assessable maximum has no percent and no bar', () => {
    expect(scoreFigure(0, 0, 'vi')).toEqual({ score: '0', max: '0', scoreOfMax: '0/0', percent: '', ratio: null, group: null, groupText: '' });
    expect(scoreFigure(3_000_000, 2_000_000, 'vi').ratio).toBe(1);
  });
});

describe('PaneController', () => {
  test('first run reads once; "Tính lại điểm" is one read and one write, then no further read', async () => {
    const host = new GridHost(buildSampleGrid());
    const c = new PaneController(host, 'vi');
    await c.start();
    expect(host.reads).toBe(1);
    expect(c.getState().view!.sheets[0].total.scoreOfMax).toBe('68,13/74');
    await c.recalculate();
    expect(host.reads).toBe(2);
    expect(host.writes).toHaveLength(1);
    expect(host.writes[0].options.highlights).toBe(true);
    const s = c.getState();
    expect(s.canRevert).toBe(true);
    expect(s.notice).toMatch(/^Đã ghi \d+ ô công thức/);
    // The shown analysis is the written grid's: the wrong hand total is gone, totals unchanged.
    expect(s.view!.flagGroups.map((g) => g.kind)).not.toContain('hand-total-mismatch');
    expect(s.view!.sheets[0].total.scoreOfMax).toBe('68,13/74');
    c.dispose();
  });

  test('revert restores and re-reads; a second revert says there is nothing to revert', async () => {
    const host = new GridHost(buildSampleGrid());
    const c = new PaneController(host, 'vi');
    await c.start();
    await c.recalculate();
    await c.revert();
    expect(c.getState().notice).toBe(paneText('reverted', 'vi', { restored: 3 }));
    expect(c.getState().canRevert).toBe(false);
    expect(c.getState().view!.flagGroups.map((g) => g.kind)).toContain('hand-total-mismatch');
    await c.revert();
    expect(c.getState().error!.text).toBe('Chưa có lần ghi nào để hoàn tác.');
  });

  test('a pane opened on a workbook holding an earlier write offers to revert it', async () => {
    const host = new GridHost(buildSampleGrid());
    host.savedWrite = true; // the backup sheet of a write made before the pane was (re)opened
    const c = new PaneController(host, 'vi');
    await c.start();
    expect(c.getState().canRevert).toBe(true);
    await c.revert();
    expect(c.getState().canRevert).toBe(false);
    // and a plain workbook offers nothing
    const fresh = new PaneController(new GridHost(buildSampleGrid()), 'vi');
    await fresh.start();
    expect(fresh.getState().canRevert).toBe(false);
  });

  test('a host error becomes a plain-words message with the host text as details', async () => {
    const host = new GridHost(buildSampleGrid());
    host.failWrite = { code: 'sheet-protected', sheet: 'Phụ lục 1', detail: 'AccessDenied' };
    const c = new PaneController(host, 'vi');
    await c.start();
    await c.recalculate();
    const s = c.getState();
    expect(s.busy).toBe(false);
    expect(s.canRevert).toBe(false);
    expect(s.error!.text).toContain('Trang tính "Phụ lục 1" đang được bảo vệ');
    expect(s.error!.detail).toBe('AccessDenied');
    expect(describeError(new WorkbookInputError('legacy-xls', 'a.xls'), 'en').text).toContain('Excel 97-2003');
    expect(describeError(new Error('boom'), 'vi')).toEqual({ text: 'Đã xảy ra lỗi không mong đợi; bảng tính không bị thay đổi.', detail: 'boom' });
  });

  test("edits re-run after a quiet debounce; the pane's own write is ignored", async () => {
    const host = new GridHost(buildSampleGrid());
    const t = timers();
    const c = new PaneController(host, 'vi', { debounceMs: 800, ownWriteQuietMs: 1500, now: t.now, setTimer: t.setTimer, clearTimer: t.clearTimer });
    await c.start();
    expect(host.reads).toBe(1);
    host.listener!();
    t.advance(500);
    host.listener!();
    t.advance(500);
    expect(host.reads).toBe(1); // still typing
    t.advance(400);
    await flush();
    expect(host.reads).toBe(2);
    await c.recalculate(); // its change event fires during the write
    expect(host.reads).toBe(3);
    expect(t.pending()).toBe(0);
    t.advance(1000);
    host.listener!(); // an echo right after the write
    expect(t.pending()).toBe(0);
    t.advance(1000);
    host.listener!(); // a real edit later
    t.advance(800);
    await flush();
    expect(host.reads).toBe(4);
    c.dispose();
    expect(host.listener).toBeNull();
  });

  test("highlights off clears the tool's fills; the next write has none", async () => {
    const host = new GridHost(buildSampleGrid());
    const c = new PaneController(host, 'vi');
    await c.start();
    await c.setHighlights(false);
    expect(c.getState().notice).toBe('Đã bỏ tô màu 5 ô.');
    await c.recalculate();
    expect(host.writes[0].options.highlights).toBe(false);
    await c.setHighlights(true); // repaints, since a write was made
    expect(host.writes[1].options.highlights).toBe(true);
  });

  test('flag buttons select the cell; copy puts section II on the clipboard', async () => {
    const host = new GridHost(buildSampleGrid());
    const c = new PaneController(host, 'en');
    await c.start();
    await c.selectCell('Phụ lục 1', 'F80');
    expect(host.selected).toEqual(['Phụ lục 1!F80']);
    let copied = '';
    expect(await c.copyReport(async (t) => void (copied = t))).toBe(true);
    expect(copied).toContain('68.13 points/74 points, 92.07%');
    expect(await c.copyReport(async () => Promise.reject(new Error('denied')))).toBe(false);
    expect(c.getState().error!.text).toBe(paneText('copyFailed', 'en'));
  });

  test('"Báo cáo (.docx)" hands over the Word file, or copies the whole report where files cannot be saved', async () => {
    const c = new PaneController(new GridHost(buildSampleGrid()), 'vi');
    await c.start();
    const saved: Array<{ fileName: string; bytes: Uint8Array }> = [];
    let copied = '';
    await c.saveReport(
      (fileName, bytes) => saved.push({ fileName, bytes }),
      async (t) => void (copied = t),
    );
    expect(saved.map((x) => x.fileName)).toEqual(['bao-cao-tu-danh-gia-cchc-xa-thanh-xa-2023.docx']);
    expect(String.fromCharCode(saved[0].bytes[0], saved[0].bytes[1])).toBe('PK');
    expect(copied).toBe('');
    expect(c.getState().notice).toBe(paneText('reportSaved', 'vi', { file: 'bao-cao-tu-danh-gia-cchc-xa-thanh-xa-2023.docx' }));
    await c.saveReport(null, async (t) => void (copied = t));
    expect(copied).toMatch(/I\. TÌNH HÌNH TRIỂN KHAI[\s\S]*Tổng điểm tự đánh giá: 68,13 điểm\/74 điểm, đạt 92,07%[\s\S]*III\. KIẾN NGHỊ, ĐỀ XUẤT/);
    expect(c.getState().notice).toBe(paneText('reportCopied', 'vi'));
    // A renderer that fails still leaves the user with the text.
    const failing = new PaneController(new GridHost(buildSampleGrid()), 'vi', { renderDocx: () => Promise.reject(new Error('no zip')) });
    await failing.start();
    copied = '';
    await failing.saveReport(
      () => undefined,
      async (t) => void (copied = t),
    );
    expect(copied).toContain('68,13 điểm/74 điểm');
  });

  test('where a file can be saved: browser mode and Windows webviews yes, the macOS webview no', () => {
    const env = (userAgent: string, anchorDownload = true, msSaveBlob = false) => ({ userAgent, anchorDownload, msSaveBlob });
    const webView2 = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36 Edg/120.0.0.0';
    const wkWebView = 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko)';
    const safari = wkWebView + ' Version/17.0 Safari/605.1.15';
    expect(canSaveFiles('excel', env(webView2))).toBe(true);
    expect(canSaveFiles('excel', env(wkWebView))).toBe(false);
    expect(canSaveFiles('excel', env(safari))).toBe(true);
    expect(canSaveFiles('browser', env(wkWebView))).toBe(true);
    expect(canSaveFiles('excel', env('Mozilla/5.0 (Windows NT 10.0) Edge/18', false, true))).toBe(true);
    expect(canSaveFiles('excel', env(webView2, false))).toBe(false);
  });
});

describe('choosing the host and the language', () => {
  const win = (office: unknown, state: WindowLike['__cchcOfficeJs']): WindowLike => ({ Office: office as WindowLike['Office'], __cchcOfficeJs: state, setTimeout: (fn, ms) => setTimeout(fn, ms) });

  test('Excel when Office.onReady says Excel, with its display language', async () => {
    const office = { HostType: { Excel: 'Excel' }, context: { displayLanguage: 'en-US' }, onReady: () => Promise.resolve({ host: 'Excel', platform: 'PC' }) };
    const info = await detectOffice(win(office, 'loaded'), 1000);
    expect(info).toEqual({ host: 'excel', displayLanguage: 'en-US' });
    expect(chooseLang('', info, 'vi-VN')).toBe('en');
    expect(chooseLang('?lang=vi', info, 'en-US')).toBe('vi');
  });

  test('browser mode when office.js failed, when onReady gives no host, or when it never answers', async () => {
    expect(await detectOffice(win(undefined, 'failed'), 1000)).toEqual({ host: 'none' });
    expect(await detectOffice(win({ onReady: () => Promise.resolve({ host: null, platform: null }) }, 'loaded'), 1000)).toEqual({ host: 'none' });
    const started = Date.now();
    expect(await detectOffice(win({ onReady: () => new Promise(() => undefined) }, 'loaded'), 200)).toEqual({ host: 'none' });
    expect(Date.now() - started).toBeLessThan(1000);
    expect(chooseLang('', { host: 'none' }, 'vi')).toBe('vi');
    expect(chooseLang('', { host: 'none' }, 'fr-FR')).toBe('en');
    expect(langFromLocale(undefined)).toBe('vi');
  });
});

describe('browser host (in-memory ExcelJS workbook)', () => {
  test('sample: write, revert, highlights, download, selection preview', async () => {
    const host = await createBrowserHost();
    expect(host.isSample()).toBe(true);
    const grid = await host.readWorkbook();
    const analysis = analyseAndPlan(grid);
    expect(buildPaneView(analysis, 'vi').sheets[0].total.scoreOfMax).toBe('68,13/74');
    const report = await host.applyPlan(analysis.plan, { highlights: true });
    expect(report.written).toBe(analysis.plan.writes.length);
    expect(report.highlighted).toBeGreaterThan(0);
    const after = await host.readWorkbook();
    expect(after.sheets.map((s) => s.name)).toContain(analysis.plan.summary.name);
    const w = analysis.plan.writes[0];
    const sheet = after.sheets.find((s) => s.name === w.sheet)!;
    expect(sheet.rows[w.row]![w.col]!.formula).toBe(w.formula);
    // Re-analysing the written workbook changes nothing: same totals, no more hand-total flag.
    const again = analyseAndPlan(after);
    expect(again.total).toEqual(analysis.total);
    expect(await host.clearHighlights()).toBe(analysis.plan.highlights.length);
    const reverted = await host.revertLastWrite();
    expect(reverted.restored).toBeGreaterThan(0);
    expect(await host.readWorkbook()).toBe(grid);
    expect((await host.revertLastWrite()).restored).toBe(0);
    await host.selectCell('Phụ lục 1', 'F80');
    const preview = host.selection()!;
    expect(preview.address).toBe('F80');
    expect(preview.rows.map((r) => r.row)).toEqual([78, 79, 80, 81, 82]);
    const file = await host.downloadAnnotated();
    expect(file.fileName).toMatch(/-da-cham\.xlsx$/);
    expect(file.bytes[0]).toBe(0x50); // "PK"
  }, 60000);

  test("a file that is not an .xlsx is refused with the gateway's message", async () => {
    const host = await createBrowserHost();
    await expect(host.openFile(new TextEncoder().encode('hello'), 'notes.xlsx')).rejects.toBeInstanceOf(WorkbookInputError);
    expect(host.isSample()).toBe(true);
  }, 60000);
});
