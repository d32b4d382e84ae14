import { HostErrorCode } from '../host';
import { Lang } from '../number/format';

/**
 * Words of the Excel host: host errors (one per HostErrorCode), the ribbon command's outcome lines
 * and the light task pane shown in Internet Explorer 11 (Excel 2016/2019). Vietnamese first, English.
 * Templates take {name} placeholders. ES5-safe: bundled into the IE11 commands script.
 */
type Template = { vi: string; en: string };

export const HOST_ERROR_TEXT: { [code in HostErrorCode]: Template } = {
  'sheet-protected': {
    vi: 'Trang tính "{sheet}" đang được bảo vệ nên không ghi được. Hãy bỏ bảo vệ trang (Xem lại › Bỏ bảo vệ trang tính) rồi thử lại. Bảng tính chưa bị thay đổi.',
    en: 'The sheet "{sheet}" is protected, so nothing could be written. Unprotect it (Review › Unprotect Sheet) and try again. The workbook was not changed.',
  },
  'cell-editing': {
    vi: 'Excel đang ở chế độ sửa ô. Hãy nhấn Enter hoặc Esc để thoát khỏi ô đang sửa rồi thử lại. Bảng tính chưa bị thay đổi.',
    en: 'Excel is in cell-edit mode. Press Enter or Esc to leave the cell, then try again. The workbook was not changed.',
  },
  'changed-since-read': {
    vi: 'Trang "{sheet}" vừa được người khác (hoặc bạn) sửa trong lúc công cụ đang ghi. Công cụ đã trả lại nguyên trạng, không mất gì. Hãy bấm "Tính lại điểm" lần nữa.',
    en: 'The sheet "{sheet}" was changed by someone (or you) while the tool was writing. The tool put everything back; nothing was lost. Click "Recalculate scores" again.',
  },
  'nothing-to-revert': {
    vi: 'Chưa có lần ghi nào để hoàn tác.',
    en: 'There is no write to revert.',
  },
  'not-an-xlsx': {
    vi: 'Tệp này không phải bảng tính Excel (.xlsx).',
    en: 'This file is not an Excel workbook (.xlsx).',
  },
  'host-unavailable': {
    vi: 'Không kết nối được với Excel. Hãy đóng và mở lại bổ trợ.',
    en: 'Excel could not be reached. Close and reopen the add-in.',
  },
  unknown: {
    vi: 'Đã xảy ra lỗi không mong đợi; bảng tính không bị thay đổi.',
    en: 'An unexpected error occurred; the workbook was not changed.',
  },
};

/** The same sentences where the host could not say which sheet (the others name none). */
const HOST_ERROR_TEXT_NO_SHEET: { [code in HostErrorCode]?: Template } = {
  'sheet-protected': {
    vi: 'Một trang tính đang được bảo vệ nên không ghi được. Hãy bỏ bảo vệ trang (Xem lại › Bỏ bảo vệ trang tính) rồi thử lại. Bảng tính chưa bị thay đổi.',
    en: 'A sheet is protected, so nothing could be written. Unprotect it (Review › Unprotect Sheet) and try again. The workbook was not changed.',
  },
  'changed-since-read': {
    vi: 'Bảng tính vừa được người khác (hoặc bạn) sửa trong lúc công cụ đang ghi. Công cụ đã trả lại nguyên trạng, không mất gì. Hãy bấm "Tính lại điểm" lần nữa.',
    en: 'The workbook was changed by someone (or you) while the tool was writing. The tool put everything back; nothing was lost. Click "Recalculate scores" again.',
  },
};

export const COMMAND_TEXT = {
  // Said once per page; here, not in paneText.ts, so the ES5 bundles never carry the pane's sentences.
  choicesUnreadable: {
    vi: 'Không đọc được các cột đã chọn trong "Cách đọc bảng" (lưu trong sổ làm việc); lần này bảng được đọc tự động.',
    en: 'The columns chosen in "How the table is read" (kept in the workbook) could not be read; this time the tables were read automatically.',
  },
  recalculated: {
    vi: 'Đã tính lại: {self}/{max} điểm ({percent}%); ghi {written} ô công thức, tô màu {highlighted} ô.',
    en: 'Recalculated: {self}/{max} points ({percent}%); {written} formula cells written, {highlighted} cells highlighted.',
  },
  noTable: {
    vi: 'Không tìm thấy bảng chấm điểm (Phụ lục 1, 2) trong bảng tính này.',
    en: 'No scoring table (Appendix 1, 2) was found in this workbook.',
  },
  reverted: { vi: 'Đã hoàn tác lần ghi gần nhất: khôi phục {restored} ô.', en: 'The last write was reverted: {restored} cells restored.' },
  cleared: { vi: 'Đã xóa {count} ô tô màu của công cụ.', en: '{count} highlights of the tool were removed.' },
  failed: { vi: 'Không thực hiện được: {reason}', en: 'Could not complete: {reason}' },
  details: { vi: 'Chi tiết: {detail}', en: 'Details: {detail}' },
};

export const LIGHT_PANE_TEXT = {
  title: { vi: 'Chấm điểm Chỉ số CCHC', en: 'Administrative Reform Index scoring' },
  intro: {
    vi: 'Phiên bản Excel này chạy bổ trợ bằng Internet Explorer 11 nên chỉ hiện bảng điều khiển rút gọn.',
    en: 'This version of Excel runs add-ins in Internet Explorer 11, so only a light pane is shown.',
  },
  works: { vi: 'Những gì dùng được ở đây:', en: 'What works here:' },
  worksRibbon: {
    vi: 'Nút "Tính lại điểm" trên dải băng (ribbon): tính lại, ghi công thức tổng và tỷ lệ, tạo trang "Tổng hợp điểm" và tô màu ô có vấn đề.',
    en: 'The ribbon button "Recalculate scores": recalculates, writes total and percentage formulas, creates the summary sheet and highlights problem cells.',
  },
  worksRevert: {
    vi: '"Hoàn tác lần ghi gần nhất" trả lại đúng nội dung và định dạng trước khi ghi; "Xóa đánh dấu" chỉ xóa màu do công cụ tô.',
    en: '"Revert the last write" restores the exact previous content and format; "Clear highlights" removes only the tool\'s own marks.',
  },
  fullPane: {
    vi: 'Bảng điều khiển đầy đủ (danh sách lỗi, đoạn báo cáo) cần Excel mới hơn (Microsoft 365, Excel 2021 trở lên) hoặc chế độ trình duyệt: {url}',
    en: 'The full pane (problem list, report paragraph) needs a newer Excel (Microsoft 365, Excel 2021 or later) or the browser mode: {url}',
  },
  recalc: { vi: 'Tính lại điểm', en: 'Recalculate scores' },
  revert: { vi: 'Hoàn tác lần ghi gần nhất', en: 'Revert the last write' },
  clear: { vi: 'Xóa đánh dấu', en: 'Clear highlights' },
  working: { vi: 'Đang xử lý…', en: 'Working…' },
  totals: { vi: 'Tổng điểm tự đánh giá (các phụ lục): {self}/{max} ({percent}%)', en: 'Self-assessed total (all appendices): {self}/{max} ({percent}%)' },
  sheetLine: { vi: '{sheet}: {self}/{max} điểm ({percent}%)', en: '{sheet}: {self}/{max} points ({percent}%)' },
};

export const STANDALONE_URL = 'https://localhost:3000/standalone.html';

export function hostText(t: Template, lang: Lang, params?: { [name: string]: string | number }): string {
  let s = lang === 'en' ? t.en : t.vi;
  if (params) {
    for (const k in params) {
      if (Object.prototype.hasOwnProperty.call(params, k)) s = s.split('{' + k + '}').join(String(params[k]));
    }
  }
  return s;
}

/** One sentence for a host error, with the sheet filled in: the pane, the light pane and the ribbon's dialog all use it. */
export function hostErrorText(code: HostErrorCode, lang: Lang, sheet?: string): string {
  const t = (!sheet && HOST_ERROR_TEXT_NO_SHEET[code]) || HOST_ERROR_TEXT[code] || HOST_ERROR_TEXT.unknown;
  return hostText(t, lang, { sheet: sheet || '' });
}
