import { FlagKind } from '../check/flag';
import { Lang } from '../number/format';
import { hostText } from './hostMessages';

/**
 * Every string of the task pane (and of its standalone browser page), Vietnamese first and
 * English. Flag sentences come from catalogue.ts (flagMessage); this file holds the pane's own
 * words. Templates take {name} placeholders. ES5-safe: the light pane for IE11 may use it too.
 */
type Template = { vi: string; en: string };

export const PANE_TEXT = {
  appTitle: { vi: 'Chấm điểm Chỉ số CCHC', en: 'Administrative Reform Index scoring' },
  standaloneNote: {
    vi: 'Chế độ trình duyệt: tệp được xử lý ngay trên máy này, không gửi đi đâu.',
    en: 'Browser mode: the file is processed on this computer and is not sent anywhere.',
  },
  sampleLoaded: { vi: 'Đang xem tệp mẫu: {file}', en: 'Showing the sample workbook: {file}' },
  fileLoaded: { vi: 'Đang xem tệp: {file}', en: 'Showing the file: {file}' },
  openFile: { vi: 'Mở tệp .xlsx…', en: 'Open an .xlsx file…' },
  openFileHint: { vi: 'Chọn tệp Phụ lục 1, 2 (.xlsx) để chấm điểm', en: 'Choose the Appendix 1 and 2 workbook (.xlsx) to score' },
  useSample: { vi: 'Dùng tệp mẫu', en: 'Use the sample' },
  download: { vi: 'Tải xuống', en: 'Download' },
  downloadHint: {
    vi: 'Tải bản sao có công thức tổng, tỷ lệ, trang "Tổng hợp điểm" và tô màu',
    en: 'Download a copy with total formulas, percentages, the summary sheet and highlights',
  },
  downloaded: { vi: 'Đã tải xuống {file}.', en: 'Downloaded {file}.' },
  recalc: { vi: 'Tính lại điểm', en: 'Recalculate scores' },
  recalcHint: {
    vi: 'Ghi công thức tổng và tỷ lệ vào bảng, tạo trang "Tổng hợp điểm"',
    en: 'Write total and percentage formulas into the sheet and the summary sheet',
  },
  refresh: { vi: 'Đọc lại', en: 'Re-read' },
  refreshHint: { vi: 'Đọc lại bảng điểm và kiểm tra, không ghi gì', en: 'Read and check the scores again without writing' },
  highlights: { vi: 'Tô màu ô có vấn đề', en: 'Highlight problem cells' },
  revert: { vi: 'Hoàn tác lần ghi trước', en: 'Revert the last write' },
  copyReport: { vi: 'Chép đoạn báo cáo', en: 'Copy the report paragraph' },
  copied: { vi: 'Đã chép đoạn báo cáo mục II vào bộ nhớ tạm.', en: 'The section II paragraph is on the clipboard.' },
  copyFailed: {
    vi: 'Không chép được vào bộ nhớ tạm; hãy chọn đoạn văn bên dưới và nhấn Ctrl+C.',
    en: 'Could not copy to the clipboard; select the text below and press Ctrl+C.',
  },
  reportHeading: { vi: 'Đoạn báo cáo mục II', en: 'Report paragraph (section II)' },
  working: { vi: 'Đang xử lý…', en: 'Working…' },
  reading: { vi: 'Đang đọc bảng điểm…', en: 'Reading the scores…' },
  writing: { vi: 'Đang ghi công thức…', en: 'Writing formulas…' },
  written: {
    vi: 'Đã ghi {written} ô công thức, tô màu {highlighted} ô.',
    en: 'Wrote {written} formula cells, highlighted {highlighted} cells.',
  },
  reverted: { vi: 'Đã khôi phục {restored} ô về như trước lần ghi.', en: 'Restored {restored} cells to what they held before the write.' },
  highlightsCleared: { vi: 'Đã bỏ tô màu {count} ô.', en: 'Removed the highlight from {count} cells.' },
  totals: { vi: 'Tổng điểm', en: 'Total' },
  totalLine: { vi: 'Tổng điểm tự đánh giá', en: 'Total self-assessed score' },
  grandTotal: { vi: 'Tổng cộng các phụ lục', en: 'All appendices' },
  field: { vi: 'Lĩnh vực', en: 'Field' },
  score: { vi: 'Điểm', en: 'Score' },
  percent: { vi: 'Tỷ lệ', en: 'Percent' },
  progressLabel: { vi: '{name}: {score} trên {max} điểm, đạt {pct}', en: '{name}: {score} of {max} points, {pct}' },
  surveyNote: { vi: 'ĐTXHH: {max} điểm, không tự chấm', en: 'Survey: {max} points, not self-scored' },
  noTable: {
    vi: 'Không tìm thấy bảng chấm điểm nào (cần các cột Tiêu chí, Điểm tối đa, Tự đánh giá).',
    en: 'No scoring table found (it needs Criterion, Maximum and Self-score columns).',
  },
  flagsHeading: { vi: 'Các vấn đề cần xem lại ({count})', en: 'Issues to review ({count})' },
  noFlags: { vi: 'Không có vấn đề nào.', en: 'No issues.' },
  flagGoTo: { vi: 'Chọn ô {cell} trên {sheet}', en: 'Select cell {cell} on {sheet}' },
  selectedCell: { vi: 'Ô {sheet}!{cell}', en: 'Cell {sheet}!{cell}' },
  previewHeading: { vi: 'Xem ô trong bảng', en: 'Cell in the sheet' },
  lastRun: { vi: 'Đã kiểm tra lúc {time}', en: 'Checked at {time}' },
  autoRerun: { vi: 'Bảng thay đổi: đang chấm lại…', en: 'The sheet changed: scoring again…' },
  errorTitle: { vi: 'Có lỗi', en: 'Something went wrong' },
  dismiss: { vi: 'Đóng', en: 'Dismiss' },
  details: { vi: 'Chi tiết: {detail}', en: 'Details: {detail}' },
  actions: { vi: 'Thao tác', en: 'Actions' },
  oldExcel: {
    vi: 'Excel này dùng trình duyệt cũ; đang mở bản rút gọn.',
    en: 'This Excel uses an old browser engine; opening the light pane.',
  },
};

export type PaneTextKey = keyof typeof PANE_TEXT;

/** Kind group headings in the flag list. */
const FLAG_KIND_LABELS: { [kind in FlagKind]: Template } = {
  'missing-evidence': { vi: 'Thiếu tài liệu kiểm chứng', en: 'Missing evidence' },
  'off-tier': { vi: 'Điểm không đúng mức cho phép', en: 'Score not an allowed level' },
  'over-max': { vi: 'Điểm vượt tối đa', en: 'Score above the maximum' },
  negative: { vi: 'Điểm âm', en: 'Negative score' },
  'not-a-number': { vi: 'Điểm không phải số', en: 'Score is not a number' },
  'cell-error': { vi: 'Ô báo lỗi', en: 'Cell shows an error' },
  'multiple-tiers': { vi: 'Chấm nhiều mức cùng lúc', en: 'Several levels scored' },
  unscored: { vi: 'Chưa chấm điểm', en: 'Not scored' },
  'missing-max': { vi: 'Thiếu điểm tối đa', en: 'Missing maximum' },
  'max-mismatch': { vi: 'Điểm tối đa không khớp', en: 'Maximum does not add up' },
  'hand-total-mismatch': { vi: 'Tổng ghi tay sai', en: 'Hand-typed total is wrong' },
  'duplicate-code': { vi: 'Trùng mã tiêu chí', en: 'Duplicate criterion code' },
  'text-number': { vi: 'Điểm nhập dạng chữ', en: 'Score typed as text' },
  'profile-mismatch': { vi: 'Khác bộ tiêu chí', en: 'Differs from the rubric' },
  'not-a-scoring-table': { vi: 'Trang không phải bảng chấm điểm', en: 'Not a scoring sheet' },
};


export function paneText(key: PaneTextKey, lang: Lang, params?: { [name: string]: string | number }): string {
  return hostText(PANE_TEXT[key], lang, params);
}

export function flagKindLabel(kind: FlagKind, lang: Lang): string {
  return FLAG_KIND_LABELS[kind][lang];
}

/** Host failures: one catalogue for the pane, the light pane and the ribbon command. */
export { hostErrorText } from './hostMessages';

/** "vi-VN", "vi" → vi; another language → en; unknown (empty) → vi, the users' language. */
export function langFromLocale(locale: string | null | undefined): Lang {
  if (!locale) return 'vi';
  return /^vi(\b|[-_])/i.test(locale) ? 'vi' : 'en';
}
