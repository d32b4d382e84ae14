import { buildSampleGrid } from '../../../src/core/sample/thanhXa2023';
import { analyseWorkbook } from '../../../src/core/analyse';
import { escapeAmpersands, headerFooterText, planWorkbook, printLayout, SummaryCell, SummarySheet, titleRowsReference } from '../../../src/core/plan';
import { HIGHLIGHT_COLORS, HIGHLIGHT_ORDER } from '../../../src/core/plan';

/** How a tool sheet prints (issue 13 item 2) and what its legend says (item 3), decided by the core for every writer. */

const bold = (text: string): SummaryCell => ({ kind: 'text', text, bold: true });

test("the sample's summary: landscape (180 characters of columns), its score table's header row repeated, Vietnamese footer", () => {
  const grid = buildSampleGrid();
  const plan = planWorkbook(analyseWorkbook(grid), grid, 'vi', new Date(2024, 0, 15));
  const layout = printLayout(plan.summary);
  expect(layout).toMatchObject({ orientation: 'landscape', columns: 8, width: 180 });
  const header = plan.summary.rows[layout.titleRows!.first];
  expect(header.map((c) => (c.kind === 'text' ? c.text : ''))).toEqual(['Phụ lục', 'Mã', 'Lĩnh vực', 'Điểm tối đa', 'Tự đánh giá', 'Tỷ lệ tự đánh giá', 'Thẩm định', 'Tỷ lệ thẩm định']);
  expect(layout.titleRows!.last).toBe(layout.titleRows!.first);
  expect(headerFooterText(layout.footer)).toBe('&CTrang &P / &N');
  expect(headerFooterText(layout.header)).toBe('&LTổng hợp điểm&RNgày in: &D');
  // The title block: commune, year, the day given.
  const texts = plan.summary.rows.map((r) => r.map((c) => (c.kind === 'number' ? '' : c.text)).join(' '));
  expect(texts).toContain('Đơn vị: xã Thanh Xá   Năm đánh giá: 2023   Ngày tính điểm: 15/01/2024');
  // The legend: one swatch per colour, beside its meaning, the most serious first.
  const swatches = plan.summary.rows.filter((r) => r[0] && r[0].kind === 'text' && r[0].fill);
  expect(swatches.map((r) => (r[0] as { fill: string }).fill)).toEqual(HIGHLIGHT_ORDER.map((k) => HIGHLIGHT_COLORS[k]));
  for (const r of swatches) expect(r[1].kind === 'text' && r[1].text.length).toBeGreaterThan(10);
  // Kinds in words: no code in the "Loại" column.
  expect(texts.join('\n')).not.toMatch(/missing-evidence|off-tier|hand-total-mismatch|evidence-unparsed|text-number/);
});

test('orientation by width: up to 90 characters portrait, wider landscape; a used column without a width counts 8.43', () => {
  const sheet = (widths: number[], columns: number): SummarySheet => ({ name: 'S', columnWidths: widths, rows: [Array.from({ length: columns }, (_, i) => bold('h' + i))] });
  expect(printLayout(sheet([30, 30, 30], 3)).orientation).toBe('portrait');
  expect(printLayout(sheet([30, 30, 31], 3)).orientation).toBe('landscape');
  // Widths of columns no row uses do not count.
  expect(printLayout(sheet([30, 30, 30, 60], 3)).orientation).toBe('portrait');
  expect(printLayout(sheet([40, 40], 3)).width).toBeCloseTo(88.43, 5);
});

test('title rows: the first run of header rows (three or more bold text cells); none for a sheet without one', () => {
  const rows: SummaryCell[][] = [
    [bold('TITLE')],
    [],
    [bold(''), bold('Group'), bold('')],
    [bold('STT'), bold('Xã'), bold('Tổng')],
    [
      { kind: 'number', value: 1 },
      { kind: 'text', text: 'a' },
      { kind: 'number', value: 2 },
    ],
    [bold('X'), bold('Y'), bold('Z')],
  ];
  const layout = printLayout({ name: 'S', rows, columnWidths: [] });
  expect(layout.titleRows).toEqual({ first: 2, last: 3 });
  expect(titleRowsReference(layout.titleRows!)).toBe('$3:$4');
  expect(printLayout({ name: 'S', rows: [[bold('only a title')]], columnWidths: [] }).titleRows).toBeNull();
  // A sheet name with "&" is text in a header, not a code.
  expect(escapeAmpersands('A&B')).toBe('A&&B');
  expect(headerFooterText(printLayout({ name: 'A&B', rows, columnWidths: [] }).header)).toBe('&LA&&B&RNgày in: &D');
});
