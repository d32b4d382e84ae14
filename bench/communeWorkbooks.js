'use strict';
/** Writes N commune workbooks for the benchmark: the sample with each commune's name and a few scores varied. */
const fs = require('fs');
const path = require('path');
const dist = path.join(__dirname, '..', 'dist');
const { buildSampleGrid } = require(path.join(dist, 'core', 'sample', 'thanhXa2023.js'));
const { gridToWorkbook } = require(path.join(dist, 'xlsx', 'gridToWorkbook.js'));

async function writeCommuneWorkbooks(dir, count) {
  for (let i = 0; i < count; i++) {
    const grid = buildSampleGrid();
    for (const sheet of grid.sheets) {
      for (const row of sheet.rows) {
        if (!row) continue;
        for (const cell of row) {
          if (cell && typeof cell.value === 'string' && cell.value.includes('THANH XÁ')) cell.value = cell.value.replace('THANH XÁ', 'XÃ SỐ ' + (i + 1));
          // Vary whole-point scores a little so files differ: drop one point on every (i % 9)-th such cell.
          if (cell && typeof cell.value === 'number' && !cell.formula && cell.value === 1 && i % 9 === 0) cell.value = 0;
        }
      }
    }
    await gridToWorkbook(grid, grid.styles).xlsx.writeFile(path.join(dir, 'xa-' + String(i + 1).padStart(3, '0') + '.xlsx'));
  }
}

module.exports = { writeCommuneWorkbooks };
