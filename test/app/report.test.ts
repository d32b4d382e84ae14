import { deliverReport } from '../../src/app/report';
import { analyseWorkbook } from '../../src/core/analyse';
import * as builder from '../../src/core/report/selfAssessmentReport';
import { buildSampleGrid } from '../../src/core/sample/thanhXa2023';

/** "Báo cáo (.docx)" (src/app/report.ts): a Word file where the page can save one, else the text on the clipboard. */

describe('delivering the self-assessment report', () => {
  const analysis = analyseWorkbook(buildSampleGrid());
  const docx = () => Promise.resolve(new Uint8Array([0x50, 0x4b]));

  test('a page that saves files gets the Word file and nothing is copied', async () => {
    const saved: string[] = [];
    const copied: string[] = [];
    const d = await deliverReport(analysis, 'vi', builder, { save: (name) => saved.push(name), renderDocx: docx, copy: async (t) => void copied.push(t) });
    expect(d).toEqual({ kind: 'saved', fileName: 'bao-cao-tu-danh-gia-cchc-xa-thanh-xa-2023.docx' });
    expect(saved).toEqual([d.kind === 'saved' ? d.fileName : '']);
    expect(copied).toEqual([]);
  });

  test('no file here: the text is copied at once, within the click (before any await)', async () => {
    const copied: string[] = [];
    const renderDocx = jest.fn(docx);
    const p = deliverReport(analysis, 'vi', builder, { save: null, renderDocx, copy: async (t) => void copied.push(t) });
    expect(copied).toHaveLength(1); // synchronously
    expect(await p).toEqual({ kind: 'copied' });
    expect(renderDocx).not.toHaveBeenCalled();
    expect(copied[0]).toMatch(/Tổng điểm tự đánh giá: 68,13 điểm\/74 điểm, đạt 92,07%/);
  });

  test('a Word file that cannot be made or saved: the text still reaches the user; a failed copy is said', async () => {
    const copied: string[] = [];
    const copy = async (t: string) => void copied.push(t);
    expect(await deliverReport(analysis, 'en', builder, { save: () => undefined, renderDocx: () => Promise.reject(new Error('no zip')), copy })).toEqual({ kind: 'copied' });
    expect(
      await deliverReport(analysis, 'en', builder, {
        save: () => {
          throw new Error('blocked');
        },
        renderDocx: docx,
        copy,
      }),
    ).toEqual({ kind: 'copied' });
    expect(copied).toHaveLength(2);
    expect(await deliverReport(analysis, 'en', builder, { save: null, renderDocx: docx, copy: () => Promise.reject(new Error('denied')) })).toEqual({ kind: 'copy-failed' });
  });
});
