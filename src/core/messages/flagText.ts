import { FlagKind } from '../check/flag';
import { Lang } from '../number/format';
import { flagKindLabel } from './paneText';
import { fillTemplate } from './template';

/**
 * What a highlight means, where the user reads it in the workbook: the legend of the summary sheet
 * (one line per colour), the note the tool puts on a highlighted cell, and a flag's kind in words
 * (the "Loại" column; the JSON output alone keeps the code). Vietnamese first, English. ES5-safe.
 */
type Template = { vi: string; en: string };

/** The colour groups of the highlights (src/core/plan/buildPlan.ts gives each its colour). */
export type HighlightGroup = 'score-problem' | 'missing-evidence' | 'evidence-doubt' | 'review';

export const FLAG_TEXT = {
  legendHeading: { vi: 'CHÚ THÍCH MÀU TÔ', en: 'HIGHLIGHT COLOURS' },
  legendColor: { vi: 'Màu', en: 'Colour' },
  legendMeaning: { vi: 'Ý nghĩa', en: 'Meaning' },
  legendNoteHint: {
    vi: 'Mỗi ô được tô có ghi chú (note) nói rõ vấn đề; "Xóa đánh dấu" bỏ cả màu và ghi chú của công cụ. Màu đỏ của điểm sai mức, vượt tối đa, âm và màu vàng của ô thiếu tài liệu đi theo ô (bản sao do công cụ lưu; Excel 2019 trở lên): nhập đúng thì màu tự mất, ghi chú còn đến lần "Tính lại điểm" sau.',
    en: 'Each highlighted cell carries a note saying what is wrong; "Clear highlights" removes both the colour and the tool\'s note. The red of a score off its levels, over the maximum or negative and the yellow of missing evidence follow the cell (in a copy the tool saved; Excel 2019 or later): once it is right the colour goes, the note stays until the next "Recalculate".',
  },
  notesSkipped: {
    vi: 'Trang {sheets} đã có ghi chú của người dùng: công cụ chỉ tô màu, không thêm ghi chú để giữ nguyên ghi chú cũ.',
    en: 'Sheet {sheets} already has notes of its own: the tool only colours its cells, adding no note, so the existing notes stay as they are.',
  },
  /** The first line of every note the tool writes: how its own notes are told from a user's. */
  notePrefix: { vi: 'CCHC:', en: 'CCHC:' },
  /** Title block of a printed tool sheet. */
  titleCommune: { vi: 'Đơn vị: {commune}', en: 'Unit: {commune}' },
  titleYear: { vi: 'Năm đánh giá: {year}', en: 'Assessment year: {year}' },
  titleDate: { vi: 'Ngày tính điểm: {date}', en: 'Scored on: {date}' },
  /** Page header and footer (Excel's codes: &D the print date, &P the page, &N the page count). */
  printedOn: { vi: 'Ngày in: &D', en: 'Printed: &D' },
  pageOf: { vi: 'Trang &P / &N', en: 'Page &P / &N' },
};

export type FlagTextKey = keyof typeof FLAG_TEXT;

const GROUP_TEXT: { [group in HighlightGroup]: Template } = {
  'score-problem': { vi: 'Lỗi về điểm: không đúng mức cho phép, vượt tối đa, âm, không phải số…', en: 'Score error: not an allowed level, above the maximum, negative, not a number…' },
  'missing-evidence': { vi: 'Chấm điểm nhưng thiếu tài liệu kiểm chứng', en: 'Scored without evidence' },
  'evidence-doubt': { vi: 'Tài liệu kiểm chứng cần xem lại: ngoài năm đánh giá, không đọc được số, ngày văn bản', en: 'Evidence to check: outside the assessment year, no document number or date' },
  review: { vi: 'Cần xem lại: tổng ghi tay sai, điểm nhập dạng chữ, điểm tối đa không khớp…', en: 'To review: wrong hand total, score typed as text, maximum does not add up…' },
};

export function flagText(key: FlagTextKey, lang: Lang, params?: { [name: string]: string | number }): string {
  return fillTemplate(FLAG_TEXT[key][lang], function (name: string): string | undefined {
    return params && params[name] !== undefined ? String(params[name]) : undefined;
  });
}

/** The legend's words for one colour group. */
export function highlightGroupText(group: HighlightGroup, lang: Lang): string {
  return GROUP_TEXT[group][lang];
}

/** A flag's kind as the user reads it ("Thiếu tài liệu kiểm chứng"), never its code. */
export function flagKindText(kind: FlagKind, lang: Lang): string {
  return flagKindLabel(kind, lang);
}
