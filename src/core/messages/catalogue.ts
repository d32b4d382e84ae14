import { Flag, FlagKind, FlagParams } from '../check/flag';
import { formatPoints, Lang } from '../number/format';
import { ColumnRole } from '../recognise/header';
import { ROLE_TEXT } from './roleText';
import { fillTemplate } from './template';

/**
 * Every sentence the core says to people, in Vietnamese first and English. Templates take
 * {name} placeholders; point values are formatted per language ("0,5" / "0.5").
 */
type Template = { vi: string; en: string };

const FLAG_TEMPLATES: { [kind in FlagKind]: Template } = {
  'missing-evidence': {
    vi: 'Tiêu chí {code} được chấm {score} điểm nhưng chưa có tài liệu kiểm chứng.',
    en: 'Criterion {code} is scored {score} but has no evidence document.',
  },
  'off-tier': {
    vi: 'Điểm {score} của tiêu chí {code} không phải mức điểm được phép ({allowed}).',
    en: 'Score {score} of criterion {code} is not one of the allowed levels ({allowed}).',
  },
  'over-max': {
    vi: 'Điểm {score} của tiêu chí {code} vượt điểm tối đa {max}.',
    en: 'Score {score} of criterion {code} exceeds its maximum {max}.',
  },
  negative: {
    vi: 'Điểm của tiêu chí {code} là số âm ({score}).',
    en: 'Criterion {code} has a negative score ({score}).',
  },
  'not-a-number': {
    vi: 'Ô {cell} của tiêu chí {code} ghi "{text}", không phải số điểm.',
    en: 'Cell {cell} of criterion {code} holds "{text}", which is not a score.',
  },
  'cell-error': {
    vi: 'Ô {cell} của tiêu chí {code} đang báo lỗi {error}.',
    en: 'Cell {cell} of criterion {code} shows the error {error}.',
  },
  'multiple-tiers': {
    vi: 'Tiêu chí {code} được chấm ở nhiều mức điểm cùng lúc ({count} ô); chỉ chọn một mức.',
    en: 'Criterion {code} is scored on several levels at once ({count} cells); choose one level.',
  },
  unscored: {
    vi: 'Tiêu chí {code} chưa được chấm điểm (tính là 0).',
    en: 'Criterion {code} has not been scored (counted as 0).',
  },
  'missing-max': {
    vi: 'Tiêu chí {code} không có điểm tối đa.',
    en: 'Criterion {code} has no maximum.',
  },
  'max-mismatch': {
    vi: 'Điểm tối đa của {code} ghi {typed} nhưng {basis} là {expected}.',
    en: 'The maximum of {code} reads {typed} but {basis} is {expected}.',
  },
  'hand-total-mismatch': {
    vi: 'Tổng điểm của {code} đang ghi {typed}, khác tổng tính được {computed}; công cụ thay bằng công thức.',
    en: 'The total of {code} reads {typed}, not the computed {computed}; the tool replaces it with a formula.',
  },
  'duplicate-code': {
    vi: 'Mã tiêu chí {code} xuất hiện ở nhiều dòng ({rows}).',
    en: 'Criterion code {code} appears on several rows ({rows}).',
  },
  'text-number': {
    vi: 'Điểm của tiêu chí {code} được nhập dạng chữ ("{text}"); công cụ hiểu là {score}.',
    en: 'The score of criterion {code} is typed as text ("{text}"); read as {score}.',
  },
  'profile-mismatch': {
    vi: 'Tiêu chí {code} khác với {profile}.',
    en: 'Criterion {code} differs from {profile}.',
  },
  'evidence-out-of-period': {
    vi: 'Tài liệu kiểm chứng của tiêu chí {code} ghi {dates}, ngoài năm đánh giá {year}.{planHint}',
    en: 'The evidence of criterion {code} is dated {dates}, outside the assessment year {year}.{planHint}',
  },
  'evidence-unparsed': {
    vi: 'Không đọc được số, ký hiệu hay ngày ban hành văn bản trong tài liệu kiểm chứng của tiêu chí {code} ("{text}").',
    en: 'No document number, symbol or date can be read in the evidence of criterion {code} ("{text}").',
  },
  'not-a-scoring-table': {
    vi: 'Trang tính "{sheet}" không phải bảng chấm điểm (không thấy các cột Tiêu chí, Điểm tối đa, Tự đánh giá); đã bỏ qua.',
    en: 'Sheet "{sheet}" is not a scoring table (no Criterion, Maximum and Self-score columns); skipped.',
  },
  'ambiguous-column': {
    vi: 'Chưa chắc cột {role}: đang dùng cột {chosen} ("{chosenLabel}"), có thể là cột {other} ("{otherLabel}"). {why}Nếu sai, chọn lại trong "Cách đọc bảng" hoặc chạy lại với --column {option}={other}.',
    en: 'Unsure which column holds the {role}: using column {chosen} ("{chosenLabel}"); it could be column {other} ("{otherLabel}"). {why}If wrong, choose in "How the table is read" or run again with --column {option}={other}.',
  },
  'ambiguous-structure': {
    vi: 'Chưa chắc cách đọc dòng {rows} (tiêu chí {code}): {reading}. Hãy kiểm tra lại tổng điểm của tiêu chí này.',
    en: "Unsure how rows {rows} (criterion {code}) are read: {reading}. Check this criterion's total.",
  },
  'summary-sheet': {
    vi: 'Trang tính "{sheet}" là bảng tổng hợp (điểm lấy bằng công thức từ trang khác), không chấm và không ghi vào.',
    en: 'Sheet "{sheet}" is a summary (its scores are formulas into other sheets): not scored and not written.',
  },
  'sum-range-mismatch': {
    vi: 'Công thức tổng ở ô {cell} của {code} không cộng tiêu chí {missing}; công cụ thay bằng công thức đủ.',
    en: 'The total formula in {cell} of {code} leaves out criterion {missing}; the tool replaces it with a complete one.',
  },
};

/** profile-mismatch says what differs through its `variant` parameter. */
const PROFILE_VARIANTS: { [variant: string]: Template } = {
  'missing-field': {
    vi: 'Bảng không có lĩnh vực {code} "{name}" theo {profile}.',
    en: 'The table has no field {code} "{name}" of {profile}.',
  },
  tiers: {
    vi: 'Mức điểm của tiêu chí {code} trên bảng ({sheetTiers}) khác {profile} ({profileTiers}).',
    en: 'The levels of criterion {code} on the sheet ({sheetTiers}) differ from {profile} ({profileTiers}).',
  },
};

/** Why an ambiguous-column choice stayed open, and how ambiguous-structure rows were read. */
const READING_WORDS: { [key: string]: Template } = {
  yearUnknown: { vi: 'Không biết năm đánh giá (tiêu đề không ghi, hãy đặt năm). ', en: 'The assessment year is unknown (the titles do not say; set the year). ' },
  hiddenUnknown: { vi: 'Không biết cột nào đang ẩn. ', en: 'Which columns are hidden is unknown. ' },
  nothing: {
    vi: 'Tiêu đề, năm, cột ẩn và các tổng của chính bảng đều không phân biệt được hai cột. ',
    en: "Neither the headers, a year, hidden columns nor the table's own totals tell the two apart. ",
  },
  levels: {
    vi: 'các dòng a), b)… được đọc là các mức điểm (chỉ chọn một mức), không phải các phần chấm riêng vì điểm tối đa của chúng không cộng lại bằng điểm tối đa của tiêu chí',
    en: "the rows a), b)… are read as levels (one to choose), not as parts scored each on its own, since their maxima do not add up to the criterion's",
  },
};

/** Named strings of the command line, the summary sheet and the report. */
export const TEXT = {
  summarySheetTitle: { vi: 'TỔNG HỢP ĐIỂM TỰ ĐÁNH GIÁ CHỈ SỐ CẢI CÁCH HÀNH CHÍNH', en: 'ADMINISTRATIVE REFORM INDEX: SCORE SUMMARY' },
  summaryOwnedNote: {
    vi: 'Trang này do công cụ CCHC tạo và ghi lại mỗi lần chấm; không nhập liệu vào đây.',
    en: 'This sheet is written by the CCHC tool on every run; do not type into it.',
  },
  appendix: { vi: 'Phụ lục', en: 'Sheet' },
  code: { vi: 'Mã', en: 'Code' },
  field: { vi: 'Lĩnh vực', en: 'Field' },
  max: { vi: 'Điểm tối đa', en: 'Maximum' },
  self: { vi: 'Tự đánh giá', en: 'Self-score' },
  selfPercent: { vi: 'Tỷ lệ tự đánh giá', en: 'Self %' },
  appraised: { vi: 'Thẩm định', en: 'Appraised' },
  appraisedPercent: { vi: 'Tỷ lệ thẩm định', en: 'Appraised %' },
  sheetTotal: { vi: 'Cộng', en: 'Subtotal' },
  grandTotal: { vi: 'Tổng cộng', en: 'Total' },
  totalRow: { vi: 'dòng Tổng cộng', en: 'the total row' },
  flagsHeading: { vi: 'CÁC VẤN ĐỀ CẦN XEM LẠI', en: 'ISSUES TO REVIEW' },
  severity: { vi: 'Mức độ', en: 'Severity' },
  kind: { vi: 'Loại', en: 'Kind' },
  sheet: { vi: 'Trang tính', en: 'Sheet' },
  cell: { vi: 'Ô', en: 'Cell' },
  message: { vi: 'Nội dung', en: 'Message' },
  noFlags: { vi: 'Không có vấn đề nào.', en: 'No issues.' },
  error: { vi: 'Lỗi', en: 'Error' },
  warning: { vi: 'Cảnh báo', en: 'Warning' },
  info: { vi: 'Lưu ý', en: 'Note' },
  childrenSum: { vi: 'tổng điểm tối đa các tiêu chí con', en: 'the sum of its sub-criteria maxima' },
  // Appraisal (thẩm định): the section of the summary sheet and the score a flag concerns.
  differencesHeading: { vi: 'CHÊNH LỆCH ĐIỂM THẨM ĐỊNH SO VỚI ĐIỂM TỰ ĐÁNH GIÁ', en: 'APPRAISED SCORES THAT DIFFER FROM THE SELF-SCORES' },
  criterion: { vi: 'Tiêu chí', en: 'Criterion' },
  difference: { vi: 'Chênh lệch', en: 'Difference' },
  evidence: { vi: 'Tài liệu kiểm chứng', en: 'Evidence' },
  explanation: { vi: 'Ghi chú, giải trình', en: 'Note, explanation' },
  noDifferences: {
    vi: 'Điểm thẩm định bằng điểm tự đánh giá ở mọi tiêu chí đã thẩm định.',
    en: 'Every appraised criterion keeps its self-score.',
  },
  // The summary's chart block (plan/chartBlock.ts): the field percentages as bars.
  chartHeading: { vi: 'BIỂU ĐỒ TỶ LỆ ĐIỂM THEO LĨNH VỰC', en: 'PERCENTAGE BY FIELD' },
  chartTitle: { vi: 'Tỷ lệ điểm đạt được theo lĩnh vực', en: 'Percentage of the maximum by field' },
  chartField: { vi: 'Lĩnh vực', en: 'Field' },
  chartSelf: { vi: 'Tự đánh giá', en: 'Self-assessed' },
  chartAppraised: { vi: 'Thẩm định', en: 'Appraised' },
  lostHeading: { vi: 'ĐIỂM BỊ TRỪ KHI THẨM ĐỊNH THEO LĨNH VỰC', en: 'POINTS LOST IN APPRAISAL BY FIELD' },
  lost: { vi: 'Điểm bị trừ', en: 'Points lost' },
  scoreSelf: { vi: '[Điểm tự đánh giá] ', en: '[Self-score] ' },
  scoreAppraised: { vi: '[Điểm thẩm định] ', en: '[Appraised score] ' },
  profileSays: { vi: 'theo {profile}', en: 'according to {profile}' },
  // Evidence dates: how a cited date reads ("ngày 05/01/2023", "tháng 12/2022", "năm 2022") and the plan rule.
  citedDay: { vi: 'ngày {date}', en: '{date}' },
  citedMonth: { vi: 'tháng {date}', en: '{date}' },
  citedYear: { vi: 'năm {date}', en: '{date}' },
  evidencePlanHint: {
    vi: ' Kế hoạch của năm đánh giá chỉ được tính khi ban hành trong năm đó hoặc trong quý IV năm trước.',
    en: ' A plan for the assessment year counts only when issued in that year or in the fourth quarter of the year before.',
  },
};

export type TextKey = keyof typeof TEXT;

export function text(key: TextKey, lang: Lang, params?: FlagParams): string {
  return fill(TEXT[key][lang], params || {}, lang);
}

const POINT_PARAMS: { [name: string]: boolean } = { score: true, max: true, typed: true, expected: true, computed: true };

function fill(template: string, params: FlagParams, lang: Lang): string {
  return fillTemplate(template, function (name: string): string | undefined {
    return paramText(name, params, lang);
  });
}

function paramText(name: string, params: FlagParams, lang: Lang): string | undefined {
  const value = params[name];
  if (value === undefined) return undefined;
  if (POINT_PARAMS[name] && typeof value === 'number') return formatPoints(value, lang);
  if (value instanceof Array) {
    const parts: string[] = [];
    for (let i = 0; i < value.length; i++) parts.push(formatPoints(value[i], lang));
    return parts.join('; ');
  }
  return String(value);
}

export function flagMessage(flag: Flag, lang: Lang): string {
  const params: FlagParams = {};
  for (const k in flag.params) if (Object.prototype.hasOwnProperty.call(flag.params, k)) params[k] = flag.params[k];
  params.code = flag.code || TEXT.totalRow[lang];
  params.cell = flag.cell;
  params.sheet = flag.sheet;
  if (lang === 'en' && flag.params.profileEn) params.profile = flag.params.profileEn;
  if (flag.kind === 'max-mismatch') {
    params.basis = flag.params.profile ? fill(TEXT.profileSays[lang], params, lang) : TEXT.childrenSum[lang];
  }
  if (flag.kind === 'evidence-out-of-period') {
    params.dates = citedDates(String(flag.params.dates || ''), lang);
    params.planHint = flag.params.plan ? TEXT.evidencePlanHint[lang] : '';
  }
  if (flag.kind === 'ambiguous-column') {
    const role = String(flag.params.role);
    params.role = Object.prototype.hasOwnProperty.call(ROLE_TEXT, role) ? ROLE_TEXT[role as ColumnRole][lang] : role;
    params.option = role;
    let why = '';
    if (flag.params.yearUnknown) why += READING_WORDS.yearUnknown[lang];
    if (flag.params.hiddenUnknown) why += READING_WORDS.hiddenUnknown[lang];
    params.why = why || READING_WORDS.nothing[lang];
  }
  if (flag.kind === 'ambiguous-structure') {
    const reading = READING_WORDS[String(flag.params.reading)];
    if (reading) params.reading = reading[lang];
  }
  const variant = flag.kind === 'profile-mismatch' ? PROFILE_VARIANTS[String(flag.params.variant)] : null;
  return scoreLabel(flag, lang) + fill((variant || FLAG_TEMPLATES[flag.kind])[lang], params, lang);
}

/** "05/01/2023, 12/2022, 2022" (as evidencePeriod formats them) → "ngày 05/01/2023, tháng 12/2022, năm 2022". */
function citedDates(dates: string, lang: Lang): string {
  const parts = dates.split(', ');
  const out: string[] = [];
  for (let i = 0; i < parts.length; i++) {
    const slashes = parts[i].split('/').length - 1;
    const key: TextKey = slashes === 2 ? 'citedDay' : slashes === 1 ? 'citedMonth' : 'citedYear';
    out.push(text(key, lang, { date: parts[i] }));
  }
  return out.join(', ');
}

/**
 * Which score a flag concerns, where a reader could not tell: always for the appraised score; for the
 * self-score only on a sheet that also has an appraised column (checkTable sets `bothScores` there).
 */
function scoreLabel(flag: Flag, lang: Lang): string {
  if (flag.score === 'appraised') return TEXT.scoreAppraised[lang];
  if (flag.score === 'self' && flag.params.bothScores) return TEXT.scoreSelf[lang];
  return '';
}

export function severityLabel(severity: Flag['severity'], lang: Lang): string {
  return TEXT[severity][lang];
}
