import { CellInput, sheet } from '../../helpers/gridBuilder';

/** Header of a commune's table as the district returns it: both score columns, evidence and explanation. */
export const APPRAISAL_HEADER: CellInput[] = ['STT', 'Nội dung tiêu chí', 'Điểm tối đa', 'Điểm tự đánh giá', 'Điểm thẩm định', 'Tài liệu kiểm chứng', 'Ghi chú, giải trình'];

/**
 * A small appraised table (columns A-G; rows numbered as in Excel in the comments):
 * 1.1 loses 0,5; 1.2 unchanged; 1.3 is scored by "x" on tier rows, the district picks the lower level (-1);
 * 2.1 not yet appraised; 2.2 gains 0,5; 2.3 is a survey criterion.
 */
export function appraisedSheet(name = 'PL1') {
  return sheet(name, [
    ['BẢNG TỰ ĐÁNH GIÁ CHỈ SỐ CCHC NĂM 2023'], // 1
    APPRAISAL_HEADER, // 2
    ['1', 'Lĩnh vực thứ nhất', 4, null, null], // 3
    ['1.1', 'Ban hành kế hoạch CCHC', 1, 1, 0.5, 'Kế hoạch số 12/KH-UBND ngày 05/01/2023', 'Ban hành chậm 10 ngày'], // 4
    ['1.2', 'Tuyên truyền CCHC', 1, 1, 1, 'Báo cáo số 3/BC-UBND', null], // 5
    ['1.3', 'Mức độ hoàn thành kế hoạch', 2, null, null, { v: null, link: 'https://x.vn/kh.pdf' }, null], // 6
    ['-', 'Hoàn thành 100% kế hoạch', 2, 'x', null, null, null], // 7
    ['-', 'Hoàn thành dưới 100% kế hoạch', 1, null, 'x', null, 'Huyện: mới đạt 90%'], // 8
    ['2', 'Lĩnh vực thứ hai', 3, null, null], // 9
    ['2.1', 'Chưa được thẩm định', 1, 1, null, 'Quyết định số 1/QĐ-UBND'], // 10
    ['2.2', 'Được cộng khi thẩm định', 1, 0.5, 1, 'Quyết định số 2/QĐ-UBND', 'Bổ sung tài liệu khi thẩm định'], // 11
    ['2.3', 'Mức độ hài lòng (ĐTXHH)', 1, 'ĐTXHH', 1], // 12
    ['Tổng cộng', null, 7, null, null], // 13
  ]);
}

/** Rows as in Excel (1-based) in the comments; D = self, E = appraised. */
export function fillSheet(merges = ['D18:E18']) {
  return sheet(
    'PL1',
    [
      ['BẢNG ĐIỂM THẨM ĐỊNH'], // 1
      APPRAISAL_HEADER, // 2
      ['1', 'Lĩnh vực', 12, null, null], // 3
      ['1.1', 'Chấm số, chưa thẩm định', 1, 1, null, 'KH 1'], // 4  -> E4 = 1
      ['1.2', 'Đã thẩm định', 1, 1, 0.5, 'KH 2'], // 5
      ['1.3', 'Chọn mức bằng x', 1, null, null, 'KH 3'], // 6
      ['-', 'Đạt', 1, 'x', null], // 7  -> E7 = "x"
      ['-', 'Không đạt', 0, null, null], // 8
      ['1.4', 'Điểm dạng chữ', 1, '0,5', null, 'KH 4'], // 9  -> E9 = 0.5 (a number)
      ['1.5', 'Huyện ghi dấu gạch', 1, 1, '-', 'KH 5'], // 10
      ['1.6', 'Chưa tự chấm', 1, null, null, 'KH 6'], // 11
      ['1.7', 'Tự chấm bằng chữ', 1, 'đạt', null, 'KH 7'], // 12
      ['1.8', 'Huyện chọn mức khác', 1, null, null, 'KH 8'], // 13
      ['-', 'Đạt', 1, 'x', null], // 14
      ['-', 'Không đạt', 0, null, 'x'], // 15
      ['1.9', 'Ô thẩm định có công thức', 1, 1, { v: null, f: '""' }, 'KH 9'], // 16
      ['1.10', 'Ô thẩm định chỉ có khoảng trắng', 1, 1, '  ', 'KH 10'], // 17
      ['1.11', 'Ô thẩm định bị gộp', 1, 1, null, 'KH 11'], // 18 (E18 merged into D18:E18 -> not its top-left)
      ['1.12', 'Ô ghi 0', 1, 0, null, 'KH 12'], // 19  -> E19 = 0
      ['2', 'Lĩnh vực khảo sát', 1, null, null], // 20
      ['2.1', 'Mức độ hài lòng (ĐTXHH)', 1, 'ĐTXHH', null], // 21
      ['Tổng cộng', null, 13, null, null], // 22
    ],
    merges,
  );
}
