'use strict';
/**
 * Writes N commune workbooks for the benchmarks: the sample with each commune's own name (so the
 * consolidation bench ranks N distinct communes) and a few scores varied.
 */
const fs = require('fs');
const path = require('path');
const dist = path.join(__dirname, '..', 'dist');
const { buildSampleGrid } = require(path.join(dist, 'core', 'sample', 'thanhXa2023.js'));
const { gridToWorkbook } = require(path.join(dist, 'xlsx', 'gridToWorkbook.js'));

const FIRST = ['An', 'Bình', 'Cẩm', 'Đồng', 'Hồng', 'Kim', 'Lạc', 'Minh', 'Ngọc', 'Phú', 'Quang', 'Sơn', 'Tân', 'Thái', 'Trung', 'Vĩnh', 'Xuân', 'Yên', 'Hòa', 'Gia'];
const SECOND = ['Lâm', 'Phong', 'Hưng', 'Long', 'Thịnh', 'Tiến', 'Vũ', 'Hải', 'Hà', 'Lợi', 'Mỹ', 'Ninh', 'Phúc', 'Thành', 'Thuận', 'Trà', 'Uyên', 'Việt', 'Khê', 'Đức'];

/** A distinct place name per index ("An Lâm", "Bình Lâm", …; a third word past 400). */
function communeName(i) {
  const n = FIRST.length * SECOND.length;
  const name = FIRST[i % FIRST.length] + ' ' + SECOND[Math.floor(i / FIRST.length) % SECOND.length];
  return i < n ? name : name + ' ' + FIRST[Math.floor(i / n) % FIRST.length];
}

async function writeCommuneWorkbooks(dir, count) {
  for (let i = 0; i < count; i++) {
    const grid = buildSampleGrid();
    const name = communeName(i);
    grid.sheets.forEach((sheet, s) => {
      // Self-scores only (a changed maximum would be another rubric): in every 9th file every
      // 1-point score drops to 0; in the others the (i % 20)-th one drops to 0,5, so totals vary.
      const selfCol = grid.styles[s].scoreColumns[1];
      let ones = 0;
      for (const row of sheet.rows) {
        if (!row) continue;
        for (const cell of row) if (cell && typeof cell.value === 'string') cell.value = cell.value.split('THANH XÁ').join(name.toUpperCase()).split('Thanh Xá').join(name);
        const self = row[selfCol];
        if (s !== 0 || !self || self.formula || self.value !== 1) continue;
        if (i % 9 === 0) self.value = 0;
        else if (ones++ === i % 20) self.value = 0.5;
      }
    });
    await gridToWorkbook(grid, grid.styles).xlsx.writeFile(path.join(dir, 'xa-' + String(i + 1).padStart(3, '0') + '.xlsx'));
  }
}

module.exports = { writeCommuneWorkbooks };
