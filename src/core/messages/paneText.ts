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
  openFile: { vi: 'Mở tệp Excel…', en: 'Open an Excel file…' },
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
  reportDocx: { vi: 'Báo cáo (.docx)', en: 'Report (.docx)' },
  reportDocxHint: {
    vi: 'Tải báo cáo tự đánh giá dạng Word: điền sẵn số liệu, các mục cần tự viết để trong [ngoặc vuông], kèm danh sách tiêu chí cần giải trình',
    en: 'Download the self-assessment report as a Word file: figures filled in, what you must write in [brackets], with the criteria to explain',
  },
  reportSaved: { vi: 'Đã tải xuống báo cáo {file}.', en: 'Downloaded the report {file}.' },
  reportCopied: {
    vi: 'Excel này không cho tải tệp xuống; đã chép toàn bộ báo cáo vào bộ nhớ tạm để dán vào Word.',
    en: 'This Excel cannot download files; the whole report is on the clipboard to paste into Word.',
  },
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
  field: { vi: 'Lĩnh vực', en: 'Field' },
  score: { vi: 'Điểm', en: 'Score' },
  percent: { vi: 'Tỷ lệ', en: 'Percent' },
  notSelfScored: { vi: 'không tự chấm', en: 'not self-scored' },
  surveyPoints: { vi: 'Chấm qua điều tra xã hội học (ĐTXHH), tối đa {max} điểm', en: 'Scored by the survey, up to {max} points' },
  // Groups by percentage, as the consolidation ranks communes (src/core/consolidate: A ≥ 90%, B ≥ 80%, C ≥ 70%)
  groupName: { vi: 'Nhóm {group}', en: 'Group {group}' },
  groupBelow: { vi: 'Dưới {c}%', en: 'Below {c}%' },
  fieldChart: { vi: 'Biểu đồ tỷ lệ điểm theo lĩnh vực, {sheet}', en: 'Chart of the percentage by field, {sheet}' },
  chartItem: { vi: '{name}: {pct}, {group}', en: '{name}: {pct}, {group}' },
  chartThresholds: { vi: 'Vạch dọc: ngưỡng nhóm C {c}%, B {b}%, A {a}%.', en: 'Vertical lines: group thresholds C {c}%, B {b}%, A {a}%.' },
  rankingChart: { vi: 'Biểu đồ tỷ lệ điểm các xã', en: 'Chart of the communes’ percentages' },
  rankingScroll: { vi: 'Bảng xếp hạng, cuộn ngang để xem các cột điểm', en: 'Ranking table, scroll sideways for the score columns' },
  help: { vi: 'Hướng dẫn', en: 'Help' },
  helpHint: { vi: 'Hướng dẫn sử dụng (mở cửa sổ mới)', en: 'User guide (opens a new window)' },
  noTable: {
    vi: 'Không tìm thấy bảng chấm điểm nào (cần các cột Tiêu chí, Điểm tối đa, Tự đánh giá).',
    en: 'No scoring table found (it needs Criterion, Maximum and Self-score columns).',
  },
  flagsHeading: { vi: 'Các vấn đề cần xem lại ({count})', en: 'Issues to review ({count})' },
  noFlags: { vi: 'Không có vấn đề nào.', en: 'No issues.' },
  // The assessment year of the evidence check (src/taskpane/components/AssessmentYear)
  yearLabel: { vi: 'Năm đánh giá:', en: 'Assessment year:' },
  yearHint: {
    vi: 'Tài liệu kiểm chứng mà mọi ngày ghi trong đó đều ngoài năm này sẽ được đánh dấu. Chỉ kiểm tra lại, không ghi gì vào bảng.',
    en: 'Evidence whose every date falls outside this year is flagged. This only checks again; nothing is written to the sheet.',
  },
  yearFromTitles: { vi: '(đọc từ tiêu đề)', en: '(read from the title)' },
  yearByUser: { vi: '(do bạn đặt)', en: '(set by you)' },
  yearUnknown: { vi: '(tiêu đề không ghi năm)', en: '(the title states no year)' },
  yearBackToTitles: { vi: 'Dùng năm {year} trong tiêu đề', en: 'Use {year} from the title' },
  yearClear: { vi: 'Bỏ năm đã đặt', en: 'Clear the year' },
  yearInvalid: { vi: 'Năm phải gồm 4 chữ số, từ 2000 đến 2100.', en: 'The year must have 4 digits, from 2000 to 2100.' },
  flagGoTo: { vi: 'Chọn ô {cell} trên {sheet}', en: 'Select cell {cell} on {sheet}' },
  selectedCell: { vi: 'Ô {sheet}!{cell}', en: 'Cell {sheet}!{cell}' },
  previewHeading: { vi: 'Xem ô trong bảng', en: 'Cell in the sheet' },
  lastRun: { vi: 'Đã kiểm tra lúc {time}', en: 'Checked at {time}' },
  autoRerun: { vi: 'Bảng thay đổi: đang chấm lại…', en: 'The sheet changed: scoring again…' },
  errorTitle: { vi: 'Có lỗi', en: 'Something went wrong' },
  dismiss: { vi: 'Đóng', en: 'Dismiss' },
  technicalDetails: { vi: 'Chi tiết kỹ thuật', en: 'Technical details' },
  actions: { vi: 'Thao tác', en: 'Actions' },
  // Appraisal (src/taskpane/components/DifferenceList)
  appraisalHeading: { vi: 'Thẩm định', en: 'Appraisal' },
  appraisedTotal: { vi: 'Tổng điểm thẩm định', en: 'Total appraised score' },
  appraiserMode: { vi: 'Chế độ thẩm định', en: "Appraiser's mode" },
  appraiserModeHint: {
    vi: 'Dành cho cán bộ thẩm định: điền sẵn điểm thẩm định bằng điểm tự chấm, rồi chỉ sửa những tiêu chí chấm khác.',
    en: 'For the appraiser: pre-fill the appraised scores with the self-scores, then change only the criteria you score differently.',
  },
  fillAppraised: { vi: 'Điền điểm thẩm định từ điểm tự chấm (chỉ ô trống)', en: 'Fill appraised scores from the self-scores (empty cells only)' },
  fillAppraisedHint: {
    vi: 'Chép điểm tự chấm sang ô điểm thẩm định còn trống của từng tiêu chí rồi tính lại tổng; ô đã có điểm thẩm định giữ nguyên. Hoàn tác được.',
    en: 'Copies each self-score into its empty appraised cell, then recalculates the totals; appraised cells already filled are kept. Can be reverted.',
  },
  filled: {
    vi: 'Đã điền {cells} ô điểm thẩm định ({criteria} tiêu chí) và tính lại tổng.',
    en: 'Filled {cells} appraised cells ({criteria} criteria) and recalculated the totals.',
  },
  fillNothing: { vi: 'Không có ô điểm thẩm định trống nào để điền.', en: 'No empty appraised cell to fill.' },
  differencesHeading: { vi: 'Chênh lệch điểm thẩm định ({count})', en: 'Appraised scores that differ ({count})' },
  noDifferences: {
    vi: 'Điểm thẩm định bằng điểm tự chấm ở mọi tiêu chí đã thẩm định.',
    en: 'Every appraised criterion keeps its self-score.',
  },
  notAppraised: { vi: 'Chưa thẩm định: {count} tiêu chí.', en: 'Not yet appraised: {count} criteria.' },
  differenceGoTo: { vi: 'Chọn ô điểm thẩm định {cell} trên {sheet}', en: 'Select the appraised cell {cell} on {sheet}' },
  differenceLine: { vi: 'Tự chấm {self} → thẩm định {appraised}', en: 'Self {self} → appraised {appraised}' },
  evidenceShort: { vi: 'Minh chứng: {text}', en: 'Evidence: {text}' },
  explanationShort: { vi: 'Giải trình: {text}', en: 'Explanation: {text}' },
  lostHeading: { vi: 'Điểm bị trừ theo lĩnh vực', en: 'Points lost by field' },
  colSelf: { vi: 'Tự chấm', en: 'Self' },
  colAppraised: { vi: 'Thẩm định', en: 'Appraised' },
  colLost: { vi: 'Bị trừ', en: 'Lost' },
  colDifference: { vi: 'Chênh lệch', en: 'Difference' },
  oldExcel: {
    vi: 'Excel này dùng trình duyệt cũ; đang mở bản rút gọn.',
    en: 'This Excel uses an old browser engine; opening the light pane.',
  },
  // How the table is read (src/taskpane/components/TableReading): heading, badges, the store's failures;
  // the pickers' words load with them (readingText.ts)
  readingHeading: { vi: 'Cách đọc bảng', en: 'How the table is read' },
  readingUnsure: { vi: '{count} cột chưa chắc', en: '{count} unsure columns' },
  readingChosen: { vi: 'có cột do bạn chọn', en: 'some columns chosen by you' },
  readingGoTo: { vi: 'Chọn cột trong "Cách đọc bảng"', en: 'Choose the column in "How the table is read"' },
  readingTableIndex: { vi: 'Trang "{sheet}", bảng {index}', en: 'Sheet "{sheet}", table {index}' },
  readingChoicesUnreadable: {
    vi: 'Không đọc được cách đọc bảng đã lưu trong sổ làm việc; bảng đang được đọc tự động.',
    en: 'The column choice saved in the workbook could not be read; the tables are read automatically.',
  },
  readingChoicesUnsaved: {
    vi: 'Không lưu được cột đã chọn vào sổ làm việc; lựa chọn chỉ dùng đến khi đóng ngăn tác vụ, nút trên dải băng vẫn đọc bảng tự động.',
    en: 'The chosen columns could not be saved in the workbook; they apply until the pane is closed, and the ribbon button still reads the tables automatically.',
  },
  // Consolidation of many communes (src/taskpane/components/Consolidation)
  consolidateHeading: { vi: 'Tổng hợp nhiều xã', en: 'Consolidate many communes' },
  consolidateIntro: {
    vi: 'Chọn tệp Phụ lục (.xlsx) của nhiều xã một lúc để xếp hạng và tổng hợp các vấn đề. Tệp được đọc ngay trên máy này, không bị sửa.',
    en: 'Choose the appendix workbooks (.xlsx) of several communes at once to rank them and list their issues. The files are read on this computer and never changed.',
  },
  consolidateChoose: { vi: 'Chọn các tệp .xlsx…', en: 'Choose .xlsx files…' },
  consolidateChooseHint: { vi: 'Chọn các tệp Phụ lục của nhiều xã (.xlsx)', en: 'Choose the appendix workbooks of several communes (.xlsx)' },
  consolidateProgress: { vi: 'Đã đọc {done}/{total} tệp', en: 'Read {done}/{total} files' },
  consolidateCurrent: { vi: 'Đang đọc {file}…', en: 'Reading {file}…' },
  consolidateCancel: { vi: 'Dừng đọc', en: 'Stop reading' },
  consolidateRanking: { vi: 'Xếp hạng {count} xã theo điểm {basis}', en: 'Ranking of {count} communes by {basis} score' },
  consolidateBasisSelf: { vi: 'tự đánh giá', en: 'self-assessed' },
  consolidateBasisAppraised: { vi: 'thẩm định', en: 'appraised' },
  consolidateNone: { vi: 'Không tệp nào có bảng chấm điểm đọc được.', en: 'No file holds a scoring table that could be read.' },
  colCommune: { vi: 'Xã', en: 'Commune' },
  consolidateFailed: { vi: 'Tệp không dùng được ({count})', en: 'Files not used ({count})' },
  consolidateDownload: { vi: 'Tải xuống TONG-HOP.xlsx', en: 'Download TONG-HOP.xlsx' },
  consolidateDownloadHint: {
    vi: 'Tệp mới gồm trang xếp hạng các xã và trang liệt kê mọi vấn đề (tệp, trang, ô)',
    en: 'A new workbook: the ranking of the communes and every issue with its file, sheet and cell',
  },
  consolidateWrite: { vi: 'Ghi vào sổ làm việc', en: 'Write into the workbook' },
  consolidateWriteHint: {
    vi: 'Thêm trang mới vào sổ làm việc đang mở; không ghi đè trang nào có sẵn',
    en: 'Adds new sheets to the open workbook; no existing sheet is overwritten',
  },
  consolidateWritten: { vi: 'Đã thêm vào sổ làm việc các trang: {sheets}.', en: 'Added to the workbook the sheets: {sheets}.' },
  groupsLegend: { vi: 'Ngưỡng xếp nhóm (% điểm)', en: 'Group thresholds (% of the maximum)' },
  groupFrom: { vi: 'Nhóm {group} từ', en: 'Group {group} from' },
  groupsRest: { vi: 'dưới ngưỡng nhóm C: không xếp nhóm', en: 'below group C: no group' },
  groupsApply: { vi: 'Áp dụng', en: 'Apply' },
  groupsInvalid: {
    vi: 'Ngưỡng phải là số từ 0 đến 100, giảm dần: A > B > C.',
    en: 'Thresholds must be numbers from 0 to 100, decreasing: A > B > C.',
  },
  // Inside Office, before office.js has arrived (the pane never runs browser mode there).
  officeLoading: { vi: 'Đang tải Office…', en: 'Loading Office…' },
  officeRetry: { vi: 'Thử lại', en: 'Try again' },
  officeSlow: { vi: 'Office vẫn chưa tải xong sau {seconds} giây.', en: 'Office has not loaded after {seconds} seconds.' },
  officeFailed: { vi: 'Không tải được Office (office.js).', en: 'Office (office.js) could not be loaded.' },
  officeHelp: {
    vi: 'Có thể mạng chậm, hoặc mạng của cơ quan chặn địa chỉ appsforoffice.microsoft.com. Hãy kiểm tra kết nối Internet rồi bấm "Thử lại"; nếu vẫn không được, nhờ người quản trị mạng cho phép địa chỉ đó. Không cần Excel, tệp vẫn chấm được trên trang {url}.',
    en: 'The network may be slow, or your office network may block appsforoffice.microsoft.com. Check the Internet connection and press "Try again"; if it still does not load, ask your network administrator to allow that address. Without Excel, a file can still be scored on the page {url}.',
  },
  officeNotExcel: { vi: 'CCHC chỉ chạy trong Excel.', en: 'CCHC runs in Excel only.' },
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
  'evidence-out-of-period': { vi: 'Tài liệu kiểm chứng ngoài năm đánh giá', en: 'Evidence outside the assessment year' },
  'evidence-unparsed': { vi: 'Không đọc được số, ngày văn bản', en: 'No document number or date found' },
  'not-a-scoring-table': { vi: 'Trang không phải bảng chấm điểm', en: 'Not a scoring sheet' },
  'ambiguous-column': { vi: 'Chưa chắc cột nào', en: 'Unsure which column' },
  'ambiguous-structure': { vi: 'Chưa chắc cách đọc dòng', en: 'Unsure how rows are read' },
  'summary-sheet': { vi: 'Bảng tổng hợp, không chấm', en: 'Summary sheet, not scored' },
  'sum-range-mismatch': { vi: 'Công thức tổng thiếu tiêu chí', en: 'Total formula misses a criterion' },
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
