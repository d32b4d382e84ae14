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

/** "A" -> 0, "AB" -> 27 (case-insensitive). */
export function columnIndex(letters: string): number {
  const up = letters.toUpperCase();
  let n = 0;
  for (let i = 0; i < up.length; i++) n = n * 26 + (up.charCodeAt(i) - 64);
  return n - 1;
}

/** "E12", "$E$12" or "'Sheet'!E12" -> 0-based row and column; null when it is not a cell address. */
export function parseA1(address: string): { row: number; col: number } | null {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(address.replace(/^.*!/, '').replace(/^\s+|\s+$/g, ''));
  return m ? { row: Number(m[2]) - 1, col: columnIndex(m[1]) } : null;
}

/** "C5:D7" or "C5" -> 0-based inclusive rectangle; null when it is not a range. */
export function parseRange(ref: string): { top: number; left: number; bottom: number; right: number } | null {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)(?::\$?([A-Za-z]{1,3})\$?(\d+))?$/.exec(ref);
  if (!m) return null;
  const top = Number(m[2]) - 1;
  const left = columnIndex(m[1]);
  return { top: top, left: left, bottom: m[4] ? Number(m[4]) - 1 : top, right: m[3] ? columnIndex(m[3]) : left };
}

export function a1(row: number, col: number): string {
  return columnLetters(col) + (row + 1);
}

/** 'Phụ lục 1'!E12, quoting the sheet name the way Excel requires. */
export function sheetQualified(sheet: string, address: string): string {
  return "'" + sheet.replace(/'/g, "''") + "'!" + address;
}
