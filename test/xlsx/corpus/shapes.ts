import { SheetGrid, WorkbookGrid } from '../../../src/core/grid';
import { CellInput, sheet, workbook } from '../../helpers/gridBuilder';

/**
 * The hand-built corpus of issue 10: one workbook per layout of "Minimal layouts that fail today",
 * made by code (written to .xlsx at test time). What the CLI must answer for each is written by hand
 * in expected/<name>.json; see corpus.test.ts.
 *
 * Rows below are spreadsheet rows from 1 (a comment gives the row number where the expected file
 * points at a cell).
 */

const EV = {
  plan: 'Kế hoạch số 12/KH-UBND ngày 05/01/2023',
  report: 'Báo cáo số 45/BC-UBND ngày 15/06/2023',
  decision: 'Quyết định số 78/QĐ-UBND ngày 20/03/2023',
  notice: 'Thông báo số 31/TB-UBND ngày 02/08/2023',
  yearReport: 'Báo cáo số 210/BC-UBND ngày 20/12/2023',
};

function hide(s: SheetGrid, rows: number[], columns: number[]): SheetGrid {
  s.hidden = { rows: rows, columns: columns };
  return s;
}

const HEADER5: CellInput[] = ['STT', 'Nội dung', 'Điểm tối đa', 'Điểm tự đánh giá', 'Tài liệu kiểm chứng'];

export const CORPUS: { [name: string]: () => WorkbookGrid } = {
  /** A running STT column beside the code column: the codes are in "Mã", STT is not a code. 2/2. */
  'stt-beside-code': () =>
    workbook(
      sheet('Bảng điểm', [
        ['STT', 'Mã', 'Nội dung', 'Điểm tối đa', 'Điểm tự đánh giá'],
        [1, 1, 'Lĩnh vực', 2, null],
        [2, '1.1', 'a', 1, 1],
        [3, '1.2', 'b', 1, 1],
      ]),
    ),

  /** Last year's column, hidden, before this year's: the 2023 column is the self-score. 2/2. */
  'hidden-2022-column': () =>
    workbook(
      hide(
        sheet(
          'Bảng điểm',
          [
            ['BẢNG TỰ ĐÁNH GIÁ CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2023'],
            ['Mã', 'Nội dung', 'Điểm tối đa', 'Điểm tự đánh giá năm 2022', 'Điểm tự đánh giá năm 2023'],
            ['1', 'Lĩnh vực', 2, null, null],
            ['1.1', 'a', 1, 0.5, 1],
            ['1.2', 'b', 1, 0, 1],
          ],
          ['A1:E1'],
        ),
        [],
        [3],
      ),
    ),

  /** Outline numbering: I, II for fields, criteria 1, 2 restarting under each, then 1.1. 3/3. */
  outline: () =>
    workbook(
      sheet('Bảng điểm', [
        ['TT', 'Nội dung', 'Điểm tối đa', 'Điểm tự đánh giá'],
        ['I', 'Lĩnh vực A', 2, null],
        [1, 'Tiêu chí', 2, null],
        ['1.1', 'a', 1, 1],
        ['1.2', 'b', 1, 1],
        ['II', 'Lĩnh vực B', 1, null],
        [1, 'Tiêu chí', 1, 1],
      ]),
    ),

  /** Phụ lục 1, its "Tổng cộng", then "PHỤ LỤC 2" with a header and table of its own, in one sheet. */
  'two-tables': () =>
    workbook(
      sheet(
        'Phụ lục',
        [
          ['PHỤ LỤC 1'], // 1
          HEADER5, // 2
          ['1', 'Chỉ đạo, điều hành cải cách hành chính', 2, 2, null], // 3
          ['1.1', 'Ban hành kế hoạch cải cách hành chính', 1, 1, EV.plan], // 4
          ['1.2', 'Báo cáo cải cách hành chính định kỳ', 1, 1, EV.report], // 5
          [null, 'Tổng cộng', 2, 2, null], // 6
          [], // 7
          ['PHỤ LỤC 2'], // 8
          HEADER5, // 9
          ['1', 'Tác động của cải cách hành chính đến phát triển kinh tế - xã hội', 2, 1.5, null], // 10
          ['1.1', 'Kết quả thực hiện chỉ tiêu kinh tế - xã hội', 2, 1.5, EV.yearReport], // 11
          [null, 'Tổng cộng', 2, 1.5, null], // 12
        ],
        ['A1:E1', 'A8:E8'],
      ),
    ),

  /** Group rows A (self-assessed) and B (survey): B's criteria have no self-score and are not in the maximum. */
  'groups-survey': () =>
    workbook(
      sheet(
        'Bảng chấm điểm',
        [
          ['BẢNG TỰ ĐÁNH GIÁ CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2023'], // 1
          HEADER5, // 2
          ['A', 'TỰ ĐÁNH GIÁ', 3, 2.5, null], // 3
          ['I', 'Chỉ đạo, điều hành cải cách hành chính', 3, 2.5, null], // 4
          ['1.1', 'Ban hành kế hoạch cải cách hành chính', 1, 1, EV.plan], // 5
          ['1.2', 'Kiểm tra cải cách hành chính', 2, 1.5, EV.report], // 6
          ['B', 'ĐIỀU TRA XÃ HỘI HỌC (ĐTXHH)', 4, null, null], // 7
          ['II', 'Sự hài lòng của người dân, tổ chức', 4, null, null], // 8
          ['2.1', 'Mức độ hài lòng về thủ tục hành chính', 2, null, null], // 9
          ['2.2', 'Mức độ hài lòng về sự phục vụ của công chức', 2, null, null], // 10
          [null, 'Tổng cộng', null, 2.5, null], // 11
        ],
        ['A1:E1'],
      ),
    ),

  /** A deduction row "Điểm trừ | -2 | -1": subtracts, is not in the maximum, is no error. */
  deduction: () =>
    workbook(
      sheet('Bảng điểm', [
        HEADER5, // 1
        ['1', 'Chỉ đạo, điều hành cải cách hành chính', 2, 1, null], // 2
        ['1.1', 'Ban hành kế hoạch cải cách hành chính', 1, 1, EV.plan], // 3
        ['1.2', 'Báo cáo cải cách hành chính định kỳ', 1, 1, EV.report], // 4
        ['1.3', 'Điểm trừ', -2, -1, null], // 5
      ]),
    ),

  /** Tiers written as lines in the name cell: 0,75 is not a level (flagged), 0,5 is. */
  'name-cell-tiers': () =>
    workbook(
      sheet('Bảng điểm', [
        HEADER5, // 1
        ['1', 'Chỉ đạo, điều hành cải cách hành chính', 2, null, null], // 2
        ['1.1', 'Ban hành kế hoạch cải cách hành chính\n- Đúng hạn: 1 điểm\n- Chậm: 0,5 điểm\n- Không thực hiện: 0 điểm', 1, 0.75, EV.plan], // 3
        ['1.2', 'Báo cáo cải cách hành chính định kỳ\n- Đúng hạn: 1 điểm\n- Chậm: 0,5 điểm\n- Không thực hiện: 0 điểm', 1, 0.5, EV.report], // 4
      ]),
    ),

  /** Incremental tiers: 0; 0,5; 0,6 … 1 are levels, so 0,7 is accepted and 0,75 flagged. */
  'incremental-tiers': () =>
    workbook(
      sheet('Bảng điểm', [
        ['STT', 'Nội dung', 'Điểm tối đa', 'Điểm tự đánh giá', 'Tài liệu kiểm chứng', 'Hướng dẫn chấm điểm'], // 1
        ['1', 'Giải quyết thủ tục hành chính', 2, null, null, null], // 2
        ['1.1', 'Hồ sơ giải quyết đúng hạn', 1, 0.7, EV.report, 'Đạt 50%: 0,5 điểm; cứ tăng thêm 10% được cộng 0,1 điểm; tối đa 1 điểm'], // 3
        ['1.2', 'Hồ sơ tiếp nhận trực tuyến', 1, 0.75, EV.notice, 'Đạt 50%: 0,5 điểm; cứ tăng thêm 10% được cộng 0,1 điểm; tối đa 1 điểm'], // 4
      ]),
    ),

  /** Parts a), b) with their own max, score and evidence: b) is scored without evidence, a) has some. */
  parts: () =>
    workbook(
      sheet(
        'Bảng điểm',
        [
          ['BẢNG TỰ ĐÁNH GIÁ CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2023'], // 1
          HEADER5, // 2
          ['1', 'Công tác tuyên truyền', 2, 2, null], // 3
          ['1.1', 'Tuyên truyền cải cách hành chính', 2, 2, null], // 4
          ['a)', 'Ban hành kế hoạch tuyên truyền', 1, 1, EV.plan], // 5
          ['b)', 'Tuyên truyền trên hệ thống truyền thanh của xã', 1, 1, null], // 6
        ],
        ['A1:E1'],
      ),
    ),

  /** Headers "Điểm đạt" (with "Thang điểm", "Minh chứng") and "Điểm UBND xã tự đánh giá" (with "Điểm chuẩn"). */
  'header-synonyms': () =>
    workbook(
      sheet('Biểu 1', [
        ['STT', 'Nội dung', 'Thang điểm', 'Điểm đạt', 'Minh chứng'],
        ['1', 'Chỉ đạo, điều hành cải cách hành chính', 2, 1.5, null],
        ['1.1', 'Ban hành kế hoạch cải cách hành chính', 1, 1, EV.plan],
        ['1.2', 'Báo cáo cải cách hành chính định kỳ', 1, 0.5, EV.report],
      ]),
      sheet('Biểu 2', [
        ['STT', 'Nội dung', 'Điểm chuẩn', 'Điểm UBND xã tự đánh giá', 'Tài liệu kiểm chứng'],
        ['1', 'Cải cách tổ chức bộ máy', 2, 1.5, null],
        ['1.1', 'Rà soát chức năng, nhiệm vụ', 1, 1, EV.decision],
        ['1.2', 'Bố trí công chức đúng vị trí việc làm', 1, 0.5, EV.notice],
      ]),
    ),

  /** A summary sheet in front whose scores are formulas into the appendix: not scored, the total not doubled. */
  'summary-sheet': () =>
    workbook(
      sheet(
        'Tổng hợp',
        [
          ['TỔNG HỢP KẾT QUẢ TỰ ĐÁNH GIÁ CHỈ SỐ CẢI CÁCH HÀNH CHÍNH'],
          ['STT', 'Nội dung', 'Điểm tối đa', 'Điểm tự đánh giá'],
          ['1', 'Chỉ đạo, điều hành cải cách hành chính', { v: 2, f: "'PL1'!C2" }, { v: 1.5, f: "'PL1'!D2" }],
          ['2', 'Cải cách thể chế', { v: 1, f: "'PL1'!C5" }, { v: 1, f: "'PL1'!D5" }],
          [null, 'Tổng cộng', { v: 3, f: 'SUM(C3:C4)' }, { v: 2.5, f: 'SUM(D3:D4)' }],
        ],
        ['A1:D1'],
      ),
      sheet('PL1', [
        HEADER5, // 1
        ['1', 'Chỉ đạo, điều hành cải cách hành chính', 2, 1.5, null], // 2
        ['1.1', 'Ban hành kế hoạch cải cách hành chính', 1, 1, EV.plan], // 3
        ['1.2', 'Báo cáo cải cách hành chính định kỳ', 1, 0.5, EV.report], // 4
        ['2', 'Cải cách thể chế', 1, 1, null], // 5
        ['2.1', 'Rà soát văn bản quy phạm pháp luật', 1, 1, EV.decision], // 6
      ]),
    ),

  /** Another province's sheet called "Phụ lục 1": no 3395 in its title, other fields; no profile, no profile warning. */
  'other-province': () =>
    workbook(
      sheet(
        'Phụ lục 1',
        [
          ['UBND XÃ HẢI AN'], // 1
          ['BẢNG TỰ CHẤM ĐIỂM CHỈ SỐ CẢI CÁCH HÀNH CHÍNH CẤP XÃ NĂM 2023'], // 2
          ['(Theo Quyết định số 1325/QĐ-UBND ngày 12/6/2023 của UBND tỉnh Quảng Trị)'], // 3
          ['STT', 'Lĩnh vực, tiêu chí', 'Điểm tối đa', 'Điểm tự đánh giá', 'Tài liệu kiểm chứng'], // 4
          ['1', 'Tổ chức thực hiện nhiệm vụ cải cách hành chính', 6, 5, null], // 5
          ['1.1', 'Ban hành kế hoạch cải cách hành chính', 3, 3, EV.plan], // 6
          ['1.2', 'Kiểm tra, giám sát việc thực hiện', 3, 2, EV.report], // 7
          ['2', 'Hiện đại hóa nền hành chính', 4, 4, null], // 8
          ['2.1', 'Ứng dụng công nghệ thông tin trong xử lý công việc', 4, 4, EV.notice], // 9
          [null, 'Tổng cộng', 10, 9, null], // 10
        ],
        ['A1:E1', 'A2:E2', 'A3:E3'],
      ),
    ),

  /** A sheet named otherwise whose title cites Decision 3395: the profile applies; fields 2 and 5 differ from 3395's maxima. */
  'title-cites-3395': () =>
    workbook(
      sheet(
        'Bảng điểm xã',
        [
          ['UBND XÃ THANH XÁ'], // 1
          ['BẢNG TỰ ĐÁNH GIÁ CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2023'], // 2
          ['(Theo Quyết định số 3395/QĐ-UBND ngày 15/12/2022 của UBND tỉnh Hải Dương)'], // 3
          ['STT', 'Nội dung', 'Điểm tối đa', 'Điểm tự đánh giá'], // 4
          ['1', 'Công tác chỉ đạo điều hành', 15, 14.35], // 5
          ['1.1', 'Kế hoạch và thực hiện kế hoạch cải cách hành chính', 15, 14.35], // 6
          ['2', 'Cải cách thể chế', 6, 6], // 7: 3395 says 5
          ['2.1', 'Xây dựng, ban hành và kiểm tra văn bản', 6, 6], // 8
          ['3', 'Cải cách thủ tục hành chính', 18.5, 18.5], // 9
          ['3.1', 'Giải quyết thủ tục hành chính', 18.5, 18.5], // 10
          ['4', 'Cải cách tổ chức bộ máy chính quyền địa phương', 6, 6], // 11
          ['4.1', 'Thực hiện quy định về tổ chức bộ máy', 6, 6], // 12
          ['5', 'Cải cách chế độ công vụ', 10, 8], // 13: 3395 says 11
          ['5.1', 'Quản lý, sử dụng cán bộ, công chức', 10, 8], // 14
          ['6', 'Cải cách tài chính công', 7, 7], // 15
          ['6.1', 'Quản lý, sử dụng tài chính công', 7, 7], // 16
          ['7', 'Xây dựng và phát triển chính quyền điện tử, chính quyền số', 11.5, 10], // 17
          ['7.1', 'Ứng dụng công nghệ thông tin, chuyển đổi số', 11.5, 10], // 18
          [null, 'Tổng cộng', 74, 69.85], // 19
        ],
        ['A1:D1', 'A2:D2', 'A3:D3'],
      ),
    ),
};
