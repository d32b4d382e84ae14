import JSZip from 'jszip';
import { ChosenFile, ConsolidateOptions, ConsolidationEngine, ConsolidationSession, CONSOLIDATION_FILE_NAME } from '../../src/app/consolidationSession';
import { consolidationSheets } from '../../src/core/consolidate/consolidate';
import { consolidationView } from '../../src/taskpane/components/Consolidation/consolidationView';
import { ConsolidationView } from '../../src/taskpane/components/Consolidation/Consolidation.types';
import { consolidateFiles, summarySheetsToXlsx } from '../../src/xlsx/consolidateFiles';
import { communeWorkbookBytes, corruptWorkbookBytes } from '../xlsx/fixtures/communes';

/**
 * The consolidation use case as the pane's section drives it, on real workbook bytes and the real
 * consolidation code: progress file by file, ranking, regrouping, cancel, download and write.
 */

interface Message {
  text: string;
}

const realEngine: ConsolidationEngine<ConsolidationView> = {
  consolidateFiles: (files, options) => consolidateFiles(files, options),
  consolidationSheets,
  summarySheetsToXlsx,
  consolidationView,
};

/** A file the browser hands over: its bytes are read when the session asks. */
interface FakeFile {
  name: string;
  bytes: Uint8Array;
}

function session(
  extra: {
    engine?: ConsolidationEngine<ConsolidationView>;
    addSheets?: (s: unknown[]) => Promise<string[]>;
    saveBytes?: (n: string, b: Uint8Array) => void;
    readFile?: (f: { name: string }) => Promise<Uint8Array>;
  } = {},
) {
  const states: Array<ReturnType<ConsolidationSession<ConsolidationView, Message>['getState']>> = [];
  const s = new ConsolidationSession<ConsolidationView, Message>({
    lang: 'vi',
    loadEngine: async () => extra.engine || realEngine,
    addSheets: extra.addSheets as never,
    saveBytes: extra.saveBytes,
    readFile: extra.readFile || (async (f) => (f as FakeFile).bytes),
    describeError: (error) => ({ text: 'Lỗi: ' + (error instanceof Error ? error.message : String(error)) }),
    downloadedNotice: (file) => 'Đã tải ' + file,
    writtenNotice: (names) => 'Đã ghi ' + names.join(', '),
  });
  s.subscribe(() => states.push(s.getState()));
  return { s, states };
}

let files: FakeFile[];

beforeAll(async () => {
  files = [
    { name: 'an-binh.xlsx', bytes: await communeWorkbookBytes({ commune: 'An Bình', self: '70', appraised: '66,6' }) },
    { name: 'hong.xlsx', bytes: await corruptWorkbookBytes() },
    { name: 'dong-lac.xlsx', bytes: await communeWorkbookBytes({ commune: 'Đồng Lạc', self: '60', appraised: '51,79' }) },
  ];
});

test('reads the files with progress, then shows the ranking and the damaged file', async () => {
  const { s, states } = session();
  await s.choose(files);
  const reading = states.filter((st) => st.phase === 'reading');
  expect(reading[0]).toMatchObject({ done: 0, total: 3, current: 'an-binh.xlsx' });
  expect(reading.map((st) => st.current)).toEqual(['an-binh.xlsx', 'hong.xlsx', 'dong-lac.xlsx', '']);
  const end = s.getState();
  expect(end.phase).toBe('done');
  expect(end.view!.rows.map((r) => r.commune)).toEqual(['xã An Bình', 'xã Đồng Lạc']);
  expect(end.view!.rows.map((r) => r.groupLabel)).toEqual(['A', 'Dưới 70%']);
  expect(end.view!.failed.map((f) => f.fileName)).toEqual(['hong.xlsx']);
  expect(s.busy).toBe(false);
});

test('ranks again with other thresholds, and they carry over to the next files chosen', async () => {
  const { s } = session();
  await s.choose(files);
  await s.regroup({ a: 95, b: 85, c: 80 });
  expect(s.getState().view!.rows.map((r) => r.groupLabel)).toEqual(['B', 'Dưới 80%']);
  await s.choose(files.slice(0, 1));
  expect(s.getState().view!.groups).toEqual({ a: 95, b: 85, c: 80 });
  expect(s.getState().view!.rows.map((r) => r.groupLabel)).toEqual(['B']);
});

test('cancel stops the reading after the current file and ignores its result', async () => {
  let read = 0;
  let cancelNow: () => void = () => undefined;
  const counting: ConsolidationEngine<ConsolidationView> = {
    ...realEngine,
    consolidateFiles: (list: ChosenFile[], options: ConsolidateOptions) =>
      consolidateFiles(list, {
        ...options,
        onProgress: (done, total, name) => {
          read = done;
          if (done === 1) cancelNow();
          options.onProgress!(done, total, name);
        },
      }),
  };
  const { s, states } = session({ engine: counting });
  cancelNow = () => s.cancel();
  await s.choose(files);
  expect(read).toBe(1); // the other two files were never read
  expect(s.getState()).toMatchObject({ phase: 'idle', view: null, error: null });
  expect(states.some((st) => st.phase === 'done')).toBe(false);
});

test('a newer choice replaces a run still reading: the older result never shows', async () => {
  let release: () => void = () => undefined;
  const gate = new Promise<void>((r) => (release = r));
  const slowFirst: ConsolidationEngine<ConsolidationView> = {
    ...realEngine,
    consolidateFiles: async (list, options) => {
      if (list.length === 3) await gate;
      return consolidateFiles(list, options);
    },
  };
  const { s, states } = session({ engine: slowFirst });
  const first = s.choose(files);
  await new Promise((r) => setTimeout(r, 0));
  await s.choose(files.slice(2));
  release();
  await first;
  const shown = states.filter((st) => st.phase === 'done').map((st) => st.view!.rows.map((r) => r.commune));
  expect(shown).toEqual([['xã Đồng Lạc']]);
  expect(s.getState().view!.rows.map((r) => r.commune)).toEqual(['xã Đồng Lạc']);
});

test('download hands over TONG-HOP.xlsx with the ranking sheets', async () => {
  const saved: Array<{ name: string; bytes: Uint8Array }> = [];
  const { s } = session({ saveBytes: (name, bytes) => saved.push({ name, bytes }) });
  expect(s.canDownload).toBe(true);
  expect(s.canWrite).toBe(false);
  await s.choose(files);
  await s.download();
  expect(saved.map((f) => f.name)).toEqual([CONSOLIDATION_FILE_NAME]);
  const zip = await JSZip.loadAsync(saved[0].bytes);
  const workbook = await zip.file('xl/workbook.xml')!.async('string');
  expect(workbook).toContain('Tổng hợp');
  expect(s.getState()).toMatchObject({ saving: false, notice: 'Đã tải TONG-HOP.xlsx', error: null });
});

test('writing into Excel adds the sheets and says their names; a failure keeps the ranking and says why', async () => {
  const added: unknown[][] = [];
  let fail = false;
  const { s } = session({
    addSheets: async (sheets) => {
      if (fail) throw new Error('Trang tính đang được bảo vệ');
      added.push(sheets);
      return ['Tổng hợp xếp hạng', 'Tổng hợp lỗi'];
    },
  });
  expect(s.canWrite).toBe(true);
  await s.choose(files);
  await s.writeToWorkbook();
  expect(added).toHaveLength(1);
  expect(s.getState().notice).toBe('Đã ghi Tổng hợp xếp hạng, Tổng hợp lỗi');
  fail = true;
  await s.writeToWorkbook();
  expect(s.getState()).toMatchObject({ saving: false, notice: null, error: { text: 'Lỗi: Trang tính đang được bảo vệ' } });
  expect(s.getState().view!.rows).toHaveLength(2);
  s.dismiss();
  expect(s.getState().error).toBeNull();
});

test('a file that cannot be read is said once, and nothing is ranked', async () => {
  const { s } = session({
    readFile: async (f) => {
      if (f.name === 'hong.xlsx') throw new Error('NotReadableError');
      return (f as FakeFile).bytes;
    },
  });
  await s.choose(files);
  expect(s.getState()).toMatchObject({ phase: 'idle', view: null, error: { text: 'Lỗi: NotReadableError' } });
});

test('a failing chunk load says why and a later choice can try again', async () => {
  let attempts = 0;
  const s = new ConsolidationSession<ConsolidationView, Message>({
    lang: 'vi',
    loadEngine: async () => {
      attempts++;
      if (attempts === 1) throw new Error('ChunkLoadError');
      return realEngine;
    },
    readFile: async (f) => (f as FakeFile).bytes,
    describeError: (error) => ({ text: String((error as Error).message) }),
    downloadedNotice: () => '',
    writtenNotice: () => '',
  });
  await s.choose(files.slice(0, 1));
  expect(s.getState()).toMatchObject({ phase: 'idle', error: { text: 'ChunkLoadError' } });
  await s.choose(files.slice(0, 1));
  expect(s.getState().phase).toBe('done');
});
