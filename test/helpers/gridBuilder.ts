import { CellRange, GridCell, SheetGrid, WorkbookGrid } from '../../src/core/grid';

/** Terse cell input for tests: a value, or an object with formula/link/font/error. */
export type CellInput = string | number | boolean | null | undefined | { v?: string | number | null; f?: string; link?: string; font?: string; err?: string };

export function toCell(input: CellInput): GridCell | null {
  if (input === null || input === undefined) return null;
  if (typeof input !== 'object') return { value: input };
  const cell: GridCell = { value: input.v === undefined ? null : input.v };
  if (input.f) cell.formula = input.f;
  if (input.link) cell.hyperlink = input.link;
  if (input.font) cell.font = input.font;
  if (input.err) cell.error = input.err;
  return cell;
}

/** "C5:D5" -> 0-based CellRange. */
export function range(a1: string): CellRange {
  const m = /^([A-Z]+)(\d+):([A-Z]+)(\d+)$/.exec(a1);
  if (!m) throw new Error('bad range ' + a1);
  const col = (letters: string) => letters.split('').reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  return { top: Number(m[2]) - 1, left: col(m[1]), bottom: Number(m[4]) - 1, right: col(m[3]) };
}

export function sheet(name: string, rows: CellInput[][], merges: string[] = []): SheetGrid {
  return { name, rows: rows.map((r) => r.map(toCell)), merges: merges.map(range) };
}

export function workbook(...sheets: SheetGrid[]): WorkbookGrid {
  return { sheets };
}

/** Standard header used by many tests: STT | name | max | self | evidence | guidance. */
export const HEADER: CellInput[] = ['STT', 'Nội dung tiêu chí', 'Điểm tối đa', 'Điểm tự đánh giá', 'Tài liệu kiểm chứng', 'Hướng dẫn chấm điểm'];
