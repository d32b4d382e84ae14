import { FLAGS_SHEET, RANKING_SHEET } from '../consolidate/sheetNames';
import { Lang } from '../number/format';
import { fillTemplate } from './template';

/**
 * Words of the district's consolidation across communes (the ranking workbook, the command
 * `cchc consolidate`, the pane's batch view). Vietnamese first, English. Templates take {name}
 * placeholders, already formatted by the caller. ES5-safe: part of the core bundle.
 */
type Template = { vi: string; en: string };

export const CONSOLIDATION_TEXT = {
  rankingSheet: RANKING_SHEET,
  flagsSheet: FLAGS_SHEET,
  title: {
    vi: 'TỔNG HỢP KẾT QUẢ CHẤM ĐIỂM CHỈ SỐ CẢI CÁCH HÀNH CHÍNH CÁC XÃ, PHƯỜNG, THỊ TRẤN',
    en: 'ADMINISTRATIVE REFORM INDEX: COMMUNES CONSOLIDATED AND RANKED',
  },
  rankedBySelf: {
    vi: 'Xếp hạng theo tổng điểm tự đánh giá (chưa phải mọi xã đều có điểm thẩm định); các xã bằng điểm cùng hạng.',
    en: 'Ranked by the self-assessed total (not every commune has an appraised score); equal totals share a rank.',
  },
  rankedByAppraised: {
    vi: 'Xếp hạng theo tổng điểm thẩm định; các xã bằng điểm cùng hạng.',
    en: 'Ranked by the appraised total; equal totals share a rank.',
  },
  groupsLine: {
    vi: 'Nhóm A: từ {a}% trở lên; nhóm B: từ {b}% đến dưới {a}%; nhóm C: từ {c}% đến dưới {b}%; dưới {c}%: không xếp nhóm.',
    en: 'Group A: {a}% or more; B: {b}% to below {a}%; C: {c}% to below {b}%; below {c}%: no group.',
  },
  countsLine: {
    vi: 'Đã tổng hợp {communes} xã; {failed} tệp không tổng hợp được.',
    en: '{communes} communes consolidated; {failed} files could not be.',
  },
  dateLine: { vi: 'Ngày tổng hợp: {date}.', en: 'Consolidated on {date}.' },
  // The ranking's chart block (plan/chartBlock.ts): each commune's percentage as a bar, in rank order.
  chartHeading: { vi: 'BIỂU ĐỒ XẾP HẠNG CÁC XÃ', en: 'RANKING CHART' },
  chartTitleSelf: { vi: 'Tỷ lệ điểm tự đánh giá của các xã, theo thứ hạng', en: 'Self-assessed percentage by commune, in rank order' },
  chartTitleAppraised: { vi: 'Tỷ lệ điểm thẩm định của các xã, theo thứ hạng', en: 'Appraised percentage by commune, in rank order' },
  groupD: { vi: 'Dưới {c}%', en: 'Below {c}%' },
  stt: { vi: 'STT', en: 'No.' },
  commune: { vi: 'Xã, phường, thị trấn', en: 'Commune' },
  file: { vi: 'Tệp', en: 'File' },
  fieldHeader: { vi: '{code}. {name} (tối đa {max})', en: '{code}. {name} (max {max})' },
  self: { vi: 'Tự đánh giá', en: 'Self-score' },
  appraised: { vi: 'Thẩm định', en: 'Appraised' },
  total: { vi: 'Tổng cộng', en: 'Total' },
  totalMax: { vi: 'Điểm tối đa', en: 'Maximum' },
  totalSelf: { vi: 'Tổng điểm tự đánh giá', en: 'Total self-score' },
  totalAppraised: { vi: 'Tổng điểm thẩm định', en: 'Total appraised' },
  selfPercent: { vi: 'Tỷ lệ tự đánh giá', en: 'Self %' },
  appraisedPercent: { vi: 'Tỷ lệ thẩm định', en: 'Appraised %' },
  rank: { vi: 'Xếp hạng', en: 'Rank' },
  group: { vi: 'Nhóm', en: 'Group' },
  flagCounts: { vi: 'Số vấn đề theo loại', en: 'Issues by kind' },
  noCommunes: { vi: 'Không có xã nào tổng hợp được.', en: 'No commune could be consolidated.' },
  failedHeading: { vi: 'CÁC TỆP KHÔNG TỔNG HỢP ĐƯỢC', en: 'FILES NOT CONSOLIDATED' },
  reason: { vi: 'Lý do', en: 'Reason' },
  flagsTitle: { vi: 'DANH SÁCH VẤN ĐỀ CẦN XEM LẠI CỦA CÁC XÃ', en: 'ISSUES TO REVIEW, COMMUNE BY COMMUNE' },
  sheet: { vi: 'Trang tính', en: 'Sheet' },
  cell: { vi: 'Ô', en: 'Cell' },
  code: { vi: 'Mã tiêu chí', en: 'Criterion' },
  kind: { vi: 'Loại', en: 'Kind' },
  severity: { vi: 'Mức độ', en: 'Severity' },
  message: { vi: 'Nội dung', en: 'Message' },
  noFlags: { vi: 'Không có vấn đề nào.', en: 'No issues.' },
  progress: { vi: 'Đã đọc {done}/{total} tệp', en: 'Read {done}/{total} files' },
  // Why another structure is not the batch's rubric (FailedSource.detail of 'other-rubric').
  rubricMissingField: { vi: 'thiếu lĩnh vực {code}', en: 'no field {code}' },
  rubricExtraField: { vi: 'thừa lĩnh vực {code}', en: 'extra field {code}' },
  rubricFieldMax: { vi: 'lĩnh vực {code} tối đa {max} (các xã khác: {expected})', en: 'field {code} has maximum {max} (other communes: {expected})' },
  rubricIntro: { vi: 'Khác bộ tiêu chí của đa số các xã: {differences}', en: 'Differs from the rubric most communes use: {differences}' },
};

export type ConsolidationTextKey = keyof typeof CONSOLIDATION_TEXT;

/** Failure reasons in words, one per SourceFailure; {detail} is the reader's message or the other file. */
export const FAILURE_TEXT: { [failure: string]: Template } = {
  'not-xlsx': { vi: 'Không phải tệp Excel .xlsx', en: 'Not an Excel .xlsx file' },
  corrupt: { vi: 'Tệp bị hỏng, không đọc được', en: 'The file is damaged' },
  protected: { vi: 'Tệp được bảo vệ bằng mật khẩu', en: 'The file is password-protected' },
  'too-large': { vi: 'Tệp quá lớn, không đọc', en: 'The file is too large to read' },
  'no-scoring-table': { vi: 'Không có bảng chấm điểm (thiếu các cột Tiêu chí, Điểm tối đa, Tự đánh giá)', en: 'No scoring table (no Criterion, Maximum and Self-score columns)' },
  'other-rubric': { vi: 'Khác bộ tiêu chí của các xã còn lại', en: 'A different rubric from the other communes' },
  'duplicate-commune': { vi: 'Trùng xã với tệp "{detail}"; không gộp, chỉ tính tệp kia', en: 'Same commune as "{detail}"; not merged, only that file counts' },
  unreadable: { vi: 'Không đọc được tệp', en: 'The file could not be read' },
};

function fill(template: string, params: { [name: string]: string | number } | undefined): string {
  if (!params) return template;
  return fillTemplate(template, function (name: string): string | undefined {
    return Object.prototype.hasOwnProperty.call(params, name) ? String(params[name]) : undefined;
  });
}

export function consolidationText(key: ConsolidationTextKey, lang: Lang, params?: { [name: string]: string | number }): string {
  return fill(CONSOLIDATION_TEXT[key][lang], params);
}

/**
 * A failed file's reason in words. The detail is already a whole sentence (the reader's own
 * message, the rubric difference) and says more than the bare reason, so it wins; the
 * duplicate's detail is the other file's name, put inside its sentence.
 */
export function failureText(failure: string, lang: Lang, detail?: string): string {
  const template = FAILURE_TEXT[failure] || FAILURE_TEXT.unreadable;
  if (detail && failure !== 'duplicate-commune') return detail;
  return fill(template[lang], { detail: detail || '' });
}
