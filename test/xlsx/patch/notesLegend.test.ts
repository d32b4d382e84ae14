import { sampleWorkbookBytes } from '../../../src/xlsx/gridToWorkbook';
import { patchWorkbook } from '../../../src/xlsx/patch/patchPackage';
import { NOTE_AUTHOR } from '../../../src/xlsx/patch/notesPart';
import { HIGHLIGHT_COLORS, HIGHLIGHT_ORDER, SUMMARY_SHEET_NAME } from '../../../src/core/plan';
import { flagKindText } from '../../../src/core/messages';
import { excelJsRichBytes } from './richWorkbooks';
import { partsOf, runPipeline } from './patchHelpers';

/**
 * Highlights that explain themselves (issue 13 item 3), in the annotated copy: every flagged cell is
 * highlighted and carries a legacy note (comments part + VML drawing the tool adds), the summary sheet
 * shows each flag's kind in Vietnamese and a legend of the colours.
 */

const text = (b: Uint8Array | undefined) => new TextDecoder().decode(b);

/** A relationship target of a part in xl/worksheets/, as a part name. */
const fromSheet = (target: string) => (target.charAt(0) === '/' ? target.slice(1) : 'xl/' + target.replace(/^\.\.\//, ''));

function sheetPartOf(parts: Map<string, Uint8Array>, name: string): string {
  const wb = text(parts.get('xl/workbook.xml'));
  const rels = text(parts.get('xl/_rels/workbook.xml.rels'));
  const id = new RegExp('<sheet [^>]*name="' + name + '"[^>]*r:id="(rId\\d+)"').exec(wb)![1];
  const target = new RegExp('Id="' + id + '"[^>]*Target="([^"]+)"').exec(rels) || new RegExp('Target="([^"]+)"[^>]*Id="' + id + '"').exec(rels);
  return 'xl/' + target![1].replace(/^\/?xl\//, '');
}

/** Inline-string texts of a worksheet part by cell reference. */
function inlineTexts(xml: string): Map<string, string> {
  const out = new Map<string, string>();
  const rx = /<c r="([A-Z]+\d+)"[^>]*t="inlineStr"><is><t[^>]*>([^<]*)<\/t>/g;
  for (let m = rx.exec(xml); m; m = rx.exec(xml))
    out.set(
      m[1],
      m[2]
        .replace(/&quot;/g, '"')
        .replace(/&amp;/g, '&')
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>'),
    );
  return out;
}

test("the sample's annotated copy: nine flags, nine highlighted cells, each with a note; kinds in Vietnamese; a legend", async () => {
  const run = await runPipeline(await sampleWorkbookBytes(), 'mau.xlsx');
  const flagged = run.analysis.flags.filter((f) => f.cell);
  expect(flagged.length).toBe(9);
  expect(run.plan.highlights.map((h) => h.address).sort()).toEqual(flagged.map((f) => f.cell).sort());
  const parts = await partsOf(run.output);
  const sheetPart = sheetPartOf(parts, 'Phụ lục 1');
  const sheetXml = text(parts.get(sheetPart));
  expect(sheetXml).toMatch(/<legacyDrawing [^>]*r:id="rId\d+"\/>/);
  // The comments part, through the sheet's relationships.
  const rels = text(parts.get(sheetPart.replace('worksheets/', 'worksheets/_rels/') + '.rels'));
  const commentsTarget = /Type="[^"]*\/comments" Target="([^"]+)"/.exec(rels)![1];
  const comments = text(parts.get(fromSheet(commentsTarget)));
  expect(comments).toContain('<author>' + NOTE_AUTHOR + '</author>');
  const refs = Array.from(comments.matchAll(/<comment ref="([A-Z]+\d+)"/g)).map((m) => m[1]);
  expect(refs.sort()).toEqual(run.plan.highlights.map((h) => h.address).sort());
  for (const h of run.plan.highlights) expect(comments).toContain(h.note.split('\n')[0].replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;'));
  const vmlTarget = /Type="[^"]*\/vmlDrawing" Target="([^"]+)"/.exec(rels)![1];
  const vml = text(parts.get(fromSheet(vmlTarget)));
  expect((vml.match(/ObjectType="Note"/g) || []).length).toBe(9);
  const types = text(parts.get('[Content_Types].xml'));
  expect(types).toContain('PartName="/' + fromSheet(commentsTarget) + '" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml"');
  expect(types).toContain('PartName="/' + fromSheet(vmlTarget) + '" ContentType="application/vnd.openxmlformats-officedocument.vmlDrawing"');
  // Every highlighted cell carries a fill.
  for (const h of run.plan.highlights) expect(sheetXml).toMatch(new RegExp('<c r="' + h.address + '" s="\\d+"'));

  // The summary: kinds in Vietnamese, no codes; the legend with one swatch per colour.
  const summary = text(parts.get(sheetPartOf(parts, SUMMARY_SHEET_NAME)));
  const cells = Array.from(inlineTexts(summary).values());
  for (const code of ['missing-evidence', 'off-tier', 'hand-total-mismatch', 'evidence-unparsed', 'text-number']) expect(cells).not.toContain(code);
  expect(cells).toContain(flagKindText('missing-evidence', 'vi'));
  expect(cells).toContain('Tổng ghi tay sai');
  expect(cells).toContain('CHÚ THÍCH MÀU TÔ');
  const styles = text(parts.get('xl/styles.xml'));
  for (const group of HIGHLIGHT_ORDER) expect(styles).toContain('<fgColor rgb="FF' + HIGHLIGHT_COLORS[group] + '"/>');
});

test('a copy scored again: the tool rewrites its own notes, one comments part still', async () => {
  const first = await runPipeline(await sampleWorkbookBytes(), 'mau.xlsx');
  const second = await runPipeline(first.output, 'mau-da-cham.xlsx');
  const parts = await partsOf(second.output);
  const names = Array.from(parts.keys());
  expect(names.filter((n) => /comments\d*\.xml$/.test(n)).length).toBe(1);
  expect(names.filter((n) => /vmlDrawing\d*\.vml$/.test(n)).length).toBe(1);
  const comments = text(parts.get(names.filter((n) => /comments\d*\.xml$/.test(n))[0]));
  expect((comments.match(/<comment ref=/g) || []).length).toBe(second.plan.highlights.length);
  const sheetXml = text(parts.get(sheetPartOf(parts, 'Phụ lục 1')));
  expect((sheetXml.match(/<legacyDrawing /g) || []).length).toBe(1);
});

test("a sheet with the user's own notes keeps them byte for byte and gets none from the tool; the result says so", async () => {
  const input = await excelJsRichBytes();
  const before = await partsOf(input);
  const theirs = Array.from(before.keys()).filter((n) => /comments/.test(n));
  expect(theirs.length).toBeGreaterThan(0);
  const { analyseWorkbook } = await import('../../../src/core/analyse');
  const { readGridFromXlsxBytes } = await import('../../../src/xlsx/read/readGrid');
  const { planWorkbook } = await import('../../../src/core/plan');
  const grid = await readGridFromXlsxBytes(input, 'x.xlsx');
  const plan = planWorkbook(analyseWorkbook(grid), grid, 'vi');
  const patched = await patchWorkbook(input, plan, { fileName: 'x.xlsx' });
  const after = await partsOf(patched.bytes);
  for (const n of theirs) expect(Buffer.compare(Buffer.from(after.get(n)!), Buffer.from(before.get(n)!))).toBe(0);
  expect(patched.notesSkipped.length).toBeGreaterThan(0);
});

test('print-ready: the summary part is A4, fit to one page wide, paged in its footer; its header row is its print titles', async () => {
  const run = await runPipeline(await sampleWorkbookBytes(), 'mau.xlsx');
  const parts = await partsOf(run.output);
  const summary = text(parts.get(sheetPartOf(parts, SUMMARY_SHEET_NAME)));
  expect(summary).toContain('<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>');
  expect(summary).toContain('<pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"/>');
  expect(summary).toContain('<oddFooter>&amp;CTrang &amp;P / &amp;N</oddFooter>');
  expect(summary).toContain('<oddHeader>&amp;LTổng hợp điểm&amp;RNgày in: &amp;D</oddHeader>');
  // The title block: commune, year and the day the scores were computed.
  expect(Array.from(inlineTexts(summary).values()).filter((v) => /xã Thanh Xá/.test(v) && /Năm đánh giá: 2023/.test(v) && /Ngày tính điểm: \d\d\/\d\d\/\d{4}/.test(v)).length).toBe(1);
  const wb = text(parts.get('xl/workbook.xml'));
  const titles = wb.match(/<definedName name="_xlnm\.Print_Titles"[^>]*>[^<]*<\/definedName>/g) || [];
  const ours = titles.filter((t) => t.indexOf('Tổng hợp điểm') >= 0);
  expect(ours.length).toBe(1);
  const headerRow = run.plan.summary.rows.findIndex((r) => r.length >= 3 && r.every((c) => c.kind === 'text' && c.bold));
  expect(ours[0]).toContain("'Tổng hợp điểm'!$" + (headerRow + 1) + ':$' + (headerRow + 1));
  // Its sheet's position in <sheets>: the last, after the official's two.
  expect(ours[0]).toContain('localSheetId="2"');
  // The official's own sheets print as they did: their print titles unchanged, no page setup added to them.
  expect(titles.filter((t) => t.indexOf('Tổng hợp điểm') < 0).length).toBe(2);
  expect(text(parts.get(sheetPartOf(parts, 'Phụ lục 1')))).not.toContain('Trang &amp;P');
});

test('a copy scored again with nothing left to highlight: the tool removes its notes, the sheet relationships are as before', async () => {
  const input = await sampleWorkbookBytes();
  const first = await runPipeline(input, 'mau.xlsx');
  const plan = { ...first.plan, highlights: [] };
  const again = await patchWorkbook(first.output, plan, { fileName: 'mau-da-cham.xlsx' });
  const parts = await partsOf(again.bytes);
  const original = await partsOf(input);
  expect(Array.from(parts.keys()).filter((n) => /comments\d*\.xml$|vmlDrawing\d*\.vml$/.test(n))).toEqual([]);
  const sheetPart = sheetPartOf(parts, 'Phụ lục 1');
  expect(text(parts.get(sheetPart))).not.toContain('legacyDrawing');
  const relsName = sheetPart.replace('worksheets/', 'worksheets/_rels/') + '.rels';
  expect(text(parts.get(relsName))).toBe(text(original.get(relsName)));
  expect(text(parts.get('[Content_Types].xml'))).not.toMatch(/comments\d+\.xml|vmlDrawing\d+\.vml/);
  expect(again.notesSkipped).toEqual([]);
});
