/** A1 addresses for people and formulas; the core itself works in 0-based row/column numbers. */

export function columnLetters(col: number): string {
  let n = col + 1;
  let letters = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

export function a1(row: number, col: number): string {
  return columnLetters(col) + (row + 1);
}

/** 'Phụ lục 1'!E12, quoting the sheet name the way Excel requires. */
export function sheetQualified(sheet: string, address: string): string {
  return "'" + sheet.replace(/'/g, "''") + "'!" + address;
}
