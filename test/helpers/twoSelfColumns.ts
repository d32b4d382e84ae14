import { WorkbookGrid } from '../../src/core/grid';

/**
 * A sheet with two self-score columns nothing tells apart (same header, no year, no typed subtotals):
 * D gives 1 + 1 = 2/2, E (the one inferred, the rightmost) 0,5 + 1 = 1,5/2. Shared by the pane's,
 * the gateway's, the ribbon's and the end-to-end tests of the choice of columns.
 */
export const TWO_SELF_COLUMNS_SHEET = 'Bảng điểm';

export const TWO_SELF_COLUMNS_ROWS: Array<Array<string | number | null>> = [
  ['BẢNG TỰ ĐÁNH GIÁ CHỈ SỐ CCHC NĂM 2023'],
  ['Mã', 'Nội dung', 'Điểm tối đa', 'Điểm tự đánh giá', 'Điểm tự đánh giá', 'Tài liệu kiểm chứng'],
  ['1', 'Lĩnh vực A', 2, null, null, null],
  ['1.1', 'Tiêu chí a', 1, 1, 0.5, 'Kế hoạch số 12/KH-UBND ngày 05/01/2023'],
  ['1.2', 'Tiêu chí b', 1, 1, 1, 'Quyết định số 45/QĐ-UBND ngày 20/3/2023'],
];

/** The rows as grid cells (what hosts hand the core, and the Office fake's initial sheet). */
export function twoSelfColumnsRows(): Array<Array<{ value: string | number } | null>> {
  return TWO_SELF_COLUMNS_ROWS.map((r) => r.map((v) => (v === null ? null : { value: v })));
}

export function twoSelfColumns(): WorkbookGrid {
  return { sheets: [{ name: TWO_SELF_COLUMNS_SHEET, rows: twoSelfColumnsRows() }] };
}
