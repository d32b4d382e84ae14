'use strict';
/** A synthetic scoring sheet with a given number of leaf rows: 7 fields, criteria of 10 leaves, tier rows on every 5th leaf. */
function syntheticSheet(leafCount) {
  const rows = [[{ value: 'BẢNG TỰ ĐÁNH GIÁ (tổng hợp thử)' }], ['STT', 'Nội dung', 'Điểm tối đa', 'Điểm tự đánh giá', 'Tài liệu kiểm chứng', 'Hướng dẫn chấm điểm'].map((v) => ({ value: v }))];
  const fields = 7;
  const perField = Math.ceil(leafCount / fields);
  let made = 0;
  for (let f = 1; f <= fields && made < leafCount; f++) {
    rows.push([{ value: String(f) }, { value: 'Lĩnh vực ' + f }, null, null]);
    for (let c = 1; made < leafCount && (c - 1) * 10 < perField; c++) {
      rows.push([{ value: f + '.' + c }, { value: 'Tiêu chí ' + f + '.' + c }, null, null]);
      for (let l = 1; l <= 10 && made < leafCount && (c - 1) * 10 + l <= perField; l++) {
        made++;
        const tiered = made % 5 === 0;
        rows.push([
          { value: f + '.' + c + '.' + l },
          { value: 'Tiêu chí thành phần ' + made },
          { value: 1 },
          tiered ? null : { value: made % 3 === 0 ? 0.5 : 1 },
          made % 7 === 0 ? null : { value: 'Kế hoạch số ' + made + '/KH-UBND ngày 05/01/2023' },
          { value: 'Đúng hạn: 1 điểm; chậm: 0,5 điểm; không thực hiện: 0 điểm' },
        ]);
        if (tiered) {
          rows.push([{ value: '-' }, { value: 'Đúng hạn' }, { value: 1 }, { value: 'x' }]);
          rows.push([{ value: '-' }, { value: 'Chậm' }, { value: 0.5 }, null]);
        }
      }
    }
  }
  rows.push([{ value: 'Tổng cộng' }, null, null, null]);
  return { sheets: [{ name: 'Phụ lục 1', rows }] };
}

module.exports = { syntheticSheet };
