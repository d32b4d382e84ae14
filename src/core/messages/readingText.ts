import { Lang } from '../number/format';
import type { ColumnRole } from '../recognise/header';
import type { RoleReason } from '../recognise/reading';

/**
 * The words of the pane's "Cách đọc bảng" pickers, Vietnamese first and English. Kept apart from
 * paneText.ts (which holds the section's heading, badges and the store's failures) because they load
 * with the pickers, in their own chunk, off the pane's first load. Templates take {name} placeholders.
 */
type Template = { vi: string; en: string };

export const READING_TEXT = {
  introExcel: {
    vi: 'Cột của từng vai trò được nhận theo tiêu đề và nội dung cột. Nếu sai, chọn lại: điểm được chấm lại ngay; lựa chọn được lưu trong sổ làm việc và nút "Tính lại điểm" trên dải băng cũng dùng.',
    en: 'Each role\'s column is found from the headers and what the columns hold. If one is wrong, choose another: the scores are checked again at once; the choice is kept in the workbook and the ribbon button "Recalculate scores" uses it too.',
  },
  introBrowser: {
    vi: 'Cột của từng vai trò được nhận theo tiêu đề và nội dung cột. Nếu sai, chọn lại: điểm được chấm lại ngay và bản tải xuống cũng dùng lựa chọn này.',
    en: "Each role's column is found from the headers and what the columns hold. If one is wrong, choose another: the scores are checked again at once and the download uses the choice too.",
  },
  table: { vi: 'Trang "{sheet}"', en: 'Sheet "{sheet}"' },
  tableIndex: { vi: 'Trang "{sheet}", bảng {index}', en: 'Sheet "{sheet}", table {index}' },
  sheetWide: {
    vi: 'Trang này có {count} bảng: cột chọn ở một bảng áp dụng cho mọi bảng của trang.',
    en: 'This sheet holds {count} tables: a column chosen in one applies to every table of the sheet.',
  },
  columnOption: { vi: '{letter} — {label}', en: '{letter} — {label}' },
  hidden: { vi: ' (ẩn)', en: ' (hidden)' },
  none: { vi: 'Không có', en: 'None' },
  reset: { vi: 'Đặt lại', en: 'Reset' },
  resetHint: {
    vi: 'Bỏ các cột đã chọn của trang "{sheet}", để công cụ tự nhận lại',
    en: 'Forget the columns chosen for sheet "{sheet}" and let the tool find them again',
  },
  why: { vi: 'Vì sao: {reason}', en: 'Why: {reason}' },
  unsureBadge: { vi: 'Chưa chắc', en: 'Unsure' },
  noColumn: { vi: 'không thấy cột nào có tiêu đề này', en: 'no column has such a header' },
  userNone: { vi: 'bạn chọn: bảng không có cột này', en: 'chosen by you: the table has no such column' },
  lost: {
    vi: 'Với các cột đã chọn, trang này không còn bảng chấm điểm nào đọc được. Bấm "Đặt lại" để công cụ tự nhận cột.',
    en: 'With the columns chosen, no scoring table can be read in this sheet. Click "Reset" to let the tool find the columns.',
  },
};

export type ReadingTextKey = keyof typeof READING_TEXT;

/** Roles, short as a picker's label. */
const ROLE_LABELS: { [role in ColumnRole]: Template } = {
  code: { vi: 'Mã tiêu chí', en: 'Criterion code' },
  name: { vi: 'Nội dung tiêu chí', en: 'Criterion' },
  max: { vi: 'Điểm tối đa', en: 'Maximum' },
  self: { vi: 'Điểm tự đánh giá', en: 'Self-score' },
  appraised: { vi: 'Điểm thẩm định', en: 'Appraised score' },
  evidence: { vi: 'Tài liệu kiểm chứng', en: 'Evidence' },
  guidance: { vi: 'Hướng dẫn chấm', en: 'Scoring guidance' },
  note: { vi: 'Ghi chú, giải trình', en: 'Notes' },
  percent: { vi: 'Tỷ lệ tự đánh giá', en: 'Self-score percentage' },
  appraisedPercent: { vi: 'Tỷ lệ thẩm định', en: 'Appraised percentage' },
};

/** Why a column was given its role, in the pane's short words. */
const REASON_LABELS: { [reason in RoleReason]: Template } = {
  user: { vi: 'do bạn chọn', en: 'chosen by you' },
  header: { vi: 'tiêu đề cột ghi đúng vai trò này', en: 'its header names this role' },
  year: { vi: 'tiêu đề cột ghi năm đánh giá, cột kia ghi năm khác', en: 'its header names the assessment year, the other column another year' },
  visible: { vi: 'các cột khác cùng loại đang bị ẩn', en: 'the other candidate columns are hidden' },
  wording: { vi: 'lời tiêu đề hợp hơn (tự đánh giá hơn thẩm định, của xã hơn của huyện)', en: 'its header fits better (self over appraised, the commune over the district)' },
  content: { vi: 'theo nội dung cột (mã phân cấp, điểm không vượt tối đa)', en: 'from what the column holds (hierarchical codes, scores within the maxima)' },
  position: { vi: 'không phân biệt được các cột: đang lấy cột bên phải nhất, hãy kiểm tra', en: 'nothing told the columns apart: the rightmost is used, please check' },
};

// Its own small filler rather than hostText: a module shared with the pane's first load would keep
// that module out of the pane's scope-hoisted bundle.
function fill(template: string, params?: { [name: string]: string | number }): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, function (whole: string, name: string): string {
    return Object.prototype.hasOwnProperty.call(params, name) ? String(params[name]) : whole;
  });
}

export function readingText(key: ReadingTextKey, lang: Lang, params?: { [name: string]: string | number }): string {
  return fill(READING_TEXT[key][lang], params);
}

export function roleLabel(role: ColumnRole, lang: Lang): string {
  return ROLE_LABELS[role][lang];
}

export function reasonLabel(reason: RoleReason, lang: Lang): string {
  return REASON_LABELS[reason] ? REASON_LABELS[reason][lang] : reason;
}
