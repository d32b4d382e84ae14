import { FlagKind } from '../check/flag';
import { CellRange, GridCell, SheetGrid, WorkbookGrid } from '../grid';

/**
 * The embedded sample workbook: Phụ lục 1 and Phụ lục 2 of xã Thanh Xá (huyện Thanh Hà, tỉnh
 * Hải Dương), 2023, as plain data. Field names, maxima and field scores are the seed report's
 * verified facts; every criterion below field level is ILLUSTRATIVE (the full text of Decision
 * 3395/QĐ-UBND is not available), and the sheets say so. A writer (src/xlsx/gridToWorkbook.ts)
 * turns this into an .xlsx; nobody edits the binary by hand.
 * ES5 only: this file is part of the core bundle.
 */

/** How a writer should dress one sheet; rows and columns 0-based like the grid. */
export interface SampleSheetStyle {
  sheet: string;
  /** Excel column widths (characters), one per column from A. */
  columnWidths: number[];
  fontName: string;
  fontSize: number;
  /** Administrative heading and document title rows (bold, centred). */
  titleRows: number[];
  /** The "illustrative sub-criteria" notice (italic). */
  noticeRows: number[];
  /** Table header rows (bold, light fill, wrapped, centred). */
  headerRows: number[];
  /** "(1) (2) (3)…" row under the header (italic, centred). */
  columnNumberRows: number[];
  fieldRows: number[];
  criterionRows: number[];
  leafRows: number[];
  /** Uncoded "-" rows under a leaf: one allowed level each. */
  tierRows: number[];
  totalRows: number[];
  /** Place, date and signature block under the table. */
  signatureRows: number[];
  /** Header to total row, all columns: thin borders. */
  table: CellRange;
  /** Maximum and self-score columns: number format "0.00", centred. */
  scoreColumns: number[];
  /** Long-text columns (name, evidence, guidance, note): wrapped. */
  wrapColumns: number[];
  /** Short columns centred (code, percentage). */
  centerColumns: number[];
}

export interface SampleWorkbook extends WorkbookGrid {
  styles: SampleSheetStyle[];
}

export const SAMPLE_SHEET_NAMES = ['Phụ lục 1', 'Phụ lục 2'];

export const ILLUSTRATIVE_NOTICE = 'Lưu ý: bảng mẫu do công cụ CCHC tạo; các tiêu chí thành phần chỉ mang tính minh họa, không phải nguyên văn Quyết định 3395/QĐ-UBND.';

/* ---------------------------------------------------------------- expected figures */

export interface SampleExpectedField {
  /** Normalised code ("I" -> "1"), as the core reports it. */
  code: string;
  /** Code as typed in the sheet. */
  rawCode: string;
  name: string;
  /** Self-assessable maximum (survey criteria excluded). */
  max: number;
  /** Maximum of survey (ĐTXHH) criteria under the field. */
  surveyMax: number;
  self: number;
}

export interface SampleExpectedSheet {
  name: string;
  fields: SampleExpectedField[];
  /** Self-assessable maximum and self-score of the sheet. */
  total: { max: number; self: number; surveyMax: number };
  /** The maximum typed on the "Tổng cộng" row (includes survey criteria). */
  typedTotalMax: number;
}

export interface SampleProblem {
  sheet: string;
  /** A1 address of the cell the problem is about (see `kind`). */
  cell: string;
  /** Normalised criterion code. */
  code: string;
  /**
   * missing-evidence: the empty evidence cell of a leaf scored above 0;
   * off-tier: the score cell holding a level the tiers do not allow;
   * text-number: the score cell holding the text "0,5";
   * hand-total-mismatch: a criterion's self-score cell with a wrong hand-typed total.
   */
  kind: FlagKind;
}

export interface SampleExpected {
  sheets: SampleExpectedSheet[];
  /** Whole workbook, self-assessable: 74 + 2 points. */
  total: { max: number; self: number };
  /** Every deliberate problem; nothing else in the sample is wrong. */
  problems: SampleProblem[];
}

/**
 * Facts the seed fixes (field names, maxima, Thanh Xá's field scores, the impact criterion 2/2)
 * plus what this file deliberately placed (the survey criteria, the problems and their cells).
 */
export const SAMPLE_EXPECTED: SampleExpected = {
  sheets: [
    {
      name: 'Phụ lục 1',
      fields: [
        { code: '1', rawCode: '1', name: 'Công tác chỉ đạo điều hành', max: 15, surveyMax: 0, self: 14.35 },
        { code: '2', rawCode: '2', name: 'Cải cách thể chế', max: 5, surveyMax: 0, self: 5 },
        { code: '3', rawCode: '3', name: 'Cải cách thủ tục hành chính', max: 18.5, surveyMax: 0, self: 17.78 },
        { code: '4', rawCode: '4', name: 'Cải cách tổ chức bộ máy chính quyền địa phương', max: 6, surveyMax: 0, self: 6 },
        { code: '5', rawCode: '5', name: 'Cải cách chế độ công vụ', max: 11, surveyMax: 0, self: 8 },
        { code: '6', rawCode: '6', name: 'Cải cách tài chính công', max: 7, surveyMax: 0, self: 7 },
        { code: '7', rawCode: '7', name: 'Xây dựng và phát triển chính quyền điện tử, chính quyền số', max: 11.5, surveyMax: 0, self: 10 },
      ],
      total: { max: 74, self: 68.13, surveyMax: 0 },
      typedTotalMax: 74,
    },
    {
      name: 'Phụ lục 2',
      fields: [
        { code: '1', rawCode: 'I', name: 'Tác động của cải cách hành chính đến phát triển kinh tế - xã hội', max: 2, surveyMax: 0, self: 2 },
        { code: '2', rawCode: 'II', name: 'Đánh giá qua điều tra xã hội học (ĐTXHH)', max: 0, surveyMax: 24, self: 0 },
      ],
      total: { max: 2, self: 2, surveyMax: 24 },
      typedTotalMax: 26,
    },
  ],
  total: { max: 76, self: 70.13 },
  problems: [
    { sheet: 'Phụ lục 1', cell: 'D19', code: '1.2.1', kind: 'text-number' },
    { sheet: 'Phụ lục 1', cell: 'D56', code: '3.1.2', kind: 'off-tier' },
    { sheet: 'Phụ lục 1', cell: 'F80', code: '4.1.2', kind: 'missing-evidence' },
    { sheet: 'Phụ lục 1', cell: 'D101', code: '6.1', kind: 'hand-total-mismatch' },
    { sheet: 'Phụ lục 1', cell: 'F104', code: '6.1.3', kind: 'missing-evidence' },
  ],
};

/* ---------------------------------------------------------------- body rows as data */

/** Evidence: a citation text, a hyperlink to the file, or a HYPERLINK() formula. */
type Evidence = string | { text: string; hyperlink: string } | { text: string; formula: string };

type RowKind = 'field' | 'criterion' | 'leaf' | 'tier';

interface BodyRow {
  kind: RowKind;
  code: string;
  name: string;
  max: number | null;
  /** Number, the text "0,5", "x" (on a tier row), "ĐTXHH", or null for an empty cell. */
  self: number | string | null;
  evidence?: Evidence;
  guidance?: string;
  note?: string;
}

function field(code: string, name: string, max: number): BodyRow {
  return { kind: 'field', code: code, name: name, max: max, self: null };
}

/** A criterion row: max typed, self-score empty (the tool writes the SUM) unless `handTotal`. */
function criterion(code: string, name: string, max: number, handTotal?: number): BodyRow {
  return { kind: 'criterion', code: code, name: name, max: max, self: handTotal === undefined ? null : handTotal };
}

function leaf(code: string, name: string, max: number, self: number | string | null, evidence: Evidence | undefined, guidance?: string, note?: string): BodyRow {
  return { kind: 'leaf', code: code, name: name, max: max, self: self, evidence: evidence, guidance: guidance, note: note };
}

/** A level under a leaf: code cell "-", its points in the max column, "x" when chosen. */
function tier(name: string, points: number, chosen?: boolean): BodyRow {
  return { kind: 'tier', code: '-', name: name, max: points, self: chosen ? 'x' : null };
}

const SITE = 'https://thanhxa.thanhha.haiduong.gov.vn/van-ban/';

const G_ON_TIME = 'Ban hành đúng thời hạn: 0,5 điểm; ban hành chậm: 0,25 điểm; không ban hành: 0 điểm';
const G_MARK = 'Đánh dấu x vào mức điểm phù hợp';

/** Phụ lục 1: 7 fields (seed), illustrative criteria and sub-criteria. */
function appendix1Body(): BodyRow[] {
  return [
    field('1', 'Công tác chỉ đạo điều hành', 15),
    criterion('1.1', 'Kế hoạch cải cách hành chính (CCHC) năm', 3),
    leaf('1.1.1', 'Ban hành Kế hoạch CCHC năm 2023 của UBND xã', 1, null, { text: 'Kế hoạch số 12/KH-UBND ngày 05/01/2023 của UBND xã', hyperlink: SITE + 'kh-12-2023.pdf' }, G_MARK),
    tier('Ban hành trong tháng 01 của năm kế hoạch', 1, true),
    tier('Ban hành sau tháng 01 của năm kế hoạch', 0.5),
    tier('Không ban hành', 0),
    leaf(
      '1.1.2.',
      'Mức độ thực hiện Kế hoạch CCHC',
      1.5,
      1.5,
      'Báo cáo số 256/BC-UBND ngày 12/12/2023 của UBND xã về kết quả thực hiện CCHC năm 2023',
      'Hoàn thành 100% nhiệm vụ: 1,5 điểm; hoàn thành từ 80% đến dưới 100% nhiệm vụ: 1 điểm; hoàn thành dưới 80% nhiệm vụ: 0 điểm',
    ),
    leaf(
      '1.1.3',
      'Kịp thời xử lý khó khăn, vướng mắc trong quá trình thực hiện kế hoạch',
      0.5,
      0.5,
      'Công văn số 35/UBND-VP ngày 10/4/2023 của UBND xã',
      'Có văn bản chỉ đạo xử lý kịp thời: 0,5 điểm; không có: 0 điểm',
    ),
    criterion('1.2', 'Báo cáo CCHC', 2),
    leaf(
      '1.2.1',
      'Số lượng, thời hạn báo cáo CCHC định kỳ (quý, 6 tháng, năm)',
      1,
      '0,5',
      'Báo cáo số 25/BC-UBND ngày 17/3/2023;\nBáo cáo số 89/BC-UBND ngày 15/6/2023;\nBáo cáo số 160/BC-UBND ngày 14/9/2023;\nBáo cáo số 256/BC-UBND ngày 12/12/2023',
      'Đầy đủ, đúng thời hạn: 1 điểm; đầy đủ nhưng có báo cáo gửi chậm: 0,5 điểm; không đầy đủ: 0 điểm',
      'Báo cáo quý I gửi chậm 02 ngày',
    ),
    leaf(
      '1.2.2',
      'Chất lượng báo cáo (đủ nội dung, số liệu theo đề cương hướng dẫn)',
      1,
      1,
      'Như tài liệu kiểm chứng tại tiêu chí thành phần 1.2.1',
      'Đủ nội dung theo đề cương: 1 điểm; thiếu nội dung: 0,5 điểm; không đạt yêu cầu: 0 điểm',
    ),
    criterion('1.3', 'Kiểm tra công tác CCHC', 2),
    leaf('1.3.1', 'Ban hành Kế hoạch tự kiểm tra CCHC', 0.5, 0.5, { text: 'Kế hoạch số 20/KH-UBND', formula: 'HYPERLINK("' + SITE + 'kh-20-2023.pdf","Kế hoạch số 20/KH-UBND")' }, G_ON_TIME),
    leaf(
      '1.3.2',
      'Mức độ thực hiện kế hoạch kiểm tra',
      1,
      1,
      'Báo cáo số 240/BC-UBND ngày 30/11/2023 về kết quả tự kiểm tra công tác CCHC',
      'Hoàn thành 100% kế hoạch: 1 điểm; hoàn thành dưới 100% kế hoạch: 0 điểm',
    ),
    leaf(
      '1.3.3',
      'Xử lý các vấn đề phát hiện qua kiểm tra',
      0.5,
      0.5,
      'Thông báo số 15/TB-UBND ngày 05/12/2023 của UBND xã',
      'Xử lý hoặc kiến nghị xử lý hết các vấn đề phát hiện: 0,5 điểm; chưa xử lý hết: 0 điểm',
    ),
    criterion('1.4', 'Công tác tuyên truyền CCHC', 2),
    leaf('1.4.1', 'Ban hành Kế hoạch tuyên truyền CCHC năm 2023', 0.5, null, 'Kế hoạch số 15/KH-UBND ngày 10/01/2023 của UBND xã', G_ON_TIME),
    tier('Ban hành đúng thời hạn', 0.5, true),
    tier('Ban hành chậm', 0.25),
    tier('Không ban hành', 0),
    leaf(
      '1.4.2',
      'Mức độ thực hiện kế hoạch tuyên truyền CCHC',
      1,
      1,
      'Tin, bài trên Trang thông tin điện tử xã; Sổ nhật ký Đài truyền thanh xã năm 2023',
      'Thực hiện 100% kế hoạch: 1 điểm; thực hiện dưới 100% kế hoạch: 0 điểm',
    ),
    leaf(
      '1.4.3',
      'Tổ chức hoặc tham gia hội thi, hoạt động tìm hiểu về CCHC',
      0.5,
      0.5,
      'Quyết định số 52/QĐ-UBND ngày 28/3/2023 thành lập Đội thi tìm hiểu về CCHC',
      'Có tổ chức hoặc tham gia: 0,5 điểm; không: 0 điểm',
    ),
    criterion('1.5', 'Thực hiện nhiệm vụ do UBND huyện, Chủ tịch UBND huyện giao', 2),
    leaf(
      '1.5.1',
      'Tỷ lệ nhiệm vụ được giao hoàn thành đúng hạn',
      2,
      1.85,
      'Báo cáo số 250/BC-UBND ngày 05/12/2023 về kết quả thực hiện nhiệm vụ được giao',
      'Điểm = tỷ lệ % nhiệm vụ hoàn thành đúng hạn × điểm tối đa',
      'Hoàn thành đúng hạn 37/40 nhiệm vụ (92,5%)',
    ),
    criterion('1.6', 'Đổi mới, sáng tạo trong chỉ đạo, điều hành CCHC', 2),
    leaf('1.6.1', 'Có sáng kiến hoặc giải pháp mới về CCHC được công nhận', 1, 1, 'Quyết định số 230/QĐ-UBND ngày 28/11/2023 công nhận sáng kiến cấp cơ sở', 'Có: 1 điểm; không có: 0 điểm'),
    leaf(
      '1.6.2',
      'Gắn kết quả CCHC với đánh giá thi đua, khen thưởng',
      1,
      1,
      'Quy chế thi đua, khen thưởng ban hành kèm theo Quyết định số 38/QĐ-UBND ngày 15/02/2023',
      'Có: 1 điểm; không có: 0 điểm',
    ),
    criterion('1.7', 'Thực hiện Quy chế dân chủ ở cơ sở và công tác dân vận chính quyền', 2),
    leaf(
      '1.7.1',
      'Ban hành và thực hiện Kế hoạch công tác dân vận chính quyền',
      1,
      1,
      'Kế hoạch số 22/KH-UBND ngày 18/01/2023; Báo cáo số 245/BC-UBND ngày 06/12/2023',
      'Ban hành và thực hiện đầy đủ: 1 điểm; ban hành nhưng thực hiện chưa đầy đủ: 0,5 điểm; không ban hành: 0 điểm',
    ),
    leaf(
      '1.7.2',
      'Công khai, minh bạch hoạt động của chính quyền xã theo quy định',
      1,
      1,
      'Biên bản niêm yết công khai tại trụ sở UBND xã ngày 10/01/2023',
      'Thực hiện đầy đủ: 1 điểm; không đầy đủ: 0 điểm',
    ),

    field('2', 'Cải cách thể chế', 5),
    criterion('2.1', 'Xây dựng, ban hành văn bản quy phạm pháp luật (VBQPPL)', 2),
    leaf('2.1.1', 'Ban hành Kế hoạch xây dựng VBQPPL năm 2023', 0.5, 0.5, 'Kế hoạch số 18/KH-UBND ngày 12/01/2023 của UBND xã', G_ON_TIME),
    leaf('2.1.2', 'Mức độ thực hiện kế hoạch xây dựng VBQPPL', 1.5, null, 'Nghị quyết số 10/NQ-HĐND ngày 20/7/2023 của HĐND xã\nQuyết định số 120/QĐ-UBND ngày 25/7/2023 của UBND xã', G_MARK),
    tier('Hoàn thành 100% kế hoạch', 1.5, true),
    tier('Hoàn thành từ 80% đến dưới 100% kế hoạch', 1),
    tier('Hoàn thành dưới 80% kế hoạch', 0),
    criterion('2.2', 'Theo dõi thi hành pháp luật; rà soát, hệ thống hóa VBQPPL', 2),
    leaf('2.2.1', 'Ban hành Kế hoạch theo dõi tình hình thi hành pháp luật', 0.5, 0.5, 'Kế hoạch số 25/KH-UBND ngày 20/01/2023 của UBND xã', G_ON_TIME),
    leaf(
      '2.2.2.',
      'Rà soát, hệ thống hóa VBQPPL do HĐND, UBND xã ban hành',
      1,
      1,
      'Báo cáo số 30/BC-UBND ngày 25/01/2023 về kết quả hệ thống hóa VBQPPL',
      'Thực hiện đầy đủ, đúng thời hạn: 1 điểm; không thực hiện: 0 điểm',
    ),
    leaf('2.2.3', 'Xử lý kết quả rà soát VBQPPL', 0.5, 0.5, 'Quyết định số 31/QĐ-UBND ngày 08/02/2023 công bố kết quả rà soát', 'Xử lý hết các văn bản phải xử lý: 0,5 điểm; chưa xử lý hết: 0 điểm'),
    criterion('2.3', 'Phổ biến, giáo dục pháp luật', 1),
    leaf(
      '2.3.1',
      'Ban hành và thực hiện Kế hoạch phổ biến, giáo dục pháp luật năm 2023',
      1,
      1,
      'Kế hoạch số 16/KH-UBND ngày 10/01/2023; Báo cáo số 248/BC-UBND ngày 08/12/2023',
      'Ban hành và thực hiện đầy đủ: 1 điểm; không ban hành: 0 điểm',
    ),

    field('3', 'Cải cách thủ tục hành chính', 18.5),
    criterion('3.1', 'Kiểm soát thủ tục hành chính (TTHC)', 3),
    leaf('3.1.1', 'Ban hành Kế hoạch rà soát, đánh giá TTHC năm 2023', 0.5, 0.5, 'Kế hoạch số 28/KH-UBND ngày 30/01/2023 của UBND xã', G_ON_TIME),
    leaf(
      '3.1.2',
      'Mức độ hoàn thành kế hoạch rà soát, đánh giá thủ tục hành chính',
      1,
      0.5,
      'Báo cáo số 210/BC-UBND ngày 20/10/2023 về kết quả rà soát, đánh giá TTHC',
      'Hoàn thành 100% kế hoạch: 1 điểm; hoàn thành dưới 100% kế hoạch: 0 điểm',
      'Hoàn thành 80% kế hoạch; xã đề nghị bổ sung mức 0,5 điểm khi hoàn thành từ 70% đến dưới 100%',
    ),
    tier('Hoàn thành 100% kế hoạch', 1),
    tier('Hoàn thành dưới 100% kế hoạch', 0),
    leaf(
      '3.1.3',
      'Công khai TTHC đầy đủ, đúng quy định tại Bộ phận một cửa và trên Trang thông tin điện tử xã',
      1.5,
      1.5,
      'Ảnh chụp bảng niêm yết TTHC tại Bộ phận một cửa; chuyên mục TTHC trên Trang thông tin điện tử xã',
      'Công khai đầy đủ, đúng quy định: 1,5 điểm; không đầy đủ: 0 điểm',
    ),
    criterion('3.2', 'Thực hiện cơ chế một cửa, một cửa liên thông', 5),
    leaf(
      '3.2.1',
      'Kiện toàn Bộ phận tiếp nhận và trả kết quả (Bộ phận một cửa) theo quy định',
      1,
      1,
      'Quyết định số 45/QĐ-UBND ngày 20/3/2023 của UBND xã về kiện toàn Bộ phận một cửa',
      'Kiện toàn đúng quy định: 1 điểm; không kiện toàn: 0 điểm',
    ),
    leaf(
      '3.2.2',
      'Cơ sở vật chất, trang thiết bị của Bộ phận một cửa đáp ứng quy định',
      1,
      1,
      'Biên bản kiểm kê tài sản, trang thiết bị ngày 29/12/2023',
      'Đáp ứng đầy đủ: 1 điểm; chưa đầy đủ: 0 điểm',
    ),
    leaf(
      '3.2.3',
      'Bố trí công chức làm việc tại Bộ phận một cửa đúng quy định',
      1.5,
      1.5,
      'Quyết định số 46/QĐ-UBND ngày 20/3/2023 phân công công chức làm việc tại Bộ phận một cửa',
      'Bố trí đúng quy định: 1,5 điểm; không đúng quy định: 0 điểm',
    ),
    leaf('3.2.4', 'Tiếp nhận, giải quyết TTHC liên thông theo quy định', 1.5, 1.5, 'Sổ theo dõi hồ sơ liên thông năm 2023', 'Thực hiện đúng quy định: 1,5 điểm; không đúng quy định: 0 điểm'),
    criterion('3.3', 'Kết quả giải quyết TTHC', 7),
    leaf(
      '3.3.1',
      'Tỷ lệ hồ sơ TTHC được giải quyết đúng hạn',
      2,
      1.78,
      { text: 'Báo cáo thống kê kết quả giải quyết TTHC năm 2023 (Hệ thống thông tin giải quyết TTHC tỉnh)', hyperlink: SITE + 'bc-thong-ke-tthc-2023.pdf' },
      'Điểm = tỷ lệ % hồ sơ giải quyết đúng hạn × điểm tối đa',
      '801/900 hồ sơ giải quyết đúng hạn (89%)',
    ),
    leaf(
      '3.3.2',
      'Xin lỗi tổ chức, cá nhân khi giải quyết hồ sơ quá hạn',
      1,
      1,
      '99 Phiếu xin lỗi và hẹn lại ngày trả kết quả',
      'Có văn bản xin lỗi với 100% hồ sơ quá hạn: 1 điểm; dưới 100%: 0 điểm',
    ),
    leaf(
      '3.3.3',
      'Tiếp nhận, xử lý phản ánh, kiến nghị của tổ chức, cá nhân về TTHC',
      1,
      1,
      'Sổ tiếp nhận phản ánh, kiến nghị năm 2023 (không phát sinh phản ánh, kiến nghị)',
      'Xử lý đúng quy định hoặc không phát sinh: 1 điểm; không đúng quy định: 0 điểm',
    ),
    leaf(
      '3.3.4',
      'Thanh toán trực tuyến phí, lệ phí giải quyết TTHC',
      1.5,
      1.5,
      'Báo cáo số 252/BC-UBND ngày 06/12/2023 về thanh toán trực tuyến',
      'Có thực hiện thanh toán trực tuyến: 1,5 điểm; không thực hiện: 0 điểm',
    ),
    leaf(
      '3.3.5',
      'Số hóa hồ sơ, kết quả giải quyết TTHC',
      1.5,
      1.5,
      'Báo cáo số 253/BC-UBND ngày 06/12/2023 về số hóa hồ sơ, kết quả giải quyết TTHC',
      'Số hóa 100% kết quả giải quyết TTHC: 1,5 điểm; dưới 100%: 0 điểm',
    ),
    criterion('3.4', 'Chứng thực, hộ tịch điện tử', 3.5),
    leaf('3.4.1', 'Chứng thực bản sao điện tử từ bản chính', 1.5, 1.5, 'Sổ chứng thực bản sao điện tử từ bản chính năm 2023', 'Có thực hiện: 1,5 điểm; không thực hiện: 0 điểm'),
    leaf('3.4.2', 'Tỷ lệ hồ sơ đăng ký hộ tịch trực tuyến', 2, null, 'Thống kê trên phần mềm đăng ký, quản lý hộ tịch năm 2023', G_MARK),
    tier('Từ 50% hồ sơ trở lên', 2, true),
    tier('Từ 20% đến dưới 50% hồ sơ', 1),
    tier('Dưới 20% hồ sơ', 0),

    field('4', 'Cải cách tổ chức bộ máy chính quyền địa phương', 6),
    criterion('4.1', 'Thực hiện quy định về tổ chức bộ máy', 3),
    leaf(
      '4.1.1',
      'Ban hành Quy chế làm việc của UBND xã',
      1,
      1,
      'Quyết định số 05/QĐ-UBND ngày 04/01/2023 ban hành Quy chế làm việc của UBND xã',
      'Có Quy chế đúng quy định: 1 điểm; không có: 0 điểm',
    ),
    leaf('4.1.2', 'Phân công nhiệm vụ cho thành viên UBND, cán bộ, công chức xã', 1, 1, '', 'Có văn bản phân công: 1 điểm; không có: 0 điểm'),
    leaf(
      '4.1.3',
      'Bố trí số lượng cán bộ, công chức không vượt số lượng được giao',
      1,
      1,
      'Báo cáo số 08/BC-UBND ngày 09/01/2023 về số lượng, chất lượng cán bộ, công chức',
      'Không vượt: 1 điểm; vượt: 0 điểm',
    ),
    criterion('4.2', 'Thực hiện phân cấp, ủy quyền', 3),
    leaf('4.2.1', 'Thực hiện nhiệm vụ được phân cấp, ủy quyền đúng quy định', 1.5, 1.5, 'Báo cáo số 246/BC-UBND ngày 06/12/2023', 'Thực hiện đúng quy định: 1,5 điểm; không đúng quy định: 0 điểm'),
    leaf('4.2.2', 'Báo cáo kết quả thực hiện nhiệm vụ được phân cấp, ủy quyền', 1.5, 1.5, 'Báo cáo số 246/BC-UBND ngày 06/12/2023', 'Báo cáo đúng thời hạn: 1,5 điểm; không báo cáo: 0 điểm'),

    field('5', 'Cải cách chế độ công vụ', 11),
    criterion('5.1', 'Bố trí, sử dụng cán bộ, công chức', 3),
    leaf(
      '5.1.1',
      'Bố trí công chức đúng vị trí việc làm, tiêu chuẩn chức danh',
      1.5,
      1.5,
      'Quyết định số 47/QĐ-UBND ngày 21/3/2023 phân công nhiệm vụ công chức',
      'Bố trí đúng: 1,5 điểm; không đúng: 0 điểm',
    ),
    leaf('5.1.2', 'Thực hiện chế độ, chính sách đối với cán bộ, công chức', 1.5, 1.5, 'Bảng lương, phụ cấp cán bộ, công chức xã năm 2023', 'Thực hiện đầy đủ: 1,5 điểm; không đầy đủ: 0 điểm'),
    criterion('5.2', 'Đánh giá, xếp loại cán bộ, công chức', 3),
    leaf(
      '5.2.1',
      'Thực hiện đánh giá, xếp loại chất lượng cán bộ, công chức năm theo quy định',
      3,
      0,
      '',
      'Thực hiện đầy đủ, đúng quy định: 3 điểm; không thực hiện: 0 điểm',
      'Năm 2023 xã chưa thực hiện đánh giá, xếp loại cán bộ, công chức',
    ),
    criterion('5.3', 'Đào tạo, bồi dưỡng cán bộ, công chức', 2),
    leaf('5.3.1', 'Ban hành Kế hoạch đào tạo, bồi dưỡng cán bộ, công chức năm 2023', 0.5, 0.5, 'Kế hoạch số 26/KH-UBND ngày 20/01/2023 của UBND xã', G_ON_TIME),
    leaf(
      '5.3.2',
      'Tỷ lệ cán bộ, công chức được bồi dưỡng theo kế hoạch',
      1.5,
      1.5,
      'Danh sách cán bộ, công chức tham gia bồi dưỡng năm 2023; Giấy chứng nhận bồi dưỡng',
      'Điểm = tỷ lệ % cán bộ, công chức được bồi dưỡng × điểm tối đa',
      '20/20 cán bộ, công chức (100%)',
    ),
    criterion('5.4', 'Kỷ luật, kỷ cương hành chính', 3),
    leaf('5.4.1', 'Ban hành, thực hiện quy định về văn hóa công vụ', 1, 1, 'Quyết định số 40/QĐ-UBND ngày 16/02/2023 ban hành Quy tắc ứng xử của cán bộ, công chức', 'Có: 1 điểm; không có: 0 điểm'),
    leaf('5.4.2', 'Không có cán bộ, công chức bị kỷ luật trong năm', 1, 1, 'Báo cáo số 247/BC-UBND ngày 07/12/2023 về công tác cán bộ', 'Không có: 1 điểm; có: 0 điểm'),
    leaf('5.4.3', 'Kiểm tra việc chấp hành kỷ luật, kỷ cương hành chính', 1, null, 'Thông báo số 12/TB-UBND ngày 15/9/2023 kết quả kiểm tra công vụ', G_MARK),
    tier('Có kiểm tra', 1, true),
    tier('Không kiểm tra', 0),

    field('6', 'Cải cách tài chính công', 7),
    criterion('6.1', 'Quản lý, sử dụng ngân sách, tài sản công', 3, 2.5),
    leaf(
      '6.1.1',
      'Công khai dự toán, quyết toán ngân sách xã theo quy định',
      1,
      1,
      'Quyết định số 01/QĐ-UBND ngày 03/01/2023 công bố công khai dự toán ngân sách năm 2023',
      'Công khai đầy đủ, đúng thời hạn: 1 điểm; không đầy đủ: 0 điểm',
    ),
    leaf(
      '6.1.2',
      'Thực hiện kiến nghị của cơ quan thanh tra, kiểm toán về tài chính, ngân sách',
      1,
      1,
      'Báo cáo số 249/BC-UBND ngày 08/12/2023 (năm 2023 không có kiến nghị)',
      'Thực hiện 100% kiến nghị hoặc không có kiến nghị: 1 điểm; chưa thực hiện hết: 0 điểm',
    ),
    leaf('6.1.3', 'Báo cáo tình hình quản lý, sử dụng tài sản công', 1, 1, '', 'Báo cáo đầy đủ, đúng thời hạn: 1 điểm; không báo cáo: 0 điểm'),
    criterion('6.2', 'Thực hiện cơ chế tự chủ, tự chịu trách nhiệm về tài chính', 2),
    leaf('6.2.1', 'Ban hành Quy chế chi tiêu nội bộ', 1, null, 'Quyết định số 10/QĐ-UBND ngày 16/01/2023 ban hành Quy chế chi tiêu nội bộ', G_MARK),
    tier('Ban hành trong quý I', 1, true),
    tier('Ban hành sau quý I', 0.5),
    tier('Không ban hành', 0),
    leaf('6.2.2', 'Báo cáo kết quả thực hiện cơ chế tự chủ', 1, 1, 'Báo cáo số 05/BC-UBND ngày 08/01/2024', 'Có báo cáo: 1 điểm; không có: 0 điểm'),
    criterion('6.3', 'Thu, chi ngân sách', 2),
    leaf(
      '6.3.1',
      'Thu ngân sách đạt dự toán được giao',
      1,
      1,
      'Nghị quyết số 24/NQ-HĐND ngày 20/12/2023 của HĐND xã về ước thực hiện thu, chi ngân sách năm 2023',
      'Đạt hoặc vượt dự toán: 1 điểm; không đạt: 0 điểm',
    ),
    leaf('6.3.2', 'Giải ngân vốn đầu tư công đúng tiến độ', 1, 1, 'Báo cáo số 251/BC-UBND ngày 06/12/2023 về giải ngân vốn đầu tư công', 'Đúng tiến độ: 1 điểm; chậm tiến độ: 0 điểm'),

    field('7', 'Xây dựng và phát triển chính quyền điện tử, chính quyền số', 11.5),
    criterion('7.1', 'Ứng dụng công nghệ thông tin, chuyển đổi số trong hoạt động của UBND xã', 4.5),
    leaf(
      '7.1.1',
      'Ban hành Kế hoạch ứng dụng công nghệ thông tin, chuyển đổi số năm 2023',
      0.5,
      0.5,
      { text: 'Kế hoạch số 14/KH-UBND ngày 06/01/2023 của UBND xã', hyperlink: SITE + 'kh-14-2023.pdf' },
      G_ON_TIME,
    ),
    leaf(
      '7.1.2',
      'Tỷ lệ văn bản đi, đến dưới dạng điện tử qua phần mềm quản lý văn bản',
      1.5,
      1.5,
      'Thống kê trên phần mềm quản lý văn bản và điều hành năm 2023',
      'Từ 90% trở lên: 1,5 điểm; từ 70% đến dưới 90%: 1 điểm; dưới 70%: 0 điểm',
    ),
    leaf(
      '7.1.3',
      'Sử dụng chữ ký số trên văn bản điện tử',
      1,
      0.5,
      'Thống kê trên phần mềm quản lý văn bản và điều hành năm 2023',
      '100% văn bản điện tử có chữ ký số: 1 điểm; từ 80% đến dưới 100%: 0,5 điểm; dưới 80%: 0 điểm',
      'Đạt 86% văn bản có chữ ký số',
    ),
    leaf('7.1.4', 'Sử dụng hộp thư điện tử công vụ', 1.5, 1.5, 'Danh sách tài khoản thư điện tử công vụ của cán bộ, công chức', '100% cán bộ, công chức sử dụng: 1,5 điểm; dưới 100%: 0 điểm'),
    criterion('7.2', 'Cung cấp dịch vụ công trực tuyến', 4),
    leaf('7.2.1', 'Tỷ lệ hồ sơ TTHC được tiếp nhận, giải quyết trực tuyến', 2, null, 'Thống kê trên Hệ thống thông tin giải quyết TTHC tỉnh năm 2023', G_MARK, 'Tỷ lệ hồ sơ trực tuyến đạt 35,2%'),
    tier('Từ 50% trở lên', 2),
    tier('Từ 30% đến dưới 50%', 1, true),
    tier('Dưới 30%', 0),
    leaf(
      '7.2.2',
      'Cập nhật, đồng bộ hồ sơ lên Hệ thống thông tin giải quyết TTHC tỉnh',
      2,
      2,
      'Thống kê trên Hệ thống thông tin giải quyết TTHC tỉnh năm 2023',
      'Cập nhật đầy đủ: 2 điểm; không đầy đủ: 0 điểm',
    ),
    criterion('7.3', 'Trang thông tin điện tử, an toàn thông tin', 3),
    leaf(
      '7.3.1',
      'Duy trì, cập nhật Trang thông tin điện tử của xã',
      1.5,
      1.5,
      'Trang thông tin điện tử xã Thanh Xá (thanhxa.thanhha.haiduong.gov.vn); Quyết định số 32/QĐ-UBND ngày 06/02/2023 thành lập Ban biên tập',
      'Cập nhật thường xuyên: 1,5 điểm; không cập nhật: 0 điểm',
    ),
    leaf('7.3.2', 'Bảo đảm an toàn thông tin mạng', 1.5, 1.5, 'Kế hoạch số 30/KH-UBND ngày 02/02/2023 về bảo đảm an toàn thông tin mạng', 'Có kế hoạch và thực hiện: 1,5 điểm; không có: 0 điểm'),
  ];
}

const SURVEY_GUIDANCE = 'Điểm do điều tra xã hội học (ĐTXHH)';

/** Phụ lục 2: the impact criterion (seed) and illustrative survey criteria (ĐTXHH). */
function appendix2Body(): BodyRow[] {
  return [
    field('I', 'Tác động của cải cách hành chính đến phát triển kinh tế - xã hội', 2),
    leaf(
      'I.1',
      'Mức độ thực hiện các chỉ tiêu phát triển kinh tế - xã hội do HĐND cấp xã giao',
      2,
      2,
      'Nghị quyết số 25/NQ-HĐND ngày 20/12/2023 của HĐND xã về kết quả thực hiện nhiệm vụ phát triển kinh tế - xã hội năm 2023',
      'Đạt và vượt 100% chỉ tiêu: 2 điểm; đạt từ 80% đến dưới 100% chỉ tiêu: 1 điểm; đạt dưới 80% chỉ tiêu: 0 điểm',
      'Đạt và vượt 18/18 chỉ tiêu',
    ),
    { kind: 'field', code: 'II', name: 'Đánh giá qua điều tra xã hội học (ĐTXHH)', max: 24, self: null, guidance: SURVEY_GUIDANCE },
    leaf('II.1', 'Mức độ hài lòng của người dân, tổ chức đối với giải quyết TTHC', 10, 'ĐTXHH', undefined, SURVEY_GUIDANCE),
    leaf('II.2', 'Đánh giá của người dân về công khai, minh bạch hoạt động của UBND xã', 8, 'ĐTXHH', undefined, SURVEY_GUIDANCE),
    leaf('II.3', 'Đánh giá của cán bộ, công chức về công tác chỉ đạo, điều hành CCHC', 6, null, undefined, SURVEY_GUIDANCE),
  ];
}

/* ---------------------------------------------------------------- sheet layouts */

type Role = 'code' | 'name' | 'max' | 'self' | 'percent' | 'evidence' | 'guidance' | 'note';

interface Layout {
  sheet: string;
  appendixTitle: string;
  /** Role of each column, A first. */
  roles: Role[];
  /** Header cells: [row 0 or 1 of the header, column, text]; merges separately. */
  header: Array<[number, number, string]>;
  headerMerges: Array<[number, number, number, number]>; // relative top, left, bottom, right
  columnNumbers: string[];
  widths: number[];
  totalMax: number;
  body: BodyRow[];
}

function appendix1Layout(): Layout {
  return {
    sheet: 'Phụ lục 1',
    appendixTitle: 'PHỤ LỤC 1',
    roles: ['code', 'name', 'max', 'self', 'percent', 'evidence', 'guidance', 'note'],
    header: [
      [0, 0, 'STT'],
      [0, 1, 'Lĩnh vực, tiêu chí, tiêu chí thành phần'],
      [0, 2, 'Điểm'],
      [1, 2, 'Tối đa'],
      [1, 3, 'Tự đánh giá'],
      [0, 4, 'Tỷ lệ (%)'],
      [0, 5, 'Tài liệu kiểm chứng'],
      [0, 6, 'Hướng dẫn chấm điểm'],
      [0, 7, 'Ghi chú, giải trình'],
    ],
    headerMerges: [
      [0, 0, 1, 0],
      [0, 1, 1, 1],
      [0, 2, 0, 3],
      [0, 4, 1, 4],
      [0, 5, 1, 5],
      [0, 6, 1, 6],
      [0, 7, 1, 7],
    ],
    columnNumbers: ['(1)', '(2)', '(3)', '(4)', '(5)=(4)/(3)', '(6)', '(7)', '(8)'],
    widths: [8, 50, 9, 11, 9, 42, 42, 28],
    totalMax: 74,
    body: appendix1Body(),
  };
}

/** Phụ lục 2 puts evidence before the scores and has no percentage column. */
function appendix2Layout(): Layout {
  return {
    sheet: 'Phụ lục 2',
    appendixTitle: 'PHỤ LỤC 2',
    roles: ['code', 'name', 'evidence', 'max', 'self', 'guidance', 'note'],
    header: [
      [0, 0, 'STT'],
      [0, 1, 'Nội dung'],
      [0, 2, 'Minh chứng'],
      [0, 3, 'Điểm'],
      [1, 3, 'Thang điểm'],
      [1, 4, 'Điểm tự chấm'],
      [0, 5, 'Cách tính điểm'],
      [0, 6, 'Ghi chú'],
    ],
    headerMerges: [
      [0, 0, 1, 0],
      [0, 1, 1, 1],
      [0, 2, 1, 2],
      [0, 3, 0, 4],
      [0, 5, 1, 5],
      [0, 6, 1, 6],
    ],
    columnNumbers: ['(1)', '(2)', '(3)', '(4)', '(5)', '(6)', '(7)'],
    widths: [8, 50, 42, 10, 11, 40, 28],
    totalMax: 26,
    body: appendix2Body(),
  };
}

/* ---------------------------------------------------------------- building the grid */

function text(value: string): GridCell {
  return { value: value };
}

function evidenceCell(evidence: Evidence | undefined): GridCell | null {
  if (evidence === undefined || evidence === '') return null;
  if (typeof evidence === 'string') return text(evidence);
  if ('hyperlink' in evidence) return { value: evidence.text, hyperlink: evidence.hyperlink };
  return { value: evidence.text, formula: evidence.formula };
}

function indexOfRole(roles: Role[], role: Role): number {
  for (let i = 0; i < roles.length; i++) if (roles[i] === role) return i;
  return -1;
}

function emptyRow(width: number): Array<GridCell | null> {
  const row: Array<GridCell | null> = [];
  for (let i = 0; i < width; i++) row.push(null);
  return row;
}

function buildSheet(layout: Layout): { sheet: SheetGrid; style: SampleSheetStyle } {
  const width = layout.roles.length;
  const last = width - 1;
  const rows: Array<Array<GridCell | null>> = [];
  const merges: CellRange[] = [];
  const style: SampleSheetStyle = {
    sheet: layout.sheet,
    columnWidths: layout.widths.slice(),
    fontName: 'Times New Roman',
    fontSize: 12,
    titleRows: [],
    noticeRows: [],
    headerRows: [],
    columnNumberRows: [],
    fieldRows: [],
    criterionRows: [],
    leafRows: [],
    tierRows: [],
    totalRows: [],
    signatureRows: [],
    table: { top: 0, left: 0, bottom: 0, right: last },
    scoreColumns: [indexOfRole(layout.roles, 'max'), indexOfRole(layout.roles, 'self')],
    wrapColumns: [],
    centerColumns: [indexOfRole(layout.roles, 'code')],
  };
  const wrapRoles: Role[] = ['name', 'evidence', 'guidance', 'note'];
  for (let i = 0; i < wrapRoles.length; i++) {
    const c = indexOfRole(layout.roles, wrapRoles[i]);
    if (c >= 0) style.wrapColumns.push(c);
  }
  const percentCol = indexOfRole(layout.roles, 'percent');
  if (percentCol >= 0) style.centerColumns.push(percentCol);

  const addRow = function (): Array<GridCell | null> {
    const row = emptyRow(width);
    rows.push(row);
    return row;
  };
  const merge = function (top: number, left: number, bottom: number, right: number): void {
    merges.push({ top: top, left: left, bottom: bottom, right: right });
  };
  /** A line of text merged across columns [left, right]. */
  const line = function (value: string, left: number, right: number): number {
    const row = addRow();
    const r = rows.length - 1;
    row[left] = text(value);
    if (right > left) merge(r, left, r, right);
    return r;
  };

  // Title rows: issuing bodies (left), appendix, title, attachment line, illustrative notice.
  style.titleRows.push(line('UBND HUYỆN THANH HÀ', 0, 2));
  style.titleRows.push(line('UBND XÃ THANH XÁ', 0, 2));
  style.titleRows.push(line(layout.appendixTitle, 0, last));
  style.titleRows.push(line('BẢNG TỰ ĐÁNH GIÁ, CHẤM ĐIỂM CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2023 CỦA UBND XÃ THANH XÁ', 0, last));
  style.titleRows.push(line('(Kèm theo Báo cáo số .../BC-UBND ngày .../.../2023 của UBND xã Thanh Xá)', 0, last));
  style.noticeRows.push(line(ILLUSTRATIVE_NOTICE, 0, last));

  // Two-row header with merged cells, then the column-number row.
  const headerTop = rows.length;
  addRow();
  addRow();
  for (let i = 0; i < layout.header.length; i++) {
    const h = layout.header[i];
    rows[headerTop + h[0]][h[1]] = text(h[2]);
  }
  for (let i = 0; i < layout.headerMerges.length; i++) {
    const m = layout.headerMerges[i];
    merge(headerTop + m[0], m[1], headerTop + m[2], m[3]);
  }
  style.headerRows.push(headerTop, headerTop + 1);
  const numbers = addRow();
  for (let c = 0; c < width; c++) numbers[c] = text(layout.columnNumbers[c]);
  style.columnNumberRows.push(rows.length - 1);
  style.table.top = headerTop;

  // Body.
  const col = function (role: Role): number {
    return indexOfRole(layout.roles, role);
  };
  for (let i = 0; i < layout.body.length; i++) {
    const spec = layout.body[i];
    const row = addRow();
    const r = rows.length - 1;
    row[col('code')] = text(spec.code);
    row[col('name')] = text(spec.name);
    if (spec.max !== null) row[col('max')] = { value: spec.max };
    if (spec.self !== null) row[col('self')] = { value: spec.self };
    row[col('evidence')] = evidenceCell(spec.evidence);
    if (spec.guidance) row[col('guidance')] = text(spec.guidance);
    if (spec.note) row[col('note')] = text(spec.note);
    if (spec.kind === 'field') style.fieldRows.push(r);
    else if (spec.kind === 'criterion') style.criterionRows.push(r);
    else if (spec.kind === 'leaf') style.leafRows.push(r);
    else style.tierRows.push(r);
  }

  // Total row: max typed, self-score empty (the tool writes the SUM).
  const total = addRow();
  total[col('name')] = text('Tổng cộng');
  total[col('max')] = { value: layout.totalMax };
  style.totalRows.push(rows.length - 1);
  style.table.bottom = rows.length - 1;

  // Signature block under the table, on the right.
  const signLeft = Math.max(0, last - 2);
  addRow();
  const signLines = ['Thanh Xá, ngày ... tháng ... năm 2023', 'TM. ỦY BAN NHÂN DÂN XÃ', 'CHỦ TỊCH', '', '', 'Nguyễn Thị Thúy'];
  for (let i = 0; i < signLines.length; i++) {
    if (signLines[i] === '') {
      addRow();
      continue;
    }
    style.signatureRows.push(line(signLines[i], signLeft, last));
  }
  return { sheet: { name: layout.sheet, rows: rows, merges: merges }, style: style };
}

/** The sample workbook as plain data, with the styling a writer needs. A fresh copy per call. */
export function buildSampleGrid(): SampleWorkbook {
  const layouts = [appendix1Layout(), appendix2Layout()];
  const sheets: SheetGrid[] = [];
  const styles: SampleSheetStyle[] = [];
  for (let i = 0; i < layouts.length; i++) {
    const built = buildSheet(layouts[i]);
    sheets.push(built.sheet);
    styles.push(built.style);
  }
  return { sheets: sheets, styles: styles, fileName: 'mau-phu-luc-cchc-thanh-xa-2023.xlsx' };
}
